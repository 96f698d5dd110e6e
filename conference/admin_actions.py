"""Admin actions that survive a selection which names no row.

Django's admin looks the selected rows up with `pk__in=<the posted ids>`; an
id that is no number ("abc", "", "²") or too large for the database makes that
lookup raise, and the page answer 500. A browser never sends one, but a
script or an edited form can: the list then comes back with Django's own
message that nothing was selected, and nothing is changed. The check wraps
every admin list of the site (ours, django-axes', django.contrib.auth's)
through `ConferenceAdminSite`, which also mixes into every admin the search
that ignores case and accents (conference.search) and the names Django leaves
out (conference.admin_labels).
"""

from functools import wraps

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.apps import AdminConfig
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

from conference.admin_labels import LabelledAdminMixin
from conference.checklist_return import returning_to_checklist
from conference.ids import is_valid_id
from conference.search import FoldedSearchMixin

SITE_MIXINS = (FoldedSearchMixin, LabelledAdminMixin)


def with_checked_selection(view):
    """`view` (a ModelAdmin's bound view), refusing an action on ids that
    name no row with the list and a message."""
    model_admin = getattr(view, "__self__", None)
    if not isinstance(model_admin, admin.ModelAdmin):
        return view

    @wraps(view)
    def checked_view(request, *args, **kwargs):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        if request.method == "POST" and not all(
            is_valid_id(model_admin.opts.pk, value) for value in selected
        ):
            model_admin.message_user(
                request,
                gettext(
                    "Items must be selected in order to perform "
                    "actions on them. No items have been changed."
                ),
                messages.WARNING,
            )
            return HttpResponseRedirect(request.get_full_path())
        return view(request, *args, **kwargs)

    return checked_view


def with_site_mixins(admin_class):
    """`admin_class` with SITE_MIXINS (a subclass of the same name, as
    Django's own `register(**options)` makes one)."""
    missing = tuple(
        mixin for mixin in SITE_MIXINS if not issubclass(admin_class, mixin)
    )
    if not missing:
        return admin_class
    return type(
        admin_class.__name__,
        (*missing, admin_class),
        {"__module__": admin_class.__module__},
    )


class ConferenceAdminSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        admin_class = with_site_mixins(admin_class or admin.ModelAdmin)
        super().register(model_or_iterable, admin_class, **options)

    def admin_view(self, view, cacheable=False):
        view = returning_to_checklist(with_checked_selection(view))
        return super().admin_view(view, cacheable)


class ConferenceAdminConfig(AdminConfig):
    default_site = "conference.admin_actions.ConferenceAdminSite"

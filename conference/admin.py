from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, Permission, User
from django.template.defaultfilters import date as format_date
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from conference import roles
from conference.image_descriptions import DescribedImageFormMixin
from conference.kept_uploads import KeptUploadsMixin
from conference.models import Event, Partner
from conference.services import save_event

admin.site.site_header = _("Conference administration")
admin.site.site_title = _("Conference administration")
admin.site.index_title = _("Content and registrations")


class CurrentEventInitialMixin:
    """New rows of a model admin belong to the current event by default."""

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        event = Event.objects.current()
        if event is not None:
            initial.setdefault("event", event.pk)
        return initial


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = [
        "short_title",
        "date",
        "is_current",
        "registration_enabled",
    ]
    list_filter = ["is_current", "registration_enabled"]
    search_fields = ["title", "short_title", "venue_name"]
    ordering = ["-date"]
    prepopulated_fields = {"slug": ["short_title"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "short_title",
                    "slug",
                    "is_current",
                    "tagline",
                    "description",
                ]
            },
        ),
        (
            _("Date and time"),
            {
                "fields": [
                    "date",
                    "doors_open_time",
                    "check_in_opens_before",
                    "start_time",
                    "end_time",
                    "times_are_provisional",
                ]
            },
        ),
        (
            _("Venue"),
            {
                "fields": [
                    "city",
                    "venue_name",
                    "venue_address",
                    "map_url",
                    "practical_information",
                    "id_required",
                    "what_to_bring",
                ]
            },
        ),
        (
            _("Registration"),
            {
                "fields": [
                    "registration_mode",
                    "capacity",
                    "reserved_seats",
                    "registration_enabled",
                    "registration_opens_at",
                    "registration_closes_at",
                    "contact_email",
                    "data_controller",
                ]
            },
        ),
        (_("Invitations"), {"fields": ["invitation_signature"]}),
        (
            _("About the Programme"),
            {
                "fields": [
                    "programme_description",
                    "funding_statement",
                    "announced_topics",
                ]
            },
        ),
    ]

    def save_model(self, request, obj, form, change):
        saved = save_event(
            event=obj,
            changed_fields=form.changed_data if change else [],
            by=request.user,
        )
        if saved.moved:
            self.message_user(
                request,
                " ".join(
                    [
                        gettext(
                            "The conference will now take place on %(date)s "
                            "(previously %(previous)s)."
                        )
                        % {
                            "date": format_date(obj.date, "DATE_FORMAT"),
                            "previous": format_date(saved.previous_date, "DATE_FORMAT"),
                        },
                        *saved.reports,
                    ]
                ),
                messages.SUCCESS,
            )
        missing = obj.missing_for_registration()
        if missing and obj.registration_enabled:
            names = ", ".join(
                str(Event._meta.get_field(name).verbose_name) for name in missing
            )
            self.message_user(
                request,
                gettext(
                    "Registration cannot open until these fields are filled in: "
                    "%(fields)s. The public form says that registration opens soon."
                )
                % {"fields": names},
                messages.WARNING,
            )


class PartnerForm(KeptUploadsMixin, DescribedImageFormMixin, forms.ModelForm):
    # The logo is shown next to the partner's name, which describes it.
    kept_upload_fields = ("logo",)
    image_field = "logo"
    description_field = "name"
    missing_message = _(
        "A partner with a logo needs its name in this language too: the name "
        "is what describes the logo to people who cannot see it."
    )


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin):
    form = PartnerForm
    list_display = ["name", "role", "country", "order"]
    list_editable = ["order"]
    list_filter = ["role"]
    search_fields = ["name", "short_name"]
    ordering = ["order", "name"]
    prepopulated_fields = {"slug": ["short_name"]}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "role", "country"]}),
        (_("Website and logo"), {"fields": ["website", "logo", "order"]}),
    ]


PERMISSION_ACTIONS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}


def permission_label(permission: Permission) -> str:
    """A permission's label in the admin's language.

    Django stores permission names in English when it creates them; this
    builds the label from the model's translated names instead.
    """
    model = permission.content_type.model_class()
    if model is None:
        return permission.name
    opts = model._meta
    action, _separator, model_name = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model_name == opts.model_name:
        name = PERMISSION_ACTIONS[action] % {"model": opts.verbose_name}
    else:
        name = dict(opts.permissions).get(permission.codename, permission.name)
    return f"{opts.app_config.verbose_name} | {capfirst(opts.verbose_name)} | {name}"


def group_label(group: Group) -> str:
    """A role's name in the admin's language (the roles of conference.roles)."""
    return gettext(group.name)


@dataclass(frozen=True)
class TranslatedGroupName:
    pk: int
    name: str

    def __str__(self):
        return self.name


class TranslatedGroupFilter(admin.RelatedFieldListFilter):
    def field_choices(self, field, request, model_admin):
        return [
            (pk, gettext(name))
            for pk, name in super().field_choices(field, request, model_admin)
        ]


class TranslatedPermissionsMixin:
    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.label_from_instance = permission_label
        if db_field.name == "groups":
            field.label_from_instance = group_label
        return field


admin.site.unregister(Group)
admin.site.unregister(User)


@admin.register(Group)
class ConferenceGroupAdmin(TranslatedPermissionsMixin, GroupAdmin):
    list_display = ["translated_name"]

    @admin.display(description=_("name"), ordering="name")
    def translated_name(self, group):
        return group_label(group)

    def action_checkbox(self, group):
        # The checkbox's aria-label names the row with str(): use the
        # translated name.
        named = TranslatedGroupName(group.pk, group_label(group))
        return super().action_checkbox(named)

    # The group's own pages name it by str(), its English name in the
    # database: they get the translated one.

    def _named(self, request, object_id):
        group = self.get_object(request, unquote(object_id))
        if group is None:
            return None
        return TranslatedGroupName(group.pk, group_label(group))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        named = self._named(request, object_id)
        if named is not None:
            extra_context = {
                **(extra_context or {}),
                "subtitle": named.name,
                "original": named,
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        named = self._named(request, object_id)
        if named is not None:
            extra_context = {
                **(extra_context or {}),
                "title": gettext("Change history: %s") % named.name,
                "object": named,
            }
        return super().history_view(request, object_id, extra_context)

    def get_deleted_objects(self, objs, request):
        # The delete page names the groups by str(): their translated names,
        # set on these instances only (never saved).
        groups = list(objs)
        for group in groups:
            group.name = group_label(group)
        return super().get_deleted_objects(groups, request)


@admin.register(User)
class ConferenceUserAdmin(TranslatedPermissionsMixin, UserAdmin):
    list_filter = [
        "is_staff",
        "is_superuser",
        "is_active",
        ("groups", TranslatedGroupFilter),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        user = form.instance
        if (
            user.is_staff
            and not user.is_superuser
            and not user.groups.exists()
            and not user.user_permissions.exists()
        ):
            self.message_user(
                request,
                gettext(
                    "The account “%(name)s” can sign in to the admin but is in no "
                    "group, so it will see only “%(refusal)s” Put it in the "
                    "“%(organisers)s” or “%(desk)s” group."
                )
                % {
                    "name": user.get_username(),
                    "refusal": gettext(
                        "You don’t have permission to view or edit anything."
                    ),
                    "organisers": gettext(roles.ORGANISERS),
                    "desk": gettext(roles.REGISTRATION_DESK),
                },
                messages.WARNING,
            )

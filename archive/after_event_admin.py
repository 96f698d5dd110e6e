"""After the conference, in the admin: send the follow-up e-mail and issue
the certificates of attendance, each from a page that first shows the
message in both languages, who will get it (those checked in) and who will
not (confirmed, never checked in), and the earlier sendings. Each sending
is recorded (AfterEventRecord: when, by whom, to how many), listed here.

When it may be done is the table's answer (registrations.rules); before the
end of the conference the page says why not and offers no button.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from archive import services
from archive.certificates import certificate_pdf
from archive.models import AfterEventKind, AfterEventRecord, Certificate
from conference.models import Event
from registrations import rules
from registrations.emails import preview_email
from registrations.exceptions import NotAllowed
from registrations.models import EmailKind, Registration
from registrations.rules import Action

SEND = "archive.send_after_event"
LANGUAGES = ("bg", "en")


@admin.register(AfterEventRecord)
class AfterEventRecordAdmin(admin.ModelAdmin):
    change_list_template = "admin/archive/aftereventrecord/change_list.html"
    # Narrow enough for a 1366 px laptop; the event is a filter.
    list_display = ("kind", "done_at", "done_by", "count")
    list_filter = ("kind", "event")
    search_fields = ("done_by__username",)
    ordering = ("-done_at",)
    list_select_related = ("event", "done_by")
    fields = ("event", "kind", "done_at", "done_by", "count")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "follow-up/",
                self.admin_site.admin_view(self.follow_up_view),
                name="archive_follow_up",
            ),
            path(
                "certificates/",
                self.admin_site.admin_view(self.certificates_view),
                name="archive_issue_certificates",
            ),
            path(
                "certificates/preview-<str:language>.pdf",
                self.admin_site.admin_view(self.certificate_preview),
                name="archive_certificate_preview",
            ),
            *super().get_urls(),
        ]

    def _event(self, request) -> Event:
        if not request.user.has_perm(SEND):
            raise PermissionDenied
        event = Event.objects.current()
        if event is None:
            raise Http404("No current event")
        return event

    def _page(self, request, event, *, action, title, recipients, context):
        """The page: the table's answer, who will get it (`recipients` of
        the phase), who will not, the preview (`context`) and the record."""
        phase = event.phase()
        allowed = rules.decide(action, event=event, phase=phase)
        names = rules.decide(Action.SEE_PERSONAL_DATA, event=event, phase=phase)
        records = AfterEventRecord.objects.filter(
            event=event, kind=context["kind"]
        ).select_related("done_by")
        shown = names.allowed
        return TemplateResponse(
            request,
            "admin/archive/aftereventrecord/send.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": title,
                "event": event,
                "allowed": allowed,
                "names_shown": shown,
                "recipients": list(recipients(phase).by_last_name()) if shown else [],
                "absentees": list(services.absentees(event).by_last_name())
                if shown
                else [],
                "records": records,
                **context,
            },
        )

    def _run(self, request, event, service, said):
        """Do it (a service of archive.services), say how many, record."""
        try:
            count = service(event=event, by=request.user)
        except NotAllowed as refusal:
            self.message_user(request, refusal.message, messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(
            request, said(count), messages.SUCCESS if count else messages.INFO
        )
        return HttpResponseRedirect(
            reverse("admin:archive_aftereventrecord_changelist")
        )

    def follow_up_view(self, request):
        event = self._event(request)
        if request.method == "POST":
            return self._run(request, event, services.send_follow_up, _queued)
        return self._page(
            request,
            event,
            action=Action.SEND_FOLLOW_UP,
            title=gettext("Send the follow-up e-mail"),
            recipients=lambda phase: services.follow_up_recipients(event, phase),
            context={
                "kind": AfterEventKind.FOLLOW_UP,
                "done_before": Certificate.objects.filter(
                    registration__event=event, follow_up_sent_at__isnull=False
                ).count(),
                "previews": [
                    preview_email(
                        kind=EmailKind.FOLLOW_UP, event=event, language=language
                    )
                    for language in LANGUAGES
                ],
                "button": gettext("Send the follow-up e-mail"),
            },
        )

    def certificates_view(self, request):
        event = self._event(request)
        if request.method == "POST":
            return self._run(request, event, services.issue_certificates, _issued)
        return self._page(
            request,
            event,
            action=Action.ISSUE_CERTIFICATE,
            title=gettext("Issue certificates of attendance"),
            recipients=lambda phase: services.attendees(event, phase).filter(
                certificate__isnull=True
            ),
            context={
                "kind": AfterEventKind.CERTIFICATES,
                "done_before": Certificate.objects.filter(
                    registration__event=event
                ).count(),
                "pdf_previews": [
                    (
                        language,
                        reverse(
                            "admin:archive_certificate_preview",
                            kwargs={"language": language},
                        ),
                    )
                    for language in LANGUAGES
                ],
                "button": gettext("Issue certificates"),
            },
        )

    def certificate_preview(self, request, language):
        """A certificate as it will look, with a placeholder for the name."""
        event = self._event(request)
        if language not in LANGUAGES:
            raise Http404
        sample = Certificate(
            code="PREVIEW",
            registration=Registration(
                event=event,
                language=language,
                first_name=_("[first name]"),
                last_name=_("[last name]"),
            ),
        )
        return HttpResponse(certificate_pdf(sample), content_type="application/pdf")


def _queued(count: int) -> str:
    if not count:
        return gettext(
            "It was not sent to anyone: every attendee has already received it."
        )
    return ngettext(
        "The follow-up e-mail is queued for %(count)d attendee; the mail worker "
        "sends it within minutes.",
        "The follow-up e-mail is queued for %(count)d attendees; the mail worker "
        "sends them within minutes.",
        count,
    ) % {"count": count}


def _issued(count: int) -> str:
    if not count:
        return gettext("No certificate was issued: every attendee already has one.")
    return ngettext(
        "%(count)d certificate of attendance has been issued.",
        "%(count)d certificates of attendance have been issued.",
        count,
    ) % {"count": count}

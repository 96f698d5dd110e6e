"""The session's form in the admin.

A session is entered as a start time and a duration on the event's day (an
event is one day: its date is never typed), and its slug is made from the
title when left empty.

Warnings (programme.warnings) are shown next to the field they concern, with a
“Save despite these warnings” button beside them, before anything is saved.
Only warnings the session did not already have count (an old, accepted
warning never blocks an unrelated edit), and the button accepts exactly the
warnings shown: a change that brings others asks again.
"""

import copy
import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.ids import is_valid_id
from programme.forms.slugs import SlugFromTitleMixin
from programme.models import Session, Speaker
from programme.warnings import (
    AgendaWarning,
    WarningKind,
    candidate_warnings,
    fingerprint,
    new_warnings,
    saved_warnings,
)

SPEAKER_ROWS = "session_speakers"
# The model's time fields, as the form's fields that set them.
TIME_FIELDS = {"starts_at": "start_time", "ends_at": "duration"}
# The field each kind of warning is shown beside; speakers are the inline rows.
WARNING_FIELDS = {
    WarningKind.OUTSIDE_HOURS: "start_time",
    WarningKind.LONGER_THAN_DAY: "duration",
    WarningKind.OVER_CAPACITY: "room",
    WarningKind.SPEAKER_OVERLAP: SPEAKER_ROWS,
}
ACCEPT_FIELD = "save_despite_warnings"


def submitted_speaker_ids(data, prefix: str = SPEAKER_ROWS) -> list[int] | None:
    """The speakers of the session's inline rows as submitted (not yet saved),
    without the rows marked for deletion; None when the form has no rows."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", ""))
    except ValueError:
        return None
    ids = []
    for index in range(min(total, 1000)):
        if data.get(f"{prefix}-{index}-DELETE"):
            continue
        value = str(data.get(f"{prefix}-{index}-speaker", ""))
        if is_valid_id(Speaker._meta.pk, value):
            ids.append(int(value))
    return ids


class WarningsAcknowledgementMixin:
    """Warnings block a save until the organiser accepts exactly them.

    The form carries `warnings_seen`, the fingerprint of the warnings it last
    showed; “Save despite these warnings” (the button beside them sends
    save_despite_warnings=on) counts only when that fingerprint is the one of
    the warnings found now. Subclasses call `check_warnings(warnings)` from
    clean() and say where each warning goes (`warning_field`).
    """

    def init_warnings(self) -> None:
        self.agenda_warnings: list[AgendaWarning] = []
        self.warnings_by_field: dict[str, list[str]] = {}

    def warning_field(self, warning: AgendaWarning) -> str:
        return WARNING_FIELDS.get(warning.kind, ACCEPT_FIELD)

    def check_warnings(self, warnings: list[AgendaWarning], cleaned) -> None:
        self.agenda_warnings = warnings
        seen = fingerprint(warnings)
        accepted = cleaned.get(ACCEPT_FIELD) and cleaned.get("warnings_seen") == seen
        if not warnings or accepted:
            return
        for warning in warnings:
            name = self.warning_field(warning)
            self.warnings_by_field.setdefault(name, []).append(warning.message)
            if name in self.fields:
                self.add_error(
                    name, forms.ValidationError(warning.message, code="agenda_warning")
                )
        if not any(self.warning_field(warning) in self.fields for warning in warnings):
            # Only warnings shown beside the speaker rows: the form still must
            # not save.
            self.add_error(
                ACCEPT_FIELD,
                forms.ValidationError(
                    _("Please check the warnings."), code="agenda_warning"
                ),
            )
        # Shown again with the fingerprint of these warnings, the box unticked.
        self.data = self.data.copy()
        self.data[self.add_prefix("warnings_seen")] = seen
        self.data.pop(self.add_prefix(ACCEPT_FIELD), None)

    @property
    def only_warnings(self) -> bool:
        """Whether the warnings are all that stands in the way of saving
        (a refusal, such as another session in the room, cannot be saved past)."""
        return bool(self.warnings_by_field) and all(
            error.code == "agenda_warning"
            for errors in self.errors.as_data().values()
            for error in errors
        )

    def speaker_warnings(self) -> list[str]:
        return self.warnings_by_field.get(SPEAKER_ROWS, [])


class SessionAdminForm(
    WarningsAcknowledgementMixin, SlugFromTitleMixin, forms.ModelForm
):
    start_time = forms.TimeField(
        label=_("Start time"),
        widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M"),
        help_text=_("On the day of the event, e.g. 10:30."),
    )
    duration = forms.IntegerField(
        label=_("Duration in minutes"),
        min_value=5,
        max_value=24 * 60,
        step_size=5,
        initial=30,
        widget=forms.NumberInput(attrs={"step": 5}),
        help_text=_("In steps of 5 minutes, e.g. 45 or 90."),
        error_messages={
            "min_value": _("A session lasts at least 5 minutes."),
            "max_value": _("A session cannot last longer than a day."),
            "step_size": _("Give the duration in steps of 5 minutes, e.g. 45 or 50."),
        },
    )
    save_despite_warnings = forms.BooleanField(
        label=_("Save despite these warnings"),
        required=False,
    )
    warnings_seen = forms.CharField(
        required=False, max_length=64, widget=forms.HiddenInput
    )

    class Meta:
        model = Session
        # The admin lists the fields (its fieldsets); starts_at and ends_at
        # are set from start_time and duration.
        fields = ["event", "title", "slug", "kind", "room", "in_every_room"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_warnings()
        if self.instance.pk and self.instance.starts_at:
            self.initial.setdefault(
                "start_time", timezone.localtime(self.instance.starts_at).time()
            )
            minutes = int(self.instance.duration.total_seconds() // 60)
            self.initial.setdefault("duration", minutes)
        event_id = self.instance.event_id or self.initial.get("event")
        if "room" in self.fields and event_id and not self.is_bound:
            # The rooms of the session's event (a bound form accepts any room
            # and the model says when it belongs to another event).
            self.fields["room"].queryset = self.fields["room"].queryset.filter(
                event_id=event_id
            )

    def slug_taken(self, slug: str) -> bool:
        event = self.cleaned_data.get("event")
        return (
            Session.objects.filter(event=event, slug=slug)
            .exclude(pk=self.instance.pk)
            .exists()
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("in_every_room"):
            # A break in every room has no room of its own.
            cleaned["room"] = None
        event = cleaned.get("event")
        start, duration = cleaned.get("start_time"), cleaned.get("duration")
        if event is None or start is None or duration is None:
            return cleaned
        starts_at = datetime.datetime.combine(
            event.date, start, tzinfo=timezone.get_default_timezone()
        )
        self.instance.starts_at = starts_at
        self.instance.ends_at = starts_at + datetime.timedelta(minutes=duration)
        self.check_warnings(self.warnings_for(cleaned), cleaned)
        return cleaned

    def warnings_for(self, cleaned) -> list[AgendaWarning]:
        """The warnings this edit brings: those the session has as submitted,
        less those it already had as saved."""
        candidate = copy.copy(self.instance)
        candidate.event = cleaned["event"]
        candidate.room = cleaned.get("room")
        candidate.in_every_room = bool(cleaned.get("in_every_room"))
        for name in ("title_bg", "title_en"):
            if name in cleaned:
                setattr(candidate, name, cleaned[name])
        speaker_ids = submitted_speaker_ids(self.data) if self.is_bound else None
        return new_warnings(
            candidate_warnings(candidate, speaker_ids=speaker_ids),
            saved_warnings(self.instance),
        )

    def _update_errors(self, errors):
        # The model reports its time errors on starts_at/ends_at, which the
        # form sets from its start time and duration.
        if hasattr(errors, "error_dict"):
            renamed = {}
            for field, messages in errors.error_dict.items():
                renamed.setdefault(TIME_FIELDS.get(field, field), []).extend(messages)
            errors = forms.ValidationError(renamed)
        super()._update_errors(errors)

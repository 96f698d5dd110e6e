"""The organisers' forms for the programme (used by programme.admin).

A session is entered as a start time and a duration on the event's day (an
event is one day: its date is never typed), and its slug is made from the
title when left empty. The warnings of programme.warnings are listed before
anything is saved; ticking “Save despite these warnings” saves anyway.

RescheduleForm reads a move or a resize from the day grid (programme.agenda_grid).
"""

import copy
import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from conference.ids import is_valid_id
from programme.models import Project, Result, Room, Session, Speaker
from programme.slugs import slug_for
from programme.warnings import candidate_warnings

SPEAKER_ROWS = "session_speakers"
# The model's time fields, as the form's fields that set them.
TIME_FIELDS = {"starts_at": "start_time", "ends_at": "duration"}
# The day grid moves and resizes sessions in steps of this many minutes.
GRID_STEP_MINUTES = 5


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


class SlugFromTitleMixin:
    """The slug is optional: left empty, it is made from the Bulgarian (or
    English) title, transliterated, and made unique (per event for sessions)."""

    slug_sources = ("title_bg", "title_en")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The end of the page’s address. Leave empty: it is made from the title."
            )

    def slug_taken(self, slug: str) -> bool:
        model = self._meta.model
        return model.objects.filter(slug=slug).exclude(pk=self.instance.pk).exists()

    def fill_slug(self) -> None:
        data = self.cleaned_data
        if "slug" not in self.fields or data.get("slug"):
            return
        texts = [data.get(name) or "" for name in self.slug_sources]
        fallback = self._meta.model._meta.model_name
        data["slug"] = slug_for(*texts, fallback=fallback, taken=self.slug_taken)

    def clean(self):
        cleaned = super().clean()
        self.fill_slug()
        return cleaned


class SessionAdminForm(SlugFromTitleMixin, forms.ModelForm):
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
        help_text=_("Only needed when the form lists warnings above."),
    )

    class Meta:
        model = Session
        # The admin lists the fields (its fieldsets); starts_at and ends_at
        # are set from start_time and duration.
        fields = ["event", "title", "slug", "kind", "room"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.agenda_warnings: list[str] = []
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
        event = cleaned.get("event")
        start, duration = cleaned.get("start_time"), cleaned.get("duration")
        if event is None or start is None or duration is None:
            return cleaned
        starts_at = datetime.datetime.combine(
            event.date, start, tzinfo=timezone.get_default_timezone()
        )
        self.instance.starts_at = starts_at
        self.instance.ends_at = starts_at + datetime.timedelta(minutes=duration)
        self.agenda_warnings = self.warnings_for(cleaned)
        if self.agenda_warnings and not cleaned.get("save_despite_warnings"):
            self.add_error(
                None,
                forms.ValidationError(
                    [self.warnings_intro(), *self.agenda_warnings],
                    code="agenda_warnings",
                ),
            )
        return cleaned

    @staticmethod
    def warnings_intro() -> str:
        return gettext(
            "Please check the warnings below. To save anyway, tick "
            "“Save despite these warnings”."
        )

    def warnings_for(self, cleaned) -> list[str]:
        candidate = copy.copy(self.instance)
        candidate.event = cleaned["event"]
        candidate.room = cleaned.get("room")
        for name in ("title_bg", "title_en"):
            if name in cleaned:
                setattr(candidate, name, cleaned[name])
        speaker_ids = submitted_speaker_ids(self.data) if self.is_bound else None
        return [
            warning.message
            for warning in candidate_warnings(candidate, speaker_ids=speaker_ids)
        ]

    def _update_errors(self, errors):
        # The model reports its time errors on starts_at/ends_at, which the
        # form sets from its start time and duration.
        if hasattr(errors, "error_dict"):
            renamed = {}
            for field, messages in errors.error_dict.items():
                renamed.setdefault(TIME_FIELDS.get(field, field), []).extend(messages)
            errors = forms.ValidationError(renamed)
        super()._update_errors(errors)
        self.put_warnings_last()

    def put_warnings_last(self) -> None:
        """A refusal of the model (another session in the room at that time)
        comes before the warnings: ticking “Save despite these warnings” does
        not save past it, and the organiser should read it first."""
        errors = self._errors.get(NON_FIELD_ERRORS) if self._errors else None
        if not errors or not self.agenda_warnings:
            return
        warning_texts = {self.warnings_intro(), *self.agenda_warnings}

        def is_warning(error) -> bool:
            if isinstance(error, forms.ValidationError):
                return " ".join(error) in warning_texts
            return str(error) in warning_texts

        errors.data.sort(key=is_warning)


class RoomAdminForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["event"]  # and those of the admin's fields

    def _update_errors(self, errors):
        # A name the field refused (too long) is not “no name”: the model's
        # clean() sees it empty. A field says one thing at a time.
        if hasattr(errors, "error_dict"):
            errors = forms.ValidationError(
                {
                    field: messages
                    for field, messages in errors.error_dict.items()
                    if field not in self._errors
                }
            )
        super()._update_errors(errors)


class SpeakerAdminForm(SlugFromTitleMixin, forms.ModelForm):
    slug_sources = ("name_bg", "name_en")

    class Meta:
        model = Speaker
        fields = ["slug"]  # and those of the admin's fieldsets


class ResultAdminForm(SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Result
        fields = ["slug"]  # and those of the admin's fieldsets


class ProjectAdminForm(SlugFromTitleMixin, forms.ModelForm):
    class Meta:
        model = Project
        fields = ["slug"]  # and those of the admin's fieldsets


class RescheduleForm(forms.Form):
    """What a move, a resize or the plain form sends; times on the event's day."""

    session = forms.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        error_messages={
            "required": _("Say which session to change."),
            "invalid": _("There is no such session."),
            "min_value": _("There is no such session."),
            "max_value": _("There is no such session."),
        },
    )
    start = forms.TimeField(
        label=_("Start"),
        input_formats=["%H:%M", "%H:%M:%S"],
        error_messages={
            "required": _("Give the start time, e.g. 09:30."),
            "invalid": _("Give the start time as hours and minutes, e.g. 09:30."),
        },
    )
    end = forms.TimeField(
        label=_("End"),
        required=False,
        input_formats=["%H:%M", "%H:%M:%S"],
        error_messages={
            "invalid": _("Give the end time as hours and minutes, e.g. 10:15."),
        },
    )
    duration = forms.IntegerField(
        label=_("Duration in minutes"),
        required=False,
        min_value=GRID_STEP_MINUTES,
        max_value=24 * 60,
        step_size=GRID_STEP_MINUTES,
        error_messages={
            "invalid": _("Give the duration as a number of minutes, e.g. 45."),
            "min_value": _("A session lasts at least 5 minutes."),
            "max_value": _("A session cannot last longer than a day."),
            "step_size": _("Give the duration in steps of 5 minutes, e.g. 45 or 50."),
        },
    )
    room = forms.IntegerField(
        label=_("Room"),
        required=False,
        min_value=1,
        max_value=2**31 - 1,
        error_messages={
            "invalid": _("There is no such room for this event."),
            "min_value": _("There is no such room for this event."),
            "max_value": _("There is no such room for this event."),
        },
    )
    token = forms.CharField(
        max_length=64,
        error_messages={
            "required": _("The page is out of date: reload it and try again."),
            "max_length": _("The page is out of date: reload it and try again."),
        },
    )

    def clean_session(self):
        session = (
            Session.objects.select_related("event", "room")
            .filter(pk=self.cleaned_data["session"])
            .first()
        )
        if session is None:
            raise forms.ValidationError(
                _("There is no such session."), code="no_session"
            )
        return session

    def clean(self):
        data = super().clean()
        session, start = data.get("session"), data.get("start")
        if session is None or start is None:
            return data
        event = session.event
        zone = timezone.get_default_timezone()
        data["starts_at"] = datetime.datetime.combine(event.date, start, tzinfo=zone)
        if data.get("end") is not None:
            data["ends_at"] = datetime.datetime.combine(
                event.date, data["end"], tzinfo=zone
            )
        elif data.get("duration") is not None:
            data["ends_at"] = data["starts_at"] + datetime.timedelta(
                minutes=data["duration"]
            )
        elif "end" not in self.errors and "duration" not in self.errors:
            raise forms.ValidationError(
                _("Give the end time or the duration."), code="no_end"
            )
        room_id = data.get("room")
        data["room"] = None
        if room_id is not None:
            data["room"] = Room.objects.for_event(event).filter(pk=room_id).first()
            if data["room"] is None:
                self.add_error(
                    "room",
                    forms.ValidationError(
                        _("There is no such room for this event."), code="no_room"
                    ),
                )
        return data

    def first_error(self) -> str:
        for errors in self.errors.values():
            return errors[0]
        return gettext("The change could not be saved.")

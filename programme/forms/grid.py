"""What the day grid sends (programme.agenda_grid): a move or a resize, and a
session created in a free slot."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from programme.models import Room, Session, SessionKind, Speaker

# The day grid moves and resizes sessions in steps of this many minutes.
GRID_STEP_MINUTES = 5


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


def model_label(name: str, language: str = "") -> str:
    """The session field's own label, as the session's form shows it
    (“Title [bg]”), so the grid's dialog and the form speak alike."""
    label = capfirst(Session._meta.get_field(name).verbose_name)
    return f"{label} [{language}]" if language else label


class GridSessionForm(forms.Form):
    """A new session from the day grid's dialog: what the session form asks
    first (titles, kind, time, duration, room, speakers). The rules and the
    warnings are those of services.create_session."""

    title_bg = forms.CharField(max_length=300, required=False)
    title_en = forms.CharField(max_length=300, required=False)
    kind = forms.ChoiceField(
        choices=SessionKind.choices, initial=SessionKind.PRESENTATION
    )
    in_every_room = forms.BooleanField(required=False)
    start = forms.TimeField(
        label=_("Start time"),
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M"),
        error_messages={
            "required": _("Give the start time, e.g. 09:30."),
            "invalid": _("Give the start time as hours and minutes, e.g. 09:30."),
        },
    )
    duration = forms.IntegerField(
        label=_("Duration in minutes"),
        min_value=GRID_STEP_MINUTES,
        max_value=24 * 60,
        step_size=GRID_STEP_MINUTES,
        initial=30,
        widget=forms.NumberInput(attrs={"step": GRID_STEP_MINUTES}),
        error_messages={
            "required": _("Give the duration as a number of minutes, e.g. 45."),
            "invalid": _("Give the duration as a number of minutes, e.g. 45."),
            "min_value": _("A session lasts at least 5 minutes."),
            "max_value": _("A session cannot last longer than a day."),
            "step_size": _("Give the duration in steps of 5 minutes, e.g. 45 or 50."),
        },
    )
    room = forms.ModelChoiceField(
        queryset=Room.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("There is no such room for this event.")},
    )
    speakers = forms.ModelMultipleChoiceField(
        queryset=Speaker.objects.all(),
        required=False,
        error_messages={
            "invalid_choice": _("There is no such speaker."),
            "invalid_pk_value": _("There is no such speaker."),
        },
    )
    save_despite_warnings = forms.BooleanField(required=False)
    warnings_seen = forms.CharField(required=False, max_length=64)

    def __init__(self, *args, event, **kwargs):
        kwargs.setdefault("auto_id", "grid-new-%s")
        super().__init__(*args, **kwargs)
        self.event = event
        for name, field in self.fields.items():
            # Each field names the line where the dialog says what is wrong.
            field.widget.attrs["aria-describedby"] = f"grid-new-{name}-problem"
        self.fields["room"].queryset = Room.objects.for_event(event)
        self.fields["room"].empty_label = gettext("Without a room")
        self.fields["title_bg"].label = model_label("title", "bg")
        self.fields["title_en"].label = model_label("title", "en")
        self.fields["kind"].label = model_label("kind")
        self.fields["in_every_room"].label = model_label("in_every_room")
        self.fields["room"].label = model_label("room")
        self.fields["speakers"].label = model_label("speakers")

    def clean(self):
        data = super().clean()
        start, duration = data.get("start"), data.get("duration")
        if start is not None and duration is not None:
            zone = timezone.get_default_timezone()
            data["starts_at"] = datetime.datetime.combine(
                self.event.date, start, tzinfo=zone
            )
            data["ends_at"] = data["starts_at"] + datetime.timedelta(minutes=duration)
        if data.get("speakers") is not None:
            # In the order the organiser chose them (the line-up's order).
            chosen: dict[str, int] = {}
            values = (
                self.data.getlist("speakers") if hasattr(self.data, "getlist") else []
            )
            for position, value in enumerate(values):
                chosen.setdefault(str(value).strip().lstrip("0"), position)
            data["speakers"] = sorted(
                data["speakers"],
                key=lambda speaker: chosen.get(str(speaker.pk), len(chosen)),
            )
        return data

import datetime

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from conference.fields import LogoField
from conference.phases import (
    EventPhase,
    RegistrationMode,
    RegistrationState,
    event_phase,
    registration_deadline,
)

__all__ = [
    "Event",
    "Partner",
    "PartnerRole",
    "RegistrationMode",
    "RegistrationState",
]

# How early on the day organisers may open the desk: at most 8 hours.
CHECK_IN_EARLIEST_MINUTES = 480


class EventQuerySet(models.QuerySet):
    def current(self):
        """The one event the site shows, or None before content is loaded."""
        return self.filter(is_current=True).first()


class Event(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    is_current = models.BooleanField(
        _("current event"),
        default=False,
        help_text=_("The site shows the current event. Only one event can be current."),
    )
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=120)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the conference is about.")
    )
    programme_description = models.TextField(
        _("about the Programme"),
        blank=True,
        help_text=_("Shown on the “About the Programme” page."),
    )
    funding_statement = models.CharField(
        _("funding statement"),
        max_length=400,
        blank=True,
        help_text=_("Shown in the footer of every page."),
    )

    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    doors_open_time = models.TimeField(
        _("doors open"),
        null=True,
        blank=True,
        help_text=_(
            "When attendees can come in. Empty: at the start time. The site "
            "switches to “the conference is under way” at this time."
        ),
    )
    check_in_opens_before = models.PositiveSmallIntegerField(
        _("check-in opens early (minutes before the doors open)"),
        default=0,
        validators=[MaxValueValidator(CHECK_IN_EARLIEST_MINUTES)],
        help_text=_(
            "0: the registration desk checks people in from the time the doors "
            "open. For example 30: from half an hour before, on the day itself. "
            "Registration closes at this time at the latest."
        ),
    )
    calendar_sequence = models.PositiveIntegerField(
        _("calendar revision"),
        default=0,
        editable=False,
        help_text=_(
            "Rises each time the date or the hours change, so calendar apps "
            "replace the conference’s entry instead of keeping the old one."
        ),
    )
    times_are_provisional = models.BooleanField(
        _("times not yet confirmed"),
        default=False,
        help_text=_(
            "While ticked, pages, e-mails and calendar files say “to be announced” "
            "instead of the start and end time."
        ),
    )

    city = models.CharField(_("city"), max_length=100)
    venue_name = models.CharField(_("venue"), max_length=200)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    map_url = models.URLField(_("map link"), blank=True)
    practical_information = models.TextField(
        _("practical information"),
        blank=True,
        help_text=_(
            "Shown on the venue page: how to get there, interpretation, accessibility."
        ),
    )

    capacity = models.PositiveIntegerField(
        _("capacity"), help_text=_("Number of seats for registered attendees.")
    )
    registration_mode = models.CharField(
        _("registration mode"),
        max_length=20,
        choices=RegistrationMode.choices,
        default=RegistrationMode.OPEN,
        help_text=_(
            "Open: anyone can register through the public form. With invited "
            "guests: the public form stays open, and invitations can be sent "
            "too. By invitation only: the public form is closed."
        ),
    )
    reserved_seats = models.PositiveIntegerField(
        _("reserved seats"),
        default=0,
        help_text=_(
            "Seats kept for invited guests and accredited press, in addition to the "
            "capacity: they never go to the public unless you release them."
        ),
    )
    invitation_signature = models.TextField(
        _("signature of the invitations"),
        blank=True,
        help_text=_(
            "The name and position of the person issuing the invitations, as they "
            "appear at the end of each invitation, each on its own line. Empty: "
            "the organisers’ names."
        ),
    )
    registration_enabled = models.BooleanField(
        _("registration switched on"),
        default=True,
        help_text=_("Switch off to close registration at once."),
    )
    registration_opens_at = models.DateTimeField(
        _("registration opens"),
        null=True,
        blank=True,
        help_text=_("Empty: open now."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the doors open."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    data_controller = models.TextField(
        _("data controller"),
        blank=True,
        help_text=_(
            "Name, address and contact details of the organisation responsible for "
            "the registrants’ personal data, and of its data protection officer if "
            "there is one. Registration cannot open without it."
        ),
    )
    announced_topics = models.TextField(
        _("announced topics"),
        blank=True,
        help_text=_(
            "One topic a line. Shown on the agenda page until the first version of "
            "the agenda is published."
        ),
    )
    id_required = models.BooleanField(
        _("ID needed at the venue"),
        default=False,
        help_text=_(
            "Tick if the venue asks attendees to show an identity document. "
            "Shown in the practical information before the conference."
        ),
    )
    what_to_bring = models.TextField(
        _("what to bring"),
        blank=True,
        help_text=_(
            "Shown in the practical information on the home page in the last "
            "days before the conference. Leave empty if there is nothing to add."
        ),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="conference_event_one_current",
                violation_error_message=_("Another event is already the current one."),
            ),
            models.CheckConstraint(
                condition=Q(end_time__gt=F("start_time")),
                name="conference_event_ends_after_start",
                violation_error_message=_("The conference must end after it starts."),
            ),
            models.CheckConstraint(
                condition=Q(registration_opens_at__isnull=True)
                | Q(registration_closes_at__isnull=True)
                | Q(registration_closes_at__gt=F("registration_opens_at")),
                name="conference_event_registration_window",
                violation_error_message=_("Registration must close after it opens."),
            ),
        ]

    def __str__(self):
        return self.short_title or self.title

    def get_absolute_url(self):
        return reverse("conference:home")

    @property
    def starts_at(self) -> datetime.datetime:
        return datetime.datetime.combine(
            self.date, self.start_time, tzinfo=timezone.get_default_timezone()
        )

    @property
    def ends_at(self) -> datetime.datetime:
        return datetime.datetime.combine(
            self.date, self.end_time, tzinfo=timezone.get_default_timezone()
        )

    @property
    def registration_deadline(self) -> datetime.datetime:
        return registration_deadline(self)

    def phase(self, at: datetime.datetime | None = None) -> EventPhase:
        """Where the event stands; see conference.phases."""
        return event_phase(self, at)

    def has_taken_place(self, at: datetime.datetime | None = None) -> bool:
        return self.phase(at).has_taken_place

    def missing_for_registration(self) -> list[str]:
        """What the law needs before anyone may register: the names of the
        empty fields (the privacy notice's controller, an address to write to)."""
        required = {
            "data_controller": self.data_controller,
            "contact_email": self.contact_email,
        }
        return [name for name, value in required.items() if not value.strip()]

    @property
    def topics(self) -> list[str]:
        lines = (line.strip() for line in self.announced_topics.splitlines())
        return [line for line in lines if line]

    def registration_state(
        self, at: datetime.datetime | None = None
    ) -> RegistrationState:
        return self.phase(at).registration


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    IMPLEMENTING = "implementing", _("Implementing partner")
    SWISS = "swiss", _("Swiss partner")
    DONOR = "donor", _("Donor and funding programme")


ROLE_HEADINGS = {
    PartnerRole.ORGANISER: _("Organisers"),
    PartnerRole.IMPLEMENTING: _("Implementing partners"),
    PartnerRole.SWISS: _("Swiss partners"),
    PartnerRole.DONOR: _("Donor and funding programme"),
}


class Partner(models.Model):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = LogoField(
        _("logo"),
        upload_to="partners/",
        blank=True,
        help_text=_("SVG or PNG. An SVG is cleaned of scripts and links."),
    )
    order = models.PositiveIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["order", "name"]

    def __str__(self):
        return self.short_name or self.name

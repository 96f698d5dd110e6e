import datetime

from django.conf import settings
from django.db import models
from django.db.models import F, Prefetch, Q
from django.urls import reverse
from django.utils.translation import gettext, npgettext
from django.utils.translation import gettext_lazy as _

from conference.fields import SanitisedImageField
from conference.models import Event, Partner
from programme.slides import validate_slides
from programme.validators import validate_document


class SessionKind(models.TextChoices):
    REGISTRATION = "registration", _("Registration")
    OPENING = "opening", _("Opening")
    KEYNOTE = "keynote", _("Keynote")
    PRESENTATION = "presentation", _("Presentation")
    PANEL = "panel", _("Panel")
    DISCUSSION = "discussion", _("Discussion")
    BREAK = "break", _("Break")
    LUNCH = "lunch", _("Lunch")
    CLOSING = "closing", _("Closing")


class SessionLanguage(models.TextChoices):
    BULGARIAN = "bg", _("Bulgarian")
    ENGLISH = "en", _("English")
    BOTH = "bg-en", _("Bulgarian and English")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")
    PANELLIST = "panellist", _("Panellist")


def role_heading(role: str, count: int) -> str:
    """“Moderator” or “Moderators”, as the line-up of a session shows it."""
    if role == SpeakerRole.MODERATOR:
        return npgettext("line-up heading", "Moderator", "Moderators", count)
    if role == SpeakerRole.PANELLIST:
        return npgettext("line-up heading", "Panellist", "Panellists", count)
    return npgettext("line-up heading", "Speaker", "Speakers", count)


class ResultCategory(models.TextChoices):
    SHELTERS = "shelters", _("Shelters and accommodation")
    GUIDE = (
        "guide",
        _(
            "Practical guide for the identification, protection and return of victims "
            "from Switzerland"
        ),
    )
    CAMPAIGNS = "campaigns", _("Information campaigns")
    RESEARCH = "research", _("Research and mapping")
    PILOTS = "pilots", _("Pilot initiatives and innovative approaches")
    TOOLS = "tools", _("Cooperation tools")


class SessionQuerySet(models.QuerySet):
    def with_speakers(self):
        return self.select_related("event").prefetch_related(
            Prefetch(
                "session_speakers",
                queryset=SessionSpeaker.objects.select_related("speaker"),
            )
        )

    def for_event(self, event: Event):
        """The event's sessions in time order, with their speakers."""
        return self.filter(event=event).with_speakers()


class Session(models.Model):
    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    slug = models.SlugField(_("slug"), max_length=120)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=SessionKind.choices,
        default=SessionKind.PRESENTATION,
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(
        _("room or hall"),
        max_length=150,
        blank=True,
        help_text=_("Two sessions in the same room cannot overlap."),
    )
    language = models.CharField(
        _("language of the session"),
        max_length=5,
        choices=SessionLanguage.choices,
        blank=True,
        help_text=_("Leave empty while the language is not yet known."),
    )
    interpretation = models.BooleanField(
        _("interpretation BG ⇄ EN"),
        default=False,
        help_text=_("Simultaneous interpretation between Bulgarian and English."),
    )
    materials_url = models.URLField(
        _("slides or materials"),
        blank=True,
        help_text=_("Shown once the conference has taken place."),
    )
    recording_url = models.URLField(
        _("recording"),
        blank=True,
        help_text=_("Shown once the conference has taken place."),
    )
    slides = models.FileField(
        _("slides (PDF)"),
        upload_to="slides/",
        blank=True,
        validators=[validate_slides],
        help_text=_(
            "A PDF of at most 20 MB, not password-protected. Shown once the "
            "conference has taken place, with a picture of its first page."
        ),
    )
    slides_preview = models.ImageField(
        _("preview of the slides"),
        upload_to="slides/previews/",
        blank=True,
        editable=False,
        width_field="slides_preview_width",
        height_field="slides_preview_height",
    )
    slides_preview_width = models.PositiveIntegerField(null=True, editable=False)
    slides_preview_height = models.PositiveIntegerField(null=True, editable=False)
    order = models.PositiveIntegerField(
        _("display order"),
        default=0,
        help_text=_("Orders sessions that start at the same time."),
    )
    is_confirmed = models.BooleanField(
        _("confirmed"),
        default=False,
        help_text=_(
            "Confirmed by the organisers. Before the first version of the agenda is "
            "published, a confirmed opening session is shown on the agenda page."
        ),
    )
    speakers = models.ManyToManyField(
        "Speaker",
        verbose_name=_("speakers"),
        through="SessionSpeaker",
        related_name="sessions",
        blank=True,
    )

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="programme_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.UniqueConstraint(
                fields=["event", "slug"],
                name="programme_session_unique_slug_per_event",
                violation_error_message=_(
                    "Another session of this event already has this slug."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:session", kwargs={"slug": self.slug})

    @property
    def duration(self) -> datetime.timedelta:
        return self.ends_at - self.starts_at

    @property
    def is_break(self) -> bool:
        return self.kind in {
            SessionKind.REGISTRATION,
            SessionKind.BREAK,
            SessionKind.LUNCH,
        }

    @property
    def line_up(self) -> list[tuple[str, list["Speaker"]]]:
        """Speakers grouped by role (moderators first), from the prefetched rows."""
        by_role: dict[str, list[Speaker]] = {}
        for row in self.session_speakers.all():
            by_role.setdefault(row.role, []).append(row.speaker)
        order = [SpeakerRole.MODERATOR, SpeakerRole.SPEAKER, SpeakerRole.PANELLIST]
        return [
            (role_heading(role, len(by_role[role])), by_role[role])
            for role in order
            if role in by_role
        ]

    def clean(self):
        from programme.validators import validate_session_times

        validate_session_times(self)


class SpeakerQuerySet(models.QuerySet):
    def for_event(self, event: Event):
        """Speakers who take part in the event's sessions, each once."""
        return self.filter(
            pk__in=SessionSpeaker.objects.filter(session__event=event).values(
                "speaker_id"
            )
        )

    def with_sessions(self, event: Event, session_ids=None):
        rows = SessionSpeaker.objects.filter(session__event=event)
        if session_ids is not None:
            rows = rows.filter(session__in=session_ids)
        return self.prefetch_related(
            Prefetch(
                "session_roles",
                queryset=rows.select_related("session").order_by(
                    "session__starts_at", "session__order"
                ),
            )
        )


class Speaker(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    bio = models.TextField(_("short biography"), blank=True)
    photo = SanitisedImageField(
        _("photo"),
        upload_to="speakers/",
        blank=True,
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("JPEG, PNG or WebP, at most 10 MB. A portrait, shown cropped."),
    )
    photo_width = models.PositiveIntegerField(
        _("photo width"), null=True, blank=True, editable=False
    )
    photo_height = models.PositiveIntegerField(
        _("photo height"), null=True, blank=True, editable=False
    )
    order = models.PositiveIntegerField(
        _("display order"),
        default=0,
        help_text=_("Order on the speakers page (protocol order)."),
    )

    objects = SpeakerQuerySet.as_manager()

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programme:speaker", kwargs={"slug": self.slug})

    @property
    def affiliation(self) -> str:
        return ", ".join(part for part in (self.position, self.organisation) if part)


class SessionSpeaker(models.Model):
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="session_speakers",
    )
    speaker = models.ForeignKey(
        Speaker,
        verbose_name=_("speaker"),
        on_delete=models.CASCADE,
        related_name="session_roles",
    )
    role = models.CharField(
        _("role"),
        max_length=20,
        choices=SpeakerRole.choices,
        default=SpeakerRole.SPEAKER,
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("speaker of a session")
        verbose_name_plural = _("speakers of the session")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker"],
                name="programme_sessionspeaker_unique",
                violation_error_message=_("This speaker is already in the session."),
            ),
        ]

    def __str__(self):
        return f"{self.speaker} ({self.get_role_display()})"


class ResultQuerySet(models.QuerySet):
    def with_key_figure(self):
        return self.filter(Q(figure_value_bg__gt="") | Q(figure_value_en__gt=""))


class Result(models.Model):
    category = models.CharField(
        _("category"), max_length=20, choices=ResultCategory.choices
    )
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(
        _("summary"), help_text=_("One or two sentences, shown in lists.")
    )
    body = models.TextField(_("text"), blank=True)
    figure_value = models.CharField(
        _("key figure"),
        max_length=40,
        blank=True,
        help_text=_("For example “×2” or “80”. Leave empty when there is none."),
    )
    figure_label = models.CharField(
        _("key figure label"),
        max_length=300,
        blank=True,
        help_text=_("What the figure counts, e.g. “accommodation capacity doubled”."),
    )
    figure_source = models.CharField(
        _("source and period of the figure"),
        max_length=600,
        blank=True,
        help_text=_("Every figure names its source and the period it covers."),
    )
    figure_source_url = models.URLField(_("link to the source"), blank=True)
    image = SanitisedImageField(
        _("image"),
        upload_to="results/",
        blank=True,
        width_field="image_width",
        height_field="image_height",
        help_text=_(
            "JPEG, PNG or WebP, at most 10 MB. Never a picture that could identify "
            "a victim or show where a shelter is."
        ),
    )
    image_width = models.PositiveIntegerField(
        _("image width"), null=True, blank=True, editable=False
    )
    image_height = models.PositiveIntegerField(
        _("image height"), null=True, blank=True, editable=False
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    document = models.FileField(
        _("document (PDF)"),
        upload_to="results/documents/",
        blank=True,
        validators=[validate_document],
        help_text=_("An optional PDF of at most 20 MB."),
    )
    expects_document = models.BooleanField(
        _("a document is expected"),
        default=False,
        help_text=_(
            "The go-live checklist reminds the organisers until the PDF is uploaded."
        ),
    )
    link_url = models.URLField(_("external link"), blank=True)
    project = models.ForeignKey(
        "Project",
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="results",
        help_text=_("The project the result and its figure belong to."),
    )
    chart_rows = models.TextField(
        _("chart"),
        blank=True,
        help_text=_(
            "Optional bar chart of the figure, one bar a line as “label | number”, "
            "e.g. “Before the Programme | 1”. Shown with a table for screen readers."
        ),
    )
    chart_unit = models.CharField(
        _("chart unit"),
        max_length=60,
        blank=True,
        help_text=_("What the numbers count, e.g. “people”."),
    )
    order = models.PositiveIntegerField(_("display order"), default=0)

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:result", kwargs={"slug": self.slug})

    @property
    def has_key_figure(self) -> bool:
        return bool(self.figure_value_bg or self.figure_value_en)

    @property
    def chart(self) -> list[tuple[str, float]]:
        """The chart's bars; lines that are not “label | number” are skipped."""
        bars = []
        for line in self.chart_rows.splitlines():
            label, _sep, number = line.rpartition("|")
            try:
                value = float(number.strip().replace(",", "."))
            except ValueError:
                continue
            if label.strip() and value >= 0:
                bars.append((label.strip(), value))
        return bars


class Project(models.Model):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    period = models.CharField(_("period"), max_length=100, blank=True)
    url = models.URLField(
        _("project page"),
        blank=True,
        help_text=_("The project's page on the Swiss contribution site."),
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners involved"), blank=True
    )
    order = models.PositiveIntegerField(_("display order"), default=0)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("conference:about")


class AgendaVersionQuerySet(models.QuerySet):
    def latest_for(self, event: Event) -> "AgendaVersion | None":
        return self.filter(event=event).order_by("-number").first()


class AgendaVersion(models.Model):
    """A published agenda: what the public saw from `published_at` on.

    The sessions in the admin are the draft; publishing copies the time and
    room of each into `sessions` (keyed by session id), so the public keeps
    seeing the published times until the next publication, and a change of
    time or room can be told to the attendees.
    """

    event = models.ForeignKey(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="agenda_versions",
    )
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    changelog = models.TextField(
        _("what changed"),
        blank=True,
        help_text=_("A short note for the record, e.g. “Panel moved to Hall 2”."),
    )
    sessions = models.JSONField(_("published sessions"), default=dict, editable=False)
    notified_count = models.PositiveIntegerField(
        _("attendees told of changes"), default=0
    )

    objects = AgendaVersionQuerySet.as_manager()

    class Meta:
        verbose_name = _("published agenda version")
        verbose_name_plural = _("published agenda versions")
        ordering = ["event", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "number"],
                name="programme_agendaversion_unique_number",
                violation_error_message=_("This version number is already taken."),
            ),
        ]

    def __str__(self):
        return gettext("Version %(number)s") % {"number": self.number}

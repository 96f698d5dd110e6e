"""One factory per model, with boring defaults."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from conference.models import Event, Partner, PartnerRole
from invitations.models import (
    Guest,
    GuestCategory,
    InvitationStatus,
    PressAccreditation,
    PressStatus,
)
from programme.models import (
    Project,
    Result,
    ResultCategory,
    Room,
    Session,
    SessionKind,
    SessionSpeaker,
    Speaker,
    SpeakerRole,
)
from registrations.models import (
    Announcement,
    Audience,
    EmailKind,
    ExportLog,
    OrganisationType,
    OutgoingEmail,
    Registration,
    RegistrationStatus,
    RegistrationToken,
    TokenPurpose,
    hash_token,
    new_token,
)
from registrations.privacy import NOTICE_VERSION


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"event-{n}")
    is_current = True
    title_bg = "Заключителна конференция"
    title_en = "Closing Conference"
    short_title_bg = "Конференция"
    short_title_en = "Conference"
    tagline_bg = "Резултати и добри практики"
    tagline_en = "Results and good practices"
    description_bg = "Описание на конференцията."
    description_en = "Description of the conference."
    programme_description_bg = "Описание на програмата."
    programme_description_en = "Description of the programme."
    city_bg = "София"
    city_en = "Sofia"
    venue_name_bg = "Хотел „КООП“"
    venue_name_en = "Hotel “COOP”"
    date = factory.LazyFunction(
        lambda: datetime.date.today() + datetime.timedelta(days=60)
    )
    start_time = datetime.time(9, 0)
    end_time = datetime.time(17, 0)
    capacity = 100
    contact_email = "conference@example.org"
    data_controller_bg = "Администратор на лични данни (пример за тестовете)"
    data_controller_en = "Data controller (an example for the tests)"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_bg = factory.Sequence(lambda n: f"Партньор {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    role = PartnerRole.ORGANISER
    order = factory.Sequence(lambda n: n)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-strong-test-password")
    is_staff = True


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A registration waiting for confirmation; pass status and times to vary."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    first_name = factory.Sequence(lambda n: f"Мария{chr(0x430 + n % 32)}")
    last_name = "Иванова"
    email = factory.Sequence(lambda n: f"attendee{n}@example.org")
    organisation = "Фондация „Асоциация Анимус“"
    position = "Социален работник"
    country = "България"
    organisation_type = OrganisationType.NGO
    language = "bg"
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = NOTICE_VERSION
    status = RegistrationStatus.PENDING
    confirmed_at = factory.Maybe(
        factory.LazyAttribute(lambda r: r.status == RegistrationStatus.CONFIRMED),
        yes_declaration=factory.LazyFunction(timezone.now),
        no_declaration=None,
    )
    waitlisted_at = factory.Maybe(
        factory.LazyAttribute(lambda r: r.status == RegistrationStatus.WAITLISTED),
        yes_declaration=factory.LazyFunction(timezone.now),
        no_declaration=None,
    )


class RegistrationTokenFactory(factory.django.DjangoModelFactory):
    """A token for a registration; `token` is the secret the link carries."""

    class Meta:
        model = RegistrationToken
        exclude = ("token",)

    registration = factory.SubFactory(RegistrationFactory)
    purpose = TokenPurpose.MANAGE
    token = factory.LazyFunction(new_token)
    token_hash = factory.LazyAttribute(lambda t: hash_token(t.token))


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutgoingEmail

    registration = factory.SubFactory(RegistrationFactory)
    kind = EmailKind.TICKET
    recipient = factory.LazyAttribute(lambda email: email.registration.email)
    subject = "Вашето потвърждение за участие – Конференция"
    body_text = "Здравейте,"
    body_html = "<p>Здравейте,</p>"


class AnnouncementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Announcement

    event = factory.SubFactory(EventFactory)
    audience = Audience.CONFIRMED
    subject_bg = "Промяна в програмата"
    subject_en = "A change in the programme"
    body_bg = "Откриването започва в 9:30."
    body_en = "The opening starts at 9:30."


class ExportLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportLog

    exported_by = factory.SubFactory(UserFactory)
    row_count = 3
    columns = factory.LazyFunction(lambda: ["last_name", "first_name"])


def at(event, hour, minute=0):
    """An aware datetime on the event's day, in Europe/Sofia."""
    return datetime.datetime.combine(
        event.date,
        datetime.time(hour, minute),
        tzinfo=timezone.get_default_timezone(),
    )


class RoomFactory(factory.django.DjangoModelFactory):
    """A room of the event; asking twice for the same name gives the same room."""

    class Meta:
        model = Room
        django_get_or_create = ("event", "name_bg")

    event = factory.SubFactory(EventFactory)
    name_bg = "Зала 1"
    name_en = factory.LazyAttribute(lambda room: room.name_bg.replace("Зала", "Hall"))
    order = 0


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    slug = factory.Sequence(lambda n: f"session-{n}")
    title_bg = factory.Sequence(lambda n: f"Сесия {n}")
    title_en = factory.Sequence(lambda n: f"Session {n}")
    description_bg = "Описание на сесията."
    description_en = "Description of the session."
    kind = SessionKind.PRESENTATION
    room = factory.SubFactory(RoomFactory, event=factory.SelfAttribute("..event"))
    starts_at = factory.LazyAttribute(lambda session: at(session.event, 10))
    ends_at = factory.LazyAttribute(
        lambda session: session.starts_at + datetime.timedelta(minutes=45)
    )


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    slug = factory.Sequence(lambda n: f"speaker-{n}")
    name_bg = factory.Sequence(lambda n: f"Лектор {n}")
    name_en = factory.Sequence(lambda n: f"Speaker {n}")
    position_bg = "Експерт"
    position_en = "Expert"


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    role = SpeakerRole.SPEAKER
    order = factory.Sequence(lambda n: n)


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    category = ResultCategory.SHELTERS
    slug = factory.Sequence(lambda n: f"result-{n}")
    title_bg = factory.Sequence(lambda n: f"Резултат {n}")
    title_en = factory.Sequence(lambda n: f"Result {n}")
    summary_bg = "Кратко резюме."
    summary_en = "A short summary."
    order = factory.Sequence(lambda n: n)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    title_bg = factory.Sequence(lambda n: f"Проект {n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    url = "https://example.org/project"


def publish(event):
    """Publish the event's sessions as they are (the public sees only that)."""
    from programme.services import publish_agenda

    return publish_agenda(event=event)


class GuestFactory(factory.django.DjangoModelFactory):
    """A guest on the list, not invited yet; pass status and times to vary."""

    class Meta:
        model = Guest

    event = factory.SubFactory(EventFactory)
    first_name = factory.Sequence(lambda n: f"Петър{chr(0x430 + n % 32)}")
    last_name = "Петров"
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    position_bg = "заместник-министър"
    position_en = "Deputy Minister"
    institution_bg = "Министерство на вътрешните работи"
    institution_en = "Ministry of the Interior"
    language = "bg"
    category = GuestCategory.OFFICIAL
    status = InvitationStatus.NOT_SENT
    invited_at = factory.Maybe(
        factory.LazyAttribute(lambda g: g.status != InvitationStatus.NOT_SENT),
        yes_declaration=factory.LazyFunction(timezone.now),
        no_declaration=None,
    )


class PressAccreditationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressAccreditation

    event = factory.SubFactory(EventFactory)
    first_name = "Елена"
    last_name = factory.Sequence(lambda n: f"Журналистова{chr(0x430 + n % 32)}")
    email = factory.Sequence(lambda n: f"journalist{n}@example.org")
    outlet = "БТА"
    position = "репортер"
    country = "България"
    language = "bg"
    consent_given_at = factory.LazyFunction(timezone.now)
    privacy_notice_version = NOTICE_VERSION
    status = PressStatus.PENDING

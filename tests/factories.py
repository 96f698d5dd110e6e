"""One factory per model, with boring defaults."""

import datetime

import factory
from django.contrib.auth import get_user_model

from conference.models import Event, Partner, PartnerRole


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

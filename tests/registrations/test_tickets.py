import pytest
from django.utils import translation

from registrations import tickets
from registrations.models import Registration, RegistrationStatus, TokenPurpose
from tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_issue_badge_tokens_makes_one_check_in_token_each(event):
    people = RegistrationFactory.create_batch(
        2, event=event, status=RegistrationStatus.CONFIRMED
    )

    tokens = tickets.issue_badge_tokens(registrations=people)

    assert set(tokens) == {person.pk for person in people}
    for person in people:
        found = Registration.objects.by_token(
            tokens[person.pk], purpose=TokenPurpose.CHECK_IN
        )
        assert list(found) == [person]


def test_check_in_url_is_absolute_and_opens_the_check_in_page(settings):
    settings.SITE_URL = "https://conference.example/"

    with translation.override("en"):
        url = tickets.check_in_url("abc")

    assert url == "https://conference.example/en/check-in/abc/"

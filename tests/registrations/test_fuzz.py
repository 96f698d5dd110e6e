"""No input a browser or a script can send produces a 500."""

from urllib.parse import unquote, urlparse

import pytest
from django.db.models import Count
from django.db.models.functions import Lower
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from registrations.models import ACTIVE_STATUSES, OutgoingEmail, Registration
from tests.registrations.test_views import form_data

VALID = form_data()
FIELDS = [*VALID, "keep_email", "website", "unexpected"]
any_text = st.text(max_size=400)
field_value = st.one_of(
    any_text,
    st.sampled_from(["", "on", "bg", "en", "xx", "ngo", "zoe@gmial.com", "a@b"]),
    st.text(alphabet="\r\n\t\x00\x0b\u202e<>\"'&%;", max_size=20),
)
submissions = st.dictionaries(
    keys=st.sampled_from(FIELDS), values=field_value, max_size=len(FIELDS)
).flatmap(
    # Sometimes start from a valid form, so that the accepting path runs too.
    lambda changes: st.sampled_from([changes, VALID | changes])
)


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(data=submissions, language=st.sampled_from(["bg", "en"]))
def test_register_accepts_any_post_without_error(
    client, event, settings, data, language
):
    settings.REGISTRATION_RATE_LIMIT = 10_000
    response = client.post(f"/{language}/register/", data)

    assert response.status_code in {200, 302, 429}
    duplicates = (
        Registration.objects.filter(status__in=ACTIVE_STATUSES)
        .values(address=Lower("email"))
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    assert not duplicates.exists()
    for registration in Registration.objects.all():
        assert registration.status == "pending"
        assert OutgoingEmail.objects.filter(registration=registration).exists()
        assert "\n" not in registration.first_name + registration.email


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(token=st.text(min_size=1, max_size=120).filter(lambda t: "/" not in t))
def test_any_token_in_a_link_is_a_404_never_a_500(client, event, token):
    url = f"/en/registration/{token}/"
    response = client.get(url)

    # A "?" in the token starts the query string, and a NUL there (or its
    # %00) is refused as a bad request (conference.middleware), with the
    # site's 400 page.
    refused = "\x00" in unquote(urlparse(url).query)
    assert response.status_code in ({400} if refused else {404, 301, 302})

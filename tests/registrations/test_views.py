import datetime
import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from registrations.models import (
    OutgoingEmail,
    Registration,
    RegistrationStatus,
)
from registrations.selectors import PERSONAL_DATA_FIELDS
from tests.factories import RegistrationFactory
from tests.language_checks import other_language_strings, visible_text
from tests.registrations.conftest import make_token

pytestmark = pytest.mark.django_db

MANAGE_LINK = re.compile(r"https?://testserver(/(?:bg|en)/registration/[\w-]+/)")
CONFIRM_LINK = re.compile(
    r"https?://testserver(/(?:bg|en)/registration/[\w-]+/confirm/)"
)


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def form_data(**overrides):
    data = {
        "first_name": "Zoë",
        "last_name": "D'Arcy-Smith",
        "email": "zoe@example.org",
        "organisation": "Animus Association Foundation",
        "position": "Social worker",
        "country": "Bulgaria",
        "organisation_type": "ngo",
        "phone": "+359 2 123 4567",
        "language": "en",
        "needs_interpretation": "on",
        "accessibility_requirements": "",
        "dietary_requirements": "",
        "consent": "on",
    }
    return data | overrides


def assert_one_language(response, language):
    html = re.sub(r"https?://\S+", "", response.content.decode())
    assert f'<html lang="{language}">' in html
    assert other_language_strings(html, language) == []


def test_register_page_in_both_languages(client, event, language):
    response = client.get(url_in(language, "registrations:register"))

    assert response.status_code == 200
    assert_one_language(response, language)
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert re.search(r'<label\s+for="id_first_name"', html)
    assert reverse("registrations:privacy") in html
    assert 'name="website"' in html  # honeypot, hidden by CSS


def test_full_flow_register_confirm_ticket_edit_cancel_promotes_waitlisted(
    client, event, language, then_mail_worker
):
    event.capacity = 1
    event.save()
    waiting = RegistrationFactory(
        event=event,
        status=RegistrationStatus.WAITLISTED,
        waitlisted_at=timezone.now() + datetime.timedelta(seconds=1),
        language=language,
        first_name="Petar",
        last_name="Petrov",
    )

    with then_mail_worker():
        response = client.post(
            url_in(language, "registrations:register"),
            form_data(language=language),
            follow=True,
        )
    assert response.redirect_chain[-1][0] == url_in(
        language, "registrations:check_inbox"
    )
    assert_one_language(response, language)
    confirmation = mail.outbox[-1]
    assert confirmation.to == ["zoe@example.org"]
    confirm_path = CONFIRM_LINK.search(confirmation.body).group(1)
    assert confirm_path.startswith(f"/{language}/")

    response = client.get(confirm_path)
    assert response.status_code == 200
    assert_one_language(response, language)
    with then_mail_worker():
        response = client.post(confirm_path, follow=True)
    registration = Registration.objects.get(email="zoe@example.org")
    assert registration.status == RegistrationStatus.CONFIRMED
    assert_one_language(response, language)

    ticket = mail.outbox[-1]
    attachments = {part.get_filename() for part in ticket.message().iter_attachments()}
    assert attachments == {"ticket-qr.png", f"{event.slug}.ics"}
    manage_path = MANAGE_LINK.search(ticket.body).group(1)

    response = client.get(manage_path)
    assert response.status_code == 200
    assert_one_language(response, language)
    text = visible_text(response.content.decode(), other_language="xx")
    assert "Zoë" in text
    assert "D'Arcy-Smith" in text
    assert "+359 2 123 4567" in text

    edited = form_data(language=language, dietary_requirements="Vegan", phone="")
    response = client.post(manage_path, edited, follow=True)
    registration.refresh_from_db()
    assert registration.dietary_requirements == "Vegan"
    assert registration.phone == ""
    assert "Vegan" in response.content.decode()

    cancel_path = url_in(
        language, "registrations:cancel", token=manage_path.split("/")[3]
    )
    response = client.get(cancel_path)
    assert response.status_code == 200
    assert_one_language(response, language)
    assert Registration.objects.get(pk=registration.pk).status == "confirmed"
    with then_mail_worker():
        client.post(cancel_path)

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert waiting.status == RegistrationStatus.CONFIRMED
    promoted = [message for message in mail.outbox if message.to == [waiting.email]]
    assert len(promoted) == 1
    assert {part.get_filename() for part in promoted[0].message().iter_attachments()}


def test_same_page_for_new_and_known_address(client, event, then_mail_worker):
    with then_mail_worker():
        first = client.post("/en/register/", form_data(), follow=True)
    with then_mail_worker():
        second = client.post(
            "/en/register/",
            form_data(first_name="Someone", email="ZOE@example.org"),
            follow=True,
        )

    assert first.redirect_chain == second.redirect_chain
    assert first.content == second.content
    assert Registration.objects.count() == 1
    assert Registration.objects.get().first_name == "Zoë"


def test_known_confirmed_address_gets_its_manage_link(client, event, then_mail_worker):
    registration = RegistrationFactory(
        event=event, email="zoe@example.org", status=RegistrationStatus.CONFIRMED
    )

    with then_mail_worker():
        client.post("/en/register/", form_data())

    body = mail.outbox[-1].body
    token = MANAGE_LINK.search(body).group(1).split("/")[3]
    assert Registration.objects.by_token(token, purpose="manage").get() == registration


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (
            {"registration_enabled": False},
            "Registration has been closed by the organisers",
        ),
        (
            {"registration_opens_at": timezone.now() + datetime.timedelta(days=3)},
            "Registration has not opened yet",
        ),
        (
            {"registration_closes_at": timezone.now() - datetime.timedelta(days=1)},
            "The registration deadline has passed",
        ),
    ],
)
def test_closed_registration_says_why_and_refuses_posts(client, event, change, reason):
    for field, value in change.items():
        setattr(event, field, value)
    event.save()

    page = client.get("/en/register/")
    post = client.post("/en/register/", form_data())

    for response in (page, post):
        assert response.status_code == 200
        assert reason in response.content.decode()
        assert "id_first_name" not in response.content.decode()
    assert Registration.objects.count() == 0


def test_closed_registration_in_bulgarian(client, event):
    event.registration_enabled = False
    event.save()

    response = client.get("/bg/register/")

    assert "Регистрацията е затворена от организаторите" in response.content.decode()
    assert_one_language(response, "bg")


def test_invalid_submission_saves_nothing_and_keeps_input(client, event, language):
    data = form_data(first_name="R2-D2", consent="")

    response = client.post(url_in(language, "registrations:register"), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert Registration.objects.count() == 0
    assert 'value="zoe@example.org"' in html
    assert "data-error-summary" in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_first_name_error"' in html
    assert '<a href="#id_first_name">' in html
    assert_one_language(response, language)


def test_email_typo_hint_then_keep_as_typed(client, event, then_mail_worker):
    data = form_data(email="zoe@gmial.com")

    hint = client.post("/en/register/", data)
    assert "Did you mean zoe@gmail.com?" in hint.content.decode()
    assert 'name="keep_email"' in hint.content.decode()
    assert Registration.objects.count() == 0

    with then_mail_worker():
        kept = client.post("/en/register/", data | {"keep_email": "on"})
    assert kept.status_code == 302
    assert Registration.objects.get().email == "zoe@gmial.com"


def test_honeypot_pretends_success_and_saves_nothing(client, event):
    response = client.post("/en/register/", form_data(website="http://spam.example"))

    assert response.status_code == 302
    assert response.url == "/en/register/check-your-inbox/"
    assert Registration.objects.count() == 0
    assert OutgoingEmail.objects.count() == 0


def test_rate_limit_answers_429_in_the_visitors_language(client, event, settings):
    settings.REGISTRATION_RATE_LIMIT = 3
    for number in range(3):
        response = client.post(
            "/bg/register/", form_data(email=f"person{number}@example.org")
        )
        assert response.status_code == 302

    response = client.post("/bg/register/", form_data(email="late@example.org"))

    assert response.status_code == 429
    assert "Твърде много опити" in response.content.decode()
    assert_one_language(response, "bg")
    assert Registration.objects.count() == 3
    assert client.get("/bg/register/").status_code == 200  # only POSTs count


def test_rate_limit_is_per_address(client, event, settings):
    settings.REGISTRATION_RATE_LIMIT = 1
    client.post("/en/register/", form_data(), REMOTE_ADDR="192.0.2.1")

    response = client.post(
        "/en/register/", form_data(email="b@example.org"), REMOTE_ADDR="192.0.2.2"
    )

    assert response.status_code == 302


def test_tokens_are_long_random_and_stored_only_as_hashes(
    client, event, then_mail_worker
):
    with then_mail_worker():
        client.post("/en/register/", form_data())
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    token = path.split("/")[3]

    assert len(token) >= 43  # 32 random bytes, base64: 256 bits
    stored = Registration.objects.get().tokens.get()
    assert stored.token_hash != token
    assert len(stored.token_hash) == 64
    assert not re.search(r"/registration/\d+/", path)


def test_data_download_contains_exactly_the_persons_data(client, event):
    mine = RegistrationFactory(
        event=event, email="me@example.org", phone="+359 1 234 567"
    )
    other = RegistrationFactory(
        event=event, email="other@example.org", last_name="Другова"
    )
    token = make_token(mine)

    response = client.get(f"/en/registration/{token}/my-data.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert set(data) == {*PERSONAL_DATA_FIELDS, "waitlist_position", "event"}
    assert data["email"] == "me@example.org"
    assert data["phone"] == "+359 1 234 567"
    assert data["first_name"] == mine.first_name
    assert other.email not in response.content.decode()
    assert "Другова" not in response.content.decode()
    assert "token" not in response.content.decode()


def test_manage_page_shows_waitlist_position_and_leave_flow(
    client, event, then_mail_worker
):
    event.capacity = 0
    event.save()
    earlier = timezone.now() - datetime.timedelta(minutes=1)
    first = RegistrationFactory(
        event=event, status=RegistrationStatus.WAITLISTED, waitlisted_at=earlier
    )
    second = RegistrationFactory(event=event, status=RegistrationStatus.WAITLISTED)
    token = make_token(second)

    page = client.get(f"/en/registration/{token}/")
    assert "You are number 2 on the waiting list" in page.content.decode()

    first_token = make_token(first)
    confirm_step = client.get(f"/en/registration/{first_token}/leave-waiting-list/")
    assert confirm_step.status_code == 200
    with then_mail_worker():
        client.post(f"/en/registration/{first_token}/leave-waiting-list/")

    page = client.get(f"/en/registration/{token}/")
    assert "You are number 1 on the waiting list" in page.content.decode()


def test_confirming_twice_by_link_changes_nothing(client, event, then_mail_worker):
    registration = RegistrationFactory(event=event)
    token = make_token(registration)
    with then_mail_worker():
        client.post(f"/en/registration/{token}/confirm/")
        second = client.post(f"/en/registration/{token}/confirm/")

    assert second.status_code == 302
    assert Registration.objects.confirmed().count() == 1
    assert len(mail.outbox) == 1


def test_privacy_notice_in_both_languages(client, event, language):
    response = client.get(url_in(language, "registrations:privacy"))

    html = response.content.decode()
    assert response.status_code == 200
    assert_one_language(response, language)
    assert "[" not in html
    assert {"bg": "Администратор на лични данни", "en": "Data controller"}[
        language
    ] in html
    assert "90" in html


def test_footer_links_to_privacy_notice_and_nav_to_register(client, event):
    html = client.get("/en/").content.decode()

    assert 'href="/en/privacy/"' in html
    assert 'href="/en/register/"' in html

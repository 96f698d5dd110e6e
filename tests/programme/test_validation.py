import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from programme.models import Session
from tests.factories import RoomFactory, SessionFactory, at


def errors_of(session) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        session.full_clean()
    return error.value.message_dict


@pytest.mark.django_db
def test_session_clean_accepts_a_session_on_the_event_day(day_event):
    session = SessionFactory.build(event=day_event, slug="ok")

    session.full_clean()


@pytest.mark.django_db
def test_session_clean_rejects_an_end_before_the_start(day_event):
    session = SessionFactory.build(
        event=day_event, starts_at=at(day_event, 11), ends_at=at(day_event, 10)
    )

    with translation.override("en"):
        assert errors_of(session)["ends_at"] == [
            "The session must end after it starts."
        ]


@pytest.mark.django_db
def test_session_clean_rejects_another_day(day_event):
    next_day = at(day_event, 10) + datetime.timedelta(days=1)
    session = SessionFactory.build(
        event=day_event,
        starts_at=next_day,
        ends_at=next_day + datetime.timedelta(hours=1),
    )

    with translation.override("bg"):
        assert errors_of(session)["starts_at"] == [
            "Сесията трябва да се проведе в деня на събитието – 20 септември 2027 г."
        ]


@pytest.mark.django_db
def test_session_clean_rejects_an_overlap_in_the_same_room(day_event):
    SessionFactory(
        event=day_event,
        title_en="Opening",
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )
    clash = SessionFactory.build(
        event=day_event,
        room=RoomFactory(event=day_event, name_bg="Зала 1"),
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 12),
    )

    with translation.override("en"):
        assert errors_of(clash)["__all__"] == [
            "“Opening” already takes place in this room from 10:00 to 11:00."
        ]


@pytest.mark.django_db
def test_session_clean_allows_back_to_back_and_other_rooms(day_event):
    SessionFactory(
        event=day_event, starts_at=at(day_event, 10), ends_at=at(day_event, 11)
    )
    back_to_back = SessionFactory.build(
        event=day_event,
        room=RoomFactory(event=day_event, name_bg="Зала 1"),
        starts_at=at(day_event, 11),
        ends_at=at(day_event, 12),
    )
    other_room = SessionFactory.build(
        event=day_event,
        room=RoomFactory(event=day_event, name_bg="Зала 2"),
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 11),
    )

    back_to_back.full_clean()
    other_room.full_clean()


@pytest.mark.django_db
def test_a_session_in_a_room_cannot_overlap_the_coffee_break(day_event):
    SessionFactory(
        event=day_event,
        title_en="Coffee break",
        kind="break",
        room=None,
        in_every_room=True,
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11),
    )
    hall_2 = RoomFactory(event=day_event, name_bg="Зала 2")
    session = SessionFactory.build(
        event=day_event,
        room=hall_2,
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 10, 45),
    )

    with translation.override("en"):
        assert errors_of(session)["__all__"] == [
            "“Coffee break” takes place in every room from 10:30 to 11:00."
        ]
    # Without a room (a draft waiting for one), nothing is in its way.
    session.room = None
    session.full_clean()


@pytest.mark.django_db
def test_a_break_in_every_room_cannot_overlap_a_session_in_any_room(day_event):
    SessionFactory(
        event=day_event,
        title_en="Panel",
        title_bg="Панел",
        room=RoomFactory(event=day_event, name_bg="Зала 2", name_en="Hall 2"),
        starts_at=at(day_event, 10),
        ends_at=at(day_event, 10, 45),
    )
    lunch = SessionFactory.build(
        event=day_event,
        kind="lunch",
        room=None,
        in_every_room=True,
        starts_at=at(day_event, 10, 30),
        ends_at=at(day_event, 11, 30),
    )

    with translation.override("en"):
        assert errors_of(lunch)["__all__"] == [
            "“Panel” already takes place in Hall 2 from 10:00 to 10:45."
        ]
    with translation.override("bg"):
        assert errors_of(lunch)["__all__"] == [
            "В Зала 2 вече се провежда „Панел“ от 10:00 до 10:45 ч."
        ]
    lunch.starts_at = at(day_event, 10, 45)
    lunch.full_clean()


@pytest.mark.django_db
def test_a_session_in_every_room_has_no_room_of_its_own(day_event):
    session = SessionFactory.build(
        event=day_event,
        room=RoomFactory(event=day_event),
        in_every_room=True,
        slug="coffee",
    )

    with translation.override("en"):
        assert "A session in every room has no room of its own." in str(
            errors_of(session)
        )
    with pytest.raises(IntegrityError):
        session.save()


@pytest.mark.django_db
def test_session_table_refuses_an_end_before_the_start(day_event):
    with pytest.raises(IntegrityError):
        Session.objects.create(
            event=day_event,
            slug="backwards",
            title="Backwards",
            starts_at=at(day_event, 12),
            ends_at=at(day_event, 11),
        )


MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\nstartxref\n0\n%%EOF\n"
)


def test_a_real_pdf_is_accepted():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from programme.validators import validate_document

    validate_document(SimpleUploadedFile("report.pdf", MINIMAL_PDF))


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n", "html"),
        (
            MINIMAL_PDF.replace(b"trailer", b"% <SCRIPT src=//x></script>\ntrailer"),
            "html",
        ),
        # Elements no list named: any tag outside the PDF's own syntax is HTML.
        (MINIMAL_PDF + b"<details open ontoggle=alert(document.domain)>", "html"),
        (MINIMAL_PDF + b"<marquee>x</marquee>", "html"),
        (MINIMAL_PDF + b"<x-y tabindex=1 autofocus onfocus=alert(1)>", "html"),
        (MINIMAL_PDF.replace(b"trailer", b"%<svg/onload=alert(1)>\ntrailer"), "html"),
        (b"GIF89a<html>", "format"),
    ],
    ids=[
        "html-polyglot",
        "script-in-a-comment",
        "details-ontoggle-after-eof",
        "marquee",
        "custom-element-handler",
        "svg-onload",
        "no-pdf-header",
    ],
)
def test_a_pdf_html_polyglot_is_refused(content, code):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from programme.validators import validate_document

    with pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile("report.pdf", content))
    assert error.value.code == f"document_{code}"


def test_pdf_syntax_that_looks_like_tags_is_not_taken_for_html():
    """Hexadecimal strings (`<FEFF0041>`, `<fe ff>`) and dictionaries are the
    PDF's own syntax."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from programme.validators import validate_document

    content = MINIMAL_PDF.replace(b"trailer<<", b"trailer<</ID[<FEFF0041><ab cd 0a>]")
    validate_document(SimpleUploadedFile("report.pdf", content))


def test_a_document_over_20_mb_is_refused_with_its_limit():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from programme.validators import MAX_DOCUMENT_BYTES, validate_document

    at_the_limit = MINIMAL_PDF + b"%" * (MAX_DOCUMENT_BYTES - len(MINIMAL_PDF))
    validate_document(SimpleUploadedFile("report.pdf", at_the_limit))

    with translation.override("bg"), pytest.raises(ValidationError) as error:
        validate_document(SimpleUploadedFile("report.pdf", at_the_limit + b"%"))
    assert error.value.code == "document_too_large"
    assert error.value.messages == ["Документът е по-голям от 20 МБ."]

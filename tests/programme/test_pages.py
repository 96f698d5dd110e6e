import datetime
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from conference.models import Event
from programme.services import publish_agenda
from tests.factories import (
    ResultFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
    at,
    publish,
)
from tests.language_checks import other_language_strings, visible_text

SOFIA = datetime.timezone(datetime.timedelta(hours=3))  # EEST on 20 September


def url_in(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


PROGRAMME_PAGES = [
    ("programme:agenda", {}),
    ("programme:session", {"slug": "opening"}),
    ("programme:session", {"slug": "expert-discussion"}),
    ("programme:speakers", {}),
    ("programme:speaker", {"slug": "muriel-berset-kohen"}),
    ("programme:results", {}),
    ("programme:result", {"slug": "first-specialised-shelters"}),
    ("programme:result", {"slug": "cooperation-tools"}),
    ("conference:home", {}),
    ("conference:about", {}),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kwargs"),
    PROGRAMME_PAGES,
    ids=[f"{name}-{kwargs.get('slug', '')}" for name, kwargs in PROGRAMME_PAGES],
)
def test_programme_page_speaks_one_language(
    client, published_content, language, name, kwargs
):
    response = client.get(url_in(language, name, **kwargs))

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert html.count("<h1") == 1
    assert other_language_strings(html, language) == []
    assert "style=" not in html
    assert "&lt;p&gt;" not in html  # paragraphs are markup, not escaped text
    for tag in re.findall(r"<script[^>]*>", html):
        assert " src=" in tag or 'type="application/ld+json"' in tag


@pytest.mark.django_db
def test_agenda_shows_the_opening_with_its_four_speakers(client, published_content):
    bg = visible_text(client.get("/bg/agenda/").content.decode(), other_language="en")
    en = visible_text(client.get("/en/agenda/").content.decode(), other_language="bg")

    for name in ["Krasimir Tsipov", "Muriel Berset Kohen", "Kamelia Dimitrova"]:
        assert name in en
    for name in ["Красимир Ципов", "Мюриел Берсе Коен", "Камелия Димитрова"]:
        assert name in bg
    assert "Victor Prestel" in en
    assert "Representative of the Swiss side of the Programme" in en
    assert "[" not in en + bg


def test_agenda_date_line_names_the_weekday_and_the_year_as_each_language_writes_it(
    client, published_content
):
    event = Event.objects.current()
    bg = visible_text(client.get("/bg/agenda/").content.decode(), other_language="en")
    en = visible_text(client.get("/en/agenda/").content.decode(), other_language="bg")

    weekdays_bg = ["Понеделник", "Вторник", "Сряда", "Четвъртък", "Петък", "Събота"]
    weekday_bg = [*weekdays_bg, "Неделя"][event.date.weekday()]
    weekday_en = event.date.strftime("%A")
    assert f"{weekday_bg}, {event.date.day} септември {event.date.year} г." in bg
    assert f"{weekday_en}, {event.date.day} September {event.date.year}" in en


@pytest.mark.django_db
def test_agenda_links_speakers_and_moderators(client, day_event):
    session = SessionFactory(event=day_event, kind="panel")
    moderator = SessionSpeakerFactory(session=session, role="moderator").speaker
    panellist = SessionSpeakerFactory(session=session, role="panellist").speaker

    publish(day_event)
    html = client.get("/en/agenda/").content.decode()
    text = visible_text(html, other_language="bg")

    assert f"Moderator: {moderator.name_en}" in text
    assert f"Panellist: {panellist.name_en}" in text
    assert f'href="/en/speakers/{moderator.slug}/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("clock", "current", "following"),
    [
        ("10:30", "Session A", "Session B"),
        ("11:00", "Session B", "Session C"),
        ("08:00", None, "Session A"),
    ],
)
def test_agenda_highlights_current_and_next_on_the_event_day(
    client, day_event, clock, current, following
):
    for index, letter in enumerate("ABC"):
        SessionFactory(
            event=day_event,
            title_en=f"Session {letter}",
            starts_at=at(day_event, 10 + index),
            ends_at=at(day_event, 11 + index),
        )
    hour, minute = map(int, clock.split(":"))
    moment = datetime.datetime(2027, 9, 20, hour, minute, tzinfo=SOFIA)

    with time_machine.travel(moment, tick=False):
        publish(day_event)
        html = client.get("/en/agenda/").content.decode()

    slots = re.findall(
        r'<li class="agenda-slot([^"]*)">.*?<h3[^>]*>.*?>([^<]+)</a>', html, re.S
    )
    marks = {title: classes.strip() for classes, title in slots}
    assert [t for t, c in marks.items() if c == "is-current"] == (
        [current] if current else []
    )
    assert [t for t, c in marks.items() if c == "is-next"] == [following]
    if current:
        assert html.count("Happening now") == 1
    assert html.count("Up next") == 1


@pytest.mark.django_db
def test_agenda_rendered_again_follows_the_clock_not_its_first_rendering(
    client, day_event
):
    for index, letter in enumerate("AB"):
        SessionFactory(
            event=day_event,
            title_en=f"Session {letter}",
            starts_at=at(day_event, 10 + index),
            ends_at=at(day_event, 11 + index),
        )
    publish_agenda(event=day_event)

    def now_and_next(clock, path):
        moment = datetime.datetime(2027, 9, 20, clock, 30, tzinfo=SOFIA)
        with time_machine.travel(moment, tick=False):
            html = client.get(path).content.decode()
        return re.findall(
            r"(Happening now|Up next)</span>\s*</p>\s*<h3[^>]*>"
            r"<a[^>]*>([^<]+)</a>",
            html,
        )

    assert now_and_next(10, "/en/agenda/") == [
        ("Happening now", "Session A"),
        ("Up next", "Session B"),
    ]
    # Same content, an hour later, on an address the page cache does not hold.
    assert now_and_next(11, "/en/agenda/?later") == [("Happening now", "Session B")]


@pytest.mark.django_db
def test_agenda_highlights_nothing_on_another_day(client, day_event):
    SessionFactory(event=day_event)

    with time_machine.travel(datetime.datetime(2027, 9, 19, 10, 30, tzinfo=SOFIA)):
        publish(day_event)
        html = client.get("/en/agenda/").content.decode()

    assert "is-current" not in html
    assert "is-next" not in html


@pytest.mark.django_db
def test_materials_appear_only_after_the_event(client, day_event):
    SessionFactory(
        event=day_event,
        slug="talk",
        materials_url="https://example.org/slides.pdf",
        recording_url="https://example.org/video",
    )

    with time_machine.travel(datetime.datetime(2027, 9, 1, tzinfo=SOFIA)):
        publish(day_event)
        before = client.get("/en/agenda/talk/").content.decode()
    with time_machine.travel(datetime.datetime(2027, 9, 21, tzinfo=SOFIA)):
        after_agenda = client.get("/en/agenda/").content.decode()
        after_session = client.get("/bg/agenda/talk/").content.decode()

    assert "https://example.org/slides.pdf" not in before
    assert "https://example.org/slides.pdf" in after_agenda
    assert "https://example.org/video" in after_agenda
    assert "Презентация и материали" in after_session
    assert "Запис" in after_session


@pytest.mark.django_db
def test_text_in_one_language_only_is_marked(client, day_event):
    SessionFactory(
        event=day_event, slug="bg-only", title_bg="Само заглавие", title_en=""
    )
    SessionFactory(
        event=day_event,
        slug="en-only",
        title_bg="",
        title_en="English title",
        starts_at=at(day_event, 12),
        ends_at=at(day_event, 13),
    )

    publish(day_event)
    en = client.get("/en/agenda/").content.decode()
    bg = client.get("/bg/agenda/").content.decode()

    assert '<span lang="bg">Само заглавие</span>' in en
    assert "(available in Bulgarian only)" in en
    assert '<span lang="en">English title</span>' in bg
    assert "(само на английски)" in bg
    assert other_language_strings(en, "en") == []
    assert other_language_strings(bg, "bg") == []


@pytest.mark.django_db
def test_speaker_page_lists_their_sessions(client, day_event):
    speaker = SpeakerFactory(slug="expert", name_en="Ana Expert")
    SessionSpeakerFactory(
        speaker=speaker,
        session=SessionFactory(event=day_event, title_en="Panel on tools"),
        role="moderator",
    )

    publish(day_event)
    text = visible_text(
        client.get("/en/speakers/expert/").content.decode(), other_language="bg"
    )

    assert "Ana Expert" in text
    assert "Panel on tools" in text
    assert "(Moderator)" in text


@pytest.mark.django_db
def test_speaker_without_a_session_is_not_public(client, day_event):
    SpeakerFactory(slug="nobody")

    assert client.get("/en/speakers/nobody/").status_code == 404
    assert "nobody" not in client.get("/en/speakers/").content.decode()


@pytest.mark.django_db
def test_results_show_key_figures_with_their_sources(client, published_content):
    text = visible_text(
        client.get("/en/results/").content.decode(), other_language="bg"
    )

    detail = visible_text(
        client.get("/en/results/first-specialised-shelters/").content.decode(),
        other_language="bg",
    )

    assert "×2" in text
    assert "people, including 7 children, supported" in text
    assert "“17 people and 7 children”" not in text
    assert detail.count("“17 people and 7 children”") == 1
    assert "CHF" not in text
    assert text.count("The Swiss donor’s page for the project") >= 2
    assert text.index("Key figures") < text.index("Shelters and accommodation")


@pytest.mark.django_db
def test_home_shows_key_figures_and_about_shows_projects(client, published_content):
    home = visible_text(client.get("/bg/").content.decode(), other_language="en")
    about = visible_text(client.get("/en/about/").content.decode(), other_language="bg")

    assert "Програмата в цифри" in home
    assert "80" in home
    assert (
        "Swiss-Bulgarian Cooperation in Identification and Long-term Assistance"
        in about
    )
    assert "Project page on the Swiss contribution site" in about
    assert about.count("Project page on the Swiss contribution site") == 3
    assert "Swiss Federal Office of Police (fedpol)" in about


@pytest.mark.django_db
def test_result_page_shows_document_size_and_type(client, day_event):
    from django.core.files.base import ContentFile

    result = ResultFactory(slug="guide")
    result.document.save("guide.pdf", ContentFile(b"%PDF-1.4\n" + b"0" * 2048))

    text = visible_text(
        client.get("/en/results/guide/").content.decode(), other_language="bg"
    )

    assert "Download the document (PDF, 2.0 KB)" in text


@pytest.mark.django_db
def test_pages_never_show_a_shelter_location(client, published_content):
    text = " ".join(
        visible_text(client.get(url).content.decode(), other_language="bg")
        for url in [
            "/en/results/",
            "/en/results/first-specialised-shelters/",
            "/en/about/",
        ]
    )

    assert "does not give the address or location of any shelter" in text
    assert "Vienna" not in text


@pytest.mark.django_db
def test_english_titles_in_bulgarian_text_are_marked_english(client, real_content):
    html = client.get("/bg/results/").content.decode()
    about = client.get("/bg/about/").content.decode()

    assert '„<span lang="en">Prevention of THB and the Identification' in html
    # A German name quoted the same way is not passed off as English.
    assert "„Die Drehscheibe“" in about
    assert '<span lang="en">Die Drehscheibe' not in about

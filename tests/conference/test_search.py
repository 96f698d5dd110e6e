"""Search that finds people as they are typed: case and accents aside, on
SQLite and PostgreSQL alike (conference.search), in every admin list."""

import re

import pytest
from django.contrib import admin
from django.db.models.functions import Collate
from hypothesis import given
from hypothesis import strategies as st

from conference.search import (
    FOLDED,
    SCRIPTS,
    VARIANTS,
    FoldedSearchMixin,
    fold,
    variants_pattern,
)
from registrations.models import Registration, RegistrationStatus
from tests.factories import (
    GuestFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
    SpeakerFactory,
)


def covered(letter: str) -> bool:
    return any(ord(letter) in script for script in SCRIPTS)


# Letters of the scripts folded whose other case is one letter of them too
# (not "ß" → "SS"; "ɽ" → "Ɽ" is outside).
LETTERS = st.characters(
    categories=["Lu", "Ll"], min_codepoint=0x41, max_codepoint=0x52F
).filter(
    lambda letter: all(
        len(other) == 1 and covered(other) for other in (letter.upper(), letter.lower())
    )
)


def result_names(response) -> str:
    html = response.content.decode()
    match = re.search(r'<table id="result_list">.*?</table>', html, re.S)
    return match.group(0) if match else ""


def test_fold_takes_case_and_accents_off():
    assert fold("ПЕТРОВ") == "петров"
    assert fold("Müller") == "muller"
    assert fold("Dvořák Łukasz Øster") == "dvorak lukasz oster"
    assert fold("Цветелина ѝ") == "цветелина и"


def test_fold_keeps_bulgarian_и_and_й_apart():
    assert fold("Йордан") == "йордан"
    assert not re.search(variants_pattern("николаи"), "Николай")


def test_fold_leaves_out_control_characters():
    assert fold("Петров\x00\x07") == "петров"


def test_every_letter_is_in_the_class_of_what_it_folds_to():
    for letter, folded in FOLDED.items():
        assert folded in VARIANTS, letter
        assert letter in VARIANTS[folded], letter
        assert fold(folded) == folded, letter


@given(st.text(LETTERS, min_size=1, max_size=12))
def test_a_word_is_found_in_any_case(word):
    for typed in (word, word.lower(), word.upper(), fold(word)):
        assert re.search(variants_pattern(typed), word), (typed, word)


@pytest.mark.parametrize(
    "typed", ["a.b", "(x)", "[a-z]", "\\", "a|b", "^$", "*+?{2}", "„О“", "100%_"]
)
def test_punctuation_is_matched_as_itself(typed):
    pattern = variants_pattern(typed)

    assert re.search(pattern, f"…{typed}…")
    assert not re.search(pattern, "nothing alike")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("петров", "Петров"),
        ("ПЕТРОВ", "Петров"),
        ("muller", "Müller"),
        ("MÜLLER", "Müller"),
        ("иванова-стоянова", "Иванова-Стоянова"),
        ("ѝ", "Мария Ѝ"),
    ],
)
def test_foldcontains_finds_on_this_database(event, typed, found):
    RegistrationFactory(event=event, last_name=found)
    RegistrationFactory(event=event, last_name="Smith")

    names = Registration.objects.filter(last_name__foldcontains=typed).values_list(
        "last_name", flat=True
    )

    assert list(names) == [found]


NAMES = [
    "Петров",
    "ПЕТРОВА",
    "Müller",
    "Dvořák",
    "Łukasz",
    "Йорданов",
    "Николаи",
    "Ѝванка",
    "O’Brien (IOM)",
    "a.b@example.org",
    "Straße",
    "Ἀθηνᾶ",
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["петров", "muller", "DVORAK", "lukasz", "й", "и", "o’b", "(iom)", ".", "ß", "αθ"],
)
def test_the_database_finds_what_python_finds(event, typed):
    for name in NAMES:
        RegistrationFactory(event=event, last_name=name)
    pattern = re.compile(variants_pattern(typed))

    found = Registration.objects.filter(last_name__foldcontains=typed)

    expected = sorted(name for name in NAMES if pattern.search(name))
    assert sorted(found.values_list("last_name", flat=True)) == expected
    assert expected


@pytest.mark.postgresql
@pytest.mark.django_db
def test_foldcontains_folds_cyrillic_under_the_c_locale_too(event):
    # PostgreSQL's ILIKE folds Cyrillic only as the locale does: not under "C".
    RegistrationFactory(event=event, last_name="Петров")
    people = Registration.objects.annotate(raw=Collate("last_name", "C"))

    assert people.filter(raw__icontains="петров").count() == 0
    assert people.filter(raw__foldcontains="петров").count() == 1


def test_every_admin_of_the_site_searches_folded():
    plain = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, FoldedSearchMixin)
    ]

    assert plain == []


@pytest.mark.django_db
def test_admin_search_fields_cover_both_languages_of_translated_fields(rf, organiser):
    from programme.models import Session

    request = rf.get("/")
    request.user = organiser
    fields = admin.site._registry[Session].get_search_fields(request)

    assert "title_bg__foldcontains" in fields
    assert "title_en__foldcontains" in fields
    assert "session_speakers__speaker__name_bg__foldcontains" in fields
    assert "session_speakers__speaker__name_en__foldcontains" in fields


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.parametrize(
    ("typed", "expected"),
    [("петров", "Петров"), ("muller", "Müller"), ("nccthb", "Петров")],
)
def test_registrations_list_finds_people_whatever_the_case_and_accents(
    organiser_client, event, language, typed, expected
):
    RegistrationFactory(
        event=event,
        first_name="Георги",
        last_name="Петров",
        email="g.petrov@NCCTHB.government.bg",
    )
    RegistrationFactory(event=event, first_name="Anna", last_name="Müller")
    RegistrationFactory(event=event, first_name="John", last_name="Smith")

    response = organiser_client.get(
        f"/{language}/admin/registrations/registration/", {"q": typed}
    )

    names = result_names(response)
    assert expected in names
    assert "Smith" not in names
    count = {"bg": "1 резултат", "en": "1 result"}[language]
    assert count in response.content.decode()


PEOPLE_LISTS = {
    "registrations": "/{language}/admin/registrations/registration/",
    "guests": "/{language}/admin/invitations/guest/",
    "speakers": "/{language}/admin/programme/speaker/",
}


def people(event, last_name: str) -> None:
    """One person of that name on each list an organiser searches for people."""
    RegistrationFactory(event=event, first_name="Георги", last_name=last_name)
    GuestFactory(event=event, first_name="Георги", last_name=last_name)
    SpeakerFactory(name_bg=f"Георги {last_name}", name_en=f"Georgi {last_name}".strip())


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.parametrize("listed", sorted(PEOPLE_LISTS))
@pytest.mark.parametrize("typed", ["петров", "ПЕТРОВ", "Петров", "петров "])
def test_each_list_of_people_finds_a_bulgarian_name_typed_in_any_case(
    organiser_client, event, language, listed, typed
):
    people(event, "Петров")
    people(event, "Иванов")

    response = organiser_client.get(
        PEOPLE_LISTS[listed].format(language=language), {"q": typed}
    )

    names = result_names(response)
    assert "Петров" in names
    assert "Иванов" not in names
    count = {"bg": "1 резултат", "en": "1 result"}[language]
    assert count in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("listed", ["registrations", "guests"])
def test_the_charts_above_a_list_of_people_are_folded_away(
    organiser_client, event, listed
):
    people(event, "Петров")
    people(event, "Иванов")

    html = organiser_client.get(
        PEOPLE_LISTS[listed].format(language="bg"), {"q": "петров"}
    ).content.decode()

    # Every chart is inside a closed <details>: the search, its count of
    # results and the list come first on the screen.
    folded = re.search(
        r"<details class=\"desk-figures-details\">(.*?)</details>", html, re.S
    )
    assert folded
    charts = re.findall(r"<svg [^>]*role=\"img\"", html)
    assert charts
    assert len(re.findall(r"<svg [^>]*role=\"img\"", folded.group(1))) == len(charts)
    assert "1 резултат" in html


@pytest.mark.django_db
def test_registrations_list_search_makes_as_many_queries_as_the_list(
    organiser_client, event, count_queries
):
    for index in range(3):
        RegistrationFactory(event=event, last_name=f"Петров{index}")
    url = "/bg/admin/registrations/registration/"

    plain = count_queries(organiser_client, url)
    searched = count_queries(organiser_client, f"{url}?q=петров")
    two_words = count_queries(organiser_client, f"{url}?q=петров+мария")

    assert searched == two_words == plain


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
def test_speakers_and_sessions_lists_find_names_in_lower_case(
    organiser_client, event, language
):
    speaker = SpeakerFactory(name_bg="Цветелина Иванова", name_en="Tsvetelina Ivanova")
    session = SessionFactory(
        event=event, title_bg="Закрила на жертвите", title_en="Protecting victims"
    )
    SessionSpeakerFactory(session=session, speaker=speaker)
    SessionFactory(event=event, title_bg="Откриване", title_en="Opening")

    speakers = organiser_client.get(
        f"/{language}/admin/programme/speaker/", {"q": "цветелина"}
    )
    by_speaker = organiser_client.get(
        f"/{language}/admin/programme/session/", {"q": "иванова"}
    )
    by_other_language = organiser_client.get(
        f"/{language}/admin/programme/session/", {"q": "PROTECTING"}
    )

    assert "Цветелина Иванова" in result_names(speakers) or (
        "Tsvetelina Ivanova" in result_names(speakers)
    )
    for response in (by_speaker, by_other_language):
        names = result_names(response)
        assert session.title_bg in names or session.title_en in names
        assert "Откриване" not in names
        assert "Opening" not in names


@pytest.mark.django_db
def test_speaker_search_box_of_a_session_finds_lower_case(organiser_client):
    SpeakerFactory(name_bg="Мария Петрова", name_en="Maria Petrova")
    SpeakerFactory(name_bg="Иван Колев", name_en="Ivan Kolev")

    response = organiser_client.get(
        "/bg/admin/autocomplete/",
        {
            "term": "петрова",
            "app_label": "programme",
            "model_name": "sessionspeaker",
            "field_name": "speaker",
        },
    )

    names = [result["text"] for result in response.json()["results"]]
    assert names == ["Мария Петрова"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["bg", "en"])
@pytest.mark.parametrize("typed", ["петрова", "ПЕТРОВА", "елена агенция"])
def test_desk_search_finds_whatever_the_case(desk_client, event, language, typed):
    RegistrationFactory(
        event=event,
        status=RegistrationStatus.CONFIRMED,
        first_name="Елена",
        last_name="Петрова",
        organisation="Агенция за закрила на детето",
    )
    RegistrationFactory(
        event=event, status=RegistrationStatus.CONFIRMED, last_name="Smith"
    )

    html = desk_client.get(f"/{language}/check-in/", {"q": typed}).content.decode()

    assert "Елена Петрова" in html
    assert "Smith" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed", ["\x07", "a\\", "[", "(((", "*", "'\"", "ü" * 500, "я " * 40]
)
def test_odd_searches_answer_with_the_list(organiser_client, event, typed):
    RegistrationFactory(event=event, last_name="Петров")

    lists = ("registrations/registration", "programme/session", "programme/speaker")
    for path in lists:
        response = organiser_client.get(f"/bg/admin/{path}/", {"q": typed})
        assert response.status_code == 200, (path, typed)

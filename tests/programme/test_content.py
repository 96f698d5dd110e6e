import io

import pytest
from django.core.management import call_command

from conference.models import Event
from programme.models import (
    AgendaVersion,
    Project,
    Result,
    Room,
    Session,
    SessionSpeaker,
    Speaker,
)
from programme.warnings import agenda_warnings
from tests.conftest import content_date

MODELS = [Room, Session, Speaker, SessionSpeaker, Result, Project]


def load():
    out = io.StringIO()
    call_command("load_conference_content", "--date", content_date(), stdout=out)
    return out.getvalue()


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in MODELS]


@pytest.mark.django_db
def test_programme_content_is_idempotent():
    load()
    before = snapshot()

    output = load()

    assert snapshot() == before
    assert "nothing to create" in output


@pytest.mark.django_db
def test_programme_content_keeps_organiser_edits():
    load()
    room = Room.objects.get()
    Room.objects.filter(pk=room.pk).update(name_en="Hall A")
    Speaker.objects.filter(slug="victor-prestel").update(
        position_en="Confirmed position"
    )
    Result.objects.filter(slug="practical-guide").update(body_en="Edited text")

    load()

    assert Room.objects.get().name_en == "Hall A"
    assert (
        Speaker.objects.get(slug="victor-prestel").position_en == "Confirmed position"
    )
    assert Result.objects.get(slug="practical-guide").body_en == "Edited text"


@pytest.mark.django_db
def test_programme_content_loads_the_opening_and_draft_agenda():
    load()

    opening = Session.objects.get(slug="opening")
    names = [row.speaker.name_en for row in opening.session_speakers.all()]
    assert names == [
        "Krasimir Tsipov",
        "Muriel Berset Kohen",
        "Kamelia Dimitrova",
        "Victor Prestel",
    ]
    assert Session.objects.count() == 12
    drafts = Session.objects.exclude(
        slug__in=[
            "registration",
            "opening",
            "morning-break",
            "lunch",
            "afternoon-break",
        ]
    )
    for session in drafts:
        assert "[" not in session.description_en + session.description_bg
        assert session.room is None
        assert not session.is_confirmed
        session.full_clean()  # on the event day, no overlaps
    assert opening.is_confirmed
    assert not AgendaVersion.objects.exists()


@pytest.mark.django_db
def test_every_key_figure_names_its_source():
    load()

    figures = Result.objects.with_key_figure()
    assert figures.count() == 4
    for result in figures:
        assert result.figure_source_bg
        assert result.figure_source_en
    shelters = Result.objects.get(slug="first-specialised-shelters")
    assert "September 2017 – December 2018" in shelters.figure_source_en
    assert "/projects/7" in shelters.figure_source_url
    # The headline reads "17 people, including 7 children" (the project page);
    # the commission's news item's "17 people and 7 children" is named once,
    # in the note of the result's page, not beside the figure.
    assert shelters.figure_value_en == "17"
    assert shelters.figure_label_en.startswith("people, including 7 children")
    assert "17 people and 7 children" not in shelters.figure_source_en
    assert "“17 people and 7 children”" in shelters.body_en
    assert "„17 души и 7 деца“" in shelters.body_bg
    # The donor page's figures are the donor page's, under its own title, and
    # belong to no project until the organisers confirm the link.
    for slug in ["information-campaigns", "cooperation-tools"]:
        result = Result.objects.get(slug=slug)
        assert "Swiss donor’s page" in result.figure_source_en
        assert "schweizerbeitrag.admin.ch" in result.figure_source_url
        assert result.project is None
    third = Project.objects.get(slug="prevention-identification-reintegration")
    assert third.description_en == third.period_en == ""
    assert not Result.objects.filter(project=third).exists()
    # Project 3's pages never borrow project 2's title.
    assert not Result.objects.filter(
        summary_en__icontains="prevention and protection project"
    ).exists()
    # Working visits of the police belong to no project.
    assert Result.objects.get(slug="joint-police-work").project is None
    # No figure that no source states (no charts of derived numbers).
    assert not Result.objects.filter(chart_rows_en__gt="").exists()
    assert not Result.objects.filter(figure_value_en__contains="CHF").exists()


@pytest.mark.django_db
def test_programme_content_loads_the_three_projects_with_links():
    load()

    projects = list(Project.objects.all())
    assert len(projects) == 3
    assert all(
        project.url.startswith("http://www.swiss-contribution.bg/")
        for project in projects
    )
    assert set(projects[0].partners.values_list("slug", flat=True)) == {
        "nccthb",
        "fedpol",
        "icmpd",
    }


@pytest.mark.django_db
def test_the_loaded_draft_day_raises_no_agenda_warnings():
    load()

    assert agenda_warnings(Event.objects.get(is_current=True)) == []


@pytest.mark.django_db
def test_every_loaded_record_fits_its_fields():
    """SQLite does not enforce lengths; PostgreSQL does (a long source link)."""
    load()

    for model in (Result, Project, Session, Speaker):
        for record in model.objects.all():
            record.full_clean()

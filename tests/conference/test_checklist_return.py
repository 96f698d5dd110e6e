"""An item of the go-live checklist, fixed and saved, leads back to the
checklist; the day's summary offers the current event."""

import pytest
from django.utils import translation

from programme.checklist import go_live_checklist
from programme.models import Speaker
from tests.factories import EventFactory, SpeakerFactory
from tests.programme.test_speaker_entry import new_speaker


@pytest.mark.django_db
def test_saving_from_a_checklist_link_returns_to_the_checklist(organiser_client):
    EventFactory()
    speaker = SpeakerFactory(
        name_bg="Мария Иванова", name_en="Maria Ivanova", bio_en="", bio_bg=""
    )
    with translation.override("bg"):
        item = next(
            item
            for item in go_live_checklist()
            if "Мария Иванова" in item.text and "биография" in item.text
        )
    url, _anchor = item.url.split("#")
    assert url == f"/bg/admin/programme/speaker/{speaker.pk}/change/?from=checklist"
    data = new_speaker(
        name_bg=speaker.name_bg,
        name_en=speaker.name_en,
        slug=speaker.slug,
        bio_bg="Биография.",
        bio_en="A biography.",
    ) | {"session_roles-MAX_NUM_FORMS": 1000}

    saved = organiser_client.post(url, data | {"_save": "Save"})
    kept_editing = organiser_client.post(url, data | {"_continue": "Save"})

    assert saved.status_code == 302
    assert saved["Location"] == "/bg/admin/#go-live-checklist"
    assert kept_editing.status_code == 302
    assert kept_editing["Location"].startswith(
        f"/bg/admin/programme/speaker/{speaker.pk}/change/"
    )
    assert Speaker.objects.get(pk=speaker.pk).bio_en == "A biography."
    # Without the checklist, saving leads to the list as before.
    plain = organiser_client.post(url.split("?")[0], data | {"_save": "Save"})
    assert plain["Location"] == "/bg/admin/programme/speaker/"


@pytest.mark.django_db
def test_the_checklist_is_where_the_return_lands(organiser_client):
    EventFactory()

    page = organiser_client.get("/bg/admin/").content.decode()

    assert 'id="go-live-checklist"' in page


@pytest.mark.django_db
def test_the_day_summary_form_offers_the_current_event(organiser_client):
    EventFactory(slug="earlier", is_current=False, short_title_en="Earlier")
    current = EventFactory(short_title_en="Closing")

    page = organiser_client.get("/en/admin/archive/daysummary/add/").content.decode()

    assert f'<option value="{current.pk}" selected>' in page

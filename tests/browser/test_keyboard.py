"""The registration form can be completed with the keyboard alone."""

import pytest
from playwright.sync_api import expect

from registrations.models import Registration
from tests.browser.conftest import translated
from tests.factories import EventFactory

# What shows that an element has the focus: an outline or a focus ring.
FOCUS_INDICATOR = """element => {
  const style = getComputedStyle(element);
  return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== "none";
}"""


def focused_name(page) -> str:
    return page.evaluate(
        "document.activeElement.name || document.activeElement.id"
        " || document.activeElement.textContent.trim()"
    )


def tab_to(page, name: str, *, limit: int = 40) -> list[str]:
    """Press Tab until the field `name` has the focus; return what was passed.

    A list closed with Enter a moment ago may still take the next key on a
    busy machine: a Tab that leaves the focus where it was is pressed again
    (three times at most), and is not counted as passing a field."""
    passed, retries = [], 3
    while len(passed) < limit:
        before = focused_name(page)
        page.keyboard.press("Tab")
        current = focused_name(page)
        if current == name:
            return passed
        if current == before and retries:
            retries -= 1
            page.wait_for_timeout(200)
            continue
        passed.append(current)
    raise AssertionError(f"Tab never reached {name!r}; it passed {passed}")


@pytest.mark.parametrize("language", ["bg", "en"])
def test_registration_form_can_be_completed_with_the_keyboard_alone(
    new_page, transactional_db, language
):
    EventFactory()
    page = new_page()
    page.goto(f"/{language}/register/")
    texts = {
        "first_name": "Цветелина",
        "last_name": "Николова",
        "email": f"keyboard.{language}@example.org",
        "organisation": "Община Бургас",
        "position": "Експерт",
        "country": "България",
        "dietary_requirements": "без глутен",
    }
    skipped = []

    tab_to(page, "first_name")
    for name in ["first_name", "last_name", "email", "organisation", "position"]:
        if focused_name(page) != name:
            skipped += tab_to(page, name, limit=1)
        assert page.evaluate("document.activeElement.matches(':focus-visible')")
        assert page.locator(f"[name={name}]").evaluate(FOCUS_INDICATOR)
        page.keyboard.type(texts[name])
    skipped += tab_to(page, "organisation_type", limit=1)
    # Space opens the list, the arrows move to the third option, Enter picks it.
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("[name=organisation_type]")).to_have_value("ngo")
    skipped += tab_to(page, "country", limit=1)
    page.keyboard.type(texts["country"])
    skipped += tab_to(page, "needs_interpretation", limit=3)  # phone, language
    page.keyboard.press("Space")
    skipped += tab_to(page, "dietary_requirements", limit=2)
    page.keyboard.type(texts["dietary_requirements"])
    skipped += tab_to(page, "consent", limit=1)
    assert page.locator("[name=consent]").evaluate(FOCUS_INDICATOR)
    page.keyboard.press("Space")
    skipped += tab_to(page, "register", limit=3)  # the privacy notice link
    assert page.locator("[name=register]").evaluate(FOCUS_INDICATOR)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        translated(language, "Check your inbox")
    )
    assert "website" not in skipped  # the honeypot is out of the tab order
    registration = Registration.objects.get()
    assert registration.first_name == "Цветелина"
    assert registration.organisation_type == "ngo"
    assert registration.needs_interpretation is True
    assert registration.dietary_requirements == "без глутен"
    assert registration.language == language

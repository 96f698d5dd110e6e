import pytest
from django.core.exceptions import ValidationError

from registrations.validators import (
    suggest_email,
    validate_person_name,
    validate_phone,
    validate_single_line,
)


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("ivan@gmial.com", "ivan@gmail.com"),
        ("ivan@abv.bgg", "ivan@abv.bg"),
        ("ivan@yaho.com", "ivan@yahoo.com"),
        ("ivan@example.con", "ivan@example.com"),
        ("ivan@gmail.com", None),
        ("ivan@mvr.bg", None),
        ("ivan@animusassociation.org", None),
        ("not-an-address", None),
    ],
)
def test_suggest_email_spots_likely_domain_typos(typed, suggestion):
    assert suggest_email(typed) == suggestion


@pytest.mark.parametrize(
    "name", ["Мария", "Zoë", "D'Arcy", "O’Neill", "Anna-Lena", "Jr.", "Ștefan", "Ğül"]
)
def test_validate_person_name_accepts_real_names(name):
    validate_person_name(name)


@pytest.mark.parametrize("name", ["R2-D2", "<script>", "---", "Ann@", "a_b"])
def test_validate_person_name_refuses_other_characters(name):
    with pytest.raises(ValidationError):
        validate_person_name(name)


@pytest.mark.parametrize("value", ["a\nb", "a\rBcc: x@y.z", "a\x00", "a\u202eb"])
def test_validate_single_line_refuses_line_breaks_and_controls(value):
    with pytest.raises(ValidationError):
        validate_single_line(value)


@pytest.mark.parametrize("phone", ["+359 2 123 4567", "(02) 987-65-43", "0888123456"])
def test_validate_phone_accepts_usual_formats(phone):
    validate_phone(phone)


@pytest.mark.parametrize("phone", ["12345", "call me", "+359 2 123 4567 ext. 5"])
def test_validate_phone_refuses_others(phone):
    with pytest.raises(ValidationError):
        validate_phone(phone)

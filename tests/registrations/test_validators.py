import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

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


@pytest.mark.parametrize(
    "name",
    [
        "Γιώργος",
        "محمد",
        "דוד",
        "王小明",
        "अनीता",
        "สมชาย",
        "さくら",
        "김민준",
        "Nguyễn",
    ],
)
def test_validate_person_name_accepts_every_script_the_certificates_print(name):
    validate_person_name(name)


@pytest.mark.parametrize(
    ("name", "shown"),
    [("ნინო", "“ნ”, “ი”, “ო”"), ("Ջոն", "“Ջ”, “ո”, “ն”"), ("王𠀀", "“𠀀”")],
)
def test_validate_person_name_asks_for_a_printable_form_of_other_scripts(name, shown):
    """Georgian, Armenian and a rare ideograph: no font of ours has them, so
    the form asks how the name should be printed rather than print a gap."""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        validate_person_name(name)

    assert refused.value.code == "name_unprintable"
    assert f"cannot print {shown}" in refused.value.messages[0]
    assert "as it should be printed" in refused.value.messages[0]


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

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from conference.fields import LogoFormField

SAFE = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
    b'<rect width="10" height="10" fill="#123"/></svg>'
)


def clean(content: bytes, name: str = "logo.svg"):
    return LogoFormField().clean(SimpleUploadedFile(name, content))


def test_plain_svg_logo_is_kept():
    cleaned = clean(SAFE).read()

    assert b"<rect" in cleaned
    assert b'fill="#123"' in cleaned


def test_svg_logo_loses_scripts_handlers_and_outside_links():
    cleaned = clean(
        b'<svg xmlns="http://www.w3.org/2000/svg" '
        b'xmlns:xlink="http://www.w3.org/1999/xlink" onload="alert(1)">'
        b"<script>alert(2)</script>"
        b'<a xlink:href="javascript:alert(3)"><rect width="1" height="1"/></a>'
        b'<use xlink:href="https://evil.example/x.svg#a"/>'
        b'<rect width="2" height="2" style="fill:url(javascript:x)"/>'
        b'<foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
        b"</foreignObject></svg>"
    ).read()

    for dangerous in [b"onload", b"script", b"javascript", b"evil", b"foreign"]:
        assert dangerous not in cleaned
    assert b'<rect width="2" height="2"' in cleaned


@pytest.mark.parametrize(
    "content",
    [
        b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
        b'<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        b"<svg><unclosed></svg>",
        b"<html>not a logo</html>",
        b"\x89PNG not really",
    ],
)
def test_unsafe_or_broken_svg_is_refused_with_a_message(content):
    with pytest.raises(ValidationError) as error:
        clean(content)

    assert error.value.messages

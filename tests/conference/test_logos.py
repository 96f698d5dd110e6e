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


def test_svg_with_entities_in_utf16_is_refused_not_expanded():
    # The attack: the byte check looked for "<!DOCTYPE" in ASCII, which
    # UTF-16 spells differently; the entities then grew to 7 MB when stored.
    bomb = (
        '<?xml version="1.0" encoding="UTF-16"?>'
        '<!DOCTYPE svg [<!ENTITY a "' + "x" * 1000 + '">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<svg xmlns="http://www.w3.org/2000/svg"><title>&c;&c;&c;&c;&c;&c;&c;'
        "</title></svg>"
    ).encode("utf-16")

    with pytest.raises(ValidationError) as error:
        clean(bomb)

    assert error.value.code == "invalid_svg"


def test_svg_in_utf16_without_a_dtd_is_accepted_and_stored_as_utf8():
    cleaned = clean(SAFE.decode().encode("utf-16")).read()

    assert cleaned.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b'fill="#123"' in cleaned


def test_svg_size_is_checked_on_what_would_be_stored():
    # 2 bytes a character in UTF-16, 3 in the UTF-8 that is stored.
    title = "標" * 200_000
    upload = (
        '<svg xmlns="http://www.w3.org/2000/svg"><title>' + title + "</title></svg>"
    ).encode("utf-16")
    assert len(upload) < 512 * 1024

    with pytest.raises(ValidationError) as error:
        clean(upload)

    assert error.value.code == "svg_too_large"


@pytest.mark.parametrize("attribute", ["fill", "mask", "clip-path", "stroke"])
@pytest.mark.parametrize(
    "value",
    [
        r"\75rl(https://evil.example/a)",
        r"\000075 rl(https://evil.example/a)",
        r"u\72l(https://evil.example/a)",
        r"\u\r\l(https://evil.example/a)",
        "u/**/rl(https://evil.example/a)",
        r"url(\68ttps://evil.example/a)",
        "image-set(https://evil.example/a 1x)",
    ],
)
def test_svg_css_escapes_are_decoded_before_the_url_check(attribute, value):
    content = (
        '<svg xmlns="http://www.w3.org/2000/svg">'
        f'<rect width="1" height="1" {attribute}="{value}"/></svg>'
    ).encode()

    cleaned = clean(content).read()

    assert b"evil" not in cleaned
    assert f"{attribute}=".encode() not in cleaned
    assert b'<rect width="1" height="1"' in cleaned


def test_svg_keeps_references_inside_the_file_and_colours():
    content = (
        b'<svg xmlns="http://www.w3.org/2000/svg">'
        b'<defs><linearGradient id="g"><stop offset="0" stop-color="rgb(1, 2, 3)"/>'
        b"</linearGradient></defs>"
        b'<rect width="1" height="1" fill="url(#g)" transform="rotate(5)"/>'
        b'<rect width="1" height="1" fill="\\23 123"/></svg>'
    )

    cleaned = clean(content).read()

    assert b'fill="url(#g)"' in cleaned
    assert b'stop-color="rgb(1, 2, 3)"' in cleaned
    assert b'transform="rotate(5)"' in cleaned
    assert b'fill="#123"' in cleaned  # the escape is stored decoded

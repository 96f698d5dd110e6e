import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from conference.images import sanitise_image


def picture_bytes(image_format="JPEG", size=(64, 48), **save_options):
    buffer = io.BytesIO()
    Image.new("RGB", size, (22, 50, 92)).save(buffer, image_format, **save_options)
    return buffer.getvalue()


def png_declaring(width, height):
    """A tiny PNG whose header declares a huge picture (a decompression bomb)."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", pixels)
        + chunk(b"IEND", b"")
    )


def upload(content, name="picture.jpg"):
    return SimpleUploadedFile(name, content)


def test_sanitise_image_reencodes_and_strips_metadata():
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {2: (42, 41, 0)}  # GPS latitude
    original = picture_bytes(exif=exif.tobytes())
    assert b"Camera maker" in original

    cleaned = sanitise_image(upload(original))

    content = cleaned.read()
    assert b"Camera maker" not in content
    with Image.open(io.BytesIO(content)) as image:
        assert image.format == "JPEG"
        assert image.size == (64, 48)
        assert not image.getexif()


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_sanitise_image_keeps_png_and_webp(image_format):
    cleaned = sanitise_image(upload(picture_bytes(image_format), "logo.bin"))

    with Image.open(cleaned) as image:
        assert image.format == image_format


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"%PDF-1.4 not a picture", "not_an_image"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "not_an_image"),
        (picture_bytes("GIF"), "image_format"),
        (png_declaring(10_000, 10_000), "image_too_many_pixels"),
        # Above twice Pillow's own limit (~179 MP), Pillow will not even open it.
        (png_declaring(20_000, 10_000), "image_too_many_pixels"),
    ],
    ids=["pdf", "svg", "gif", "decompression-bomb", "pixel-bomb-over-pillows-limit"],
)
def test_sanitise_image_rejects(content, code):
    with pytest.raises(ValidationError) as error:
        sanitise_image(upload(content))

    assert error.value.code == code


def test_decompression_bomb_is_small_on_disk():
    assert len(png_declaring(10_000, 10_000)) < 12 * 1024


def test_sanitise_image_rejects_files_over_10_mb():
    too_big = SimpleUploadedFile("big.jpg", b"\xff" * (10 * 1024 * 1024 + 1))

    with pytest.raises(ValidationError) as error:
        sanitise_image(too_big)

    assert error.value.code == "image_too_large"

"""The fonts that print people's names, and which of them a text needs.

A name may be written in any script the registration form accepts; printed
on a certificate (PDF) or a badge it must come out whole, on a fresh machine
as in production. So the fonts travel with the project, never from the
system: the Noto families in `static/fonts/noto/` (static Regular and Bold
instances, SIL Open Font License, `OFL.txt` beside them) for Latin, Greek,
Cyrillic, Arabic, Hebrew, Devanagari and Thai, and Noto Sans CJK (the
`noto-cjk-sans-otc` package, same licence; its Simplified Chinese face,
which also holds Japanese kana and Korean hangul) for Chinese, Japanese and
Korean. fpdf2 embeds only the glyphs used (a subset) and shapes the text
with HarfBuzz (`uharfbuzz`), which joins Arabic letters and orders
right-to-left names.

`unprintable` names the characters no font here can draw; the registration
form refuses a name with such characters, with a message asking for the
name as it should be printed.

Printed pages in the browser (badges, the sign-in sheet) use the same
faces through @font-face (static/css/desk.css); the CJK font is too large
to serve whole, so `cjk_web_font` cuts a WOFF2 of just the characters the
names need, in a child process (conference/font_subsetter.py), and keeps it
in the cache.
"""

import functools
import hashlib
import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

FONT_DIR = Path(__file__).resolve().parent.parent / "static" / "fonts" / "noto"
# The face of the CJK collection: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK.
CJK_FACE = 2


@dataclass(frozen=True)
class Face:
    family: str
    regular: Path
    bold: Path | None = None  # None: the regular face serves bold too
    index: int = 0  # the face in a collection (.ttc)


def _noto(name: str) -> Face:
    return Face(
        family=name.replace("-", ""),
        regular=FONT_DIR / f"{name}-Regular.ttf",
        bold=FONT_DIR / f"{name}-Bold.ttf",
    )


def _cjk() -> Face:
    import noto_cjk_sans_otc

    return Face(
        family="NotoSansCJK", regular=Path(str(noto_cjk_sans_otc.FONT_PATH)), index=2
    )


BASE = _noto("NotoSans")  # Latin, Greek, Cyrillic, digits and punctuation
SCRIPT_FACES = {
    "Arab": lambda: _noto("NotoSansArabic"),
    "Hebr": lambda: _noto("NotoSansHebrew"),
    "Deva": lambda: _noto("NotoSansDevanagari"),
    "Thai": lambda: _noto("NotoSansThai"),
    "Hani": _cjk,
    "Hira": _cjk,
    "Kana": _cjk,
    "Hang": _cjk,
    "Bopo": _cjk,
}
CJK_SCRIPTS = {"Hani", "Hira", "Kana", "Hang", "Bopo"}
SUBSETTER = Path(__file__).resolve().with_name("font_subsetter.py")
SUBSET_TIMEOUT_SECONDS = 60
BASE_SCRIPTS = {"Latn", "Grek", "Cyrl", "Zyyy", "Zinh", "Zzzz"}
# What the documentation and the form's message name.
PRINTED_SCRIPTS = (
    "Latin",
    "Cyrillic",
    "Greek",
    "Arabic",
    "Hebrew",
    "Chinese",
    "Japanese",
    "Korean",
    "Devanagari",
    "Thai",
)


def script_of(char: str) -> str:
    from fontTools import unicodedata

    return unicodedata.script(char)


def faces_for(text: str) -> list[Face]:
    """The fonts that draw `text`: the base font first, then one per other
    script in it, in the order they appear."""
    faces = [BASE]
    for char in text:
        factory = SCRIPT_FACES.get(script_of(char))
        if factory is not None:
            face = factory()
            if face not in faces:
                faces.append(face)
    return faces


@functools.lru_cache(maxsize=16)
def _small_cmap(path: Path) -> frozenset[int]:
    return frozenset(_read_cmap(path, 0))


def _read_cmap(path: Path, index: int) -> set[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, fontNumber=index, lazy=True) as font:
        return set(font.getBestCmap())


def unprintable(text: str) -> list[str]:
    """The characters of `text` that none of our fonts can draw."""
    missing = []
    checked: dict[Face, set[str]] = {}
    for char in dict.fromkeys(text):
        if char.isspace():
            continue
        script = script_of(char)
        factory = SCRIPT_FACES.get(script)
        face = factory() if factory is not None else BASE
        if factory is None and script not in BASE_SCRIPTS:
            missing.append(char)
            continue
        checked.setdefault(face, set()).add(char)
    for face, chars in checked.items():
        # The CJK font's table is large: read when needed, not kept.
        cmap = (
            _read_cmap(face.regular, face.index)
            if _is_cjk(face)
            else (_small_cmap(face.regular))
        )
        missing += [char for char in chars if ord(char) not in cmap]
    return sorted(missing, key=text.index)


def _is_cjk(face: Face) -> bool:
    return face.regular.suffix == ".ttc"


@functools.lru_cache(maxsize=16)
def _advances(path: Path) -> dict[int, float]:
    """Each character's advance width in em, from a (small) font."""
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        units = font["head"].unitsPerEm
        metrics = font["hmtx"].metrics
        return {
            code: metrics[glyph][0] / units
            for code, glyph in font.getBestCmap().items()
        }


def advance_em(text: str, *, bold: bool = False) -> float:
    """How wide `text` is, in em, set on one line in our fonts (unshaped:
    close enough to choose a size; ideographs are one em each)."""
    width = 0.0
    for char in text:
        factory = SCRIPT_FACES.get(script_of(char))
        face = factory() if factory is not None else BASE
        if _is_cjk(face):
            width += 1.0
            continue
        path = face.bold if bold and face.bold else face.regular
        width += _advances(path).get(ord(char), 0.6)
    return width


def cjk_characters(texts) -> str:
    """The Chinese, Japanese and Korean characters in `texts`, sorted, once."""
    return "".join(
        sorted(
            {char for text in texts for char in text if script_of(char) in CJK_SCRIPTS}
        )
    )


def characters_digest(characters: str) -> str:
    return hashlib.sha256(characters.encode()).hexdigest()[:16]


def cjk_web_font(characters: str) -> bytes | None:
    """A WOFF2 of the CJK font with just `characters` (cached), or None."""
    from django.core.cache import cache

    key = f"fonts:cjk:{characters_digest(characters)}"
    font = cache.get(key)
    if font is not None:
        return font
    face = _cjk()
    try:
        result = subprocess.run(  # noqa: S603 - our own script, fixed arguments
            [sys.executable, "-I", str(SUBSETTER), str(face.regular), str(face.index)],
            input=characters.encode(),
            capture_output=True,
            timeout=SUBSET_TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        logger.warning(
            "Cutting the CJK web font took over %s s", SUBSET_TIMEOUT_SECONDS
        )
        return None
    if result.returncode != 0 or not result.stdout:
        logger.warning("Could not cut the CJK web font: %s", result.stderr[-300:])
        return None
    cache.set(key, result.stdout, timeout=7 * 24 * 3600)
    return result.stdout

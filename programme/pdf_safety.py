"""What an uploaded PDF may not carry: actions that run code, and HTML.

Both checks parse rather than match a list of words:

- `active_content` walks the document's object graph from its catalogue, as
  a viewer does, and names the first action that would run code or start a
  program: JavaScript (`/JS`, a `/JavaScript` name tree or action), `/Launch`,
  automatic actions (`/AA`, and an `/OpenAction` of those kinds), form
  submission or import, embedded files and XFA forms. Ordinary links (`/URI`,
  `/GoTo`) stay.
- `html_content` reads the file with an HTML tokenizer, as a browser that
  sniffed it would. Outside the PDF's streams the PDF's own syntax can look
  like a tag only as a hexadecimal string (`<FEFF0041>`), so any other tag
  there is HTML; anywhere in the file (streams included, where compressed
  bytes are noise) a script, an event handler (`on…=`), a `javascript:` URL
  or an `srcdoc` is. This is how a PDF followed by
  `<details open ontoggle=…>` is caught, whatever the element.
"""

import re
import string
from html.parser import HTMLParser

# Objects visited at most: enough for any real deck of slides, and a bound on
# the time a hostile file can take.
MAX_OBJECTS = 200_000
CODE_KEYS = {"/JS", "/JavaScript", "/AA", "/Launch", "/EmbeddedFiles", "/XFA"}
CODE_ACTIONS = {
    "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToE",
    "/RichMediaExecute", "/Rendition",
}  # fmt: skip
HEX = set(string.hexdigits)
EVENT_HANDLER = re.compile(r"on[a-z]{3,}")
STREAM = re.compile(rb"stream\r?\n.*?endstream", re.DOTALL)


class TooComplex(Exception):
    pass


def active_content(reader) -> str | None:
    """The first key or action in the document that would run code, or None."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    pending = [reader.trailer["/Root"]]
    visited = 0
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            ref = (node.idnum, node.generation)
            if ref in seen:
                continue
            seen.add(ref)
            node = node.get_object()
        visited += 1
        if visited > MAX_OBJECTS:
            raise TooComplex
        if isinstance(node, DictionaryObject):
            for key in CODE_KEYS.intersection(node.keys()):
                return key
            if str(node.get("/S", "")) in CODE_ACTIONS:
                return str(node["/S"])
            pending.extend(
                value for key, value in node.items() if key not in {"/Parent", "/P"}
            )
        elif isinstance(node, ArrayObject):
            pending.extend(node)
    return None


class _Tags(HTMLParser):
    """Collects what an HTML tokenizer reads as start tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))

    def parse_marked_section(self, i, report=1):
        # `<![` not followed by a name: the standard library gives up with an
        # AssertionError; a browser reads a bogus comment. Read on after it.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            return i + 3

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, attrs))


def _tags(text: str):
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser.tags


def _is_hex(word: str) -> bool:
    return bool(word) and set(word) <= HEX


def _runs_code(tag: str, attrs) -> bool:
    if tag == "script":
        return True
    for name, value in attrs:
        compact = re.sub(r"[\x00-\x20]+", "", value or "").lower()
        if (
            EVENT_HANDLER.fullmatch(name)
            or name == "srcdoc"
            or compact.startswith(("javascript:", "vbscript:", "data:text/html"))
            or (tag == "meta" and name == "http-equiv")
        ):
            return True
    return False


def html_content(content: bytes) -> str | None:
    """The first HTML tag in the file that a browser would act on, or None."""
    text = content.decode("latin-1")
    for tag, attrs in _tags(text):
        if _runs_code(tag, attrs):
            return tag
    outside_streams = STREAM.sub(b" ", content).decode("latin-1")
    for tag, attrs in _tags(outside_streams):
        looks_like_hex_string = _is_hex(tag) and all(
            _is_hex(name) and value is None for name, value in attrs
        )
        if not looks_like_hex_string:
            return tag
    return None

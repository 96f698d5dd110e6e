"""From rendered HTML or plain text to what a reader meets: blocks of text in
reading order, cut into sentences, and the two languages side by side."""

import difflib
import re
from html.parser import HTMLParser

# Elements whose start or end closes the running block of text.
BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "br", "button",
    "caption", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p", "pre",
    "section", "select", "summary", "table", "td", "textarea", "th", "title",
    "tr", "ul",
}  # fmt: skip
# Elements whose text nobody reads (SVG drawings keep their <title>).
SKIPPED_TAGS = {"script", "style", "noscript", "template"}
# Attributes a reader meets: screen readers read these aloud.
READ_ATTRIBUTES = ("alt", "aria-label", "placeholder")
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "source", "wbr"}

# A sentence ends at . ! ? … followed by a space and a capital letter, a
# digit or an opening quote; not after the abbreviations listed here.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\s]+(?=[A-ZА-Я0-9„“\"(«])")
NOT_AN_END = re.compile(
    r"(?:\b(?:проф|ул|бул|напр|т\.е|т\.нар|вж|чл|ал|стр|No|e\.g|i\.e|etc|St))\.$"
)


def sentences(text: str) -> list[str]:
    """The sentences of one block of text, each on one line."""
    text = " ".join(text.split())
    if not text:
        return []
    pieces = SENTENCE_END.split(text)
    result: list[str] = []
    for piece in pieces:
        if result and NOT_AN_END.search(result[-1]):
            result[-1] = f"{result[-1]} {piece}"
        else:
            result.append(piece)
    return result


class _Blocks(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._text: list[str] = []
        self._tag = "body"
        self._skipping = 0
        self._svg = 0
        self._buttons = 0

    def _flush(self):
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append((self._tag, text))
        self._text = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in SKIPPED_TAGS:
            self._skipping += 1
            return
        if tag == "svg":
            self._svg += 1
        is_button = tag == "a" and (
            "btn" in (attributes.get("class") or "")
            or "button" in (attributes.get("class") or "")
        )
        if is_button:
            self._buttons += 1
        if tag in BLOCK_TAGS or tag == "img" or is_button:
            self._flush()
            self._tag = tag
        if tag == "meta" and attributes.get("name") == "description":
            self.blocks.append(
                ("meta", " ".join(attributes.get("content", "").split()))
            )
        if tag == "input" and attributes.get("type") in {"submit", "button"}:
            self.blocks.append(("button", attributes.get("value") or ""))
        if "action-select" in (attributes.get("class") or ""):
            return  # the admin's row checkboxes: one label a row, Django's own
        for name in READ_ATTRIBUTES:
            value = " ".join((attributes.get(name) or "").split())
            if value:
                self._flush()
                self.blocks.append((f"{tag}[{name}]", value))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TAGS:
            self._skipping = max(0, self._skipping - 1)
            return
        if tag == "svg":
            self._svg = max(0, self._svg - 1)
        if tag in BLOCK_TAGS or (tag == "a" and self._buttons):
            if tag == "a":
                self._buttons -= 1
            self._flush()

    def handle_data(self, data):
        if self._skipping:
            return
        if self._svg and self.lasttag != "title":
            return
        self._text.append(data)

    def close(self):
        super().close()
        self._flush()


def html_blocks(html: str) -> list[tuple[str, str]]:
    """(kind, text) for every block of text of a page, in reading order."""
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return [(tag, text) for tag, text in parser.blocks if text]


def text_blocks(text: str) -> list[tuple[str, str]]:
    """The paragraphs of a plain-text e-mail (a line of its own is one too)."""
    blocks = []
    for paragraph in re.split(r"\n\s*\n", text):
        for line in paragraph.splitlines():
            if line.strip():
                blocks.append(("line", line.strip()))
    return blocks


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def side_by_side(
    bulgarian: list[tuple[str, str]], english: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Rows of (Bulgarian sentence, English sentence): blocks are paired by
    their kind in order, sentences by their place in the block."""
    rows: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(
        a=[kind for kind, _text in bulgarian],
        b=[kind for kind, _text in english],
        autojunk=False,
    )
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        left = [sentences(text) for _kind, text in bulgarian[a0:a1]]
        right = [sentences(text) for _kind, text in english[b0:b1]]
        if tag == "equal" or (a1 - a0) == (b1 - b0):
            pairs = zip(left, right, strict=True)
        else:
            pairs = [
                (
                    [one for block in left for one in block],
                    [one for block in right for one in block],
                )
            ]
        for bg, en in pairs:
            for index in range(max(len(bg), len(en))):
                rows.append(
                    (
                        bg[index] if index < len(bg) else "",
                        en[index] if index < len(en) else "",
                    )
                )
    return rows


def table(rows: list[tuple[str, str]]) -> str:
    lines = ["| Български | English |", "|---|---|"]
    lines += [f"| {_cell(bg)} | {_cell(en)} |" for bg, en in rows]
    return "\n".join(lines)

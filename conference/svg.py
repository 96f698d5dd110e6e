"""Partner logos as SVG: parsed, stripped to an allow-list and written anew.

An SVG is a document that can carry scripts, event handlers, links to other
sites and XML entity tricks. A logo needs none of that. The upload is parsed
by defusedxml, which refuses any DTD (so no entity, internal or external,
can expand) whatever the file's encoding, UTF-16 included; then only known
drawing elements and presentation attributes survive, `href` only when it
points inside the file. Attribute values are read as CSS reads them (escapes
such as `\\75rl(` decoded, comments dropped) before any function in them is
checked, and written back decoded: only colours, transforms and `url(#…)`
references inside the file remain. The size limit applies to the upload and
again to what is stored. What comes out is safe to serve from our own origin
(and the proxy adds a sandboxing CSP to media files, docs/deployment.md).
"""

import re
import xml.etree.ElementTree as ET

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
MAX_SVG_BYTES = 512 * 1024
ELEMENTS = {
    "svg", "g", "path", "rect", "circle", "ellipse", "line", "polyline",
    "polygon", "title", "desc", "defs", "linearGradient", "radialGradient",
    "stop", "clipPath", "mask", "text", "tspan", "use", "symbol",
}  # fmt: skip
ATTRIBUTES = {
    "id", "class", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2",
    "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "fill", "fill-rule",
    "fill-opacity", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-opacity",
    "opacity", "transform", "offset", "stop-color", "stop-opacity",
    "gradientUnits", "gradientTransform", "clip-path", "clip-rule", "mask",
    "preserveAspectRatio", "font-family", "font-size", "font-weight",
    "text-anchor", "dominant-baseline", "letter-spacing", "version",
    "role", "aria-label", "focusable",
}  # fmt: skip
# The CSS functions a logo's attributes may use: colours and transforms.
# `url(` is allowed only for a reference inside the file (`url(#id)`).
FUNCTIONS = {
    "rgb", "rgba", "hsl", "hsla", "matrix", "translate", "scale", "rotate",
    "skewx", "skewy",
}  # fmt: skip
CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", re.DOTALL)
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
CSS_FUNCTION = re.compile(r"([a-z_-][a-z0-9_-]*)\(([^)]*)")


def invalid_svg() -> ValidationError:
    return ValidationError(
        _("The SVG file could not be read safely. Please upload a plain SVG or a PNG."),
        code="invalid_svg",
    )


def too_large() -> ValidationError:
    return ValidationError(
        _("The SVG file is larger than %(limit)s KB.")
        % {"limit": MAX_SVG_BYTES // 1024},
        code="svg_too_large",
    )


def local_name(name: str) -> tuple[str, str]:
    if name.startswith("{"):
        namespace, _sep, local = name[1:].partition("}")
        return namespace, local
    return "", name


def _unescape(match: re.Match) -> str:
    hex_digits, char = match.groups()
    if hex_digits is None:
        return "" if char == "\n" else char
    code = int(hex_digits, 16)
    return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""


def css_value(value: str) -> str:
    """The value as a browser's CSS parser sees it: escapes decoded, no
    comments."""
    return CSS_COMMENT.sub("", CSS_ESCAPE.sub(_unescape, value))


def is_safe_value(value: str) -> bool:
    compact = re.sub(r"\s+", "", value).lower()
    for name, argument in CSS_FUNCTION.findall(compact):
        if name == "url":
            if not argument.strip("'\"").startswith("#"):
                return False
        elif name not in FUNCTIONS:
            return False
    return True


def clean_element(element: ET.Element) -> None:
    for attribute in list(element.attrib):
        namespace, name = local_name(attribute)
        value = css_value(element.attrib[attribute])
        is_link = name == "href" and namespace in {"", XLINK}
        if is_link and value.startswith("#") and is_safe_value(value):
            element.attrib[attribute] = value
            continue
        if namespace or name not in ATTRIBUTES or not is_safe_value(value):
            del element.attrib[attribute]
        else:
            element.attrib[attribute] = value
    for child in list(element):
        namespace, name = local_name(child.tag)
        if namespace != SVG or name not in ELEMENTS:
            element.remove(child)
        else:
            clean_element(child)


def sanitise_svg(upload) -> SimpleUploadedFile:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    upload.seek(0)
    data = upload.read(MAX_SVG_BYTES + 1)
    if len(data) > MAX_SVG_BYTES:
        raise too_large()
    try:
        root = SafeET.fromstring(
            data, forbid_dtd=True, forbid_entities=True, forbid_external=True
        )
    except (ET.ParseError, DefusedXmlException, ValueError, LookupError):
        raise invalid_svg() from None
    if local_name(root.tag) != (SVG, "svg"):
        raise invalid_svg()
    clean_element(root)
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    cleaned = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    if len(cleaned) > MAX_SVG_BYTES:
        raise too_large()
    name = (getattr(upload, "name", "") or "logo").rsplit(".", 1)[0] + ".svg"
    return SimpleUploadedFile(name, cleaned, content_type="image/svg+xml")

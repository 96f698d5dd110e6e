"""Draws a certificate of attendance in a process of its own.

Run by archive.certificates as `python -I certificate_renderer.py`: the
certificate's texts come as JSON on standard input, the PDF goes to
standard output. The process limits its own address space and CPU time
before it imports fpdf2 or reads a font. It does not start Django: the
drawing (archive/certificate_drawing.py) needs only the texts and the fonts.
"""

import json
import resource
import sys
from pathlib import Path

DEFAULTS = {"memory": 768 * 1024 * 1024, "cpu": 30}


def main(argv: list[str]) -> int:
    settings = dict(DEFAULTS)
    for argument in argv:
        key, _sep, value = argument.partition("=")
        settings[key] = int(value)
    resource.setrlimit(resource.RLIMIT_AS, (settings["memory"], settings["memory"]))
    resource.setrlimit(resource.RLIMIT_CPU, (settings["cpu"], settings["cpu"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    # -I leaves the project off the path: the project root, two levels up.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from archive.certificate_drawing import draw_certificate

    texts = json.loads(sys.stdin.buffer.read())
    sys.stdout.buffer.write(draw_certificate(texts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

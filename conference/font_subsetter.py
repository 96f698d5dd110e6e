"""Cuts a web font (WOFF2) holding only the given characters out of a large
font, in a process of its own.

Run by conference.fonts as `python -I font_subsetter.py FONT INDEX`: the
characters come on standard input (UTF-8), the WOFF2 goes to standard
output. Reading the whole CJK font takes about 100 MB and a few seconds, so
the process limits itself first (address space and CPU time), and the web
worker that asked never holds the font. Imports neither Django nor the
project.
"""

import io
import resource
import sys

MEMORY_BYTES = 768 * 1024 * 1024
CPU_SECONDS = 30


def main(argv: list[str]) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))
    path, index = argv[0], int(argv[1])
    text = sys.stdin.buffer.read().decode()
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index)
    options = subset.Options()
    options.layout_features = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    font.flavor = "woff2"  # compressed with Brotli (a requirement already)
    buffer = io.BytesIO()
    font.save(buffer)
    sys.stdout.buffer.write(buffer.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

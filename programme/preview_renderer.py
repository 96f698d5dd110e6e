"""Draws the first page of a PDF as a PNG, in a process of its own.

Run by programme.slides as `python -I preview_renderer.py`: the PDF comes on
standard input, the PNG goes to standard output, and a last line on standard
error reports the peak memory. Before it reads anything the process limits
itself (address space and CPU time, `resource.setrlimit`), so a hostile file
can at worst make this process fail, never the web or mail worker that
started it. It imports neither Django nor the project: only PDFium and Pillow.
"""

import io
import json
import resource
import sys

# Kept in step with programme.slides, which passes them on the command line.
DEFAULTS = {"memory": 384 * 1024 * 1024, "cpu": 20, "width": 640, "height": 1280}


def limit_resources(memory: int, cpu: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def preview_scale(width_pt: float, height_pt: float, *, width: int, height: int):
    """The scale that fits the page in `width` × `height` pixels, never
    wider than `width` (a normal slide fills the width)."""
    return min(width / max(width_pt, 1e-3), height / max(height_pt, 1e-3))


def render(pdf: bytes, *, width: int, height: int) -> bytes:
    import pypdfium2
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = width * height
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = preview_scale(
            page.get_width(), page.get_height(), width=width, height=height
        )
        bitmap = page.render(scale=scale, may_draw_forms=False)
        image = bitmap.to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    if image.width > width or image.height > height:  # rounding up at the edge
        image = image.crop((0, 0, min(image.width, width), min(image.height, height)))
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def peak_memory() -> int:
    """The most memory this process has held (bytes): VmHWM, which, unlike
    ru_maxrss, does not carry over the parent's size from before exec."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str]) -> int:
    settings = dict(DEFAULTS)
    for argument in argv:
        key, _sep, value = argument.partition("=")
        settings[key.lstrip("-")] = int(value)
    limit_resources(settings["memory"], settings["cpu"])
    pdf = sys.stdin.buffer.read()
    try:
        png = render(pdf, width=settings["width"], height=settings["height"])
    except MemoryError:
        status = 3
        png = b""
    except Exception as error:  # reported to the parent
        sys.stderr.write(f"{type(error).__name__}: {error}\n")
        status = 2
        png = b""
    else:
        status = 0
    sys.stdout.buffer.write(png)
    sys.stderr.write(json.dumps({"peak_rss": peak_memory()}) + "\n")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

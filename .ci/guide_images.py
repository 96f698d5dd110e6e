"""Copy the screenshots the organisers' guide shows into docs/img/, made small.

The browser tests save them in var/screenshots/ (`make guide-images` runs the
ones needed, then this). Desktop shots are scaled to 960 px wide and all are
reduced to a 64-colour palette: a few dozen kB each.
"""

import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "var" / "screenshots"
TARGET = ROOT / "docs" / "img"
STEPS = ["admin-home", "registrations", "action-confirm", "message", "sessions"]
NAMES = [
    *(f"guide-{language}-{step}" for language in ("bg", "en") for step in STEPS),
    *(f"{language}-check-in-token-360" for language in ("bg", "en")),
    # The day grid, from tests/browser/test_agenda_grid.py.
    *(f"guide-{language}-grid" for language in ("bg", "en")),
    # A new session on the grid, from tests/browser/test_grid_building.py.
    *(f"guide-{language}-grid-new-session" for language in ("bg", "en")),
    # A warning beside its field, from tests/browser/test_session_entry.py.
    *(f"guide-{language}-session-warnings" for language in ("bg", "en")),
    # The guest list, from tests/browser/test_invitations_journey.py.
    *(
        f"guide-{language}-{step}"
        for language in ("bg", "en")
        for step in ("guest-import", "guests")
    ),
]
# The invitations' flow, shown by docs/invitations.md (docs/img/invitations/),
# from tests/browser/test_invitations_journey.py: the organiser's screens in
# both languages, the guest's (a Bulgarian guest) once.
FLOW_STEPS = {
    "bg": [
        "guest-list",
        "import-preview",
        "invitation-email",
        "accept",
        "answers",
        "name-cards",
    ],
    "en": ["guest-list", "import-preview", "answers"],
}
FLOW = {
    f"flow-{language}-{step}": f"invitations/{language}-{step}"
    for language, steps in FLOW_STEPS.items()
    for step in steps
}
WIDTH = 960


def main(arguments: list[str]) -> int:
    """All the images; with `invitations`, only those of docs/invitations.md
    (after running tests/browser/test_invitations_journey.py alone)."""
    names = {name: name for name in NAMES} | FLOW
    if arguments == ["invitations"]:
        names = dict(FLOW)
    missing = [name for name in names if not (SOURCE / f"{name}.png").exists()]
    if missing:
        print("Missing screenshots (run `make guide-images`):", *missing, sep="\n  ")
        return 1
    (TARGET / "invitations").mkdir(parents=True, exist_ok=True)
    for name, target in names.items():
        image = Image.open(SOURCE / f"{name}.png").convert("RGB")
        if image.width > WIDTH:
            height = round(image.height * WIDTH / image.width)
            image = image.resize((WIDTH, height), Image.Resampling.LANCZOS)
        image = image.quantize(colors=64, method=Image.Quantize.MEDIANCUT)
        path = TARGET / f"{target}.png"
        image.save(path, optimize=True)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Counting what an organiser does in a browser test, as the organisers' guide
counts it (docs/organisers.md): an action is a click, a typed field, a chosen
file, a choice in a list, or a key press that submits or picks.

`Actions` counts twice. `count` is one per step the test calls it with, as the
guide lists them (“type a few letters of a name and press Enter” is one
step). Underneath, every call of Playwright's click, fill, set_input_files,
select_option, check and press made during a step is counted too, by kind
(`by_kind`, `primitives`), so that the figures can be checked without
trusting how the steps were grouped. Scrolling and waiting are not actions.
"""

from collections import Counter
from contextlib import contextmanager

from playwright.sync_api import Keyboard, Locator, Mouse, Page

# The Playwright calls that are the organiser's own, by the kind the guide
# names them.
KINDS = {
    Locator: {
        "click": "click",
        "dblclick": "click",
        "check": "click",
        "fill": "typed field",
        "type": "typed field",
        "press_sequentially": "typed field",
        "set_input_files": "chosen file",
        "select_option": "choice",
        "press": "key press",
    },
    Page: {
        "click": "click",
        "fill": "typed field",
        "set_input_files": "chosen file",
        "select_option": "choice",
        "press": "key press",
    },
    Mouse: {"click": "click", "dblclick": "click"},
    Keyboard: {"press": "key press", "type": "typed field"},
}


class Actions:
    """Call it with each step of the organiser: `act(lambda: ...)`."""

    def __init__(self):
        self.count = 0
        self.by_kind = Counter()
        self.steps = []

    @property
    def primitives(self) -> int:
        """Every click, typed field, chosen file, choice and key press made,
        one by one (a name typed and taken with Enter counts two)."""
        return sum(self.by_kind.values())

    def __call__(self, step):
        before = self.primitives
        with self.recording():
            step()
        made = self.primitives - before
        assert made, "a step in which the organiser did nothing"
        self.count += 1
        self.steps.append(made)

    @contextmanager
    def recording(self):
        originals = []
        for cls, methods in KINDS.items():
            for name, kind in methods.items():
                original = getattr(cls, name)
                originals.append((cls, name, original))
                setattr(cls, name, self.counted(original, kind))
        try:
            yield
        finally:
            for cls, name, original in originals:
                setattr(cls, name, original)

    def counted(self, original, kind):
        actions = self

        def call(*args, **kwargs):
            actions.by_kind[kind] += 1
            return original(*args, **kwargs)

        return call

    def summary(self) -> str:
        kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(self.by_kind.items()))
        return (
            f"{self.count} actions as the guide counts them; "
            f"{self.primitives} one by one ({kinds})"
        )

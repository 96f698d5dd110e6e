"""The table as organisers read it, in Markdown, in either language.

docs/event-life.md and both organisers' guides carry it between markers;
`manage.py rules_table --write` puts it there, and a test fails when the
documents and the code differ.
"""

from collections import defaultdict

from django.utils import translation
from django.utils.translation import gettext, pgettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from conference.phases import Phase
from registrations.rules.table import TABLE
from registrations.rules.terms import Action, State

START = "<!-- rules-table:start (manage.py rules_table --write) -->"
END = "<!-- rules-table:end -->"

PHASE_NAMES = {
    Phase.REGISTRATION_NOT_OPEN: pgettext_lazy("phase", "Not yet open"),
    Phase.REGISTRATION_OPEN: pgettext_lazy("phase", "Open"),
    Phase.REGISTRATION_CLOSED: pgettext_lazy("phase", "Closed"),
    Phase.DESK_OPEN: pgettext_lazy("phase", "Desk open"),
    Phase.EVENT_DAY: pgettext_lazy("phase", "The day"),
    Phase.EVENING: pgettext_lazy("phase", "Evening"),
    Phase.AFTER: pgettext_lazy("phase", "After"),
    Phase.ANONYMISED: pgettext_lazy("phase", "Erased"),
}
PHASE_SPANS = {
    Phase.REGISTRATION_NOT_OPEN: _("until registration opens"),
    Phase.REGISTRATION_OPEN: _("until the deadline, at the latest when check-in opens"),
    Phase.REGISTRATION_CLOSED: _("after the deadline, until check-in opens"),
    Phase.DESK_OPEN: _(
        "on the day, from check-in opening until the doors open, when the desk "
        "opens early"
    ),
    Phase.EVENT_DAY: _("from the doors opening until the end time"),
    Phase.EVENING: _("from the end time until midnight"),
    Phase.AFTER: _("from midnight after the day until the data are erased"),
    Phase.ANONYMISED: _("from the day personal data are erased"),
}
STATE_NAMES = {
    State.PENDING: pgettext_lazy("registration", "unconfirmed"),
    State.CONFIRMED: pgettext_lazy("registration", "confirmed"),
    State.CHECKED_IN: pgettext_lazy("registration", "checked in"),
    State.WAITLISTED: pgettext_lazy("registration", "waiting"),
    State.CANCELLED: pgettext_lazy("registration", "cancelled"),
    State.EXPIRED: pgettext_lazy("registration", "expired"),
    State.ANONYMISED: pgettext_lazy("registration", "erased"),
}
PLACEHOLDERS = {
    "date": _("[date of the conference]"),
    "desk_time": _("[time check-in opens]"),
    "end_time": _("[end time]"),
    "erased_date": _("[date of erasure]"),
    "status": _("[status]"),
    "checked_in_time": _("[time of check-in]"),
}


def _cell(action: Action, phase: Phase) -> str:
    rule = TABLE[action]
    if phase not in rule.phases:
        return "—"
    if rule.states == frozenset(State):
        return gettext("everyone")
    if rule.states == frozenset(State) - {State.ANONYMISED}:
        return gettext("all except erased")
    return ", ".join(str(STATE_NAMES[state]) for state in State if state in rule.states)


def _quoted(reason) -> str:
    text = gettext("“%(text)s”") % {"text": str(reason.text) % PLACEHOLDERS}
    if reason.today is not None:
        today = str(reason.today) % PLACEHOLDERS
        text += " " + gettext("(on the day itself: “%(text)s”)") % {"text": today}
    return text


def _refusals(action: Action) -> list[str]:
    rule = TABLE[action]
    lines = []
    for names, refusals, prefix in (
        (PHASE_NAMES, rule.phase_refusals, ""),
        (STATE_NAMES, rule.state_refusals, pgettext("rules table", "registrations")),
    ):
        grouped = defaultdict(list)
        for key, reason in refusals.items():
            grouped[reason].append(key)
        order = list(Phase) if names is PHASE_NAMES else list(State)
        for reason, keys in sorted(
            grouped.items(), key=lambda item: min(order.index(k) for k in item[1])
        ):
            where = ", ".join(str(names[key]) for key in order if key in keys)
            lead = f"{prefix} *{where}*" if prefix else f"*{where}*"
            lines.append(f"  - {lead}: {_quoted(reason)}")
    return lines


def table_markdown(language: str) -> str:
    """The table, its phases and every refusal, between the markers."""
    with translation.override(language):
        phases = list(Phase)
        head = [gettext("What")] + [str(PHASE_NAMES[phase]) for phase in phases]
        lines = [
            START,
            "",
            "| " + " | ".join(head) + " |",
            "|" + " --- |" * len(head),
        ]
        for action in Action:
            cells = [_cell(action, phase) for phase in phases]
            lines.append(f"| {action.label} | " + " | ".join(cells) + " |")
        lines += ["", gettext("The phases:"), ""]
        lines += [
            f"- **{PHASE_NAMES[phase]}**: {phase.label} – {PHASE_SPANS[phase]}."
            for phase in phases
        ]
        lines += [
            "",
            gettext(
                "What a refusal says, when (the phase) and for whom (the "
                "registration’s state):"
            ),
            "",
        ]
        for action in Action:
            lines.append(f"- **{action.label}**")
            lines += _refusals(action)
        lines += ["", END]
    return "\n".join(lines)


def replace_table(document: str, language: str) -> str:
    """`document` with its table (between the markers) as the code has it."""
    before, _start, rest = document.partition(START)
    _old, _end, after = rest.partition(END)
    if not _start or not _end:
        raise ValueError("The document has no rules-table markers.")
    return before + table_markdown(language) + after

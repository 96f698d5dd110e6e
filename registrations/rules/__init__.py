"""The one table of what may be done, when, and to whom.

For each action (register, confirm, cancel, check in, send the follow-up…),
each phase of the event (conference.phases) and each state of a
registration: allowed, or refused with the reason people read. Every view,
admin action, desk page, command and service asks here; none compares times
or statuses on its own. The table is data (`table.py`), shown to organisers
in docs/event-life.md and the organisers' guide (`markdown.py`, written by
`manage.py rules_table --write` and checked by a test).
"""

from registrations.rules.decisions import (
    Decision,
    allowed_states,
    decide,
    in_states,
    require,
    state_filter,
    state_of,
)
from registrations.rules.table import TABLE
from registrations.rules.terms import Action, Reason, Rule, State

__all__ = [
    "TABLE",
    "Action",
    "Decision",
    "Reason",
    "Rule",
    "State",
    "allowed_states",
    "decide",
    "in_states",
    "require",
    "state_filter",
    "state_of",
]

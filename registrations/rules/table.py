"""The table itself: for each action, the phases and the states of a
registration in which it is allowed, and what a refusal says otherwise.

Pure data: nothing here reads the clock or the database. A cell is
(action, phase, state); it is refused for its phase when the phase is not
among the action's `phases`, else for its state when the state is not among
its `states`, else allowed. Every refused phase and state has its reason,
written for the person who meets it (an attendee, the desk, an organiser).

To add an action: a member of `Action` (terms.py) and a `Rule` in `TABLE`. To add a
state: a member of `State` (terms.py; how to recognise it: decisions.py); each
rule then says whether it allows it or why not — `check_table` refuses
a table with a gap, when the app loads.
"""

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from conference.phases import Phase
from registrations.rules.terms import (
    Action,
    Reason,
    Rule,
    State,
    already,
    check_table,
    rule,
)

# Groups of phases and states, by name.
NOT_YET_OPEN = Phase.REGISTRATION_NOT_OPEN
OPEN = Phase.REGISTRATION_OPEN
CLOSED = Phase.REGISTRATION_CLOSED
DESK_OPEN = Phase.DESK_OPEN
DAY = Phase.EVENT_DAY
EVENING = Phase.EVENING
AFTER = Phase.AFTER
ERASED = Phase.ANONYMISED
BEFORE_THE_DAY = (NOT_YET_OPEN, OPEN, CLOSED)
CHECK_IN_HOURS = (DESK_OPEN, DAY, EVENING)
OVER = (EVENING, AFTER)
UNTIL_ERASED = (*BEFORE_THE_DAY, DESK_OPEN, DAY, *OVER)

PENDING = State.PENDING
CONFIRMED = State.CONFIRMED
CHECKED_IN = State.CHECKED_IN
WAITLISTED = State.WAITLISTED
CANCELLED = State.CANCELLED
EXPIRED = State.EXPIRED
ANONYMISED = State.ANONYMISED
ACTIVE = (PENDING, CONFIRMED, WAITLISTED)
WITH_DATA = (PENDING, CONFIRMED, CHECKED_IN, WAITLISTED, CANCELLED, EXPIRED)

# Reasons shared by several actions.
DATA_ERASED = Reason(
    _(
        "The personal data of the registrations were erased on %(erased_date)s, "
        "as the privacy notice says."
    )
)
NO_CHANGES = {
    DESK_OPEN: Reason(
        _("The conference is today: registrations can no longer be changed.")
    ),
    DAY: Reason(
        _("The conference is under way: registrations can no longer be changed.")
    ),
    OVER: Reason(
        _("The conference has taken place: registrations can no longer be changed.")
    ),
    ERASED: DATA_ERASED,
}
WAS_CANCELLED = Reason(_("This registration was cancelled."))
HAS_EXPIRED = Reason(
    _("This registration expired: its e-mail address was not confirmed in time.")
)
NOT_WAITING = Reason(_("This registration is not on the waiting list."))
HAS_CHECKED_IN = Reason(_("This attendee has already checked in."))
NOT_CHECKED_IN = Reason(_("This person has not been checked in."))
CHECK_IN_OPENS = Reason(
    _("Check-in opens on %(date)s at %(desk_time)s."),
    today=_("Check-in opens today at %(desk_time)s."),
)
ONLY_ATTENDEES = Reason(
    _("Only attendees who were checked in get a certificate of attendance.")
)
AFTER_THE_END = Reason(
    _(
        "Certificates of attendance are issued once the conference has ended, "
        "from %(end_time)s on %(date)s."
    )
)
# Invitations, their answers and press accreditations, for everyone: the
# registration's state does not matter (a guest may have none yet).
INVITATIONS_CLOSED = {
    DESK_OPEN: Reason(
        _(
            "The conference is today: invitations, accreditations and reserved "
            "seats can no longer be changed."
        )
    ),
    DAY: Reason(
        _(
            "The conference is under way: invitations, accreditations and "
            "reserved seats can no longer be changed."
        )
    ),
    OVER: Reason(_("The conference has taken place.")),
    ERASED: Reason(
        _(
            "The conference has taken place and the guests’ personal data have "
            "been erased."
        )
    ),
}
PERSON_GONE = {
    CANCELLED: WAS_CANCELLED,
    EXPIRED: HAS_EXPIRED,
    ANONYMISED: DATA_ERASED,
}

TABLE: dict[Action, Rule] = {
    Action.REGISTER: rule(
        phases=[OPEN],
        states=State,
        refusals={
            NOT_YET_OPEN: Reason(_("Registration has not opened yet.")),
            CLOSED: Reason(_("Registration is closed.")),
            DESK_OPEN: Reason(_("Registration has closed: the conference is today.")),
            DAY: Reason(
                _("Registration has closed because the conference is under way.")
            ),
            (*OVER, ERASED): Reason(
                _("Registration is over: the conference has taken place.")
            ),
        },
    ),
    Action.CONFIRM: rule(
        phases=BEFORE_THE_DAY,
        states=[PENDING],
        refusals={
            **NO_CHANGES,
            (CONFIRMED, CHECKED_IN, WAITLISTED): already(
                _("This e-mail address is already confirmed.")
            ),
            **PERSON_GONE,
        },
    ),
    Action.LEAVE_WAITING_LIST: rule(
        phases=BEFORE_THE_DAY,
        states=[WAITLISTED],
        refusals={
            **NO_CHANGES,
            (PENDING, CONFIRMED, CHECKED_IN): NOT_WAITING,
            **PERSON_GONE,
            CANCELLED: already(WAS_CANCELLED.text),
        },
    ),
    Action.CANCEL: rule(
        phases=BEFORE_THE_DAY,
        states=ACTIVE,
        refusals={
            **NO_CHANGES,
            CHECKED_IN: HAS_CHECKED_IN,
            **PERSON_GONE,
            CANCELLED: already(WAS_CANCELLED.text),
        },
    ),
    Action.PROMOTE: rule(
        phases=BEFORE_THE_DAY,
        states=[WAITLISTED],
        refusals={
            **NO_CHANGES,
            (PENDING, CONFIRMED, CHECKED_IN): NOT_WAITING,
            **PERSON_GONE,
        },
    ),
    Action.CONFIRM_FROM_WAITING_LIST: rule(
        phases=BEFORE_THE_DAY,
        states=[WAITLISTED],
        refusals={
            **NO_CHANGES,
            PENDING: NOT_WAITING,
            (CONFIRMED, CHECKED_IN): already(_("This person already has a seat.")),
            **PERSON_GONE,
        },
    ),
    Action.CHANGE_DETAILS: rule(
        phases=BEFORE_THE_DAY,
        states=ACTIVE,
        refusals={**NO_CHANGES, CHECKED_IN: HAS_CHECKED_IN, **PERSON_GONE},
    ),
    # Reserved seats are given and released for the event as a whole, whoever
    # the person (an invited guest may have registered before, or not).
    Action.GIVE_RESERVED_SEAT: rule(
        phases=BEFORE_THE_DAY, states=State, refusals=NO_CHANGES
    ),
    Action.RELEASE_RESERVED_SEATS: rule(
        phases=BEFORE_THE_DAY, states=State, refusals=NO_CHANGES
    ),
    # Invitations and accreditations change only before the day: from the
    # desk opening, the rows are set and the reserved seats counted.
    **{
        action: rule(phases=BEFORE_THE_DAY, states=State, refusals=INVITATIONS_CLOSED)
        for action in (
            Action.SEND_INVITATIONS,
            Action.REMIND_GUESTS,
            Action.WITHDRAW_INVITATION,
            Action.ACCEPT_INVITATION,
            Action.DECLINE_INVITATION,
            Action.ADD_DELEGATES,
            Action.APPLY_FOR_PRESS,
            Action.DECIDE_PRESS,
        )
    },
    Action.CHECK_IN: rule(
        phases=CHECK_IN_HOURS,
        states=[CONFIRMED],
        refusals={
            BEFORE_THE_DAY: CHECK_IN_OPENS,
            AFTER: Reason(
                _("Check-in closed at the end of the conference day, %(date)s.")
            ),
            ERASED: DATA_ERASED,
            CHECKED_IN: already(_("Already checked in at %(checked_in_time)s.")),
            (PENDING, WAITLISTED, CANCELLED, EXPIRED): Reason(
                _("Do not admit: the registration is “%(status)s” and has no seat.")
            ),
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.UNDO_CHECK_IN: rule(
        phases=[DESK_OPEN, DAY],
        states=[CHECKED_IN],
        refusals={
            BEFORE_THE_DAY: CHECK_IN_OPENS,
            OVER: Reason(
                _(
                    "Check-ins can no longer be undone: the conference has ended, "
                    "and certificates of attendance rely on them."
                )
            ),
            ERASED: DATA_ERASED,
            (PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED): NOT_CHECKED_IN,
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.ISSUE_CERTIFICATE: rule(
        phases=OVER,
        states=[CHECKED_IN],
        refusals={
            (*BEFORE_THE_DAY, DESK_OPEN, DAY): AFTER_THE_END,
            ERASED: DATA_ERASED,
            (PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED): ONLY_ATTENDEES,
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.SEND_REMINDER: rule(
        phases=BEFORE_THE_DAY,
        states=[CONFIRMED],
        refusals={
            (DESK_OPEN, DAY, *OVER): Reason(
                _("Reminders are sent only before the day of the conference.")
            ),
            ERASED: DATA_ERASED,
            (PENDING, CHECKED_IN, WAITLISTED, CANCELLED, EXPIRED): Reason(
                _("Only confirmed attendees who have not arrived get the reminder.")
            ),
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.NOTIFY_AGENDA_CHANGE: rule(
        phases=[*BEFORE_THE_DAY, DESK_OPEN, DAY],
        states=[CONFIRMED, CHECKED_IN],
        refusals={
            OVER: Reason(
                _(
                    "The conference has taken place: attendees are no longer told "
                    "of changes in the agenda."
                )
            ),
            ERASED: DATA_ERASED,
            (PENDING, WAITLISTED, CANCELLED, EXPIRED): Reason(
                _("Only confirmed attendees are told of changes in the agenda.")
            ),
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.SEND_MESSAGE: rule(
        phases=UNTIL_ERASED,
        states=[CONFIRMED, CHECKED_IN, WAITLISTED],
        refusals={
            ERASED: DATA_ERASED,
            (PENDING, CANCELLED, EXPIRED): Reason(
                _(
                    "Messages from the organisers go only to confirmed attendees "
                    "and to people on the waiting list."
                )
            ),
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.SEND_FOLLOW_UP: rule(
        phases=OVER,
        states=[CHECKED_IN],
        refusals={
            (*BEFORE_THE_DAY, DESK_OPEN, DAY): Reason(
                _(
                    "The follow-up e-mail can be sent once the conference has "
                    "ended, from %(end_time)s on %(date)s."
                )
            ),
            ERASED: DATA_ERASED,
            (PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED): Reason(
                _("The follow-up e-mail goes only to attendees who were checked in.")
            ),
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.GIVE_FEEDBACK: rule(
        phases=OVER,
        states=[CHECKED_IN],
        refusals={
            (*BEFORE_THE_DAY, DESK_OPEN, DAY): Reason(
                _(
                    "The feedback form opens when the conference ends, at "
                    "%(end_time)s on %(date)s."
                )
            ),
            ERASED: DATA_ERASED,
            (PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED): Reason(
                _("Only attendees who were checked in can give feedback.")
            ),
            ANONYMISED: DATA_ERASED,
        },
    ),
    Action.SEE_PERSONAL_DATA: rule(
        phases=UNTIL_ERASED,
        states=WITH_DATA,
        refusals={ERASED: DATA_ERASED, ANONYMISED: DATA_ERASED},
    ),
    Action.EXPORT: rule(
        phases=UNTIL_ERASED,
        states=WITH_DATA,
        refusals={ERASED: DATA_ERASED, ANONYMISED: DATA_ERASED},
    ),
    Action.ANONYMISE: rule(
        phases=[ERASED],
        states=WITH_DATA,
        refusals={
            UNTIL_ERASED: Reason(_("Personal data are kept until %(erased_date)s.")),
            ANONYMISED: already(_("These personal data are already erased.")),
        },
    ),
}


_problems = check_table(TABLE)
if _problems:  # pragma: no cover - a developer's mistake, caught on import
    raise ImproperlyConfigured("; ".join(_problems))

"""Changes the registration rules refuse; views and the admin turn each into
a translated message. The exception's text is for the log only."""

import datetime

from conference.phases import RegistrationState


class RegistrationError(Exception):
    """A change the rules do not allow."""


class RegistrationClosed(RegistrationError):
    def __init__(self, state: RegistrationState):
        super().__init__(state.value)
        self.state = state


class RegistrationNotActive(RegistrationError):
    pass


class NotOnWaitingList(RegistrationError):
    pass


class RegistrationConflict(RegistrationError):
    pass


class CheckInRefused(RegistrationError):
    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


class NoSeatLeft(RegistrationError):
    def __init__(self, capacity: int):
        super().__init__(str(capacity))
        self.capacity = capacity


class CapacityBelowConfirmed(RegistrationError):
    def __init__(self, confirmed: int):
        super().__init__(str(confirmed))
        self.confirmed = confirmed


class AlreadyCheckedIn(RegistrationError):
    def __init__(self, checked_in_at: datetime.datetime):
        super().__init__(checked_in_at.isoformat())
        self.checked_in_at = checked_in_at


class NoEmailToResend(RegistrationError):
    pass


class AnnouncementAlreadySent(RegistrationError):
    pass


class NoReservedSeatLeft(RegistrationError):
    """Every reserved seat is taken: an invited guest cannot be seated."""

    def __init__(self, reserved_seats: int):
        super().__init__(str(reserved_seats))
        self.reserved_seats = reserved_seats


class ReservedSeatsUnavailable(RegistrationError):
    """More seats to release than the reserved seats nobody holds."""

    def __init__(self, unused: int):
        super().__init__(str(unused))
        self.unused = unused


class ReservedSeatsBelowTaken(RegistrationError):
    def __init__(self, taken: int):
        super().__init__(str(taken))
        self.taken = taken

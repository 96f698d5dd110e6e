"""Changes the registration rules refuse; views and the admin turn each into
a translated message. The exception's text is for the log only."""


class RegistrationError(Exception):
    """A change the rules do not allow."""


class NotAllowed(RegistrationError):
    """The table of registrations.rules refuses the action now: `decision`
    says which cell, and its `message` what to tell the person."""

    def __init__(self, decision):
        super().__init__(
            f"{decision.action}: phase {decision.phase.phase}, "
            f"state {decision.state or '-'}"
        )
        self.decision = decision

    @property
    def message(self) -> str:
        return self.decision.message


class RegistrationConflict(RegistrationError):
    pass


class NoSeatLeft(RegistrationError):
    def __init__(self, capacity: int):
        super().__init__(str(capacity))
        self.capacity = capacity


class CapacityBelowConfirmed(RegistrationError):
    def __init__(self, confirmed: int):
        super().__init__(str(confirmed))
        self.confirmed = confirmed


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

"""Changes the invitation rules refuse; views and the admin turn each into a
translated message. The exception's text is for the log only."""


class InvitationError(Exception):
    """A change the rules do not allow."""


class InvitationRefused(InvitationError):
    """Not allowed at this moment of the event (invitations.rules); `reason`
    is the translated message to show."""

    def __init__(self, reason):
        super().__init__(str(reason))
        self.reason = reason


class InvitationWithdrawn(InvitationError):
    pass


class InvitationNotOpen(InvitationError):
    """The invitation's state does not allow this answer (for instance a
    decline after accepting: the registration is cancelled instead)."""

    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


class PressDecisionRefused(InvitationError):
    def __init__(self, status: str):
        super().__init__(status)
        self.status = status

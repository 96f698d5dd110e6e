"""The organisers' side of invitations: the guest list (with its import, its
actions, the answers at a glance, the protocol order) and the press
accreditations. Invitations and answers change only through the services."""

from invitations.admin import guests, press

__all__ = ["guests", "press"]

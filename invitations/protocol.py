"""Protocol order: the guests' precedence, and everything that follows it.

- `set_protocol_order` numbers the guests 1, 2, 3… in the order the
  organisers put them (by dragging, or by typing the numbers in the list);
- `apply_protocol_order` makes the public pages follow it: a guest who is a
  speaker on the agenda (Guest.speaker) gives the speaker their place on the
  speakers page, and the opening sessions' line-up is ordered by precedence;
- the list of the first rows, the guests' badges (position and institution
  in both languages) and the name cards (namecards.py) are in this order.
"""

from dataclasses import dataclass

from django.db import transaction
from django.template.response import TemplateResponse
from django.utils import translation

from conference.locks import lock_event
from conference.selectors import get_current_event
from invitations.models import Guest, GuestCategory, InvitationStatus
from programme.models import SessionKind, SessionSpeaker
from registrations import tickets
from registrations.models import RegistrationStatus


def apply_protocol_order(*, event) -> None:
    """Speakers who are guests take their guest's precedence: on the speakers
    page (Speaker.order) and in the line-up of the opening sessions, where
    they come first, in protocol order, before any other speaker."""
    ranked = list(
        Guest.objects.for_event(event)
        .present()
        .filter(speaker__isnull=False, precedence__isnull=False)
        .select_related("speaker")
        .in_protocol_order()
    )
    rank = {guest.speaker_id: guest.precedence for guest in ranked}
    with transaction.atomic():
        for guest in ranked:
            if guest.speaker.order != guest.precedence:
                guest.speaker.order = guest.precedence
                guest.speaker.save(update_fields=["order"])
        rows = SessionSpeaker.objects.filter(
            session__event=event, session__kind=SessionKind.OPENING
        ).order_by("session_id", "order", "pk")
        by_session: dict[int, list[SessionSpeaker]] = {}
        for row in rows:
            by_session.setdefault(row.session_id, []).append(row)
        for line_up in by_session.values():
            ordered = sorted(
                line_up,
                key=lambda row: (
                    row.speaker_id not in rank,
                    rank.get(row.speaker_id, 0),
                    row.order,
                    row.pk,
                ),
            )
            for position, row in enumerate(ordered, start=1):
                if row.order != position:
                    row.order = position
                    row.save(update_fields=["order"])


def set_protocol_order(*, event, guest_ids: list[int]) -> int:
    """Number the event's guests 1, 2, 3… in the order of `guest_ids`;
    the public pages follow. Returns how many guests were numbered."""
    with transaction.atomic():
        lock_event(event.pk)  # every change of the event's guests takes it
        guests = {
            guest.pk: guest
            for guest in Guest.objects.for_event(event)
            .present()
            .filter(pk__in=guest_ids)
        }
        numbered = 0
        for guest_id in guest_ids:
            guest = guests.get(guest_id)
            if guest is None:
                continue
            numbered += 1
            if guest.precedence != numbered:
                guest.precedence = numbered
                guest.save(update_fields=["precedence", "updated_at"])
        apply_protocol_order(event=event)
    return numbered


def first_rows(event):
    """The guests seated in the first rows who have a confirmed seat, in
    protocol order."""
    return (
        Guest.objects.for_event(event)
        .present()
        .filter(
            reserved_seat=True,
            status=InvitationStatus.ACCEPTED,
            registration__status=RegistrationStatus.CONFIRMED,
        )
        .in_protocol_order()
    )


@dataclass(frozen=True)
class Badge:
    name: str
    lines_bg: list[str]
    lines_en: list[str]
    category_bg: str
    category_en: str
    is_press: bool
    qr: str


def _both(guest_or_label, field=None) -> tuple[str, str]:
    """A field (or a method, or a lazy label) in Bulgarian and in English."""
    values = []
    for language in ("bg", "en"):
        with translation.override(language):
            value = getattr(guest_or_label, field) if field else guest_or_label
            values.append(str(value() if callable(value) else value))
    return values[0], values[1]


def guest_badges(guests) -> list[Badge]:
    """The badges of the accepted guests among `guests`, in protocol order,
    each with its own check-in link (a fresh token)."""
    guests = list(
        guests.filter(
            status=InvitationStatus.ACCEPTED,
            registration__status=RegistrationStatus.CONFIRMED,
        )
        .select_related("registration")
        .in_protocol_order()
    )
    tokens = tickets.issue_badge_tokens(
        registrations=[guest.registration for guest in guests]
    )
    badges = []
    for guest in guests:
        position_bg, position_en = _both(guest, "position")
        institution_bg, institution_en = _both(guest, "institution")
        category_bg, category_en = _both(guest, "get_category_display")
        badges.append(
            Badge(
                name=guest.titled_name,
                lines_bg=[line for line in (position_bg, institution_bg) if line],
                lines_en=[line for line in (position_en, institution_en) if line],
                category_bg=category_bg,
                category_en=category_en,
                is_press=False,
                qr=_qr(tokens[guest.registration_id]),
            )
        )
    return badges


def press_badges(accreditations) -> list[Badge]:
    """The press badges of the accredited journalists, by outlet and name."""
    accreditations = list(
        accreditations.accredited()
        .filter(registration__status=RegistrationStatus.CONFIRMED)
        .select_related("registration")
        .order_by("outlet", "last_name", "first_name")
    )
    tokens = tickets.issue_badge_tokens(
        registrations=[item.registration for item in accreditations]
    )
    press_bg, press_en = _press_labels()
    return [
        Badge(
            name=item.full_name,
            lines_bg=[item.outlet, item.position],
            lines_en=[],
            category_bg=press_bg,
            category_en=press_en,
            is_press=True,
            qr=_qr(tokens[item.registration_id]),
        )
        for item in accreditations
    ]


def _press_labels() -> tuple[str, str]:
    return _both(GuestCategory.PRESS.label)


def _qr(token: str) -> str:
    return tickets.qr_code_svg_data_uri(tickets.check_in_url(token))


def badges_response(request, *, guests=None, accreditations=None):
    """The page of badges to print (new check-in tokens each time)."""
    badges = []
    if guests is not None:
        badges += guest_badges(guests)
    if accreditations is not None:
        badges += press_badges(accreditations)
    response = TemplateResponse(
        request,
        "invitations/badges.html",
        {"event": get_current_event(request), "badges": badges},
    )
    response["Cache-Control"] = "no-store"
    return response

"""The answers at a glance, above the guest list: how many were invited and
how they answered, by category and by institution, and the use of the
reserved seats.

A fixed number of queries whatever the size of the list; each chart comes
with its shapes computed (whole numbers in the SVG's own units), so the
template only writes them out, as registrations/figures.py does.
"""

from dataclasses import dataclass

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language, gettext, pgettext

from conference.models import Event
from invitations.models import Guest, GuestCategory, InvitationStatus
from registrations.reserved import reserved_seats

# The answers of a bar, left to right.
ANSWERS = (
    InvitationStatus.ACCEPTED,
    InvitationStatus.DELEGATED,
    InvitationStatus.DECLINED,
    InvitationStatus.SENT,
)
TOP_INSTITUTIONS = 10
BAR_WIDTH = 300
LABEL_WIDTH = 250
ROW_HEIGHT = 26
BAR_HEIGHT = 18
CHART_WIDTH = LABEL_WIDTH + BAR_WIDTH + 50
GAUGE_WIDTH = 480


def answer_labels() -> dict[str, str]:
    """Short labels of the answers, in the admin's language."""
    return {
        InvitationStatus.ACCEPTED: pgettext("answers", "accepted"),
        InvitationStatus.DELEGATED: pgettext("answers", "delegated"),
        InvitationStatus.DECLINED: pgettext("answers", "declined"),
        InvitationStatus.SENT: pgettext("answers", "no answer"),
    }


@dataclass(frozen=True)
class Answers:
    accepted: int = 0
    declined: int = 0
    delegated: int = 0
    no_answer: int = 0
    not_sent: int = 0
    withdrawn: int = 0

    @property
    def invited(self) -> int:
        """Invitations out and not withdrawn."""
        return self.accepted + self.declined + self.delegated + self.no_answer

    def count(self, status: str) -> int:
        return {
            InvitationStatus.ACCEPTED: self.accepted,
            InvitationStatus.DECLINED: self.declined,
            InvitationStatus.DELEGATED: self.delegated,
            InvitationStatus.SENT: self.no_answer,
        }[status]


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    value: int
    x: int
    width: int


@dataclass(frozen=True)
class AnswerRow:
    label: str
    answers: Answers
    y: int
    text_y: int
    segments: list[Segment]
    value_x: int


@dataclass(frozen=True)
class AnswerChart:
    rows: list[AnswerRow]
    legend: list[tuple[str, str]]
    width: int = CHART_WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return max(len(self.rows), 1) * ROW_HEIGHT


@dataclass(frozen=True)
class QuotaGauge:
    quota: int
    taken: int
    awaiting: int
    free: int
    taken_width: int
    awaiting_x: int
    awaiting_width: int
    quota_x: int
    width: int = GAUGE_WIDTH


@dataclass(frozen=True)
class GuestFigures:
    totals: Answers
    by_category: AnswerChart
    by_institution: AnswerChart
    quota: QuotaGauge
    no_seat: int


def _count_kwargs():
    return {
        "accepted": Count("pk", filter=Q(status=InvitationStatus.ACCEPTED)),
        "declined": Count("pk", filter=Q(status=InvitationStatus.DECLINED)),
        "delegated": Count("pk", filter=Q(status=InvitationStatus.DELEGATED)),
        "no_answer": Count("pk", filter=Q(status=InvitationStatus.SENT)),
        "not_sent": Count("pk", filter=Q(status=InvitationStatus.NOT_SENT)),
        "withdrawn": Count("pk", filter=Q(status=InvitationStatus.WITHDRAWN)),
    }


def _answers(row: dict) -> Answers:
    return Answers(**{key: row[key] for key in Answers.__dataclass_fields__})


def answer_chart(counted: list[tuple[str, Answers]]) -> AnswerChart:
    labels = answer_labels()
    largest = max((answers.invited for _label, answers in counted), default=0)
    rows = []
    for index, (label, answers) in enumerate(counted):
        x = LABEL_WIDTH
        segments = []
        for status in ANSWERS:
            value = answers.count(status)
            width = round(value * BAR_WIDTH / largest) if largest else 0
            if value:
                segments.append(Segment(status.value, labels[status], value, x, width))
            x += width
        rows.append(
            AnswerRow(
                label=label,
                answers=answers,
                y=index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                text_y=index * ROW_HEIGHT + ROW_HEIGHT // 2 + 5,
                segments=segments,
                value_x=x + 6,
            )
        )
    legend = [(status.value, labels[status]) for status in ANSWERS]
    return AnswerChart(rows=rows, legend=legend)


def by_category(event: Event) -> AnswerChart:
    """Invitations by category, in the categories' order. One query."""
    rows = {
        row["category"]: _answers(row)
        for row in Guest.objects.for_event(event)
        .values("category")
        .annotate(**_count_kwargs())
        .order_by()
    }
    return answer_chart(
        [
            (str(category.label), rows[category.value])
            for category in GuestCategory
            if category.value in rows and rows[category.value].invited
        ]
    )


def by_institution(event: Event) -> AnswerChart:
    """Invitations by institution as written in the admin's language (the
    other language when empty); the most invited first, then the others
    together. One query."""
    language = get_language() or "bg"
    other = "en" if language.startswith("bg") else "bg"
    mine = "bg" if other == "en" else "en"
    rows = list(
        Guest.objects.for_event(event)
        .exclude(status__in=[InvitationStatus.NOT_SENT, InvitationStatus.WITHDRAWN])
        .annotate(
            name=Coalesce(
                NullIf(f"institution_{mine}", Value("")),
                NullIf(f"institution_{other}", Value("")),
                Value("—"),
                output_field=CharField(),
            )
        )
        .values("name")
        .annotate(**_count_kwargs(), invited=Count("pk"))
        .order_by("-invited", "name")
    )
    counted = [(row["name"], _answers(row)) for row in rows[:TOP_INSTITUTIONS]]
    rest = rows[TOP_INSTITUTIONS:]
    if rest:
        counted.append(
            (
                gettext("Other institutions"),
                Answers(
                    **{
                        key: sum(row[key] for row in rest)
                        for key in Answers.__dataclass_fields__
                    }
                ),
            )
        )
    return answer_chart(counted)


def quota_gauge(event: Event, totals: Answers) -> QuotaGauge:
    """The reserved seats: taken, then those invitations not answered yet
    could take, against the number of reserved seats. One query."""
    seats = reserved_seats(event)
    scale = max(seats.quota, seats.taken + totals.no_answer, 1)
    taken_width = round(GAUGE_WIDTH * seats.taken / scale)
    return QuotaGauge(
        quota=seats.quota,
        taken=seats.taken,
        awaiting=totals.no_answer,
        free=seats.free,
        taken_width=taken_width,
        awaiting_x=taken_width,
        awaiting_width=round(GAUGE_WIDTH * totals.no_answer / scale),
        quota_x=round(GAUGE_WIDTH * seats.quota / scale),
    )


def guest_figures(event: Event) -> GuestFigures:
    """Every figure above the guest list: five queries."""
    guests = Guest.objects.for_event(event)
    totals = _answers(guests.aggregate(**_count_kwargs()))
    return GuestFigures(
        totals=totals,
        by_category=by_category(event),
        by_institution=by_institution(event),
        quota=quota_gauge(event, totals),
        no_seat=guests.filter(
            status=InvitationStatus.SENT, no_seat_at__isnull=False
        ).count(),
    )

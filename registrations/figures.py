"""Figures at a glance above the registrations list: registrations per day by
status, who registered (type of organisation, country) and the seats.

Each figure is a fixed number of queries, whatever the number of days or rows,
and comes with the shapes of its server-rendered SVG chart already computed
(whole numbers in the chart's own units), so the template only writes them out.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import Trim, TruncDate
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext

from conference.models import Event
from registrations.models import OrganisationType, Registration, RegistrationStatus
from registrations.selectors import StatusCounts

# The statuses of the chart per day, bottom to top of each bar.
DAY_STATUSES = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITLISTED,
    RegistrationStatus.CANCELLED,
)
# Who is counted in the breakdowns: those coming or hoping to.
COUNTED = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
TOP_COUNTRIES = 8

# The chart per day, in the SVG's own units.
CHART_WIDTH = 720
CHART_HEIGHT = 240
PLOT_LEFT = 44
PLOT_TOP = 12
PLOT_BOTTOM = 204
DAY_LABELS = 12  # at most this many dates under the bars
BAR_MAX_WIDTH = 48
# Horizontal bars of a breakdown.
BREAKDOWN_WIDTH = 480
LABEL_WIDTH = 250
ROW_HEIGHT = 26
BAR_HEIGHT = 18
GAUGE_WIDTH = 480


def status_labels() -> dict[str, str]:
    """Short labels of the chart's statuses, in the admin's language."""
    return {
        RegistrationStatus.CONFIRMED: pgettext("figures", "confirmed"),
        RegistrationStatus.WAITLISTED: pgettext("figures", "waiting"),
        RegistrationStatus.CANCELLED: pgettext("figures", "cancelled"),
    }


@dataclass(frozen=True)
class Segment:
    status: str
    label: str
    value: int
    y: int
    height: int


@dataclass(frozen=True)
class DayBar:
    day: datetime.date
    label: str
    long_label: str
    counts: dict[str, int]
    total: int
    x: int
    width: int
    segments: list[Segment]
    show_label: bool
    label_x: int


@dataclass(frozen=True)
class Tick:
    value: int
    y: int


@dataclass(frozen=True)
class DayChart:
    bars: list[DayBar]
    ticks: list[Tick]
    totals: dict[str, int]
    legend: list[tuple[str, str]]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT
    plot_left: int = PLOT_LEFT
    plot_right: int = CHART_WIDTH
    plot_bottom: int = PLOT_BOTTOM
    label_y: int = PLOT_BOTTOM + 20

    @property
    def first_day(self) -> str:
        return self.bars[0].long_label

    @property
    def last_day(self) -> str:
        return self.bars[-1].long_label


@dataclass(frozen=True)
class BreakdownRow:
    label: str
    count: int
    percent: int
    y: int
    width: int
    value_x: int
    text_y: int


@dataclass(frozen=True)
class Breakdown:
    rows: list[BreakdownRow]
    total: int
    width: int = BREAKDOWN_WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT

    @property
    def height(self) -> int:
        return max(len(self.rows), 1) * ROW_HEIGHT


@dataclass(frozen=True)
class Gauge:
    capacity: int
    confirmed: int
    waitlisted: int
    seats_left: int
    confirmed_width: int
    waitlisted_x: int
    waitlisted_width: int
    capacity_x: int
    percent: int
    width: int = GAUGE_WIDTH


@dataclass(frozen=True)
class Figures:
    days: DayChart | None
    by_type: Breakdown
    by_country: Breakdown
    gauge: Gauge


def registrations_per_day(event: Event) -> list[tuple[datetime.date, dict]]:
    """Registrations made each day (in the event's time zone), by their
    status now; the days between with none are there too. One query."""
    rows = (
        Registration.objects.for_event(event)
        .filter(status__in=DAY_STATUSES)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .values("day")
        .annotate(
            **{
                status.value: Count("pk", filter=Q(status=status))
                for status in DAY_STATUSES
            }
        )
        .order_by("day")
    )
    found = {row["day"]: {s.value: row[s.value] for s in DAY_STATUSES} for row in rows}
    if not found:
        return []
    first, last = min(found), max(found)
    empty = {status.value: 0 for status in DAY_STATUSES}
    return [
        (day, found.get(day, empty))
        for day in (
            first + datetime.timedelta(days=n) for n in range((last - first).days + 1)
        )
    ]


def nice_ceiling(value: int) -> int:
    """The axis' top: 1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power  # pragma: no cover


def day_chart(days: list[tuple[datetime.date, dict]]) -> DayChart | None:
    if not days:
        return None
    labels = status_labels()
    top = nice_ceiling(max(sum(counts.values()) for _day, counts in days))
    plot_height = PLOT_BOTTOM - PLOT_TOP
    slot = (CHART_WIDTH - PLOT_LEFT) / len(days)
    width = max(1, min(BAR_MAX_WIDTH, round(slot * 0.7)))
    every = math.ceil(len(days) / DAY_LABELS)
    bars = []
    for index, (day, counts) in enumerate(days):
        x = PLOT_LEFT + round(slot * index + (slot - width) / 2)
        segments = []
        bottom = PLOT_BOTTOM
        for status in DAY_STATUSES:
            value = counts[status.value]
            height = round(value * plot_height / top)
            if value:
                segments.append(
                    Segment(
                        status.value, labels[status], value, bottom - height, height
                    )
                )
            bottom -= height
        bars.append(
            DayBar(
                day=day,
                label=date_format(day, "d.m"),
                long_label=date_format(day, "DATE_FORMAT"),
                counts=counts,
                total=sum(counts.values()),
                x=x,
                width=width,
                segments=segments,
                show_label=index % every == 0,
                label_x=x + width // 2,
            )
        )
    middle = [top // 2] if top % 2 == 0 else []
    ticks = [
        Tick(value, PLOT_BOTTOM - round(value * plot_height / top))
        for value in [0, *middle, top]
    ]
    totals = {
        status.value: sum(counts[status.value] for _day, counts in days)
        for status in DAY_STATUSES
    }
    legend = [(status.value, labels[status]) for status in DAY_STATUSES]
    return DayChart(bars=bars, ticks=ticks, totals=totals, legend=legend)


def breakdown(counted: list[tuple[str, int]]) -> Breakdown:
    total = sum(count for _label, count in counted)
    largest = max((count for _label, count in counted), default=0)
    bar_space = BREAKDOWN_WIDTH - LABEL_WIDTH - 48
    rows = []
    for index, (label, count) in enumerate(counted):
        width = round(count * bar_space / largest) if largest else 0
        rows.append(
            BreakdownRow(
                label=label,
                count=count,
                percent=round(100 * count / total) if total else 0,
                y=index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) // 2,
                width=width,
                value_x=LABEL_WIDTH + width + 6,
                text_y=index * ROW_HEIGHT + ROW_HEIGHT // 2 + 5,
            )
        )
    return Breakdown(rows=rows, total=total)


def by_organisation_type(event: Event) -> Breakdown:
    """Confirmed and waiting, by type of organisation. One query."""
    rows = (
        Registration.objects.for_event(event)
        .filter(status__in=COUNTED)
        .values("organisation_type")
        .annotate(count=Count("pk"))
        .order_by("-count", "organisation_type")
    )
    labels = dict(OrganisationType.choices)
    return breakdown(
        [
            (
                str(labels.get(row["organisation_type"], row["organisation_type"])),
                row["count"],
            )
            for row in rows
        ]
    )


def by_country(event: Event) -> Breakdown:
    """Confirmed and waiting, by country as they wrote it; the countries after
    the first few together. One query."""
    rows = list(
        Registration.objects.for_event(event)
        .filter(status__in=COUNTED)
        .annotate(name=Trim("country"))
        .values("name")
        .annotate(count=Count("pk"))
        .order_by("-count", "name")
    )
    counted = [(row["name"] or "—", row["count"]) for row in rows[:TOP_COUNTRIES]]
    rest = sum(row["count"] for row in rows[TOP_COUNTRIES:])
    if rest:
        counted.append((gettext("Other countries"), rest))
    return breakdown(counted)


def gauge(counts: StatusCounts) -> Gauge:
    """Confirmed seats of the capacity against it, the waiting list after
    them (reserved seats have their own figures, in the guest list)."""
    confirmed = counts.public_confirmed
    scale = max(counts.capacity, confirmed + counts.waitlisted, 1)
    confirmed_width = round(GAUGE_WIDTH * confirmed / scale)
    waitlisted_width = round(GAUGE_WIDTH * counts.waitlisted / scale)
    return Gauge(
        capacity=counts.capacity,
        confirmed=confirmed,
        waitlisted=counts.waitlisted,
        seats_left=counts.seats_left,
        confirmed_width=confirmed_width,
        waitlisted_x=confirmed_width,
        waitlisted_width=waitlisted_width,
        capacity_x=round(GAUGE_WIDTH * counts.capacity / scale),
        percent=round(100 * confirmed / counts.capacity) if counts.capacity else 0,
    )


def registration_figures(event: Event, counts: StatusCounts) -> Figures:
    """Every figure of the page: three queries besides `counts`."""
    chart = day_chart(registrations_per_day(event))
    return Figures(
        days=chart,
        by_type=by_organisation_type(event),
        by_country=by_country(event),
        gauge=gauge(counts),
    )

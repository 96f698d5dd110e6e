"""Reads of the record of the conference, shaped for the pages."""

from django.db.models import Avg, Count, Q

from archive.models import DaySummary, Feedback, Photo
from conference.models import Event
from programme.models import Session


def gallery(event: Event) -> list[Photo]:
    return list(Photo.objects.published(event))


def sessions_with_materials(event: Event) -> list[Session]:
    return list(
        Session.objects.for_event(event)
        .exclude(slides="", materials_url="", recording_url="")
        .order_by("starts_at", "order")
    )


def day_summary(event: Event) -> DaySummary | None:
    return DaySummary.objects.filter(event=event).first()


def feedback_summary(event: Event) -> dict:
    """Counts and averages only: nothing here names a person."""
    answers = Feedback.objects.filter(event=event)
    totals = answers.aggregate(count=Count("pk"), average=Avg("rating"))
    by_rating = dict(
        answers.values_list("rating").annotate(n=Count("pk")).order_by("rating")
    )
    votes = list(
        answers.filter(most_useful_session__isnull=False)
        .values_list("most_useful_session")
        .annotate(votes=Count("pk"))
        .order_by("-votes", "most_useful_session")
    )
    titles = Session.objects.in_bulk([pk for pk, _votes in votes])
    return {
        "count": totals["count"],
        "average": totals["average"],
        "by_rating": [(rating, by_rating.get(rating, 0)) for rating in range(1, 6)],
        "sessions": [(titles[pk].title, count) for pk, count in votes],
        "with_comments": answers.filter(~Q(comments="")).count(),
    }

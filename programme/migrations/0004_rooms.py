import django.db.models.deletion
from django.db import migrations, models

HELP_CAPACITY = (
    "How many people the room seats. Leave empty if it does not matter: the "
    "go-live checklist warns when more attendees are confirmed."
)
HELP_ORDER = "Rooms are shown in this order, e.g. as columns of the day grid."
HELP_ACCESS = "For example step-free access, a hearing loop, where the lift is."
NAME_TAKEN = "This event already has a room of this name."


class Migration(migrations.Migration):
    """Rooms as records; sessions get a link to one beside their free-text
    room, which the next (data) migration turns into the link."""

    dependencies = [
        ("conference", "0003_event_controller_topics_and_logos"),
        ("programme", "0003_agenda_versions_and_result_details"),
    ]

    operations = [
        migrations.CreateModel(
            name="Room",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "name",
                    models.CharField(max_length=150, verbose_name="name of the room"),
                ),
                (
                    "name_bg",
                    models.CharField(
                        max_length=150, null=True, verbose_name="name of the room"
                    ),
                ),
                (
                    "name_en",
                    models.CharField(
                        max_length=150, null=True, verbose_name="name of the room"
                    ),
                ),
                (
                    "capacity",
                    models.PositiveIntegerField(
                        blank=True,
                        help_text=HELP_CAPACITY,
                        null=True,
                        verbose_name="seats",
                    ),
                ),
                (
                    "order",
                    models.PositiveIntegerField(
                        default=0, help_text=HELP_ORDER, verbose_name="display order"
                    ),
                ),
                (
                    "accessibility",
                    models.TextField(
                        blank=True,
                        help_text=HELP_ACCESS,
                        verbose_name="accessibility notes",
                    ),
                ),
                (
                    "accessibility_bg",
                    models.TextField(
                        blank=True,
                        help_text=HELP_ACCESS,
                        null=True,
                        verbose_name="accessibility notes",
                    ),
                ),
                (
                    "accessibility_en",
                    models.TextField(
                        blank=True,
                        help_text=HELP_ACCESS,
                        null=True,
                        verbose_name="accessibility notes",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="rooms",
                        to="conference.event",
                        verbose_name="event",
                    ),
                ),
            ],
            options={
                "verbose_name": "room",
                "verbose_name_plural": "rooms",
                "ordering": ["order", "pk"],
            },
        ),
        migrations.AddConstraint(
            model_name="room",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_bg", ""), _negated=True),
                fields=("event", "name_bg"),
                name="programme_room_unique_name_bg",
                violation_error_message=NAME_TAKEN,
            ),
        ),
        migrations.AddConstraint(
            model_name="room",
            constraint=models.UniqueConstraint(
                condition=models.Q(("name_en", ""), _negated=True),
                fields=("event", "name_en"),
                name="programme_room_unique_name_en",
                violation_error_message=NAME_TAKEN,
            ),
        ),
        migrations.AddField(
            model_name="session",
            name="room_record",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="+",
                to="programme.room",
                verbose_name="room",
            ),
        ),
    ]

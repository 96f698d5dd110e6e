import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """The session's room is the link to a Room; the free text goes."""

    dependencies = [("programme", "0005_rooms_from_free_text")]

    operations = [
        migrations.RemoveField(model_name="session", name="room"),
        migrations.RemoveField(model_name="session", name="room_bg"),
        migrations.RemoveField(model_name="session", name="room_en"),
        migrations.RenameField(
            model_name="session", old_name="room_record", new_name="room"
        ),
        migrations.AlterField(
            model_name="session",
            name="room",
            field=models.ForeignKey(
                blank=True,
                help_text="Two sessions in the same room cannot overlap.",
                null=True,
                on_delete=django.db.models.deletion.RESTRICT,
                related_name="sessions",
                to="programme.room",
                verbose_name="room",
            ),
        ),
    ]

from django.db import migrations


def set_status(apps, schema_editor):
    """Slides with a picture are ready; slides without one wait for the mail
    worker to draw it."""
    Session = apps.get_model("programme", "Session")
    with_slides = Session.objects.exclude(slides="")
    with_slides.exclude(slides_preview="").update(slides_preview_status="ready")
    with_slides.filter(slides_preview="").update(slides_preview_status="pending")


class Migration(migrations.Migration):
    dependencies = [
        ("programme", "0008_session_slides_preview_status"),
    ]

    operations = [migrations.RunPython(set_status, migrations.RunPython.noop)]

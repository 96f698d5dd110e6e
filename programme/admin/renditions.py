from programme.services import schedule_renditions


class RenditionsAdminMixin:
    """After a new image is saved, write its resized copies (on commit)."""

    rendition_field = "image"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if self.rendition_field in form.changed_data:
            schedule_renditions(instance=obj)

"""A file chosen in a form that fails for another reason is kept.

A browser cannot fill a file input again, so when the admin shows a form back
with an error elsewhere (a name missing in English, say) the photo the
organiser chose would be lost. A form with KeptUploadsMixin keeps each file
that its own field accepted in a temporary upload outside the public media
folder, and shows it back under the field (“You chose “portrait.jpg”: it is
kept, no need to choose it again”) with a hidden, signed reference; sent back
without a new file, the kept one is used (and checked again like any upload).
Choosing another file, or ticking “Clear”, replaces it. Kept files older than
a day are removed whenever another is kept.
"""

import mimetypes
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext

KEPT_SUFFIX = "__kept"
MAX_AGE_SECONDS = 24 * 60 * 60
SIGNER = signing.TimestampSigner(salt="conference.kept_uploads")


def kept_folder() -> Path:
    base = getattr(settings, "FILE_UPLOAD_TEMP_DIR", None) or tempfile.gettempdir()
    return Path(base) / "conference-kept-uploads"


def forget_old_uploads(folder: Path) -> None:
    limit = time.time() - MAX_AGE_SECONDS
    for path in folder.glob("*/*"):
        if path.stat().st_mtime < limit:
            path.unlink(missing_ok=True)
            if not any(path.parent.iterdir()):
                path.parent.rmdir()


def keep_upload(upload) -> str:
    """Store the upload for a day; return the signed reference to it."""
    folder = kept_folder()
    folder.mkdir(parents=True, exist_ok=True)
    forget_old_uploads(folder)
    key = secrets.token_hex(16)
    name = Path(upload.name or "upload").name[-100:]
    (folder / key).mkdir()
    upload.seek(0)
    with open(folder / key / name, "wb") as target:
        for chunk in upload.chunks():
            target.write(chunk)
    upload.seek(0)
    return SIGNER.sign(f"{key}/{name}")


def kept_upload(reference: str) -> SimpleUploadedFile | None:
    """The upload a reference names, or None when it is forged, too old or gone."""
    try:
        relative = SIGNER.unsign(reference, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return None
    folder = kept_folder().resolve()
    path = (folder / relative).resolve()
    if folder not in path.parents or not path.is_file():
        return None
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return SimpleUploadedFile(path.name, path.read_bytes(), content_type)


class KeptFileWidget(AdminFileWidget):
    """The admin's file input, with the kept file named under it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = None  # (reference, file name)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if self.kept is None:
            return html
        reference, file_name = self.kept
        return html + format_html(
            '<input type="hidden" name="{}" value="{}"><p class="kept-upload">{}</p>',
            f"{name}{KEPT_SUFFIX}",
            reference,
            gettext(
                "You chose “%(name)s”: it is kept, no need to choose it again. "
                "Choose another file only to replace it."
            )
            % {"name": file_name},
        )


class KeptUploadsMixin:
    """For a ModelForm: keep the files chosen in `kept_upload_fields` when the
    form is shown back with errors."""

    kept_upload_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.kept_upload_fields:
            if name in self.fields:
                old = self.fields[name].widget
                self.fields[name].widget = KeptFileWidget(attrs=old.attrs)
        if self.is_bound:
            self.restore_kept_uploads()

    def restore_kept_uploads(self) -> None:
        for name in self.kept_upload_fields:
            key = self.add_prefix(name)
            if name not in self.fields or self.files.get(key):
                continue
            if self.data.get(f"{key}-clear"):
                continue
            upload = kept_upload(str(self.data.get(f"{key}{KEPT_SUFFIX}", "")))
            if upload is not None:
                self.files = self.files.copy()
                self.files[key] = upload

    def full_clean(self):
        super().full_clean()
        if not self.is_bound or not self._errors:
            return
        for name in self.kept_upload_fields:
            upload = self.files.get(self.add_prefix(name))
            if upload is None or name in self._errors or name not in self.fields:
                continue
            self.fields[name].widget.kept = (keep_upload(upload), upload.name)

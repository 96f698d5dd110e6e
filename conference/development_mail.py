"""Development e-mail: each message saved as readable files under var/mail/.

`make run` (DJANGO_DEBUG=1 without DJANGO_SMTP_HOST) sends no e-mail. Each
message becomes a folder named after the time it was sent, holding
`message.txt` (headers and the plain text, UTF-8, links whole), `message.html`
(open it in the browser: the ticket's QR code shows) and the attachments.
The console says where each one went.
"""

import datetime
import itertools
import logging
from email.message import MIMEPart
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)
_counter = itertools.count(1)


def _attachments(message) -> list[tuple[str, bytes, str]]:
    """(file name, content, content id) of each attachment."""
    found = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEPart):
            content_id = (attachment.get("Content-ID") or "").strip("<>")
            found.append(
                (attachment.get_filename(), attachment.get_content(), content_id)
            )
        else:
            filename, content, _mimetype = attachment
            if isinstance(content, str):
                content = content.encode()
            found.append((filename, content, ""))
    return found


class MailFolderBackend(BaseEmailBackend):
    def __init__(self, *, directory, **kwargs):
        super().__init__(**kwargs)
        self.directory = Path(directory)

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            self._save(message)
        return len(email_messages)

    def _folder(self) -> Path:
        # Time and a counter, not the address: the log names the folder, and
        # logs never show e-mail addresses (conference/logging.py).
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        self.directory.mkdir(parents=True, exist_ok=True)
        while True:
            folder = self.directory / f"{stamp}.{next(_counter):04d}"
            try:
                folder.mkdir()
            except FileExistsError:  # another process, the same second
                continue
            return folder

    def _save(self, message) -> None:
        folder = self._folder()
        attachments = _attachments(message)
        for filename, content, _content_id in attachments:
            (folder / Path(filename).name).write_bytes(content)
        headers = [
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
            f"Subject: {message.subject}",
            f"Date: {datetime.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
        ]
        if attachments:
            names = ", ".join(Path(name).name for name, _content, _cid in attachments)
            headers.append(f"Attachments (in this folder): {names}")
        text = "\n".join(headers) + "\n\n" + message.body
        (folder / "message.txt").write_text(text, encoding="utf-8")
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                for filename, _content, content_id in attachments:
                    if content_id:
                        content = content.replace(
                            f"cid:{content_id}", Path(filename).name
                        )
                (folder / "message.html").write_text(content, encoding="utf-8")
        logger.info("E-mail “%s” saved in %s", message.subject, folder)

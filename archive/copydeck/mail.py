"""The e-mails of the deck: the greeting in every form of address, and each
kind of e-mail (subject, text and HTML bodies) in both languages."""

import datetime

from django.utils import translation

from archive.copydeck.rendering import LANGUAGES, Section, without_secrets
from archive.copydeck.text import html_blocks, side_by_side, text_blocks
from conference.models import Event
from programme.services import publish_agenda
from registrations.emails import queue_email, render_email
from registrations.models import (
    Announcement,
    EmailKind,
    FormOfAddress,
    Registration,
    RegistrationStatus,
)
from registrations.salutations import salutation


class EmailScenes:
    """Mixed into scenes.Scenes, which gives `deck` and `_registration`."""

    # E-mails ---------------------------------------------------------------

    def greetings(self) -> None:
        rows = []
        variants = [
            ("", "Мария", "Петрова"),
            (FormOfAddress.MS, "Мария", "Петрова"),
            (FormOfAddress.MR, "Иван", "Петров"),
            (FormOfAddress.DR, "Мария", "Петрова"),
            (FormOfAddress.DR, "Иван", "Петров"),
            (FormOfAddress.DR, "Anna", "Smith"),
            (FormOfAddress.PROF, "Мария", "Петрова"),
            (FormOfAddress.PROF, "Иван", "Петров"),
            (FormOfAddress.PROF, "Anna", "Smith"),
        ]
        for form, first_name, last_name in variants:
            person = Registration(
                form_of_address=form, first_name=first_name, last_name=last_name
            )
            texts = []
            for language in LANGUAGES:
                with translation.override(language):
                    texts.append(salutation(person))
            rows.append(tuple(texts))
        self.deck.emails.append(Section("The greeting of every e-mail", rows))

    def emails(self, kinds, moment: str) -> None:
        event = Event.objects.current()
        announcement = Announcement.objects.create(
            event=event,
            subject_bg="Съобщение от организаторите",
            subject_en="A message from the organisers",
            body_bg="Текстът на съобщението, написан от организаторите.",
            body_en="The text of the message, written by the organisers.",
        )
        version, restore = self._agenda_change(event)
        waiting = {EmailKind.WAITLISTED, EmailKind.LEFT_WAITING_LIST}
        registrations = {
            (language, status): self._registration(
                language,
                status,
                f"mail-{status}-{language}-{moment.replace(' ', '-')}@example.org",
            )
            for language in LANGUAGES
            for status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
        }
        for kind in kinds:
            rendered = {}
            status = (
                RegistrationStatus.WAITLISTED
                if kind in waiting
                else RegistrationStatus.CONFIRMED
            )
            for language in LANGUAGES:
                email = queue_email(
                    registration=registrations[language, status],
                    kind=kind,
                    announcement=announcement
                    if kind == EmailKind.ANNOUNCEMENT
                    else None,
                    agenda_version=version
                    if kind == EmailKind.AGENDA_CHANGED
                    else None,
                )
                rendered[language] = (email.subject, render_email(email))
            self.add_email(kind, moment, rendered)
        restore()

    def add_email(self, kind, moment: str, rendered: dict) -> None:
        """An e-mail's subject, text and HTML; `rendered` is, by language,
        (subject, the rendered e-mail)."""
        label = EmailKind(kind).label
        with translation.override("en"):
            label = str(label)
        self.deck.emails.append(
            Section(
                f"{kind} — {label} ({moment}): subject",
                [(rendered["bg"][0], rendered["en"][0])],
            )
        )
        self.deck.emails.append(
            Section(
                f"{kind} — text",
                side_by_side(
                    text_blocks(without_secrets(rendered["bg"][1].body_text)),
                    text_blocks(without_secrets(rendered["en"][1].body_text)),
                ),
            )
        )
        self.deck.emails.append(
            Section(
                f"{kind} — HTML",
                side_by_side(
                    html_blocks(without_secrets(rendered["bg"][1].body_html)),
                    html_blocks(without_secrets(rendered["en"][1].body_html)),
                ),
            )
        )

    @staticmethod
    def _agenda_change(event):
        """Publish the draft, move one session by a quarter of an hour and
        publish again, so the agenda-change e-mail has a change to show; the
        returned function puts the session back and publishes once more."""
        from programme.models import Session

        publish_agenda(event=event, changelog="")
        session = Session.objects.get(event=event, slug="analyses-and-mapping")
        before = (session.starts_at, session.ends_at)
        quarter = datetime.timedelta(minutes=15)
        Session.objects.filter(pk=session.pk).update(
            starts_at=before[0] + quarter, ends_at=before[1] + quarter
        )
        version = publish_agenda(event=event, changelog="")

        def restore():
            Session.objects.filter(pk=session.pk).update(
                starts_at=before[0], ends_at=before[1]
            )
            publish_agenda(event=event, changelog="")

        return version, restore

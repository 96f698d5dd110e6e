"""The e-mails of the deck: the greeting of every e-mail, then every kind of
e-mail in both languages (subject, text and HTML), to г-жа Мария Петрова and
Ms Maria Petrova. Mixed into scenes.Scenes, whose `_registration` and `deck`
they use."""

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
        version = publish_agenda(event=event, changelog="")
        registrations = {
            language: self._registration(
                language,
                RegistrationStatus.CONFIRMED,
                f"mail-{language}-{moment.replace(' ', '-')}@example.org",
            )
            for language in LANGUAGES
        }
        for kind in kinds:
            rendered = {}
            for language in LANGUAGES:
                email = queue_email(
                    registration=registrations[language],
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

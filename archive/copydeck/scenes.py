"""What the deck renders: the real content on a fixed day, read at fixed
moments of the event's life, in both languages, as visitors, registrants and
organisers meet it.

Everything that could change between two runs is fixed (rendering.py): the
clock (one moment per phase), the event's date, the people (г-жа Мария
Петрова), the site's address, and the secret links (shown as `…`).
"""

import io
import re
from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import timezone, translation

from archive.copydeck.invitation_scenes import (
    ADMIN_PATHS,
    invitation_emails,
    invitation_pages,
)
from archive.copydeck.mail import EmailScenes
from archive.copydeck.rendering import (
    EVENT_DATE,
    EVENT_VALUES,
    LANGUAGES,
    MOMENTS,
    PEOPLE,
    SITE_URL,
    Deck,
    Section,
    clear_caches,
    common_rows,
    page_rows,
    public_paths,
)
from archive.copydeck.text import html_blocks, side_by_side
from conference.models import Event
from conference.roles import ORGANISERS
from invitations.emails import GUEST_KINDS
from registrations.models import (
    EmailKind,
    Registration,
    RegistrationStatus,
    RegistrationToken,
    TokenPurpose,
)


class Scenes(EmailScenes):
    def __init__(self, deck: Deck):
        self.deck = deck
        self.client = Client()
        self.seen: dict[str, list[tuple[str, str]]] = {}
        # The rows every public page repeats, shown once.
        self.chrome: set[tuple[str, str]] = set()

    # The public pages ------------------------------------------------------

    def public_pages(self, moment: str, *, only_changed: bool) -> None:
        clear_caches()
        pages = {
            path: page_rows(self.client, path)
            for path in public_paths(self.client)
            if not path.endswith("/register/")  # with the registration pages
        }
        chrome, pages = common_rows(pages)
        self.chrome |= set(chrome)
        earlier = self.seen.get("every page")
        self.seen["every page"] = chrome
        if earlier is None:
            self.deck.pages.append(
                Section(f"Every page: menu, footer, partners — {moment}", chrome)
            )
        elif [row for row in chrome if row not in earlier]:
            self.deck.pages.append(
                Section(
                    f"Every page — {moment}, what changed",
                    [row for row in chrome if row not in earlier],
                )
            )
        for path, rows in pages.items():
            earlier = self.seen.get(path)
            self.seen[path] = rows
            if only_changed and earlier is not None:
                rows = [row for row in rows if row not in earlier]
                if rows:
                    self.deck.pages.append(
                        Section(f"{path} — {moment}, what changed", rows)
                    )
            elif rows != earlier:
                self.deck.pages.append(Section(f"{path} — {moment}", rows))

    def _without_chrome(self, rows):
        return [row for row in rows if row not in self.chrome]

    # Registering and the registrant's pages ---------------------------------

    def _registration(self, language, status, email) -> Registration:
        return Registration.objects.create(
            event=Event.objects.current(),
            email=email,
            organisation={"bg": "Фондация „Асоциация Анимус“", "en": "Animus"}[
                language
            ],
            position={"bg": "социален работник", "en": "social worker"}[language],
            country={"bg": "България", "en": "Bulgaria"}[language],
            organisation_type="ngo",
            language=language,
            consent_given_at=timezone.now(),
            privacy_notice_version="1",
            status=status,
            confirmed_at=timezone.now()
            if status == RegistrationStatus.CONFIRMED
            else None,
            waitlisted_at=timezone.now()
            if status == RegistrationStatus.WAITLISTED
            else None,
            **PEOPLE[language],
        )

    def _token_pages(self, heading: str, status, suffix: str = "") -> None:
        paths = {}
        for language in LANGUAGES:
            registration = self._registration(
                language, status, f"{status}-{language}-{suffix}@example.org"
            )
            token = RegistrationToken.objects.issue(
                registration=registration, purpose=TokenPurpose.MANAGE
            )
            paths[language] = f"/{language}/registration/{token}/{suffix}"
        rows = page_rows(self.client, paths["bg"], en_path=paths["en"])
        self.deck.registration.append(Section(heading, rows))

    def registration_pages(self) -> None:
        clear_caches()
        self.deck.registration.append(
            Section("/bg/register/ — the form", page_rows(self.client, "/bg/register/"))
        )
        self.deck.registration.append(
            Section(
                "/bg/register/ — sent empty: every required field",
                page_rows(self.client, "/bg/register/", "post", {}),
            )
        )
        mistyped = {
            "first_name": "Мария",
            "last_name": "Петрова",
            "email": "maria@gmial.com",
            "organisation": "Animus",
            "position": "social worker",
            "country": "Bulgaria",
            "organisation_type": "ngo",
            "language": "bg",
            "consent": "on",
        }
        self.deck.registration.append(
            Section(
                "/bg/register/ — a likely typo in the e-mail address",
                page_rows(self.client, "/bg/register/", "post", mistyped),
            )
        )
        self.deck.registration.append(
            Section(
                "/bg/register/check-your-inbox/",
                page_rows(self.client, "/bg/register/check-your-inbox/"),
            )
        )
        self._token_pages(
            "/bg/registration/…/confirm/ — confirming the address",
            RegistrationStatus.PENDING,
            "confirm/",
        )
        self._token_pages(
            "/bg/registration/…/ — a confirmed seat", RegistrationStatus.CONFIRMED
        )
        self._token_pages(
            "/bg/registration/…/cancel/ — cancelling",
            RegistrationStatus.CONFIRMED,
            "cancel/",
        )
        self._token_pages(
            "/bg/registration/…/ — on the waiting list",
            RegistrationStatus.WAITLISTED,
        )
        self._token_pages(
            "/bg/registration/…/leave-waiting-list/ — leaving the waiting list",
            RegistrationStatus.WAITLISTED,
            "leave-waiting-list/",
        )
        self.deck.registration.append(
            Section(
                "/bg/… — a page that does not exist (404)",
                page_rows(self.client, "/bg/no-such-page/"),
            )
        )
        request = RequestFactory().get("/")
        for template in ("400.html", "403.html", "429.html", "500.html", "503.html"):
            blocks = {}
            for language in LANGUAGES:
                with translation.override(language):
                    blocks[language] = html_blocks(
                        render_to_string(template, request=request)
                    )
            self.deck.registration.append(
                Section(
                    f"error page {template}",
                    side_by_side(blocks["bg"], blocks["en"]),
                )
            )

    def strip_chrome_from_registration_pages(self) -> None:
        self.deck.registration = [
            Section(section.heading, self._without_chrome(section.rows))
            for section in self.deck.registration
        ]

    # The organisers' screens -----------------------------------------------

    def admin_pages(self) -> None:
        clear_caches()
        user = get_user_model().objects.create_user(
            username="copy-deck", password=None, is_staff=True
        )
        user.groups.add(Group.objects.get(name=ORGANISERS))
        client = Client()
        client.force_login(user)
        paths = [
            "/bg/admin/",
            *self._admin_model_paths(),
            *ADMIN_PATHS,
            "/bg/desk/sign-in-sheet/",
        ]
        screens = {path: page_rows(client, path) for path in paths}
        screens["/bg/desk/badges/ — printed"] = page_rows(
            client, "/bg/desk/badges/", "post", {}
        )
        screens["/bg/check-in/?q=Петрова"] = page_rows(
            client, "/bg/check-in/?q=Петрова"
        )
        chrome, screens = common_rows(screens, share=0.6)
        self.deck.admin.append(Section("Every admin screen: menu and header", chrome))
        for path, rows in screens.items():
            # Ids differ from one database to the next (the first row's in the
            # path, the outbox's "ID" field); a bare number is no wording.
            heading = re.sub(r"/\d+/change/$", "/…/change/ (the first row)", path)
            words = [row for row in rows if not (row[0] + row[1]).isdigit()]
            self.deck.admin.append(Section(heading, words))

    def _admin_model_paths(self) -> Iterator[str]:
        from django.contrib import admin

        ours = ("conference", "programme", "registrations", "invitations", "archive")
        for model in sorted(
            admin.site._registry, key=lambda m: (m._meta.app_label, m._meta.model_name)
        ):
            if model._meta.app_label not in ours:
                continue
            base = f"/bg/admin/{model._meta.app_label}/{model._meta.model_name}/"
            yield base
            first = model._default_manager.order_by("pk").first()
            if first is not None:
                yield f"{base}{first.pk}/change/"


def build_sections() -> Deck:
    """Render everything, at the fixed moments (the caller fixes the clock)."""
    import time_machine

    deck = Deck()
    with time_machine.travel(MOMENTS["registration open"], tick=False):
        call_command(
            "load_conference_content",
            "--date",
            EVENT_DATE.isoformat(),
            stdout=io.StringIO(),
        )
        event = Event.objects.current()
        for name, value in EVENT_VALUES.items():
            setattr(event, name, value)
        event.save()
        scenes = Scenes(deck)
        scenes.public_pages(
            "registration open, agenda not published", only_changed=False
        )
        scenes.registration_pages()
        invitation_pages(scenes)
        scenes.strip_chrome_from_registration_pages()
        scenes.greetings()
        scenes.emails(
            [
                kind
                for kind in EmailKind
                if kind != EmailKind.FOLLOW_UP and kind not in GUEST_KINDS
            ],
            "registration open",
        )
        invitation_emails(scenes, "registration open")
        scenes.public_pages("registration open, agenda published", only_changed=True)
        scenes.admin_pages()
    with time_machine.travel(MOMENTS["the day"], tick=False):
        scenes.public_pages("the day", only_changed=True)
    with time_machine.travel(MOMENTS["after the day"], tick=False):
        scenes.public_pages("after the day", only_changed=True)
        scenes.emails([EmailKind.FOLLOW_UP], "after the day")
    return deck


__all__ = ["SITE_URL", "Deck", "Section", "build_sections"]

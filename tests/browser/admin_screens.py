"""Every admin screen a person reaches, and what each one says.

`organiser_screens`, `desk_screens` and `superuser_screens` list the screens
from the admin's registry and each account's permissions, so a model or list
added later is walked without touching the test. `page_words` reads what the
page says: its visible text and the accessible names of its elements
(aria-label, title, alt, placeholder, button values, the charts' titles),
leaving out text marked as the other language and what people typed (field
values). `foreign_words` keeps the words of the other language that are not
data (names, organisations, e-mail addresses…).
"""

import re
from dataclasses import dataclass

from django.contrib import admin
from django.db import models
from django.urls import reverse
from modeltranslation.translator import NotRegistered, translator

# Apps whose rows are data: their words may appear in either language.
DATA_APPS = {"conference", "programme", "registrations", "archive", "invitations"}
# Words that are the same in both languages: names of file formats and
# programs, an e-mail header's name, keys of the keyboard, the languages'
# codes, and the names of the languages in their own language (marked as
# such in our templates, not in Django's filters).
NEUTRAL = {
    "Message-ID",
    "CSV",
    "XLSX",
    "Excel",
    "LibreOffice",
    "UTF",
    "PDF",
    "SVG",
    "PNG",
    "JPEG",
    "WebP",
    "HTML",
    "JavaScript",
    "QR",
    "Alt",
    "Shift",
    "Tab",
    "Enter",
    "Escape",
    "Control",
    "Command",
    "Mac",
    "BG",
    "EN",
    "English",
    "Български",
}
# Addresses, paths, file names and extensions (".xlsx"), tokens with digits
# ("md5", "h1") and masked values ("ED******"): not words of either language.
URLISH = re.compile(
    r"https?://\S+|\S+@\S+|/[\w/%.?=&-]+"
    r"|(?:\b[\w-]+)?\.(?:pdf|jpe?g|png|webp|svg|ics|csv|xlsx)\b"
    r"|\b[\w-]*\d[\w-]*\b|\S*\*{3,}\S*"
)
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]")
CYRILLIC_WORD = re.compile(r"[\u0400-\u04FF][\u0400-\u04FF’'-]*")

COLLECT = """(other) => {
  const skipped = (element) => element.closest(
    `[lang="${other}"], script, style, template, noscript, textarea, ` +
    `.empty-form`
  );
  const shown = (element) => {
    if (element.closest("svg") && ["title", "desc"].includes(element.localName)) {
      return true;
    }
    if (element.localName === "option") {
      return true;
    }
    return element.checkVisibility({visibilityProperty: true});
  };
  const parts = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || skipped(element) || !shown(element)) continue;
    const text = node.textContent.trim();
    if (text) parts.push(text);
  }
  const named = "[aria-label], [title], [alt], [placeholder], " +
    "[aria-description], [aria-roledescription], [aria-valuetext], " +
    "input[type=submit], input[type=button], input[type=reset]";
  for (const element of document.querySelectorAll(named)) {
    if (skipped(element) || !shown(element)) continue;
    for (const name of ["aria-label", "title", "alt", "placeholder",
                        "aria-description", "aria-roledescription",
                        "aria-valuetext"]) {
      const value = element.getAttribute(name);
      if (value) parts.push(value);
    }
    if (element.matches("input[type=submit], input[type=button], input[type=reset]")
        && element.value) {
      parts.push(element.value);
    }
  }
  return parts.join("\\n");
}"""


@dataclass
class Screen:
    """A page to walk: its path, what it is ("list", "form" or "page"), and
    a search to make on it."""

    path: str
    kind: str = "page"
    search: str = ""

    def url(self, language: str) -> str:
        query = f"?q={self.search}" if self.search else ""
        return f"/{language}{self.path}{query}"


def _admin_path(name: str, *args) -> str:
    from django.utils import translation

    with translation.override("bg"):
        return reverse(f"admin:{name}", args=args).removeprefix("/bg")


def model_screens(request) -> list[Screen]:
    """Index and each app's page; for each model the user may view, the list
    (its filters open), the add form and the change form of its first row;
    the history and the delete page of one row (one template each)."""
    screens = [Screen(_admin_path("index"))]
    apps_seen = set()
    history = deletable = None
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if not model_admin.has_view_permission(request):
            continue
        if opts.app_label not in apps_seen:
            apps_seen.add(opts.app_label)
            screens.append(Screen(_admin_path("app_list", opts.app_label)))
        name = f"{opts.app_label}_{opts.model_name}"
        screens.append(Screen(_admin_path(f"{name}_changelist"), kind="list"))
        if model_admin.has_add_permission(request):
            screens.append(Screen(_admin_path(f"{name}_add"), kind="form"))
        first = model_admin.get_queryset(request).order_by("pk").first()
        if first is None:
            continue
        screens.append(Screen(_admin_path(f"{name}_change", first.pk), kind="form"))
        history = history or Screen(_admin_path(f"{name}_history", first.pk))
        if deletable is None and model_admin.has_delete_permission(request, first):
            deletable = Screen(_admin_path(f"{name}_delete", first.pk))
    return screens + [screen for screen in (history, deletable) if screen]


def staff_page_screens(user) -> list[Screen]:
    """The grid, the export, the password form, the desk's pages, the
    invitations' own pages and the after-event pages, as the user's
    permissions open them."""
    screens = [Screen(_admin_path("password_change"))]
    if user.has_perm("programme.change_session"):
        screens.append(Screen(_admin_path("programme_session_grid")))
    if user.has_perm("registrations.export_registrations"):
        screens.append(Screen(_admin_path("registrations_registration_export")))
    if user.has_perm("registrations.check_in_registration"):
        screens.append(Screen("/check-in/", search="иванова"))
    if user.has_perm("registrations.view_attendee_list"):
        screens.append(Screen("/desk/sign-in-sheet/"))
    if user.has_perm("registrations.print_badges"):
        screens.append(Screen("/desk/badges/"))
    if user.has_perm("invitations.add_guest"):
        screens.append(Screen(_admin_path("invitations_guest_import")))
    if user.has_perm("invitations.view_guest"):
        screens.append(Screen(_admin_path("invitations_guest_protocol_order")))
        screens.append(Screen(_admin_path("invitations_guest_first_rows")))
    if user.has_perm("invitations.send_invitations"):
        screens.append(Screen(_admin_path("invitations_guest_release_seats")))
    if user.has_perm("invitations.view_pressaccreditation"):
        screens.append(Screen(_admin_path("invitations_pressaccreditation_press_desk")))
    screens += after_event_screens(user)
    return screens


def after_event_screens(user) -> list[Screen]:
    """The after-event pages: the follow-up e-mail and the certificates
    (before the end of the conference they say why not yet)."""
    if not user.has_perm("archive.send_after_event"):
        return []
    return [
        Screen(_admin_path("archive_follow_up")),
        Screen(_admin_path("archive_issue_certificates")),
    ]


def data_words(language: str) -> set[str]:
    """The words of every row of the site's own tables (and account names):
    data, which may be in either language, except the other language's
    translated columns, which must not show."""
    from django.contrib.auth import get_user_model

    other = "en" if language == "bg" else "bg"
    words = set()
    for model in admin.site._registry:
        if model._meta.app_label not in DATA_APPS:
            continue
        words |= _model_words(model, other)
    for row in get_user_model().objects.values_list(
        "username", "first_name", "last_name", "email"
    ):
        words |= _words(" ".join(row))
    return words


def _model_words(model, other: str) -> set[str]:
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    columns = [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField, models.FileField))
        and field.name not in translated
        and not field.name.endswith(f"_{other}")
    ]
    words = set()
    for row in model._base_manager.values_list(*columns):
        words |= _words(" ".join(str(value) for value in row if value))
    return words


def _words(text: str) -> set[str]:
    return set(LATIN_WORD.findall(text)) | set(CYRILLIC_WORD.findall(text))


def page_words(page, language: str) -> str:
    other = "en" if language == "bg" else "bg"
    return page.evaluate(COLLECT, other)


def foreign_words(text: str, language: str, allowed: set[str]) -> list[str]:
    """Words of the other language in `text` that are not data."""
    text = URLISH.sub(" ", text)
    pattern = LATIN_WORD if language == "bg" else CYRILLIC_WORD
    found = []
    for word in pattern.findall(text):
        if word in allowed or word in NEUTRAL or word in found:
            continue
        found.append(word)
    return found


def context(text: str, word: str) -> str:
    """The line where `word` first appears, for the failure message."""
    for line in text.splitlines():
        if word in line:
            return line.strip()[:120]
    return word

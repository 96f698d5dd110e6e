"""The named guards of docs/security.md (“The guards”) and, for each, the
mutants that remove or invert it: the list `make mutants` (.ci/mutants.py)
runs. A guard that moves takes its mutant along; a new guard gets one here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Mutant:
    guard: str
    name: str
    path: str
    original: str
    mutated: str
    tests: tuple[str, ...]
    # Narrows the tests to those about this guard (pytest -k), for speed.
    keyword: str = ""


AGENDA = "unpublished agenda"
GO_LIVE = "go-live gate"
CAPACITY = "capacity"
ROLES = "role checks"
LINKS = "secret links"
CERTIFICATES = "certificates for attendees"
PAGE_CACHE = "page cache: language, phase"
ANONYMISATION = "anonymisation"
UPLOADS = "upload limits"
HOSTILE_FILES = "hostile files"
RATE_LIMIT = "rate limit"
DUPLICATE_MAIL = "one Message-ID per e-mail"

MUTANTS = [
    Mutant(
        AGENDA,
        "a session added since publication shown at its draft time",
        "programme/selectors.py",
        "        if published is None:\n            continue\n",
        "        if published is None:\n"
        "            published = {\n"
        '                "starts_at": session.starts_at.isoformat(),\n'
        '                "ends_at": session.ends_at.isoformat(),\n'
        "            }\n",
        ("tests/programme/test_agenda_publishing.py",),
        keyword="publication or published",
    ),
    Mutant(
        AGENDA,
        "before the first publication, every draft session public",
        "programme/selectors.py",
        "        return list(sessions.filter(is_confirmed=True, "
        "kind=SessionKind.OPENING))\n",
        "        return list(sessions)\n",
        ("tests/programme/test_agenda_publishing.py", "tests/programme/test_pages.py"),
        keyword="publication or published or draft or opening",
    ),
    Mutant(
        AGENDA,
        "the draft preview open to anyone",
        "programme/views.py",
        "@never_cache\n@staff_member_required\ndef agenda_preview(",
        "@never_cache\ndef agenda_preview(",
        ("tests/programme/test_agenda_publishing.py",),
        keyword="published or draft",
    ),
    Mutant(
        GO_LIVE,
        "registration opens with the law's prerequisites missing",
        "conference/phases.py",
        "    if event.missing_for_registration():\n"
        "        return Phase.REGISTRATION_NOT_OPEN, RegistrationState.NOT_READY\n",
        "",
        (
            "tests/test_publishable.py",
            "tests/test_event_phases.py",
            "tests/test_phase_boundaries.py",
        ),
        keyword="registration",
    ),
    Mutant(
        CAPACITY,
        "confirming takes the seat after the last",
        "registrations/services.py",
        "        if seats_taken(event) < event.capacity:\n",
        "        if seats_taken(event) <= event.capacity:\n",
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_capacity_services.py",
        ),
        keyword="confirm or capacity or cancel",
    ),
    Mutant(
        CAPACITY,
        "an organiser seats a waitlisted person in a full event",
        "registrations/services.py",
        "        if seats_taken(event) >= event.capacity and not override_capacity:\n",
        "        if seats_taken(event) > event.capacity and not override_capacity:\n",
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_capacity_services.py",
        ),
        keyword="waiting_list or capacity",
    ),
    Mutant(
        CAPACITY,
        "a freed seat promotes one person too many",
        "registrations/services.py",
        "    free = event.capacity - seats_taken(event)\n",
        "    free = event.capacity - seats_taken(event) + 1\n",
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_capacity_services.py",
        ),
        keyword="cancel or capacity or waiting",
    ),
    Mutant(
        ROLES,
        "the desk's pages without their permission",
        "registrations/desk_views.py",
        "login_required(permission_required(permission, raise_exception=True)(view))",
        "login_required(view)",
        ("tests/registrations/test_roles.py", "tests/registrations/test_desk_views.py"),
        keyword="403 or role or desk",
    ),
    Mutant(
        ROLES,
        "a ticket's check-in link for any signed-in account",
        "registrations/desk_views.py",
        "@staff_page(CHECK_IN)\n"
        '@require_http_methods(["GET", "HEAD", "POST"])\n'
        "@secret_link_view\n"
        "def check_in(",
        "@staff_page(())\n"
        '@require_http_methods(["GET", "HEAD", "POST"])\n'
        "@secret_link_view\n"
        "def check_in(",
        (
            "tests/registrations/test_roles.py",
            "tests/registrations/test_secret_links.py",
        ),
        keyword="permission or 403 or role",
    ),
    Mutant(
        ROLES,
        "the export without the export permission",
        "registrations/admin/exports.py",
        "        if not request.user.has_perm(EXPORT_PERMISSION):\n"
        "            raise PermissionDenied\n",
        "",
        ("tests/registrations/test_roles.py", "tests/registrations/test_exports.py"),
        keyword="403 or role or desk",
    ),
    Mutant(
        ROLES,
        "name badges without their permission",
        "registrations/admin/actions.py",
        '        return request.user.has_perm("registrations.print_badges")\n',
        "        return True\n",
        ("tests/registrations/test_roles.py",),
        keyword="badges",
    ),
    Mutant(
        ROLES,
        "the day grid without the permission to change sessions",
        "programme/agenda_grid/views.py",
        "def grid_view(request, model_admin):\n"
        "    if not request.user.has_perm(PERMISSION):\n"
        "        raise PermissionDenied\n",
        "def grid_view(request, model_admin):\n",
        ("tests/programme/test_grid_access.py",),
        keyword="refused_to or anonymous",
    ),
    Mutant(
        ROLES,
        "a new session from the day grid without the permission to add one",
        "programme/agenda_grid/create.py",
        "    if not request.user.has_perm(PERMISSION) or not request.user.has_perm(\n"
        '        "programme.add_session"\n'
        "    ):\n"
        "        raise PermissionDenied\n",
        "",
        ("tests/programme/test_grid_create.py",),
        keyword="only_organisers",
    ),
    Mutant(
        LINKS,
        "a link opens pages of another purpose",
        "registrations/models/registration.py",
        "            tokens__purpose=purpose,\n",
        "",
        (
            "tests/registrations/test_secret_links.py",
            "tests/registrations/test_tickets.py",
        ),
        keyword="token or link",
    ),
    Mutant(
        LINKS,
        "links keep working after anonymisation",
        "registrations/models/registration.py",
        "            tokens__token_hash=hash_token(token),\n"
        "            anonymised_at__isnull=True,\n",
        "            tokens__token_hash=hash_token(token),\n",
        ("tests/registrations/test_secret_links.py", "tests/archive/test_archive.py"),
        keyword="token or link or anonymis",
    ),
    Mutant(
        CERTIFICATES,
        "a certificate for a confirmed person who never came",
        "registrations/rules/table.py",
        "        states=[CHECKED_IN],\n"
        "        refusals={\n"
        "            (*BEFORE_THE_DAY, DESK_OPEN, DAY): AFTER_THE_END,\n"
        "            ERASED: DATA_ERASED,\n"
        "            (PENDING, CONFIRMED, WAITLISTED, CANCELLED, EXPIRED): "
        "ONLY_ATTENDEES,\n",
        "        states=[CONFIRMED, CHECKED_IN],\n"
        "        refusals={\n"
        "            (*BEFORE_THE_DAY, DESK_OPEN, DAY): AFTER_THE_END,\n"
        "            ERASED: DATA_ERASED,\n"
        "            (PENDING, WAITLISTED, CANCELLED, EXPIRED): ONLY_ATTENDEES,\n",
        ("tests/archive/test_archive.py",),
        keyword="certificate",
    ),
    Mutant(
        CERTIFICATES,
        "certificates issued in bulk to everyone confirmed",
        "archive/services.py",
        "    return rules.in_states(\n"
        "        Registration.objects.for_event(event), Action.ISSUE_CERTIFICATE, "
        "phase\n"
        "    )\n",
        # Everyone confirmed, checked in or not, once certificates may be issued.
        "    everyone = [rules.State.CONFIRMED, rules.State.CHECKED_IN]\n"
        "    allowed = rules.allowed_states(Action.ISSUE_CERTIFICATE, phase)\n"
        "    return Registration.objects.for_event(event).filter(\n"
        "        rules.state_filter(everyone if allowed else [])\n"
        "    )\n",
        ("tests/archive/test_archive.py", "tests/archive/test_after_event_admin.py"),
        keyword="certificate or follow_up",
    ),
    Mutant(
        PAGE_CACHE,
        "one cached agenda fragment for both languages",
        "conference/page_cache.py",
        'prefix = f"fragment:{content_version()}:{translation.get_language()}:"',
        'prefix = f"fragment:{content_version()}:"',
        ("tests/conference/test_page_cache.py", "tests/programme/test_pages.py"),
        keyword="language or agenda",
    ),
    Mutant(
        PAGE_CACHE,
        "a cached page outlives the event's phase",
        "conference/page_cache.py",
        "_store(key, version, response, valid_until=_phase_ends_at())",
        "_store(key, version, response, valid_until=None)",
        (
            "tests/conference/test_page_cache.py",
            "tests/test_event_phases.py",
            "tests/test_phase_boundaries.py",
        ),
        keyword="cache",
    ),
    Mutant(
        ANONYMISATION,
        "the e-mail address kept after anonymisation",
        "registrations/retention.py",
        '    "email",\n    "organisation",\n',
        '    "organisation",\n',
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_commands.py",
        ),
        keyword="anonymis or expire",
    ),
    Mutant(
        ANONYMISATION,
        "an anonymised registration keeps its links",
        "registrations/retention.py",
        "                registration.tokens.all().delete()\n",
        "",
        (
            "tests/registrations/test_services.py",
            "tests/registrations/test_commands.py",
            "tests/registrations/test_secret_links.py",
        ),
        keyword="anonymis",
    ),
    Mutant(
        UPLOADS,
        "an image over 10 MB accepted",
        "conference/images.py",
        "    if upload.size is not None and upload.size > MAX_IMAGE_BYTES:\n",
        "    if False:\n",
        ("tests/conference/test_images.py",),
        keyword="rejects",
    ),
    Mutant(
        UPLOADS,
        "an image over 40 megapixels accepted",
        "conference/images.py",
        "    if width * height > MAX_IMAGE_PIXELS:\n",
        "    if False:\n",
        ("tests/conference/test_images.py",),
        keyword="rejects or bomb",
    ),
    Mutant(
        UPLOADS,
        "a document over 20 MB accepted",
        "programme/validators.py",
        "    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:\n",
        "    if False:\n",
        ("tests/programme/test_validation.py", "tests/archive/test_archive.py"),
        keyword="document or slides",
    ),
    Mutant(
        HOSTILE_FILES,
        "an SVG logo with a DTD and entities parsed",
        "conference/svg.py",
        "forbid_dtd=True, forbid_entities=True",
        "forbid_dtd=False, forbid_entities=False",
        ("tests/conference/test_logos.py",),
        keyword="entities or unsafe",
    ),
    Mutant(
        HOSTILE_FILES,
        "CSS escapes in an SVG's attributes checked and stored undecoded",
        "conference/svg.py",
        "        value = css_value(element.attrib[attribute])\n",
        "        value = element.attrib[attribute]\n",
        ("tests/conference/test_logos.py",),
        keyword="escapes or references",
    ),
    Mutant(
        HOSTILE_FILES,
        "a PDF with JavaScript or launch actions accepted",
        "programme/validators.py",
        "    if found is not None:\n",
        "    if False:\n",
        ("tests/programme/test_slides.py",),
        keyword="scripts",
    ),
    Mutant(
        HOSTILE_FILES,
        "a PDF that is also HTML accepted",
        "programme/validators.py",
        "    if tag is not None:\n",
        "    if False:\n",
        ("tests/programme/test_validation.py", "tests/programme/test_slides.py"),
        keyword="html or polyglot",
    ),
    Mutant(
        HOSTILE_FILES,
        "a slide preview as tall as its page",
        "programme/preview_renderer.py",
        "    return min(width / max(width_pt, 1e-3), height / max(height_pt, 1e-3))\n",
        "    return width / max(width_pt, 1e-3)\n",
        ("tests/programme/test_slides.py",),
        keyword="hostile",
    ),
    Mutant(
        RATE_LIMIT,
        "POSTs over the limit accepted",
        "registrations/ratelimit.py",
        "count_post(address_hash, bucket) <= settings.REGISTRATION_RATE_LIMIT",
        "True",
        ("tests/registrations/test_views.py", "tests/conference/test_security.py"),
        keyword="rate_limit",
    ),
    Mutant(
        DUPLICATE_MAIL,
        "a retried e-mail with a new Message-ID",
        "registrations/outbox.py",
        '        rendered.message.extra_headers["Message-ID"] = message_id\n',
        "",
        ("tests/registrations/test_outbox_crash.py",),
        keyword="message_id",
    ),
]

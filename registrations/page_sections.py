"""What registrations adds to other apps' pages (conference.page_sections):
each function takes the page's context and returns the section's, or None to
leave the section out; SECTIONS says which page shows which."""

DESK_PERMISSIONS = (
    "registrations.check_in_registration",
    "registrations.view_attendee_list",
    "registrations.print_badges",
)


def register_link(page):
    """In the menu while registration may still open or be open."""
    event = page.get("current_event")  # a lazy object: test its truth
    if not event or not event.phase().is_before:
        return None
    return {"request": page.get("request")}


def nothing_needed(page):
    return {}


def desk_links(page):
    """The registration desk's pages, for those who may open one of them."""
    request = page.get("request")
    if request is None or not any(map(request.user.has_perm, DESK_PERMISSIONS)):
        return None
    return {"perms": page.get("perms")}


SECTIONS = {
    "navigation_end": [("registrations/includes/_navigation.html", register_link)],
    "home_registration": [
        ("registrations/includes/_home_registration.html", nothing_needed)
    ],
    "footer_links": [("registrations/includes/_footer_links.html", nothing_needed)],
    "admin_index": [("admin/registrations/includes/_desk_links.html", desk_links)],
}

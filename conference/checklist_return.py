"""Back to the go-live checklist after fixing what it pointed at.

Each item of the checklist on the admin's home links to the page that fixes
it with `?from=checklist` (CHECKLIST_RETURN); saving that page (“Save”, not
“Save and continue editing” or “Save and add another”) returns to the
checklist instead of the model's list. The site wraps every admin view with
this (ConferenceAdminSite.admin_view), as it does with the action check.
"""

from functools import wraps

from django.http import HttpResponseRedirect
from django.urls import reverse

CHECKLIST_RETURN = "from=checklist"
CHECKLIST_ANCHOR = "go-live-checklist"
# The buttons that mean “stay here” or “another one”, not “done”.
STAYING = ("_continue", "_addanother", "_saveasnew")


def checklist_link(url: str, field: str = "") -> str:
    """`url` with the return to the checklist, and the field to open at."""
    separator = "&" if "?" in url else "?"
    anchor = f"#id_{field}" if field else ""
    return f"{url}{separator}{CHECKLIST_RETURN}{anchor}"


def returning_to_checklist(view):
    @wraps(view)
    def returning_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        came_from_checklist = request.GET.get("from") == "checklist"
        done = request.method == "POST" and not any(
            name in request.POST for name in STAYING
        )
        if came_from_checklist and done and response.status_code == 302:
            return HttpResponseRedirect(f"{reverse('admin:index')}#{CHECKLIST_ANCHOR}")
        return response

    return returning_view

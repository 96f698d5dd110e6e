"""The checks of .ci/deployment-check, against the deployment it started.

Standard library only: it runs with the fresh virtualenv's Python, which has
nothing but requirements.txt. Talks to gunicorn as nginx would (the Host of
.env.example, X-Forwarded-Proto: https) and reads the e-mails the local SMTP
server stored in a maildir.

Usage: deployment_check.py GUNICORN_PORT MAILDIR
"""

import email
import email.policy
import html
import http.client
import json
import mailbox
import re
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

PORT = int(sys.argv[1])
MAILDIR = sys.argv[2]
HOST = "conference.example.org"  # DJANGO_ALLOWED_HOSTS of .env.example
ORIGIN = f"https://{HOST}"
cookies: dict[str, str] = {}


def request(method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    all_headers = {
        "Host": HOST,
        "X-Forwarded-Proto": "https",
        "X-Forwarded-For": "192.0.2.10",
        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()),
        **(headers or {}),
    }
    connection.request(method, path, body=body, headers=all_headers)
    response = connection.getresponse()
    content = response.read()
    for name, value in response.getheaders():
        if name.lower() == "set-cookie":
            key, _, rest = value.partition("=")
            cookies[key] = rest.split(";", 1)[0]
    connection.close()
    return response.status, dict(response.getheaders()), content.decode("utf-8")


def check(condition, message):
    if not condition:
        sys.exit(f"deployment check FAILED: {message}")
    print(f"ok  {message}")


def csrf_token(page):
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    check(match is not None, "the form carries a CSRF token")
    return match.group(1)


def post_form(path, fields):
    status, headers, body = request(
        "POST",
        path,
        body=urlencode(fields),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": ORIGIN,
            "Referer": ORIGIN + path,
        },
    )
    return status, headers, body


def wait_for_mail(subject_start, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for _key, raw in mailbox.Maildir(MAILDIR, factory=None, create=True).items():
            message = email.message_from_bytes(bytes(raw), policy=email.policy.default)
            if str(message["Subject"]).startswith(subject_start):
                return message
        time.sleep(0.5)
    sys.exit(f"deployment check FAILED: no e-mail “{subject_start}…” arrived")


def local_path(url):
    parts = urlsplit(url)
    check(parts.netloc == HOST, f"the e-mail links to {HOST} (DJANGO_SITE_URL)")
    return parts.path


# Public pages in both languages, and the static files they use.
for language, marker in (("bg", 'lang="bg"'), ("en", 'lang="en"')):
    for page in ("/", "agenda/", "speakers/", "about/", "venue/"):
        path = f"/{language}/{page.lstrip('/')}"
        status, headers, body = request("GET", path)
        check(status == 200 and marker in body, f"GET {path} answers 200 ({language})")
        check("Content-Security-Policy" in headers, f"{path} has its CSP header")
stylesheet = re.search(r'href="(/static/[^"]+\.css)"', body)
check(stylesheet is not None, "pages link a stylesheet")
check(
    request("GET", stylesheet.group(1))[0] == 200, "collected static files are served"
)
status, _headers, body = request("GET", "/healthz")
report = json.loads(body)
check(status == 200 and report["status"] == "ok", f"/healthz: {report}")

# A whole registration, confirmed from the link the SMTP server received.
status, _headers, page = request("GET", "/en/register/")
check(status == 200, "GET /en/register/ answers 200")
fields = {
    "csrfmiddlewaretoken": csrf_token(page),
    "first_name": "Deployment",
    "last_name": "Check",
    "email": "deployment-check@example.org",
    "organisation": "CI",
    "position": "Operator",
    "country": "Bulgaria",
    "organisation_type": "other",
    "phone": "",
    "language": "en",
    "accessibility_requirements": "",
    "dietary_requirements": "",
    "consent": "on",
    "website": "",
}
started = time.monotonic()
status, headers, _body = post_form("/en/register/", fields)
check(
    status == 302 and "check-your-inbox" in headers.get("Location", ""),
    f"registering answers a redirect in {time.monotonic() - started:.2f} s",
)
confirmation = wait_for_mail("Please confirm your registration")
text = confirmation.get_body(("plain",)).get_content()
confirm_url = re.search(r"https?://\S+/confirm/", text)
check(confirm_url is not None, "the mail worker sent the confirmation e-mail")
confirm_path = local_path(confirm_url.group(0))
status, _headers, page = request("GET", confirm_path)
check(status == 200, "the confirmation link opens")
status, headers, _body = post_form(
    confirm_path, {"csrfmiddlewaretoken": csrf_token(page)}
)
check(status == 302, "confirming answers a redirect")

ticket = wait_for_mail("Your ticket")
parts = {part.get_filename(): part for part in ticket.iter_attachments()}
check(
    parts.get("ticket-qr.png") is not None
    and parts["ticket-qr.png"].get_content().startswith(b"\x89PNG"),
    "the ticket carries its QR code",
)
calendar = next((part for name, part in parts.items() if name.endswith(".ics")), None)
check(
    calendar is not None and "BEGIN:VEVENT" in calendar.get_content(),
    "the ticket carries the .ics",
)
manage_url = re.search(
    r"https?://\S+/registration/[\w-]+/", ticket.get_body(("plain",)).get_content()
)
status, _headers, page = request("GET", local_path(manage_url.group(0)))
check(
    status == 200 and "Deployment" in html.unescape(page),
    "the ticket's link shows the registration",
)
# Uploads are served by the proxy: its example must add the headers the
# application gives them in development (conference/media.py), which a
# browser needs to never take an upload for a page. gunicorn itself serves
# no media in production.
deployment_doc = (
    Path(__file__).resolve().parents[1] / "docs" / "deployment.md"
).read_text()
media_block = deployment_doc[deployment_doc.index("location /media/ {") :]
media_block = media_block[: media_block.index("\n    }\n")]
pdf_block = media_block[media_block.index("location ~* \\.pdf$") :]
MEDIA_CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"
)
for block, where in ((media_block, "/media/"), (pdf_block, "its PDFs")):
    check(
        'add_header X-Content-Type-Options "nosniff" always;' in block,
        f"nginx: nosniff on {where}",
    )
    check(
        f'add_header Content-Security-Policy "{MEDIA_CSP}" always;' in block,
        f"nginx: a sandboxing CSP on {where}",
    )
check(
    'add_header Content-Disposition "attachment" always;' in pdf_block,
    "nginx: PDFs are downloads",
)
check(
    "default_type application/octet-stream;" in media_block,
    "nginx: no upload is a page",
)
check(request("GET", "/media/slides/any.pdf")[0] == 404, "gunicorn serves no media")
print("deployment check passed")

"""Root URL configuration, and the conference app's own pages.

Every page lives under a language prefix (/bg/…, /en/…); `/` is redirected by
LocaleMiddleware to the visitor's language (cookie, then Accept-Language).
Error pages are Django's default handlers rendering our translated
templates/400.html, 403.html, 404.html and 500.html.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.cache import cache_page
from django.views.i18n import JavaScriptCatalog

from conference import views
from conference.media import serve_media
from conference.sitemaps import sitemap

conference_patterns = (
    [
        path("", views.home, name="home"),
        path("about/", views.about, name="about"),
        path("venue/", views.venue, name="venue"),
        path("conference.ics", views.event_ics, name="event_ics"),
    ],
    "conference",
)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("", include(conference_patterns)),
    # Our JavaScript's strings (locale/*/djangojs.po), in the page's language.
    path(
        "jsi18n/",
        cache_page(86400)(JavaScriptCatalog.as_view()),
        name="javascript-catalog",
    ),
    path("", include("registrations.urls")),
    path("", include("invitations.urls")),
    path("", include("programme.urls")),
    path("", include("archive.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.BENCHMARK_VIEW:
    # Only for `make bench`: the ceiling of a Django response on this stack.
    urlpatterns += [path("bench/trivial", views.benchmark_trivial)]

if settings.DEBUG:
    # Development only: in production the reverse proxy serves media files,
    # with the same headers (conference/media.py).
    urlpatterns += [
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            serve_media,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

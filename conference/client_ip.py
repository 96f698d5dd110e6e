"""The visitor's IP address, as seen through our reverse proxy.

Behind the proxy, REMOTE_ADDR is the proxy itself; the proxy appends the
address it saw to X-Forwarded-For. Only the entries added by our own proxies
can be trusted (a client can send any X-Forwarded-For it likes), so we take
the entry DJANGO_TRUSTED_PROXY_COUNT places from the right.
"""

from django.conf import settings


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")

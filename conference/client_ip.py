"""The visitor's IP address, as seen through our reverse proxy.

Behind the proxy, REMOTE_ADDR is the proxy itself; the proxy appends the
address it saw to X-Forwarded-For. Only the entries added by our own proxies
can be trusted (a client can send any X-Forwarded-For it likes), so we take
the entry DJANGO_TRUSTED_PROXY_COUNT places from the right. An entry that is
not an IP address is ignored (and logged): it did not come from our proxy, and
django-axes stores the address in an `inet` column.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            address = _valid_ip(forwarded[-proxies])
            if address is not None:
                return address
            logger.warning(
                "Ignored an X-Forwarded-For entry that is not an IP address: %r",
                forwarded[-proxies][:100],
            )
    return _valid_ip(request.META.get("REMOTE_ADDR", "")) or "0.0.0.0"  # noqa: S104

"""The client's address, also behind a reverse proxy: the one place that decides it.

Behind nginx every request comes from nginx's own address, and `X-Forwarded-For` says who nginx
was talking to. Anyone can send that header, so it is believed only when the direct peer is one of
the trusted proxies (`TAMBON_TRUSTED_PROXIES`, addresses or networks), and then only up to the
right-most address that is not itself a trusted proxy: everything left of it was written by the
client. `TAMBON_TRUSTED_PROXY_HOPS`, when set, counts the proxies in front of the application instead, for
a chain whose addresses are not known in advance (a CDN); use it only when the application cannot be
reached except through them.

`ClientAddressMiddleware` (first in MIDDLEWARE) puts the result in `REMOTE_ADDR`, so every limit,
the personal-data log and Django itself see the real client; the proxy's address stays in
`request.META["TAMBON_PROXY_ADDR"]`. `client_ip(request)` is what code calls; `address_key(request)` is
what a limit counts.
"""

import functools
import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)

PROXY_ADDR = "TAMBON_PROXY_ADDR"  # the direct peer, kept when REMOTE_ADDR is replaced
_RESOLVED = "tambon.client_address"  # set once per request: resolving twice would trust twice
_warned = False


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def trusted_networks() -> tuple:
    return _networks(tuple(getattr(settings, "TAMBON_TRUSTED_PROXIES", ())))


def proxy_hops() -> int:
    return int(getattr(settings, "TAMBON_TRUSTED_PROXY_HOPS", 0) or 0)


def parse(text: str):
    """An address as proxies write it ("203.0.113.7", "[2001:db8::1]", "203.0.113.7:5123"), or None."""
    text = (text or "").strip().strip('"')
    if text.startswith("["):
        text = text[1 : text.find("]")] if "]" in text else ""
    elif text.count(":") == 1:  # IPv4 with a port
        text = text.split(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    return getattr(address, "ipv4_mapped", None) or address


def is_trusted(address) -> bool:
    return address is not None and any(address in network for network in trusted_networks())


def resolve(meta) -> str:
    """The client's address for a request's META."""
    peer_text = meta.get("REMOTE_ADDR", "") or ""
    peer = parse(peer_text)
    forwarded = [part for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if peer is None:
        return peer_text
    if not forwarded:
        return str(peer)
    hops = proxy_hops()
    if hops:
        chain = [parse(part) for part in forwarded] + [peer]
        index = max(0, len(chain) - 1 - hops)
        # An unreadable entry where the client should be: the nearest readable one to its right.
        while index < len(chain) - 1 and chain[index] is None:
            index += 1
        return str(chain[index])
    if not is_trusted(peer):
        _warn_once(peer_text)
        return str(peer)
    client = peer
    for part in reversed(forwarded):
        address = parse(part)
        if address is None:
            break  # garbage left of a trusted proxy was written by the client: stop at the proxy
        client = address
        if not is_trusted(address):
            break
    return str(client)


def _warn_once(peer_text):
    """A proxy that is not configured as trusted makes every visitor one visitor: say so once."""
    global _warned
    peer = parse(peer_text)
    if not _warned and peer is not None and (peer.is_loopback or peer.is_private):
        _warned = True
        logger.warning(
            "X-Forwarded-For arrived from %s, which is not in TAMBON_TRUSTED_PROXIES: it is ignored, so "
            "rate limits and the personal-data log see that address for every visitor behind it. "
            "If %s is your reverse proxy, add it to TAMBON_TRUSTED_PROXIES.",
            peer_text,
            peer_text,
        )


def client_ip(request) -> str:
    """The client's address ("" without a request)."""
    if request is None:
        return ""
    if _RESOLVED in request.META:
        return request.META.get("REMOTE_ADDR", "") or ""
    return resolve(request.META)


def address_key(request) -> str:
    """The client address a limit counts: an IPv6 address by its /64 network, which is one household
    or phone (each device picks new addresses inside it at will)."""
    text = client_ip(request)
    address = parse(text)
    if address is not None and address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return text


class ClientAddressMiddleware:
    """Replaces REMOTE_ADDR with the client's address (see the module's docstring). First in
    MIDDLEWARE, so that nothing reads the proxy's address as the client's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if _RESOLVED not in meta:
            meta[PROXY_ADDR] = meta.get("REMOTE_ADDR", "")
            meta["REMOTE_ADDR"] = resolve(meta)
            meta[_RESOLVED] = True
        return self.get_response(request)

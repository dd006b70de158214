"""The address a request comes from (客户端地址): the one every limit counts and the access log records.

Without trusted proxies (``CIVICGRID_TRUSTED_PROXIES`` empty) it is the connection's own address, which
nothing a client sends can change. Behind reverse proxies, a request that reaches the app from one of them
names the addresses it came through in a header (``CIVICGRID_CLIENT_IP_HEADER``, X-Forwarded-For unless set
otherwise), each proxy appending the address it saw. Read from the right, the first address that is not a
trusted proxy is the client: whatever stands left of it the client wrote itself, and may be forged.
"""

import ipaddress

from django.conf import settings

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def client_address(request) -> str:
    """The client's address as text; the connection's own unless it comes through trusted proxies."""
    connection = request.META.get("REMOTE_ADDR", "")
    address = _parse(connection)
    if address is None or not trusted(address):
        return connection
    for hop in reversed(request.META.get(settings.CIVICGRID_CLIENT_IP_HEADER, "").split(",")):
        found = _parse(hop)
        if found is None:  # proxies write addresses: this is the client's own text, so the last proxy stands
            break
        address = found
        if not trusted(address):
            break
    return str(address)


def trusted(address: Address) -> bool:
    """Whether ``address`` is one of the reverse proxies named in ``CIVICGRID_TRUSTED_PROXIES``."""
    return any(address in network for network in settings.CIVICGRID_TRUSTED_PROXIES)


def _parse(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None

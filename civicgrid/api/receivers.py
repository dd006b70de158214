"""Where webhook deliveries may go (推送地址), and the one POST that takes them there.

A client application chooses its receiver's URL. Left alone it could aim deliveries at the server itself
(``http://127.0.0.1:…``, ``localhost``), the cloud's metadata address (``169.254.169.254``) or any host of
the intranet, and read from its delivery log which of them answered (server-side request forgery). So an
address is refused when it is loopback, link-local, private, multicast, unspecified or reserved, IPv4 or
IPv6, or an IPv6 address that carries such an IPv4 one; a host name is refused when any address it resolves
to is. An administrator who runs intranet receivers allows their networks
(``CIVICGRID_WEBHOOK_ALLOWED_NETWORKS``).

The check runs when an application subscribes, and again at every delivery, since a name can be pointed
elsewhere after it was checked: the connection then goes to the very address just checked, never to a second
look-up of the name (HTTPS still verifies the certificate against the name). Redirects are not followed: a
3xx is a failed try. Of the receiver's answer only the status code is kept, never its body or reason phrase.
"""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _

from civicgrid.core.http.client import Address

# IPv6 ranges that carry an IPv4 address inside them (NAT64 and 6to4): the IPv4 address is checked too.
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class Refused(Exception):
    """The receiver's address is inside the site's own network and not allowed."""


def refusal(url: str) -> str | None:
    """Why ``url`` may not receive deliveries, in the caller's language; None if it may (a name that cannot
    be resolved now is accepted: it is checked again at each delivery)."""
    try:
        host, port = _host_port(url)
    except ValueError:
        return _("端口号无效。")
    try:
        addresses = resolve(host, port)
    except socket.gaierror:
        return None
    if all(permitted(address) for address in addresses):
        return None
    return _("该地址指向本机或内部网络（回环、内网、链路本地等地址），不能接收推送。"
             "如确需推送到内网系统，请联系系统管理员放行该网段。")


def post(url: str, body: bytes, headers: dict, timeout: float) -> int:
    """POST ``body`` to ``url`` at an address checked just now; the status code of the answer (unread).

    ``Refused`` if the name leads inside the network now; ``OSError`` or ``HTTPException`` if no answer came."""
    parts = urlsplit(url)
    host, port = _host_port(url)
    address = _checked_address(host, port)
    connection = _connection(parts.scheme, host, port, timeout)
    connection._create_connection = lambda _where, *args: socket.create_connection((str(address), port), *args)
    try:
        connection.request("POST", _target(parts), body=body, headers=headers)
        return connection.getresponse().status
    finally:
        connection.close()


def unreachable(error: Exception) -> str:
    """A failed connection in a few words, without anything the other side wrote."""
    if isinstance(error, Refused):
        return "receiver address not allowed (inside the network)"
    if isinstance(error, TimeoutError | socket.timeout):
        return "receiver unreachable: no answer in time"
    if isinstance(error, ssl.SSLError | ssl.CertificateError):
        return "receiver unreachable: TLS failed"
    if isinstance(error, socket.gaierror):
        return "receiver unreachable: host name not found"
    if isinstance(error, http.client.HTTPException):
        return "receiver answered with something other than HTTP"
    return "receiver unreachable: connection failed"


def resolve(host: str, port: int) -> list[Address]:
    """The addresses ``host`` stands for: itself if it is one, loopback for ``localhost`` names (RFC 6761)."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    if host == "localhost" or host.endswith(".localhost"):
        return [ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1")]
    found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in found))


def permitted(address: Address) -> bool:
    """Whether deliveries may go to ``address``: a public one, or one in a network the administrator allowed."""
    if any(address in network for network in settings.CIVICGRID_WEBHOOK_ALLOWED_NETWORKS):
        return True
    return all(_public(inner) for inner in _with_embedded(address))


def _public(address: Address) -> bool:
    return address.is_global and not (address.is_loopback or address.is_link_local or address.is_private
                                      or address.is_multicast or address.is_unspecified or address.is_reserved)


def _with_embedded(address: Address) -> list[Address]:
    if address.version == 4:
        return [address]
    inner = [address.ipv4_mapped, address.sixtofour]
    if address in NAT64:
        inner.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return [address, *(found for found in inner if found is not None)]


def _checked_address(host: str, port: int) -> Address:
    addresses = resolve(host, port)
    if not addresses or not all(permitted(address) for address in addresses):
        raise Refused(host)
    return addresses[0]


def _host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return (parts.hostname or "").rstrip("."), parts.port or (443 if parts.scheme == "https" else 80)


def _connection(scheme: str, host: str, port: int, timeout: float) -> http.client.HTTPConnection:
    if scheme == "https":
        return http.client.HTTPSConnection(host, port, timeout=timeout, context=ssl.create_default_context())
    return http.client.HTTPConnection(host, port, timeout=timeout)


def _target(parts) -> str:
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

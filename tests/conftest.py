"""Shared fixtures: a real HTTP server on 127.0.0.1 serving fixture sites, temp archives."""

from __future__ import annotations

import ipaddress
import socket
import textwrap
from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.sitesrv import SiteServer, send
from monitor.store import Store

SITES = Path(__file__).parent / "sites"
REPO = Path(__file__).resolve().parent.parent

_CONNECT, _CONNECT_EX = socket.socket.connect, socket.socket.connect_ex
_GETADDRINFO = socket.getaddrinfo


def _local(address: object) -> bool:
    """Whether a socket address is on this machine: a Unix socket, or a loopback host."""
    if not isinstance(address, tuple):
        return True  # AF_UNIX path
    host = str(address[0]).split("%")[0]
    if host == "localhost":
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name: outside names are never connected to
    return ip.is_loopback or ip.is_unspecified


def _guarded(real):
    def connect(self, address):
        if not _local(address):
            raise ConnectionRefusedError(f"tests never reach outside this machine: {address!r}")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True)
def no_outside_network(monkeypatch):
    """Every connection a test's process makes goes to this machine: URLs of real sites in
    tests are data (provenance, canonical forms), never fetched."""
    monkeypatch.setattr(socket.socket, "connect", _guarded(_CONNECT))
    monkeypatch.setattr(socket.socket, "connect_ex", _guarded(_CONNECT_EX))
    monkeypatch.setattr(socket, "getaddrinfo", _looked_up)


def _looked_up(host, *args, **kwargs):
    """``socket.getaddrinfo`` for this machine's names and addresses only: no outside name is
    even looked up."""
    if host is not None and not _local((host.decode() if isinstance(host, bytes) else host, 0)):
        raise socket.gaierror(socket.EAI_NONAME, f"tests never look up names outside this machine: {host!r}")
    return _GETADDRINFO(host, *args, **kwargs)



def repo_rules_sections() -> str:
    """The relevance and topics sections of the real sources.yaml, to reuse in test configs."""
    text = (REPO / "sources.yaml").read_text(encoding="utf-8")
    for marker in ("\nrelevance:", "\ntopics:"):
        if marker in text:
            return text[text.index(marker) :]
    return ""


def _error_500(h):
    send(h, 500, b"server error")


@pytest.fixture
def site():
    """The basic fixture site, plus a few broken endpoints."""
    routes = {"/broken/500.xml": _error_500}
    with SiteServer(SITES / "basic", routes=routes) as server:
        yield server


@pytest.fixture
def write_config(tmp_path):
    """Write a config with the given sources block (YAML text) and the real topic rules."""

    def write(sources_yaml: str, extra: str = "") -> Path:
        path = tmp_path / "sources.yaml"
        body = "sources:\n" + textwrap.indent(textwrap.dedent(sources_yaml).strip("\n"), "  ") + "\n"
        path.write_text(textwrap.dedent(extra) + body + repo_rules_sections(), encoding="utf-8")
        return path

    return write


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "monitor.db") as s:
        yield s


def basic_sources(base: str) -> str:
    """The sources block for the basic fixture site served at ``base``."""
    return f"""
        - name: Good Feed
          url: {base}/feeds/good.xml
        - name: Second Feed
          url: {base}/feeds/second.xml
        - name: Test PTA
          url: {base}/pta/press-releases.html
          kind: page
        """


@pytest.fixture
def site_config(site, write_config):
    """A config with the good fixture feeds and the PTA-style listing page."""
    path = write_config(basic_sources(site.base), extra="fetch:\n  host_delay: 0.01\n  per_host: 4\n  retries: 0\n")
    return load_config(path)

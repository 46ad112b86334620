"""The sample-site server of `monitor demo` and the tests: a client that resets its
connection is no error worth a traceback; a handler that fails still shows one."""

from __future__ import annotations

import logging
import socket
import struct
import time
import urllib.request
from urllib.error import HTTPError

import pytest

from monitor.sitesrv import SiteServer, send


def _reset_mid_request(server: SiteServer) -> None:
    """Send half a request, then reset the connection (SO_LINGER 0 sends a RST on close)."""
    client = socket.create_connection((server.host, int(server.base.rsplit(":", 1)[1])))
    client.sendall(b"GET /feed.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    time.sleep(0.1)  # the handler is reading the headers
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()
    time.sleep(0.3)  # and meets the reset


def test_a_client_that_resets_its_connection_is_a_debug_line_not_a_traceback(capfd, caplog):
    with caplog.at_level(logging.DEBUG, logger="monitor.sitesrv"):
        with SiteServer(routes={"/feed.xml": lambda h: send(h, 200, b"<rss/>", "application/rss+xml")}) as server:
            _reset_mid_request(server)
            with urllib.request.urlopen(server.base + "/feed.xml") as answer:  # still serving
                assert answer.read() == b"<rss/>"
    assert "Traceback" not in capfd.readouterr().err
    assert any("closed the connection" in r.getMessage() and "Connection reset" in r.getMessage() for r in caplog.records)


def test_a_failing_handler_still_shows_its_traceback(capfd):
    def broken(h) -> None:
        raise ValueError("a bug in a route")

    with SiteServer(routes={"/broken": broken}) as server:
        with pytest.raises((HTTPError, OSError)):
            urllib.request.urlopen(server.base + "/broken", timeout=5)
        time.sleep(0.2)
    err = capfd.readouterr().err
    assert "Traceback" in err and "ValueError: a bug in a route" in err

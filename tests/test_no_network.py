"""The test suite never reaches outside this machine (conftest's ``no_outside_network``)."""

from __future__ import annotations

import socket

import pytest


def test_a_connection_outside_this_machine_is_refused():
    with socket.socket() as sock, pytest.raises(ConnectionRefusedError, match="never reach outside"):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: nobody's address


def test_an_outside_name_is_never_looked_up():
    with pytest.raises(socket.gaierror, match="never look up names"):
        socket.getaddrinfo("www.dawn.com", 443)
    assert socket.getaddrinfo("localhost", 80)  # this machine's name still resolves


def test_a_connection_to_this_machine_goes_through(site):
    host, port = site.base.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
        assert sock.recv(12).startswith(b"HTTP/1.")

"""Shared fixtures: a real HTTP server on 127.0.0.1 serving fixture sites, temp archives."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from monitor.config import load_config
from monitor.sitesrv import SiteServer, send
from monitor.store import Store

SITES = Path(__file__).parent / "sites"
REPO = Path(__file__).resolve().parent.parent



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

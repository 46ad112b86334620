"""No subscriber address leaves through Datasette: a real `monitor serve`, JSON and HTML, tables,
views, row pages, filters, facets and arbitrary SQL; and a snapshot made for publishing."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from urllib.parse import quote

import httpx
import pytest
from aiosmtpd.controller import Controller
from test_datasette import monitor_serve

from digest_archive import SOURCES_YAML, WEEK, build_archive
from monitor.config import load_config
from monitor.daemon import Daemon, job_digest
from monitor.mail import SmtpSettings, send_digest
from monitor.store import Store

READERS = ("reader.one@subscribers.example", "reader.two@subscribers.example", "gone.away@subscribers.example")
FAILED_WEEK = "2025-W33"


class Postfix:
    """Refuses ``refuse`` as Postfix does, naming the address in its reply."""

    def __init__(self, refuse: set[str]):
        self.refuse = refuse

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown in virtual mailbox table"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        return "250 OK"


def _smtp(refuse: set[str]) -> tuple[Controller, SmtpSettings]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Postfix(refuse), hostname="127.0.0.1", port=port)
    controller.start()
    return controller, SmtpSettings("127.0.0.1", port, security="none", attempts=1, retry_delays=())


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """An archive whose digests went out to subscribers: one week sent with one address
    refused, an earlier week where every address was refused (the daemon's run)."""
    folder = tmp_path_factory.mktemp("private")
    config_path = folder / "sources.yaml"
    config_path.write_text(f"digest:\n  sender: digest@monitor.example.com\n  recipients: [{', '.join(READERS)}]\nsources:\n" + "\n".join("  " + line for line in SOURCES_YAML.splitlines()) + "\n", encoding="utf-8")
    config = load_config(config_path)
    db = folder / "monitor.db"
    with Store(db) as store:
        build_archive(store, config)
    controller, smtp = _smtp({READERS[2]})
    try:
        with Store(db) as store:
            assert send_digest(store, config, WEEK, smtp=smtp).status == "sent"
    finally:
        controller.stop()
    controller, smtp = _smtp(set(READERS))
    env = {"MONITOR_SMTP_HOST": smtp.host, "MONITOR_SMTP_PORT": str(smtp.port), "MONITOR_SMTP_SECURITY": "none"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        daemon = Daemon(config, str(db), jobs={"digest": lambda: job_digest(config, str(db), FAILED_WEEK)})
        daemon.run_job("digest")
    finally:
        controller.stop()
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    with Store(db) as store:
        assert store.digest(FAILED_WEEK)["status"] == "failed"
    return db


def _leaks(text: str) -> list[str]:
    low = text.lower()
    return [a for a in READERS if a in low or a.split("@")[0] in low]


PAGES = [
    "/monitor/digests", "/monitor/digests.json", "/monitor/digests.json?_shape=array", "/monitor/digests.csv",
    f"/monitor/digests/{WEEK}", f"/monitor/digests/{WEEK}.json", f"/monitor/digests/{FAILED_WEEK}.json",
    "/monitor/digests.json?_facet=recipients&_facet=refused&_facet=error",
    "/monitor/digests_sent", "/monitor/digests_sent.json", "/monitor/runs", "/monitor/runs.json?_shape=array",
    "/monitor/runs.json?_facet=detail", "/monitor.json", "/monitor", "/-/metadata.json",
]

SQL = [
    "select * from digests",
    "select recipients, refused, error from digests",
    "select group_concat(recipients, ' ') || group_concat(refused, ' ') || group_concat(error, ' ') from digests",
    "select json_extract(recipients, '$[0]'), json_extract(refused, '$[0]') from digests",
    "select value from digests, json_each(digests.recipients)",
    "with d as (select * from digests) select * from d",
    "select (select recipients from digests where recipients is not null limit 1) as r",
    "select detail from runs",
    "select * from digests_sent",
    "select hex(recipients), quote(refused), length(recipients), substr(recipients, 1, 40) from digests",
    "select unicode(substr(recipients, 2, 1)) from digests",
]


@pytest.fixture(scope="module")
def client(archive):
    with monitor_serve(archive) as served, httpx.Client(base_url=served.url, timeout=60) as client:
        yield client


def test_no_address_in_any_page_json_or_html(client):
    leaks = {}
    for page in PAGES:
        r = client.get(page)
        assert r.status_code == 200, (page, r.status_code, r.text[:300])
        if _leaks(r.text):
            leaks[page] = _leaks(r.text)
    sent = client.get("/monitor/digests_sent.json?_shape=array").json()
    assert leaks == {}
    assert [(d["week"], d["recipients"]) for d in sent] == [(WEEK, 3)]  # the count still shows


@pytest.mark.parametrize("sql", SQL)
@pytest.mark.parametrize("fmt", ["json", "html"])
def test_no_address_through_arbitrary_sql(client, sql, fmt):
    r = client.get(f"/monitor{'.json' if fmt == 'json' else ''}?sql={quote(sql)}")
    assert r.status_code == 200, r.text[:300]
    assert _leaks(r.text) == []


def test_a_visitors_sql_cannot_reach_the_servers_memory(client):
    """``fts3_tokenizer()`` would give a pointer into the server's memory (and register one),
    and ``randomblob()`` a gigabyte per query: both are refused, the archive still answers."""
    for sql in ("select fts3_tokenizer('simple') as p", "select fts3_tokenizer('x', X'4141414141414141') as p", "select length(randomblob(200000000)) as n", "select length(zeroblob(200000000) || 'x') as n"):
        r = client.get("/monitor.json?_shape=array&sql=" + quote(sql))
        assert r.status_code == 400, (sql, r.text[:300])
        assert "not authorized" in r.text or "too big" in r.text, (sql, r.text[:300])
    r = client.get("/monitor.json?_shape=array&sql=" + quote("select count(*) as n, max(length(text)) as longest from items"))
    assert r.status_code == 200 and r.json()[0]["n"] > 0


def test_a_question_about_an_address_gets_no_answer(client):
    """Filters on a private column see nothing, so yes/no questions reveal nothing either."""
    probes = [
        "/monitor.json?sql=" + quote("select count(*) as n from digests where recipients like '%reader.one%' or refused like '%gone%' or error like '%gone%'") + "&_shape=array",
        "/monitor/digests.json?recipients__contains=reader.one&_shape=array",
        "/monitor/digests.json?refused__contains=gone&_shape=array",
    ]
    answers = [client.get(p).json() for p in probes]
    assert answers == [[{"n": 0}], [], []]


def test_the_archive_keeps_them_for_the_operator(archive):
    with Store(archive) as store:
        row = store.digest(WEEK)
    assert READERS[0] in row["recipients"] and READERS[2] in row["refused"]


def test_a_snapshot_for_publishing_holds_no_address(archive, tmp_path):
    copy = tmp_path / "publish" / "monitor.db"
    r = subprocess.run([sys.executable, "-m", "monitor.cli", "--db", str(archive), "snapshot", str(copy)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    raw = copy.read_bytes().lower()
    assert not [a for a in READERS if a.encode() in raw or a.split("@")[0].encode() in raw]
    conn = sqlite3.connect(copy)
    assert conn.execute("SELECT count(*) FROM items").fetchone()[0] > 0
    assert conn.execute("SELECT recipients FROM digests_sent").fetchall() == [(3,)]
    conn.close()


# --------------------------------------------------------------------------- secrets in addresses


def _robots_unreachable(h):
    from monitor.sitesrv import send

    send(h, 503, b"down for maintenance")


def test_a_sources_login_and_key_are_used_but_never_shown_or_stored(tmp_path):
    """A feed behind a login and a key (``https://user:password@host/feed?token=...``) is
    fetched with them, but neither reaches the log, `monitor status`, the archive (its
    sources, fetches, errors and watched pages, so Datasette neither) or the feeds."""
    import base64

    from conftest import SITES, repo_rules_sections
    from monitor.sitesrv import SiteServer

    secrets = ("FEEDPASS", "FEEDTOKEN", "PAGEPASS", "PAGEKEY")
    with SiteServer(SITES / "basic") as site, SiteServer(SITES / "basic", routes={"/robots.txt": _robots_unreachable}) as down:
        feed = site.base.replace("http://", "http://reader:FEEDPASS@") + "/feeds/good.xml?token=FEEDTOKEN&edition=pk"
        page = down.base.replace("http://", "http://reader:PAGEPASS@") + "/pta/press-releases.html?api_key=PAGEKEY"
        config = tmp_path / "sources.yaml"
        config.write_text(
            "fetch:\n  host_delay: 0.01\n  retries: 0\nsources:\n"
            f"  - name: Private Feed\n    url: {feed}\n    full_text: false\n"
            f"  - name: Private Page\n    url: {page}\n    kind: watch\n" + repo_rules_sections(),
            encoding="utf-8",
        )
        db = tmp_path / "monitor.db"

        def monitor(*args: str) -> str:
            done = subprocess.run([sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), *args], capture_output=True, text=True, timeout=120)
            return done.stdout + done.stderr

        said = monitor("-vv", "poll") + monitor("status") + monitor("-v", "feeds")

    asked = [headers for path, headers in site.requests if path.startswith("/feeds/good.xml")]
    assert asked and "token=FEEDTOKEN" in [p for p, _ in site.requests if p.startswith("/feeds/good.xml")][0]
    assert asked[0]["authorization"] == "Basic " + base64.b64encode(b"reader:FEEDPASS").decode()
    assert "2 sources: 1 ok" in said and "robots.txt unreachable" in said  # the error that quotes the page's origin was said
    with sqlite3.connect(db) as conn:
        stored = "\n".join(conn.iterdump())
    assert "reader:" not in stored and "http://***@127.0.0.1" in stored and "token=***&edition=pk" in stored
    feeds = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "feeds").glob("*.atom"))
    for secret in secrets:
        assert secret not in said, secret
        assert secret not in stored, secret
        assert secret not in feeds, secret


def test_an_item_read_on_a_page_behind_a_login_is_stored_without_it(tmp_path):
    """A listing page's links are relative ("/pta/press-releases/..."), and one read from
    ``http://reader:PAGEPASS@host/...`` is ``http://reader:PAGEPASS@host/pta/...``: the article
    is fetched with the login, but the item was stored with it, for every visitor of
    Datasette to read. It is stored without, a link that still leads to the article."""
    from conftest import SITES, repo_rules_sections
    from monitor.sitesrv import SiteServer

    with SiteServer(SITES / "basic") as site:
        plain = site.base
        base = plain.replace("http://", "http://reader:PAGEPASS@")
        config = tmp_path / "sources.yaml"
        config.write_text(f"fetch:\n  host_delay: 0.01\n  retries: 0\nsources:\n  - name: Private Listing\n    url: {base}/pta/press-releases.html\n    kind: page\n" + repo_rules_sections(), encoding="utf-8")
        db = tmp_path / "monitor.db"
        done = subprocess.run([sys.executable, "-m", "monitor.cli", "--config", str(config), "--db", str(db), "-v", "poll"], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    article = [p for p, _ in site.requests if p.startswith("/pta/press-releases/")]
    assert article  # fetched (with the login: the page's links are the site's)
    with sqlite3.connect(db) as conn:
        stored = "\n".join(conn.iterdump())
        urls = [u for (u,) in conn.execute("SELECT url FROM items")]
    assert urls == [f"{plain}/pta/press-releases/vpn-registration-extended-2025-08-22.html"]
    assert "PAGEPASS" not in stored and "PAGEPASS" not in done.stderr


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_a_traceback_in_the_log_shows_no_login_or_key_either(capsys, fmt):
    """A job or a source that fails unexpectedly is logged with its traceback, whose last line
    is the error's message: an address in it kept its login and key, in text and in JSON,
    although the message line above it had them taken out."""
    import logging

    from monitor.cli import setup_logging

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        setup_logging(1, fmt)
        try:
            raise ValueError("cannot read http://reader:FEEDPASS@127.0.0.1:9/feed.xml?token=FEEDTOKEN")
        except ValueError as e:
            logging.getLogger("monitor.pipeline").exception("Private Feed: unexpected error: %s", e)
    finally:
        root.handlers[:], root.level = handlers, level
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError: cannot read http://***@127.0.0.1:9/feed.xml?token=***" in (json.loads(err)["error"] if fmt == "json" else err), err
    assert "FEEDPASS" not in err and "FEEDTOKEN" not in err, err


def test_the_error_a_command_exits_with_shows_no_login_or_key(tmp_path):
    """A mistyped address in sources.yaml is quoted in the error the daemon exits with, which
    under systemd goes to the journal as a log line (JSON or text): its login and key stayed
    in it, where the daemon's own log line of the same mistake (an edit it reads) had them out."""
    from click.testing import CliRunner

    from monitor.cli import cli

    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - name: Private Feed\n    url: htps://reader:FEEDPASS@example.org/feed.xml?token=FEEDTOKEN\n", encoding="utf-8")
    for fmt in ("json", "text"):
        result = CliRunner().invoke(cli, ["--config", str(config), "--db", str(tmp_path / "monitor.db"), "--log-format", fmt, "run"])
        assert result.exit_code == 2, result.output
        assert "not an http(s) URL: 'htps://***@example.org/feed.xml?token=***'" in result.stderr, result.stderr
        assert "FEEDPASS" not in result.stderr and "FEEDTOKEN" not in result.stderr, result.stderr


def test_sources_list_shows_an_address_without_its_login_or_key_and_opml_keeps_them(tmp_path):
    """`monitor sources list` is what an operator pastes into a question on a forum: the
    address shows without its secrets, as the archive and the logs hold it. The OPML export is
    for the operator's own feed reader, which needs the login and the key to read the feed."""
    from click.testing import CliRunner

    from monitor.cli import cli

    config = tmp_path / "sources.yaml"
    config.write_text("sources:\n  - name: Private Feed\n    url: https://reader:FEEDPASS@example.org/feed.xml?token=FEEDTOKEN&page=2\n", encoding="utf-8")
    listed = CliRunner().invoke(cli, ["--config", str(config), "sources", "list"])
    assert listed.exit_code == 0, listed.output
    assert listed.output == "feed  Private Feed\n      https://***@example.org/feed.xml?token=***&page=2\n"
    exported = CliRunner().invoke(cli, ["--config", str(config), "sources", "list", "--format", "opml"])
    assert "https://reader:FEEDPASS@example.org/feed.xml?token=FEEDTOKEN&amp;page=2" in exported.output, exported.output


def test_an_archive_of_before_loses_the_secrets_its_addresses_held(tmp_path):
    db = tmp_path / "monitor.db"
    with Store(db) as store:
        store.db.execute("INSERT INTO sources (name, url, kind, consecutive_failures, last_error) VALUES ('P', 'https://u:PW@example.org/feed?key=K1', 'feed', 1, 'robots.txt unreachable: everything on https://u:PW@example.org is disallowed')")
        store.db.execute("INSERT INTO fetches (source, url, started_at, outcome, error) VALUES ('P', 'https://u:PW@example.org/feed?key=K1', '2025-08-20T10:00:00+00:00', 'error', 'on https://u:PW@example.org')")
        store.db.execute("INSERT INTO items (id, source, url, title, fetched_at) VALUES ('i1', 'P', 'https://u:PW@example.org/news/1', 'IT exports', '2025-08-20T10:00:00+00:00')")
        store.db.conn.commit()
        store.db.execute("PRAGMA user_version = 30")
    with Store(db) as store:
        dump = "\n".join(store.db.conn.iterdump())
        assert "PW" not in dump and "K1" not in dump
        assert store.source_state("P").url == "https://***@example.org/feed?key=***"
        assert store.db.execute("SELECT url FROM items").fetchall() == [("https://example.org/news/1",)]


def test_an_archive_of_before_loses_the_login_its_watched_pages_lent_their_links(tmp_path):
    from monitor.watch import content_hash

    db = tmp_path / "monitor.db"
    doc = "https://u:PW@example.org/docs/notice.pdf"
    with Store(db) as store:
        store.db.execute(
            "INSERT INTO page_versions (source, version, kind, url, fetched_at, hash, text, links, changes, diff) VALUES (?, 2, 'change', 'https://***@example.org/vpn', '2025-08-20T10:00:00+00:00', 'old', 'VPN registration', ?, ?, ?)",
            ["P", json.dumps([{"url": doc, "text": "Notice"}]), json.dumps([{"op": "document", "text": "Notice", "url": doc, "line": f"+ [document] Notice <{doc}>"}]), f"+ [document] Notice <{doc}>"],
        )
        store.db.conn.commit()
        store.db.execute("PRAGMA user_version = 34")
    with Store(db) as store:
        assert "PW" not in "\n".join(store.db.conn.iterdump())
        [row] = store.page_versions("P")
        assert row["links"] == [{"url": "https://example.org/docs/notice.pdf", "text": "Notice"}]
        assert row["changes"][0]["url"] == "https://example.org/docs/notice.pdf" and row["diff"] == "+ [document] Notice <https://example.org/docs/notice.pdf>"
        assert row["hash"] == content_hash("VPN registration", ["https://example.org/docs/notice.pdf"])


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://user:pw@example.org/feed", "https://***@example.org/feed"),
        ("https://TOKEN@example.org/feed", "https://***@example.org/feed"),
        ("https://example.org/feed?token=abc&q=freelance", "https://example.org/feed?token=***&q=freelance"),
        ("https://example.org/a?apiKey=1&access-token=2&keyword=vpn#top", "https://example.org/a?apiKey=***&access-token=***&keyword=vpn#top"),
        ("https://example.org/news/2025/it-exports.html?id=5", "https://example.org/news/2025/it-exports.html?id=5"),
        ("https://example.org/path@at/x", "https://example.org/path@at/x"),
        ("https://example.org/feed?api%5Fkey=abc&access%2Dtoken=def&q=it", "https://example.org/feed?api%5Fkey=***&access%2Dtoken=***&q=it"),
    ],
)
def test_redact_url_hides_logins_and_keys_only(url, shown):
    from monitor.privacy import redact_url

    assert redact_url(url) == shown

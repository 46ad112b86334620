"""The digest by email: a real aiosmtpd server on 127.0.0.1 receives it.

``tests/certs/smtp-test.pem`` and ``.key`` are a self-signed certificate for 127.0.0.1
(valid 2020-2120), for these tests only: made with ``openssl ca -selfsign``.
"""

from __future__ import annotations

import asyncio
import email
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email import policy
from email.header import decode_header, make_header
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from click.testing import CliRunner
from selectolax.lexbor import LexborHTMLParser

from digest_archive import SOURCES_YAML, STORIES, WEEK, build_archive
from monitor.cli import cli
from monitor.config import load_config
from monitor.digest import build_digest, fit_html
from monitor.mail import MailError, SendResult, SmtpSettings, digest_status_lines, message_id, send_copy, send_digest
from monitor.store import Store
from monitor.weeks import current_week, shift_week

CERTS = Path(__file__).parent / "certs"
CERT, KEY = CERTS / "smtp-test.pem", CERTS / "smtp-test.key"
SENDER = "digest@monitor.example.com"
RECIPIENTS = ("reader@example.com", "editor@example.org")
MESSAGE_ID = "<digest-2025-W34.weekly.pk-monitor.example@monitor.example.com>"


class Recorder:
    """An SMTP handler that keeps what it receives; ``replies`` answers the next DATA
    commands instead (a string reply, or ``"drop"`` to close the connection)."""

    def __init__(self) -> None:
        self.envelopes: list = []
        self.replies: list[str] = []
        self.refuse: set[str] = set()
        self.max_recipients = 0  # recipients taken in one message (452 for the others); 0: no limit
        self.defer: dict[str, int] = {}  # recipient: how many RCPTs to answer with 451 first
        self.got_data = threading.Event()
        self.release = threading.Event()
        self.hold = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such user"
        if self.max_recipients and len(envelope.rcpt_tos) >= self.max_recipients:
            return "452 4.5.3 Too many recipients"
        if self.defer.get(address):
            self.defer[address] -= 1
            return "451 4.7.1 Greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.got_data.set()
        while self.hold and not self.release.is_set():
            await asyncio.sleep(0.02)
        if self.replies:
            reply = self.replies.pop(0)
            if reply == "drop":
                server.transport.close()
            return reply if reply != "drop" else "250 OK"
        self.envelopes.append(envelope)
        return "250 OK"

    def message(self, n: int = 0) -> email.message.EmailMessage:
        return email.message_from_bytes(self.envelopes[n].original_content, policy=policy.default)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_tls() -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ctx.load_cert_chain(CERT, KEY)
    return ctx


def accept(user: bytes, password: bytes):
    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == user and auth_data.password == password
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535

    return authenticator


@pytest.fixture
def smtp_server():
    """Start an aiosmtpd server on 127.0.0.1 with the given options; stopped after the test."""
    started = []

    def start(**kwargs) -> tuple[Recorder, int]:
        handler = Recorder()
        port = free_port()
        controller = Controller(handler, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append((controller, handler))
        return handler, port

    yield start
    for controller, handler in started:
        handler.release.set()
        controller.stop()


@pytest.fixture(autouse=True)
def no_smtp_env(monkeypatch):
    for name in list(os.environ):
        if name.startswith("MONITOR_SMTP_"):
            monkeypatch.delenv(name)


@pytest.fixture
def config_path(write_config):
    extra = f"""\
monitor:
  public_url: https://monitor.example.com/
digest:
  sender: {SENDER}
  recipients: [{", ".join(RECIPIENTS)}]
  list_id: weekly.pk-monitor.example
  list_unsubscribe: "<mailto:leave@monitor.example.com>, <https://monitor.example.com/leave>"
  manage_url: https://monitor.example.com/subscription
"""
    return write_config(SOURCES_YAML, extra=extra)


@pytest.fixture
def config(config_path):
    return load_config(config_path)


@pytest.fixture
def archive(store, config):
    build_archive(store, config)
    return store


def plain(port: int) -> SmtpSettings:
    return SmtpSettings(host="127.0.0.1", port=port, security="none", timeout=10, retry_delays=(0, 0))


# --------------------------------------------------------------------------- the message


def test_sends_once_with_parts_headers_links_and_escaping(smtp_server, archive, config):
    server, port = smtp_server()
    result = send_digest(archive, config, WEEK, smtp=plain(port))
    assert (result.status, result.transport, result.attempts) == ("sent", "smtp", 1)
    [envelope] = server.envelopes
    assert envelope.mail_from == SENDER and envelope.rcpt_tos == list(RECIPIENTS)
    msg = server.message()
    assert msg.get_content_type() == "multipart/alternative"
    text_part, html_part = msg.get_payload()
    assert (text_part.get_content_type(), html_part.get_content_type()) == ("text/plain", "text/html")
    assert text_part.get_content_charset() == html_part.get_content_charset() == "utf-8"
    assert msg["Subject"] == f"Freelance & IT exports weekly, 2025-W34: {STORIES[0].title}"
    assert msg["Message-ID"] == MESSAGE_ID == message_id(WEEK, config)
    sender = msg["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("Pakistan Freelance & IT Exports Monitor", SENDER)
    assert msg["To"] == msg["From"]
    assert not any(r in str(msg["To"]) for r in RECIPIENTS)  # readers do not see each other
    assert msg["List-Id"] == "Pakistan Freelance & IT Exports Monitor <weekly.pk-monitor.example>"
    assert msg["List-Unsubscribe"].strip() == "<mailto:leave@monitor.example.com>, <https://monitor.example.com/leave>"
    assert msg["Date"] and msg["Auto-Submitted"] == "auto-generated"
    html = html_part.get_content()
    assert len(html.encode()) < 100_000
    hrefs = [a.attributes["href"] for a in LexborHTMLParser(html).css("a")]
    assert hrefs and all(h.startswith(("https://", "mailto:")) for h in hrefs)
    assert "https://monitor.example.com/monitor/page_history?source=Test+PTA+VPN+page&version=2" in hrefs  # a policy change's full diff
    assert "<script>" not in html and "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;" in html
    assert "&lt;script&gt;expected&lt;/script&gt;" in html  # a quote
    text = text_part.get_content()
    assert "<script>alert('pwned')</script> P@SHA & PSEB sign <b>skills</b> pact" in text
    assert all(s.title.split()[0] in text for s in STORIES)
    row = archive.digest(WEEK)
    assert (row["status"], row["transport"], row["message_id"], row["attempts"]) == ("sent", "smtp", MESSAGE_ID, 1)
    assert row["sent_at"] and row["subject"] == msg["Subject"] and json.loads(row["recipients"]) == list(RECIPIENTS)
    assert row["stories"] == len(STORIES) and row["html_bytes"] == len(fit_html(build_digest(archive, config, WEEK)).encode())


def test_the_plain_text_footer_opens_on_the_signature_delimiter(smtp_server, archive, config):
    """"-- " with its space (RFC 3676, 4.3), so that a mail program greys out the footer and
    leaves it out of a reply; "--" alone is just a line of text."""
    server, port = smtp_server()
    send_digest(archive, config, WEEK, smtp=plain(port))
    text_part, _ = server.message().get_payload()
    lines = text_part.get_content().splitlines()
    assert lines.count("-- ") == 1 and "--" not in lines
    footer = lines[lines.index("-- ") + 1:]
    assert footer[0].startswith("You receive this weekly digest") and "https://monitor.example.com/subscription" in " ".join(footer)
    assert lines[lines.index("-- ") - 1] == ""


def test_a_sent_week_is_not_sent_again_unless_forced(smtp_server, archive, config):
    server, port = smtp_server()
    send_digest(archive, config, WEEK, smtp=plain(port))
    again = send_digest(archive, config, WEEK, smtp=plain(port))
    assert again.status == "already_sent" and not again.delivered
    assert "use --force" in again.line()
    assert len(server.envelopes) == 1
    forced = send_digest(archive, config, WEEK, smtp=plain(port), force=True)
    assert forced.status == "sent" and len(server.envelopes) == 2
    assert server.message(1)["Message-ID"] == server.message(0)["Message-ID"]  # recognisably the same
    assert archive.digest(WEEK)["attempts"] == 2


def test_header_injection_through_titles_is_harmless(smtp_server, write_config, store):
    server, port = smtp_server()
    config = load_config(write_config(SOURCES_YAML, extra=f'digest:\n  title: "Monitor\\r\\nBcc: evil@example.net"\n  sender: {SENDER}\n  recipients: [reader@example.com]\n'))
    build_archive(store, config)
    store.db.execute("UPDATE items SET title = ? WHERE title = ?", ["Exports up\r\nBcc: evil@example.net\r\n\r\nbody", STORIES[0].title])
    assert send_digest(store, config, WEEK, smtp=plain(port)).status == "sent"
    [envelope] = server.envelopes
    assert envelope.rcpt_tos == ["reader@example.com"]
    msg = server.message()
    assert msg["Bcc"] is None
    assert msg["Subject"] == "Freelance & IT exports weekly, 2025-W34: Exports up Bcc: evil@example.net body"
    assert msg["From"].addresses[0].display_name == "Monitor Bcc: evil@example.net"
    assert b"\nBcc:" not in envelope.original_content


URDU_TITLE = "فری لانسرز کی آمدن میں 59 فیصد اضافہ، آئی ٹی برآمدات 35 کروڑ 40 لاکھ ڈالر تک پہنچ گئیں"


def raw_subject(content: bytes, name: str = "Subject") -> str:
    """A header (the Subject) as sent, unfolded, decoded as RFC 2047 tells mail programs to
    (the whitespace between two encoded words is dropped)."""
    head = content.split(b"\r\n\r\n", 1)[0].decode("ascii")
    [value] = re.findall(rf"^{name}: ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", head, flags=re.M)
    assert all(len(line) <= 78 for line in value.split("\r\n"))
    return str(make_header(decode_header(value.replace("\r\n", ""))))


def test_an_urdu_subject_keeps_every_space_between_its_words(smtp_server, archive, config, tmp_path):
    server, port = smtp_server()
    archive.db.execute("UPDATE items SET title = ? WHERE title = ?", [URDU_TITLE, STORIES[0].title])
    assert send_digest(archive, config, WEEK, smtp=plain(port)).status == "sent"
    expected = f"Freelance & IT exports weekly, 2025-W34: {URDU_TITLE}"
    content = server.envelopes[0].original_content
    assert raw_subject(content) == expected
    assert server.message()["Subject"] == expected
    eml = send_digest(archive, config, WEEK, force=True, outbox=tmp_path).path
    assert raw_subject(eml.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")) == expected


URDU_DIGEST_TITLE = "پاکستان فری لانس اور آئی ٹی برآمدات کا ہفتہ وار جائزہ"


def test_an_urdu_digest_title_keeps_every_space_in_from_to_and_list_id(smtp_server, store, write_config, tmp_path):
    """The title is the display name of From and To and the name of the list: a mail program
    shows it as sent, with no two words run together."""
    config = load_config(write_config(SOURCES_YAML, extra=f'digest:\n  title: "{URDU_DIGEST_TITLE}"\n  sender: {SENDER}\n  recipients: [reader@example.com]\n  list_id: weekly.pk-monitor.example\n'))
    build_archive(store, config)
    server, port = smtp_server()
    assert send_digest(store, config, WEEK, smtp=plain(port)).status == "sent"
    eml = send_digest(store, config, WEEK, force=True, outbox=tmp_path).path
    for content in (server.envelopes[0].original_content, eml.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")):
        assert raw_subject(content, "From") == f"{URDU_DIGEST_TITLE} <{SENDER}>"
        assert raw_subject(content, "To") == f"{URDU_DIGEST_TITLE} <{SENDER}>"
        assert raw_subject(content, "List-Id") == f"{URDU_DIGEST_TITLE} <weekly.pk-monitor.example>"
    # Python's own parser keeps the space between encoded words in a name: no word is cut
    msg = server.message()
    assert msg["From"].addresses[0].addr_spec == SENDER
    assert " ".join(msg["From"].addresses[0].display_name.split()) == URDU_DIGEST_TITLE
    assert " ".join(msg["To"].addresses[0].display_name.split()) == URDU_DIGEST_TITLE


# --------------------------------------------------------------------------- transports


def test_starttls_with_login_from_environment(smtp_server, archive, config, monkeypatch):
    server, port = smtp_server(tls_context=server_tls(), require_starttls=True, auth_required=True, authenticator=accept(b"monitor", b"s3cret pass"))
    for name, value in {"HOST": "127.0.0.1", "PORT": str(port), "SECURITY": "starttls", "USER": "monitor", "PASSWORD": "s3cret pass", "CAFILE": str(CERT)}.items():
        monkeypatch.setenv(f"MONITOR_SMTP_{name}", value)
    result = send_digest(archive, config, WEEK)
    assert result.status == "sent"
    assert server.message()["Message-ID"] == MESSAGE_ID


def test_implicit_tls(smtp_server, archive, config):
    server, port = smtp_server(ssl_context=server_tls())
    result = send_digest(archive, config, WEEK, smtp=SmtpSettings("127.0.0.1", port, "ssl", cafile=str(CERT), timeout=10))
    assert result.status == "sent" and len(server.envelopes) == 1


def test_untrusted_certificate_fails_without_retrying(smtp_server, archive, config):
    server, port = smtp_server(tls_context=server_tls(), require_starttls=True)
    result = send_digest(archive, config, WEEK, smtp=SmtpSettings("127.0.0.1", port, "starttls", timeout=10, retry_delays=(0, 0)))
    assert (result.status, result.attempts) == ("failed", 1)
    assert "CERTIFICATE_VERIFY_FAILED" in result.error
    assert server.envelopes == []


def test_wrong_password_fails_then_a_plain_retry_is_allowed(smtp_server, archive, config):
    server, port = smtp_server(tls_context=server_tls(), require_starttls=True, auth_required=True, authenticator=accept(b"monitor", b"right"))
    login = SmtpSettings("127.0.0.1", port, "starttls", cafile=str(CERT), timeout=10, retry_delays=(0, 0))
    failed = send_digest(archive, config, WEEK, smtp=replace(login, user="monitor", password="wrong"))
    assert (failed.status, failed.attempts) == ("failed", 1)
    assert "535" in failed.error and "run the send again" in failed.line()
    row = archive.digest(WEEK)
    assert row["status"] == "failed" and "535" in row["error"]
    assert any(line.startswith("!! 2025-W34: failed") for line in digest_status_lines(archive))
    ok = send_digest(archive, config, WEEK, smtp=replace(login, user="monitor", password="right"))
    assert ok.status == "sent" and len(server.envelopes) == 1
    assert archive.digest(WEEK)["error"] is None


def test_a_transient_refusal_is_retried(smtp_server, archive, config):
    server, port = smtp_server()
    server.replies = ["451 4.3.0 Try again later"]
    pauses: list[float] = []
    settings = SmtpSettings("127.0.0.1", port, "none", timeout=10, retry_delays=(7.0, 30.0))
    result = send_digest(archive, config, WEEK, smtp=settings, sleep=pauses.append)
    assert (result.status, result.attempts) == ("sent", 2)
    assert pauses == [7.0]
    assert len(server.envelopes) == 1


def test_a_permanent_refusal_is_not_retried(smtp_server, archive, config):
    server, port = smtp_server()
    server.replies = ["554 5.7.1 Message rejected"]
    result = send_digest(archive, config, WEEK, smtp=plain(port))
    assert (result.status, result.attempts) == ("failed", 1)
    assert "554" in result.error and server.envelopes == []


@pytest.mark.parametrize("reply", ["554 5.7.1 Message rejected", "535 5.7.8 Authentication credentials invalid"])
def test_a_permanent_refusal_says_a_plain_retry_will_not_help_and_what_to_fix(smtp_server, archive, config, reply):
    if reply.startswith("554"):
        server, port = smtp_server()
        server.replies = [reply]
        settings = plain(port)
        fix = "(the server will not take this message as it is: its reply and its log say why"
    else:
        server, port = smtp_server(tls_context=server_tls(), require_starttls=True, auth_required=True, authenticator=accept(b"monitor", b"right"))
        settings = SmtpSettings("127.0.0.1", port, "starttls", cafile=str(CERT), timeout=10, retry_delays=(0, 0), user="monitor", password="wrong")
        fix = "(check MONITOR_SMTP_USER and MONITOR_SMTP_PASSWORD)"
    result = send_digest(archive, config, WEEK, smtp=settings)
    assert result.status == "failed" and result.permanent
    line = result.line()
    assert reply[:3] in line and fix in line and "retry" not in line
    assert line.endswith("; sending again as it is will fail the same way: fix that first, then run the send again")
    (status,) = [s for s in digest_status_lines(archive) if s.startswith("!! 2025-W34: failed")]
    assert status.endswith(f"; sending again as it is will fail the same way: fix that first, then `monitor digest --week {WEEK} --send` tries again")


def test_a_passing_failure_still_says_to_run_the_send_again(archive, config):
    result = send_digest(archive, config, WEEK, smtp=SmtpSettings("127.0.0.1", free_port(), "none", timeout=5, retry_delays=(0, 0)), sleep=lambda seconds: None)
    assert not result.permanent and result.line().endswith(": connection refused; run the send again to retry")


def test_no_server_fails_after_every_attempt(archive, config):
    pauses: list[float] = []
    settings = SmtpSettings("127.0.0.1", free_port(), "none", timeout=5, retry_delays=(1.0, 2.0))
    result = send_digest(archive, config, WEEK, smtp=settings, sleep=pauses.append)
    assert (result.status, result.attempts) == ("failed", 3)
    assert pauses == [1.0, 2.0]
    assert result.error == f"cannot connect to the mail server 127.0.0.1:{settings.port}: connection refused"
    assert archive.digest(WEEK)["status"] == "failed"


def test_a_send_stopped_while_waiting_to_try_again_failed_and_is_not_in_doubt(archive, config):
    """Ctrl-C (or SIGTERM) during the pause after a refused connection: nothing was handed
    to any server, so the week is failed, its items free for the next send, and the next
    --send goes ahead without --force."""

    def stopped(seconds: float) -> None:
        raise KeyboardInterrupt

    settings = SmtpSettings("127.0.0.1", free_port(), "none", timeout=5, retry_delays=(10.0, 60.0))
    with pytest.raises(KeyboardInterrupt):
        send_digest(archive, config, WEEK, smtp=settings, sleep=stopped)
    row = archive.digest(WEEK)
    assert row["status"] == "failed", row
    assert row["error"] == f"stopped while waiting to try again after 1 attempt: cannot connect to the mail server 127.0.0.1:{settings.port}: connection refused"
    again = send_digest(archive, config, WEEK, smtp=settings, sleep=lambda seconds: None)
    assert (again.status, again.attempts) == ("failed", 3)  # tried again, not refused as in doubt


def silent_server() -> tuple[socket.socket, int]:
    """A server that accepts connections and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    return listener, listener.getsockname()[1]


def test_every_smtp_failure_names_the_server_and_says_what_went_wrong_in_words(smtp_server, archive, config):
    """One line each, naming the server and the setting to check, not Python's names for the
    error (ConnectionRefusedError, gaierror, SMTPServerDisconnected)."""
    _, port = smtp_server()
    tls, tls_port = smtp_server(tls_context=server_tls(), require_starttls=True)
    listener, silent = silent_server()
    closed = free_port()
    cases = [
        (SmtpSettings("127.0.0.1", closed, "none"), f"cannot connect to the mail server 127.0.0.1:{closed}: connection refused", True),
        (SmtpSettings("127.0.0.1", silent, "none", timeout=0.5), f"cannot connect to the mail server 127.0.0.1:{silent}: no answer within 0.5s (MONITOR_SMTP_TIMEOUT)", True),
        (SmtpSettings("smtp.example.com", 25, "none"), "cannot find the mail server smtp.example.com:25: ", True),
        (SmtpSettings("127.0.0.1", port, "starttls"), f"the mail server 127.0.0.1:{port} does not offer STARTTLS (check MONITOR_SMTP_SECURITY: ssl for a port that speaks TLS at once, such as 465, none for a local relay)", False),
        (SmtpSettings("127.0.0.1", port, "ssl"), f"the mail server 127.0.0.1:{port} does not speak TLS there (WRONG_VERSION_NUMBER): check MONITOR_SMTP_SECURITY and MONITOR_SMTP_PORT (ssl is usually port 465, starttls 587)", False),
        (SmtpSettings("127.0.0.1", port, "none", user="monitor", password="pw"), f"the mail server 127.0.0.1:{port} offers no login (check MONITOR_SMTP_SECURITY: many servers offer it only after starttls; or leave out MONITOR_SMTP_USER for a relay that needs none)", False),
        (SmtpSettings("127.0.0.1", tls_port, "starttls"), f"the mail server 127.0.0.1:{tls_port}: its TLS certificate is not trusted: ", False),
    ]
    try:
        for settings, error, retried in cases:
            result = send_digest(archive, config, WEEK, smtp=replace(settings, retry_delays=(0, 0)), sleep=lambda seconds: None)
            assert result.status == "failed" and result.error.startswith(error), result.error
            assert result.attempts == (3 if retried else 1)
            assert "Error" not in result.error.replace("ERROR", "") and "\n" not in result.line()
    finally:
        listener.close()
    server, port = smtp_server()
    server.replies = ["554 5.7.1 Message rejected"]
    assert send_digest(archive, config, WEEK, smtp=plain(port)).error == (
        f"the mail server 127.0.0.1:{port} refused the message: 554 5.7.1 Message rejected (the server will not take this message as it is: its reply and its log say why, "
        "such as a sender it does not accept or content it takes for spam); sending again as it is will fail the same way"
    )
    server.refuse = set(RECIPIENTS)
    assert send_digest(archive, config, WEEK, smtp=plain(port)).error == (
        f"the mail server 127.0.0.1:{port} refused every recipient: reader@example.com: 550 5.1.1 No such user; editor@example.org: 550 5.1.1 No such user "
        "(check digest.recipients); sending again as it is will fail the same way"
    )


def test_one_refused_recipient_does_not_stop_the_others(smtp_server, archive, config):
    server, port = smtp_server()
    server.refuse = {"editor@example.org"}
    result = send_digest(archive, config, WEEK, smtp=plain(port))
    assert result.status == "sent" and result.refused == ("editor@example.org",)
    assert server.envelopes[0].rcpt_tos == ["reader@example.com"]
    assert json.loads(archive.digest(WEEK)["refused"]) == ["editor@example.org"]


def test_recipients_over_the_servers_limit_get_the_message_in_another_transaction(smtp_server, store, write_config):
    """A server that takes so many recipients a message answers the others 452 (RFC 5321:
    send it to them in a later transaction): each reader gets the digest, once."""
    readers = [f"reader{i}@example.com" for i in range(5)]
    config = load_config(write_config(SOURCES_YAML, extra=f"digest:\n  sender: {SENDER}\n  recipients: [{', '.join(readers)}]\n"))
    build_archive(store, config)
    server, port = smtp_server()
    server.max_recipients = 2
    result = send_digest(store, config, WEEK, smtp=plain(port))
    assert (result.status, result.refused, result.attempts) == ("sent", (), 3)
    assert [e.rcpt_tos for e in server.envelopes] == [readers[:2], readers[2:4], readers[4:]]
    assert len({e.original_content for e in server.envelopes}) == 1  # the same message, Message-ID and all
    assert json.loads(store.digest(WEEK)["refused"]) == []


def test_a_recipient_deferred_for_now_is_tried_again_and_one_refused_for_good_is_not(smtp_server, archive, config):
    """A 4xx reply to one recipient (greylisting, a full mailbox) is temporary: after the
    retry delay that recipient alone is given the message; a 5xx reply stays refused."""
    server, port = smtp_server()
    server.defer = {"editor@example.org": 1}
    result = send_digest(archive, config, WEEK, smtp=plain(port))
    assert (result.status, result.refused) == ("sent", ())
    assert [e.rcpt_tos for e in server.envelopes] == [["reader@example.com"], ["editor@example.org"]]
    # deferred at every try: refused in the end, with the server's last reply, and the
    # others' copy stands (the week is sent, not failed)
    server.envelopes.clear()
    server.defer = {"editor@example.org": 99}
    result = send_digest(archive, config, WEEK, smtp=plain(port), force=True)
    assert (result.status, result.refused, result.refusals) == ("sent", ("editor@example.org",), ("451 4.7.1 Greylisted, try again later",))
    assert [e.rcpt_tos for e in server.envelopes] == [["reader@example.com"]]
    assert archive.digest(WEEK)["status"] == "sent"


def test_the_command_says_a_refused_recipient_once_with_the_servers_reply(smtp_server, archive, config_path, tmp_path, monkeypatch):
    server, port = smtp_server()
    server.refuse = {"editor@example.org"}
    for name, value in {"HOST": "127.0.0.1", "PORT": str(port), "SECURITY": "none"}.items():
        monkeypatch.setenv(f"MONITOR_SMTP_{name}", value)
    r = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send")
    assert r.exit_code == 0, r.output
    assert r.output.count("editor@example.org") == 1, r.output
    assert f"digest {WEEK}: sent to 1 recipient, Message-ID {MESSAGE_ID}; refused by the server: editor@example.org (550 5.1.1 No such user)" in r.output


def test_connection_lost_after_data_is_in_doubt(smtp_server, archive, config):
    server, port = smtp_server()
    server.replies = ["drop"]
    result = send_digest(archive, config, WEEK, smtp=plain(port))
    assert (result.status, result.attempts) == ("uncertain", 1)  # never retried: it may have arrived
    row = archive.digest(WEEK)
    assert row["status"] == "sending" and "may have been delivered" in row["error"]
    again = send_digest(archive, config, WEEK, smtp=plain(port))
    assert again.status == "in_doubt" and "--force" in again.line()
    assert [line[:13] for line in digest_status_lines(archive)] == ["!! 2025-W34: "]
    assert send_digest(archive, config, WEEK, smtp=plain(port), force=True).status == "sent"
    assert archive.digest(WEEK)["status"] == "sent"


def test_status_before_any_digest(store):
    assert digest_status_lines(store) == ["-- no digest sent yet"]


def test_of_two_senders_only_one_claims_the_week(store):
    with Store(store.path) as other:  # a second connection, as the daemon and the CLI would have
        assert store.claim_digest(WEEK, message_id=MESSAGE_ID) is None
        blocked = other.claim_digest(WEEK, message_id=MESSAGE_ID)
        assert blocked["status"] == "sending" and blocked["attempts"] == 1
        assert other.claim_digest(WEEK, force=True, message_id=MESSAGE_ID) is None
    row = store.digest(WEEK)
    assert (row["status"], row["attempts"]) == ("sending", 2)


def test_without_smtp_the_message_goes_to_the_outbox(archive, config, tmp_path):
    result = send_digest(archive, config, WEEK)
    assert result.status == "written" and result.transport == "outbox"
    assert result.path == tmp_path / "outbox" / "digest-2025-W34.eml"
    msg = email.message_from_bytes(result.path.read_bytes(), policy=policy.default)
    assert msg["Message-ID"] == MESSAGE_ID and msg.get_content_type() == "multipart/alternative"
    assert "IT exports reach $354 million" in msg.get_body(("plain",)).get_content()
    row = archive.digest(WEEK)
    assert (row["status"], row["transport"], row["eml_path"]) == ("sent", "outbox", str(result.path))
    assert send_digest(archive, config, WEEK).status == "already_sent"
    assert list((tmp_path / "outbox").iterdir()) == [result.path]


def test_an_outbox_write_that_fails_leaves_nothing_behind(archive, config, tmp_path):
    """The .eml cannot be put in place (here a folder is in its way; a full disk fails the
    same write): the week is failed with the reason in words and the outbox's path, and no
    temporary file is left in the outbox; once the way is clear the next send writes it."""
    outbox = tmp_path / "outbox"
    (outbox / "digest-2025-W34.eml" / "x").mkdir(parents=True)
    result = send_digest(archive, config, WEEK, outbox=outbox)
    assert result.status == "failed"
    assert result.error == f"cannot write to the outbox {outbox}: Is a directory"  # no [Errno 21]
    assert [p.name for p in outbox.iterdir()] == ["digest-2025-W34.eml"]
    (outbox / "digest-2025-W34.eml" / "x").rmdir()
    (outbox / "digest-2025-W34.eml").rmdir()
    assert send_digest(archive, config, WEEK, outbox=outbox).status == "written"
    assert [p.name for p in outbox.iterdir()] == ["digest-2025-W34.eml"]


def test_an_outbox_that_cannot_be_written_fails_cleanly(archive, config, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the outbox should be")
    result = send_digest(archive, config, WEEK, outbox=blocked)
    assert result.status == "failed" and "cannot write to the outbox" in result.error
    assert result.line().startswith("digest 2025-W34: not sent: cannot write to the outbox")
    assert archive.digest(WEEK)["status"] == "failed"
    assert send_digest(archive, config, WEEK, outbox=tmp_path / "outbox").status == "written"


def test_a_week_that_has_not_ended_is_not_sent_unless_forced(archive, config, tmp_path):
    sunday_noon = datetime(2025, 8, 24, 12, 0, tzinfo=ZoneInfo("Asia/Karachi"))  # the last day of 2025-W34
    early = send_digest(archive, config, WEEK, now=sunday_noon)
    assert early.status == "not_ended" and not early.delivered
    assert early.line() == (
        "digest 2025-W34: not sent: the week has not ended yet (it ends Mon 2025-08-25 00:00 PKT); a week's digest goes out once, "
        "so sent now it would stand for the whole week: leave out --send to preview it, or use --force to send it anyway"
    )
    assert archive.digest(WEEK) is None and not (tmp_path / "outbox").exists()  # nothing claimed: the week can go out when it ends
    assert send_digest(archive, config, WEEK, now=sunday_noon + timedelta(hours=12)).status == "written"


def test_a_week_that_has_not_ended_can_be_forced_out(archive, config, tmp_path):
    forced = send_digest(archive, config, WEEK, force=True, now=datetime(2025, 8, 20, tzinfo=timezone.utc))
    assert forced.status == "written" and archive.digest(WEEK)["status"] == "sent"
    # sent again before the week ends, without --force: "already sent", not "not ended" (whose advice, --force, would send it twice)
    again = send_digest(archive, config, WEEK, now=datetime(2025, 8, 21, tzinfo=timezone.utc))
    assert again.status == "already_sent"


def test_one_recipient_and_one_story_are_said_in_the_singular(archive, config):
    one = SendResult(WEEK, "sent", MESSAGE_ID, "smtp", RECIPIENTS, refused=RECIPIENTS[1:])
    assert one.line().startswith(f"digest {WEEK}: sent to 1 recipient, Message-ID {MESSAGE_ID}; refused by the server: ")
    assert SendResult(WEEK, "sent", MESSAGE_ID, "smtp", RECIPIENTS).line().startswith(f"digest {WEEK}: sent to 2 recipients,")
    archive.claim_digest(WEEK, message_id=MESSAGE_ID, stories=1)
    archive.set_digest(WEEK, status="sent", sent_at="2025-08-25T03:00:00+00:00")
    assert ", 1 story, Message-ID" in digest_status_lines(archive)[0]


def test_status_and_send_give_a_digest_s_times_in_the_configured_timezone(archive, config_path, tmp_path):
    """A digest sent at 08:00 on Monday in Karachi is said to be sent at 08:00 PKT, as every
    other time of `monitor status` is, not at 03:00 UTC in ISO form; so are a failed week's
    and a week in doubt's, and the time `--send` gives when it refuses a sent week."""
    archive.claim_digest(WEEK, message_id=MESSAGE_ID, stories=1)
    archive.set_digest(WEEK, status="sent", sent_at="2025-08-25T03:00:02+00:00")
    archive.claim_digest("2025-W33", message_id="<m33@example.com>", stories=1)
    archive.set_digest("2025-W33", status="failed", started_at="2025-08-18T03:00:00+00:00", error="cannot connect to the mail server 127.0.0.1:25: connection refused")
    archive.claim_digest("2025-W32", message_id="<m32@example.com>", stories=1)
    archive.set_digest("2025-W32", started_at="2025-08-10T19:30:00+00:00")
    status = run_cli(config_path, archive.path, "status").output
    assert "  ok 2025-W34: sent 2025-08-25 08:00 PKT " in status
    assert "  !! 2025-W33: failed at 2025-08-18 08:00 PKT: cannot connect" in status
    assert "  !! 2025-W32: a send began at 2025-08-11 00:30 PKT and never finished" in status
    assert "+00:00" not in status
    again = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send")
    assert f"digest {WEEK}: already sent at 2025-08-25 08:00 PKT (Message-ID {MESSAGE_ID})" in again.output


def test_smtp_without_recipients_is_an_error_and_records_nothing(store, write_config):
    config = load_config(write_config(SOURCES_YAML))
    with pytest.raises(MailError, match="digest.recipients is empty"):
        send_digest(store, config, WEEK, smtp=plain(25))
    assert store.digest(WEEK) is None


@pytest.mark.parametrize(
    "env, message",
    [
        ({"MONITOR_SMTP_SECURITY": "tls"}, "MONITOR_SMTP_SECURITY must be one of starttls, ssl, none; got 'tls'"),
        ({"MONITOR_SMTP_PORT": "smtp"}, "MONITOR_SMTP_PORT must be a number; got 'smtp'"),
        ({"MONITOR_SMTP_PORT": "70000"}, "MONITOR_SMTP_PORT must be between 1 and 65535; got 70000"),
        ({"MONITOR_SMTP_USER": "me"}, "set both MONITOR_SMTP_USER and MONITOR_SMTP_PASSWORD, or neither"),
        ({"MONITOR_SMTP_CAFILE": "/no/such.pem"}, "MONITOR_SMTP_CAFILE: no such file: /no/such.pem"),
        ({"MONITOR_SMTP_TIMEOUT": "0"}, "MONITOR_SMTP_TIMEOUT must be between 0.1 and 600; got 0"),
    ],
)
def test_bad_smtp_settings_are_named(env, message):
    with pytest.raises(MailError) as e:
        SmtpSettings.from_env({"MONITOR_SMTP_HOST": "mail.example.com", **env})
    assert str(e.value) == message


def test_smtp_settings_defaults():
    assert SmtpSettings.from_env({}) is None
    assert SmtpSettings.from_env({"MONITOR_SMTP_HOST": "mail.example.com"}) == SmtpSettings("mail.example.com", 587, "starttls")
    assert SmtpSettings.from_env({"MONITOR_SMTP_HOST": "m", "MONITOR_SMTP_SECURITY": "SSL"}).port == 465
    assert SmtpSettings.from_env({"MONITOR_SMTP_HOST": "m", "MONITOR_SMTP_SECURITY": "none"}).port == 25


# --------------------------------------------------------------------------- the command line


def run_cli(config_path, db, *args):
    return CliRunner().invoke(cli, ["--config", str(config_path), "--db", str(db), *args], catch_exceptions=False)


def test_cli_send_refuses_a_sent_week_unless_forced(archive, config_path, tmp_path):
    db = archive.path
    first = run_cli(config_path, db, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send")
    assert first.exit_code == 0, first.output
    assert f"digest {WEEK}: written to {tmp_path / 'outbox' / 'digest-2025-W34.eml'}" in first.output
    again = run_cli(config_path, db, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send")
    assert again.exit_code == 1 and "already sent at" in again.output and "use --force" in again.output
    forced = run_cli(config_path, db, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send", "--force", "--outbox", str(tmp_path / "elsewhere"))
    assert forced.exit_code == 0 and (tmp_path / "elsewhere" / "digest-2025-W34.eml").is_file()
    status = run_cli(config_path, db, "status")
    assert "Digests:\n  ok 2025-W34: sent " in status.output and MESSAGE_ID in status.output
    # as README shows it: "ok 2025-W34: sent 2025-08-25 08:00 PKT to data/outbox/digest-2025-W34.eml, ..."
    assert f" PKT to {tmp_path / 'elsewhere' / 'digest-2025-W34.eml'}, " in status.output


def test_cli_send_refuses_this_week_but_previews_it(archive, config_path, tmp_path):
    week = current_week(ZoneInfo("Asia/Karachi"))
    r = run_cli(config_path, archive.path, "digest", "--week", week, "--out", str(tmp_path / "out"), "--send")
    assert r.exit_code == 1
    assert f"digest {week}: not sent: the week has not ended yet (it ends Mon " in r.output and "use --force to send it anyway" in r.output
    assert (tmp_path / "out" / f"digest-{week}.html").is_file()  # the preview is written
    assert archive.digest(week) is None
    assert not (tmp_path / "outbox").exists()
    forced = run_cli(config_path, archive.path, "digest", "--week", week, "--out", str(tmp_path / "out"), "--send", "--force")
    assert forced.exit_code == 0 and (tmp_path / "outbox" / f"digest-{week}.eml").is_file()


@pytest.mark.parametrize("args", [(), ("--send",), ("--send", "--force")])
def test_cli_refuses_a_week_that_has_not_begun_in_one_line(archive, config_path, tmp_path, args):
    this_week = current_week(ZoneInfo("Asia/Karachi"))
    week = shift_week(this_week, 80)
    r = CliRunner().invoke(cli, ["--config", str(config_path), "--db", str(archive.path), "digest", "--week", week, "--out", str(tmp_path / "out"), *args])
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith(f"error: week {week} has not begun: it starts on Mon ") and r.stderr.count("\n") == 1
    assert f" and this is {this_week}; there is nothing to write yet" in r.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / "outbox").exists()  # no empty digest written, nothing sent
    assert archive.digest(week) is None


def test_cli_says_a_refused_send_once(archive, config_path, tmp_path):
    assert run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send").exit_code == 0
    again = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send")
    assert again.exit_code == 1 and again.output.count("already sent at") == 1, again.output


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (["--force"], "--force only applies with --send"),
        (["--outbox", "ob"], "--outbox only applies with --send"),
        (["--force", "--outbox", "ob"], "--force and --outbox only apply with --send"),
    ],
)
def test_cli_force_and_outbox_need_send(config_path, tmp_path, given, said):
    """The error names the options that were given, not one the user did not type."""
    result = run_cli(config_path, tmp_path / "m.db", "digest", *given)
    assert result.exit_code == 2 and f"Error: {said}\n" in result.output, result.output


def test_cli_help_explains_sending(config_path, tmp_path):
    out = run_cli(config_path, tmp_path / "m.db", "digest", "--help").output
    assert "--send" in out and "--force" in out and "MONITOR_SMTP_HOST" in out and "--outbox" in out


def test_a_crash_mid_send_is_visible_and_blocks_a_resend(smtp_server, archive, config_path, tmp_path):
    """A real ``monitor digest --send`` process is killed while the server holds its DATA."""
    server, port = smtp_server()
    server.hold = True
    env = {**os.environ, "MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(port), "MONITOR_SMTP_SECURITY": "none"}
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config_path), "--db", archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert server.got_data.wait(120), proc.communicate()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    server.release.set()
    with Store(archive.path) as store:
        row = store.digest(WEEK)
    assert row["status"] == "sending" and row["started_at"] and row["sent_at"] is None
    status = run_cli(config_path, archive.path, "status")
    assert "!! 2025-W34: a send began at " in status.output and "never finished" in status.output
    resend = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert resend.returncode == 1 and "never finished" in resend.stderr and "--force" in resend.stderr
    server.hold = False
    forced = subprocess.run([*cmd, "--force"], env=env, capture_output=True, text=True)
    assert forced.returncode == 0, forced.stderr
    assert f"digest {WEEK}: sent to 2 recipients" in forced.stdout
    with Store(archive.path) as store:
        assert store.digest(WEEK)["status"] == "sent"



def test_a_send_command_stopped_by_sigterm_while_waiting_to_try_again_leaves_a_failed_week(archive, config_path, tmp_path):
    env = {**os.environ, "MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(free_port()), "MONITOR_SMTP_SECURITY": "none"}
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config_path), "--db", archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in proc.stderr:  # the first attempt is refused; the command waits 10 s
            if "retrying in" in line:
                break
        proc.send_signal(signal.SIGTERM)
        proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1
    with Store(archive.path) as store:
        row = store.digest(WEEK)
    assert row["status"] == "failed" and row["error"].startswith("stopped while waiting to try again after 1 attempt: cannot connect to the mail server 127.0.0.1:"), row
    assert proc.stderr.read().strip().splitlines()[-1] == f"digest {WEEK}: not sent: {row['error']}; run the send again to send it"
    status = run_cli(config_path, archive.path, "status")
    assert f"`monitor digest --week {WEEK} --send` tries again" in status.output


def test_a_send_command_stopped_while_connecting_leaves_a_failed_week_not_one_in_doubt(smtp_server, archive, config_path, tmp_path):
    """SIGTERM (as Ctrl-C) while the mail server has not even greeted: nothing was handed
    over, so the week is failed, not 'may have reached the readers', and the command says so
    in one line instead of 'Aborted!'; the next --send goes out without --force."""
    listener, silent = silent_server()
    env = {**os.environ, "MONITOR_SMTP_HOST": "127.0.0.1", "MONITOR_SMTP_PORT": str(silent), "MONITOR_SMTP_SECURITY": "none", "MONITOR_SMTP_TIMEOUT": "300"}
    cmd = [sys.executable, "-m", "monitor.cli", "--config", str(config_path), "--db", archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send"]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        conn, _ = listener.accept()  # the command is connected, waiting for the greeting
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        listener.close()
    with Store(archive.path) as store:
        row = store.digest(WEEK)
    error = f"stopped while connecting to the mail server 127.0.0.1:{silent}, before the message was handed over"
    assert (row["status"], row["error"]) == ("failed", error)
    assert proc.returncode == 1 and err.strip().splitlines() == [f"digest {WEEK}: not sent: {error}; run the send again to send it"]
    server, port = smtp_server()
    again = subprocess.run(cmd, env={**env, "MONITOR_SMTP_PORT": str(port)}, capture_output=True, text=True)
    assert again.returncode == 0 and len(server.envelopes) == 1, again.stderr
    conn.close()


def test_a_manage_url_alone_is_the_list_unsubscribe_page(smtp_server, store, write_config):
    """With only `manage_url` set, the raw message still says where to unsubscribe (RFC 2369),
    pointing at that page, as the footer does; it claims no one-click unsubscription (RFC
    8058 needs a link that names the reader, and one message goes to every recipient). With
    neither set there is no such header: the footer asks readers to reply."""
    extra = f"digest:\n  sender: {SENDER}\n  recipients: [{RECIPIENTS[0]}]\n  manage_url: https://monitor.example.com/subscription\n"
    config = load_config(write_config(SOURCES_YAML, extra=extra))
    build_archive(store, config)
    server, port = smtp_server()
    assert send_digest(store, config, WEEK, smtp=plain(port)).status == "sent"
    raw = server.envelopes[0].content.decode("ascii")
    head = raw.split("\r\n\r\n", 1)[0]
    assert "\r\nList-Unsubscribe: <https://monitor.example.com/subscription>\r\n" in head
    assert "List-Unsubscribe-Post" not in head
    bare = load_config(write_config(SOURCES_YAML, extra=f"digest:\n  sender: {SENDER}\n  recipients: [{RECIPIENTS[0]}]\n"))
    assert send_digest(store, bare, "2025-W35", smtp=plain(port), force=True).status == "sent"
    assert "List-Unsubscribe" not in server.envelopes[1].content.decode("ascii").split("\r\n\r\n", 1)[0]


# --------------------------------------------------------------------------- to one address


def smtp_env(monkeypatch, port: int) -> None:
    for name, value in {"HOST": "127.0.0.1", "PORT": str(port), "SECURITY": "none"}.items():
        monkeypatch.setenv(f"MONITOR_SMTP_{name}", value)


def test_a_test_send_to_the_editor_goes_to_them_alone_and_the_real_send_follows(smtp_server, archive, config_path, tmp_path, monkeypatch):
    """Before the week's send, `--send --to` is a test: to that address only, marked as one,
    with a Message-ID of its own (a mail program that drops a message whose Message-ID it has
    seen would otherwise hide the real one), and the week stays to be sent to everyone."""
    server, port = smtp_server()
    smtp_env(monkeypatch, port)
    out = str(tmp_path / "out")
    test = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", out, "--send", "--to", "me@example.org")
    assert test.exit_code == 0, test.output
    assert f"digest {WEEK}: a test copy sent to me@example.org only" in test.output and "still to be sent" in test.output
    [envelope] = server.envelopes
    assert envelope.rcpt_tos == ["me@example.org"]
    msg = server.message()
    assert msg["Subject"].startswith("[test] ") and msg["Message-ID"] != MESSAGE_ID
    assert archive.digest(WEEK) is None  # nothing claimed, nothing carried
    real = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", out, "--send")
    assert real.exit_code == 0, real.output
    assert server.envelopes[1].rcpt_tos == list(RECIPIENTS) and server.message(1)["Message-ID"] == MESSAGE_ID
    assert not server.message(1)["Subject"].startswith("[test]")


def test_a_reader_refused_or_new_after_the_send_gets_it_alone(smtp_server, archive, config_path, tmp_path, monkeypatch):
    """The server refused one reader; once that is fixed, or for a reader who joined after
    the send, `--send --to` gives them the message the others got, and the others nothing
    more (`--force` was the only way, and sent everyone a second copy)."""
    server, port = smtp_server()
    server.refuse = {"editor@example.org"}
    smtp_env(monkeypatch, port)
    out = str(tmp_path / "out")
    first = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", out, "--send")
    assert first.exit_code == 0 and "refused by the server: editor@example.org" in first.output
    server.refuse = set()
    again = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", out, "--send", "--to", "editor@example.org", "--to", "new@example.com")
    assert again.exit_code == 0, again.output
    assert f"digest {WEEK}: sent to editor@example.org, new@example.com only, Message-ID {MESSAGE_ID}" in again.output
    assert [e.rcpt_tos for e in server.envelopes] == [["reader@example.com"], ["editor@example.org", "new@example.com"]]
    assert server.message(1)["Subject"] == server.message(0)["Subject"]
    row = archive.digest(WEEK)
    assert row["status"] == "sent" and json.loads(row["recipients"]) == list(RECIPIENTS)  # the week's send as it was


def test_a_copy_needs_smtp_and_an_address(archive, config_path, tmp_path, monkeypatch):
    out = str(tmp_path / "out")
    r = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", out, "--to", "me@example.org")
    assert r.exit_code == 2 and "--to only applies with --send" in r.output
    r = run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", out, "--send", "--force", "--to", "me@example.org")
    assert r.exit_code == 2 and "--force does not apply" in r.output
    with pytest.raises(MailError, match="MONITOR_SMTP_HOST is not set"):
        send_copy(archive, load_config(config_path), WEEK, ("me@example.org",))
    with pytest.raises(MailError, match="not an email address: 'me'"):
        send_copy(archive, load_config(config_path), WEEK, ("me",), smtp=plain(25))
    assert archive.digest(WEEK) is None and not (tmp_path / "outbox").exists()


def test_status_names_the_readers_the_last_digest_did_not_reach(smtp_server, archive, config_path, tmp_path, monkeypatch):
    """The send's own line named a refused reader once; a look at `monitor status` later
    (the daemon sent it, or the line scrolled away) must too, with the way to reach them."""
    server, port = smtp_server()
    server.refuse = {"editor@example.org"}
    smtp_env(monkeypatch, port)
    assert run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send").exit_code == 0
    status = run_cli(config_path, archive.path, "status").output
    assert f"  ok {WEEK}: sent " in status
    assert (
        f"  !! {WEEK}: refused by the server: editor@example.org of 2 recipients; once the address is right, "
        f"`monitor digest --week {WEEK} --send --to editor@example.org` sends it to that reader alone"
    ) in status
    # sent to them alone, they are no longer said to be missing it, and the send stands
    server.refuse = set()
    assert run_cli(config_path, archive.path, "digest", "--week", WEEK, "--out", str(tmp_path / "out"), "--send", "--to", "editor@example.org").exit_code == 0
    status = run_cli(config_path, archive.path, "status").output
    assert f"  ok {WEEK}: sent " in status and "refused by the server" not in status
    assert json.loads(archive.digest(WEEK)["refused"]) == [] and len(server.envelopes) == 2

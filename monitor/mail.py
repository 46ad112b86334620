"""The weekly digest as an email, sent exactly once per week.

:func:`build_message` makes a ``multipart/alternative`` message (plain text, then HTML) with
a deterministic Message-ID per week and list, so that a message sent twice is recognisable.
:func:`send_digest` sends it over SMTP, or, when ``MONITOR_SMTP_HOST`` is not set, writes it
as an ``.eml`` file to the outbox. It is what ``monitor digest --send`` and the daemon call.

Exactly once: before the SMTP transaction the week's row in ``digests`` becomes
``sending`` (in one immediate transaction, so two senders cannot both claim the week), and
``sent`` after the server accepted the message; the claim records the items the digest
carries (``digest_items``), so that each relevant item reaches one digest, late ones the next
sent (see :mod:`monitor.digest`). A week that is ``sent``, or still
``sending`` (the process died mid-send, or the connection was lost after the message was
handed over, so it may have been delivered), is refused unless ``force`` is given. A send
that failed for certain (connection refused, message rejected) is ``failed`` and may be
retried. Transient failures (a connection that cannot be made, a 4xx reply) are retried
within one send, with delays; the recipients never see more than one copy of the message.
"""

from __future__ import annotations

import json
import logging
import os
import re
import smtplib
import socket
import ssl
import time
from base64 import b64encode
from dataclasses import dataclass
from datetime import datetime, timezone, tzinfo
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime
from pathlib import Path
from typing import Callable, Mapping

from .config import Config
from .digest import Digest, build_digest, fit_html, one_line, render_text
from .errors import MonitorError, os_reason
from .files import write_atomically
from .store import Store, utcnow
from .text import counted
from .weeks import local_time, week_bounds

log = logging.getLogger("monitor.mail")

SECURITY = ("starttls", "ssl", "none")
DEFAULT_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
SUBJECT_TOP_STORY_CHARS = 90

#: What a send can come to; the first two mean the message went out.
STATUSES = ("sent", "written", "already_sent", "in_doubt", "not_ended", "failed", "uncertain")


class MailError(MonitorError):
    """Bad SMTP settings or nobody to send to: reported before anything is sent."""


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send; read from ``MONITOR_SMTP_*`` environment variables."""

    host: str
    port: int
    security: str = "starttls"  # starttls, ssl or none (a local relay)
    user: str | None = None
    password: str | None = None
    timeout: float = 30.0  # seconds for each network operation
    attempts: int = 3  # connections tried before a transient failure is final
    retry_delays: tuple[float, ...] = (10.0, 60.0)  # seconds before the 2nd, 3rd... attempt
    cafile: str | None = None  # extra CA certificates (PEM), for a relay with a private CA

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> "SmtpSettings | None":
        """The settings in ``env`` (default ``os.environ``); ``None`` without ``MONITOR_SMTP_HOST``."""
        env = os.environ if env is None else env
        host = env.get("MONITOR_SMTP_HOST", "").strip()
        if not host:
            return None
        security = env.get("MONITOR_SMTP_SECURITY", "starttls").strip().lower() or "starttls"
        if security not in SECURITY:
            raise MailError(f"MONITOR_SMTP_SECURITY must be one of {', '.join(SECURITY)}; got {security!r}")
        user = env.get("MONITOR_SMTP_USER") or None
        password = env.get("MONITOR_SMTP_PASSWORD") or None
        if bool(user) != bool(password):
            raise MailError("set both MONITOR_SMTP_USER and MONITOR_SMTP_PASSWORD, or neither")
        cafile = env.get("MONITOR_SMTP_CAFILE") or None
        if cafile and not Path(cafile).is_file():
            raise MailError(f"MONITOR_SMTP_CAFILE: no such file: {cafile}")
        return cls(
            host=host,
            port=_number(env, "MONITOR_SMTP_PORT", int, DEFAULT_PORTS[security], 1, 65535),
            security=security,
            user=user,
            password=password,
            timeout=_number(env, "MONITOR_SMTP_TIMEOUT", float, cls.timeout, 0.1, 600),
            cafile=cafile,
        )


def _number(env: Mapping[str, str], name: str, kind: type, default: float, low: float, high: float):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise MailError(f"{name} must be a number; got {raw!r}") from None
    if not low <= value <= high:
        raise MailError(f"{name} must be between {low:g} and {high:g}; got {raw}")
    return value


# --------------------------------------------------------------------------- the message


def message_id(week: str, config: Config) -> str:
    """``<digest-2025-W34.weekly.monitor.local@example.com>``: the same for every send of a week."""
    domain = _atom(config.digest.sender.rpartition("@")[2]) or "monitor"
    return f"<digest-{week}.{_atom(config.digest.list_id) or 'digest'}@{domain}>"


def _atom(text: str) -> str:
    """``text`` reduced to letters, digits, dots and hyphens, safe inside a Message-ID or List-Id."""
    return re.sub(r"\.{2,}", ".", re.sub(r"[^A-Za-z0-9.-]", "", text)).strip(".")


def subject(digest: Digest, config: Config) -> str:
    """The configured subject with the week and the top story, on one line."""
    top = digest.top[0].title if digest.top else "no new stories"
    if len(top) > SUBJECT_TOP_STORY_CHARS:
        top = top[: SUBJECT_TOP_STORY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return one_line(config.digest.subject.format(week=digest.week, top_story=top, title=digest.title, stories=digest.story_count))


def build_message(digest: Digest, config: Config, html: str, text: str, *, now: datetime | None = None) -> EmailMessage:
    """The digest as ``multipart/alternative``: the plain text first, the HTML preferred.

    Recipients go in the envelope only; the To header names the list's own address, so
    readers do not see each other. Every header value is one line: a title or story with a
    line break cannot add a header.
    """
    settings = config.digest
    title = one_line(settings.title)
    msg = EmailMessage()
    msg["Subject"] = subject(digest, config)
    msg["From"] = Address(display_name=title, addr_spec=settings.sender)
    msg["To"] = Address(display_name=title, addr_spec=settings.sender)
    msg["Date"] = format_datetime(now or datetime.now(timezone.utc))
    msg["Message-ID"] = message_id(digest.week, config)
    msg["List-Id"] = f"{title} <{_atom(settings.list_id) or 'digest'}>"
    # RFC 2369: where to unsubscribe, by mail or on a web page; without a list_unsubscribe,
    # the page where readers manage their subscription is that page. No List-Unsubscribe-Post
    # (RFC 8058's one click): it needs an address that names the reader, and the one message
    # goes to every recipient.
    unsubscribe = digest.unsubscribe or ((digest.manage_url,) if digest.manage_url else ())
    if unsubscribe:
        msg["List-Unsubscribe"] = ", ".join(f"<{target}>" for target in unsubscribe)
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg


class _Policy(EmailPolicy):
    """The standard policies, except that a Subject with letters beyond ASCII (an Urdu story,
    an Urdu title), and a From, To or List-Id whose name is such a title, are written as
    encoded words that carry their own spaces.

    The standard folding can leave the space between two words outside the encoded words,
    where RFC 2047 tells mail programs to drop it, so that readers would see two words run
    together ("فیصد اضافہ" as "فیصداضافہ", "آئی ٹی" as "آئیٹی" in the sender's name).
    """

    def fold(self, name: str, value: str) -> str:
        return _fold_encoded(name, value, self) or super().fold(name, value)

    def fold_binary(self, name: str, value: str) -> bytes:
        folded = _fold_encoded(name, value, self)
        return folded.encode("ascii") if folded else super().fold_binary(name, value)


SMTP_POLICY = _Policy() + policy.SMTP
FILE_POLICY = _Policy() + policy.default
ENCODED_WORD_BYTES = 45  # of UTF-8 per encoded word: 60 base64 characters, 72 with the markers


def _fold_encoded(name: str, value: str, pol: EmailPolicy) -> str | None:
    """``Subject: =?utf-8?b?...?=`` on as many lines as needed, each word whole characters
    (spaces included, so none is lost); for From and To the display name so, then the
    address, and for List-Id the list's name, then its id. ``None`` for an ASCII value or
    another header, which the standard folding writes."""
    key = name.lower()
    if key not in ("subject", "from", "to", "list-id") or str(value).isascii():
        return None
    tail = ""
    if key in ("from", "to"):
        addresses = getattr(value, "addresses", ())
        if len(addresses) != 1 or not addresses[0].display_name:
            return None
        text, tail = addresses[0].display_name, f"<{addresses[0].addr_spec}>"
    elif key == "list-id":
        text, sep, rest = str(value).rpartition(" <")
        if not sep:
            return None
        tail = f"<{rest}"
    else:
        text = str(value)
    if not tail.isascii():
        return None
    # the first line holds the name too, and no line goes past 78 characters
    first = min(ENCODED_WORD_BYTES, (78 - len(name) - 2 - len("=?utf-8?b??=")) // 4 * 3)
    words, chunk = [], ""
    for char in one_line(text):
        if chunk and len((chunk + char).encode("utf-8")) > (ENCODED_WORD_BYTES if words else first):
            # cut after the last space that fits, so that a mail program that keeps the space
            # between encoded words (as some do in a sender's name) splits no word in two
            cut = chunk.rfind(" ", 1) + 1 or len(chunk)
            words.append(chunk[:cut])
            chunk = chunk[cut:]
        chunk += char
    if chunk:
        words.append(chunk)
    lines = [f"=?utf-8?b?{b64encode(w.encode('utf-8')).decode('ascii')}?=" for w in words]
    if tail:  # after the last word on its line when it fits, else on a line of its own
        if len(lines[-1]) + 1 + len(tail) + (len(name) + 2 if len(lines) == 1 else 1) <= 78:
            lines[-1] += f" {tail}"
        else:
            lines.append(tail)
    return f"{name}: " + f"{pol.linesep} ".join(lines) + pol.linesep


# --------------------------------------------------------------------------- the result


@dataclass(frozen=True)
class SendResult:
    """What :func:`send_digest` did; ``status`` is one of :data:`STATUSES`."""

    week: str
    status: str
    message_id: str
    transport: str | None = None  # smtp or outbox; None when the send was refused
    recipients: tuple[str, ...] = ()
    refused: tuple[str, ...] = ()  # recipients the server would not take
    refusals: tuple[str, ...] = ()  # the server's reply to each of them ("550 5.1.1 No such user")
    path: Path | None = None  # the .eml file, for the outbox
    error: str | None = None
    attempts: int = 0  # SMTP connections made or tried
    since: str | None = None  # for a refusal: when the earlier send was made or began; for a copy, when the week's digest was sent
    ends: str | None = None  # for a week that has not ended: when it ends, local time
    permanent: bool = False  # a failure that sending again unchanged would meet again
    copy: str | None = None  # for send_copy(): "test" before the week's digest went out, "resend" after

    @property
    def delivered(self) -> bool:
        """Whether this call handed the message over (to the SMTP server or the outbox)."""
        return self.status in ("sent", "written")

    def line(self) -> str:
        """One line for people, naming what to do next when something is wrong."""
        head = f"digest {self.week}"
        why = self.refusals if len(self.refusals) == len(self.refused) else ("",) * len(self.refused)
        refused = f"; refused by the server: {', '.join(f'{r} ({w})' if w else r for r, w in zip(self.refused, why))}" if self.refused else ""
        if self.copy and self.status == "sent":
            took = [r for r in self.recipients if r not in self.refused]
            if self.copy == "test":
                return (
                    f"{head}: a test copy sent to {', '.join(took)} only, Message-ID {self.message_id}{refused}; "
                    "the week's digest is still to be sent to digest.recipients"
                )
            return f"{head}: sent to {', '.join(took)} only, Message-ID {self.message_id}{refused} (the week's digest went to its readers at {self.since})"
        if self.status == "sent":
            took = len(self.recipients) - len(self.refused)
            return f"{head}: sent to {counted(took, 'recipient')}, Message-ID {self.message_id}{refused}"
        if self.status == "written":
            return f"{head}: written to {self.path} (MONITOR_SMTP_HOST is not set)"
        if self.status == "already_sent":
            return f"{head}: already sent at {self.since} (Message-ID {self.message_id}); use --force to send it again"
        if self.status == "in_doubt" and not self.since:  # marked so by a restore: no send began here
            return f"{head}: not sent: whether it went out before the archive was restored is not known (see `monitor status`); use --force to send it"
        if self.status == "in_doubt":
            return f"{head}: {IN_DOUBT.format(since=self.since)}"
        if self.status == "not_ended":
            return (
                f"{head}: not sent: the week has not ended yet (it ends {self.ends}); a week's digest goes out once, "
                "so sent now it would stand for the whole week: leave out --send to preview it, or use --force to send it anyway"
            )
        if self.status == "uncertain":
            return f"{head}: {self.error}; it is marked as sending: check the mail server's log, then use --force to send it again if it did not arrive"
        tries = f" after {counted(self.attempts, 'attempt')}" if self.attempts else ""
        if self.permanent:  # the error says so, and what to check: a plain retry would meet it again
            return f"{head}: not sent{tries}: {self.error}: fix that first, then run the send again"
        return f"{head}: not sent{tries}: {self.error}; run the send again to retry"


#: Said of a failure that is no passing one (a 5xx refusal, a setting that does not fit the
#: server); it ends the error stored for the week, so ``monitor status`` says it too.
PERMANENT = "sending again as it is will fail the same way"


#: What to do about a week whose digest may have gone out without the archive knowing.
UNKNOWN_ADVICE = "ask a reader or check the mail server's log; if it did not go out, `monitor digest --week {week} --send --force` sends it"

IN_DOUBT = (
    "a send began at {since} and never finished (the process stopped, or the connection was lost "
    "after the message was handed over), so it may have reached the readers: check the mail "
    "server's log, then use --force to send it again"
)


# --------------------------------------------------------------------------- sending


class _Failed(Exception):
    """A send that did not deliver; ``transient`` ones are worth another attempt, and an
    ``uncertain`` one may have been delivered."""

    def __init__(self, message: str, *, transient: bool = False, uncertain: bool = False):
        super().__init__(message)
        self.transient = transient
        self.uncertain = uncertain
        self.attempts = 0  # set by _transmit()


class _Stopped(Exception):
    """Ctrl-C or SIGTERM (``stop``) before the message was handed over: during the pause
    before another attempt, or while connecting, securing, logging in or giving the
    envelope; nothing went out."""

    def __init__(self, stop: BaseException, message: str, attempts: int):
        super().__init__(message)
        self.stop = stop
        self.attempts = attempts


def send_digest(
    store: Store,
    config: Config,
    week: str,
    *,
    force: bool = False,
    smtp: SmtpSettings | None = None,
    outbox: str | Path | None = None,
    sleep: Callable[[float], None] = time.sleep,
    now: datetime | None = None,
) -> SendResult:
    """Send the digest of ``week`` once; calling it again for a sent week changes nothing.

    ``smtp`` defaults to :meth:`SmtpSettings.from_env`; without SMTP the message is written
    to ``outbox`` (default: ``outbox/`` next to the database). A week that has not ended by
    ``now`` is refused (``not_ended``): once sent, its digest would stand for the whole week.
    ``force`` sends it anyway, and sends a week that was sent, or whose send never finished,
    again (same Message-ID).
    """
    _, ends = week_bounds(week, config.tz)
    sent = store.digest(week)
    if not force and (now or datetime.now(timezone.utc)) < ends and not (sent and sent.get("status") in ("sent", "sending")):
        # (a week already sent, with --force before its end, is "already sent" below, never
        # "not ended", whose advice to use --force would send it twice)
        result = SendResult(week, "not_ended", message_id(week, config), ends=ends.strftime("%a %Y-%m-%d %H:%M %Z"))
        log.info("%s", result.line())
        return result
    smtp = smtp or SmtpSettings.from_env()
    recipients = tuple(config.digest.recipients)
    if smtp and not recipients:
        raise MailError(f"{config.path}: digest.recipients is empty: nobody to send the digest to")
    # What the digest carries is decided and claimed in one transaction: a poll storing items
    # meanwhile, or another sender, cannot make an item miss this digest or reach two.
    with store.transaction():
        digest = build_digest(store, config, week, now=now)
        html = fit_html(digest)
        msg = build_message(digest, config, html, render_text(digest))
        mid = msg["Message-ID"]
        blocked = store.claim_digest(
            week,
            force=force,
            carried=digest.carried,
            told=[c.id for c in digest.corrections if not c.withdrawn],
            withdrawn=[c.id for c in digest.corrections if c.withdrawn],
            message_id=mid,
            list_id=config.digest.list_id,
            subject=msg["Subject"],
            transport="smtp" if smtp else "outbox",
            recipients=json.dumps(list(recipients)),
            stories=digest.story_count,
            html_bytes=len(html.encode("utf-8")),
        )
    if blocked:
        status = "already_sent" if blocked["status"] == "sent" else "in_doubt"
        result = SendResult(week, status, blocked.get("message_id") or mid, since=local_time(blocked.get("sent_at") or blocked.get("started_at"), config.tz))
        log.info("%s", result.line())
        return result
    try:
        result = _deliver(msg, week, recipients, smtp, _outbox_dir(store, outbox), sleep)
    except _Stopped as e:  # nothing was handed over: the week failed, and the stop goes on
        _record(store, SendResult(week, "failed", mid, "smtp", recipients, error=str(e), attempts=e.attempts))
        raise e.stop from None
    except KeyboardInterrupt:  # stopped while the message was handed over: the week stays 'sending' (in doubt)
        store.set_digest(week, error="stopped while the message was being handed over to the mail server, so it may have been delivered")
        raise
    except Exception as e:  # a bug or an unexpected error: the week stays 'sending' (in doubt)
        store.set_digest(week, error=f"{type(e).__name__}: {e}")
        raise
    _record(store, result)
    # logged for -v only: the caller says what happened (the command prints this line, the
    # daemon records the run and logs a send that did not deliver)
    log.info("%s", result.line())
    return result


def send_copy(
    store: Store,
    config: Config,
    week: str,
    to: tuple[str, ...],
    *,
    smtp: SmtpSettings | None = None,
    sleep: Callable[[float], None] = time.sleep,
    now: datetime | None = None,
) -> SendResult:
    """Send the digest of ``week`` to ``to`` only, over SMTP, leaving the week's own send as
    it is: nothing is claimed or recorded, so the digest still goes to ``digest.recipients``
    once (or, sent already, is not sent to them again); only a reader the week's send was
    refused for, whom this copy reached, is no longer recorded as refused.

    Before the week's digest went out this is a test: the subject starts with ``[test]`` and
    the Message-ID is one of its own, so that a mail program that drops a second message
    with a Message-ID it has seen (Gmail does) still shows the real one when it comes. After,
    it is the week's digest with the Message-ID the readers got, for a reader who joined since
    or whom the server refused then, built again from the archive as it is now (an item stored
    or judged again since the send shows as it is now).
    """
    smtp = smtp or SmtpSettings.from_env()
    if smtp is None:
        raise MailError("--to sends the digest over SMTP and MONITOR_SMTP_HOST is not set; to read it without sending it, open the .html or .txt `monitor digest` writes")
    for address in to:
        if re.fullmatch(r"[^@\s<>,]+@[^@\s<>,]+", address) is None:
            raise MailError(f"--to: not an email address: {address!r}")
    to = tuple(dict.fromkeys(to))
    row = store.digest(week) or {}
    sent = row.get("status") == "sent"
    digest = build_digest(store, config, week, now=now)
    msg = build_message(digest, config, fit_html(digest), render_text(digest), now=now)
    if not sent:
        stamp = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        msg.replace_header("Subject", f"[test] {msg['Subject']}")
        msg.replace_header("Message-ID", message_id(week, config).replace(f"<digest-{week}.", f"<digest-{week}.test-{stamp}.", 1))
    mid = msg["Message-ID"]
    copy = "resend" if sent else "test"
    since = local_time(row.get("sent_at"), config.tz) if sent else None
    try:
        refused, attempts = _transmit(msg, smtp, to, sleep=sleep, label=f"digest {week} to {', '.join(to)}")
    except _Failed as e:
        error = str(e) if e.transient or e.uncertain else f"{e}; {PERMANENT}"
        return SendResult(week, "failed", mid, "smtp", to, error=error, attempts=e.attempts, permanent=not (e.transient or e.uncertain), copy=copy)
    except _Stopped as e:
        raise e.stop from None
    result = SendResult(week, "sent", mid, "smtp", to, refused=tuple(refused), refusals=tuple(refused.values()), attempts=attempts, since=since, copy=copy)
    reached = set(to) - set(refused)
    if sent and reached & set(_addresses(row.get("refused"))):  # readers it had missed have it now
        store.set_digest(week, refused=json.dumps([r for r in _addresses(row.get("refused")) if r not in reached]))
    log.info("%s", result.line())
    return result


def _outbox_dir(store: Store, outbox: str | Path | None) -> Path:
    return Path(outbox) if outbox else Path(store.path).resolve().parent / "outbox"


def _deliver(msg: EmailMessage, week: str, recipients: tuple[str, ...], smtp: SmtpSettings | None, outbox: Path, sleep: Callable[[float], None]) -> SendResult:
    mid = msg["Message-ID"]
    if smtp is None:
        try:
            path = write_eml(msg, outbox / f"digest-{week}.eml")
        except OSError as e:
            return SendResult(week, "failed", mid, "outbox", recipients, error=f"cannot write to the outbox {outbox}: {os_reason(e)}")
        return SendResult(week, "written", mid, "outbox", recipients, path=path)
    try:
        refused, attempts = _transmit(msg, smtp, recipients, sleep=sleep, label=f"digest {week}")
    except _Failed as e:
        if e.uncertain:
            return SendResult(week, "uncertain", mid, "smtp", recipients, error=str(e), attempts=e.attempts)
        if e.transient:
            return SendResult(week, "failed", mid, "smtp", recipients, error=str(e), attempts=e.attempts)
        return SendResult(week, "failed", mid, "smtp", recipients, error=f"{e}; {PERMANENT}", attempts=e.attempts, permanent=True)
    return SendResult(week, "sent", mid, "smtp", recipients, refused=tuple(refused), refusals=tuple(refused.values()), attempts=attempts)


def _record(store: Store, result: SendResult) -> None:
    if result.delivered:
        store.set_digest(result.week, status="sent", sent_at=utcnow(), refused=json.dumps(list(result.refused)), eml_path=str(result.path) if result.path else None, error=None)
    elif result.status == "failed":
        with store.transaction():
            store.set_digest(result.week, status="failed", error=result.error)
            store.forget_carried(result.week)  # nothing went out: its items wait for the next send
    else:  # uncertain: stays 'sending', with the reason
        store.set_digest(result.week, error=result.error)


def write_eml(msg: EmailMessage, path: Path) -> Path:
    """Write ``msg`` to ``path`` atomically (a reader never sees half a file, and a write
    that fails leaves nothing behind)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_atomically(path, msg.as_bytes(policy=FILE_POLICY))


def _transmit(msg: EmailMessage, smtp: SmtpSettings, recipients: tuple[str, ...], *, sleep: Callable[[float], None] = time.sleep, label: str = "digest") -> tuple[dict[str, str], int]:
    """Hand ``msg`` to the SMTP server; return the refused recipients (with the server's
    reply to each) and the attempts made.

    Raises :class:`_Failed` (with ``attempts`` set) when it could not be delivered.
    """
    payload = msg.as_bytes(policy=SMTP_POLICY)
    sender = msg["From"].addresses[0].addr_spec
    for attempt in range(1, smtp.attempts + 1):
        try:
            refused = _transaction(smtp, sender, recipients, payload)
        except _Stopped as e:
            e.attempts = attempt
            raise
        except _Failed as e:
            e.attempts = attempt
            if not e.transient or attempt == smtp.attempts:
                raise
            try:  # a failed attempt left nothing in doubt, from its log line to the next attempt
                delay = smtp.retry_delays[min(attempt, len(smtp.retry_delays)) - 1] if smtp.retry_delays else 0.0
                log.warning("%s: attempt %d of %d failed: %s; retrying in %gs", label, attempt, smtp.attempts, e, delay)
                sleep(delay)
            except KeyboardInterrupt as stop:
                raise _Stopped(stop, f"stopped while waiting to try again after {counted(attempt, 'attempt')}: {e}", attempt) from None
        else:
            return _deliver_deferred(smtp, sender, payload, refused, attempt, sleep=sleep, label=label)
    raise AssertionError("unreachable")  # pragma: no cover


def _deliver_deferred(smtp: SmtpSettings, sender: str, payload: bytes, refused: dict[str, str], attempts: int, *, sleep: Callable[[float], None], label: str) -> tuple[dict[str, str], int]:
    """Give the message to the recipients the server deferred with a 4xx reply in further
    transactions; return the recipients still refused and the attempts made in all.

    A 452 for too many recipients means "the others in another message" (RFC 5321), so the
    next transaction follows at once while each one takes some of them; greylisting or a
    full mailbox means "later", so they are tried again after the retry delays, as many
    times as a failed send is. The message has reached the others, so whatever goes wrong
    here (or a stop) leaves these recipients refused, with the server's last reply to each,
    and never fails the send.
    """
    waits = [smtp.retry_delays[min(i, len(smtp.retry_delays)) - 1] if smtp.retry_delays else 0.0 for i in range(1, smtp.attempts)]
    while deferred := tuple(r for r, reply in refused.items() if reply.startswith("4")):
        try:
            again = _transaction(smtp, sender, deferred, payload, all_refused=True)
        except _Failed as e:
            again, failure = None, e
        except (_Stopped, KeyboardInterrupt):
            break
        attempts += 1
        if again is not None:
            refused = {r: reply for r, reply in refused.items() if r not in deferred} | again
            if len(again) < len(deferred):
                continue  # some were taken: the others at once, in another message
        elif not failure.transient:
            break
        if not waits:
            break
        delay = waits.pop(0)
        log.warning("%s: the mail server deferred %s (%s); trying again in %gs", label, counted(len(deferred), "recipient"), refused[deferred[0]] if again is not None else failure, delay)
        try:
            sleep(delay)
        except KeyboardInterrupt:
            break
    return refused, attempts


def _transaction(smtp: SmtpSettings, sender: str, recipients: tuple[str, ...], payload: bytes, *, all_refused: bool = False) -> dict[str, str]:
    """One SMTP session: connect, secure, log in, MAIL, RCPT, DATA. Errors become :class:`_Failed`;
    with ``all_refused``, every recipient refused is returned as such, not raised."""
    phase = ["connect"]  # the step under way, for the error line: connect, tls, login, envelope, data
    conn: smtplib.SMTP | None = None
    try:
        conn = _connect(smtp, phase)
        phase.append("envelope")
        code, reply = conn.mail(sender)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        refused = {}
        for rcpt in recipients:
            code, reply = conn.rcpt(rcpt)
            if code not in (250, 251):
                refused[rcpt] = (code, reply)
        if len(refused) == len(recipients):
            if all_refused:
                return {rcpt: f"{code} {_text(reply)}" for rcpt, (code, reply) in refused.items()}
            raise smtplib.SMTPRecipientsRefused(refused)
        phase.append("data")
        code, reply = conn.data(payload)
        if code != 250:
            raise smtplib.SMTPDataError(code, reply)
        phase.append("done")
        return {rcpt: f"{code} {_text(reply)}" for rcpt, (code, reply) in refused.items()}  # said once, in the result's line
    except OSError as e:  # smtplib's and ssl's errors are OSErrors too
        raise _classify(e, phase[-1], smtp) from e
    except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM: before DATA, nothing was handed over
        if phase[-1] in ("data", "done"):
            raise
        raise _Stopped(stop, f"stopped {_DOING[phase[-1]]} the mail server {smtp.host}:{smtp.port}, before the message was handed over", 0) from None
    finally:
        if conn is not None:
            _quit(conn)


def _connect(smtp: SmtpSettings, phase: list[str]) -> smtplib.SMTP:
    context = ssl.create_default_context(cafile=smtp.cafile)
    if smtp.security == "ssl":
        conn: smtplib.SMTP = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout, context=context)
    else:
        conn = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout)
    try:
        conn.ehlo()
        if smtp.security == "starttls":
            phase.append("tls")
            conn.starttls(context=context)
            conn.ehlo()
        if smtp.user:
            phase.append("login")
            conn.login(smtp.user, smtp.password or "")
    except BaseException:
        conn.close()
        raise
    return conn


def _quit(conn: smtplib.SMTP) -> None:
    """Say goodbye; the message is already accepted or refused, so errors here do not matter."""
    try:
        conn.quit()
    except (smtplib.SMTPException, OSError):
        conn.close()


#: What the monitor was doing at each step before DATA, for the line of a send stopped there.
_DOING = {"connect": "while connecting to", "tls": "while setting up TLS with", "login": "while logging in to", "envelope": "while giving the sender and recipients to"}

#: What to check when the server refuses a step for good (a 5xx reply), for the error line.
_CHECK = {
    "connect": "check MONITOR_SMTP_HOST and MONITOR_SMTP_PORT: the server there will not take mail from this machine",
    "tls": "check MONITOR_SMTP_SECURITY",
    "login": "check MONITOR_SMTP_USER and MONITOR_SMTP_PASSWORD",
    "envelope": "check digest.sender: the server may not let this login send as it",
    "data": "the server will not take this message as it is: its reply and its log say why, such as a sender it does not accept or content it takes for spam",
}

#: What the server was asked at each step, for the error line.
_ASKED = {"connect": "greeting", "tls": "TLS", "login": "login", "envelope": "sender or recipients", "data": "message"}


def _classify(e: OSError, phase: str, smtp: SmtpSettings) -> _Failed:
    """Whether an SMTP error is worth another attempt, or may have delivered the message; its
    line names the server and says what went wrong in words, with the setting to check."""
    server = f"the mail server {smtp.host}:{smtp.port}"
    if isinstance(e, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in e.recipients.values()]
        replies = "; ".join(f"{r}: {code} {_text(reply)}" for r, (code, reply) in e.recipients.items())
        transient = all(400 <= c < 500 for c in codes)
        return _Failed(f"{server} refused every recipient: {replies}" + ("" if transient else " (check digest.recipients)"), transient=transient)
    if isinstance(e, smtplib.SMTPAuthenticationError):
        return _Failed(f"{server} refused the login as {smtp.user}: {e.smtp_code} {_text(e.smtp_error)} (check MONITOR_SMTP_USER and MONITOR_SMTP_PASSWORD)", transient=400 <= e.smtp_code < 500)
    if isinstance(e, smtplib.SMTPResponseException):
        transient = 400 <= e.smtp_code < 500
        check = "" if transient else f" ({_CHECK[phase]})" if phase in _CHECK else ""
        return _Failed(f"{server} refused the {_ASKED.get(phase, phase)}: {e.smtp_code} {_text(e.smtp_error)}{check}", transient=transient)
    if isinstance(e, smtplib.SMTPNotSupportedError):
        if phase == "login":
            return _Failed(f"{server} offers no login (check MONITOR_SMTP_SECURITY: many servers offer it only after starttls; or leave out MONITOR_SMTP_USER for a relay that needs none)")
        return _Failed(f"{server} does not offer STARTTLS (check MONITOR_SMTP_SECURITY: ssl for a port that speaks TLS at once, such as 465, none for a local relay)")
    if isinstance(e, ssl.SSLCertVerificationError):
        return _Failed(f"{server}: its TLS certificate is not trusted: {e.verify_message} (CERTIFICATE_VERIFY_FAILED; set MONITOR_SMTP_CAFILE for a relay with a private CA)")
    if isinstance(e, ssl.SSLError):
        if e.reason == "WRONG_VERSION_NUMBER":
            return _Failed(f"{server} does not speak TLS there (WRONG_VERSION_NUMBER): check MONITOR_SMTP_SECURITY and MONITOR_SMTP_PORT (ssl is usually port 465, starttls 587)")
        return _Failed(f"{server}: TLS failed: {e.reason or e} (check MONITOR_SMTP_SECURITY, MONITOR_SMTP_PORT and MONITOR_SMTP_CAFILE)")
    if phase == "data":
        return _Failed(f"the connection to {server} was lost after the message was handed over ({_oserror(e, smtp)}), so it may have been delivered", uncertain=True)
    if isinstance(e, socket.gaierror):
        return _Failed(f"cannot find {server}: {e.strerror or e} (check MONITOR_SMTP_HOST)", transient=True)
    return _Failed(f"{server}: {_oserror(e, smtp)} at the {_ASKED.get(phase, phase)}" if phase != "connect" else f"cannot connect to {server}: {_oserror(e, smtp)}", transient=True)


def _oserror(e: OSError, smtp: SmtpSettings) -> str:
    """A network error in words: 'connection refused', 'no answer within 30s'."""
    if isinstance(e, TimeoutError) or "timed out" in str(e):
        return f"no answer within {smtp.timeout:g}s (MONITOR_SMTP_TIMEOUT)"
    if isinstance(e, smtplib.SMTPServerDisconnected):
        return "the server closed the connection"
    if e.strerror:
        return e.strerror[:1].lower() + e.strerror[1:]
    return str(e) or type(e).__name__


def _text(reply: bytes | str) -> str:
    return one_line(reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply))


# --------------------------------------------------------------------------- status


def digest_status_lines(store: Store, tz: tzinfo = timezone.utc) -> list[str]:
    """For ``monitor status``: the last digest (and the readers the server refused it to),
    and every week whose send needs a look, its times in ``tz`` (the configured timezone)."""
    rows = store.digests()
    if not rows:
        return ["-- no digest sent yet"]
    lines = []
    for i, row in enumerate(rows):
        week, status = row["week"], row.get("status")
        if status == "sending" and not row.get("started_at"):  # no send began here, but one may have elsewhere (a restore)
            lines.append(f"!! {week}: {row.get('error') or 'whether its digest went out is not known'}: {UNKNOWN_ADVICE.format(week=week)}")
        elif status == "sending":
            error = f" (last error: {row['error']})" if row.get("error") else ""
            lines.append(f"!! {week}: {IN_DOUBT.format(since=local_time(row.get('started_at'), tz))}{error}")
        elif status == "failed":
            error = row.get("error") or ""
            then = ": fix that first, then" if error.endswith(PERMANENT) else ";"
            lines.append(f"!! {week}: failed at {local_time(row.get('started_at'), tz)}: {error}{then} `monitor digest --week {week} --send` tries again")
        elif i == 0:  # sent
            where = f"to {row['eml_path']}" if row.get("eml_path") else f"by {row.get('transport') or 'smtp'}"
            stories = row.get("stories") or 0
            lines.append(f"ok {week}: sent {local_time(row.get('sent_at'), tz)} {where}, {counted(stories, 'story', 'stories')}, Message-ID {row.get('message_id')}")
            refused = _addresses(row.get("refused"))
            if refused:  # readers who did not get it: the send's own line said so once, and is gone
                to = " ".join(f"--to {r}" for r in refused)
                lines.append(
                    f"!! {week}: refused by the server: {', '.join(refused)} of {counted(len(_addresses(row.get('recipients'))), 'recipient')}; "
                    f"once the address is right, `monitor digest --week {week} --send {to}` sends it to {'them' if len(refused) > 1 else 'that reader'} alone"
                )
    return lines


def _addresses(value: str | None) -> list[str]:
    """The addresses of a ``digests.recipients`` or ``refused`` column (a JSON list)."""
    try:
        found = json.loads(value) if value else []
    except ValueError:
        return []
    return [a for a in found if isinstance(a, str)] if isinstance(found, list) else []

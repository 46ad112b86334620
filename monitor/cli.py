"""The ``monitor`` command line."""

from __future__ import annotations

import json
import logging
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Iterator, TextIO
from urllib.parse import urlsplit

import click

from . import __version__
from .config import DEFAULT_CONFIG, Config, load_config
from .errors import ConfigError, MonitorError, cannot_write, error_lines
from .text import counted
from .weeks import check_week, current_week, last_completed_week, local_time, week_bounds

if TYPE_CHECKING:
    from . import pipeline, rejudge
    from .store import Store

DEFAULT_DB = "data/monitor.db"


@dataclass
class Context:
    config_path: str | None
    db_path: str
    verbose: int
    _config: Config | None = None
    log_format: str = "text"

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    @contextmanager
    def store(self, *, create: bool = False) -> Iterator["Store"]:
        """The archive, for the length of the block. Commands that only read it refuse to
        create one (``create``: the commands that store what they fetch); a file that cannot
        be used as the archive is reported as :class:`monitor.store.ArchiveError`, naming it."""
        from .store import Store, archive_errors

        with archive_errors(self.db_path), Store(self.db_path, create=create) as store:
            yield store


class _JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="seconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("source", "job", "outcome", "run_id", "new_items"):
            if hasattr(record, key):
                out[key] = getattr(record, key)
        if record.exc_info:
            out["error"] = record.exc_text or self.formatException(record.exc_info)  # (without secrets: _WithoutSecrets)
        return json.dumps(out, ensure_ascii=False)


_JSON_LINES = _JsonFormatter()  # the progress lines, in the log's JSON


class _WithoutSecrets(logging.Filter):
    """Every log line with the addresses in it as :func:`monitor.privacy.redact_secrets`
    writes them: a source's login or key never reaches a log."""

    def filter(self, record: logging.LogRecord) -> bool:
        from .privacy import redact_secrets

        message = record.getMessage()
        if "://" in message:
            record.msg, record.args = redact_secrets(message), ()
        if record.exc_info and not record.exc_text:  # a traceback quotes its error's message too
            record.exc_text = _TRACEBACKS.formatException(record.exc_info)
        if record.exc_text and "://" in record.exc_text:
            record.exc_text = redact_secrets(record.exc_text)
        if record.stack_info and "://" in record.stack_info:
            record.stack_info = redact_secrets(record.stack_info)
        return True


_TRACEBACKS = logging.Formatter()  # how a traceback is written, text or JSON


def say(line: str, level: int = logging.ERROR) -> None:
    """A line for the operator on stderr, such as the ``error: ...`` a command exits with: as it
    is, or under ``--log-format json`` as one JSON object like the log's lines (the level in
    its own field, without the ``error: `` before the message), so that a log collector that
    reads JSON reads why a command or the daemon stopped too. An address in it is written as
    in the log, without its login or key (:func:`monitor.privacy.redact_secrets`)."""
    from .privacy import redact_secrets

    line = redact_secrets(line) or ""  # (a mistyped address in sources.yaml is quoted with its login)
    handlers = logging.getLogger().handlers
    if handlers and isinstance(handlers[0].formatter, _JsonFormatter):
        message = line.removeprefix("error: ") if level >= logging.ERROR else line
        record = logging.LogRecord("monitor", level, __file__, 0, message, None, None)
        click.echo(_JSON_LINES.format(record), err=True)
    else:
        click.echo(line, err=True)


def setup_logging(verbose: int, fmt: str = "text") -> None:
    level = logging.WARNING if verbose <= 0 else logging.INFO if verbose == 1 else logging.DEBUG
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(_WithoutSecrets())
    if fmt == "json":
        handler.setFormatter(_JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S%z"))  # local time, with its offset from UTC
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("httpx", "httpcore", "apscheduler"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))


class _Group(click.Group):
    """Report MonitorError (bad config, bad arguments) as one line, exit code 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except MonitorError as e:
            for line in error_lines(e):  # a configuration file's mistakes, each on its line
                say(line)
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--config", "config_path", envvar="MONITOR_CONFIG", type=click.Path(dir_okay=False), help="The watch list. [env MONITOR_CONFIG; default: sources.yaml]")
@click.option("--db", "db_path", envvar="MONITOR_DB", default=DEFAULT_DB, show_default=True, type=click.Path(dir_okay=False), help="The SQLite archive. [env MONITOR_DB]")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
@click.option("--log-format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Log lines as text or JSON.")
@click.version_option(__version__, prog_name="monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: str | None, db_path: str, verbose: int, log_format: str) -> None:
    """Watch news and policy that matter to Pakistan's freelancers and IT exporters.

    \b
    Quick start:
      monitor demo                  the whole pipeline offline on bundled sample sources
      monitor init                  write a starter sources.yaml to edit
      monitor sources check         validate sources.yaml without the network
      monitor poll                  fetch every source once, store new items
      monitor digest --week 2025-W34
      monitor status                health of every source and the schedule
      monitor run                   the daemon: poll on schedule, send the weekly digest
      monitor serve                 explore the archive in Datasette, and the Atom feeds
    """
    setup_logging(verbose, log_format)
    ctx.obj = Context(config_path, db_path, verbose, log_format=log_format)


# --------------------------------------------------------------------------- sources


@cli.group()
def sources() -> None:
    """Inspect the configured sources."""


@sources.command("check")
@click.option("--strict", is_flag=True, help="Exit 1 when there is a warning too (for a check in CI).")
@click.pass_obj
def sources_check(obj: Context, strict: bool) -> None:
    """Validate the configuration file; no network access.

    Exits 2 naming every mistake in the file, each by file, line and key; a warning (two
    sources with one address) is printed and, with --strict, exits 1.
    """
    config = obj.config
    kinds = Counter(s.kind for s in config.sources)
    names = {"feed": "feed", "page": "page", "sbp_ebops": "SBP workbook", "watch": "watched page"}
    counts = ", ".join(counted(n, names.get(kind, kind)) for kind, n in sorted(kinds.items(), key=lambda k: list(names).index(k[0]) if k[0] in names else len(names)))
    click.echo(f"{config.path}: OK: {counted(len(config.sources), 'source')} ({counts}), {counted(len(config.topics), 'topic')}, timezone {config.timezone}")
    for warning in config.warnings:
        click.echo(f"warning: {warning}")
    for source in config.sources:
        if not source.tls_verify and source.enabled:
            click.echo(f"note: {source.name}: tls_verify: false, so the TLS certificate of {urlsplit(source.url).hostname} is not verified (nor for other requests to that host); remove it once the site's certificate is fixed")
    if config.bundled_rules:
        click.echo(f"note: {config.path} has no 'topics:' section, so the bundled topic rules are used ({config.bundled_rules}); add 'topics:' to use your own")
    if strict and config.warnings:
        click.echo(f"{config.path}: {counted(len(config.warnings), 'warning')}, and --strict makes each one fail the check", err=True)
        sys.exit(1)


@sources.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "opml"]), default="text", show_default=True, help="opml: the enabled feeds as OPML 2.0, for a feed reader.")
@click.pass_obj
def sources_list(obj: Context, fmt: str) -> None:
    """List the configured sources. A login or key in an address shows as ***.

    With --format opml, the enabled feeds as an OPML file that feed readers import
    (watched pages, listing pages and data files are no feeds, so they are left out):

      monitor sources list --format opml > sources.opml
    """
    if fmt == "opml":
        from .opml import to_opml

        click.echo(to_opml(obj.config.sources).decode("utf-8"), nl=False)
        return
    from .privacy import redact_url

    for s in obj.config.sources:  # (a login or key in an address is not shown: the listing gets pasted)
        flags = "" if s.enabled else " (disabled)"
        click.echo(f"{s.kind:4}  {s.name}{flags}\n      {redact_url(s.url)}")


@sources.command("import")
@click.argument("opml_file", metavar="FILE", type=click.File("rb"))
@click.pass_obj
def sources_import(obj: Context, opml_file: BinaryIO) -> None:
    """Print the sources.yaml entries of the feeds in FILE, an OPML export of a feed reader.

    FILE ('-' reads stdin) is the subscriptions list a feed reader or another install exports.
    The entries of the feeds not watched yet are printed, to paste under `sources:` in
    sources.yaml (the file is yours, with its comments, so it is not rewritten); the feeds
    already watched (the same address, http: or https:) are named on stderr, and so are the
    addresses that are not http: or https: (feed://host/rss is read as http://host/rss).
    Folders are flattened; a feed listed twice is printed once; a name already taken gets
    " (2)". Then `monitor sources check`.
    """
    from .opml import plan_import, read_opml, yaml_entries

    where = "stdin" if opml_file.name in ("<stdin>", "-") else opml_file.name
    subscriptions = read_opml(opml_file.read(), where)
    plan = plan_import(subscriptions, obj.config.sources)
    for url in subscriptions.skipped:
        click.echo(f"skipped, not an http: or https: address: {url}", err=True)
    for sub, name in plan.watched:
        click.echo(f"already watched as {name!r}: {sub.url}", err=True)
    if not plan.new:
        click.echo(f"{where}: {counted(len(subscriptions), 'feed')}, none new to {obj.config.path}", err=True)
        return
    click.echo(f"  # {counted(len(plan.new), 'feed')} from {where}, to paste under `sources:` in {obj.config.path}")
    click.echo(yaml_entries(plan), nl=False)
    click.echo(f"{counted(len(plan.new), 'new feed')} printed ({len(plan.watched)} already watched); paste them under `sources:`, then run `monitor sources check`", err=True)


# --------------------------------------------------------------------------- poll


class _SaidByProgress(logging.Filter):
    """Leaves out the pipeline's warning that a source failed (the record that carries its
    ``outcome``): in ``monitor poll`` the progress line of that source says it, so that each
    failure is one line (the daemon, which shows no progress, keeps the warning)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "monitor.pipeline" and hasattr(record, "outcome"))


@contextmanager
def _log_filter(f: logging.Filter) -> Iterator[None]:
    """``f`` on every handler of the log, for the length of the block."""
    handlers = list(logging.getLogger().handlers)
    for handler in handlers:
        handler.addFilter(f)
    try:
        yield
    finally:
        for handler in handlers:
            handler.removeFilter(f)


class PollProgress:
    """Poll progress on stderr: a live counter line on a terminal, one line per source otherwise.

    On a terminal, failures are printed on lines of their own so they stay on screen; in
    JSON, a failure's line has the level ``warning``. A source
    with many new items shows how far it got: on the live line, else in a line at most every
    :attr:`every` seconds. With ``json_lines`` (``--log-format json``) each line is a JSON
    object like the log's, with the source's name, its outcome and new items as fields.
    """

    def __init__(self, total: int, stream: TextIO, tty: bool, *, every: float = 5.0, json_lines: bool = False):
        self.total, self.stream, self.every, self.json_lines = total, stream, every, json_lines
        self.tty = tty and not json_lines
        self.done = self.new_items = 0
        self.counts: Counter[str] = Counter()
        self.reading: dict[str, tuple[int, int]] = {}  # source -> (items read, items to read)
        self._last_line = time.monotonic()
        self.gone = False  # the stream can no longer be written: its reader went away, or its disk is full

    def _write(self, text: str) -> None:
        """Write ``text`` to the stream, unless it can no longer be written: progress is
        only for the eye, so a reader that went away (``monitor poll 2>&1 | head``) or a full
        disk under a redirected stderr silences it, and the poll goes on to its end."""
        if self.gone:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # (ValueError: the stream was closed)
            self.gone = True

    def articles(self, source: str, done: int, total: int) -> None:
        """A source stored another batch of new items: ``done`` of ``total`` this poll."""
        self.reading[source] = (done, total)
        if self.tty:
            self._live()
        elif time.monotonic() - self._last_line >= self.every:
            self._line(f"[{self.done}/{self.total}] {source}: reading - {done} of {total} new items stored", source=source)

    def __call__(self, report: "pipeline.SourceReport") -> None:
        self.reading.pop(report.source, None)
        self.done += 1
        self.new_items += report.new_items
        kind = report.outcome if report.outcome in ("ok", "not_modified", "skipped") else "failed"
        self.counts[kind] += 1
        detail = f"{report.new_items} new" if report.outcome == "ok" or report.new_items else (report.error or "")
        line = f"[{self.done}/{self.total}] {report.source}: {report.outcome}{' - ' + detail if detail else ''}"
        if not self.tty:
            self._line(line, level=logging.WARNING if kind == "failed" else logging.INFO, source=report.source, outcome=report.outcome, new_items=report.new_items)
            return
        if kind == "failed":
            self._write(f"\r\x1b[K{line}\n")
        self._live()

    def stopped_line(self, why: str) -> str:
        """The line for a poll stopped by Ctrl-C or SIGTERM: how far it got, and what it kept."""
        stored = self.new_items + sum(done for done, _ in self.reading.values())
        return (
            f"poll stopped by {why} after {self.done} of {counted(self.total, 'source')}: "
            f"{counted(stored, 'new item')} stored and kept; the others wait for the next poll"
        )

    def _line(self, line: str, *, level: int = logging.INFO, **fields: object) -> None:
        if self.json_lines:
            record = logging.LogRecord("monitor.poll", level, __file__, 0, line, None, None)
            record.__dict__.update(fields)
            line = _JSON_LINES.format(record)
        self._write(line + "\n")
        self._last_line = time.monotonic()

    def _live(self) -> None:
        c = self.counts
        reading = "".join(f"; {name}: {done}/{of}" for name, (done, of) in self.reading.items())
        self._write(
            f"\r\x1b[K[{self.done}/{self.total}] {c['ok']} ok, {c['not_modified']} not modified, "
            f"{c['failed']} failed, {c['skipped']} skipped, {self.new_items} new items{reading}"
        )

    def close(self) -> None:
        """Clear the live line, so the summary starts on a clean line."""
        if self.tty and self.done:
            self._write("\r\x1b[K")


@cli.command()
@click.option("--source", "names", multiple=True, metavar="NAME", help="Poll only this source (repeatable), even if it is backing off.")
@click.option("--force", is_flag=True, help="Poll every enabled source now, even those backing off after failures or not due yet.")
@click.pass_obj
def poll(obj: Context, names: tuple[str, ...], force: bool) -> None:
    """Fetch every due source once and store the new items.

    A source that keeps failing is retried after 1, 2, 4... poll intervals (at most
    fetch.backoff_cap_hours), and one with its own `interval` waits for it; until then it is
    reported as skipped. Shows progress on stderr (a live line on a terminal) and prints a
    one-line summary at the end. Failures are recorded (see `monitor status`) and never stop
    the other sources. Exits 1 only when every polled source failed; stopped by Ctrl-C
    or SIGTERM, it says what it kept and exits 130 or 143.
    """
    from . import pipeline

    config = obj.config
    chosen = None
    if names:
        known = {s.name for s in config.sources}
        missing = [n for n in names if n not in known]
        if missing:
            raise click.BadParameter(f"no source named {', '.join(map(repr, missing))}", param_hint="--source")
        chosen = [s for s in config.sources if s.name in names]
        disabled = [s for s in chosen if not s.enabled]
        if disabled:
            where = ", ".join(f"{s.name!r} (line {s.line})" if s.line else repr(s.name) for s in disabled)
            raise click.BadParameter(f"{where} {'is' if len(disabled) == 1 else 'are'} disabled in {config.path} (enabled: false); enable it to poll it", param_hint="--source")
    if not chosen and config.sources and not any(s.enabled for s in config.sources):
        # (a poll of nothing is no success to report: say why nothing was fetched)
        every = "the only source is" if len(config.sources) == 1 else f"all {len(config.sources)} sources are"
        say(f"error: {every} disabled in {config.path} (enabled: false); enable one to poll it")
        sys.exit(1)
    progress = PollProgress(len(chosen or [s for s in config.sources if s.enabled]), sys.stderr, sys.stderr.isatty(), json_lines=obj.log_format == "json")
    first = not Path(obj.db_path).exists()
    with _log_filter(_SaidByProgress()), obj.store(create=True) as store:
        run_id = store.start_run("poll")  # a manual poll counts for the daemon's catch-up too
        try:
            with _sigterm_interrupts():
                summary = pipeline.poll(config, store, sources=chosen, progress=progress, force=force, article_progress=progress.articles)
        except KeyboardInterrupt as e:  # Ctrl-C or SIGTERM: the items stored before it stay (in whole batches)
            progress.close()
            why = e.args[0] if e.args else "Ctrl-C"
            store.finish_run(run_id, "stopped", f"{why}: the sources polled before it are stored")
            say(progress.stopped_line(why), logging.WARNING)  # what was kept, not only "Aborted!"
            sys.exit(_signal_exit(why))  # as a shell reports a command a signal ended
        except BaseException as e:
            store.finish_run(run_id, "error", f"{type(e).__name__}: {e}")
            raise
        store.finish_run(run_id, *(("failed", summary.outage_line()) if summary.outage else ("ok", summary.line())))
    progress.close()
    click.echo(summary.line())
    if first:  # a first run: where the archive is, and what to do with it
        import shlex

        options = "".join(f" {flag} {shlex.quote(str(value))}" for flag, value in (("--config", obj.config_path), ("--db", obj.db_path)) if value and value not in (DEFAULT_CONFIG, DEFAULT_DB))
        steps = [
            ("status", "each source's health"),
            (f"digest --week {current_week(config.tz)}", "this week's digest so far"),
            ("run", "poll on schedule and send the weekly digest"),
        ]
        width = max(len(command) for command, _ in steps)
        click.echo(f"New archive: {obj.db_path}. Next:")
        for command, what in steps:
            click.echo(f"  monitor{options} {command.ljust(width)}  # {what}")
    polled = len(summary.reports) - summary.skipped
    if polled and len(summary.failed) == polled:
        say("error: every source failed; see the lines above and `monitor status`")
        sys.exit(1)


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops the block as Ctrl-C does: ``KeyboardInterrupt("SIGTERM")`` comes out of it,
    so that a poll stopped by ``kill`` or a service manager records its run as stopped instead
    of leaving it running. As on Ctrl-C, a poll's tasks are cancelled and the sources being
    stored are stored whole first; a second signal ends the process at once. SIGHUP (the
    terminal or SSH session the command runs in closed) does the same, as
    ``KeyboardInterrupt("SIGHUP")``, unless it is ignored (``nohup``)."""
    import asyncio

    received = None

    def interrupt(signum: int, frame: object) -> None:
        nonlocal received
        received = signal.Signals(signum).name
        for sig in previous:
            signal.signal(sig, signal.SIG_DFL)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            raise KeyboardInterrupt(received) from None
        for task in asyncio.all_tasks(loop):
            task.cancel()
        loop.call_soon_threadsafe(lambda: None)  # wakes the loop up to see it

    if threading.current_thread() is not threading.main_thread():  # only the main thread gets signals
        yield
        return
    catch = [signal.SIGTERM] + ([signal.SIGHUP] if signal.getsignal(signal.SIGHUP) == signal.SIG_DFL else [])
    previous = {sig: signal.signal(sig, interrupt) for sig in catch}
    try:
        yield
    except asyncio.CancelledError:
        if not received:
            raise
        raise KeyboardInterrupt(received) from None
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _signal_exit(why: str) -> int:
    """The exit code of a command a signal stopped, as a shell reports one (128 + its number)."""
    return {"SIGTERM": 143, "SIGHUP": 129}.get(why, 130)


# --------------------------------------------------------------------------- digest


@cli.command()
@click.option("--week", help="ISO week such as 2025-W34. [default: the last completed week]")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Where to write digest-<week>.html and .txt. [default: the --db file's folder]")
@click.option("--send", is_flag=True, help="Also email it, once per week: over SMTP (MONITOR_SMTP_* variables), or without MONITOR_SMTP_HOST as an .eml file in the outbox.")
@click.option("--force", is_flag=True, help="With --send: send a week again that was sent already, or whose send never finished, or one that has not ended yet.")
@click.option("--outbox", type=click.Path(file_okay=False), help="With --send and no SMTP: where the .eml goes. [default: outbox/ beside the --db file]")
@click.option("--to", "to", multiple=True, metavar="ADDRESS", help="With --send: send it to ADDRESS only (repeat for more), over SMTP, leaving the week's send to digest.recipients as it is: a test before it, or a copy for a new reader after.")
@click.pass_obj
def digest(obj: Context, week: str | None, out_dir: str | None, send: bool, force: bool, outbox: str | None, to: tuple[str, ...]) -> None:
    """Write the digest of one week as HTML and plain text; with --send, email it.

    A week's digest is sent once: --send refuses a week already sent, or one whose send
    was interrupted (see `monitor status`), unless --force; and a week that has not ended
    yet, whose digest would otherwise stand for the whole week (leave out --send to preview
    it). A week that has not begun has nothing to tell and is refused. Exits 1 when nothing
    was sent.

    --send --to ADDRESS sends it to ADDRESS only and records nothing: before the week's
    digest went out, as a test ("[test]" in the subject), any day of the week; after, the
    message its readers got, to a reader who joined since or whom the server refused:

    \b
      monitor digest --send --to me@example.org            # a test, before the real send
      monitor digest --week 2025-W34 --send --to new@example.org
    """
    from .digest import build_digest, write_digest

    if (force or outbox or to) and not send:  # name the options given, not every one that needs --send
        given = [name for name, value in (("--force", force), ("--outbox", outbox), ("--to", to)) if value]
        raise click.UsageError(f"{' and '.join(given)} only appl{'ies' if len(given) == 1 else 'y'} with --send")
    if to and (force or outbox):
        given = [name for name, value in (("--force", force), ("--outbox", outbox)) if value]
        raise click.UsageError(f"--to sends to its addresses only, over SMTP, and records nothing: {' and '.join(given)} do{'es' if len(given) == 1 else ''} not apply")
    config = obj.config
    chosen = week
    week = _week_option(week, config)
    _refuse_unbegun(week, config)
    with obj.store() as store:
        d = build_digest(store, config, week)
        html, text = write_digest(d, out_dir or Path(obj.db_path).parent)  # beside the archive, as the feeds and the outbox are
        click.echo(f"digest {week}: {counted(d.story_count, 'story', 'stories')}\n  {html}\n  {text}")
        if not chosen and not d.story_count:
            # a first run: the stories just polled are this week's, which has not ended
            this_week = current_week(config.tz)
            waiting = len(store.items_in_week(this_week))
            if waiting:
                click.echo(
                    f"note: {week} is the last completed week; the {counted(waiting, 'relevant item')} stored so far "
                    f"{'is' if waiting == 1 else 'are'} of this week, {this_week}, whose digest goes out once it ends: `monitor digest --week {this_week}` previews it"
                )
        if send and to:
            _send_copy(store, config, week, to)
        elif send:
            _send_digest(store, config, week, force, outbox)


def _send_copy(store, config: Config, week: str, to: tuple[str, ...]) -> None:
    """``digest --send --to``: one line saying what happened; exit 1 unless it went out."""
    from .mail import send_copy

    try:
        with _sigterm_interrupts():
            result = send_copy(store, config, week, to)
    except KeyboardInterrupt:
        click.echo(f"digest {week}: stopped while sending to {', '.join(to)}; the week's own send is as it was", err=True)
        sys.exit(1)
    click.echo(result.line(), err=not result.delivered)
    if not result.delivered:
        sys.exit(1)


def _send_digest(store, config: Config, week: str, force: bool, outbox: str | None) -> None:
    """``digest --send``: one line saying what happened; exit 1 unless the message went out."""
    from .mail import send_digest

    try:
        with _sigterm_interrupts():  # stopped by kill as by Ctrl-C: a send that handed nothing over is failed, not in doubt
            result = send_digest(store, config, week, force=force, outbox=outbox)
    except KeyboardInterrupt:  # say where the week stands, not only "Aborted!"
        click.echo(_stopped_send_line(store, week, config), err=True)
        sys.exit(1)
    click.echo(result.line(), err=not result.delivered)
    if not result.delivered:
        sys.exit(1)


def _stopped_send_line(store, week: str, config: Config) -> str:
    """The one line for a send stopped by Ctrl-C or SIGTERM, from what it recorded."""
    from .mail import IN_DOUBT

    row = store.digest(week) or {}
    if row.get("status") == "failed":
        return f"digest {week}: not sent: {row.get('error')}; run the send again to send it"
    if row.get("status") == "sending":
        return f"digest {week}: {row.get('error') or 'stopped'}: {IN_DOUBT.format(since=local_time(row.get('started_at'), config.tz))}"
    return f"digest {week}: not sent: stopped before the send began"


def _refuse_unbegun(week: str, config: Config, now: datetime | None = None) -> None:
    """A week that has not begun has no digest to write or send: say so rather than write
    an empty one."""
    start, _ = week_bounds(week, config.tz)
    now = now or datetime.now(timezone.utc)
    if now < start:
        raise MonitorError(
            f"week {week} has not begun: it starts on {start:%a} {start.day} {start:%b %Y} and this is {current_week(config.tz, now)}; "
            "there is nothing to write yet (leave out --week for the last completed week)"
        )


def _week_option(week: str | None, config: Config) -> str:
    if not week:
        return last_completed_week(config.tz)
    try:
        return check_week(week)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--week") from None


# --------------------------------------------------------------------------- feeds


@cli.command("feeds")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Where to write them. [default: feeds/ beside the --db file]")
@click.pass_obj
def feeds_cmd(obj: Context, out_dir: str | None) -> None:
    """Write the Atom feeds now: relevant stories (all, and one per topic) and changes of
    watched policy pages.

    Every poll rewrites them too; run this after changing monitor.public_url. `monitor serve`
    serves them at /feeds/. Prints each file written (unchanged ones are left alone).
    """
    from .feeds import feed_names, write_feeds
    from .public import feed_url, feeds_dir

    config = obj.config
    with obj.store() as store:
        written = write_feeds(store, config, out_dir)
    folder = Path(out_dir) if out_dir else feeds_dir(obj.db_path)
    click.echo(f"{len(written)} of {len(feed_names())} feeds rewritten in {folder}; readers subscribe to e.g. {feed_url(config.public_url, 'stories')}")
    for path in written:
        click.echo(f"  {path}")


# --------------------------------------------------------------------------- demo


@cli.command()
@click.option("--out", "out_dir", default="data/demo", show_default=True, type=click.Path(file_okay=False), help="Where the demo archive and digest go.")
@click.pass_obj
def demo(obj: Context, out_dir: str) -> None:
    """Run the whole pipeline offline on the bundled sample sources, in an archive of its own
    under --out (never the --db archive).

    Serves the sample sites on 127.0.0.1, points a copy of the configuration at them, polls
    them as on a day of the sample week and polls the watched policy pages again two days
    later (the demo serves a second version of one), writes the digest of the sample week and
    the Atom feeds, and prints where everything is. Without a sources.yaml (or --config) it
    uses the watch list the monitor ships with.
    """
    from .demo import run_demo

    if obj.db_path != DEFAULT_DB:
        # (the demo never writes sample news into a real archive: it says so rather than ignore the option)
        click.echo(f"The demo keeps its own archive in {out_dir}: {obj.db_path} (--db or MONITOR_DB) is not touched.", err=True)

    def progress(report) -> None:
        detail = f"{report.new_items} new" if report.outcome == "ok" else (report.error or "")
        click.echo(f"  {report.source}: {report.outcome}{' - ' + detail if detail else ''}", err=True)

    config = obj.config if obj.config_path or Path(DEFAULT_CONFIG).exists() else None
    if config is None:
        from .config import parse_config
        from .resources import watch_list, watch_list_path

        click.echo(f"No {DEFAULT_CONFIG} here: using the bundled watch list (`monitor init` writes it out to edit).", err=True)
        config = parse_config(watch_list(), str(watch_list_path()))
    result = run_demo(config, out_dir, progress=progress, announce=lambda line: click.echo(line, err=True))
    click.echo(result.summary.line())
    if result.watch_summary:
        click.echo(f"Watched pages polled again: {result.watch_summary.line()}")
    click.echo(f"Digest for {result.week}: {counted(result.stories, 'story', 'stories')}, {counted(result.policy_changes, 'policy page')} changed")
    click.echo(f"  database: {result.db}")
    click.echo(f"  digest:   {result.html}")
    click.echo(f"            {result.text}")
    click.echo(f"  feeds:    {Path(result.db).parent / 'feeds'}")
    click.echo(f"Explore the archive and the feeds: monitor --db {result.db} serve")
    failed = result.summary.failed + (result.watch_summary.failed if result.watch_summary else [])
    if failed:
        names = ", ".join(r.source for r in failed)
        click.echo(f"error: the demo expects every sample source to work; failed: {names}", err=True)
        sys.exit(1)


# --------------------------------------------------------------------------- init


@cli.command()
@click.argument("path", required=False, type=click.Path())
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@click.pass_obj
def init(obj: Context, path: str | None, force: bool) -> None:
    """Write a starter sources.yaml: the watch list the monitor ships with.

    Writes to PATH (a folder, or a path ending in /, gets PATH/sources.yaml), else to the
    --config file, else to sources.yaml in this folder. An existing file is left alone
    unless --force. Edit it, then `monitor sources check`.
    """
    from .config import parse_config
    from .resources import watch_list

    target = Path(path or obj.config_path or DEFAULT_CONFIG)
    if path and (target.is_dir() or path.endswith(("/", "\\"))):
        target = target / DEFAULT_CONFIG
    if target.exists() and not force:
        raise MonitorError(f"{target} exists; pass --force to replace it with the starter watch list")
    text = watch_list()
    config = parse_config(text, str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    except OSError as e:
        raise cannot_write("the watch list", target, e) from None
    config_option = "" if str(target) == DEFAULT_CONFIG else f" --config {target}"
    click.echo(f"Wrote {target}: {len(config.sources)} sources, {len(config.topics)} topics. Next:")
    click.echo(f"  monitor{config_option} sources check    # after editing it")
    click.echo(f"  monitor{config_option} poll")


# --------------------------------------------------------------------------- status


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Readable lines, or one JSON object for a script.")
@click.pass_obj
def status(obj: Context, fmt: str) -> None:
    """Show each source's health: last success, failures in a row and the last error, next
    attempt, items this week and per week, sources silent for over monitor.silent_days, and
    stale ones (they answer, but their newest item is older than stale_days).

    Also whether a daemon (`monitor run`) is running on the archive, from the heartbeat it
    writes there; the schedule, with next runs only while a daemon runs to keep them; and the
    last digest sent, the readers the server refused it to, and any week whose send failed or
    never finished (marked !!).

    With --format json, one JSON object: "daemon" ({"running", "line"}), "sources" (a
    list: "name", "kind", "state" (ok, attention, not_polled or disabled),
    "consecutive_failures", "last_error", "last_success" and the rest, times in UTC),
    "attention" (how many sources need a look), "schedule", "digests" and "backup" (as the
    text says them) and "configuration_error" (null, or why the file cannot be read).
    """
    from .daemon import daemon_state, schedule_lines
    from .mail import digest_status_lines
    from .status import backup_line, recorded_config, report_lines, source_rows
    from .store import ArchiveError

    try:
        config, broken = obj.config, None
    except ConfigError as e:  # the archive's state is still worth showing, beside what is wrong
        config, broken = None, e
    now = datetime.now(timezone.utc)
    try:
        with obj.store() as store:
            config = config or recorded_config(store, broken.file or "")
            rows = source_rows(store, config, now)
            daemon = daemon_state(store.daemon(), now, config)
            schedule = [] if broken else schedule_lines(config, store, now, daemon)
            digests = digest_status_lines(store, config.tz)
            backups = backup_line(store.last_run("backup"), now, config.tz, store.last_run("backup", "ok"))
    except ArchiveError:
        if broken:  # no archive to show either: the configuration is the one problem to fix first
            raise broken from None
        raise
    if fmt == "json":
        if broken:
            for line in error_lines(broken):
                say(line)
        out = {
            "daemon": {"running": daemon.running, "line": daemon.line},
            "attention": sum(r.needs_attention for r in rows),
            "sources": [r.as_json() for r in rows],
            "schedule": schedule,
            "digests": digests,
            "backup": backups,
            "configuration_error": "; ".join(error_lines(broken)).removeprefix("error: ") if broken else None,
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        sys.exit(2 if broken else 0)
    if broken:
        for line in error_lines(broken):
            say(line)
        keeps = "the running daemon keeps the last configuration it read, until the file loads again" if daemon.running else "no daemon runs; `monitor run` and `monitor poll` refuse the file until it is fixed"
        click.echo(f"Configuration: {broken.file} cannot be read (see the error); {keeps}. Below, the archive's state, with its sources as it last recorded them.")
    click.echo(f"Daemon: {daemon.line}")
    if broken:
        click.echo(f"Schedule: unknown, as it is set in {broken.file}")
    else:
        click.echo("Schedule:" if daemon.running else "Schedule (what a running daemon does; nothing runs on schedule now):")
    for line in schedule:
        click.echo(f"  {line}")
    click.echo("Digests:")
    for line in digests:
        click.echo(f"  {line}")
    click.echo(f"Backup: {backups}")
    for line in report_lines(rows, config, now, scheduled=daemon.running):
        click.echo(line)
    if broken:
        sys.exit(2)


# --------------------------------------------------------------------------- stages on files


@cli.command("extract")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "text"]), default="jsonl", show_default=True, help="One JSON object a line, or readable text.")
@click.option("--url", help="The page's URL, when known (helps with dates and relative links).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))  # a missing file or a folder is one file's error, below
def extract_cmd(fmt: str, url: str | None, paths: tuple[str, ...]) -> None:
    """Extract the article from HTML files (plain or .gz); '-' reads one page from stdin.

    Prints {"path", "title", "text", "published", "author", "lang"} per file. A file that
    cannot be read (missing, a folder, gzip data cut short or corrupt) or has no article
    gives {"path", "error"}, the others are read all the same, and the exit code is 1.
    """
    import gzip
    import zlib

    from .errors import ExtractionError, os_reason
    from .extract import extract

    if fmt == "jsonl":
        _json_lines_stdio(stdin=False)
    failed = 0
    for path in paths:
        try:
            raw = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            if raw[:2] == b"\x1f\x8b":
                try:
                    raw = gzip.decompress(raw)
                except EOFError:
                    raise ExtractionError("cannot read: the gzip data is cut short") from None
                except (zlib.error, gzip.BadGzipFile) as e:
                    raise ExtractionError(f"cannot read: the gzip data is corrupt ({e})") from None
            article = extract(raw, url=url)
        except (OSError, ExtractionError) as e:
            failed += 1
            reason = e.reason if isinstance(e, ExtractionError) else f"cannot read: {os_reason(e)}"
            click.echo(f"{path}: {reason}", err=True)
            if fmt == "jsonl":
                click.echo(json.dumps({"path": path, "error": reason}, ensure_ascii=False))
            continue
        record = {"path": path, "title": article.title, "text": article.text, "published": article.published, "author": article.author, "lang": article.lang}
        if fmt == "jsonl":
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            meta = ", ".join(f"{k}: {record[k]}" for k in ("published", "author", "lang") if record[k])
            click.echo(f"== {path}\n{article.title or '(no title)'}\n{meta}\n\n{article.text}\n")
    sys.exit(1 if failed else 0)


@cli.command("analyze")
@click.pass_obj
def analyze_cmd(obj: Context) -> None:
    """Judge relevance, topics and facts of JSON lines read on stdin, with the config's rules.

    Reads {"id", "title", "text", "published"?} a line ("published": a date such as
    2025-08-18, an ISO 8601 time or an RFC 2822 one); prints {"id", "relevant", "score",
    "topics", "facts", "rules"} a line. A line that is not such an object gives
    {"id", "error"} and the exit code is 1.
    """
    from .analyze import analyze_lines

    _json_lines_stdio(stdin=True)
    failed = 0
    for result in analyze_lines(sys.stdin, obj.config.rules()):
        failed += "error" in result
        click.echo(json.dumps(result, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@cli.command("dedup")
@click.option("--window-days", type=click.IntRange(min=1), help="Days between two reports of one story. [default: the config's dedup_window_days]")
@click.pass_obj
def dedup_cmd(obj: Context, window_days: int | None) -> None:
    """Group JSON lines read on stdin into stories and events.

    Reads {"id", "title", "text", "url"?, "published"?} a line ("guid", "source", "lang",
    "complete", true when the text is the whole article, "facts", a list of
    "series|period|value|unit" keys, "|basis" after a growth rate's, of the figures that are
    the item's news, and "mentions", the keys of its other dated figures, too); once all are
    read, prints {"id", "cluster", "event"} a line in the same order. Items with one
    cluster are one story (reprints); the cluster is the id of the story's first item.
    Stories with one event report one happening independently; the event is the id of its
    first story. A line that is not such an object, or whose id an earlier line gave,
    gives {"id", "error"} and the exit code is 1.
    """
    from .dedup import dedup_lines

    _json_lines_stdio(stdin=True)
    failed = 0
    for result in dedup_lines(sys.stdin, window_days or obj.config.dedup_window_days):
        failed += "error" in result
        click.echo(json.dumps(result, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@cli.command("facts")
@click.option("--series", help="Only this series, e.g. it_exports_monthly or freelancer_earnings.")
@click.option("--origin", type=click.Choice(["news", "official"]), help="Only figures found in the news, or only official ones (read from SBP's workbook). [default: both]")
@click.option("--format", "fmt", type=click.Choice(["table", "csv"]), default="table", show_default=True, help="A readable table or CSV.")
@click.option("--reports", is_flag=True, help="List every report, corroborating ones included.")
@click.pass_obj
def facts_cmd(obj: Context, series: str | None, origin: str | None, fmt: str, reports: bool) -> None:
    """Print the stored figures: series, period, value, unit, reports, source, quote and link.

    A figure found in the news links to the article it was quoted from (the `url` column
    of --format csv). The same figure reported by several outlets is one fact; --reports
    lists each report, with its own link.
    An official figure is shown with its status (provisional, revised) and where it was
    read: file, sheet, row, column and when it was fetched; a value SBP revised points at
    the value it replaced.
    """
    import csv
    import difflib

    from .facts import BASIS_LABELS, SERIES

    columns = ["series", "period", "value", "unit", "basis", "reports", "published", "source", "also_reported_by", "revises", "quote", "origin", "status", "file_url", "sheet", "row_label", "column_header", "found_at", "url", "id", "corrected", "correction"]
    with obj.store() as store:
        rows = store.facts(series, reports=reports, origin=origin)
    if series and not rows and series not in SERIES:  # a misspelt name, not a series without figures yet
        close = difflib.get_close_matches(series, SERIES, n=1)
        hint = f"did you mean {close[0]}?" if close else f"the series are {', '.join(SERIES)}"
        raise click.BadParameter(f"no series named {series!r}: {hint}", param_hint="--series")
    if fmt == "csv":
        writer = csv.DictWriter(_Echoed(), fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    if not rows:
        click.echo("no facts stored" + (f" for series {series!r}" if series else ""))
        return
    values = {r["id"]: r["value"] for r in rows}
    for r in rows:
        value = f"{r['value']:,.3f}".rstrip("0").rstrip(".")
        also = f" (+{r['reports'] - 1} more: {r['also_reported_by']})" if r["reports"] > 1 and r["also_reported_by"] else ""
        revised = f" [revises #{r['revises']}{': ' + format(values[r['revises']], ',g') if r['revises'] in values else ''}]" if r["revises"] else ""
        official = r.get("origin") == "official"
        source = f"{r['source']} (official{', ' + r['status'] if r['status'] else ''})" if official else r["source"]
        unit = f"{r['unit']} {BASIS_LABELS.get(r.get('basis') or '', '')}".strip()
        fixed = f" [corrected #{r['corrected']}: {r['correction']}]" if r.get("corrected") else ""
        click.echo(f"{r['series']:<22} {r['period'] or '-':<18} {value:>12} {unit:<12} {(r['published'] or r['found_at'] or '')[:10]}  {source}{also}{revised}{fixed}  #{r['id']}")
        if official:
            row, header = " ".join((r["row_label"] or "").split()), " ".join((r["column_header"] or "").split())
            click.echo(f"{'':<22} from {r['file_url']}, sheet '{(r['sheet'] or '').strip()}', row '{row}', column '{header}' (Credit), fetched {(r['found_at'] or '')[:10]}")
        else:
            click.echo(f"{'':<22} \"{_clip(r['quote'], 110)}\"")
            if r.get("url"):
                click.echo(f"{'':<22} {r['url']}")


@cli.group()
def correct() -> None:
    """Correct a figure the monitor read wrongly, or a story the rules judged wrongly; list
    the corrections, undo one.

    A correction is kept in the archive (table `corrections`: the figure as read, or the
    story, what it was made, who, when and why) and stays through `monitor rejudge`: the
    digests written from then on, the feeds, `monitor facts` and Datasette show the figure
    as corrected, and leave out a story that is not relevant. Digests already sent stay as
    they were sent; the next digest sent tells its readers, in a "Corrections" section,
    what a sent one said of the figure or story, what it says now and why.

    \b
    Examples:
      monitor correct figure 37 --period 2025-06 --value 338 --reason "the $354m is July's"
      monitor correct story 5f0c2a9e41d7b3c8 --not-relevant --reason "cricket, not IT"
      monitor correct list
      monitor correct undo 2 --reason "it was about IT after all"
    """


def _editor(by: str | None) -> str:
    import getpass

    if by:
        return by
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container's numeric user)
        return "unknown"


@correct.command("figure")
@click.argument("fact_id", type=int, metavar="ID")
@click.option("--period", help="The period the figure is of, as the monitor writes periods: 2025-07, FY2024-25, FY2024-25:Jul-Mar ('' for undated).")
@click.option("--value", type=float, help="The right value, in the figure's unit (USD_million: 338 for $338m).")
@click.option("--drop", is_flag=True, help="The sentence gives no such figure: leave it out everywhere.")
@click.option("--reason", required=True, help="Why, in a few words (kept with the correction).")
@click.option("--by", metavar="NAME", help="Who makes it. [default: the login name]")
@click.pass_obj
def correct_figure(obj: Context, fact_id: int, period: str | None, value: float | None, drop: bool, reason: str, by: str | None) -> None:
    """Correct the news figure ID: give it another --period or --value, or --drop it.

    ID is the figure's `id`: the `#N` of `monitor facts`, the `id` column of `monitor facts
    --format csv` and of Datasette's `facts` table. The reports of the figure are linked
    again (which corroborates or revises which) as if it had been read so.
    """
    import math

    from .corrections import valid_period
    from .store import CorrectionError

    if drop and (period is not None or value is not None):
        raise click.UsageError("--drop leaves the figure out: give it without --period and --value")
    if not drop and period is None and value is None:
        raise click.UsageError("say what is wrong: --period, --value or --drop")
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"expected a finite number, got {value}", param_hint="--value")
    if period is not None and not valid_period(period):
        raise click.BadParameter(f"{period!r} is not a period such as 2025-07, FY2024-25 or FY2024-25:Jul-Mar", param_hint="--period")
    if not reason.strip():
        raise click.BadParameter("say why, in a few words", param_hint="--reason")
    with obj.store() as store:
        try:
            c = store.correct_fact(fact_id, period=period, value=value, drop=drop, reason=reason.strip(), by=_editor(by))
        except CorrectionError as e:
            raise MonitorError(str(e)) from None
    click.echo(f"correction #{c['id']}: {_correction_line(c)}")


@correct.command("story")
@click.argument("story_id", metavar="ID")
@click.option("--not-relevant", "verdict", flag_value="not-relevant", help="Not for the digest's readers: leave it out of the digest and the feeds, whatever the rules say.")
@click.option("--relevant", "verdict", flag_value="relevant", help="For the digest's readers: put it in the digest and the feeds, whatever the rules say.")
@click.option("--reason", required=True, help="Why, in a few words (kept with the correction).")
@click.option("--by", metavar="NAME", help="Who makes it. [default: the login name]")
@click.pass_obj
def correct_story(obj: Context, story_id: str, verdict: str | None, reason: str, by: str | None) -> None:
    """Say that the story ID is --not-relevant (the rules kept it) or --relevant (they left it out).

    ID is the story's id: the `story` column of Datasette's `stories` view, or the `id` of
    any of its items (Datasette's `items` table; a feed entry's "In the monitor's archive"
    link ends with it). The verdict holds for every outlet's copy of the story, those found
    later too, and stays through `monitor rejudge`; the digests written from then on and the
    feeds (rewritten now) follow it. A story put in after its week's digest went out without
    it is told by the next digest under "Late from earlier weeks" (the command says which).
    `monitor correct undo N` gives the story back to the rules.

    \b
    Example:
      monitor correct story 5f0c2a9e41d7b3c8 --not-relevant --reason "a cricket story; IT is the team's initials"
    """
    from .feeds import write_feeds
    from .rejudge import judge_again
    from .store import CorrectionError

    if verdict is None:
        raise click.UsageError("say which: --not-relevant or --relevant")
    if not reason.strip():
        raise click.BadParameter("say why, in a few words", param_hint="--reason")
    config = obj.config
    with obj.store() as store:
        try:
            with store.transaction():
                c, items = store.correct_story(story_id.strip(), relevant=verdict == "relevant", reason=reason.strip(), by=_editor(by))
                changed = judge_again(config, store, items)
        except CorrectionError as e:
            raise MonitorError(str(e)) from None
        write_feeds(store, config)
        late = _late_lines(store, items) if c["relevant"] else []
    click.echo(f"correction #{c['id']}: {_correction_line(c)}")
    where = "in the digest and the feeds" if c["relevant"] else "out of the digest and the feeds"
    click.echo(f"    \"{_clip(c['quote'], 110)}\" ({c['source']}): {counted(len(items), 'item')}, {where} from now on ({len(changed)} judged otherwise)")
    for line in late:
        click.echo(f"    {line}")


def _late_lines(store: "Store", items: list[str]) -> list[str]:
    """What becomes of a story put in after its week's digest went out without it: which
    digest tells it as late news, or that none to come does."""
    from .digest import LATE_WEEKS, late_digest_for

    if store.carried_items() & set(items):
        return []
    weeks = sorted({row["week"] for i in items if (row := store.item(i)) and row["week"]})

    def went_out(week: str) -> bool:
        return (store.digest(week) or {}).get("status") in ("sent", "sending")

    lines = []
    for week in filter(went_out, weeks):
        later = late_digest_for(week, went_out)
        tells = f"the digest of {later} tells it under \"Late from earlier weeks\"" if later else (
            f"no digest to come tells it (a digest tells the late stories of the {LATE_WEEKS} weeks before its own)")
        lines.append(f"the digest of {week} went out without it: {tells}")
    return lines


@correct.command("list")
@click.option("--all", "show_all", is_flag=True, help="The undone corrections too.")
@click.pass_obj
def correct_list(obj: Context, show_all: bool) -> None:
    """List the corrections in force (--all: the undone ones too), oldest first.

    A figure's correction that names no figure the rules read in its item now (a rule
    changed since, and read the sentence otherwise) is flagged: `monitor rejudge` leaves it
    unapplied, so correct the figure as it now reads, or undo the correction.
    """
    from .rejudge import unmatched

    with obj.store() as store:
        rows = store.corrections(all=show_all)
        stale = unmatched(obj.config, store, rows)
    if not rows:
        click.echo("no corrections" + ("" if show_all else " in force"))
    for c in rows:
        undone = f" [undone {c['undone_at'][:16].replace('T', ' ')} UTC by {c['undone_by']}{': ' + c['undo_reason'] if c['undo_reason'] else ''}]" if c["undone_at"] else ""
        click.echo(f"#{c['id']} {_correction_line(c)}{undone}")
        click.echo(f"    \"{_clip(c['quote'], 110)}\" ({c['source']})")
        if c["id"] in stale:
            click.echo("    ! no longer matches a figure the rules read in this item: read it again (`monitor facts`) and correct it anew, or undo this one")


@correct.command("undo")
@click.argument("correction_id", type=int, metavar="N")
@click.option("--reason", default="", help="Why it is undone (kept with it).")
@click.option("--by", metavar="NAME", help="Who undoes it. [default: the login name]")
@click.pass_obj
def correct_undo(obj: Context, correction_id: int, reason: str, by: str | None) -> None:
    """Undo correction N (the `#N` of `monitor correct list`): the figure reads as found
    again; a story is judged by the rules again (the feeds are rewritten).

    \b
    Example:
      monitor correct undo 1 --reason "the article was right"
    """
    from .feeds import write_feeds
    from .rejudge import judge_again
    from .store import CorrectionError

    with obj.store() as store:
        try:
            with store.transaction():
                c = store.undo_correction(correction_id, by=_editor(by), reason=reason.strip())
                if c["kind"] == "story":
                    items = store.story_items(c["item"])
                    judge_again(obj.config, store, items)
                    relevant = sum(store.item(i)["relevant"] for i in items if store.item(i))
        except CorrectionError as e:
            raise MonitorError(str(e)) from None
        if c["kind"] == "story":
            write_feeds(store, obj.config)
    if c["kind"] == "story":
        click.echo(f"correction #{c['id']} undone: story {c['item']} is judged by the rules again: {relevant} of {counted(len(items), 'item')} relevant")
    else:
        click.echo(f"correction #{c['id']} undone: {c['series']} {c['period'] or 'undated'} reads as found again")


def _correction_line(c: dict) -> str:
    """``it_exports_monthly 2025-07 354 -> 2025-06 338, by ali at 2025-08-24 09:00 UTC: why``"""
    from .corrections import describe

    return f"{describe(c)}, by {c['made_by']} at {c['made_at'][:16].replace('T', ' ')} UTC: {c['reason']}"


@cli.command("rejudge")
@click.option("--since", metavar="DATE", help="Only items published on or after this date (YYYY-MM-DD). [default: every stored item]")
@click.option("--dry-run", is_flag=True, help="List the items whose judgment would change, and change nothing.")
@click.pass_obj
def rejudge_cmd(obj: Context, since: str | None, dry_run: bool) -> None:
    """Judge the stored items again with the rules of now.

    An item's relevance, topics and figures are decided when it is first stored. After a
    change to the topic or relevance rules in sources.yaml, or an upgrade, this judges the
    archive's items again and keeps the new judgment where it differs; a figure's reports
    are linked again (which corroborates or revises which). Stories and events stay as they
    were grouped, no item is deleted, and the digests that went out stay as sent: an item
    found relevant only now, in a week whose digest was sent, is not sent later as late news.
    Start with --dry-run to see what would change. Safe to stop and run again: each batch of
    items is written whole or not at all.
    """
    from datetime import date

    from . import feeds, rejudge

    if since:
        try:
            date.fromisoformat(since)
        except ValueError:
            raise click.BadParameter(f"{since!r} is not a date such as 2025-08-18", param_hint="--since") from None
    config = obj.config
    tty = sys.stderr.isatty()
    shown = [0.0]

    def progress(done: int, total: int) -> None:
        if tty:
            click.echo(f"\rjudged {done:,} of {total:,} items", err=True, nl=done >= total)
        elif done >= total or time.monotonic() - shown[0] >= 5:
            shown[0] = time.monotonic()
            click.echo(f"judged {done:,} of {total:,} items", err=True)

    with obj.store() as store:
        run_id = None if dry_run else store.start_run("rejudge")
        try:
            with _sigterm_interrupts():
                summary = rejudge.rejudge(config, store, since=since, dry_run=dry_run, progress=progress)
        except KeyboardInterrupt as e:
            why = e.args[0] if e.args else "Ctrl-C"
            if run_id is not None:
                store.finish_run(run_id, "stopped", f"{why}: the batches judged before it are written")
            click.echo(f"\nstopped ({why}): the items judged before it keep their new judgment; run it again to judge the rest", err=True)
            sys.exit(_signal_exit(why))
        except BaseException as e:
            if run_id is not None:
                store.finish_run(run_id, "error", f"{type(e).__name__}: {e}")
            raise
        line = _rejudged_line(summary, dry_run)
        if run_id is not None:
            store.finish_run(run_id, "ok", line)
            if summary.changes:
                feeds.write_after_poll(store, config)
    if dry_run:
        for change in summary.changes:
            click.echo(change.line())
    click.echo(line)


def _rejudged_line(summary: "rejudge.RejudgeSummary", dry_run: bool) -> str:
    """``Judged 2,654 items again: 37 changed (12 now relevant, ...).``"""
    c = summary.counts()
    verb = "would change" if dry_run else "changed"
    if not summary.changes:
        return f"Judged {counted(summary.judged, 'item')} again: none {verb}."
    parts = [f"{c[k]:,} {k}" for k in ("now relevant", "no longer relevant") if c[k]]
    if c["topics"]:
        parts.append(f"{c['topics']:,} with other topics")
    if c["figures"]:
        parts.append(f"{c['figures']:,} with other figures ({c['figures added']:,} added, {c['figures removed']:,} removed)")
    if c["score or rules only"]:
        parts.append(f"{c['score or rules only']:,} with other scores or rules only")
    line = f"Judged {counted(summary.judged, 'item')} again: {len(summary.changes):,} {verb} ({', '.join(parts)})."
    if c["in sent weeks"]:
        line += f" {counted(c['in sent weeks'], 'item')} found relevant only now {'is' if c['in sent weeks'] == 1 else 'are'} in weeks whose digest went out: those digests stay as sent, and none is sent as late."
    if dry_run:
        line += " Nothing was written (--dry-run)."
    return line


def _clip(text: str, width: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


# --------------------------------------------------------------------------- daemon


@cli.command()
@click.option("--poll-every", "poll_seconds", type=click.FloatRange(min=0.5), metavar="SECONDS", help="Override the poll interval, in seconds (the config gives minutes).")
@click.option("--shutdown-timeout", type=click.FloatRange(min=0), default=60, show_default=True, metavar="SECONDS", help="How long a running job may take to finish after SIGTERM; it is stopped then.")
@click.pass_obj
def run(obj: Context, poll_seconds: float | None, shutdown_timeout: float) -> None:
    """Run the daemon: poll the sources and send the weekly digest on schedule.

    On start it catches up what it missed while it was down (a poll, and the last week's
    digest if it was not sent and is recent). It takes up changes to the configuration file
    without a restart, within 30 seconds, and logs what changed (a file that cannot be used
    is logged as an error, and the last good one kept). One daemon per archive: a second one
    is refused. SIGTERM or Ctrl-C stops it cleanly: a running job may finish within
    --shutdown-timeout, else it is stopped and the daemon exits then.
    """
    import functools

    from .daemon import Daemon, ignoring_hangups

    config = obj.config  # a configuration that cannot be read stops here, as it was
    ignoring_hangups()  # SIGHUP reads the configuration again once the daemon runs
    log_setup = functools.partial(setup_logging, obj.verbose, obj.log_format)  # the same logging in each job's process
    Daemon(config, obj.db_path, poll_seconds=poll_seconds, shutdown_timeout=shutdown_timeout, log_setup=log_setup).run()


@cli.command()
@click.option("--poll-every", "poll_seconds", type=click.FloatRange(min=0.5), metavar="SECONDS", help="The poll interval to judge by; default: the running daemon's, else the configuration's.")
@click.pass_obj
def health(obj: Context, poll_seconds: float | None) -> None:
    """Exit 0 when the daemon runs and its last poll that ended worked and is recent, 1
    otherwise (for container health checks).

    Whether the daemon runs comes from the heartbeat it writes to the archive (as `monitor
    status` says): a daemon stopped, killed or silent for two minutes makes it 1, and so does
    a poll in which every source failed or is backing off, no poll within three intervals
    (a daemon just started has that long for its first), the last digest due whose send
    failed or never finished, and an archive that is missing or cannot be read. An archive no daemon has run on (polls by hand or from cron) is judged
    by its polls alone."""
    from .daemon import healthy
    from .store import ArchiveError

    try:
        with obj.store() as store:
            ok, why = healthy(store, obj.config, poll_seconds=poll_seconds)
    except ArchiveError as e:  # no archive yet, or one that cannot be read: unhealthy, not a usage error
        ok, why = False, str(e)
    try:
        click.echo(("healthy: " if ok else "unhealthy: ") + why)
    except OSError:  # (its reader went away, or a full disk): the exit code is the answer
        _drop_stdout()
    sys.exit(0 if ok else 1)


# --------------------------------------------------------------------------- serve


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on; 0.0.0.0 accepts other machines (e.g. from inside Docker).")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on; 0 picks a free one.")
@click.option("--print-metadata", is_flag=True, help="Print the Datasette metadata for --db as JSON and exit (to publish a copy).")
@click.pass_obj
def serve(obj: Context, host: str, port: int, print_metadata: bool) -> None:
    """Explore the archive in Datasette, read-only, safe beside the running daemon.

    Opens on descriptions of every table, facets by topic, source and week, full-text
    search, and canned queries: this week's stories by topic, search, a series of figures,
    a watched page's history. Serves the Atom feeds written by each poll at /feeds/. Brings
    the archive's views up to date first. Ctrl+C stops it.
    """
    from . import serve as server

    if print_metadata:
        click.echo(json.dumps(server.metadata_for(obj.db_path), indent=2, ensure_ascii=False))
        return
    config = obj.config if obj.config_path or Path(DEFAULT_CONFIG).exists() else None  # serving needs none
    path = server.prepare_archive(obj.db_path, timezone=config.timezone if config else None)
    from .locks import ServingLock

    ServingLock(path).share()  # held while this process serves: no restore replaces the file under it
    sock = server.listen(host, port)
    url_host = f"[{host}]" if ":" in host else host
    click.echo(f"Serving {path} at http://{url_host}:{sock.getsockname()[1]}/ (Ctrl+C to stop)", err=True)
    server.serve(path, sock, log_level="info" if obj.verbose else "warning")


@cli.command()
@click.argument("out", type=click.Path(dir_okay=False))
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@click.pass_obj
def snapshot(obj: Context, out: str, force: bool) -> None:
    """Write a copy of the archive to publish, without subscriber addresses.

    The copy is consistent even while the daemon writes, is one file (serve it with
    `datasette serve --immutable OUT`), and keeps how many readers each digest went to but
    not who they are.
    """
    from .privacy import PRIVATE_COLUMNS, WITHHELD

    target = Path(out)
    if target.exists() and not force:
        raise MonitorError(f"{target} exists; pass --force to replace it")
    if target.resolve() == Path(obj.db_path).resolve():
        raise MonitorError("the snapshot cannot replace the archive itself")
    with obj.store() as store:  # an existing archive, brought up to date
        store.snapshot(target, private=PRIVATE_COLUMNS, placeholder=WITHHELD)
    click.echo(f"{target}: a copy of {obj.db_path} without subscriber addresses")


@cli.command("backup")
@click.argument("out", type=click.Path())
@click.option("--force", is_flag=True, help="Replace OUT if it exists.")
@click.pass_obj
def backup_cmd(obj: Context, out: str, force: bool) -> None:
    """Copy the whole archive to OUT, to put back with `monitor restore`.

    The copy is consistent even while the daemon writes, is one file, and is checked by
    SQLite before it is kept. OUT may be a folder (one that exists, or a name ending in /):
    the copy is then named after the archive and the time in UTC
    (monitor-2026-12-06T0315Z.db), so that a daily backup keeps each day's; a second one
    in the same minute is monitor-2026-12-06T0315Z_2.db.
    """
    from . import backup

    target = backup.backup_path(out, obj.db_path)
    if target.exists() and not force:
        raise MonitorError(f"{target} exists; pass --force to replace it")
    with obj.store() as store:  # an existing archive, brought up to date
        backup.backup(store, target)
        items = store.db["items"].count
    from .text import readable_size

    click.echo(f"{target}: a backup of {obj.db_path} ({counted(items, 'item')}, {readable_size(target.stat().st_size)}); `monitor restore {target}` puts it back")


@cli.command("prune")
@click.option("--fetches-older-than", "fetch_days", type=int, default=90, show_default=True, metavar="DAYS", help="Delete the fetch log's rows older than this many days (at least 60).")
@click.option("--text-older-than", "text_days", type=int, default=180, show_default=True, metavar="DAYS", help="Empty the article text of items not relevant fetched more than this many days ago (at least 30).")
@click.option("--dry-run", is_flag=True, help="Say what would go, and change nothing.")
@click.option("--vacuum", is_flag=True, help="Then give the freed space back to the disk (VACUUM); the daemon must be stopped.")
@click.pass_obj
def prune_cmd(obj: Context, fetch_days: int, text_days: int, dry_run: bool, vacuum: bool) -> None:
    """Remove what an old archive no longer needs: old fetch rows, and the text of old
    items not relevant.

    Kept whatever their age: relevant items, every item a digest carried, items of a
    story with a relevant report, items with figures or a correction, figures, digests,
    watched pages' versions and each source's first fetch. An item whose text goes keeps
    its title, teaser, link and judgment (the search then finds it by those; `monitor
    rejudge` judges it on them). Safe beside the running daemon: each batch is a short
    transaction. The freed space is reused by new rows; --vacuum gives it back to the disk
    and needs the daemon stopped and room for a second copy of the archive.
    """
    import shutil

    from . import prune

    found_cut = prune.cutoffs(datetime.now(timezone.utc), fetch_days=fetch_days, text_days=text_days)
    lock = None
    if vacuum and not dry_run:
        from .daemon import DaemonLock

        try:
            lock = DaemonLock(obj.db_path).acquire()
        except MonitorError as e:
            raise MonitorError(f"cannot vacuum while a daemon runs on the archive: {e}; stop it first, or prune without --vacuum (nothing was changed)") from None
    try:
        with obj.store() as store:
            if lock is not None:
                from .daemon import daemon_state

                state = daemon_state(store.daemon(), datetime.now(timezone.utc), obj.config)
                if state.running:
                    raise MonitorError(f"cannot vacuum while a daemon runs on the archive: {state.line}; stop it first, or prune without --vacuum (nothing was changed)")
            if dry_run:
                found = store.prune_candidates(fetches_before=found_cut.fetches_before, text_before=found_cut.text_before)
                for line in prune.plan_lines(found, fetch_days=fetch_days, text_days=text_days, dry_run=True):
                    click.echo(line)
                click.echo(prune.space_line(store.space(), dry_run=True))
                return
            run_id = store.start_run("prune")
            try:
                done = store.prune(fetches_before=found_cut.fetches_before, text_before=found_cut.text_before, marker=f"text pruned {datetime.now(timezone.utc).date().isoformat()}")
                lines = prune.plan_lines(done, fetch_days=fetch_days, text_days=text_days, dry_run=False)
                store.finish_run(run_id, "ok", "; ".join(lines))
            except BaseException as e:
                store.finish_run(run_id, "error", f"{type(e).__name__}: {e}")
                raise
            for line in lines:
                click.echo(line)
            space = store.space()
            if vacuum:
                why = prune.vacuum_room(space, shutil.disk_usage(Path(obj.db_path).resolve().parent).free)
                if why:
                    click.echo(prune.space_line(space, dry_run=False))
                    raise MonitorError(why)
                before = space["file"]
                store.vacuum()
                click.echo(prune.space_line(store.space(), dry_run=False, vacuumed_from=before))
            else:
                click.echo(prune.space_line(space, dry_run=False))
    finally:
        if lock is not None:
            lock.release()


@cli.command("restore")
@click.argument("backup_file", metavar="BACKUP", type=click.Path(dir_okay=False))
@click.pass_obj
def restore_cmd(obj: Context, backup_file: str) -> None:
    """Put BACKUP (made by `monitor backup`) in place of the archive.

    Stop the daemon (and `monitor serve`) first. The archive it replaces is kept beside it
    (monitor.db.replaced-<time>), and the digests it records as sent since the backup stay
    recorded, so no week's digest is sent twice. When that archive cannot be read, the weeks
    since the backup whose digest may have gone out are marked in doubt for `monitor status`
    to list: a digest is not sent again by itself.
    """
    from . import backup
    from .daemon import DaemonLock, daemon_state
    from .locks import ServingLock

    config = obj.config
    try:
        lock = DaemonLock(obj.db_path).acquire()
    except MonitorError as e:
        raise MonitorError(f"cannot restore while a daemon runs on the archive: {e}; stop it first (nothing was changed)") from None
    try:
        serving = ServingLock(obj.db_path).take()
    except MonitorError as e:
        lock.release()
        raise MonitorError(f"cannot restore while {e}: it would go on serving the archive set aside; stop it first (nothing was changed)") from None
    try:
        if Path(obj.db_path).exists():
            from .store import Store

            try:  # read as it is (not brought up to date: it is about to be replaced)
                with Store(obj.db_path, readonly=True, create=False) as store:
                    state = daemon_state(store.daemon(), datetime.now(timezone.utc), config)
            except (MonitorError, sqlite3.Error):
                state = None  # an archive that cannot be read is what a restore is for
            if state and state.running:
                raise MonitorError(f"cannot restore while a daemon runs on the archive: {state.line}; stop it first (nothing was changed)")
        done = backup.restore(backup_file, obj.db_path, tz=config.tz)
    finally:
        serving.release()
        lock.release()
    taken = f"taken {local_time(done.taken_at, config.tz)}, " if done.taken_at else ""
    click.echo(f"{done.archive}: restored from {done.backup} ({taken}{counted(done.items, 'item')})")
    if done.replaced and done.left_over:
        files = " and ".join(done.left_over)
        kept = " and ".join(f"{done.replaced}{s}" for s in done.left_over)
        click.echo(f"  the {files} file{'s' if len(done.left_over) > 1 else ''} left at {done.archive} without its archive {'are' if len(done.left_over) > 1 else 'is'} kept as {kept}")
    elif done.replaced:
        click.echo(f"  the archive it replaced is kept as {done.replaced}")
    if done.kept:
        click.echo(f"  digests sent since the backup stay recorded as sent: {', '.join(done.kept)}")
    if done.written:
        click.echo(f"  digests the outbox holds are recorded as sent: {', '.join(done.written)}")
    if done.unreadable and (not done.replaced or done.left_over):
        click.echo(f"  there was no archive at {done.archive} before, so the digests sent since the backup are not known")
    elif done.unreadable:
        click.echo(f"  the archive it replaced could not be read ({done.unreadable}), so the digests sent since the backup are not known")
    if done.in_doubt:
        click.echo(f"  marked in doubt, not to be sent again by themselves: {', '.join(done.in_doubt)}; `monitor status` says what to do")
    if done.rejudged:
        when = local_time(done.rejudged[-1], config.tz)
        click.echo(
            f"  `monitor rejudge` ran on the archive it replaced after the backup (last at {when}): the restored items "
            "carry the judgments of before it; run `monitor rejudge` to judge them with the rules of now"
        )
    click.echo("  items fetched since the backup are fetched again by the next poll while their feeds still list them")


def _utf8(stream: TextIO | None) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def _readable_anywhere() -> None:
    """On a terminal whose locale is not UTF-8 (``LANG=en_US.ISO-8859-1``), a line with Urdu
    in it (a source's name, a quote, a title) shows the letters the terminal cannot as
    ``\\u0641`` escapes, as Python writes its own errors, rather than ending the command."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and not _utf8(stream) and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (OSError, ValueError):
                pass


def _json_lines_stdio(*, stdin: bool) -> None:
    """JSON lines are UTF-8 (RFC 8259), whatever the locale: read (``stdin``) and written so,
    as ``jq`` does, so that Urdu in them is neither misread nor a crash in another locale.
    Bytes that are no UTF-8 in what is read become U+FFFD."""
    streams = [(sys.stdout, "strict")] + ([(sys.stdin, "replace")] if stdin else [])
    for stream, errors in streams:
        if stream is not None and not _utf8(stream) and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(encoding="utf-8", errors=errors)
            except (OSError, ValueError):
                pass


class _Echoed:
    """Standard output for a writer that takes a file (``csv``): what it writes goes out as
    :func:`click.echo` writes it, so a reader that went away or a full disk is met as in any
    other output of a command."""

    def write(self, text: str) -> None:
        click.echo(text, nl=False)


def _stdout_failed(e: OSError) -> bool:
    """Whether ``e`` is standard output refusing what the command printed (redirected to a full
    disk, a file past its size limit, ``/dev/full``): the write that raised it was to file
    descriptor 1, or what is still waiting to go there cannot be written either."""
    tb = e.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    file = tb.tb_frame.f_locals.get("file") if tb is not None else None
    try:
        if file is not None and file.fileno() == 1:
            return True
    except (AttributeError, OSError, ValueError):
        pass
    if sys.stdout is None:
        return False
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        return True
    return False


def _drop_stdout() -> None:
    """Nothing more goes to standard output, nor at exit: what could not be written is dropped."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _closed_streams_taken() -> None:
    """A command started with a standard stream closed (``monitor status >&-``) meets it as a
    stream it cannot use, as ``ls`` and ``cat`` do: what it prints fails with "Bad file
    descriptor" (one line, exit 2) instead of vanishing with exit 0. The descriptor is taken by
    ``/dev/null``, read-only for standard output so that writing to it fails; a closed standard
    error drops what would go there, and the exit code still tells."""
    for fd, flags in ((0, os.O_RDONLY), (1, os.O_RDONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(fd)
            continue
        except OSError:
            pass
        try:
            held = os.open(os.devnull, flags)
            if held != fd:
                os.dup2(held, fd)
                os.close(held)
        except OSError:
            continue
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        if getattr(sys, name) is None:
            try:
                setattr(sys, name, open(fd, mode, closefd=False))
            except OSError:
                pass


def main() -> None:
    _closed_streams_taken()
    _readable_anywhere()
    try:
        cli(prog_name="monitor")
    except OSError as e:  # (a reader that went away, EPIPE, is Click's: quiet, exit 1)
        if not _stdout_failed(e):
            raise
        from .errors import os_reason

        _drop_stdout()
        say(f"error: cannot write to standard output: {os_reason(e)}")
        sys.exit(2)


if __name__ == "__main__":
    main()

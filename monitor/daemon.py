"""``monitor run``: the daemon that polls the sources and sends the weekly digest.

An APScheduler 3.x ``BlockingScheduler`` with an in-memory job store, rebuilt from the
configuration at every start: the archive, not the scheduler, remembers what happened.

* Every job run is a row in ``runs`` (start, end, outcome), written before and after the job.
* On start the daemon catches up what it missed while it was down: a poll at once when the
  last one is older than the interval; the digest of the last completed week when it was not
  sent and that week ended less than ``schedule.catch_up_days`` ago, after that poll has
  ended, so that what was published while the daemon was down reaches its own week's digest.
  Sending is idempotent (see :mod:`monitor.mail`), so a digest is never sent twice.
* ``coalesce=True`` and ``max_instances=1`` stop piled-up or overlapping runs; a generous
  ``misfire_grace_time`` keeps a run that starts late (a busy or suspended machine) instead of
  silently dropping it, as APScheduler's default of one second would.
* A lock file next to the database stops a second daemon on the same archive.
* The daemon writes a heartbeat to the archive (:class:`Heartbeat`), so that ``monitor
  status`` can tell whether one is running, even from another container sharing the archive
  (:func:`daemon_state`).
* Each job runs in a child process of its own (:class:`ChildJob`), so that it can be stopped.
  SIGTERM and SIGINT stop scheduling and let a running job finish within the shutdown
  timeout, asking it to stop at its next pause: a digest waiting to try the mail server
  again stops there, and its week, of which nothing was handed over, is failed, not in
  doubt (the path of ``digest --send`` stopped by Ctrl-C). A job still running then (a
  fetch stuck on a server that never answers) is killed, its run recorded as ``stopped``,
  and only then does the daemon say "daemon stopped" and exit: nothing is written after
  that. A source's items are written in batches, each in one transaction, so a killed job,
  like ``kill -9`` of the daemon itself, keeps the batches it stored and leaves an archive
  that the next run completes. A child whose daemon dies stops too.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import os
import signal
import socket
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from .config import Config, ConfigError, load_config
from .errors import MonitorError, os_reason
from .pipeline import poll_tick
from .status import process_alive, run_state
from .store import Store, archive_errors
from .text import counted
from .weeks import last_completed_week, parse_timestamp, shift_week, week_bounds

log = logging.getLogger("monitor.daemon")

MISFIRE_GRACE = 6 * 3600  # seconds a late run is still worth doing
JOB_OPTIONS = {"coalesce": True, "max_instances": 1, "misfire_grace_time": MISFIRE_GRACE}
SHUTDOWN_TIMEOUT = 60.0
#: Seconds to wait for a killed job's thread to record the run, after the shutdown timeout.
STOP_GRACE = 10.0
#: How many weeks back a start looks for digests left unsent, to say so.
UNSENT_WEEKS = 8
#: Seconds between two heartbeats of the daemon in the archive.
HEARTBEAT_SECONDS = 30.0
#: Seconds between two looks at the configuration file for a change (a job looks first too).
CONFIG_CHECK_SECONDS = 30.0
#: A daemon whose heartbeat is this many beats late is taken as gone (a beat may wait up to
#: SQLite's 30 seconds behind a poll's write).
HEARTBEAT_MISSES = 4


# --------------------------------------------------------------------------- lock


class DaemonLock:
    """An exclusive ``flock`` on ``<db>.lock``, released by the kernel if the process dies.

    The file holds the daemon's pid, to name it when a second daemon is refused; it is
    emptied when the daemon stops. Whether a daemon runs is told by its heartbeat in the
    archive (:func:`daemon_state`), which another container sharing the archive sees too."""

    def __init__(self, db_path: str | Path):
        self.path = Path(f"{db_path}.lock")
        self._fd: int | None = None

    def acquire(self) -> "DaemonLock":
        """Take the lock, or raise :class:`MonitorError` in one line: another daemon holds it,
        or its file cannot be made (the archive's folder is read-only for this user, a file is
        in the way of the folder, the disk is full)."""
        db = Path(str(self.path)[: -len(".lock")])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise MonitorError(f"{db}: cannot create the archive's folder {e.filename or self.path.parent}: {os_reason(e)}") from None
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise MonitorError(self._unwritable(e)) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = (os.pread(fd, 32, 0).decode(errors="replace").split() or ["unknown"])[0]
            os.close(fd)
            raise MonitorError(f"another monitor daemon (pid {holder}) is already running on this archive; lock file {self.path}") from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        except OSError as e:
            os.close(fd)
            raise MonitorError(self._unwritable(e)) from None
        self._fd = fd
        return self

    def _unwritable(self, e: OSError) -> str:
        return (
            f"{self.path}: cannot write the daemon's lock file beside the archive: {os_reason(e)}"
            " (the daemon writes in the archive's folder, as SQLite does its -wal and -shm files:"
            " check that the folder is writable by the user the daemon runs as, and the free space there)"
        )

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "DaemonLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


# --------------------------------------------------------------------------- heartbeat


@dataclass(frozen=True)
class DaemonState:
    """Whether a daemon runs on the archive, as its heartbeat says (:func:`daemon_state`)."""

    running: bool
    line: str  # what ``monitor status`` says about it
    poll_seconds: float | None = None  # the interval the running daemon polls at


class Heartbeat:
    """Writes the daemon's heartbeat to the archive every ``beat_seconds`` from a thread of
    its own, from :meth:`start` until :meth:`stop`, which records the clean stop. A beat
    that cannot be written (the archive locked past SQLite's wait) is logged and tried
    again at the next one."""

    def __init__(self, db_path: str, *, poll_seconds: float, beat_seconds: float = HEARTBEAT_SECONDS):
        self.db_path = db_path
        self.poll_seconds = poll_seconds
        self.beat_seconds = beat_seconds
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        with Store(self.db_path) as store:
            store.daemon_started(poll_seconds=self.poll_seconds, beat_seconds=self.beat_seconds)
        self._thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        while not self._stop.wait(self.beat_seconds):
            try:
                with Store(self.db_path, create=False) as store:  # never a new, empty archive
                    store.daemon_beat()
            except (MonitorError, sqlite3.Error) as e:
                log.warning("could not write the daemon's heartbeat to the archive: %s", e)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        try:
            with Store(self.db_path, create=False) as store:
                store.daemon_beat(stopped=True)
        except (MonitorError, sqlite3.Error) as e:
            log.warning("could not record the daemon's stop in the archive: %s", e)


def daemon_state(row: dict | None, now: datetime, config: Config, host: str | None = None) -> DaemonState:
    """Whether the daemon of ``row`` (:meth:`Store.daemon`) is running at ``now``: it has not
    recorded a stop, and its last heartbeat is at most :data:`HEARTBEAT_MISSES` beats old
    (on this machine, ``host``, default this one's name, its process must also be alive)."""
    if row is None:
        return DaemonState(False, "not running (none has run on this archive); start one with `monitor run`")
    who = f"pid {row['pid']} on {row['host']}"
    seen = parse_timestamp(row["seen_at"])
    if row.get("stopped_at"):
        return DaemonState(False, f"not running; the last one ({who}) stopped at {_local(parse_timestamp(row['stopped_at']), config)}; start one with `monitor run`")
    gone = now - seen > timedelta(seconds=HEARTBEAT_MISSES * row["beat_seconds"])
    if not gone and row["host"] == (host or socket.gethostname()) and not process_alive(int(row["pid"])):
        gone = True
    if gone:
        return DaemonState(
            False,
            f"not running; the last one ({who}) was last seen at {_local(seen, config)} and did not record a stop"
            " (killed, or its machine went down); start one with `monitor run`",
        )
    return DaemonState(True, f"running ({who}, since {_local(parse_timestamp(row['started_at']), config)}; last heartbeat {_ago(now - seen)} ago)", row["poll_seconds"])


def _ago(age: timedelta) -> str:
    seconds = max(0, int(age.total_seconds()))
    return f"{seconds} s" if seconds < 120 else f"{seconds // 60} min"


# --------------------------------------------------------------------------- the configuration file


class ConfigWatch:
    """The configuration the daemon runs with, read again when its file changes.

    :meth:`check` reads the file (a few kilobytes) and compares it with the last look: a
    changed file that loads is the new configuration; one that does not (a mistake mid-edit,
    the file gone) is logged once as an error, naming it and what is wrong, and the daemon
    keeps the version it read last, until the file changes again. A mistake undone, so that
    the file says again what the version in use says, is logged too: the error is over."""

    def __init__(self, config: Config, now: datetime | None = None):
        self.config = config
        self.path = Path(config.path)
        self.read_at = now or datetime.now(timezone.utc)
        self._seen = self._content()
        self._unusable = False  # the file's last change could not be used

    def _content(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    def check(self, now: datetime | None = None) -> Config | None:
        """The new configuration when the file changed since the last look and can be used;
        ``None`` when it did not change, changed in nothing that matters, or cannot be used."""
        content = self._content()
        if content == self._seen:
            return None
        self._seen = content
        now = now or datetime.now(timezone.utc)
        try:
            new = load_config(self.path)
        except ConfigError as e:
            log.error("%s changed, but the daemon cannot use it and keeps the version it read at %s: %s", self.path, _local(self.read_at, self.config), "; ".join(map(str, getattr(e, "errors", None) or [e])))
            self._unusable = True
            return None
        fixed, self._unusable = self._unusable, False
        if _meaning(new) == _meaning(self.config):  # a comment, or lines moved, or a mistake undone
            if fixed:  # the error said the file was unusable: say that is over
                log.warning("%s can be used again; it says what the version the daemon read at %s says, which it goes on with", self.path, _local(self.read_at, self.config))
            return None
        self.config, self.read_at = new, now
        return new


def _meaning(config: Config) -> Config:
    """``config`` without what only places it in its file (lines, warnings naming them)."""
    return replace(config, sources=tuple(replace(s, line=None) for s in config.sources), warnings=())


def config_changes(old: Config, new: Config, poll_seconds: float | None = None) -> str:
    """What a new configuration changes, in words: the sources added, removed and changed
    (by name), and the poll interval and digest time when they moved."""
    before = {s.name: s for s in old.sources}
    after = {s.name: s for s in new.sources}
    parts = []
    for label, names in (
        ("added", [n for n in after if n not in before]),
        ("removed", [n for n in before if n not in after]),
        ("changed", [n for n in after if n in before and replace(after[n], line=None) != replace(before[n], line=None)]),
    ):
        if names:
            parts.append(f"{counted(len(names), 'source')} {label} ({', '.join(names)})")
    if poll_seconds is None:
        was, now = poll_tick(old), poll_tick(new)
        if was != now:
            parts.append(f"polls every {now} min (was {was})")
    s, t = old.schedule, new.schedule
    if (s.digest_day, s.digest_hour, s.digest_minute) != (t.digest_day, t.digest_hour, t.digest_minute) or old.timezone != new.timezone:
        parts.append(f"digest {t.digest_day} {t.digest_hour:02d}:{t.digest_minute:02d} {new.timezone} (was {s.digest_day} {s.digest_hour:02d}:{s.digest_minute:02d} {old.timezone})")
    others = [k for k in ("topics", "relevance", "digest", "fetch", "watch", "keep_irrelevant", "dedup_window_days", "silent_days", "stale_days", "public_url", "user_agent_contact") if getattr(old, k) != getattr(new, k)]
    if old.schedule.catch_up_days != new.schedule.catch_up_days:
        others.append("schedule.catch_up_days")
    if others:
        parts.append("settings changed: " + ", ".join(others))
    return "; ".join(parts) or "nothing the daemon uses"


# --------------------------------------------------------------------------- schedule


@dataclass(frozen=True)
class Plan:
    """When the jobs run: the poll interval and the digest's weekly time."""

    poll_seconds: float
    digest: CronTrigger

    @classmethod
    def from_config(cls, config: Config, poll_seconds: float | None = None) -> "Plan":
        s = config.schedule
        return cls(
            poll_seconds=poll_seconds or 60.0 * poll_tick(config),
            digest=CronTrigger(day_of_week=s.digest_day, hour=s.digest_hour, minute=s.digest_minute, timezone=config.tz),
        )

    def next_digest(self, now: datetime | None = None) -> datetime | None:
        now = now or datetime.now(timezone.utc)
        return self.digest.get_next_fire_time(None, now)


class JobFailed(Exception):
    """A job that ran to its end without doing its work (every source failed): a ``failed``
    run, not an ``error``."""


def job_poll(config: Config, db_path: str, *, create: bool = True) -> str:
    from . import pipeline

    with Store(db_path, create=create) as store:
        summary = pipeline.poll(config, store)
    if summary.outage:
        raise JobFailed(summary.outage_line())
    return summary.line()


def job_digest(config: Config, db_path: str, week: str | None = None, *, create: bool = True) -> str:
    from .mail import send_digest

    week = week or last_completed_week(config.tz)
    with Store(db_path, create=create) as store:
        try:
            result = send_digest(store, config, week, sleep=_pause)
        except KeyboardInterrupt:  # stopped while waiting to try again: send_digest recorded the week as failed
            raise JobStopped(f"digest {week}: stopped at shutdown while waiting to try again; nothing was handed over, so the week is failed and the next run sends it") from None
    if result.status in ("failed", "uncertain", "in_doubt"):
        # recorded as a failed run, visible in `monitor status` and the runs table
        raise RuntimeError(f"digest {week}: {result.status}: {result.error or 'see the digests table'}")
    if result.refused:  # sent, but not to everyone: worth a warning, as the command prints it
        log.warning("%s", result.line())
    return f"digest {week}: {result.status}"


def daemon_poll(config: Config, db_path: str) -> str:
    """The daemon's poll: on the archive it started on, never a new one (it may be gone)."""
    return job_poll(config, db_path, create=False)


def daemon_digest(config: Config, db_path: str) -> str:
    """The daemon's digest: on the archive it started on, never a new one."""
    return job_digest(config, db_path, create=False)


class JobStopped(Exception):
    """The job was killed at shutdown, or stopped at a pause when asked to: a ``stopped`` run."""


#: In a job's child process: set when the daemon is stopping (:meth:`ChildJob.request_stop`).
_stop_requested: Any = None


def _pause(seconds: float) -> None:
    """``time.sleep`` for a job's wait before trying again, cut short when the daemon stops:
    it raises ``KeyboardInterrupt`` then, as Ctrl-C does in ``digest --send``, so that a send
    whose attempts handed nothing over is recorded as failed rather than killed in doubt."""
    if _stop_requested is None:
        time.sleep(seconds)
    elif _stop_requested.wait(seconds):
        raise KeyboardInterrupt("the daemon is stopping")


class ChildJob:
    """A job function run in a child process (``spawn``), which :meth:`stop` can kill.

    Calling it runs ``func(*args)`` in the child and returns what it returned, or raises
    :class:`JobFailed` or ``RuntimeError`` as the function did; :class:`JobStopped` when it
    was stopped. ``log_setup`` configures the child's logging as the daemon's.
    """

    def __init__(self, name: str, func: Callable[..., str], *args: Any, log_setup: Callable[[], None] | None = None):
        self.name = name
        self.func = func
        self.args = args
        self.log_setup = log_setup
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._stopped = False
        self._context = multiprocessing.get_context("spawn")
        self._stop_requested = self._context.Event()  # read by the child's pauses (_pause)

    def __call__(self) -> str:
        context = self._context
        receive, send = context.Pipe(duplex=False)
        process = context.Process(target=_child_main, args=(send, self.func, self.args, self.log_setup, os.getpid(), self._stop_requested), name=f"monitor {self.name}")
        with self._lock:
            if self._stopped:
                raise JobStopped("stopped at shutdown before it began")
            with _hangups_blocked():  # until the job's process ignores SIGHUP itself (_child_main)
                process.start()
            self._process = process
        send.close()
        try:
            result = None
            while result is None and (process.is_alive() or receive.poll()):
                if receive.poll(0.5):
                    result = receive.recv()
            process.join()
        except EOFError:
            process.join()
        finally:
            receive.close()
            with self._lock:
                self._process = None
        if result is None:
            if self._stopped:
                raise JobStopped("stopped at shutdown: it was still running when the shutdown timeout passed")
            raise RuntimeError(f"the job's process ended without a result (exit code {process.exitcode})")
        outcome, detail = result
        if outcome == "stopped":
            raise JobStopped(detail)
        if outcome == "failed":
            raise JobFailed(detail)
        if outcome == "error":
            raise RuntimeError(detail)
        return detail

    def request_stop(self) -> None:
        """Ask the running child (and any later one) to stop at its next pause: a digest
        waiting to try the mail server again gives up and records its week as failed."""
        self._stop_requested.set()

    def stop(self) -> bool:
        """Kill the child if it runs, and refuse to start another; whether one was killed."""
        with self._lock:
            self._stopped = True
            process = self._process
        if process is not None and process.is_alive():
            process.kill()
            return True
        return False


def ignoring_hangups() -> None:
    """In the daemon's process, before it starts any other: ignore SIGHUP, which the
    process that tracks the jobs' shared resources, started with the first job, inherits
    (:meth:`Daemon.run` then takes SIGHUP as "read the configuration again")."""
    signal.signal(signal.SIGHUP, signal.SIG_IGN)


@contextmanager
def _hangups_blocked() -> Iterator[None]:
    """SIGHUP blocked in this thread for the block: a process started meanwhile inherits it
    blocked, so a SIGHUP sent to every process of the daemon's group does not end it before
    it has set its own handling."""
    if threading.current_thread() is threading.main_thread():  # the daemon's signals arrive there
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGHUP})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGHUP})


def _child_main(send, func: Callable[..., str], args: tuple, log_setup: Callable[[], None] | None, daemon_pid: int, stop_requested: Any = None) -> None:
    """In the child: run the job and send ``(outcome, detail)`` back; end if the daemon dies.

    Ctrl-C, SIGTERM and SIGHUP are for the daemon, which decides (a service manager may send SIGTERM
    to every process of the service): it asks the job to stop at its next pause
    (``stop_requested``), then kills it once the shutdown timeout has passed."""
    global _stop_requested
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a closed terminal or a reload is the daemon's too
    _stop_requested = stop_requested
    if log_setup:
        log_setup()
    threading.Thread(target=_end_with, args=(daemon_pid,), name="watch daemon", daemon=True).start()
    try:
        result = ("ok", func(*args))
    except JobStopped as e:
        result = ("stopped", str(e))
    except KeyboardInterrupt as e:
        result = ("stopped", f"stopped at shutdown: {e}" if str(e) else "stopped at shutdown")
    except JobFailed as e:
        result = ("failed", str(e))
    except Exception as e:
        log.exception("job %s failed", getattr(func, "__name__", "job"))
        result = ("error", f"{type(e).__name__}: {e}")
    send.send(result)
    send.close()


def _end_with(daemon_pid: int) -> None:
    """End this process as soon as the daemon that started it is gone."""
    while os.getppid() == daemon_pid:
        threading.Event().wait(1.0)
    os._exit(1)


class Daemon:
    """Builds the scheduler from the config and runs it until a signal arrives."""

    def __init__(self, config: Config, db_path: str, *, poll_seconds: float | None = None, shutdown_timeout: float = SHUTDOWN_TIMEOUT, jobs: dict[str, Callable[[], str]] | None = None, log_setup: Callable[[], None] | None = None, beat_seconds: float = HEARTBEAT_SECONDS, config_check_seconds: float = CONFIG_CHECK_SECONDS):
        self.config = config
        self.config_watch = ConfigWatch(config)
        self.config_check_seconds = config_check_seconds
        self._config_lock = threading.Lock()
        self.db_path = str(db_path)
        self.poll_override = poll_seconds  # run --poll-every: the configuration's interval does not apply
        self.plan = Plan.from_config(config, poll_seconds)
        self.heartbeat = Heartbeat(self.db_path, poll_seconds=self.plan.poll_seconds, beat_seconds=beat_seconds)
        self.shutdown_timeout = shutdown_timeout
        self.jobs = jobs or {
            "poll": ChildJob("poll", daemon_poll, config, self.db_path, log_setup=log_setup),
            "digest": ChildJob("digest", daemon_digest, config, self.db_path, log_setup=log_setup),
        }
        self._idle = threading.Condition()
        self._running = 0
        self._stopping = False  # the shutdown timeout passed: no job starts
        self._signalled = False  # stop() was called: no job starts that has not begun
        self._caught_up = threading.Event()  # the catch-up poll ended (or none was needed)
        self._archive: tuple[int, int] | None = None  # the archive's file (device, inode) at start
        self.failure: str | None = None  # why the daemon stopped by itself
        self.scheduler = BlockingScheduler(
            timezone=config.tz,
            executors={"default": ThreadPoolExecutor(3)},  # a poll, the digest and the configuration check
            job_defaults=JOB_OPTIONS,
        )

    # -- running one job --------------------------------------------------------

    def archive_lost(self) -> str | None:
        """Why the archive the daemon started on is no longer at its path (deleted, moved away,
        or another file put in its place), or ``None`` while it is."""
        if self._archive is None:
            return None
        try:
            st = os.stat(self.db_path)
        except FileNotFoundError:
            what = "was deleted or moved away"
        except OSError as e:
            what = f"cannot be reached ({e.strerror})"
        else:
            if (st.st_dev, st.st_ino) == self._archive:
                return None
            what = "was replaced by another file"
        return (
            f"the archive {self.db_path} {what} while the daemon ran; the daemon stops rather than write to"
            " another archive than the one it started on (or create a new, empty one): put the archive back"
            " (a copy is put in place with the daemon stopped), then start the daemon again"
        )

    def check_archive(self) -> bool:
        """Stop the daemon, saying why, when its archive is gone (:meth:`archive_lost`)."""
        lost = self.archive_lost()
        if lost is None:
            return True
        if self.failure is None:
            self.failure = lost
            log.error("%s", lost)
            self.stop()
        return False

    def run_job(self, name: str) -> None:
        """Run a job and record it in ``runs``; errors are logged, never raised."""
        if not self.check_archive():
            return
        with self._idle:
            if self._stopping or self._signalled:
                return
            self._running += 1
        run_id = None
        try:
            self.reload_config()  # a job runs with the file as it is now
            with archive_errors(self.db_path), Store(self.db_path, create=self._archive is None) as store:  # a lost archive is not made anew
                run_id = store.start_run(name)
            log.info("job %s started", name, extra={"job": name, "run_id": run_id})
            try:
                detail = self.jobs[name]()
                outcome = "ok"
            except JobStopped as e:
                detail, outcome = str(e), "stopped"
            except JobFailed as e:
                log.warning("job %s failed: %s", name, e, extra={"job": name, "run_id": run_id, "outcome": "failed"})
                detail, outcome = str(e), "failed"
            except Exception as e:  # a failing job must not kill the daemon
                log.exception("job %s failed: %s", name, e, extra={"job": name, "run_id": run_id, "outcome": "error"})
                detail, outcome = f"{type(e).__name__}: {e}", "error"
            with archive_errors(self.db_path), Store(self.db_path, create=self._archive is None) as store:
                store.finish_run(run_id, outcome, detail)
            log.info("job %s %s: %s", name, outcome, detail, extra={"job": name, "run_id": run_id, "outcome": outcome})
        except MonitorError as e:  # the archive cannot be opened, or written (locked by another process), to record the run
            if self.check_archive():  # (gone: said once, and the daemon stops)
                if run_id is None:
                    log.error("job %s did not start, and the daemon goes on: %s", name, e, extra={"job": name, "outcome": "error"})
                else:
                    log.error("job %s could not be recorded: %s", name, e, extra={"job": name, "run_id": run_id})
        finally:
            if name == "poll":
                self._caught_up.set()
            with self._idle:
                self._running -= 1
                self._idle.notify_all()

    def reload_config(self) -> None:
        """Take up the configuration file's changes (see :class:`ConfigWatch`): the next jobs
        run with the new file, and the poll interval (unless ``--poll-every`` set it) and the
        digest's time move to its values, the heartbeat's interval with them."""
        with self._config_lock:
            new = self.config_watch.check()
            if new is None:
                return
            log.warning("%s changed; the daemon uses it from now on: %s", new.path, config_changes(self.config, new, self.poll_override))
            for warning in new.warnings:
                log.warning("%s", warning)
            self.config = new
            for job in self.jobs.values():
                if isinstance(job, ChildJob):
                    job.args = (new, *job.args[1:])
            plan = Plan.from_config(new, self.poll_override)
            moved_poll = plan.poll_seconds != self.plan.poll_seconds
            moved_digest = str(plan.digest) != str(self.plan.digest)
            self.plan = plan
            if self.scheduler.running:
                if moved_poll:
                    self.scheduler.reschedule_job("poll", trigger=IntervalTrigger(seconds=plan.poll_seconds, timezone=new.tz))
                if moved_digest:
                    self.scheduler.reschedule_job("digest", trigger=plan.digest)
            if moved_poll:
                self.heartbeat.poll_seconds = plan.poll_seconds
                try:
                    with Store(self.db_path, create=self._archive is None) as store:
                        store.daemon_polls_every(plan.poll_seconds)
                except (MonitorError, sqlite3.Error) as e:
                    log.warning("could not record the daemon's new poll interval in the archive: %s", e)

    def catch_up_digest(self) -> None:
        """The digest missed while the daemon was down, once the catch-up poll has ended: the
        items published meanwhile are stored first, and go out in their own week's digest
        rather than next week as late ones. Nothing starts once the daemon is stopping."""
        while not self._caught_up.wait(0.5):
            if self._signalled or self._stopping:
                return
        self.run_job("digest")

    # -- catch-up -------------------------------------------------------------------

    def missed(self, now: datetime | None = None) -> list[str]:
        """The jobs to run at once on start: what was missed while the daemon was down."""
        now = now or datetime.now(timezone.utc)
        due = []
        with Store(self.db_path) as store:
            last_poll = store.last_run("poll")
            if last_poll is None or parse_timestamp(last_poll["started_at"]) <= now - timedelta(seconds=self.plan.poll_seconds):
                due.append("poll")
            week = last_completed_week(self.config.tz, now)
            sent = store.digest(week)
            _, week_end = week_bounds(week, self.config.tz)
            fresh = now - week_end < timedelta(days=self.config.schedule.catch_up_days)
            fired = self.plan.digest.get_next_fire_time(None, week_end) <= now
            if fired and fresh and not (sent and sent.get("status") == "sent"):
                due.append("digest")
        return due

    def left_unsent(self, now: datetime | None = None) -> list[str]:
        """The weeks whose digest was due while the daemon was down, was not sent, and is too old
        to be sent on start (``schedule.catch_up_days``), newest first: at most
        :data:`UNSENT_WEEKS` back, none before the archive's first poll, none before a week that
        was sent."""
        now = now or datetime.now(timezone.utc)
        weeks = []
        with Store(self.db_path) as store:
            first = store.first_run("poll")
            if first is None:
                return []
            began = parse_timestamp(first["started_at"])
            week = last_completed_week(self.config.tz, now)
            for _ in range(UNSENT_WEEKS):
                _, week_end = week_bounds(week, self.config.tz)
                if week_end <= began:
                    break
                sent = store.digest(week)
                if sent and sent.get("status") == "sent":
                    break
                fired = self.plan.digest.get_next_fire_time(None, week_end) <= now
                if fired and now - week_end >= timedelta(days=self.config.schedule.catch_up_days) and not sent:
                    weeks.append(week)
                week = shift_week(week, -1)
        return weeks

    # -- lifecycle --------------------------------------------------------------------

    def build(self, now: datetime | None = None) -> None:
        now = now or datetime.now(timezone.utc)
        missed = self.missed(now)
        first_poll = now if "poll" in missed else now + timedelta(seconds=self.plan.poll_seconds)
        if "poll" not in missed:
            self._caught_up.set()
        self.scheduler.add_job(self.run_job, IntervalTrigger(seconds=self.plan.poll_seconds, timezone=self.config.tz), args=["poll"], id="poll", name="poll", next_run_time=first_poll, **JOB_OPTIONS)
        self.scheduler.add_job(self.run_job, self.plan.digest, args=["digest"], id="digest", name="digest", **JOB_OPTIONS)
        self.scheduler.add_job(self.reload_config, IntervalTrigger(seconds=self.config_check_seconds, timezone=self.config.tz), id="config", name="configuration check", **JOB_OPTIONS)
        self.scheduler.add_job(self.check_archive, IntervalTrigger(seconds=self.config_check_seconds, timezone=self.config.tz), id="archive", name="archive check", **JOB_OPTIONS)
        if "digest" in missed:
            self.scheduler.add_job(self.catch_up_digest, "date", run_date=now, id="digest-catch-up", name="digest catch-up", **JOB_OPTIONS)
        sch = self.config.schedule
        log.info(
            "schedule: poll every %s min, digest %s %02d:%02d %s (next %s); catching up: %s",
            f"{self.plan.poll_seconds / 60:g}", sch.digest_day, sch.digest_hour, sch.digest_minute, self.config.timezone,
            _local(self.plan.next_digest(datetime.now(timezone.utc)), self.config), ", ".join(missed) or "nothing",
        )
        for week in self.left_unsent(now):
            log.warning(
                "digest %s was never sent and is older than schedule.catch_up_days (%s days), so it is not sent now; to send it: monitor digest --week %s --send",
                week, self.config.schedule.catch_up_days, week,
            )

    def stop(self, signum: int | None = None, frame: object = None) -> None:
        if signum:
            log.info("received %s, stopping", signal.Signals(signum).name)
        with self._idle:
            self._signalled = True
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)

    def hangup(self, signum: int | None = None, frame: object = None) -> None:
        """SIGHUP (``systemctl reload``, or the terminal the daemon runs in closed): read the
        configuration file again at once, as the daemon does every 30 seconds, and go on,
        where SIGHUP's default action would end it on the spot with no stop recorded. The
        processes it starts are kept from it too (:func:`ignoring_hangups`,
        :meth:`ChildJob.__call__`)."""
        threading.Thread(target=self._read_again, name="reload", daemon=True).start()

    def _read_again(self) -> None:
        before = self.config
        self.reload_config()  # a change is said there, as for any edit
        if self.config is before:
            unusable = self.config_watch._unusable
            log.warning(
                "received SIGHUP: %s read again: %s; the daemon goes on (SIGTERM stops it)",
                self.config_watch.path,
                f"it still cannot be used, so the daemon keeps the version it read at {_local(self.config_watch.read_at, self.config)}" if unusable else "nothing changed that the daemon uses",
            )
        else:
            log.warning("received SIGHUP: %s read again and taken up; the daemon goes on (SIGTERM stops it)", self.config_watch.path)

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait for running jobs to finish, up to ``timeout`` (default: the shutdown timeout)."""
        with self._idle:
            return self._idle.wait_for(lambda: self._running == 0, timeout=self.shutdown_timeout if timeout is None else timeout)

    def shut_down(self) -> None:
        """After scheduling stopped: ask a running job to stop at its next pause (a digest
        waiting to try the mail server again stops there, its week failed, since nothing was
        handed over) and let it finish within the shutdown timeout, else kill it and wait
        until its run is recorded as ``stopped``."""
        for job in self.jobs.values():
            if isinstance(job, ChildJob):
                job.request_stop()
        if self.wait_idle():
            return
        log.warning("a job was still running after %.0fs; exiting anyway: stopping it (its source's writes are atomic)", self.shutdown_timeout)
        with self._idle:
            self._stopping = True  # no job starts from now on
        for job in self.jobs.values():
            if isinstance(job, ChildJob):
                job.stop()
        if not self.wait_idle(STOP_GRACE):
            log.error("a job could not be stopped; exiting with it running")

    def run(self) -> None:
        with DaemonLock(self.db_path):
            with Store(self.db_path) as store:  # create or migrate the archive before any job
                store.set_timezone(self.config.timezone)
            st = os.stat(self.db_path)
            self._archive = (st.st_dev, st.st_ino)
            self.build()
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, self.stop)
            signal.signal(signal.SIGHUP, self.hangup)
            self.heartbeat.start()
            log.info("daemon started (pid %d) on %s", os.getpid(), self.db_path)
            try:
                self.scheduler.start()  # blocks until stop()
            finally:
                self.shut_down()
                self.heartbeat.stop()
                log.info("daemon stopped")
        if self.failure:
            raise MonitorError(self.failure)


# --------------------------------------------------------------------------- status


def schedule_lines(config: Config, store: Store, now: datetime | None = None, daemon: DaemonState | None = None) -> list[str]:
    """The schedule with the last and next run of each job, for ``monitor status``. The next
    runs are the running daemon's (``daemon``, else read from the archive's heartbeat: see
    :func:`daemon_state`), at the interval it polls at (``--poll-every`` may override the
    configuration's); with no daemon running nothing is scheduled, and the lines say so
    rather than give times nothing will keep."""
    now = now or datetime.now(timezone.utc)
    daemon = daemon or daemon_state(store.daemon(), now, config)
    plan = Plan.from_config(config, daemon.poll_seconds)
    last_poll = store.last_run("poll")
    last_digest = store.last_run("digest")
    if daemon.running:
        next_poll = _local(parse_timestamp(last_poll["started_at"]) + timedelta(seconds=plan.poll_seconds), config) if last_poll else "at once"
        next_digest = _local(plan.next_digest(now), config)
    else:
        next_poll = next_digest = "none scheduled, no daemon is running"
    return [
        f"poll: every {plan.poll_seconds / 60:g} min; last {_run(last_poll, now, config)}; next {next_poll}",
        f"digest: {config.schedule.digest_day} {config.schedule.digest_hour:02d}:{config.schedule.digest_minute:02d} {config.timezone}; last {_run(last_digest, now, config)}; next {next_digest}",
    ]


def _run(run: dict | None, now: datetime, config: Config) -> str:
    """A job's last run: when it started, in the configured timezone as its next run is, and how it went."""
    if not run:
        return "never"
    return f"{_local(parse_timestamp(run['started_at']), config)} ({run_state(run, now)})"


def _local(when: datetime | None, config: Config) -> str:
    return when.astimezone(config.tz).strftime("%Y-%m-%d %H:%M %Z") if when else "-"


def healthy(
    store: Store, config: Config, now: datetime | None = None, *, poll_seconds: float | None = None, host: str | None = None
) -> tuple[bool, str]:
    """For HEALTHCHECK: healthy when a daemon runs on the archive (its heartbeat, as
    :func:`daemon_state` reads it) and the last poll that ended worked (not every source
    failed, no error) and was recent (within three of the daemon's intervals, counted from
    its start when no poll has ended since: a daemon just started has that long for its
    first poll).

    Unhealthy too when the newest week whose digest was due has a send that failed or never
    finished (:func:`_unsent_digest`). An archive no daemon has ever run on (polls by hand or
    from cron) is judged by its polls alone. A poll stopped at shutdown is passed over; one still running counts once it ends.
    ``poll_seconds`` overrides the interval, which is otherwise the running daemon's
    (``run --poll-every`` included), else the configuration's.
    """
    now = now or datetime.now(timezone.utc)
    row = store.daemon()
    daemon = daemon_state(row, now, config, host)
    if row is not None and not daemon.running:
        return False, f"daemon {daemon.line}"
    plan = Plan.from_config(config, poll_seconds or daemon.poll_seconds)
    every = _age(timedelta(seconds=plan.poll_seconds))
    limit = timedelta(seconds=3 * plan.poll_seconds)
    started = parse_timestamp(row["started_at"]) if daemon.running else None
    last = store.last_finished_run("poll")
    if last is not None and last["outcome"] != "ok":
        return False, f"last poll {last['outcome']} {_age(now - parse_timestamp(last['finished_at']))} ago: {last['detail'] or 'no detail'}"
    ended = parse_timestamp(last["finished_at"]) if last else None
    if started is not None and (ended is None or ended < started):
        if now - started <= limit:  # a daemon just started: its first poll may still be running
            first = "its first poll has not ended yet" if ended is None else f"its first poll has not ended yet; the last one before it ended {_age(now - ended)} ago"
            return True, f"daemon started {_age(now - started)} ago, {first}"
        return False, f"the daemon started {_age(now - started)} ago and no poll has ended since, and polls are due every {every}{_running_poll(store, now)}"
    if ended is None:
        return False, "no successful poll yet" + ("" if row else "; no daemon has run on this archive: start one with `monitor run`")
    age = now - ended
    if age > limit:
        why = _running_poll(store, now) or ": the daemon runs but has not polled since" if daemon.running else ": no daemon has run on this archive (start one with `monitor run`)"
        return False, f"last successful poll {_age(age)} ago, and polls are due every {every}{why}"
    unsent = _unsent_digest(store, config, plan, now)
    if unsent:
        return False, unsent
    return True, f"last successful poll {_age(age)} ago" + ("; daemon " + daemon.line if daemon.running else "; no daemon has run on this archive (polls by hand or from cron)")


#: A send still ``sending`` after this long did not finish (a send takes minutes at most,
#: its retries' waits included): whether its digest went out is not known.
SEND_IN_DOUBT_AFTER = timedelta(hours=1)


def _unsent_digest(store: Store, config: Config, plan: Plan, now: datetime) -> str | None:
    """Why the newest week whose digest was due has not gone out, when its send failed or
    never finished: the readers got nothing, which a health check must say as much as a
    failed poll. ``None`` when it was sent, or none was tried (a daemon that was not running
    then is said by the heartbeat, and its catch-up sends it)."""
    week = last_completed_week(config.tz, now)
    _, week_end = week_bounds(week, config.tz)
    if plan.digest.get_next_fire_time(None, week_end) > now:  # not due yet: the week before
        week = shift_week(week, -1)
    row = store.digest(week)
    if not row or row.get("status") not in ("failed", "sending"):
        return None
    began = parse_timestamp(row["started_at"]) if row.get("started_at") else None
    if row["status"] == "failed":
        ago = f" {_age(now - began)} ago" if began else ""
        return f"the digest of {week} was not sent: its send failed{ago}: {row.get('error') or 'no detail'}; once that is fixed, `monitor digest --week {week} --send` sends it"
    if began is not None and now - began < SEND_IN_DOUBT_AFTER:  # a send under way
        return None
    since = f"its send began {_age(now - began)} ago and never finished" if began else (row.get("error") or "whether it went out is not known")
    return f"the digest of {week} may not have gone out: {since}; `monitor status` says what to check"


def _running_poll(store: Store, now: datetime) -> str:
    """``: one has been running for 3 h`` when the newest poll is still marked running."""
    run = store.last_run("poll")
    if run is None or run["finished_at"] is not None:
        return ""
    return f": one has been running for {_age(now - parse_timestamp(run['started_at']))}"


def _age(age: timedelta) -> str:
    seconds = int(age.total_seconds())
    return f"{seconds}s" if seconds < 120 else f"{seconds // 60} min" if seconds < 7200 else f"{seconds // 3600} h" if seconds < 172800 else f"{seconds // 86400} days"

"""The back-off state machine alone: a pure function of the prior state, the outcome and the time."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from monitor.backoff import Outcome, State, backoff_minutes, next_state
from monitor.store import SourceState

NOW = datetime(2025, 8, 22, 10, 0, 0, 123456, tzinfo=timezone.utc)
STAMP = "2025-08-22T10:00:00+00:00"


def at(minutes: float) -> str:
    return (NOW.replace(microsecond=0) + timedelta(minutes=minutes)).isoformat()


def test_a_first_success_schedules_the_next_poll_and_keeps_the_validators():
    state = next_state(None, Outcome("ok", etag='"v1"', last_modified="Thu, 21 Aug 2025 15:00:00 GMT", new_items=3), NOW, interval=60)
    assert state == State(
        etag='"v1"', last_modified="Thu, 21 Aug 2025 15:00:00 GMT", last_attempt=STAMP, last_success=STAMP,
        last_outcome="ok", consecutive_failures=0, next_attempt=at(60), last_new_item=STAMP,
    )  # fmt: skip


def test_failures_double_the_wait_up_to_the_cap_and_never_give_up():
    state, waits = None, []
    for _ in range(8):
        state = next_state(state, Outcome("http_5xx", error="HTTP 503"), NOW, interval=60, cap=180)
        waits.append(datetime.fromisoformat(state.next_attempt) - NOW.replace(microsecond=0))
    assert [w / timedelta(minutes=1) for w in waits] == [60, 120, 180, 180, 180, 180, 180, 180]
    assert state.consecutive_failures == 8
    assert (state.last_outcome, state.last_error, state.last_failure, state.last_attempt) == ("http_5xx", "HTTP 503", STAMP, STAMP)


def test_a_longer_retry_after_wins_but_not_over_the_cap():
    assert next_state(None, Outcome("http_5xx", retry_after=3600), NOW, interval=5).next_attempt == at(60)
    assert next_state(None, Outcome("http_4xx", retry_after=10), NOW, interval=5).next_attempt == at(5)
    assert next_state(None, Outcome("http_5xx", retry_after=10 * 86400), NOW, interval=5, cap=24 * 60).next_attempt == at(24 * 60)


def test_a_failure_keeps_what_the_last_success_left():
    good = next_state(None, Outcome("ok", etag='"v1"', new_items=2), NOW - timedelta(hours=5), interval=60)
    failed = next_state(good, Outcome("timeout", error="read timeout"), NOW, interval=60)
    assert (failed.etag, failed.last_success, failed.last_new_item) == (good.etag, good.last_success, good.last_new_item)
    assert failed.consecutive_failures == 1


def test_a_success_after_failures_resets_the_count_and_keeps_the_last_error():
    state = None
    for _ in range(3):
        state = next_state(state, Outcome("connect", error="connection refused"), NOW - timedelta(hours=3), interval=60)
    back = next_state(state, Outcome("ok", etag='"v2"'), NOW, interval=60)
    assert (back.consecutive_failures, back.next_attempt, back.last_outcome) == (0, at(60), "ok")
    assert (back.last_error, back.last_failure) == ("connection refused", state.last_failure)  # history, for status pages
    assert back.last_new_item is None  # nothing new this time


def test_not_modified_is_a_success_that_keeps_the_validators():
    first = next_state(None, Outcome("ok", etag='"v1"', last_modified="Thu, 21 Aug 2025 15:00:00 GMT"), NOW - timedelta(hours=1))
    same = next_state(first, Outcome("not_modified"), NOW, interval=30)
    assert (same.etag, same.last_modified, same.last_outcome, same.next_attempt) == ('"v1"', "Thu, 21 Aug 2025 15:00:00 GMT", "not_modified", at(30))


def test_an_ok_answer_without_validators_drops_the_old_ones():
    first = next_state(None, Outcome("ok", etag='"v1"'), NOW - timedelta(hours=1))
    assert next_state(first, Outcome("ok"), NOW).etag is None  # sending a stale ETag would hide changes


def test_the_state_reads_from_the_archive_row():
    row = SourceState("Wire", "https://example.com/feed", "feed", etag='"x"', consecutive_failures=2, next_attempt=at(5))
    assert State.of(row) == State(etag='"x"', consecutive_failures=2, next_attempt=at(5))
    assert State.of({"consecutive_failures": None}) == State()


@pytest.mark.parametrize("failures, minutes", [(1, 60), (2, 120), (3, 240), (5, 960), (6, 1440), (40, 1440)])
def test_backoff_minutes(failures, minutes):
    assert backoff_minutes(failures, 60, 1440) == minutes


def test_the_function_is_pure():
    prior = State(consecutive_failures=1)
    outcome = Outcome("timeout")
    assert next_state(prior, outcome, NOW) == next_state(prior, outcome, NOW)
    assert prior == State(consecutive_failures=1)  # frozen: the prior state is never changed

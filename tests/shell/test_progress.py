"""Progress on stderr: the time left, from the share of the work done at the pace so far."""

from __future__ import annotations

import io

import pytest

from backprop_companion.output import progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def clock(monkeypatch):
    now = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    return now


def test_the_time_left_follows_the_share_of_the_work_done(monkeypatch, clock):
    err = Terminal()
    monkeypatch.setattr("sys.stderr", err)
    bar = progress.Progress(10, "sweep")
    clock[0] += 30.0
    bar.update(1, fraction=0.25)  # a quarter of the work in 30 s: 90 s to go
    assert err.getvalue().endswith("sweep: 1/10 (25%), about 1 min 30 s left")
    clock[0] += 10.0
    bar.update(5)  # by default the share is done / total: 40 s for half, 40 s to go
    assert err.getvalue().endswith("sweep: 5/10 (50%), about 40 s left")


def test_nothing_is_shown_off_a_terminal(monkeypatch, clock):
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    bar = progress.Progress(10, "sweep")
    clock[0] += 30.0
    bar.update(5)
    bar.close()
    assert err.getvalue() == ""

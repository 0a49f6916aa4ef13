"""Output that survives any terminal: the real process, run as a user runs it, with hostile streams.

An ASCII-only stream gets ASCII spellings and the same exit code; a full disk or a closed stdout is
exit 1 with one line on stderr (silence when stderr is gone too); Ctrl-C at any moment, start-up
included, is exit 130 with one line. Each hostile case is a fresh interpreter (``python -m
backprop_companion``), since the streams and the signal handler are the process's own; what an ASCII
stream is compared with is the command's output run in-process, which a UTF-8 child is held to for
one command of each style.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backprop_companion.cli import main
from backprop_companion.output.encoding import SPELLINGS, spell
from tests.shell.test_budget import run_only_with_slow

COMMAND = [sys.executable, "-m", "backprop_companion"]

COMMANDS = (
    ["walkthrough"],
    ["walkthrough", "--json"],
    ["check", "w5_new=0.35891648", "out_h1=0.6"],
    ["check", "--list"],
    ["train", "--steps", "100", "--l2", "0.1"],
    ["train", "--steps", "100", "--json"],
    ["gradcheck", "--bug", "all"],
    ["gradcheck", "--sizes", "3,5,2", "--mode", "equations", "--json"],
    ["derive"],
    ["derive", "--mathml"],
    ["ex4"],
    ["gradcheck", "--help"],
    ["train", "--steps", "x"],
    ["--version"],
)
"""A command line of every command but ``docs`` and ``bench`` (which take minutes), each style of
output (text, JSON, help, a refusal)."""


def run(argv, env=None, cwd=None, **streams):
    environment = {**os.environ, **(env or {})}
    return subprocess.run(COMMAND + argv, env=environment, cwd=cwd, capture_output=not streams, **streams)


def in_process(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The exit code and standard output of ``argv`` run in this process, on a stream that takes any
    character (the output a UTF-8 terminal gets, without an interpreter's start-up)."""
    try:
        code = main(argv)
    except SystemExit as exit:  # --help and --version end through argparse
        code = exit.code if isinstance(exit.code, int) else 2
    return code, capsys.readouterr().out


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_an_ascii_terminal_gets_ascii_spellings_and_the_same_exit_code(argv, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")  # help is wrapped alike here and in the child, whatever the terminal
    ascii_ = run(argv, env={"PYTHONIOENCODING": "ascii"})
    code, utf8 = in_process(argv, capsys)
    assert ascii_.returncode == code, ascii_.stderr
    assert b"Traceback" not in ascii_.stderr
    ascii_.stdout.decode("ascii")  # valid in the stream's encoding
    assert ascii_.stdout == spell(utf8, "ascii").encode("ascii")
    if "--json" in argv:
        assert json.loads(ascii_.stdout) == json.loads(utf8)


@pytest.mark.parametrize(
    "argv",
    [
        ["walkthrough"],
        ["walkthrough", "--json"],
        ["gradcheck", "--help"],
        ["train", "--steps", "x"],
        ["derive", "--mathml"],
    ],
    ids=" ".join,
)
def test_the_in_process_reference_is_what_a_utf_8_terminal_gets(argv, capsys, monkeypatch):
    """The reference above is the command run in-process; a real process on a UTF-8 stream writes the
    same bytes and exits alike, for one command of each style of output (text, JSON, help, a refusal,
    MathML)."""
    monkeypatch.setenv("COLUMNS", "80")
    utf8 = run(argv, env={"PYTHONIOENCODING": "utf-8"})
    assert (utf8.returncode, utf8.stdout.decode("utf-8")) == in_process(argv, capsys)


def test_every_spelling_is_ascii_and_a_latin_1_stream_keeps_what_it_can_hold():
    assert all(spelt.isascii() for spelt in SPELLINGS.values())
    assert spell("σ′(z) → ∂C/∂w, ½", "ascii") == "sigma'(z) -> dC/dw, 1/2"
    assert spell("σ′(z) → ½", "latin-1") == "sigma'(z) -> ½"
    assert spell("é ☃", "ascii") == "e \\u2603"  # decomposed, or escaped: never lost silently


@pytest.mark.parametrize("argv", [["walkthrough"], ["walkthrough", "--json"], ["--help"], ["train", "-x"]])
def test_a_full_disk_is_exit_1_with_one_line(argv):
    with open("/dev/full", "w") as full:
        done = run(argv, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == (2 if argv == ["train", "-x"] else 1)
    assert done.stderr.decode().count("\n") == 1 and b"Traceback" not in done.stderr
    assert b"No space left on device" in done.stderr or argv == ["train", "-x"]


def test_a_closed_stdout_is_exit_1_with_one_line_and_a_closed_stderr_silence():
    done = run(["walkthrough"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, close_fds=True)
    assert done.returncode == 0
    closed = subprocess.run(
        ["sh", "-c", '"$0" "$@" >&-', *COMMAND, "walkthrough"], capture_output=False, stderr=subprocess.PIPE
    )
    assert closed.returncode == 1
    assert closed.stderr == b"backprop-companion: error: could not write the output: stdout is closed\n"
    both = subprocess.run(["sh", "-c", '"$0" "$@" >/dev/full 2>&-', *COMMAND, "walkthrough"])
    assert both.returncode == 1  # nothing to say it on, and no traceback either


def test_a_reader_that_leaves_early_is_no_failure():
    done = subprocess.run(
        ["sh", "-c", '"$0" "$@" | head -c 10 >/dev/null', *COMMAND, "walkthrough"], stderr=subprocess.PIPE
    )
    assert done.returncode == 0 and done.stderr == b""


INTERRUPTS = 12
"""Interrupts at random moments of start-up and of a run (each a fresh interpreter, ~0.5 s)."""


def _running(process: subprocess.Popen[bytes], timeout_s: float = 60.0) -> None:
    """Wait until the companion's own code runs: numpy's library is mapped into the process, and the
    companion sets its Ctrl-C handler before it imports numpy (backprop_companion.launch). Before
    that, an interrupt is the interpreter's to report (docs/bad-input.md): a fixed delay instead of
    this waited 0.2 s, which a loaded machine's start-up outlasted."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(OSError):
            if "numpy" in Path(f"/proc/{process.pid}/maps").read_text():
                return
        time.sleep(0.005)
    raise AssertionError(f"the companion did not start within {timeout_s} s (exit {process.poll()})")


def test_ctrl_c_at_any_moment_is_exit_130_with_one_line(tmp_path: Path):
    rng = random.Random(18)
    for _ in range(INTERRUPTS):
        process = subprocess.Popen(
            [*COMMAND, "train", "--steps", "10000000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # as at a terminal
        )
        _running(process)
        time.sleep(rng.uniform(0.0, 0.6))  # during the rest of the imports, or the run itself
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 130, (process.returncode, err)
        assert err == b"backprop-companion: error: interrupted\n", err
        assert out == b""


def test_ctrl_c_ignored_by_the_caller_stays_ignored():
    """A script's background job (``cmd &``) starts with SIGINT ignored, so that Ctrl-C meant for the
    foreground spares it; the companion keeps it so, as Python itself does."""
    process = subprocess.Popen(
        [*COMMAND, "train", "--steps", "2000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    for _ in range(5):  # through start-up and the run
        time.sleep(0.1)
        process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, err) == (0, b"") and b"E_total" in out


REPOSITORY = Path(__file__).resolve().parents[2]
ASCII_EVERYWHERE = {"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
"""An ASCII stream and an ASCII locale (not coerced to C.UTF-8), which ``open`` would also take
without an encoding."""


@pytest.mark.slow
def test_docs_on_an_ascii_terminal_writes_the_same_docs_and_exits_0(tmp_path: Path, request):
    """``docs`` (one to two minutes) on an ASCII terminal: exit 0 as on a UTF-8 one, and the files it
    writes are the committed ones byte for byte (they are UTF-8 whatever the terminal)."""
    run_only_with_slow(request)
    done = run(["docs", "--out", str(tmp_path / "docs")], env=ASCII_EVERYWHERE, cwd=REPOSITORY)
    assert (done.returncode, done.stderr) == (0, b""), done.stderr
    done.stdout.decode("ascii")
    written = sorted(p.relative_to(tmp_path / "docs") for p in (tmp_path / "docs").rglob("*") if p.is_file())
    differ = [
        p for p in written if (tmp_path / "docs" / p).read_bytes() != (REPOSITORY / "docs" / p).read_bytes()
    ]
    assert written and differ == []


def _shape(output: bytes) -> list[str]:
    """The output with every number masked, runs of spaces squeezed, and each target's verdict masked:
    timings vary between runs, and with them whether a target is met."""
    lines = []
    for line in output.decode().splitlines():
        line = re.sub(r"[-+]?[\d.,]+(e[-+]?\d+)?", "#", line)
        line = re.sub(r"\bmet\b|\bmissed by #%|\btrue\b|\bfalse\b", "<verdict>", line)
        lines.append(" ".join(line.split()))
    return lines


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv", [["bench", "--quick", "--quiet"], ["bench", "--quick", "--quiet", "--json"]], ids=" ".join
)
def test_bench_on_an_ascii_terminal_exits_as_on_a_utf_8_one(argv, request):
    """``bench --quick`` (under a minute, twice): the same exit code and the same lines, ASCII-spelt."""
    run_only_with_slow(request)
    utf8 = run(argv, env={"PYTHONIOENCODING": "utf-8"})
    ascii_ = run(argv, env=ASCII_EVERYWHERE)
    assert ascii_.returncode == utf8.returncode == 0, ascii_.stderr
    assert b"Traceback" not in ascii_.stderr
    ascii_.stdout.decode("ascii")
    if "--json" in argv:
        assert _skeleton(json.loads(ascii_.stdout)) == _skeleton(json.loads(utf8.stdout))
    else:
        assert _shape(ascii_.stdout) == _shape(spell(utf8.stdout.decode("utf-8"), "ascii").encode("ascii"))


def _skeleton(value: object) -> object:
    """A JSON value with every leaf replaced by its type: the timings in it vary between runs."""
    if isinstance(value, dict):
        return {key: _skeleton(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_skeleton(item) for item in value]
    return type(value).__name__


HANDLED_INSIDE_A_STRING = """
import sys
import backprop_companion.cli as cli
import backprop_companion.launch as launch

def command_line():  # a Ctrl-C that lands in code run from a string (a dataclass being made), handled
    try:
        exec("raise KeyboardInterrupt")
    except KeyboardInterrupt:
        return 130

cli.main = command_line
sys.exit(launch.main() if sys.argv[1] == "launch" else command_line())
"""


def test_an_interrupt_handled_inside_code_run_from_a_string_still_exits_130(tmp_path: Path):
    """Under ``python -m`` (as the tests and the docs run the companion), CPython kills itself with
    SIGINT at exit (-2) when the last code it ran from a string ended in KeyboardInterrupt, handled or
    not; launch.main clears that. The control, without launch.main, exits -2."""
    (tmp_path / "handled_inside_a_string.py").write_text(HANDLED_INSIDE_A_STRING, encoding="utf-8")
    run = [sys.executable, "-m", "handled_inside_a_string"]
    assert subprocess.run([*run, "launch"], cwd=tmp_path).returncode == 130
    assert subprocess.run([*run, "control"], cwd=tmp_path).returncode == -signal.SIGINT


def test_an_error_that_an_interrupt_caused_is_reported_as_the_interrupt(monkeypatch, capsys):
    """A Ctrl-C that closes a file mid-write can surface as the next write's EBADF, which docs reports as
    "could not write" (exit 1, seen once in test_docs_interrupts): once an interrupt came, any error
    is the interrupt. The control: the same refusal without an interrupt is its own one line."""
    from backprop_companion import interrupts
    from backprop_companion.cli import main

    argv = ["docs", "--out", "/nonexistent/folder/docs"]
    assert main(argv) == 2
    assert "does not exist" in capsys.readouterr().err
    monkeypatch.setattr(interrupts, "interrupted", True)
    assert main(argv) == 130
    assert capsys.readouterr().err == "backprop-companion: error: interrupted\n"

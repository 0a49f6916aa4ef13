"""Writes that damage nothing: only regular files are replaced, symlinks are followed, permissions are
the umask's (new) or the file's own (replaced); docs/ is replaced as a set, whatever the moment of an
interrupt, and files it does not own are left alone and never read."""

from __future__ import annotations

import os
import random
import signal
import stat
import time
from pathlib import Path

import pytest

from backprop_companion.cli import main
from backprop_companion.docs import drift, write
from backprop_companion.output.files import NotAFile, write_atomically


def test_a_device_a_fifo_and_a_folder_are_refused_and_left_alone(tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for target in (Path(os.devnull), fifo, tmp_path):
        before = target.lstat()
        with pytest.raises(NotAFile, match="not a regular file"):
            write_atomically(target, "text\n")
        after = target.lstat()
        assert (after.st_mode, after.st_ino) == (before.st_mode, before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fifo"]  # no debris either


def test_bench_refuses_to_plot_onto_a_device_before_measuring(capsys):
    assert main(["bench", "--plot", os.devnull]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "a character device, not a regular file" in err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_symlink_is_followed_and_stays_a_link(tmp_path: Path):
    target, link = tmp_path / "target.svg", tmp_path / "link.svg"
    target.write_text("old\n", encoding="utf-8")
    link.symlink_to(target.name)
    write_atomically(link, "new\n")
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text(encoding="utf-8") == "new\n"


def test_new_files_get_the_umasks_permissions_and_replaced_files_keep_theirs(tmp_path: Path):
    previous = os.umask(0o027)
    try:
        write_atomically(tmp_path / "new.md", "new\n")
        kept = tmp_path / "kept.md"
        kept.write_text("old\n", encoding="utf-8")
        kept.chmod(0o604)
        write_atomically(kept, "new\n")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640  # 0o666 less the umask
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604


@pytest.mark.parametrize("out", ["", ".", "x" * 5_000, "/nonexistent/docs"])
def test_a_docs_folder_that_cannot_be_one_is_refused_before_any_generation(out, capsys):
    started = time.monotonic()
    assert main(["docs", "--out", out]) == 2
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and err.startswith("backprop-companion: error: ")
    assert time.monotonic() - started < 5  # refused at once: generating takes about 20 s


def small_set(tag: str) -> dict[str, str]:
    """A docs set of 40 files in two folders, each naming its version (``tag``)."""
    return {
        **{f"page-{i:02}.md": f"{tag} page {i}\n" * 50 for i in range(30)},
        **{f"figures/figure-{i}.svg": f"<svg>{tag} {i}</svg>\n" for i in range(10)},
    }


def on_disk(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)).replace(os.sep, "/"): p.read_bytes() for p in root.rglob("*") if p.is_file()
    }


EXTRAS = {"photo.png": b"\x89PNG\r\n\x1a\n\xff\xfe binary", "figures/private.txt": b"nobody's\n"}
"""Files docs/ holds that the generator does not make: carried into every new set, never read."""

INTERRUPTS = 20
"""Interrupts at random moments of a set's replacement (the acceptance's count)."""


def interrupted_write(root: Path, wanted: dict[str, str], after_s: float) -> bool:
    """``write`` with Ctrl-C (a real SIGINT) after ``after_s`` seconds; whether it was interrupted."""
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: signal.raise_signal(signal.SIGINT))
    ctrl_c = signal.signal(signal.SIGINT, signal.default_int_handler)  # a background run ignores it
    signal.setitimer(signal.ITIMER_REAL, after_s)
    try:
        write(root, wanted)
    except KeyboardInterrupt:
        return True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        signal.signal(signal.SIGINT, ctrl_c)
    return False


# An interrupt in the middle of a folder listing leaves its iterator to the garbage collector, which
# warns; that is the interrupt's doing, not the companion's.
@pytest.mark.filterwarnings("ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning")
def test_interrupts_at_random_moments_leave_the_old_set_or_the_new_one(tmp_path: Path):
    root = tmp_path / "docs"
    old, new = small_set("old"), small_set("new")
    write(root, old)
    for path, data in EXTRAS.items():
        (root / path).write_bytes(data)
    (root / "figures/private.txt").chmod(0)
    old_bytes = on_disk(root)
    new_bytes = {**{p: t.encode() for p, t in new.items()}, **EXTRAS}
    durations = []
    for version in (new, old, new):  # the slowest of three: a loaded machine varies
        started = time.monotonic()
        write(root, version)
        durations.append(time.monotonic() - started)
    duration = max(durations)
    rng, interrupted = random.Random(18), 0
    for _ in range(INTERRUPTS):
        write(root, old)
        assert on_disk(root) == old_bytes
        interrupted += interrupted_write(root, new, rng.uniform(1e-5, duration))
        assert on_disk(root) in (old_bytes, new_bytes)  # never a mix
    assert interrupted >= INTERRUPTS // 4  # the moments fell inside the write, as meant (most do)
    write(root, new)  # the next run tidies whatever the interrupted ones left
    assert on_disk(root) == new_bytes and sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
    assert stat.S_IMODE((root / "figures/private.txt").stat().st_mode) == 0
    assert drift(root, new).splitlines() == [
        "docs/figures/private.txt: not made by the generator (docs/ holds generated files only)",
        "docs/photo.png: not made by the generator (docs/ holds generated files only)",
    ]


def test_leftovers_of_a_killed_run_are_tidied_and_a_set_left_aside_is_put_back(tmp_path: Path):
    root = tmp_path / "docs"
    old, new = small_set("old"), small_set("new")
    write(root, old)
    (root / "figures/.figure-1.svg.a1b2c3d4.tmp").write_text("half", encoding="utf-8")  # the old scheme's
    (tmp_path / ".docs.staging-x1y2z3").mkdir()
    assert "not made by the generator" in drift(root, old)
    aside = tmp_path / ".docs.old-q7w8e9"
    aside.mkdir()
    root.rename(aside / "docs")  # killed between the swap's two renames
    write(root, old)  # unchanged: nothing to write, but the old set comes back and the debris goes
    assert drift(root, old) == "" and sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
    (root / "page-00.md").write_bytes(b"\xff\xfe not UTF-8")
    assert "(not UTF-8 text)" in drift(root, old)
    assert write(root, new)[0] == "page-00.md" and drift(root, new) == ""


def test_a_docs_folder_that_cannot_be_written_is_refused_before_any_generation(tmp_path, monkeypatch, capsys):
    """A user gets this for a read-only folder; root may write anywhere, so here ``os.access`` says no."""
    import backprop_companion.docs

    def generation(*args: object, **kwargs: object) -> dict[str, str]:
        raise AssertionError("generation started (20 s and more) before the folder was checked")

    monkeypatch.setattr(backprop_companion.docs, "pages", generation)
    (tmp_path / "docs").mkdir()
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path / "docs")
    assert main(["docs", "--out", str(tmp_path / "docs")]) == 2
    err = capsys.readouterr().err
    folder = tmp_path / "docs"
    assert err == f"backprop-companion: error: cannot write {folder}: the folder {folder} is not writable\n"


@pytest.mark.parametrize("where", ["file", "proc"])
def test_a_plot_that_cannot_be_written_is_exit_2(tmp_path, capsys, where):
    """A file where the folder should be is refused before the run; /proc, which no file may join
    though root may 'write' to it, is refused when the figure is written: one line, exit 2, no file."""
    parent = tmp_path / "walk.txt"
    parent.write_text("not a folder", encoding="utf-8")
    target = str(parent / "x.svg") if where == "file" else "/proc/backprop-companion-test.svg"
    code = main(["train", "--steps", "10", "--plot", target])
    _out, err = capsys.readouterr()
    assert code == 2 and len(err.strip().splitlines()) == 1 and "--plot" in err

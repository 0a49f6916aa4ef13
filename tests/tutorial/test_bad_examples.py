"""A bad example file is refused with one line naming the file and the key, exit 2, and nothing written:
each case is Mazur's shipped file with one thing broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from backprop_companion.cli import main
from worked import tutorial
from worked.core import InvalidInput

SHIPPED = Path(tutorial.__file__).parent.parent / "examples" / "files" / "mazur.toml"

CASES = [
    # (what is broken, the edit (old, new), the key the message must name, words it must say)
    ("a missing section", ("[values]\n", "[unused]\n"), "[values]", "missing section"),
    ("an unknown neuron name", ('w5 = ["o1", "h1"]', 'w5 = ["o1", "h9"]'), "names.w5", "unknown neuron 'h9'"),
    (
        "a weight joining non-adjacent layers",
        ('w5 = ["o1", "h1"]', 'w5 = ["o1", "i1"]'),
        "names.w5",
        "adjacent",
    ),
    (
        "sizes that disagree with the names",
        ("sizes = [2, 2, 2]", "sizes = [2, 3, 2]"),
        "names.layers",
        "[2, 3, 2]",
    ),
    ("digits that are not a number", ('net_h1 = "0.3775"', 'net_h1 = "0.37x5"'), "printed.net_h1", "digits"),
    (
        "a quantity name outside the grammar",
        ('net_h1 = "0.3775"', 'net_h9 = "0.3775"'),
        "printed.net_h9",
        "grammar",
    ),
    (
        "a training run too long to ask for by name",
        ('net_h1 = "0.3775"', 'E_total_after_10000000 = "0.01"'),
        "printed.E_total_after_10000000",
        "at most 100,000 steps",
    ),
    ("a value that is not a number", ("i1 = 0.05", "i1 = true"), "values.i1", "got true"),
    ("not TOML at all", ("[network]", "[network"), "not TOML", ""),
    ("an unknown cost", ('cost = "quadratic"', 'cost = "quadratik"'), "network.cost", "quadratik"),
    ("a missing value", ("w8 = 0.55\n", ""), "values.w8", "missing"),
]


def broken(tmp_path: Path, old: str, new: str) -> Path:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text  # the edit applies: otherwise the case tests nothing
    path = tmp_path / "broken.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("what", "edit", "key", "words"), CASES, ids=[c[0] for c in CASES])
def test_a_bad_file_exits_2_naming_the_file_and_the_key_and_writes_nothing(
    tmp_path, capsys, what, edit, key, words
):
    path = broken(tmp_path, *edit)
    figure = tmp_path / "training.svg"
    for command in (["walkthrough"], ["train", "--steps", "1", "--plot", str(figure)], ["check", "w5=0.4"]):
        assert main([*command, "--example", str(path)]) == 2
        captured = capsys.readouterr()
        message = captured.err.strip()
        assert str(path) in message and key in message and words in message, message
        assert "Traceback" not in message and "\n" not in message and captured.out == ""
    assert not figure.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.toml"]


@pytest.mark.parametrize(("what", "edit", "key", "words"), CASES, ids=[c[0] for c in CASES])
def test_the_api_refuses_the_same_file_with_the_same_words(tmp_path, what, edit, key, words):
    path = broken(tmp_path, *edit)
    with pytest.raises(InvalidInput, match=key.replace("[", r"\[").replace("]", r"\]")):
        tutorial.load(path)


def test_the_unbroken_copy_loads(tmp_path):
    assert tutorial.load(broken(tmp_path, "[values]", "[values]")).value("net_h1") == pytest.approx(0.3775)


@pytest.mark.parametrize("value", ["1e300", "-2e6"])
def test_a_value_far_past_a_worked_examples_scale_is_refused(capsys, value: str) -> None:
    code = main(["walkthrough", "--set", f"w5={value}", "--arithmetic"])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and "at most 1e+06" in err


def test_a_shared_bias_prefix_that_fits_two_layers_asks_for_the_number(tmp_path, capsys) -> None:
    text = SHIPPED.read_text(encoding="utf-8").replace('"o1"', '"h3"').replace('"o2"', '"h4"')
    text = text.replace('b2 = "o"', 'b2 = "h"')
    path = tmp_path / "prefix.toml"
    path.write_text(text, encoding="utf-8")
    assert main(["walkthrough", "--example", str(path)]) == 2
    assert (
        "names.b1: the prefix 'h' fits layers 2, 3; name the layer by its number" in capsys.readouterr().err
    )

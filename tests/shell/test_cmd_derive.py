"""``backprop-companion derive``: the derivations, ``--verify`` and its report, and bad usage."""

from __future__ import annotations

import json

import pytest

from backprop_companion.cli import main
from backprop_companion.options import derive as options
from symbolic import equations, functions, regularisation
from symbolic.controls import CONTROLS, REGULARISED_CONTROLS


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_derive_prints_the_four_equations_with_their_steps(capsys):
    code, out, err = run(capsys, "derive")
    assert code == 0 and err == ""
    for label, vector in (("BP1", "δ^L = ∇_a C ⊙ σ′(z^L)"), ("BP4", "∂C/∂w^l_{jk} = a^{l−1}_k δ^l_j")):
        assert f"{label}  {vector}" in out
    assert out.count(": proven (") == 4 and "[sympy.diff]" in out and "[Sum.doit()]" in out
    assert "premise: C = Σ_q" in out and "cannot be written" not in out.split("\n")[0]


def test_derive_latex_and_json(capsys):
    code, out, _ = run(capsys, "derive", "--latex")
    assert code == 0 and r"\odot" in out and r"\begin{align*}" in out
    # outside comments, only ASCII: unicode math is written as LaTeX commands
    assert [line for line in out.splitlines() if not line.startswith("%") and not line.isascii()] == []
    code, out, _ = run(capsys, "derive", "--json")
    data = json.loads(out)
    assert code == 0 and [e["label"] for e in data["equations"]] == ["BP1", "BP2", "BP3", "BP4"]
    assert all(e["proven"] for e in data["equations"])


@pytest.fixture(scope="module")
def small_verify():
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["derive", "--verify", "--max-width", "2", "--max-depth", "2", "--json"])
    return code, json.loads(buffer.getvalue())


def test_verify_json_reports_counts_seconds_and_shapes(small_verify):
    code, data = small_verify
    sweep = data["sweep"]
    assert code == 0 and data["passed"]
    assert sweep["shapes"][:3] == [[1, 1], [1, 2], [2, 1]] and len(sweep["shapes"]) == 12
    for kind in ("BP1", "BP2", "BP3", "BP4"):
        entry = sweep["statements"][kind]
        assert entry["proven"] > 0 and entry["failed"] == 0 and entry["seconds"] >= 0
    assert sweep["total"]["proven"] == sum(e["proven"] for e in sweep["statements"].values())
    assert len(data["controls"]) == len(CONTROLS) and all(c["passed"] for c in data["controls"])
    assert all(c["first_refuted"]["position"].startswith("l=") for c in data["controls"])


def test_verify_json_reports_the_regularised_statements(small_verify):
    _, data = small_verify
    assert [g["statement"] for g in data["generic_regularised"]] == ["BP3λ", "BP4λ"]
    assert all(g["proven"] for g in data["generic_regularised"])
    regularised = data["sweep"]["regularised"]
    # BP3λ and BP4λ make their statements where BP3 and BP4 do
    for kind, base in (("BP3λ", "BP3"), ("BP4λ", "BP4")):
        entry = regularised["statements"][kind]
        assert entry["stated"] == regularisation.STATED_REGULARISED[kind] and entry["failed"] == 0
        assert entry["proven"] == data["sweep"]["statements"][base]["proven"]
    assert regularised["total"]["proven"] == sum(e["proven"] for e in regularised["statements"].values())
    assert regularised["failures"] == []
    assert data["sweep"]["total"]["proven"] == sum(e["proven"] for e in data["sweep"]["statements"].values())
    controls = data["regularised_controls"]
    assert len(controls) == len(REGULARISED_CONTROLS) and all(c["passed"] for c in controls)
    ng = data["ng_regularised"]
    assert ng["failed"] == 0 and ng["proven"] == ng["weights_proven"] + ng["biases_proven"] == 12
    control = ng["control_bias_column_regularised"]
    assert control["refuted"] and control["biases_proven"] == 0 and control["first_failed"] == "D^(1)_{1,0}"
    assert control["witness"]["left"] != control["witness"]["right"]


def test_verify_text(capsys):
    code, out, err = run(capsys, "derive", "--verify", "--max-width", "1", "--max-depth", "2")
    # stderr holds at most the budget's line saying how long the sweep will take (it takes over 10 s)
    assert code == 0 and all(line.startswith("backprop-companion: estimate: ") for line in err.splitlines())
    assert "(2 shapes)" in out and "Negative controls" in out and out.rstrip().endswith(".")
    assert "All checks passed in " in out
    assert "With L2 regularisation (C = C_0 + (λ/2m)Σw², biases not penalised): BP3λ ✓" in out
    assert "With L2 regularisation (m a symbol; δ is C_0's):" in out
    assert "Negative controls for L2 regularisation" in out
    assert "regularising the bias column: refuted at all 4 biases (first D^(1)_{1,0})." in out


def test_verify_fails_with_exit_1_when_an_equation_is_wrong(capsys, monkeypatch):
    """Swap a wrong BP3 into the sweep: it must fail, name the statement and position, and exit 1."""
    (wrong,) = [c for c in CONTROLS if c.kind == "BP3"]
    monkeypatch.setitem(equations.EQUATIONS, "BP3", wrong.right_side)
    code, out, _ = run(capsys, "derive", "--verify", "--max-width", "2", "--max-depth", "1", "--json")
    data = json.loads(out)
    assert code == 1 and not data["passed"]
    # two shapes, 1-2 and 2-2, have two output neurons to confuse: 2 positions each
    assert data["sweep"]["statements"]["BP3"]["failed"] == 4
    failure = data["sweep"]["failures"][0]
    assert failure["statement"] == "BP3" and failure["verdict"] == "refuted" and failure["position"]["j"] == 1


def test_verify_fails_with_exit_1_when_a_regularised_statement_is_wrong(capsys, monkeypatch):
    """Swap the forgotten penalty into BP4λ: the regularised sweep must fail and the verdict with it."""
    (wrong,) = [c for c in REGULARISED_CONTROLS if c.name == "penalty forgotten"]
    monkeypatch.setitem(regularisation.REGULARISED, "BP4λ", wrong.right_side)
    code, out, _ = run(capsys, "derive", "--verify", "--max-width", "1", "--max-depth", "1", "--json")
    data = json.loads(out)
    regularised = data["sweep"]["regularised"]
    assert code == 1 and not data["passed"]
    assert data["sweep"]["total"]["failed"] == 0  # BP1-BP4 are untouched, and their totals with them
    # the 1-1 network has one weight
    assert regularised["statements"]["BP4λ"]["failed"] == 1
    failure = regularised["failures"][0]
    assert failure["statement"] == "BP4λ" and failure["verdict"] == "refuted"
    code, out, _ = run(capsys, "derive", "--verify", "--max-width", "1", "--max-depth", "1")
    assert code == 1 and "  ✗ BP4λ at l=1, j=1, k=1 in 1-1: refuted" in out
    assert "SOME CHECKS FAILED in " in out


def test_verify_fails_with_exit_1_when_the_bias_column_control_is_not_refuted(capsys, monkeypatch):
    """If regularising Ng's bias column went unrefuted, the verifier could not say no: exit 1."""
    from symbolic import ng

    real = ng.accumulate

    def without_the_mistake(**options):
        return real(**{**options, "decay_biases": False})

    monkeypatch.setattr(ng, "accumulate", without_the_mistake)
    code, out, _ = run(capsys, "derive", "--verify", "--max-width", "1", "--max-depth", "1", "--json")
    data = json.loads(out)
    assert code == 1 and not data["passed"]
    assert not data["ng_regularised"]["control_bias_column_regularised"]["refuted"]


def test_verify_without_timings_has_no_seconds(capsys):
    _, out, _ = run(
        capsys, "derive", "--verify", "--max-width", "1", "--max-depth", "1", "--json", "--no-timings"
    )
    assert "seconds" not in out


def test_the_choices_match_the_symbolic_registries():
    assert tuple(functions.ACTIVATIONS) == options.ACTIVATIONS
    assert tuple(functions.COSTS) == options.COSTS


@pytest.mark.parametrize(
    "argv",
    [
        ["derive", "--max-width", "2"],
        ["derive", "--activation", "tanh"],
        ["derive", "--verify", "--max-width", "0"],
        ["derive", "--verify", "--max-depth", "99"],
        ["derive", "--verify", "--max-width", "two"],
        ["derive", "--verify", "--activation", "sine"],
        ["derive", "--verify", "--cost", "hinge"],
        ["derive", "--latex", "--mathml"],
        ["derive", "--verify", "--latex"],
    ],
)
def test_bad_usage_is_one_line_and_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("backprop-companion: error: ")


def test_bad_usage_under_json_is_json(capsys):
    code, out, err = run(capsys, "derive", "--latex", "--json")
    assert code == 2 and err == "" and "--json" in json.loads(out)["error"]


def test_derive_help_does_not_import_sympy():
    import subprocess
    import sys

    code = (
        "import sys, contextlib, io\n"
        "from backprop_companion.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['derive', '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print('sympy' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_an_unproven_derivation_under_json_is_one_document_and_exit_1(capsys, monkeypatch):
    """The result's JSON says what is unproven; the one-line reason goes to stderr, not a second document."""
    import dataclasses

    from symbolic import generic

    proven = generic.proofs()
    monkeypatch.setattr(generic, "proofs", lambda: (dataclasses.replace(proven[0], method=""), *proven[1:]))
    code, out, err = run(capsys, "derive", "--json")
    json.loads(out)  # exactly one document, or this raises
    assert code == 1 and "not proven: BP1" in err


def test_verify_enlarges_sympys_cache_before_sympy_is_imported_unless_the_user_set_it():
    """sympy reads SYMPY_CACHE_SIZE once, at import: in a fresh interpreter, derive --verify sets it first."""
    import os
    import subprocess
    import sys

    from backprop_companion.cmd_derive import SYMPY_CACHE_SIZE

    # The verification itself is replaced by what matters here, the cache size sympy reads when the
    # command first imports it: the whole run would be seconds of derive's fixed work per interpreter.
    script = (
        "import os, sys\n"
        "import backprop_companion.verification as verification\n"
        "assert 'sympy' not in sys.modules\n"
        "def verify(args):\n"
        "    import sympy.core.cache\n"
        "    print(sympy.core.cache.SYMPY_CACHE_SIZE, flush=True)\n"
        "    os._exit(0)\n"
        "verification.verify = verify\n"
        "from backprop_companion.cli import main\n"
        "main(['derive', '--verify', '--max-width', '1', '--max-depth', '1', '--quiet'])\n"
    )
    runs = []
    for given, expected in ((None, SYMPY_CACHE_SIZE), ("123", "123")):
        env = {k: v for k, v in os.environ.items() if k != "SYMPY_CACHE_SIZE"}
        if given is not None:
            env["SYMPY_CACHE_SIZE"] = given
        process = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, text=True)
        runs.append((process, expected))  # both at once: each imports sympy
    for process, expected in runs:
        out, _ = process.communicate(timeout=300)
        assert process.returncode == 0 and out.strip() == expected

"""train says when η spoils the run: a rising error (divergence) or saturated neurons (learning stopped),
in its text and its JSON, while the tutorial's own run has no warning."""

from __future__ import annotations

import json

import pytest

from backprop_companion.cli import main


def train(capsys, *argv):
    assert main(["train", *argv]) == 0
    text = capsys.readouterr().out
    assert main(["train", "--json", *argv]) == 0
    return text, json.loads(capsys.readouterr().out)["warning"]


def test_the_tutorials_run_has_no_warning(capsys):
    text, warning = train(capsys, "--steps", "1000")
    assert warning is None and "warning" not in text


@pytest.mark.parametrize("eta", ["1e6", "1e3"])
def test_a_learning_rate_that_saturates_the_network_is_a_warning(capsys, eta):
    text, warning = train(capsys, "--eta", eta, "--steps", "100")
    assert "saturated" in warning and "smaller --eta" in warning
    assert f"warning: {warning}" in text


def test_a_learning_rate_that_makes_the_error_rise_is_a_warning(capsys):
    """With λ = 3 and η = 1 the weight decay factor 1 − ηλ is −2: the weights flip and grow."""
    text, warning = train(capsys, "--eta", "1", "--l2", "3", "--steps", "30")
    assert warning.startswith("E_total rose from 1.99") and "diverge" in warning
    assert f"warning: {warning}" in text

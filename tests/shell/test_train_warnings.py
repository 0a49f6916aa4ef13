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


def test_one_saturated_neuron_beside_live_ones_is_no_warning(capsys):
    """w1 = 1e6 saturates h1 for good, but h2 and the outputs still learn: E_total falls 600-fold."""
    text, warning = train(capsys, "--steps", "1000", "--set", "w1=1e6")
    assert warning is None and "warning" not in text


def test_a_layer_without_a_saturating_activation_is_no_warning(capsys, tmp_path):
    """The identity's σ′ is 1 everywhere: a run that reaches E_total = 0 has stopped by arriving."""
    from worked.examples.shipped import FILES

    text = (FILES / "single-neuron.toml").read_text(encoding="utf-8").replace('"sigmoid"', '"identity"')
    text = text.split("[printed]")[0].split("[sections]")[0]
    path = tmp_path / "identity.toml"
    path.write_text(text, encoding="utf-8")
    _, warning = train(capsys, "--example", str(path), "--steps", "50")
    assert warning is None


def test_the_learning_rate_is_given_once(capsys):
    assert main(["train", "--steps", "1", "--set", "eta=2", "--eta", "1"]) == 2
    assert "give the learning rate once" in capsys.readouterr().err

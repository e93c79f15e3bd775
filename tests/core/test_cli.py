"""The headless command line, run as a real process where it matters."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.cli import run
from core.model_io import load_model

ROOT = Path(__file__).resolve().parents[2]


def cli(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )


def test_train_json_on_xor_reaches_the_promised_accuracy():
    result = cli("train", "--dataset", "xor", "--hidden", "4", "--activation", "tanh",
                 "--epochs", "300", "--seed", "0", "--json")
    assert result.returncode == 0, result.stderr
    metrics = json.loads(result.stdout)
    assert metrics["test_accuracy"] >= 0.95
    assert metrics["steps"] == 300 * 25 and metrics["diverged"] is False


def test_linear_model_on_xor_stays_near_chance(capsys):
    assert run(["train", "--dataset", "xor", "--hidden", "", "--epochs", "300", "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["test_accuracy"] <= 0.65 and metrics["parameters"] == 3


@pytest.mark.parametrize(
    "args",
    [
        ["train", "--hidden", "4,x"],
        ["train", "--lr", "-1"],
        ["train", "--dataset", "nope"],
        ["train", "--features", "x1,x9"],
        ["train", "--dataset", "plane", "--loss", "cross_entropy"],
        ["train", "--epochs", "0"],
        ["frobnicate"],
        [],
    ],
)
def test_bad_arguments_exit_nonzero_without_traceback(args):
    result = cli(*args) if args else cli("train", "--noise", "7")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("neural-playground: error:")


def test_save_writes_a_loadable_model(tmp_path, capsys):
    path = tmp_path / "m.npz"
    assert run(["train", "--dataset", "circle", "--hidden", "3", "--epochs", "2",
                "--save", str(path), "--json"]) == 0
    network, meta = load_model(path)
    assert network.spec.hidden == (3,) and meta["dataset"] == "circle"
    assert np.isfinite(network.params).all()


def test_unwritable_save_path_is_a_clean_error(tmp_path, capsys):
    code = run(["train", "--epochs", "1", "--save", str(tmp_path / "no" / "m.npz")])
    assert code == 2
    assert "cannot save" in capsys.readouterr().err


def test_divergence_is_reported_not_raised(capsys):
    assert run(["train", "--dataset", "circle", "--hidden", "8", "--lr", "1e6",
                "--epochs", "5", "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["diverged"] is True
    assert "learning rate is too large" in captured.err


def test_batch_norm_option_trains_and_saves_the_statistics(tmp_path, capsys):
    path = tmp_path / "bn.npz"
    assert run(["train", "--dataset", "circle", "--hidden", "6,6", "--activation", "relu",
                "--batch-norm", "--epochs", "60", "--save", str(path), "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert metrics["test_accuracy"] >= 0.9
    network, _ = load_model(path)
    assert network.spec.batch_norm and len(network.norms) == 2
    assert not np.allclose(network.norms[0].running_mean, 0)  # learned from the data


def test_layer_norm_option_trains_and_saves_gamma_and_beta(tmp_path, capsys):
    path = tmp_path / "ln.npz"
    assert run(["train", "--dataset", "circle", "--hidden", "6,6", "--activation", "relu",
                "--layer-norm", "--epochs", "60", "--save", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["test_accuracy"] >= 0.9
    network, _ = load_model(path)
    assert network.spec.layer_norm and len(network.norms) == 2
    assert not np.allclose(network.norms[0].params["gamma"], 1)  # γ learned


def test_batch_and_layer_norm_options_exclude_each_other(capsys):
    assert run(["train", "--batch-norm", "--layer-norm"]) == 2
    assert "not allowed with" in capsys.readouterr().err

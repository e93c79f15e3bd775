"""The headless command line, run as a real process where it matters."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.cli import run
from core.data.datasets import make_dataset, split_dataset
from core.nn.model_files import load_model

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


# -- untrusted files and save targets (issue 19) -------------------------------------------
def test_an_empty_save_name_is_an_error_before_training(capsys):
    assert run(["train", "--epochs", "100000", "--save", ""]) == 2  # refused at once
    assert "no file name" in capsys.readouterr().err


def test_save_never_replaces_a_pipe_or_a_link_to_a_device(tmp_path, capsys):
    pipe, link = tmp_path / "pipe", tmp_path / "null"
    os.mkfifo(pipe)
    link.symlink_to("/dev/null")
    for target in (pipe, link):
        assert run(["train", "--epochs", "1", "--save", str(target)]) == 2
        assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(pipe.lstat().st_mode) and link.is_symlink()


def test_json_output_is_strict_even_when_training_diverges(capsys):
    assert run(["train", "--dataset", "circle", "--hidden", "8", "--lr", "1e6",
                "--epochs", "5", "--json"]) == 0

    def refuse(constant):
        raise AssertionError(f"bare {constant} in JSON output")

    metrics = json.loads(capsys.readouterr().out, parse_constant=refuse)
    assert metrics["diverged"] is True


def test_evaluate_and_predict_answer_a_playground_model(tmp_path, capsys):
    model = tmp_path / "xor.npz"
    assert run(["train", "--dataset", "xor", "--hidden", "6", "--epochs", "150", "--seed", "3",
                "--save", str(model), "--json"]) == 0
    trained = json.loads(capsys.readouterr().out)
    # The same test points the command trained against, rebuilt independently.
    rng = np.random.default_rng(3)
    _, test = split_dataset(make_dataset("xor", 500, 0.0, rng), 0.5, rng)
    points = tmp_path / "test.csv"
    points.write_text("".join(f"{x1!r},{x2!r},{int(y)}\n"
                              for (x1, x2), y in zip(test.X.tolist(), test.y, strict=True)))
    assert run(["evaluate", "--model", str(model), "--points", str(points), "--json"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert scored["samples"] == len(test)
    assert scored["accuracy"] == pytest.approx(trained["test_accuracy"], abs=1e-9)

    assert run(["predict", "--model", str(model), "--point", "3,3", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["class"] == 1 and answer["probabilities"] > 0.5  # same-sign quadrant
    assert run(["predict", "--model", str(model), "--point=-3,3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["class"] == 0


def test_a_playground_model_without_points_says_what_it_needs(tmp_path, capsys):
    assert run(["train", "--dataset", "xor", "--epochs", "1", "--save",
                str(tmp_path / "p.npz")]) == 0
    capsys.readouterr()
    assert run(["evaluate", "--model", str(tmp_path / "p.npz")]) == 2
    assert "give --points FILE.csv" in capsys.readouterr().err


def test_dropout_has_the_windows_limits_for_each_task(capsys):
    from core.settings_table import table

    for task, name in (("playground", "playground"), ("digits", "digits")):
        high = table(name)["dropout"].high
        assert run(["train", "--task", task, "--dropout", str(high + 0.01), "--epochs", "1"]) == 2
        err = capsys.readouterr().err
        assert f"between 0 and {high:g}" in err and err.count("\n") == 1

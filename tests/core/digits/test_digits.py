"""Digit recognition in core: scaling, augmentation, training and the CLI."""

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.cli import run
from core.digits.data import load_bundled_digits
from core.digits.network import (
    Augmentation,
    make_digits_trainer,
    scale_inputs,
    validation_split,
)
from core.digits.preprocess import CENTRE, centre_of_mass, to_mnist
from core.training.metrics import confusion_matrix
from tests.core.digits.test_png import encode

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "resources" / "models" / "digits.npz"


@pytest.fixture(scope="module")
def digits():
    images, labels = load_bundled_digits()
    train, held = validation_split(labels)
    return images, labels, train, held


def test_split_is_stratified_and_disjoint(digits):
    _, labels, train, held = digits
    assert len(held) == 1000 and not set(train) & set(held)
    assert np.array_equal(np.bincount(labels[held]), [100] * 10)


def test_scalings():
    image = np.array([[[0, 255]]], dtype=np.uint8).repeat(28, 1).repeat(14, 2)
    assert scale_inputs(image, "0-1").min() == 0 and scale_inputs(image, "0-1").max() == 1
    assert np.isclose(scale_inputs(image, "0.01-0.99").min(), 0.01)
    with pytest.raises(ValueError, match="scaling"):
        scale_inputs(image, "0-255")


def test_augmentation_shifts_without_losing_ink(digits):
    images = digits[0]
    X = scale_inputs(images[:50])
    shifted = Augmentation(shift=2)(X, np.random.default_rng(0))
    assert shifted.shape == X.shape and not np.array_equal(shifted, X)
    # Digits with a margin of 2+ pixels keep every bit of ink under a 2-pixel shift.
    grid = X.reshape(-1, 28, 28)
    margin = (grid[:, :2].sum(axis=(1, 2)) + grid[:, -2:].sum(axis=(1, 2))
              + grid[:, :, :2].sum(axis=(1, 2)) + grid[:, :, -2:].sum(axis=(1, 2))) == 0
    assert margin.sum() > 30
    assert np.allclose(shifted.sum(axis=1)[margin], X.sum(axis=1)[margin], rtol=1e-5)
    assert np.array_equal(Augmentation()(X, np.random.default_rng(0)), X)
    rotated = Augmentation(rotation=15)(X, np.random.default_rng(1))
    assert np.allclose(rotated.sum(axis=1), X.sum(axis=1), rtol=0.1)


def test_short_training_beats_ninety_percent(digits):
    images, labels, train, held = digits
    trainer = make_digits_trainer((images[train], labels[train]), (images[held], labels[held]),
                                  hidden=(64,), seed=0)
    for _ in range(8):
        trainer.train_epoch()
    assert trainer.evaluate().test_accuracy > 0.9


def test_confusion_matrix_counts():
    probs = np.eye(10)[[1, 1, 2, 3]]
    matrix = confusion_matrix(np.array([1, 2, 2, 3]), probs.argmax(axis=1), 10)
    assert matrix.sum() == 4 and matrix[1, 1] == 1 and matrix[2, 1] == 1 and matrix[2, 2] == 1


def test_mnist_digits_survive_preprocessing(digits):
    """MNIST is already preprocessed: doing it again must change little."""
    images = digits[0]
    similarity = []
    for image in images[::100]:
        again = to_mnist(image / 255.0)
        cy, cx = centre_of_mass(again)
        assert abs(cy - CENTRE) <= 0.5 and abs(cx - CENTRE) <= 0.5
        similarity.append(np.corrcoef(again.ravel(), image.ravel())[0, 1])
    assert min(similarity) > 0.6 and np.mean(similarity) > 0.85


def test_shipped_model_scores_on_held_out_digits(capsys):
    assert run(["evaluate", "--model", str(SHIPPED), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["samples"] == 1000 and result["accuracy"] >= 0.94
    assert set(result["per_class_accuracy"]) == {str(k) for k in range(10)}


def test_predict_reads_a_drawn_png_either_polarity(tmp_path, digits, capsys):
    images, labels, _, held = digits
    i = held[5]
    big = np.kron(images[i], np.ones((10, 10), dtype=np.uint8))  # 280×280
    for name, pixels in (("light.png", big), ("dark.png", 255 - big)):
        (tmp_path / name).write_bytes(encode(pixels, 0, filters=[0]))
        assert run(["predict", "--model", str(SHIPPED), str(tmp_path / name), "--json"]) == 0
        result = json.loads(capsys.readouterr().out)
        assert result["digit"] == labels[i]
        assert abs(sum(result["probabilities"]) - 1) < 1e-4


def test_digits_cli_trains_and_refuses_bad_models(tmp_path):
    model = tmp_path / "m.npz"
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "train", "--task", "digits", "--hidden", "32",
         "--epochs", "2", "--json", "--save", str(model)],
        capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["test_accuracy"] > 0.8
    toy = tmp_path / "toy.npz"
    assert run(["train", "--epochs", "1", "--save", str(toy)]) == 0
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "evaluate", "--model", str(toy)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and "not a digits model" in bad.stderr
    assert "Traceback" not in bad.stderr


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_trainer_keeps_digits_as_bytes_and_reads_them_scaled(digits, dtype):
    images, labels, train, held = digits
    trainer = make_digits_trainer((images[train], labels[train]), (images[held], labels[held]),
                                  hidden=(8,), scaling="0.01-0.99", dtype=dtype)
    assert trainer.X_train.pixels.dtype == np.uint8
    assert trainer.X_train.pixels.nbytes == len(train) * 784  # a byte per pixel
    rows = trainer.X_train[[5, 0, 5]]
    expected = 0.01 + 0.98 * images[train][[5, 0, 5]].reshape(3, 784) / 255.0
    assert rows.dtype == dtype and np.allclose(rows, expected, atol=1e-6)
    dense = np.asarray(trainer.X_test)
    assert dense.shape == (1000, 784) and np.allclose(dense, scale_inputs(images[held],
                                                                          "0.01-0.99"))
    loss, _ = trainer.loss_on(trainer.X_test, trainer.T_test)
    assert loss == pytest.approx(trainer.loss_on(dense, trainer.T_test)[0], rel=1e-6)

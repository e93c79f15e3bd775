"""Data-set generators, features and CSV import/export."""

import numpy as np
import pytest

from core.data.datasets import (
    CURVES,
    DATASETS,
    MULTICLASS,
    REGRESSION,
    DataFileError,
    load_points_csv,
    make_dataset,
    parse_points_csv,
    points_csv,
    save_points_csv,
    split_dataset,
)
from core.playground.features import (
    FEATURE_NAMES,
    feature_matrix,
    parse_features,
    resolve_features,
)


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_every_dataset_has_sane_points_and_labels(name):
    data = make_dataset(name, 300, 0.1, np.random.default_rng(0))
    assert data.X.shape == (300, 2) and data.X.dtype == np.float32
    assert np.abs(data.X).max() < 9
    if data.task == REGRESSION:
        assert np.abs(data.y).max() <= 1.0 + 1e-6
    else:
        counts = np.bincount(data.y, minlength=data.n_classes)
        assert len(counts) == data.n_classes and counts.min() >= 0.4 * 300 / data.n_classes


@pytest.mark.parametrize("name", sorted(CURVES))
def test_curves_are_one_dimensional_and_sorted(name):
    data = make_dataset(name, 50, 0.0, np.random.default_rng(0))
    assert data.X.shape == (50, 1) and np.all(np.diff(data.X[:, 0]) >= 0)


def test_xor_labels_follow_the_quadrants():
    data = make_dataset("xor", 400, 0.0, np.random.default_rng(1))
    assert np.array_equal(data.y, (data.X[:, 0] * data.X[:, 1] > 0).astype(int))


def test_split_keeps_every_point_once():
    data = make_dataset("moons", 101, 0.0, np.random.default_rng(0))
    train, test = split_dataset(data, 0.7, np.random.default_rng(0))
    assert len(train) == 71 and len(test) == 30
    both = np.vstack([train.X, test.X])
    assert sorted(map(tuple, both.tolist())) == sorted(map(tuple, data.X.tolist()))


def test_multiclass_targets_are_one_hot():
    data = make_dataset("blobs4", 40, 0.0, np.random.default_rng(0))
    assert data.task == MULTICLASS
    T = data.targets()
    assert T.shape == (40, 4) and np.array_equal(T.argmax(axis=1), data.y)


def test_features_are_scaled_and_named():
    X = np.array([[6.0, -3.0]])
    F = feature_matrix(X, resolve_features(FEATURE_NAMES, "x1 - x2"), "float64")[0]
    expected = [1.0, -0.5, 1.0, 0.25, -0.5, np.sin(6), np.sin(-3), np.cos(6), np.cos(-3), 9.0]
    assert np.allclose(F, expected)
    assert parse_features("x1, x1*x2") == ("x1", "x1*x2")
    with pytest.raises(ValueError, match="unknown feature"):
        parse_features("x3")
    with pytest.raises(ValueError, match="at least one"):
        parse_features("")


def test_csv_round_trip(tmp_path):
    data = make_dataset("blobs3", 30, 0.0, np.random.default_rng(0))
    path = tmp_path / "points.csv"
    save_points_csv(data, path)
    loaded = load_points_csv(path)
    assert loaded.task == MULTICLASS and loaded.n_classes == 3
    assert np.allclose(loaded.X, data.X, atol=1e-4) and np.array_equal(loaded.y, data.y)


def test_csv_detects_regression_and_skips_a_header():
    data = parse_points_csv("x1,x2,label\n0,0,0.5\n1,1,-0.25\n")
    assert data.task == REGRESSION and np.allclose(data.y, [0.5, -0.25])
    assert points_csv(data).splitlines()[0] == "x1,x2,label"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1,2,0\n3,4\n", "line 2: expected 3 columns"),
        ("1,2,0\n3,abc,1\n", "line 2: not a number"),
        ("1,2,0\n3,nan,1\n", "line 2: values must be finite"),
        ("1,2,0\n", "at least 2 points"),
        ("1,2,0\n3,4,42\n", "at most 10 classes"),
        ("", "at least 2 points"),
    ],
)
def test_bad_csv_is_refused_with_the_line(text, message):
    with pytest.raises(DataFileError, match=message):
        parse_points_csv(text)


def test_unreadable_csv_is_refused(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(DataFileError, match="cannot read"):
        load_points_csv(path)
    with pytest.raises(DataFileError, match="cannot read"):
        load_points_csv(tmp_path / "missing.csv")


def test_editing_points():
    data = parse_points_csv("0,0,0\n1,1,1\n")
    more = data.with_point((2.0, 2.0), 1)
    assert len(more) == 3 and more.y[-1] == 1
    assert len(more.without_nearest((2.1, 2.0), 0.5)) == 2
    assert len(more.without_nearest((5.0, 5.0), 0.5)) == 3

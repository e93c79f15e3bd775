"""Formulas in x1, x2: data sets labelled by one, an input feature computed by one.

Every value is checked against numpy evaluating the same formula written out by
hand here, never against what the parser printed.
"""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

from core.cli import run
from core.data.datasets import BINARY, REGRESSION, load_points_csv, make_dataset, points_csv
from core.data.formula import FormulaError, formula_points, parse_plane_formula
from core.export.pytorch import ExportError, pytorch_script
from core.nn.model_files import load_model, save_model
from core.nn.network import Network, NetworkSpec
from core.playground.config import PlaygroundConfig
from core.playground.features import (
    CUSTOM_FEATURE,
    feature_matrix,
    resolve_features,
    validate_features,
)
from core.playground.model import Playground
from core.sessions.archive import SessionFileError, read_session
from core.sessions.session import open_session, save_session
from core.settings_table import SettingError, check_settings
from core.util.expression import parse_function
from core.worker.protocol import Configure, Restore

HOSTILE = [
    ("x3", "unknown name 'x3'"),
    ("import os", "unknown name 'import'"),
    ("__import__('os').system('ls')", "not allowed"),
    ("x1.real", "not allowed|unexpected"),
    ("x1; x2", "not allowed"),
    ("1/0", "inf at"),
    ("x1/0 + 1", "at x1="),
    ("log(x1)", "not a number at x1=-6"),
    ("x1^1000", "finite and within"),
    ("2^(x1*1000)", "finite and within"),
    ("1e999 * x1", "too large"),
    ("", "type a formula"),
    ("   ", "type a formula"),
    ("x1 " * 3400, "longer than 200"),
    ("x1 +\nx2", "one line"),
    ("x1 > 0", "must give a number"),
    ("(" * 60 + "x1" + ")" * 60, "nested too deeply"),
]


@pytest.mark.parametrize(("text", "reason"), HOSTILE)
def test_hostile_formulas_are_refused_in_one_line(text, reason):
    with pytest.raises(FormulaError, match=reason) as caught:
        parse_plane_formula(text)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 200


def test_class_labels_are_the_sign_of_the_formula():
    X, y = formula_points("x1*x2 - 3*sin(x1)", "classes", 400, np.random.default_rng(1))
    expected = (X[:, 0] * X[:, 1] - 3 * np.sin(X[:, 0]) > 0).astype(float)
    assert np.array_equal(y, expected)
    assert 0 < y.mean() < 1 and np.abs(X).max() <= 6


def test_a_formula_data_set_through_make_dataset():
    data = make_dataset("formula", 300, 0.0, np.random.default_rng(2), "x1^2 + x2^2 - 16",
                        "classes")
    assert data.task == BINARY and data.n_classes == 2
    X = data.X.astype(np.float64)
    f = X[:, 0] ** 2 + X[:, 1] ** 2 - 16
    clear = np.abs(f) > 1e-3  # float32 points: the sign is exact away from the boundary
    assert np.array_equal(data.y[clear], (f[clear] > 0).astype(int))
    values = make_dataset("formula", 200, 0.0, np.random.default_rng(2), "sin(x1)*cos(x2)",
                          "values")
    assert values.task == REGRESSION
    X = values.X.astype(np.float64)
    assert np.allclose(values.y, np.sin(X[:, 0]) * np.cos(X[:, 1]), atol=1e-6)


def test_a_formula_that_gives_one_class_is_refused():
    for text in ("1", "x1^2 + 1", "-exp(x2)"):
        with pytest.raises(FormulaError, match="everywhere on the plane"):
            make_dataset("formula", 50, 0.0, np.random.default_rng(0), text, "classes")
    make_dataset("formula", 50, 0.0, np.random.default_rng(0), "1", "values")  # values: fine


def test_the_feature_column_is_the_formula():
    rng = np.random.default_rng(3)
    X = rng.uniform(-6, 6, (50, 2))
    names = resolve_features(("x1", CUSTOM_FEATURE), "sin(x1*x2) + x2^2/36 - 0.5")
    assert names == ("x1", "f(x1,x2)=sin(x1*x2) + x2^2/36 - 0.5")
    F = feature_matrix(X, names, "float64")
    assert np.allclose(F[:, 0], X[:, 0] / 6)
    assert np.allclose(F[:, 1], np.sin(X[:, 0] * X[:, 1]) + X[:, 1] ** 2 / 36 - 0.5)


def test_the_feature_is_clipped_off_the_plane_where_it_is_not_finite():
    names = resolve_features((CUSTOM_FEATURE,), "sqrt(x1 + 6)")
    F = feature_matrix(np.array([[-7.0, 0.0], [3.0, 0.0]]), names, "float64")
    assert F[0, 0] == 0.0 and F[1, 0] == pytest.approx(3.0)  # NaN off the plane → 0


def test_the_custom_slot_needs_a_formula_and_a_bad_one_is_refused():
    with pytest.raises(ValueError, match="type a formula for the custom feature"):
        validate_features(("x1", CUSTOM_FEATURE))
    with pytest.raises(ValueError, match="unknown name 'x3'"):
        validate_features(resolve_features(("x1", CUSTOM_FEATURE), "x3"))


@pytest.mark.parametrize("text", ["sin(x1*x2) + 2^x1 - -x2/0.5", "exp(-1/0) + x1",
                                  "3", "abs(x1) * tanh(x2) / (1 + sqrt(x1^2))",
                                  "log(x1^2 + 1) × 2 − x2"])
def test_the_numpy_code_computes_what_the_parser_does(text):
    function = parse_function(text, ("x1", "x2"))
    a = np.linspace(-6, 6, 31)
    b = np.cos(a) * 5
    code = function.code({"x1": "a", "x2": "b"})
    with np.errstate(all="ignore"):
        written = np.broadcast_to(eval(code, {"np": np, "a": a, "b": b}), a.shape)
    assert np.allclose(written, function(x1=a, x2=b), equal_nan=True)


# -- the playground ---------------------------------------------------------------------
def test_the_playground_trains_on_a_formula_and_refuses_a_bad_one():
    playground = Playground(PlaygroundConfig(resolution=20))
    playground.apply(Configure({"dataset": "formula", "formula": "x1*x2"}))
    X = playground.train.X.astype(np.float64)
    clear = np.abs(X[:, 0] * X[:, 1]) > 1e-3
    assert np.array_equal(playground.train.y[clear], (X[clear, 0] * X[clear, 1] > 0))
    before = (playground.config, playground.train)
    for bad, reason in (("x3", "unknown name"), ("1/0", "finite"), ("import os", "unknown")):
        with pytest.raises(ValueError, match=reason):
            playground.apply(Configure({"formula": bad}))
        assert (playground.config, playground.train) == before
    playground.apply(Configure({"formula_task": "values"}))
    assert playground.train.task == REGRESSION and playground.config.loss == "mse"
    X = playground.train.X.astype(np.float64)
    assert np.allclose(playground.train.y, X[:, 0] * X[:, 1], atol=1e-4)


def test_a_custom_feature_is_one_more_input():
    playground = Playground(PlaygroundConfig(resolution=20))
    playground.apply(Configure({"features": ("x1", "x2", CUSTOM_FEATURE),
                                "feature_formula": "sin(x1*x2)"}))
    network = playground.trainers["network"]
    assert network.network.spec.n_inputs == 3
    X = playground.train.X.astype(np.float64)
    assert np.allclose(network.X_train[:, 2], np.sin(X[:, 0] * X[:, 1]), atol=1e-6)
    with pytest.raises(ValueError, match="custom feature"):
        playground.apply(Configure({"feature_formula": ""}))
    assert playground.config.feature_formula == "sin(x1*x2)"


# -- sessions ---------------------------------------------------------------------------
@pytest.fixture
def formula_session(tmp_path):
    playground = Playground(PlaygroundConfig(
        dataset="formula", formula="x1 - x2^2/6", features=("x1", "x2", CUSTOM_FEATURE),
        feature_formula="cos(x1) * x2", resolution=20))
    playground.advance(50)
    path = tmp_path / "f.npsession"
    save_session(path, "playground", playground.snapshot(), None)
    return playground, path


def test_a_formula_session_comes_back(formula_session):
    playground, path = formula_session
    session = open_session(path)
    fresh = Playground(PlaygroundConfig(resolution=20))
    fresh.apply(Restore(session.playground))
    assert fresh.config == playground.config
    X = fresh.train.X.astype(np.float64)
    assert np.allclose(fresh.trainers["network"].X_train[:, 2], np.cos(X[:, 0]) * X[:, 1],
                       atol=1e-5)


@pytest.mark.parametrize(("field", "value", "reason"), [
    ("formula", "__import__('os')", "unknown name '__import__'"),
    ("formula", "1/0", "finite"),
    ("feature_formula", "x3", "unknown name 'x3'"),
    ("feature_formula", "x1" * 5000, "at most 200 characters"),
    ("formula_task", "colours", "formula_task must be one of"),
])
def test_a_session_with_a_bad_formula_is_refused(formula_session, field, value, reason):
    _, path = formula_session
    document, arrays = read_session(path)
    document["playground"]["config"][field] = value
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("session.json", json.dumps(document))
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            archive.writestr(f"arrays/{name}.npy", buffer.getvalue())
    with pytest.raises(SessionFileError, match=reason):
        open_session(path)


def test_the_settings_table_checks_formulas():
    assert check_settings("playground", {"dataset": "formula", "formula": "x1*x2",
                                         "formula_task": "values",
                                         "feature_formula": "sin(x1)"})
    for changes, reason in (({"formula": "x" * 201}, "at most 200"),
                            ({"formula_task": "both"}, "one of classes, values"),
                            ({"feature_formula": 3}, "must be a name"),
                            ({"features": ["x1", "f(x1,x2)=x1"]}, "must be one of")):
        with pytest.raises(SettingError, match=reason):
            check_settings("playground", changes)


# -- the command line, model files, export ----------------------------------------------
def test_the_cli_trains_evaluates_and_predicts_with_formulas(tmp_path, capsys):
    model = tmp_path / "m.npz"
    assert run(["train", "--dataset", "formula", "--formula", "x1*x2/36", "--formula-task",
                "values", "--feature-formula", "x1*x2/36", "--hidden", "", "--lr", "0.05",
                "--epochs", "30", "--save", str(model), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["dataset"] == "formula" and result["test_loss"] < 1e-3  # linear in f
    network, meta = load_model(model)
    assert meta["features"] == ["x1", "x2", "f(x1,x2)=x1*x2/36"]
    points = make_dataset("formula", 40, 0.0, np.random.default_rng(9), "x1*x2/36", "values")
    (tmp_path / "p.csv").write_text(points_csv(points))
    assert run(["evaluate", "--model", str(model), "--points", str(tmp_path / "p.csv"),
                "--json"]) == 0
    points = load_points_csv(tmp_path / "p.csv")  # what evaluate read (6 digits a value)
    P = points.X.astype(np.float64)
    X = np.column_stack([P / 6.0, P[:, 0] * P[:, 1] / 36.0])
    mse = float(((network.predict(X.astype(np.float32))[:, 0] - points.y) ** 2).mean())
    assert json.loads(capsys.readouterr().out)["mse"] == pytest.approx(mse, rel=1e-4)
    assert run(["predict", "--model", str(model), "--point", "3,-2", "--json"]) == 0
    value = json.loads(capsys.readouterr().out)["value"]
    x = np.array([[0.5, -2 / 6, -6 / 36]], dtype=np.float32)
    assert value == pytest.approx(float(network.predict(x)[0, 0]), rel=1e-5)


@pytest.mark.parametrize(("args", "reason"), [
    (["--dataset", "formula", "--formula", "x3"], "unknown name 'x3'"),
    (["--dataset", "formula", "--formula", "1"], "everywhere on the plane"),
    (["--feature-formula", "import os"], "unknown name 'import'"),
    (["--feature-formula", "log(x2)"], "not a number"),
])
def test_the_cli_refuses_bad_formulas_in_one_line(args, reason, capsys):
    assert run(["train", "--epochs", "1", *args]) == 2
    err = capsys.readouterr().err
    assert reason in err and err.count("\n") == 1


def test_a_tampered_formula_in_a_model_file_is_refused(tmp_path, capsys):
    network = Network(NetworkSpec(3, (2,)), np.random.default_rng(0))
    save_model(tmp_path / "m.npz", network,
               {"features": ["x1", "x2", "f(x1,x2)=__import__('os').system('ls')"]})
    assert run(["predict", "--model", str(tmp_path / "m.npz"), "--point", "1,2"]) == 2
    assert "not allowed" in capsys.readouterr().err
    with pytest.raises(ExportError, match="not allowed"):
        pytorch_script(network, load_model(tmp_path / "m.npz")[1], "m.npz", "m")


def test_the_exported_preprocess_computes_the_formula_feature():
    network = Network(NetworkSpec(3, (2,)), np.random.default_rng(0))
    features = ["x2", "sin(x1)", "f(x1,x2)=tanh(x1*x2) - 1/(1 + x2^2)"]
    script = pytorch_script(network, {"features": features}, "m.npz", "m")
    source = script[script.index("def preprocess"):script.index("torch.float32)\n") + 15]

    class FakeTorch:  # preprocess only wraps the columns in a tensor
        float32 = "float32"

        @staticmethod
        def tensor(array, dtype):
            return array

    namespace = {"np": np, "torch": FakeTorch}
    exec(source, namespace)  # the script this very test generated
    points = np.random.default_rng(5).uniform(-6, 6, (20, 2))
    got = namespace["preprocess"](points)
    a, b = points[:, 0], points[:, 1]
    assert np.allclose(got, np.column_stack([b / 6, np.sin(a), np.tanh(a * b) - 1 / (1 + b**2)]))
    assert "__import__" not in script and "# f(x1,x2)" in script

"""The PyTorch script: valid Python always; with torch, the same answers as core."""

import ast
import importlib.util
import json
import sys

import numpy as np
import pytest

from core.cli import run
from core.digits.network import scale_inputs
from core.export.pytorch import ExportError, export_pytorch, pytorch_script
from core.nn.model_files import save_model
from core.nn.network import Network, NetworkSpec
from core.playground.features import feature_matrix

PLAYGROUND_CASES = {
    "tanh, three features": (NetworkSpec(3, (5, 4), 1, "tanh", "sigmoid"),
                             ["x1", "x2", "x1*x2"]),
    "relu, batch norm, dropout, softmax": (
        NetworkSpec(4, (6,), 3, "relu", "softmax", batch_norm=True, dropout=0.3),
        ["x1", "x2", "sin(x1)", "cos(x2)"]),
    "leaky relu, layer norm": (NetworkSpec(2, (5, 5), 1, "leaky_relu", "linear",
                                           layer_norm=True, leaky_alpha=0.2), ["x1^2", "x2^2"]),
}


def _trained_looking(spec: NetworkSpec, seed: int = 0) -> Network:
    rng = np.random.default_rng(seed)
    network = Network(spec, rng)
    network.params += rng.normal(0, 0.3, network.params.shape).astype(network.dtype)
    for norm in network.norms:
        if hasattr(norm, "running_var"):
            norm.running_mean[...] = rng.normal(0, 1, norm.running_mean.shape)
            norm.running_var[...] = rng.uniform(0.5, 2, norm.running_var.shape)
    return network


def _import(path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", sorted(PLAYGROUND_CASES))
def test_the_script_is_valid_python_naming_every_layer(case):
    spec, features = PLAYGROUND_CASES[case]
    text = pytorch_script(_trained_looking(spec), {"features": features}, "m.npz", "m")
    ast.parse(text)
    assert text.count("nn.Linear(") == len(spec.hidden) + 1
    assert ("nn.BatchNorm1d(" in text) == spec.batch_norm
    assert ("nn.LayerNorm(" in text) == spec.layer_norm
    assert ("nn.Dropout(" in text) == (spec.dropout > 0)


def test_a_model_without_its_features_is_refused():
    with pytest.raises(ExportError, match="input features"):
        pytorch_script(_trained_looking(NetworkSpec(3, (2,))), {}, "m.npz")


@pytest.mark.parametrize("case", sorted(PLAYGROUND_CASES))
def test_pytorch_gives_cores_answers_on_points(case, tmp_path):
    pytest.importorskip("torch", reason="torch is not installed (pip install -e '.[bench]')")
    spec, features = PLAYGROUND_CASES[case]
    network = _trained_looking(spec)
    export_pytorch(network, {"features": features}, tmp_path / "points_net.py")
    module = _import(tmp_path / "points_net.py")
    points = np.random.default_rng(1).uniform(-6, 6, (50, 2))
    expected = network.predict(feature_matrix(points, features))
    got = module.load()(module.preprocess(points)).detach().numpy()
    np.testing.assert_allclose(got, expected, atol=1e-5)


@pytest.mark.parametrize("scaling", ["0-1", "0.01-0.99"])
def test_pytorch_gives_cores_answers_on_digits_through_the_cli(scaling, tmp_path, capsys):
    pytest.importorskip("torch", reason="torch is not installed (pip install -e '.[bench]')")
    network = _trained_looking(NetworkSpec(784, (32, 16), 10, "relu", "softmax"))
    save_model(tmp_path / "digits.npz", network, {"task": "digits", "scaling": scaling})
    assert run(["export", "--format", "pytorch", "--model", str(tmp_path / "digits.npz"),
                "--out", str(tmp_path / "digits_net.py")]) == 0
    module = _import(tmp_path / "digits_net.py")
    images = np.random.default_rng(2).integers(0, 256, (20, 28, 28), dtype=np.uint8)
    expected = network.predict(scale_inputs(images, scaling))
    got = module.load()(module.preprocess(images)).detach().numpy()
    np.testing.assert_allclose(got, expected, atol=1e-5)
    sys.modules.pop("digits_net", None)


def test_the_cli_refuses_a_bad_model_in_one_line(tmp_path, capsys):
    (tmp_path / "bad.npz").write_bytes(b"not a zip")
    assert run(["export", "--model", str(tmp_path / "bad.npz"),
                "--out", str(tmp_path / "x.py")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error" in err
    assert not (tmp_path / "x.py").exists()
    assert run(["export", "--model", str(tmp_path / "bad.npz"), "--out", "x.txt"]) == 2
    assert ".py" in json.dumps(capsys.readouterr().err)

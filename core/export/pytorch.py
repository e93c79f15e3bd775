"""A trained model as one readable PyTorch script: where a learner goes next.

The script rebuilds the same layers in ``torch.nn`` (Linear, the normaliser, the
activation, Dropout, in the app's order), copies the weights from the ``.npz``
model file beside it (plain arrays, no pickle), and offers ``load()`` and
``preprocess(x)``, which turns what the app takes (digit images or 2D points)
into the tensor the module expects.  Only text is generated here: core needs no
torch.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path
from typing import Any

from core.data.formula import MAX_VALUE, FormulaError, parse_plane_formula
from core.nn.model_files import save_model
from core.nn.network import Network
from core.playground.features import CUSTOM_FEATURE, EXTENT, feature_formula
from core.util.fileio import atomic_write_bytes

_ACTIVATIONS = {
    "tanh": "nn.Tanh()",
    "relu": "nn.ReLU()",
    "sigmoid": "nn.Sigmoid()",
    "linear": "nn.Identity()",
    "softmax": "nn.Softmax(dim=1)",
}

# The playground's input features as numpy code over the point's coordinates a, b.
_FEATURE_CODE = {
    "x1": f"a / {EXTENT}",
    "x2": f"b / {EXTENT}",
    "x1^2": f"(a / {EXTENT}) ** 2",
    "x2^2": f"(b / {EXTENT}) ** 2",
    "x1*x2": f"a * b / {EXTENT**2}",
    "sin(x1)": "np.sin(a)",
    "sin(x2)": "np.sin(b)",
    "cos(x1)": "np.cos(a)",
    "cos(x2)": "np.cos(b)",
}

_SCALING_CODE = {"0-1": "pixels / 255.0", "0.01-0.99": "0.01 + 0.98 * pixels / 255.0"}


class ExportError(ValueError):
    """The model cannot be written as a PyTorch script; the message says why."""


def _activation(name: str, alpha: float) -> str:
    if name == "leaky_relu":
        return f"nn.LeakyReLU({alpha!r})"
    return _ACTIVATIONS[name]


def _layers(network: Network) -> list[str]:
    spec = network.spec
    sizes = spec.layer_sizes
    names = (*spec.hidden_activations, spec.output_activation)
    lines = []
    for i, (n_in, n_out) in enumerate(itertools.pairwise(sizes)):
        lines.append(f"nn.Linear({n_in}, {n_out}),")
        hidden = i < len(spec.hidden)
        if hidden and spec.batch_norm:
            lines.append(f"nn.BatchNorm1d({n_out}, eps={network.norms[i].epsilon!r}),")
        if hidden and spec.layer_norm:
            lines.append(f"nn.LayerNorm({n_out}, eps={network.norms[i].epsilon!r}),")
        lines.append(_activation(names[i], spec.leaky_alpha) + ",")
        if hidden and spec.dropout > 0:
            lines.append(f"nn.Dropout({spec.dropout!r}),")
    return lines


def _preprocess(metadata: dict[str, Any], n_inputs: int) -> tuple[str, str]:
    """The ``preprocess`` function's source and a demo input, for this model's task."""
    if metadata.get("task") == "digits" or n_inputs == 784:
        scaling = metadata.get("scaling", "0-1")
        if scaling not in _SCALING_CODE:
            raise ExportError(f"unknown input scaling {scaling!r:.40}")
        code = (
            "def preprocess(images):\n"
            '    """uint8 digit images (n, 28, 28), white ink on black as in MNIST,\n'
            f'    as the float rows (n, 784) the network takes: scaled to {scaling}."""\n'
            "    pixels = np.asarray(images, dtype=np.float64).reshape(len(images), 784)\n"
            f"    return torch.tensor({_SCALING_CODE[scaling]}, dtype=torch.float32)\n")
        demo = ("    rng = np.random.default_rng(0)\n"
                "    images = rng.integers(0, 256, (3, 28, 28), dtype=np.uint8)\n"
                "    print(model(preprocess(images)))\n")
        return code, demo
    features = metadata.get("features") or ["x1", "x2"][:n_inputs]
    if not isinstance(features, list) or len(features) != n_inputs \
            or not all(isinstance(f, str) for f in features):
        raise ExportError("the model file does not say which input features it takes")
    codes = [_feature_code(f) for f in features]
    features = [f if f in _FEATURE_CODE else CUSTOM_FEATURE for f in features]
    columns = "\n        ".join(f"{code},  # {f}"
                                for f, code in zip(features, codes, strict=True))
    code = (
        "def preprocess(points):\n"
        f'    """Points (n, 2) of the plane [-{EXTENT:g}, {EXTENT:g}]² as the network\'s input\n'
        f'    features ({", ".join(features)}), a float tensor (n, {n_inputs})."""\n'
        "    p = np.asarray(points, dtype=np.float64).reshape(-1, 2)\n"
        "    a, b = p[:, 0], p[:, 1]\n"
        "    columns = [\n"
        f"        {columns}\n"
        "    ]\n"
        "    return torch.tensor(np.stack(columns, axis=1), dtype=torch.float32)\n")
    demo = ("    points = np.array([[0.0, 0.0], [3.0, -2.0], [-5.0, 4.5]])\n"
            "    print(model(preprocess(points)))\n")
    return code, demo


def _feature_code(name: str) -> str:
    """numpy code over ``a, b`` for feature ``name``; a formula is parsed again, and
    written from its parse tree (known operations, numbers, a and b), never copied."""
    formula = feature_formula(name)
    if formula is None:
        if name not in _FEATURE_CODE:
            raise ExportError(f"the model file names an unknown input feature {name!r:.40}")
        return _FEATURE_CODE[name]
    try:
        function = parse_plane_formula(formula)
    except FormulaError as exc:
        raise ExportError(f"the model's custom feature cannot be exported: {exc}") from None
    # As the app computes it: every point gets a value, clipped where not finite.
    return (f"np.clip(np.nan_to_num(np.broadcast_to({function.code({'x1': 'a', 'x2': 'b'})}, "
            f"a.shape), nan=0.0, posinf={MAX_VALUE:g}, neginf={-MAX_VALUE:g}), "
            f"{-MAX_VALUE:g}, {MAX_VALUE:g})")


def _copy_weights(network: Network) -> str:
    lines = []
    index = 0
    spec = network.spec
    for i in range(len(network.layers)):
        lines += [f"        model[{index}].weight.copy_(saved['W{i}'].T)",
                  f"        model[{index}].bias.copy_(saved['b{i}'])"]
        index += 1
        hidden = i < len(spec.hidden)
        if hidden and (spec.batch_norm or spec.layer_norm):
            lines += [f"        model[{index}].weight.copy_(saved['gamma{i}'])",
                      f"        model[{index}].bias.copy_(saved['beta{i}'])"]
            if spec.batch_norm:
                lines += [f"        model[{index}].running_mean.copy_(saved['mean{i}'])",
                          f"        model[{index}].running_var.copy_(saved['var{i}'])"]
            index += 1
        index += 1  # the activation
        if hidden and spec.dropout > 0:
            index += 1
    return "\n".join(lines)


def pytorch_script(network: Network, metadata: dict[str, Any], weights_name: str,
                   module: str = "net") -> str:
    """The text of script ``module``.py that builds ``network`` in PyTorch from
    ``weights_name`` beside it."""
    spec = network.spec
    preprocess, demo = _preprocess(metadata, spec.n_inputs)
    arch = " → ".join([str(spec.n_inputs),
                       *(f"{h} {a}" for h, a in zip(spec.hidden, spec.hidden_activations,
                                                    strict=True)),
                       f"{spec.n_outputs} {spec.output_activation}"])
    norm = " with batch norm" if spec.batch_norm else " with layer norm" if spec.layer_norm else ""
    layers = "\n        ".join(_layers(network))
    return f'''"""A network trained in Neural Playground, rebuilt in PyTorch.

Layers: {arch}{norm}.
Weights: {weights_name} beside this file (plain arrays, no pickle).

    import {module}
    model = {module}.load()                  # a torch.nn.Module in eval mode
    outputs = model({module}.preprocess(x))  # x: what the app takes

Run it as a program for a short demo.  Needs numpy and torch.
"""

from pathlib import Path

import numpy as np
import torch
from torch import nn

WEIGHTS = Path(__file__).with_name({weights_name!r})


{preprocess}

def build():
    """The layers, in the app's order: weighted sum, normaliser, activation, dropout."""
    return nn.Sequential(
        {layers}
    )


def load():
    """The network with the trained weights, in eval mode (dropout off,
    batch norm on its running statistics)."""
    model = build()
    with np.load(WEIGHTS, allow_pickle=False) as arrays:
        saved = {{name: torch.from_numpy(np.asarray(arrays[name], dtype=np.float32))
                 for name in arrays.files if name != "header"}}
    with torch.no_grad():
{_copy_weights(network)}
    return model.eval()


if __name__ == "__main__":
    model = load()
    print(model)
{demo}'''


def export_pytorch(network: Network, metadata: dict[str, Any], script: str | os.PathLike) -> None:
    """Write ``script`` (.py) and the model file beside it (.npz), each atomically.

    The script is made first, so a model it cannot describe writes nothing.
    """
    script = Path(script)
    weights = script.with_suffix(".npz")
    text = pytorch_script(network, metadata, weights.name, script.stem)
    save_model(weights, network, metadata)
    atomic_write_bytes(script, text.encode())

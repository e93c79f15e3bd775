"""What the network diagram says about a neuron or a link: names, formulas with
the live numbers, and the hover text.

Plain functions of the snapshot; their strings keep the diagram's translation
context ("NetworkView").
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.nn.layers import NORM_EPSILON
from core.playground.features import FEATURE_NAMES
from core.playground.snapshot import ModelSnapshot
from gui.display_names import feature_label, feature_text


def _format_term(weight: float, name: str) -> str:
    sign = "−" if weight < 0 else "+"
    return f" {sign} {abs(weight):.2f}·{name}"


def _sign(value: float) -> str:
    return "−" if value < 0 else "+"


def neuron_name(model: ModelSnapshot | None, column: int, unit: int) -> str:
    """A feature's label, "output k" or "Lc·Nk" (columns: inputs, hidden layers, output)."""
    if column == 0:
        return feature_label(FEATURE_NAMES[unit])
    if model is not None and column == len(model.layer_sizes) - 1:
        return QCoreApplication.translate("NetworkView", "output {0}").format(unit + 1)
    return QCoreApplication.translate("NetworkView", "L{0}·N{1}").format(column, unit + 1)


def _input_formula(name: str, active: bool) -> str:
    return QCoreApplication.translate("NetworkView", "input feature {0}{1}").format(
        feature_text(name),
        "" if active else QCoreApplication.translate("NetworkView", " (off — click to use it)"))


def _weighted_sum(model: ModelSnapshot, features: tuple[str, ...], column: int,
                  unit: int) -> str:
    """``w·x + … ± b`` for the neuron, with the inputs' names."""
    W, b = model.weights[column - 1]
    if column == 1:
        inputs = [feature_label(f) for f in features]
    else:
        inputs = [neuron_name(model, column - 1, i) for i in range(W.shape[0])]
    terms = "".join(_format_term(float(W[i, unit]), inputs[i]) for i in range(W.shape[0]))
    terms = terms.removeprefix(" + ").removeprefix(" ")
    return QCoreApplication.translate("NetworkView", "{0} {1} {2:.2f}").format(
        terms, _sign(b[unit]), abs(float(b[unit])))


def neuron_formula(model: ModelSnapshot | None, features: tuple[str, ...], column: int,
                   unit: int) -> str:
    """The neuron's computation with the current numbers, as plain text."""
    if model is None or column == 0:
        name = FEATURE_NAMES[unit]
        return _input_formula(name, name in features)
    name = neuron_name(model, column, unit)
    activation = model.activations[column - 1]
    weighted_sum = _weighted_sum(model, features, column, unit)
    norms = model.norms[column - 1] if column - 1 < len(model.norms) else None
    if norms is not None and len(norms) == 2:
        gamma, beta = (float(a[unit]) for a in norms)
        return QCoreApplication.translate(
            "NetworkView", "{0} = {1}({2:.2f}·(z − μ) / σ {3} {4:.2f})\nz = {5}\n(layer norm: "
            "μ and σ are the mean and spread of this layer's sums for the same "
            "point; γ, β are learned)").format(
            name, activation, gamma, _sign(beta), abs(beta), weighted_sum)
    if norms is not None:
        gamma, beta, mean, var = (float(a[unit]) for a in norms)
        return QCoreApplication.translate(
            "NetworkView", "{0} = {1}({2:.2f}·(z − {3:.2f}) / {4:.2f} {5} {6:.2f})\n"
            "z = {7}\n(batch norm: the sum is standardised, then scaled "
            "and shifted by learned γ, β)").format(
            name, activation, gamma, mean, float(np.sqrt(var + NORM_EPSILON)), _sign(beta),
            abs(beta), weighted_sum)
    return QCoreApplication.translate("NetworkView", "{0} = {1}({2})").format(
        name, activation, weighted_sum)


def link_ends(model: ModelSnapshot | None, features: tuple[str, ...], layer: int, source: int,
              target: int) -> tuple[str, str]:
    """The names of the input or neuron a link leaves and the neuron it enters."""
    start = (feature_label(features[source]) if layer == 0
             else neuron_name(model, layer, source))
    return start, neuron_name(model, layer + 1, target)


def tile_hover_text(formula: str, column: int) -> str:
    """A tile's tooltip: its ``formula``, and for a neuron how to set its bias."""
    if column > 0:
        formula += "\n" + QCoreApplication.translate("NetworkView", "Right-click to set its bias.")
    return formula


def link_hover_text(weight: float, ends: tuple[str, str]) -> str:
    """A link's tooltip: its weight between its ends, and how to edit it."""
    return QCoreApplication.translate("NetworkView", "weight {0:+.3f}  ({1} → {2})").format(
        weight, *ends) + "\n" + QCoreApplication.translate(
        "NetworkView", "Click to edit this weight.")

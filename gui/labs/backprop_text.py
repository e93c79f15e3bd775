"""What each stage of the backprop step-through computes, with the trace's
actual numbers.

Plain functions of the trace; their strings keep the page's translation
context ("BackpropPage").
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication

from core.labs.backprop import Trace


def n_stages(t: Trace | None) -> int:
    layers = len(t.weights) if t else 0
    return 2 * layers + 3  # inputs, each layer, loss, each error, gradients


def _numbers(values) -> str:
    return ", ".join(f"{x:.4f}" for x in np.atleast_1d(values))


def _forward(t: Trace, i: int, names: list[str]) -> tuple[str, str]:
    W, b = t.weights[i]
    prev = t.x if i == 0 else t.outputs[i - 1]
    title = QCoreApplication.translate(
        "BackpropPage", "Forward, layer {0}: weighted sums, then {1}").format(i + 1, names[i])
    rows = [f"z{j + 1} = " + " + ".join(f"{W[k, j]:.3f}·{prev[k]:.3f}"
                                        for k in range(W.shape[0]))
            + f" + {b[j]:.3f} = {t.weighted_sums[i][j]:.4f}   →   "
            f"a{j + 1} = {names[i]}(z{j + 1}) = {t.outputs[i][j]:.4f}"
            for j in range(W.shape[1])]
    return title, "\n".join(rows)


def _loss(t: Trace, loss: str) -> tuple[str, str]:
    formula = "Σ (o − t)²" if loss == "squared_error" else "−Σ t·log(p)"
    body = f"L = {formula} = {t.loss:.6f}\n" + QCoreApplication.translate(
        "BackpropPage", "output o = [{0}]").format(_numbers(t.outputs[-1]))
    return QCoreApplication.translate("BackpropPage", "The loss"), body


def _error(t: Trace, i: int, names: list[str], loss: str) -> tuple[str, str]:
    title = QCoreApplication.translate(
        "BackpropPage", "Backward: the error δ of layer {0}").format(i + 1)
    if i == len(t.weights) - 1:
        how = ("δ = p − t (softmax with cross-entropy)" if loss ==
               "cross_entropy" else "δ = 2(o − t) ⊙ o(1 − o)   (sigmoid's slope)")
    else:
        how = (f"δ{i + 1} = (W{i + 2} · δ{i + 2}) ⊙ {names[i]}'(z{i + 1})   — the error "
               "sent back through the weights, times the activation's slope")
    return title, f"{how}\nδ{i + 1} = [{_numbers(t.errors[i])}]"


def _gradients(t: Trace) -> tuple[str, str]:
    worst = max(float(np.abs(a - n).max()) for a, n in
                zip(t.weight_gradients, t.numeric_weight_gradients, strict=True))
    body = QCoreApplication.translate(
        "BackpropPage", "Every weight's gradient is in the table, beside the "
        "finite-difference estimate (L(w+h) − L(w−h)) / 2h.\n"
        "Largest difference: {0:.2e}.\nApply the update: w ← w − {1} · dL/dw; "
        "the loss becomes {2:.6f} (was {3:.6f}).").format(
        worst, t.learning_rate, t.loss_after, t.loss)
    return QCoreApplication.translate(
        "BackpropPage", "Gradients: dL/dW = a_prev · δ, dL/db = δ"), body


def explain(t: Trace, stage: int, names: list[str], loss: str) -> tuple[str, str]:
    """The title and the computations of ``stage`` (``names``: each layer's activation)."""
    L = len(t.weights)
    if stage == 0:
        return (QCoreApplication.translate("BackpropPage", "The sample"),
                QCoreApplication.translate(
                    "BackpropPage", "inputs x = [{0}]\ntarget t = [{1}]").format(
                    _numbers(t.x), _numbers(t.target)))
    if stage <= L:
        return _forward(t, stage - 1, names)
    if stage == L + 1:
        return _loss(t, loss)
    if stage < n_stages(t) - 1:
        return _error(t, L - (stage - L - 2) - 1, names, loss)  # errors go backwards
    return _gradients(t)

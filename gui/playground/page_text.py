"""What the playground page writes about a frame: the plots' captions, the summary
line under them, and what an example changed.

Plain functions of the snapshot (and so testable without the page); their
strings keep the page's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.playground.config import PlaygroundConfig
from core.playground.features import DEFAULT_FEATURES
from core.playground.linear_equation import linear_equation
from core.playground.snapshot import ModelSnapshot, PlaygroundSnapshot


def percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def caption(model: ModelSnapshot, neuron_name: str | None) -> str:
    """A boundary plot's title: the enlarged neuron's name, else the test score."""
    if neuron_name is not None:
        return QCoreApplication.translate("PlaygroundPage", "neuron {0}").format(neuron_name)
    if model.test_accuracy is not None:
        return QCoreApplication.translate("PlaygroundPage", "test accuracy {0}").format(
            percent(model.test_accuracy))
    return QCoreApplication.translate("PlaygroundPage", "test loss {0:.4f}").format(
        model.test_loss or 0.0)


def line(snap: PlaygroundSnapshot) -> str | None:
    """The linear model's line from its live weights, x2 = k·x1 + c (one output,
    the inputs x1 and x2 only); ``None`` otherwise."""
    (W, b), = snap.linear.weights
    if W.shape[1] != 1:  # one line per pair of classes: no single equation
        return None
    equation = linear_equation(W, b, snap.config.features)
    return equation.text() if equation.kind in ("line", "vertical") else None


def summary(snap: PlaygroundSnapshot) -> str:
    """Both models' scores, and what the linear model's boundary is."""
    net, lin = snap.network, snap.linear
    if net.train_accuracy is None:
        return QCoreApplication.translate(
            "PlaygroundPage", "Test loss — network {0:.4f}, linear {1:.4f}").format(
            net.test_loss or 0.0, lin.test_loss or 0.0)
    equation = line(snap)
    if equation is not None:
        linear = QCoreApplication.translate(
            "PlaygroundPage", "one straight line: {0}.").format(equation)
    elif set(snap.config.features) <= set(DEFAULT_FEATURES):
        linear = QCoreApplication.translate(
            "PlaygroundPage", "one straight line cannot separate every data set.")
    else:  # sin, squares, products: a straight line in their space, curved in the plane
        linear = QCoreApplication.translate(
            "PlaygroundPage", "linear in the chosen features, so its boundary can bend in "
                              "the plane.")
    return QCoreApplication.translate(
        "PlaygroundPage",
        "Network: training loss {0:.3f}, test loss {1:.3f}, test accuracy {2}.   "
        "Linear: test accuracy {3} — {4}"
    ).format(net.train_loss, net.test_loss or 0.0, percent(net.test_accuracy),
             percent(lin.test_accuracy), linear)


def _shown(name: str, value) -> str:
    """A setting's value as its control shows it."""
    if name == "hidden":
        return "-".join(map(str, value)) or "0"
    if name in ("noise", "train_ratio"):
        return f"{round(100 * value)}"
    if isinstance(value, tuple):
        return "+".join(map(str, value))
    return f"{value:g}" if isinstance(value, float) else str(value)


# The settings an example may change, in the controls' words (translated when shown).
SETTING_LABELS = {
    "dataset": QT_TRANSLATE_NOOP("PlaygroundPage", "data set"),
    "n_points": QT_TRANSLATE_NOOP("PlaygroundPage", "points"),
    "noise": QT_TRANSLATE_NOOP("PlaygroundPage", "noise"),
    "train_ratio": QT_TRANSLATE_NOOP("PlaygroundPage", "training data %"),
    "hidden": QT_TRANSLATE_NOOP("PlaygroundPage", "hidden layers"),
    "activation": QT_TRANSLATE_NOOP("PlaygroundPage", "activation"),
    "optimizer": QT_TRANSLATE_NOOP("PlaygroundPage", "optimiser"),
    "learning_rate": QT_TRANSLATE_NOOP("PlaygroundPage", "learning rate"),
    "batch_size": QT_TRANSLATE_NOOP("PlaygroundPage", "batch size"),
    "l1": "L1",
    "l2": "L2",
    "dropout": QT_TRANSLATE_NOOP("PlaygroundPage", "dropout"),
    "init": QT_TRANSLATE_NOOP("PlaygroundPage", "initialiser"),
    "loss": QT_TRANSLATE_NOOP("PlaygroundPage", "loss"),
    "input_noise": QT_TRANSLATE_NOOP("PlaygroundPage", "input noise"),
    "batch_norm": QT_TRANSLATE_NOOP("PlaygroundPage", "batch norm"),
    "layer_norm": QT_TRANSLATE_NOOP("PlaygroundPage", "layer norm"),
    "features": QT_TRANSLATE_NOOP("PlaygroundPage", "inputs"),
}


def describe_changes(before: PlaygroundConfig, after: PlaygroundConfig) -> str:
    """``"noise 0 → 30, …"`` for every setting that differs, in the controls' words."""
    return ", ".join(
        f"{QCoreApplication.translate('PlaygroundPage', label)} "
        f"{_shown(name, getattr(before, name))} → {_shown(name, getattr(after, name))}"
        for name, label in SETTING_LABELS.items()
        if getattr(before, name) != getattr(after, name))

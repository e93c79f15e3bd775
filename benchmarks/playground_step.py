"""Section 1: optimiser steps per second for the playground's small network.

2-8-8-1 tanh, sigmoid output with binary cross-entropy, batch 10, plain SGD,
on the spiral (500 points): our core against PyTorch CPU (1 thread and the
default) and scikit-learn's ``MLPClassifier.partial_fit``.  Also the time to
evaluate every neuron on the 150×150 grid (what one frame of the window needs).
"""

from __future__ import annotations

import time
import warnings

import numpy as np

from benchmarks.timing import race, rate, torch_threads
from core.data.datasets import make_dataset
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import make_optimizer
from core.playground.features import feature_matrix
from core.playground.grid import GridEvaluator
from core.training.trainer import Trainer


def spiral_arrays():
    data = make_dataset("spiral", 500, 0.0, np.random.default_rng(0))
    return feature_matrix(data.X, ("x1", "x2")), data.targets()


def core_contender(seconds: float):
    X, T = spiral_arrays()
    rng = np.random.default_rng(0)
    net = Network(NetworkSpec(2, (8, 8), 1, "tanh", "sigmoid"), rng)
    trainer = Trainer(net, make_optimizer("sgd", learning_rate=0.03), "cross_entropy", X, T,
                      batch_size=10, rng=rng, history_capacity=10_000)
    return lambda: rate(trainer.run, seconds)


def torch_contender(seconds: float, threads: int | None):
    import torch

    X, T = spiral_arrays()
    Xt, Tt = torch.from_numpy(X), torch.from_numpy(T)
    model = torch.nn.Sequential(torch.nn.Linear(2, 8), torch.nn.Tanh(), torch.nn.Linear(8, 8),
                                torch.nn.Tanh(), torch.nn.Linear(8, 1))
    opt = torch.optim.SGD(model.parameters(), lr=0.03)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    position = [0]

    def work(n: int) -> int:
        for _ in range(n):
            i = position[0]
            position[0] = (i + 10) % 500
            opt.zero_grad()
            loss = loss_fn(model(Xt[i:i + 10]), Tt[i:i + 10])
            loss.backward()
            opt.step()
        return n

    def measure() -> float:
        with torch_threads(threads):
            return rate(work, seconds)

    return measure


def sklearn_contender(seconds: float):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X, T = spiral_arrays()
    y = T[:, 0].astype(int)
    model = MLPClassifier(hidden_layer_sizes=(8, 8), activation="tanh", solver="sgd",
                          batch_size=10, learning_rate_init=0.03, momentum=0.0)
    model.partial_fit(X[:10], y[:10], classes=[0, 1])
    position = [0]

    def work(n: int) -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            for _ in range(n):
                i = position[0]
                position[0] = (i + 10) % 500
                model.partial_fit(X[i:i + 10], y[i:i + 10])
        return n

    return lambda: rate(work, seconds)


def grid_milliseconds(repeats: int) -> float:
    net = Network(NetworkSpec(2, (8, 8), 1, "tanh", "sigmoid"), np.random.default_rng(0))
    evaluator = GridEvaluator(("x1", "x2"), 150)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        evaluator.evaluate(net)
        times.append(time.perf_counter() - started)
    return 1000 * float(np.median(times))


def run(quick: bool, tiny: bool = False) -> dict:
    seconds = 0.05 if tiny else 0.3 if quick else 1.0
    repeats = 1 if tiny else 3 if quick else 7
    contenders = {"core": core_contender(seconds)}
    notes = []
    try:
        import torch  # noqa: F401

        contenders["pytorch_1_thread"] = torch_contender(seconds, 1)
        contenders["pytorch_default_threads"] = torch_contender(seconds, None)
    except ImportError:
        notes.append("PyTorch not installed: skipped (pip install -e '.[bench]')")
    try:
        import sklearn  # noqa: F401

        contenders["sklearn_partial_fit"] = sklearn_contender(seconds)
    except ImportError:
        notes.append("scikit-learn not installed: skipped")
    rates = race(contenders, repeats)
    ratios = {f"core_vs_{name}": rates["core"] / value for name, value in rates.items()
              if name != "core"}
    return {"steps_per_second": {k: round(v) for k, v in rates.items()},
            "ratios": {k: round(v, 2) for k, v in ratios.items()},
            "grid_150_all_neurons_ms": round(grid_milliseconds(3 if tiny else 20), 2),
            "notes": notes}

"""Section 2: one training epoch of a digits network, ours against the peers.

784-128-64-10 ReLU, softmax cross-entropy, Adam 1e-3, over 10,000 MNIST-shaped
samples (the bundled digits, repeated).  Reports epoch seconds per batch size
for core float32/float64 (BLAS with 1 and 2 threads), PyTorch CPU and
scikit-learn, and the fraction of this machine's sgemm speed each reaches.
"""

from __future__ import annotations

import contextlib
import itertools
import time
import warnings

import numpy as np

from benchmarks.timing import race
from core.digits import make_digits_trainer
from core.digits_data import load_bundled_digits

SIZES = (784, 128, 64, 10)


def samples(n: int) -> tuple[np.ndarray, np.ndarray]:
    images, labels = load_bundled_digits()
    reps = -(-n // len(labels))
    return np.tile(images, (reps, 1, 1))[:n], np.tile(labels, reps)[:n]


def epoch_flops(n: int) -> float:
    """Matrix-multiply FLOPs of one epoch: forward plus two backward products."""
    per_sample = sum(a * b for a, b in itertools.pairwise(SIZES))
    return 3 * 2 * n * per_sample


def blas_threads(n: int):
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        return contextlib.nullcontext()
    return threadpool_limits(limits=n, user_api="blas")


def core_epoch(images, labels, batch: int, dtype: str, threads: int):
    trainer = make_digits_trainer((images, labels), (images[:10], labels[:10]),
                                  hidden=SIZES[1:-1], batch_size=batch, dtype=dtype)

    def measure() -> float:
        with blas_threads(threads):
            started = time.perf_counter()
            trainer.train_epoch()
            return time.perf_counter() - started

    return measure


def torch_epoch(images, labels, batch: int):
    import torch

    X = torch.from_numpy(images.reshape(len(images), -1).astype(np.float32) / 255)
    y = torch.from_numpy(labels.astype(np.int64))
    layers = []
    for a, b in itertools.pairwise(SIZES):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.CrossEntropyLoss()

    def measure() -> float:
        started = time.perf_counter()
        order = torch.randperm(len(X))
        for i in range(0, len(X), batch):
            idx = order[i:i + batch]
            opt.zero_grad()
            loss_fn(model(X[idx]), y[idx]).backward()
            opt.step()
        return time.perf_counter() - started

    return measure


def sklearn_epoch(images, labels, batch: int):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X = images.reshape(len(images), -1).astype(np.float32) / 255

    def measure() -> float:
        model = MLPClassifier(hidden_layer_sizes=SIZES[1:-1], batch_size=batch, max_iter=1,
                              learning_rate_init=1e-3, shuffle=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            started = time.perf_counter()
            model.fit(X, labels)
            return time.perf_counter() - started

    return measure


def sgemm_gflops(batch: int, repeats: int = 20) -> float:
    """This machine's float32 matrix-multiply speed on the epoch's shapes."""
    rng = np.random.default_rng(0)
    pairs = [(rng.random((batch, a), np.float32), rng.random((a, b), np.float32))
             for a, b in itertools.pairwise(SIZES)]
    flops = sum(2 * batch * a.shape[1] * b.shape[1] for a, b in pairs)
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        for a, b in pairs:
            a @ b
        best = min(best, time.perf_counter() - started)
    return flops / best / 1e9


def run(quick: bool, tiny: bool = False) -> dict:
    n = 500 if tiny else 2_000 if quick else 10_000
    batches = (64,) if quick or tiny else (1, 64, 256)
    repeats = 1 if tiny else 3
    images, labels = samples(n)
    result: dict = {"samples": n, "epoch_seconds": {}, "sgemm_gflops": {},
                    "fraction_of_sgemm": {}, "notes": []}
    have_torch = have_sklearn = True
    try:
        import torch  # noqa: F401
    except ImportError:
        have_torch = False
        result["notes"].append("PyTorch not installed: skipped")
    try:
        import sklearn  # noqa: F401
    except ImportError:
        have_sklearn = False
        result["notes"].append("scikit-learn not installed: skipped")
    for batch in batches:
        contenders = {
            "core_float32_1_thread": core_epoch(images, labels, batch, "float32", 1),
            "core_float32_2_threads": core_epoch(images, labels, batch, "float32", 2),
            "core_float64_1_thread": core_epoch(images, labels, batch, "float64", 1),
        }
        if have_torch:
            contenders["pytorch"] = torch_epoch(images, labels, batch)
        if have_sklearn and batch != 1:  # batch 1 takes minutes in scikit-learn
            contenders["sklearn"] = sklearn_epoch(images, labels, batch)
        times = race(contenders, repeats)
        gflops = sgemm_gflops(batch)
        result["epoch_seconds"][batch] = {k: round(v, 4) for k, v in times.items()}
        result["sgemm_gflops"][batch] = round(gflops, 1)
        result["fraction_of_sgemm"][batch] = {
            k: round(epoch_flops(n) / v / 1e9 / gflops, 3) for k, v in times.items()}
    return result

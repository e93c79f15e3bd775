"""Section 2: one training epoch of a digits network, ours against the peers.

784-128-64-10 ReLU, softmax cross-entropy, Adam 1e-3, over 10,000 MNIST-shaped
samples (the bundled digits, repeated).  Reports epoch seconds per batch size
for core float32/float64 (BLAS with 1 and 2 threads), PyTorch CPU and
scikit-learn, and the fraction of this machine's sgemm speed each reaches.

The sgemm limit is an epoch of matrix products alone: exactly the products a
training epoch needs (forward, dL/dW for every layer, dL/dX for every layer
but the first, whose input gradient nobody uses), in float32 at the epoch's
shapes, raced in alternation with the contenders and with as many BLAS
threads as the contender it is compared with.
"""

from __future__ import annotations

import contextlib
import itertools
import time
import warnings

import numpy as np

from benchmarks.timing import race, torch_threads
from core.digits.data import load_bundled_digits
from core.digits.network import make_digits_trainer

SIZES = (784, 128, 64, 10)


def samples(n: int) -> tuple[np.ndarray, np.ndarray]:
    images, labels = load_bundled_digits()
    reps = -(-n // len(labels))
    return np.tile(images, (reps, 1, 1))[:n], np.tile(labels, reps)[:n]


def epoch_flops(n: int) -> float:
    """Matrix-multiply FLOPs one epoch needs: forward, dW, and dX beyond the first layer."""
    products = [a * b for a, b in itertools.pairwise(SIZES)]
    return 2 * n * (2 * sum(products) + sum(products[1:]))


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


def torch_epoch(images, labels, batch: int, threads: int):
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
        with torch_threads(threads):
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


def matmul_epoch(n: int, batch: int, threads: int):
    """The sgemm limit: one epoch's matrix products and nothing else (see module doc)."""
    rng = np.random.default_rng(0)
    sizes = [batch] * (n // batch) + ([n % batch] if n % batch else [])
    shapes = list(itertools.pairwise(SIZES))
    weights = [rng.random((a, b), np.float32) for a, b in shapes]
    inputs = {m: [rng.random((m, a), np.float32) for a, _ in shapes] for m in set(sizes)}
    errors = {m: [rng.random((m, b), np.float32) for _, b in shapes] for m in set(sizes)}

    def measure() -> float:
        with blas_threads(threads):
            started = time.perf_counter()
            for m in sizes:
                for i, W in enumerate(weights):
                    inputs[m][i] @ W                      # forward
                    inputs[m][i].T @ errors[m][i]         # dL/dW
                    if i:
                        errors[m][i] @ W.T                # dL/dX, sent back a layer
            return time.perf_counter() - started

    return measure


def limit_for(contender: str) -> str:
    """Which sgemm limit a contender is held against: the one with its thread count."""
    return "sgemm_limit_1_thread" if contender.endswith("1_thread") else "sgemm_limit_2_threads"


def run(quick: bool, tiny: bool = False) -> dict:
    n = 500 if tiny else 2_000 if quick else 10_000
    batches = (64,) if quick or tiny else (1, 64, 256)
    repeats = 1 if tiny else 3 if quick else 5
    images, labels = samples(n)
    result: dict = {"samples": n, "epoch_seconds": {}, "sgemm_gflops": {},
                    "fraction_of_sgemm": {}, "core_vs_pytorch": {}, "notes": []}
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
            contenders["pytorch_1_thread"] = torch_epoch(images, labels, batch, 1)
            contenders["pytorch_2_threads"] = torch_epoch(images, labels, batch, 2)
        if have_sklearn and batch != 1:  # batch 1 takes minutes in scikit-learn
            contenders["sklearn"] = sklearn_epoch(images, labels, batch)
        contenders["sgemm_limit_1_thread"] = matmul_epoch(n, batch, 1)
        contenders["sgemm_limit_2_threads"] = matmul_epoch(n, batch, 2)
        times = race(contenders, repeats if batch > 1 else min(repeats, 3))
        limits = {k: times.pop(k) for k in ("sgemm_limit_1_thread", "sgemm_limit_2_threads")}
        result["epoch_seconds"][batch] = {k: round(v, 4) for k, v in times.items()}
        result["sgemm_gflops"][batch] = {k.removeprefix("sgemm_limit_"):
                                         round(epoch_flops(n) / v / 1e9, 1)
                                         for k, v in limits.items()}
        result["fraction_of_sgemm"][batch] = {
            k: round(limits[limit_for(k)] / v, 3) for k, v in times.items()}
        if have_torch:
            result["core_vs_pytorch"][batch] = pytorch_ratios(times)
    return result


def pytorch_ratios(times: dict[str, float]) -> dict[str, float]:
    """Core's epoch time over PyTorch's: at equal BLAS threads, and best against best."""
    best_core = min(times["core_float32_1_thread"], times["core_float32_2_threads"])
    best_torch = min(times["pytorch_1_thread"], times["pytorch_2_threads"])
    return {
        "1_thread": round(times["core_float32_1_thread"] / times["pytorch_1_thread"], 3),
        "2_threads": round(times["core_float32_2_threads"] / times["pytorch_2_threads"], 3),
        "best": round(best_core / best_torch, 3),
    }

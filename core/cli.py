"""Headless command line: ``python main.py train …``.

Bad arguments exit with status 2 and a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from typing import TextIO

import numpy as np

from core.activations import HIDDEN_ACTIVATIONS
from core.datasets import BINARY, CURVE, DATASETS, MULTICLASS, make_dataset, split_dataset
from core.features import FEATURE_NAMES, feature_matrix, parse_features
from core.initializers import INITIALIZERS
from core.losses import LOSS_NAMES
from core.model_io import save_model
from core.network import DTYPES, Network, NetworkSpec
from core.optimizers import OPTIMIZERS, make_optimizer
from core.playground import output_activation
from core.regularization import Penalty
from core.trainer import Trainer


class UsageError(Exception):
    """A bad command-line value; printed as one line, exit status 2."""


def _hidden(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"hidden sizes must be integers like 8,8, got {text!r}"
        ) from None
    if any(s < 1 for s in sizes):
        raise argparse.ArgumentTypeError("every hidden layer needs at least one neuron")
    return sizes


def _features(text: str) -> tuple[str, ...]:
    try:
        return parse_features(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _in_range(kind: type, low: float, high: float, name: str):
    def parse(text: str):
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{name} must be a number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{name} must be between {low} and {high}")
        return value

    return parse


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="neural-playground", description="Neural Playground, headless.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    train = commands.add_parser("train", help="train a network on a toy data set")
    train.add_argument("--dataset", default="xor", choices=sorted(DATASETS))
    train.add_argument("--points", type=_in_range(int, 2, 1_000_000, "--points"), default=500)
    train.add_argument("--noise", type=_in_range(float, 0, 1, "--noise"), default=0.0)
    train.add_argument("--train-ratio", type=_in_range(float, 0.01, 0.99, "--train-ratio"),
                       default=0.5)
    train.add_argument("--features", type=_features, default=("x1", "x2"),
                       help=f"comma-separated, from {', '.join(FEATURE_NAMES)}")
    train.add_argument("--hidden", type=_hidden, default=(4,),
                       help="neurons per hidden layer, e.g. 8,8 ('' = linear model)")
    train.add_argument("--activation", default="tanh", choices=HIDDEN_ACTIVATIONS)
    train.add_argument("--loss", default=None, choices=LOSS_NAMES,
                       help="default: cross_entropy for classes, mse for regression")
    train.add_argument("--optimizer", default="sgd", choices=sorted(OPTIMIZERS))
    train.add_argument("--lr", type=_in_range(float, 1e-12, 1e12, "--lr"), default=0.03)
    train.add_argument("--batch-size", type=_in_range(int, 1, 1_000_000, "--batch-size"),
                       default=10)
    train.add_argument("--epochs", type=_in_range(int, 1, 10_000_000, "--epochs"), default=100)
    train.add_argument("--l1", type=_in_range(float, 0, 1e6, "--l1"), default=0.0)
    train.add_argument("--l2", type=_in_range(float, 0, 1e6, "--l2"), default=0.0)
    train.add_argument("--dropout", type=_in_range(float, 0, 0.95, "--dropout"), default=0.0)
    train.add_argument("--init", default="xavier", choices=sorted(INITIALIZERS))
    train.add_argument("--dtype", default="float32", choices=DTYPES)
    train.add_argument("--patience", type=_in_range(int, 1, 1_000_000, "--patience"),
                       default=None, help="stop early after this many epochs without progress")
    train.add_argument("--seed", type=_in_range(int, 0, 2**63 - 1, "--seed"), default=0)
    train.add_argument("--save", metavar="PATH", help="save the trained model (.npz)")
    train.add_argument("--json", action="store_true", help="print final metrics as JSON")
    return parser


class ProgressBar:
    """A one-line progress bar on stderr, drawn at most 10 times a second."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream = total, stream
        self._last = 0.0
        self.enabled = stream.isatty()

    def update(self, done: int, text: str = "") -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.1 and done < self.total):
            return
        self._last = now
        width = 30
        filled = int(width * done / self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{self.total} {text}")
        if done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


def train_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rng = np.random.default_rng(args.seed)
    data = make_dataset(args.dataset, args.points, args.noise, rng)
    train, test = split_dataset(data, args.train_ratio, rng)
    classes = data.task in (BINARY, MULTICLASS)
    loss = args.loss or ("cross_entropy" if classes else "mse")
    if loss == "cross_entropy" and not classes:
        raise UsageError("cross_entropy needs a classification data set; use mse or mae")
    if data.task == CURVE:
        raise UsageError("curves are for the curve-fitting lab")
    spec = NetworkSpec(
        n_inputs=len(args.features), hidden=args.hidden, n_outputs=data.n_outputs,
        activation=args.activation, output_activation=output_activation(data.task),
        init=args.init, dropout=args.dropout, dtype=args.dtype,
    )
    trainer = Trainer(
        Network(spec, rng), make_optimizer(args.optimizer, learning_rate=args.lr), loss,
        feature_matrix(train.X, args.features), train.targets(),
        feature_matrix(test.X, args.features), test.targets(),
        task=data.task, batch_size=args.batch_size, penalty=Penalty(args.l1, args.l2),
        rng=rng, patience=args.patience,
    )
    bar = ProgressBar(args.epochs, err)
    started = time.perf_counter()
    for epoch in range(1, args.epochs + 1):
        trainer.train_epoch()
        if not trainer.can_train:
            break
        bar.update(epoch, f"loss {trainer.history.last('train_loss') or 0:.4f}")
    seconds = time.perf_counter() - started
    m = trainer.evaluate()
    result = {
        "dataset": args.dataset, "hidden": list(args.hidden),
        "parameters": trainer.network.n_params,
        "train_loss": m.train_loss, "test_loss": m.test_loss,
        "train_accuracy": m.train_accuracy, "test_accuracy": m.test_accuracy,
        "epochs": trainer.epoch, "steps": trainer.step_count,
        "seconds": round(seconds, 4), "steps_per_second": round(trainer.step_count / seconds, 1)
        if seconds > 0 else None,
        "diverged": trainer.diverged is not None,
        "diverged_at_step": trainer.diverged.step if trainer.diverged else None,
        "stopped_early": trainer.stopped_early, "best_epoch": trainer.best_epoch,
    }
    if args.save:
        try:
            save_model(args.save, trainer.network, {"dataset": args.dataset,
                                                    "features": list(args.features)})
        except OSError as exc:
            raise UsageError(f"cannot save to {args.save}: {exc.strerror or exc}") from exc
    if trainer.diverged:
        err.write(f"warning: {trainer.diverged.message}\n")
    if args.json:
        out.write(json.dumps(result) + "\n")
    else:
        for key, value in result.items():
            out.write(f"{key:>18}: {value}\n")
    return 0


def run(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the process exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    try:
        args = build_parser().parse_args(list(argv))
        return train_command(args, out, err)
    except UsageError as exc:
        err.write(f"neural-playground: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write("neural-playground: interrupted\n")
        return 130

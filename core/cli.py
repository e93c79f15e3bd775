"""Headless command line: ``python main.py train …``.

Bad arguments exit with status 2 and a one-line message, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from core.data.datasets import (
    BINARY,
    CURVE,
    DATASETS,
    FORMULA,
    MULTICLASS,
    DataFileError,
    load_points_csv,
    make_dataset,
    split_dataset,
)
from core.data.formula import CLASSES, FORMULA_TASKS, FormulaError, parse_plane_formula
from core.digits.data import (
    DigitsFileError,
    find_idx_pair,
    load_bundled_digits,
    load_idx_pair,
)
from core.digits.network import (
    SCALINGS,
    Augmentation,
    make_digits_trainer,
    per_class_accuracy,
    scale_inputs,
    validation_split,
)
from core.digits.png import PngError, read_png, to_grey
from core.digits.preprocess import from_photo, to_mnist
from core.export.pytorch import ExportError, export_pytorch
from core.lessons import check_lesson_file
from core.nn.activations import HIDDEN_ACTIVATIONS
from core.nn.initializers import INITIALIZERS
from core.nn.losses import LOSS_NAMES
from core.nn.model_files import ModelFileError, load_model, save_model
from core.nn.network import DTYPES, Network, NetworkSpec
from core.nn.optimizers import OPTIMIZERS, make_optimizer
from core.nn.regularization import Penalty
from core.playground.features import (
    CUSTOM_FEATURE,
    FIXED_FEATURES,
    feature_matrix,
    parse_features,
    resolve_features,
    validate_features,
)
from core.playground.networks import output_activation
from core.settings_table import SettingError, check_settings, table
from core.training.trainer import Trainer
from core.util.fileio import FileError, check_save_target
from core.util.limits import MAX_LAYERS, MAX_NEURONS
from core.worker.allocator import keep_freed_memory


class UsageError(Exception):
    """A bad command-line value; printed as one line, exit status 2."""


def _hidden(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"hidden sizes must be integers like 8,8, got {text!r}"
        ) from None
    if len(sizes) > MAX_LAYERS or any(not 1 <= s <= MAX_NEURONS for s in sizes):
        raise argparse.ArgumentTypeError(
            f"use at most {MAX_LAYERS} hidden layers of 1–{MAX_NEURONS} neurons")
    return sizes


def _checked(check: Callable[[str], Any], error: type[Exception],
             keep_text: bool = False) -> Callable[[str], Any]:
    """An argparse type: ``check(text)`` (or ``text`` itself, once checked), its
    ``error`` becoming the one-line reason argparse prints."""

    def convert(text: str) -> Any:
        try:
            value = check(text)
        except error as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
        return text if keep_text else value

    return convert


# A path a model may be saved to, checked before training (not after).
_save_path = _checked(check_save_target, FileError, keep_text=True)
_features = _checked(parse_features, ValueError)
# A formula in x1, x2, parsed (never run) and checked on the plane.
_formula = _checked(parse_plane_formula, FormulaError, keep_text=True)


def _point(text: str) -> tuple[float, ...]:
    try:
        values = tuple(float(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(f"a point is numbers like 1.5,-2, not {text!r}") \
            from None
    if not all(abs(v) <= 1e6 for v in values):
        raise argparse.ArgumentTypeError("the point's coordinates must be finite, at most 1e6")
    return values


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


def _setting(page: str, name: str):
    """Parse an option as the settings table's ``name`` of ``page``: the window's limits."""
    setting = table(page)[name]

    def parse(text: str):
        try:
            return setting.check(setting.kind(text))
        except (ValueError, SettingError) as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="neural-playground", description="Neural Playground, headless.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    train = commands.add_parser("train", help="train a network on a toy data set or digits")
    train.add_argument("--task", default="playground", choices=("playground", "digits"),
                       help="2D toy data (default) or handwritten digits")
    train.add_argument("--data-dir", metavar="DIR",
                       help="digits: MNIST-format IDX files instead of the bundled 5,000")
    train.add_argument("--augment", action="store_true",
                       help="digits: random shifts (±2 px) and rotations (±10°) per batch")
    train.add_argument("--scaling", default="0-1", choices=SCALINGS,
                       help="digits: pixel scaling (the notes use 0.01-0.99)")
    train.add_argument("--dataset", default="xor", choices=sorted([*DATASETS, FORMULA]))
    train.add_argument("--formula", type=_formula, default="x1*x2/36",
                       help="--dataset formula: f(x1,x2), e.g. 'x1*x2' or 'sin(x1)-x2/3'")
    train.add_argument("--formula-task", default=CLASSES, choices=FORMULA_TASKS,
                       help="classes: f > 0 is class 1, else 0 (default); values: f itself")
    train.add_argument("--points", type=_in_range(int, 2, 1_000_000, "--points"), default=500)
    train.add_argument("--noise", type=_in_range(float, 0, 1, "--noise"), default=0.0)
    train.add_argument("--train-ratio", type=_in_range(float, 0.01, 0.99, "--train-ratio"),
                       default=0.5)
    train.add_argument("--features", type=_features, default=("x1", "x2"),
                       help=f"comma-separated, from {', '.join(FIXED_FEATURES)}")
    train.add_argument("--feature-formula", type=_formula, metavar="FORMULA",
                       help=f"one more input {CUSTOM_FEATURE} computed by this formula, "
                            "e.g. 'sin(x1*x2)'")
    train.add_argument("--hidden", type=_hidden, default=None,
                       help="neurons per hidden layer, e.g. 8,8 ('' = linear model); "
                            "default 4 (playground) or 128 (digits)")
    train.add_argument("--activation", default=None, choices=HIDDEN_ACTIVATIONS,
                       help="default tanh (playground) or relu (digits)")
    train.add_argument("--loss", default=None, choices=LOSS_NAMES,
                       help="default: cross_entropy for classes, mse for regression")
    train.add_argument("--optimizer", default=None, choices=sorted(OPTIMIZERS),
                       help="default sgd (playground) or adam (digits)")
    train.add_argument("--lr", type=_in_range(float, 1e-12, 1e12, "--lr"), default=None,
                       help="default 0.03 (playground) or 0.001 (digits)")
    train.add_argument("--batch-size", type=_in_range(int, 1, 1_000_000, "--batch-size"),
                       default=None, help="default 10 (playground) or 64 (digits)")
    train.add_argument("--epochs", type=_in_range(int, 1, 10_000_000, "--epochs"), default=100)
    train.add_argument("--l1", type=_in_range(float, 0, 1e6, "--l1"), default=0.0)
    train.add_argument("--l2", type=_in_range(float, 0, 1e6, "--l2"), default=0.0)
    train.add_argument("--dropout", type=_setting("playground", "dropout"),
                       default=0.0)
    norm = train.add_mutually_exclusive_group()
    norm.add_argument("--batch-norm", action="store_true",
                      help="normalise each hidden layer's weighted sums per batch")
    norm.add_argument("--layer-norm", action="store_true",
                      help="normalise each hidden layer's weighted sums per sample")
    train.add_argument("--init", default="xavier", choices=sorted(INITIALIZERS))
    train.add_argument("--dtype", default="float32", choices=DTYPES)
    train.add_argument("--patience", type=_in_range(int, 1, 1_000_000, "--patience"),
                       default=None, help="stop early after this many epochs without progress")
    train.add_argument("--seed", type=_in_range(int, 0, 2**63 - 1, "--seed"), default=0)
    train.add_argument("--save", metavar="PATH", type=_save_path,
                       help="save the trained model (.npz)")
    train.add_argument("--json", action="store_true", help="print final metrics as JSON")

    evaluate = commands.add_parser("evaluate", help="score a digits or playground model")
    evaluate.add_argument("--model", required=True, metavar="PATH")
    evaluate.add_argument("--data-dir", metavar="DIR",
                          help="digits: IDX test files (t10k-*); default: the bundled "
                               "held-out digits")
    evaluate.add_argument("--points", metavar="FILE.csv",
                          help="playground: x1,x2,label points to score the model on")
    evaluate.add_argument("--json", action="store_true")

    predict = commands.add_parser("predict", help="recognise a digit in a PNG image, or "
                                                  "answer a playground model for a point")
    predict.add_argument("--model", required=True, metavar="PATH")
    predict.add_argument("image", metavar="IMAGE.png", nargs="?",
                         help="digits: the drawing to recognise")
    predict.add_argument("--point", type=_point, metavar="X1,X2",
                         help="playground: the point to answer for")
    predict.add_argument("--json", action="store_true")

    export = commands.add_parser("export", help="write a model as a PyTorch script")
    export.add_argument("--format", default="pytorch", choices=("pytorch",))
    export.add_argument("--model", required=True, metavar="PATH")
    export.add_argument("--out", required=True, metavar="SCRIPT.py")

    check = commands.add_parser("check-lesson", help="validate lesson files (TOML)")
    check.add_argument("files", nargs="+", metavar="FILE")
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


PLAYGROUND_DEFAULTS = {"hidden": (4,), "activation": "tanh", "optimizer": "sgd", "lr": 0.03,
                       "batch_size": 10}
DIGITS_DEFAULTS = {"hidden": (128,), "activation": "relu", "optimizer": "adam", "lr": 1e-3,
                   "batch_size": 64}


def _apply_defaults(args: argparse.Namespace, defaults: dict) -> None:
    for key, value in defaults.items():
        if getattr(args, key) is None:
            setattr(args, key, value)


def _emit(result: dict, args: argparse.Namespace, out: TextIO) -> None:
    if args.json:  # strict JSON: a non-finite number is null, never a bare NaN
        out.write(json.dumps(_strict(result), allow_nan=False) + "\n")
    else:
        for key, value in result.items():
            out.write(f"{key:>18}: {value}\n")


def _strict(value):
    """``value`` with every NaN or infinite float replaced by ``None``."""
    if isinstance(value, dict):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_strict(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _run_epochs(trainer: Trainer, epochs: int, err: TextIO) -> float:
    """Train up to ``epochs`` epochs with a progress bar; returns seconds taken."""
    bar = ProgressBar(epochs, err)
    started = time.perf_counter()
    for epoch in range(1, epochs + 1):
        trainer.train_epoch()
        if not trainer.can_train:
            break
        bar.update(epoch, f"loss {trainer.history.last('train_loss') or 0:.4f}")
    return time.perf_counter() - started


def _training_summary(trainer: Trainer, seconds: float) -> dict:
    m = trainer.evaluate()
    return {
        "parameters": trainer.network.n_params,
        "train_loss": m.train_loss, "test_loss": m.test_loss,
        "train_accuracy": m.train_accuracy, "test_accuracy": m.test_accuracy,
        "epochs": trainer.epoch, "steps": trainer.step_count,
        "seconds": round(seconds, 4),
        "steps_per_second": round(trainer.step_count / seconds, 1) if seconds > 0 else None,
        "diverged": trainer.diverged is not None,
        "diverged_at_step": trainer.diverged.step if trainer.diverged else None,
        "stopped_early": trainer.stopped_early, "best_epoch": trainer.best_epoch,
    }


def _save(args: argparse.Namespace, trainer: Trainer, metadata: dict, err: TextIO) -> None:
    if trainer.diverged:
        err.write(f"warning: {trainer.diverged.message}\n")
    if not args.save:
        return
    try:
        save_model(args.save, trainer.network, metadata)
    except FileError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(f"cannot save to {args.save}: {exc.strerror or exc}") from None


def train_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.task == "digits":
        return train_digits_command(args, out, err)
    _apply_defaults(args, PLAYGROUND_DEFAULTS)
    rng = np.random.default_rng(args.seed)
    features = _train_features(args)
    try:
        data = make_dataset(args.dataset, args.points, args.noise, rng, args.formula,
                            args.formula_task)
    except FormulaError as exc:
        raise UsageError(f"--formula: {exc}") from None
    train, test = split_dataset(data, args.train_ratio, rng)
    classes = data.task in (BINARY, MULTICLASS)
    loss = args.loss or ("cross_entropy" if classes else "mse")
    if loss == "cross_entropy" and not classes:
        raise UsageError("cross_entropy needs a classification data set; use mse or mae")
    if data.task == CURVE:
        raise UsageError("curves are for the curve-fitting lab")
    spec = NetworkSpec(
        n_inputs=len(features), hidden=args.hidden, n_outputs=data.n_outputs,
        activation=args.activation, output_activation=output_activation(data.task),
        init=args.init, dropout=args.dropout, dtype=args.dtype, batch_norm=args.batch_norm,
        layer_norm=args.layer_norm,
    )
    trainer = Trainer(
        Network(spec, rng), make_optimizer(args.optimizer, learning_rate=args.lr), loss,
        feature_matrix(train.X, features), train.targets(),
        feature_matrix(test.X, features), test.targets(),
        task=data.task, batch_size=args.batch_size, penalty=Penalty(args.l1, args.l2),
        rng=rng, patience=args.patience,
    )
    seconds = _run_epochs(trainer, args.epochs, err)
    result = {"dataset": args.dataset, "hidden": list(args.hidden),
              **_training_summary(trainer, seconds)}
    meta = {"dataset": args.dataset, "features": list(features)}
    if args.dataset == FORMULA:
        meta |= {"formula": args.formula, "formula_task": args.formula_task}
    _save(args, trainer, meta, err)
    _emit(result, args, out)
    return 0


def _train_features(args: argparse.Namespace) -> tuple[str, ...]:
    """``--features`` and, with ``--feature-formula``, the input f(x1,x2)=formula."""
    if not args.feature_formula:
        return tuple(args.features)
    return resolve_features((*args.features, CUSTOM_FEATURE), args.feature_formula)


def _digits_sets(data_dir: str | None):
    """((train images, labels), (validation images, labels), description)."""
    try:
        if data_dir:
            train = load_idx_pair(*find_idx_pair(data_dir, "train"))
            test = load_idx_pair(*find_idx_pair(data_dir, "test"))
            return train, test, f"IDX files in {data_dir} (validation = t10k test set)"
        images, labels = load_bundled_digits()
    except DigitsFileError as exc:
        raise UsageError(str(exc)) from exc
    train_idx, held_idx = validation_split(labels)
    return ((images[train_idx], labels[train_idx]), (images[held_idx], labels[held_idx]),
            "bundled MNIST subset: 4,000 training, last 100 of each class held out")


def train_digits_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _apply_defaults(args, DIGITS_DEFAULTS)
    try:  # the digits page's own limits (its dropout stops lower than the playground's)
        check_settings("digits", {"dropout": args.dropout})
    except SettingError as exc:
        raise UsageError(f"--dropout: {exc}") from exc
    train, validation, source = _digits_sets(args.data_dir)
    trainer = make_digits_trainer(
        train, validation, hidden=args.hidden, activation=args.activation,
        optimizer=args.optimizer, learning_rate=args.lr, batch_size=args.batch_size,
        l2=args.l2, dropout=args.dropout, scaling=args.scaling, seed=args.seed,
        augmentation=Augmentation(shift=2, rotation=10.0) if args.augment else None,
        dtype=args.dtype,
    )
    seconds = _run_epochs(trainer, args.epochs, err)
    result = {"task": "digits", "data": source, "hidden": list(args.hidden),
              **_training_summary(trainer, seconds)}
    _save(args, trainer, {"task": "digits", "scaling": args.scaling}, err)
    _emit(result, args, out)
    return 0


def _load(path: str) -> tuple[Network, dict]:
    try:
        return load_model(path)
    except ModelFileError as exc:
        raise UsageError(str(exc)) from None


def _digits_scaling(network: Network, meta: dict, path: str) -> str:
    """The input scaling of a digits model; a playground model or a bad scaling is refused."""
    if network.spec.n_inputs != 784 or network.spec.n_outputs != 10:
        raise UsageError(f"{path} is not a digits model (it has {network.spec.n_inputs} "
                         f"inputs and {network.spec.n_outputs} outputs)")
    scaling = meta.get("scaling", "0-1")
    if scaling not in SCALINGS:
        raise UsageError(f"{path} names an unknown input scaling {scaling!r:.40}")
    return scaling


def _playground_features(network: Network, meta: dict, path: str) -> tuple[str, ...]:
    """The input features a playground model was trained on, checked against its inputs."""
    features = meta.get("features")
    try:
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            raise ValueError("it names no input features")
        validate_features(features)
    except ValueError as exc:
        raise UsageError(f"{path} is not a playground model: {exc}") from None
    if len(features) != network.spec.n_inputs:
        raise UsageError(f"{path} names {len(features)} features for "
                         f"{network.spec.n_inputs} inputs")
    return tuple(features)


def _is_playground(meta: dict) -> bool:
    return "features" in meta


def _answers(network: Network, outputs: np.ndarray) -> dict:
    """What a playground model says for each point: classes and probabilities, or values."""
    spec = network.spec
    if spec.n_outputs > 1:
        return {"class": outputs.argmax(axis=1), "probabilities": outputs}
    if spec.output_activation == "sigmoid":
        return {"class": (outputs[:, 0] >= 0.5).astype(int), "probabilities": outputs[:, 0]}
    return {"value": outputs[:, 0]}


def evaluate_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    network, meta = _load(args.model)
    if _is_playground(meta):
        return _evaluate_playground(network, meta, args, out)
    scaling = _digits_scaling(network, meta, args.model)
    if args.data_dir:
        try:
            images, labels = load_idx_pair(*find_idx_pair(args.data_dir, "test"))
        except DigitsFileError as exc:
            raise UsageError(str(exc)) from exc
        source = f"t10k IDX files in {args.data_dir}"
    else:
        (_, _), (images, labels), _ = _digits_sets(None)
        source = "bundled held-out digits (last 100 of each class)"
    probabilities = network.predict(scale_inputs(images, scaling))
    per_class = per_class_accuracy(probabilities, labels)
    result = {"data": source, "samples": len(labels),
              "accuracy": float((probabilities.argmax(axis=1) == labels).mean()),
              "per_class_accuracy": {str(k): round(a, 4) for k, a in enumerate(per_class)}}
    _emit(result, args, out)
    return 0


def _evaluate_playground(network: Network, meta: dict, args: argparse.Namespace,
                         out: TextIO) -> int:
    features = _playground_features(network, meta, args.model)
    if not args.points:
        raise UsageError(f"{args.model} is a playground model, not a digits model: give "
                         "--points FILE.csv to score it")
    try:
        data = load_points_csv(args.points)
    except DataFileError as exc:
        raise UsageError(str(exc)) from None
    answers = _answers(network, network.predict(feature_matrix(data.X, features)))
    result = {"data": args.points, "samples": len(data)}
    if "class" in answers:
        result["accuracy"] = float((answers["class"] == data.y).mean())
    else:
        result["mse"] = float(((answers["value"] - data.y) ** 2).mean())
    _emit(result, args, out)
    return 0


def predict_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    network, meta = _load(args.model)
    if _is_playground(meta):
        features = _playground_features(network, meta, args.model)
        if args.point is None or len(args.point) != 2 or args.image:
            raise UsageError(f"{args.model} is a playground model, not a digits model: give "
                             "--point X1,X2")
        outputs = network.predict(feature_matrix(np.array([args.point]), features))
        result = {key: value[0].tolist() for key, value in _answers(network, outputs).items()}
        _emit(result, args, out)
        return 0
    scaling = _digits_scaling(network, meta, args.model)
    if not args.image or args.point is not None:
        raise UsageError(f"{args.model} is a digits model: give the IMAGE.png to recognise")
    try:
        pixels = read_png(args.image)
    except PngError as exc:
        raise UsageError(str(exc)) from exc
    digit = to_mnist(from_photo(to_grey(pixels)))
    image = np.round(digit * 255).astype(np.uint8)[None]
    probabilities = network.predict(scale_inputs(image, scaling))[0]
    result = {"digit": int(probabilities.argmax()),
              "probabilities": [round(float(p), 6) for p in probabilities],
              "blank": not digit.any()}
    _emit(result, args, out)
    return 0


def export_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """The script at ``--out`` and the weights beside it, under the same name + ``.npz``."""
    script = Path(args.out)
    if script.suffix != ".py":
        raise UsageError("--out must name a .py file")
    try:
        network, metadata = load_model(args.model)
        export_pytorch(network, metadata, script)
    except (ModelFileError, ExportError) as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise UsageError(f"cannot write {script}: {exc.strerror or exc}") from exc
    out.write(f"wrote {script} and {script.with_suffix('.npz')}\n")
    return 0


def check_lesson_command(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print ``file:line: reason`` for each problem; status 1 if any file is refused."""
    problems = [problem for path in args.files for problem in check_lesson_file(path)]
    for problem in problems:
        out.write(f"{problem}\n")
    refused = len({problem.file for problem in problems})
    err.write(f"{len(args.files) - refused} of {len(args.files)} lesson files are fine\n")
    return 1 if problems else 0


def run(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the command line; returns the process exit status."""
    out, err = out or sys.stdout, err or sys.stderr
    keep_freed_memory()
    try:
        args = build_parser().parse_args(list(argv))
        command = {"train": train_command, "evaluate": evaluate_command,
                   "predict": predict_command, "export": export_command,
                   "check-lesson": check_lesson_command}[args.command]
        return command(args, out, err)
    except (UsageError, FileError) as exc:
        err.write(f"neural-playground: error: {exc}\n")
        return 2
    except KeyboardInterrupt:
        err.write("neural-playground: interrupted\n")
        return 130

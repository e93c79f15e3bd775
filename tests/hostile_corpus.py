"""A corpus of hostile files for every format the app reads, and a runner that measures them.

``python tests/hostile_corpus.py`` builds the corpus in a temporary folder,
runs every case and prints a table: format, case, outcome, peak memory, time.
tests/core/test_hostile_files.py runs the same and asserts on each case.

Nothing big is stored in the repository: big files are sparse (a 3 GB file
that takes no disk) and bombs are streamed into small compressed files when
the corpus is built.  Each case runs in a child forked from a runner that has
already imported the app's core, through the entry point a person uses (the
command line, or the function the window calls to open a session); the parent
reads the child's peak memory with ``os.wait4`` and checks the case's folder
is unchanged afterwards.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import struct
import sys
import tempfile
import time
import traceback
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

GB = 1 << 30
MB = 1 << 20


@dataclass(frozen=True)
class Case:
    """One hostile input: how to make it, how to feed it to the app, what must come back.

    ``make(folder)`` writes the file(s) and returns the argument list for the
    command line (``kind == "cli"``) or the path to open (``kind == "session"``).
    ``reason`` is a regular expression the one-line refusal must match; with
    ``accept`` the input is harmless and must be accepted (``reason`` then
    matches the output).
    """

    format: str
    name: str
    make: Callable[[Path], list[str]]
    reason: str
    kind: str = "cli"
    accept: bool = False
    tags: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.format}-{self.name}"


# -- small builders ---------------------------------------------------------------------
def sparse(path: Path, size: int, head: bytes = b"") -> Path:
    """A file of ``size`` bytes that takes no disk: ``head`` then a hole."""
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
    return buffer.getvalue()


def npy_header_only(shape: tuple[int, ...], descr: str = "<f4") -> bytes:
    """A ``.npy`` whose header declares ``shape`` but holds no data at all."""
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        buffer, {"descr": descr, "fortran_order": False, "shape": shape})
    return buffer.getvalue()


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def zip_bomb_member(archive_path: Path, name: str, size: int, members: dict[str, bytes]) -> Path:
    """A zip with ``members`` plus ``name`` inflating to ``size`` zero bytes (streamed)."""
    write_zip(archive_path, members)
    with zipfile.ZipFile(archive_path, "a", compression=zipfile.ZIP_DEFLATED) as archive, \
            archive.open(name, "w", force_zip64=True) as handle:
        block = bytes(MB)
        for _ in range(size // MB):
            handle.write(block)
    return archive_path


def zlib_zeros(size: int) -> bytes:
    """``size`` zero bytes, deflated, without ever holding them."""
    packer = zlib.compressobj(9)
    block = bytes(MB)
    parts = [packer.compress(block) for _ in range(size // MB)]
    return b"".join(parts) + packer.flush()


# -- the base files hostile ones are made from ---------------------------------------------
def base_session() -> tuple[dict, dict[str, np.ndarray]]:
    """A valid playground + digits session's document and arrays."""
    from core.digits.model import DigitsConfig, DigitsSession
    from core.playground.config import PlaygroundConfig
    from core.playground.model import Playground
    from core.sessions.archive import read_session
    from core.sessions.session import save_session

    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(3,), resolution=20))
    digits = DigitsSession(DigitsConfig(hidden=(8,), epochs=1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.npsession"
        save_session(path, "playground", playground.snapshot(), digits.snapshot())
        return read_session(path)


_BASE: dict[str, tuple] = {}


def session_file(path: Path, edit: Callable[[dict, dict], None] | None = None,
                 raw_document: str | None = None) -> list[str]:
    """The base session edited by ``edit(document, arrays)`` (or with a raw JSON text)."""
    if "session" not in _BASE:
        _BASE["session"] = base_session()
    document, arrays = json.loads(json.dumps(_BASE["session"][0])), dict(_BASE["session"][1])
    if edit:
        edit(document, arrays)
    members = {"session.json": raw_document or json.dumps(document)}
    members.update({f"arrays/{k}.npy": v if isinstance(v, bytes) else npy_bytes(v)
                    for k, v in arrays.items()})
    write_zip(path, members)
    return [str(path)]


def digits_model(path: Path, spec_edit: Callable[[dict], None] | None = None,
                 arrays_edit: Callable[[dict], None] | None = None,
                 meta: dict | None = None) -> Path:
    """A small digits model (784 → 4 → 10), optionally edited before it is written."""
    return _model(path, {"n_inputs": 784, "hidden": [4], "n_outputs": 10,
                         "output_activation": "softmax"},
                  spec_edit, arrays_edit, {"scaling": "0-1"} if meta is None else meta)


def playground_model(path: Path) -> Path:
    return _model(path, {"n_inputs": 2, "hidden": [3], "n_outputs": 1,
                         "output_activation": "sigmoid"}, None, None,
                  {"features": ["x1", "x2"], "dataset": "xor", "task": "binary"})


def _model(path, spec_fields, spec_edit, arrays_edit, meta) -> Path:
    from core.nn.model_files import FORMAT, VERSION
    from core.nn.network import Network, NetworkSpec

    network = Network(NetworkSpec(**spec_fields), np.random.default_rng(0))
    spec = network.spec.to_dict()
    if spec_edit:
        spec_edit(spec)
    header = {"format": FORMAT, "version": VERSION, "spec": spec, "metadata": meta}
    arrays = {"header": np.array(json.dumps(header))}
    for i, (W, b) in enumerate(network.get_weights()):
        arrays[f"W{i}"], arrays[f"b{i}"] = W, b
    if arrays_edit:
        arrays_edit(arrays)
    write_zip(path, {f"{k}.npy": (v if isinstance(v, bytes) else npy_bytes(v))
                     for k, v in arrays.items()})
    return path


def png_chunk(kind: bytes, body: bytes, crc: int | None = None) -> bytes:
    crc = zlib.crc32(kind + body) if crc is None else crc
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def png(path: Path, width=28, height=28, colour=0, idat: bytes | None = None,
        ihdr: bytes | None = None, extra: bytes = b"", trailer: int = 0,
        end: bool = True) -> Path:
    from core.digits.png import SIGNATURE

    channels = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}.get(colour, 1)
    header = ihdr if ihdr is not None else struct.pack(">IIBBBBB", width, height, 8, colour,
                                                       0, 0, 0)
    if idat is None:
        idat = zlib.compress(bytes(height * (width * channels + 1)))
    data = SIGNATURE + png_chunk(b"IHDR", header) + extra + png_chunk(b"IDAT", idat)
    data += png_chunk(b"IEND", b"") if end else b""
    path.write_bytes(data)
    if trailer:
        sparse(path, len(data) + trailer, data)
    return path


def idx(shape: tuple[int, ...], body: bytes | None = None, kind: int = 0x08) -> bytes:
    header = bytes([0, 0, kind, len(shape)]) + struct.pack(f">{len(shape)}I", *shape)
    return header + (bytes(int(np.prod(shape))) if body is None else body)


# -- the cases ------------------------------------------------------------------------------
def _set(*keys_and_value):
    *keys, value = keys_and_value

    def edit(document, arrays):
        target = document
        for key in keys[:-1]:
            target = target[key]
        target[keys[-1]] = value
    return edit


def _array(name, value):
    return lambda document, arrays: arrays.__setitem__(name, value)


def session_cases() -> list[Case]:
    def case(name, reason, edit=None, raw=None, tags=()):
        return Case("session", name, lambda f: session_file(f / "s.npsession", edit, raw),
                    reason, kind="session", tags=tags)

    def special(name, reason, make, tags=()):
        return Case("session", name, make, reason, kind="session", tags=tags)

    nested = '{"format": "neural-playground-session", "version": 1, "x": ' + \
        "[" * 200_000 + "]" * 200_000 + "}"
    huge_points = np.zeros((200_000, 2))
    return [
        case("deeply-nested-json", "nested more than", raw=nested, tags=("1",)),
        case("npy-declares-8TB", "declares .* values but holds",
             _array("train_X", npy_header_only((2**20, 2**21))), tags=("1", "6")),
        case("nan-l2", "contains NaN", raw=NAN_L2, tags=("3", "4")),
        case("l2-1e300", "l2 must be", _set("playground", "config", "l2", 1e300), tags=("4",)),
        case("noise-negative", "noise must be", _set("playground", "config", "noise", -0.1),
             tags=("4",)),
        case("learning-rate-huge", "learning_rate must be",
             _set("playground", "config", "learning_rate", 1e30), tags=("4",)),
        case("optimizer-setting-text", "optimiser's momentum must be",
             _set("playground", "config", "optimizer_settings", [["momentum", "fast"]]),
             tags=("4",)),
        case("adam-beta1-5", "beta1 must be",
             _set("playground", "config", "optimizer_settings", [["beta1", 5]]), tags=("4",)),
        case("adam-negative-epsilon", "epsilon must be",
             _set("playground", "config", "optimizer_settings", [["epsilon", -1e-8]]),
             tags=("4",)),
        case("n-points-1e12", "n_points must be",
             _set("playground", "config", "n_points", 10**12), tags=("4", "6")),
        case("digits-rotation-1e308", "rotation must be",
             _set("digits", "config", "rotation", 1e308), tags=("4",)),
        case("seed-negative", "seed must be", _set("playground", "config", "seed", -1),
             tags=("4", "5")),
        case("hidden-1e9", "hidden must be", _set("playground", "config", "hidden", [10**9]),
             tags=("4", "6")),
        case("hidden-text", "hidden must be a list", _set("playground", "config", "hidden",
                                                          "lots"), tags=("4",)),
        case("batch-norm-text", "batch_norm must be true or false",
             _set("playground", "config", "batch_norm", "yes"), tags=("4",)),
        case("weights-1e300", "NaN or infinite",
             _array("network_W0", np.full((2, 3), 1e300)), tags=("3",)),
        case("points-inf-in-float32", "NaN or infinite",
             lambda d, a: a.__setitem__("train_X", np.full(a["train_X"].shape, -1e300)),
             tags=("3",)),
        case("too-many-points", "at most 100,000",
             lambda d, a: (a.__setitem__("train_X", huge_points),
                           a.__setitem__("train_y", np.zeros(len(huge_points)))),
             tags=("6",)),
        case("weights-do-not-fit-config", "does not fit together",
             _set("playground", "config", "hidden", [5]), tags=("5",)),
        case("digits-weights-do-not-fit", "does not fit together",
             _set("digits", "config", "hidden", [16]), tags=("5",)),
        case("labels-beyond-classes", "not classes",
             lambda d, a: a.__setitem__("train_y", np.full(len(a["train_y"]), 7.0)),
             tags=("5",)),
        case("class-count-11", "number of classes", _set("playground", "n_classes", 11),
             tags=("5",)),
        case("shape-3-columns", "expected \\(n, 2\\)", _array("train_X", np.zeros((4, 3))),
             tags=("5",)),
        case("version-true", "version", _set("version", True), tags=("5",)),
        case("unknown-mode", "unknown mode", _set("mode", "chess"), tags=("5",)),
        case("object-array", "not plain numbers",
             _array("evil", npy_header_only((1,), "|O") + b"cos\nsystem\n."), tags=("5",)),
        special("zip-bomb-member", "would unpack to",
                lambda f: [str(zip_bomb_member(f / "s.npsession", "arrays/bomb.npy",
                                               100 * MB, {"session.json": "{}"}))],
                tags=("6",)),
        special("300-members", "parts; at most",
                lambda f: [str(write_zip(f / "s.npsession",
                                         {f"arrays/a{i}.npy": b"" for i in range(300)}))],
                tags=("6",)),
        special("sparse-3GB", "a session has at most",
                lambda f: [str(sparse(f / "s.npsession", 3 * GB))], tags=("7",)),
        special("a-folder", "is a folder", lambda f: [_folder(f / "s.npsession")],
                tags=("10",)),
        special("dev-zero", "not a regular file", lambda f: ["/dev/zero"], tags=("7",)),
        special("garbage", "not a session file",
                lambda f: [str(_write(f / "s.npsession", b"garbage" * 100))], tags=("1",)),
    ]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _folder(path: Path) -> str:
    path.mkdir()
    return str(path)


NAN_L2 = '{"format": "neural-playground-session", "version": 1, "mode": "playground", ' \
    '"playground": {"config": {"l2": NaN}}}'


def model_cases() -> list[Case]:
    def case(name, reason, command="evaluate", tags=(), **edits):
        def make(folder):
            path = digits_model(folder / "m.npz", **edits)
            if command == "predict":
                return ["predict", "--model", str(path), str(png(folder / "d.png")), "--json"]
            return ["evaluate", "--model", str(path), "--json"]
        return Case("model", name, make, reason, tags=tags)

    def special(name, reason, path_maker, tags=()):
        return Case("model", name, lambda f: ["evaluate", "--model", path_maker(f)], reason,
                    tags=tags)

    def header(text):
        def edit(arrays):
            arrays["header"] = np.array(text)
        return edit

    return [
        case("nested-header", "nested more than",
             arrays_edit=header("[" * 100_000 + "]" * 100_000), tags=("1",)),
        case("npy-declares-8TB", "declares .* values but holds",
             arrays_edit=lambda a: a.__setitem__("W0", npy_header_only((2**21, 2**21))),
             tags=("1", "6")),
        case("weights-1e300", "NaN or infinite",
             arrays_edit=lambda a: a.__setitem__("W0", np.full((784, 4), 1e300)), tags=("3",)),
        case("predict-weights-1e300", "NaN or infinite", command="predict",
             arrays_edit=lambda a: a.__setitem__("b1", np.full(10, -1e300)), tags=("3",)),
        case("leaky-alpha-nan", "contains NaN", arrays_edit=lambda a: a.__setitem__(
            "header", np.array(str(a["header"]).replace('"leaky_alpha": 0.01',
                                                        '"leaky_alpha": NaN')))),
        case("leaky-alpha-1e300", "leaky_alpha must be",
             spec_edit=lambda s: s.__setitem__("leaky_alpha", 1e300), tags=("3",)),
        case("hidden-1e9", "hidden must list",
             spec_edit=lambda s: s.__setitem__("hidden", [10**9]), tags=("6",)),
        case("hidden-12000x2", "hidden must list",
             spec_edit=lambda s: s.__setitem__("hidden", [12000, 12000]), tags=("6",)),
        case("too-many-weights", "more than 5,000,000 weights",
             spec_edit=lambda s: s.__setitem__("hidden", [1024] * 8), tags=("6",)),
        case("n-inputs-true", "n_inputs must be",
             spec_edit=lambda s: s.__setitem__("n_inputs", True), tags=("9",)),
        case("dropout-text", "dropout must be",
             spec_edit=lambda s: s.__setitem__("dropout", "much"), tags=("9",)),
        case("activation-list-of-numbers", "activation must be",
             spec_edit=lambda s: s.__setitem__("activation", [1]), tags=("9",)),
        case("scaling-evil", "unknown input scaling", meta={"scaling": "evil"}, tags=("9",)),
        special("member-bomb", "would unpack to",
                lambda f: str(zip_bomb_member(f / "m.npz", "extra.npy", 100 * MB, {})),
                tags=("6",)),
        special("dev-zero", "not a regular file", lambda f: "/dev/zero", tags=("7",)),
        special("sparse-3GB", "a model has at most",
                lambda f: str(sparse(f / "m.npz", 3 * GB)), tags=("7",)),
        special("a-folder", "is a folder", lambda f: _folder(f / "m.npz")),
        special("not-a-zip", "not a model file",
                lambda f: str(_write(f / "m.npz", b"hello" * 10))),
    ]


def png_cases() -> list[Case]:
    def case(name, reason, accept=False, tags=(), **kwargs):
        def make(folder):
            model = digits_model(folder / "m.npz")
            return ["predict", "--model", str(model), str(png(folder / "d.png", **kwargs)),
                    "--json"]
        return Case("png", name, make, reason, accept=accept, tags=tags)

    raw_size = 100 * (100 + 1)
    return [
        case("bomb-small-image", '"digit"', accept=True, width=100, height=100,
             idat=zlib_zeros(100 * MB), tags=("8",)),
        case("bomb-huge-image", "larger than a drawing", width=4096, height=4096,
             idat=zlib_zeros(64 * MB), tags=("8",)),
        case("1x50000000", "larger than a drawing", width=50_000_000, height=1,
             idat=b"", tags=("8",)),
        case("ihdr-12-bytes", "header has 12 bytes",
             ihdr=struct.pack(">IIBBBB", 28, 28, 8, 0, 0, 0), tags=("8",)),
        case("ihdr-empty", "header has 0 bytes", ihdr=b"", tags=("8",)),
        case("plte-empty", "palette has 0 bytes", colour=3, extra=png_chunk(b"PLTE", b""),
             tags=("8",)),
        case("plte-short", "palette has 4 bytes", colour=3,
             extra=png_chunk(b"PLTE", b"\x00" * 4), tags=("8",)),
        case("palette-missing", "without a palette", colour=3, tags=("8",)),
        case("bad-crc", "wrong checksum", extra=png_chunk(b"tEXt", b"a\x00b", crc=1),
             tags=("8",)),
        case("chunk-declares-4GB", "declares",
             extra=struct.pack(">I", 0xFFFFFFFF) + b"tEXt", tags=("8",)),
        case("paeth-every-row-512x511-rgba", '"digit"', accept=True, width=512, height=511,
             colour=6, idat=zlib.compress(b"".join(b"\x04" + bytes(range(256)) * 8
                                                   for _ in range(511))), tags=("8",)),
        case("trailing-20MB-after-IEND", '"digit"', accept=True, trailer=20 * MB,
             tags=("7",)),
        case("trailing-300MB", "a PNG image has at most", trailer=300 * MB, tags=("7",)),
        case("truncated", "truncated", end=False, idat=zlib.compress(bytes(raw_size))[:10]),
        case("corrupt-zlib", "corrupt", idat=b"not zlib at all"),
        case("unknown-filter", "filter type", idat=zlib.compress(b"\x07" * (28 * 29))),
        case("16-bit", "8-bit", ihdr=struct.pack(">IIBBBBB", 28, 28, 16, 0, 0, 0, 0)),
        Case("png", "no-header", lambda f: ["predict", "--model", str(digits_model(f / "m.npz")),
                                            str(_write(f / "d.png", b"\x89PNG\r\n\x1a\n"
                                                       + png_chunk(b"IEND", b"")))],
             "no header"),
        Case("png", "dev-zero", lambda f: ["predict", "--model",
                                           str(digits_model(f / "m.npz")), "/dev/zero"],
             "not a regular file", tags=("7",)),
    ]


def idx_cases() -> list[Case]:
    def case(name, reason, images: bytes, labels: bytes | None = None, gz=False, pack=True,
             tags=()):
        def make(folder):
            import gzip

            data = folder / "mnist"
            data.mkdir()
            suffix = ".gz" if gz else ""
            packed = gzip.compress if gz and pack else (lambda b: b)
            (data / f"t10k-images-idx3-ubyte{suffix}").write_bytes(packed(images))
            (data / f"t10k-labels-idx1-ubyte{suffix}").write_bytes(
                packed(labels if labels is not None else idx((3,))))
            return ["evaluate", "--model", str(digits_model(folder / "m.npz")),
                    "--data-dir", str(data)]
        return Case("idx", name, make, reason, tags=tags)

    def sparse_case(folder):
        data = folder / "mnist"
        data.mkdir()
        sparse(data / "t10k-images-idx3-ubyte", 3 * GB, idx((3_826_530, 28, 28), b""))
        (data / "t10k-labels-idx1-ubyte").write_bytes(idx((3,)))
        return ["evaluate", "--model", str(digits_model(folder / "m.npz")), "--data-dir",
                str(data)]

    return [
        case("dims-overflow", "declares", idx((0xFFFFFFFF,) * 3, b""), tags=("9",)),
        case("zero-images", "holds no digits", idx((0, 28, 28)), tags=("9",)),
        case("zero-labels", "holds no digits", idx((3, 28, 28)), idx((0,)), tags=("9",)),
        case("truncated", "truncated", idx((3, 28, 28))[:-5]),
        case("longer", "longer than its header", idx((3, 28, 28)) + b"x"),
        case("bad-magic", "bad magic", b"\x01\x02" + idx((3, 28, 28))[2:]),
        case("float-elements", "not unsigned bytes", idx((3, 28, 28), kind=0x0D)),
        case("labels-mismatch", "3 images but 2 labels", idx((3, 28, 28)), idx((2,))),
        case("labels-over-9", "label 0–9", idx((3, 28, 28)), idx((3,), b"\x00\x05\x63")),
        case("wrong-image-size", "expected 28×28", idx((3, 27, 28))),
        case("gzip-of-100MB", "longer than its header",
             idx((3, 28, 28)) + bytes(100 * MB), gz=True, tags=("7",)),
        case("gzip-garbage", "cannot read", b"\x1f\x8b garbage", gz=True, pack=False),
        Case("idx", "sparse-3GB", sparse_case, "a digits file has at most", tags=("7",)),
    ]


def csv_cases() -> list[Case]:
    def case(name, reason, text: str | bytes, accept=False, tags=()):
        def make(folder):
            path = folder / "p.csv"
            path.write_bytes(text.encode() if isinstance(text, str) else text)
            return ["evaluate", "--model", str(playground_model(folder / "m.npz")),
                    "--points", str(path), "--json"]
        return Case("csv", name, make, reason, accept=accept, tags=tags)

    def special(name, reason, path_maker, tags=()):
        return Case("csv", name, lambda f: ["evaluate", "--model",
                                            str(playground_model(f / "m.npz")),
                                            "--points", path_maker(f)], reason, tags=tags)

    return [
        case("1e39", "finite", "1e39,0,1\n0,0,0\n", tags=("3",)),
        case("label-minus-1e300", "finite", "0,0,0.5\n1,1,-1e300\n", tags=("3",)),
        case("nan", "finite", "nan,0,1\n0,0,0\n", tags=("3",)),
        case("inf-label", "finite", "0,0,1\n0,0,inf\n", tags=("3",)),
        case("field-200KB", "field larger than field limit|longer than", "0," + "1" * 200_000 + ",1\n0,0,0\n", tags=("9",)),
        case("quoted-field-200KB", "field larger than field limit|longer than",
             '0,"' + "1" * 200_000 + '",1\n', tags=("9",)),
        case("field-2KB", "longer than 1024 characters", "0," + "1" * 2000 + ",1\n0,0,0\n",
             tags=("6",)),
        case("bom-no-header", '"samples": 2', "\ufeff1,1,1\n0,0,0\n", accept=True,
             tags=("11",)),
        case("bom-with-header", '"samples": 2', "\ufeffx1,x2,label\n1,1,1\n0,0,0\n",
             accept=True, tags=("11",)),
        case("binary", "UTF-8", b"\xff\xfe\x00\x01garbage"),
        case("four-columns", "expected 3 columns", "0,0,0,0\n"),
        case("150000-rows", "more than 100,000", "0,0,1\n" * 150_000, tags=("6",)),
        case("one-point", "at least 2 points", "0,0,1\n"),
        special("sparse-3GB", "a CSV file of points has at most",
                lambda f: str(sparse(f / "p.csv", 3 * GB)), tags=("7",)),
        special("dev-zero", "not a regular file", lambda f: "/dev/zero", tags=("7",)),
    ]


def save_cases() -> list[Case]:
    def case(name, reason, target: Callable[[Path], str], tags=("2",)):
        return Case("save", name, lambda f: ["train", "--epochs", "1", "--points", "20",
                                             "--save", target(f)], reason, tags=tags)

    def fifo(folder):
        os.mkfifo(folder / "pipe")
        return str(folder / "pipe")

    def device_link(folder):
        (folder / "null").symlink_to("/dev/null")
        return str(folder / "null")

    return [
        case("empty-name", "no file name", lambda f: "", tags=("11",)),
        case("fifo", "not a regular file", fifo),
        case("symlink-to-dev-null", "not a regular file", device_link),
        case("a-folder", "a folder", lambda f: _folder(f / "m.npz")),
        case("missing-folder", "does not exist", lambda f: str(f / "no" / "m.npz")),
        Case("save", "hidden-100000", lambda f: ["train", "--hidden", "100000"], "at most 8",
             tags=("6",)),
    ]


def all_cases() -> list[Case]:
    return [*session_cases(), *model_cases(), *png_cases(), *idx_cases(), *csv_cases(),
            *save_cases()]


# -- running --------------------------------------------------------------------------------
def _listing(folder: Path) -> dict[str, tuple]:
    """What must not change: every entry's type, size and modification time."""
    entries = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        entries[str(path.relative_to(folder))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return entries


def _run_in_child(case: Case, argv: list[str]) -> dict:
    """The outcome of ``case`` in this (forked) process: the one line, or the traceback."""
    from core.cli import run
    from core.sessions.archive import SessionFileError
    from core.sessions.session import open_session

    out, err = io.StringIO(), io.StringIO()
    try:
        if case.kind == "session":
            try:
                open_session(argv[0])
                return {"code": 0, "out": "opened", "err": ""}
            except SessionFileError as exc:
                return {"code": 2, "out": "", "err": f"neural-playground: error: {exc}\n"}
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(argv, out, err)
        return {"code": code, "out": out.getvalue(), "err": err.getvalue()}
    except BaseException:  # the case fails on any escape: report it, do not die
        return {"code": -1, "out": out.getvalue(), "err": traceback.format_exc()}


MEMORY_CAP = 1 * GB  # address space a case may add: a regression fails, the machine lives
CPU_CAP = 30         # seconds of CPU a case may use before the kernel stops it


def _cap_resources() -> None:
    """Let this process map at most ``MEMORY_CAP`` more bytes and run ``CPU_CAP`` seconds."""
    import resource

    with open("/proc/self/statm") as handle:
        mapped = int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    resource.setrlimit(resource.RLIMIT_AS, (mapped + MEMORY_CAP, resource.RLIM_INFINITY))
    used = resource.getrusage(resource.RUSAGE_SELF)
    resource.setrlimit(resource.RLIMIT_CPU, (int(used.ru_utime + used.ru_stime) + CPU_CAP,
                                             resource.RLIM_INFINITY))


def _noop(folder: Path) -> list[str]:
    return ["--version-of-nothing"]


BASELINE = Case("none", "baseline", _noop, "", accept=True)


def run_case(case: Case, folder: Path) -> dict:
    """Build ``case`` in ``folder``, run it in a forked child and measure it."""
    started = time.perf_counter()
    argv = case.make(folder)
    built = time.perf_counter() - started
    before = _listing(folder)
    read_end, write_end = os.pipe()
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: run, send the outcome, leave without cleanup handlers
        os.close(read_end)
        try:
            _cap_resources()
            outcome = {} if case is BASELINE else _run_in_child(case, argv)
            payload = json.dumps(outcome).encode()
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read() if case is not BASELINE else b"{}"
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - started
    outcome = json.loads(payload) if payload else {"code": -1, "out": "",
                                                   "err": f"child died ({status})"}
    return {"id": case.id, "format": case.format, "seconds": round(seconds, 3),
            "build_seconds": round(built, 3),
            "peak_mb": round(usage.ru_maxrss / 1024, 1),
            "unchanged": _listing(folder) == before, **outcome}


def run_all(cases: list[Case], folder: Path) -> list[dict]:
    # Import what the cases use before forking, so children share it and start at once.
    import core.cli
    import core.sessions.session  # noqa: F401

    (folder / "baseline").mkdir()
    baseline = run_case(BASELINE, folder / "baseline")["peak_mb"]
    results = []
    for case in cases:
        case_folder = folder / case.id
        case_folder.mkdir()
        result = run_case(case, case_folder)
        result["growth_mb"] = round(result["peak_mb"] - baseline, 1)
        results.append(result)
    return results


def main() -> None:
    """``hostile_corpus.py [--json] [part of a case id …]``: run the corpus, print the table."""
    args = sys.argv[1:]
    as_json = "--json" in args
    only = [a for a in args if a != "--json"]
    cases = [c for c in all_cases() if not only or any(o in c.id for o in only)]
    with tempfile.TemporaryDirectory(prefix="hostile-") as folder:
        results = run_all(cases, Path(folder))
    if as_json:
        print(json.dumps(results))
        return
    for r in results:
        line = (r["err"] or r["out"]).strip().splitlines()
        print(f"{r['id']:40} {r['code']:>3} {r['growth_mb']:>+7.1f} MB {r['seconds']:>6.2f} s  "
              f"{(line[-1] if line else '')[:90]}")
    worst = max(results, key=lambda r: r["peak_mb"])
    slowest = max(results, key=lambda r: r["seconds"])
    print(f"{len(results)} cases; most memory {worst['id']}: peak {worst['peak_mb']} MB "
          f"({worst['growth_mb']:+} MB over an idle child); slowest {slowest['id']} "
          f"{slowest['seconds']} s")


if __name__ == "__main__":
    main()

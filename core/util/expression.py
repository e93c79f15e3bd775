"""A small, safe parser for cost curves typed by a person, e.g. ``(w-5)^2``,
and for lesson goals such as ``test_accuracy >= 0.95 and neurons <= 4``.

No ``eval``: the text is tokenised and parsed by recursive descent into a tree
of known operations over the single variable ``w``; anything else (names
like ``__import__``, attribute access, commas) is refused with a message.  The
tree evaluates on numpy arrays and differentiates itself exactly, so the lab
can draw the tangent (the slope) the learner steps along.

:func:`parse_condition` reads the same arithmetic over *declared* names (each
a number, a yes/no value or a text with a fixed set of values) plus
comparisons (``< <= > >= == !=``), ``and``/``or``/``not``, ``true``/``false``
and quoted texts.  Types are checked when parsing, so a goal that compares a
text with a number, or a text with a value it never takes, is refused before
a learner ever sees it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_LENGTH = 200
MAX_CONDITION_LENGTH = 400
MAX_DEPTH = 40
FUNCTIONS = ("sin", "cos", "exp", "abs", "log", "sqrt", "tanh")
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
KEYWORDS = ("and", "or", "not", "true", "false")
_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z_]\w*)"
                    r"|('[^']*'|\"[^\"]*\")|(<=|>=|==|!=)|(.))")
_ALIASES = {"×": "*", "·": "*", "÷": "/", "−": "-", "**": "^"}
_CONDITION_ALIASES = {"≤": "<=", "≥": ">=", "≠": "!="}
NUMBER, BOOL, TEXT = "number", "bool", "text"
# What a declared name is: NUMBER, BOOL, or the tuple of values a text takes.
Kind = str | tuple[str, ...]


class ExpressionError(ValueError):
    """The text is not a formula this parser accepts; the message says why."""


@dataclass(frozen=True)
class Node:
    op: str                      # "num", "w", "+", "-", "*", "/", "^", "neg", or a function;
    args: tuple[Node, ...] = ()  # in conditions also "var", "str", "bool", a comparison,
    value: float = 0.0           # "and", "or", "not"
    name: str = ""               # the variable's name or the text of a "str" literal

    def __call__(self, w: np.ndarray | float) -> np.ndarray:
        w = np.asarray(w, dtype=np.float64)
        with np.errstate(all="ignore"):  # log(-1) → NaN is shown as a gap, not an error
            return np.broadcast_to(_evaluate(self, w), w.shape).astype(np.float64)

    def derivative(self) -> Node:
        return _derivative(self)


_BINARY = {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide, "^": np.power,
           "<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal}


_FUNCTIONS = {"sin": np.sin, "cos": np.cos, "exp": np.exp, "abs": np.abs, "log": np.log,
              "sqrt": np.sqrt, "tanh": np.tanh, "sign": np.sign}

# The leaves and the operators whose arguments are not simply evaluated first.
_SPECIAL: dict[str, Callable[[Node, Any, Any], Any]] = {
    "num": lambda n, w, env: np.float64(n.value),
    "w": lambda n, w, env: w,
    "var": lambda n, w, env: env[n.name],
    "str": lambda n, w, env: n.name,
    "bool": lambda n, w, env: bool(n.value),
    "not": lambda n, w, env: not _evaluate(n.args[0], w, env),
    # short-circuit, like the words say
    "and": lambda n, w, env: bool(_evaluate(n.args[0], w, env))
    and bool(_evaluate(n.args[1], w, env)),
    "or": lambda n, w, env: bool(_evaluate(n.args[0], w, env))
    or bool(_evaluate(n.args[1], w, env)),
}


def _evaluate(node: Node, w: Any, env: Mapping[str, Any] | None = None) -> Any:
    """The value of ``node`` at ``w`` (formulas) or with the names in ``env`` (conditions)."""
    op = node.op
    if op in _SPECIAL:
        return _SPECIAL[op](node, w, env)
    values = [_evaluate(arg, w, env) for arg in node.args]
    if op == "neg":
        return -values[0]
    if op in _FUNCTIONS:
        return _FUNCTIONS[op](values[0])
    if op == "==":
        return bool(values[0] == values[1])
    if op == "!=":
        return bool(values[0] != values[1])
    return _BINARY[op](*values)


def _num(value: float) -> Node:
    return Node("num", value=float(value))


def _derivative(n: Node) -> Node:
    op, a = n.op, n.args
    if op == "num":
        return _num(0)
    if op == "w":
        return _num(1)
    if op == "neg":
        return Node("neg", (_derivative(a[0]),))
    if op in ("+", "-"):
        return Node(op, (_derivative(a[0]), _derivative(a[1])))
    if op == "*":
        return Node("+", (Node("*", (_derivative(a[0]), a[1])),
                          Node("*", (a[0], _derivative(a[1])))))
    if op == "/":
        top = Node("-", (Node("*", (_derivative(a[0]), a[1])),
                         Node("*", (a[0], _derivative(a[1])))))
        return Node("/", (top, Node("^", (a[1], _num(2)))))
    if op == "^":
        base, power = a
        if power.op == "num":  # d(u^k) = k·u^(k−1)·u'
            return Node("*", (Node("*", (power, Node("^", (base, _num(power.value - 1))))),
                              _derivative(base)))
        # d(u^v) = u^v·(v'·ln u + v·u'/u)
        return Node("*", (n, Node("+", (Node("*", (_derivative(power), Node("log", (base,)))),
                                        Node("/", (Node("*", (power, _derivative(base))),
                                                   base))))))
    inner, d_inner = a[0], _derivative(a[0])
    outer = {
        "sin": Node("cos", (inner,)),
        "cos": Node("neg", (Node("sin", (inner,)),)),
        "exp": Node("exp", (inner,)),
        "abs": Node("sign", (inner,)),
        "log": Node("/", (_num(1), inner)),
        "sqrt": Node("/", (_num(0.5), Node("sqrt", (inner,)))),
        "tanh": Node("-", (_num(1), Node("^", (Node("tanh", (inner,)), _num(2))))),
        "sign": _num(0),
    }[op]
    return Node("*", (outer, d_inner))


class _Parser:
    """Recursive descent over the tokens; ``kinds`` is None for a formula in ``w``."""

    def __init__(self, text: str, kinds: Mapping[str, Kind] | None = None) -> None:
        self.kinds = kinds
        self.tokens = _tokenise(text, condition=kinds is not None)
        self.pos = 0
        self.depth = 0

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise ExpressionError("the formula ends too early")
        self.pos += 1
        return token

    def parse(self) -> Node:
        node = self.sum() if self.kinds is None else self.either()
        if self.peek() is not None:
            raise ExpressionError(f"unexpected {self.peek()!r}")
        return node

    def _deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("the formula is nested too deeply")

    # -- conditions: or < and < not < comparison < arithmetic ------------------------
    def either(self) -> Node:
        node = self.both()
        while self.peek() == "or":
            self.take()
            node = Node("or", (node, self.both()))
        return node

    def both(self) -> Node:
        node = self.negation()
        while self.peek() == "and":
            self.take()
            node = Node("and", (node, self.negation()))
        return node

    def negation(self) -> Node:
        if self.peek() != "not":
            return self.comparison()
        self.take()
        self._deeper()
        try:
            return Node("not", (self.negation(),))
        finally:
            self.depth -= 1

    def comparison(self) -> Node:
        node = self.sum()
        if self.peek() in COMPARISONS:
            node = Node(self.take(), (node, self.sum()))
            if self.peek() in COMPARISONS:
                raise ExpressionError("compare two things at a time: write a < b and b < c")
        return node

    # -- arithmetic ------------------------------------------------------------------
    def sum(self) -> Node:
        node = self.product()
        while self.peek() in ("+", "-"):
            op = self.take()
            node = Node(op, (node, self.product()))
        return node

    def product(self) -> Node:
        node = self.unary()
        while True:
            token = self.peek()
            if token in ("*", "/"):
                op = self.take()
                node = Node(op, (node, self.unary()))
            elif self.kinds is None and token is not None and (
                    token == "(" or token == "w" or token in FUNCTIONS or _is_number(token)):
                node = Node("*", (node, self.unary()))  # implicit: 2w, 3(w-1)
            else:
                return node

    def unary(self) -> Node:
        if self.peek() in ("-", "+"):
            sign = self.take()
            self._deeper()
            try:
                inner = self.unary()
            finally:
                self.depth -= 1
            return Node("neg", (inner,)) if sign == "-" else inner
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        if self.peek() == "^":
            self.take()
            return Node("^", (base, self.unary()))  # right-associative
        return base

    def atom(self) -> Node:
        self._deeper()
        try:
            token = self.take()
            if _is_number(token):
                return _num(float(token))
            if token[0] in "'\"":
                return Node("str", name=token[1:-1])
            if token in FUNCTIONS:
                if self.take() != "(":
                    raise ExpressionError(f"{token} needs brackets, like {token}(w)")
                node = Node(token, (self.sum(),))
                self._close()
                return node
            if token == "(":
                node = self.sum() if self.kinds is None else self.either()
                self._close()
                return node
            if self.kinds is None and token == "w":
                return Node("w")
            if self.kinds is not None and token in ("true", "false"):
                return Node("bool", value=float(token == "true"))
            if self.kinds is not None and token in self.kinds:
                return Node("var", name=token)
            if token.isidentifier():
                raise ExpressionError(self._unknown(token))
            raise ExpressionError(f"unexpected {token!r}")
        finally:
            self.depth -= 1

    def _unknown(self, token: str) -> str:
        if self.kinds is None:
            return (f"unknown name {token!r}: use w, numbers, + - × ÷ ^ and "
                    f"{', '.join(FUNCTIONS)}")
        close = difflib.get_close_matches(token, list(self.kinds), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"unknown name {token!r}{hint}"

    def _close(self) -> None:
        if self.peek() != ")":
            raise ExpressionError("a bracket is not closed")
        self.take()


def _is_number(token: str) -> bool:
    return token[0].isdigit() or (token[0] == "." and len(token) > 1)


def _tokenise(text: str, condition: bool = False) -> list[str]:
    limit = MAX_CONDITION_LENGTH if condition else MAX_LENGTH
    if len(text) > limit:
        raise ExpressionError(f"the formula is longer than {limit} characters")
    for alias, plain in (_ALIASES | (_CONDITION_ALIASES if condition else {})).items():
        text = text.replace(alias, plain)
    allowed = "+-*/^()" + ("<>" if condition else "")
    tokens = []
    for number, name, quoted, pair, other in _TOKEN.findall(text):
        token = number or name or quoted or pair or other
        if not token.strip():
            continue
        if (other and other not in allowed) or ((quoted or pair) and not condition):
            raise ExpressionError(f"the character {token[0]!r} is not allowed")
        tokens.append(token)
    if not tokens:
        raise ExpressionError("type a formula in w, such as (w-5)^2" if not condition
                              else "the condition is empty")
    return tokens


def _kind_of(node: Node, kinds: Mapping[str, Kind]) -> Kind:
    """NUMBER, BOOL or a text's values; ExpressionError where types do not fit."""
    op, a = node.op, node.args
    if op in ("num", "bool"):
        return NUMBER if op == "num" else BOOL
    if op == "str":
        return (node.name,)
    if op == "var":
        return kinds[node.name]
    parts = [_kind_of(arg, kinds) for arg in a]
    if op in ("and", "or", "not"):
        if any(p != BOOL for p in parts):
            raise ExpressionError(f"'{op}' joins conditions, such as loss < 0.1 {op} step > 5")
        return BOOL
    if op in ("==", "!="):
        left, right = parts
        if isinstance(left, tuple) and isinstance(right, tuple):
            literal, values = (left, right) if a[0].op == "str" else (right, left)
            if literal[0] not in values and a[0].op != a[1].op:
                raise ExpressionError(f"{literal[0]!r} is not one of "
                                      f"{', '.join(repr(v) for v in values)}")
            return BOOL
        if left != right:
            raise ExpressionError(f"'{op}' compares two numbers, two texts or two yes/no values")
        return BOOL
    if any(p != NUMBER for p in parts):
        raise ExpressionError(f"'{op}' needs numbers")
    return BOOL if op in COMPARISONS else NUMBER


@dataclass(frozen=True)
class Condition:
    """A parsed goal: call it with the live values of its ``names``."""

    text: str
    tree: Node
    names: frozenset[str]

    def __call__(self, values: Mapping[str, Any]) -> bool:
        missing = self.names - set(values)
        if missing:
            raise ExpressionError(f"no value for {', '.join(sorted(missing))}")
        with np.errstate(all="ignore"):  # 1/0 → inf, and NaN compares false
            return bool(_evaluate(self.tree, None, values))


def _names(node: Node) -> frozenset[str]:
    own = frozenset((node.name,)) if node.op == "var" else frozenset()
    return own.union(*(_names(arg) for arg in node.args))


def parse_condition(text: str, kinds: Mapping[str, Kind]) -> Condition:
    """Parse a yes/no ``text`` over the declared names ``kinds`` into a :class:`Condition`.

    ``kinds`` maps each name to NUMBER, BOOL or the tuple of values the text takes.
    """
    bad = [name for name in kinds if name in KEYWORDS or name in FUNCTIONS]
    if bad:
        raise ValueError(f"{bad[0]!r} is a reserved word and cannot be a name")
    tree = _Parser(text, kinds).parse()
    if _kind_of(tree, kinds) != BOOL:
        raise ExpressionError("a goal must be true or false: compare, e.g. loss < 0.1")
    return Condition(text, tree, _names(tree))


def parse_expression(text: str) -> Node:
    """Parse ``text`` into an evaluable, differentiable :class:`Node`."""
    return _Parser(text).parse()


@dataclass(frozen=True)
class Function:
    """A parsed formula over declared number names, e.g. ``sin(x1*x2)`` in x1, x2.

    Call it with one array per name; :meth:`code` writes it as numpy source, which
    is safe because the tree holds only known operations, numbers and the names.
    """

    text: str
    tree: Node
    names: tuple[str, ...]

    def __call__(self, **values: np.ndarray) -> np.ndarray:
        shape = np.broadcast_shapes(*(np.shape(v) for v in values.values()))
        with np.errstate(all="ignore"):  # 1/0 → inf: the caller decides what to do with it
            result = _evaluate(self.tree, None, values)
        return np.broadcast_to(np.asarray(result, dtype=np.float64), shape).copy()

    def code(self, variables: Mapping[str, str]) -> str:
        """numpy source computing the formula, each name replaced by ``variables[name]``."""
        return _code(self.tree, variables)


_OPERATORS = {"+": "+", "-": "-", "*": "*", "/": "/", "^": "**"}


def _code(node: Node, variables: Mapping[str, str]) -> str:
    if not _names(node):  # constant: folded with numpy, so 1/0 means what it meant here
        with np.errstate(all="ignore"):
            value = float(_evaluate(node, None, {}))
        return repr(value) if np.isfinite(value) else f"np.float64({str(value)!r})"
    if node.op == "var":
        return variables[node.name]
    if node.op == "neg":
        return f"(-{_code(node.args[0], variables)})"
    if node.op in FUNCTIONS:
        return f"np.{node.op}({_code(node.args[0], variables)})"
    left, right = (_code(arg, variables) for arg in node.args)
    return f"({left} {_OPERATORS[node.op]} {right})"


def parse_function(text: str, names: tuple[str, ...]) -> Function:
    """Parse arithmetic over ``names`` (no comparisons) into a :class:`Function`.

    One printable line of at most ``MAX_LENGTH`` characters; numbers must be finite.
    """
    if not text.strip():
        raise ExpressionError(f"type a formula in {', '.join(names)}, such as "
                              f"{'*'.join(names)}")
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the formula is longer than {MAX_LENGTH} characters")
    if not text.isprintable():
        raise ExpressionError("the formula must be one line of text")
    kinds = dict.fromkeys(names, NUMBER)
    try:
        tree = _Parser(text, kinds).parse()
        kind = _kind_of(tree, kinds)
    except ExpressionError as exc:
        if str(exc).startswith("unknown name"):
            raise ExpressionError(f"{exc}: use {', '.join(names)}, numbers, + - * / ^ and "
                                  f"{', '.join(FUNCTIONS)}") from None
        raise
    if kind != NUMBER:
        raise ExpressionError("the formula must give a number (no comparisons or 'and')")
    if not all(np.isfinite(n.value) for n in _nodes(tree) if n.op == "num"):
        raise ExpressionError("a number in the formula is too large")
    return Function(text, tree, names)


def _nodes(node: Node) -> list[Node]:
    return [node, *(n for arg in node.args for n in _nodes(arg))]

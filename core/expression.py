"""A small, safe parser for cost curves typed by a person, e.g. ``(w-5)^2``.

No ``eval``: the text is tokenised and parsed by recursive descent into a tree
of known operations over the single variable ``w``; anything else (names
like ``__import__``, attribute access, commas) is refused with a message.  The
tree evaluates on numpy arrays and differentiates itself exactly, so the lab
can draw the tangent (the slope) the learner steps along.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

MAX_LENGTH = 200
MAX_DEPTH = 40
FUNCTIONS = ("sin", "cos", "exp", "abs", "log", "sqrt", "tanh")
_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+)|([A-Za-z_]\w*)|(.))")
_ALIASES = {"×": "*", "·": "*", "÷": "/", "−": "-", "**": "^"}


class ExpressionError(ValueError):
    """The text is not a formula this parser accepts; the message says why."""


@dataclass(frozen=True)
class Node:
    op: str                      # "num", "w", "+", "-", "*", "/", "^", "neg", or a function
    args: tuple[Node, ...] = ()
    value: float = 0.0

    def __call__(self, w: np.ndarray | float) -> np.ndarray:
        w = np.asarray(w, dtype=np.float64)
        with np.errstate(all="ignore"):  # log(-1) → NaN is shown as a gap, not an error
            return np.broadcast_to(_evaluate(self, w), w.shape).astype(np.float64)

    def derivative(self) -> Node:
        return _derivative(self)


def _evaluate(node: Node, w: np.ndarray) -> np.ndarray:
    op, a = node.op, node.args
    if op == "num":
        return np.float64(node.value)
    if op == "w":
        return w
    if op == "neg":
        return -_evaluate(a[0], w)
    if op in FUNCTIONS:
        x = _evaluate(a[0], w)
        return {"sin": np.sin, "cos": np.cos, "exp": np.exp, "abs": np.abs, "log": np.log,
                "sqrt": np.sqrt, "tanh": np.tanh}[op](x)
    if op == "sign":
        return np.sign(_evaluate(a[0], w))
    left, right = _evaluate(a[0], w), _evaluate(a[1], w)
    return {"+": np.add, "-": np.subtract, "*": np.multiply, "/": np.divide,
            "^": np.power}[op](left, right)


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
    def __init__(self, text: str) -> None:
        self.tokens = _tokenise(text)
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
        node = self.sum()
        if self.peek() is not None:
            raise ExpressionError(f"unexpected {self.peek()!r}")
        return node

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
            elif token is not None and (token == "(" or token == "w" or token in FUNCTIONS
                                        or _is_number(token)):
                node = Node("*", (node, self.unary()))  # implicit: 2w, 3(w-1)
            else:
                return node

    def unary(self) -> Node:
        if self.peek() == "-":
            self.take()
            return Node("neg", (self.unary(),))
        if self.peek() == "+":
            self.take()
            return self.unary()
        return self.power()

    def power(self) -> Node:
        base = self.atom()
        if self.peek() == "^":
            self.take()
            return Node("^", (base, self.unary()))  # right-associative
        return base

    def atom(self) -> Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("the formula is nested too deeply")
        try:
            token = self.take()
            if _is_number(token):
                return _num(float(token))
            if token == "w":
                return Node("w")
            if token in FUNCTIONS:
                if self.take() != "(":
                    raise ExpressionError(f"{token} needs brackets, like {token}(w)")
                node = Node(token, (self.sum(),))
                self._close()
                return node
            if token == "(":
                node = self.sum()
                self._close()
                return node
            if token.isidentifier():
                raise ExpressionError(
                    f"unknown name {token!r}: use w, numbers, + - × ÷ ^ and "
                    f"{', '.join(FUNCTIONS)}")
            raise ExpressionError(f"unexpected {token!r}")
        finally:
            self.depth -= 1

    def _close(self) -> None:
        if self.peek() != ")":
            raise ExpressionError("a bracket is not closed")
        self.take()


def _is_number(token: str) -> bool:
    return token[0].isdigit() or (token[0] == "." and len(token) > 1)


def _tokenise(text: str) -> list[str]:
    if len(text) > MAX_LENGTH:
        raise ExpressionError(f"the formula is longer than {MAX_LENGTH} characters")
    for alias, plain in _ALIASES.items():
        text = text.replace(alias, plain)
    tokens = []
    for number, name, other in _TOKEN.findall(text):
        token = number or name or other
        if token.strip():
            if other and other not in "+-*/^()":
                raise ExpressionError(f"the character {other!r} is not allowed")
            tokens.append(token)
    if not tokens:
        raise ExpressionError("type a formula in w, such as (w-5)^2")
    return tokens


def parse_expression(text: str) -> Node:
    """Parse ``text`` into an evaluable, differentiable :class:`Node`."""
    return _Parser(text).parse()

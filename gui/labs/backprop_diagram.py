"""The backprop page's network drawing: nodes named in their circles, the
numbers a stage has reached beside them, each weight on its edge."""

from __future__ import annotations

import pyqtgraph as pg

from core.labs.backprop import Trace
from gui.theme import plot_ink


def node_name(column: int, row: int, sizes: list[int]) -> str:
    """x1, x2 for inputs, h1… for hidden neurons (h1_1… when deeper), o or o1… for outputs."""
    if column == 0:
        return f"x{row + 1}"
    if column == len(sizes) - 1:
        return "o" if sizes[-1] == 1 else f"o{row + 1}"
    prefix = "h" if len(sizes) == 3 else f"h{column}_"
    return f"{prefix}{row + 1}"


def _free_spot(start, end, taken, size=(0.75, 0.5)) -> tuple[float, float]:
    """The first point along an edge, from near its start, clear of ``taken`` labels."""
    (x0, y0), (x1, y1) = start, end
    spots = [(x0 + t * (x1 - x0), y0 + t * (y1 - y0))
             for t in (0.3, 0.45, 0.2, 0.6, 0.7, 0.38, 0.52)]
    for x, y in spots:
        if all(abs(x - p.x()) > size[0] or abs(y - p.y()) > size[1] for p in taken):
            return x, y
    return spots[0]


def node_lines(t: Trace, stage: int, c: int, r: int, name: str) -> list[str]:
    """The numbers a node shows at ``stage``: its input, or z and a once the forward
    pass has reached it, and δ once the errors have come back to it."""
    layers = len(t.weights)
    lines = []
    if c == 0:
        lines.append(f"{name} = {t.x[r]:.3f}")
    elif c <= min(stage, layers):
        lines.append(f"z = {t.weighted_sums[c - 1][r]:.3f}")
        lines.append(f"a = {t.outputs[c - 1][r]:.3f}")
    backward_from = stage - layers - 2   # how many error layers are shown
    if c > 0 and backward_from >= 0 and c >= layers - backward_from:
        lines.append(f"δ = {t.errors[c - 1][r]:.4f}")
    return lines


class BackpropDiagram(pg.PlotWidget):
    """A trace at one stage of the step-through, redrawn from scratch each time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.hideAxis("left")
        self.hideAxis("bottom")
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        self.node_labels: dict[str, pg.TextItem] = {}  # the names in the circles

    def show_trace(self, t: Trace, stage: int, paper: pg.QtGui.QBrush) -> None:
        """Nodes named inside their circles, numbers beside them on a background, weights
        on a label box near each edge's start: no text lies on a line."""
        sizes = [len(t.x), *(len(o) for o in t.outputs)]
        gap_x, gap_y = 3.0, 2.0
        pos = {(c, r): (c * gap_x, gap_y * ((n - 1) / 2 - r))
               for c, n in enumerate(sizes) for r in range(n)}
        self.clear()
        self.node_labels = {}
        self._draw_edges(t, pos, paper)
        for (c, r), (x, y) in pos.items():
            name = node_name(c, r, sizes)
            self._draw_node(name, (x, y), node_lines(t, stage, c, r, name),
                            c, len(sizes) - 1, paper)
        top = gap_y * (max(sizes) - 1) / 2
        self.setRange(xRange=(-2.2, gap_x * (len(sizes) - 1) + 2.2),
                      yRange=(-top - 0.7, top + 1.6), padding=0)

    def _draw_edges(self, t: Trace, pos: dict, paper) -> None:
        """Each weight as a line, thicker for larger weights, with its value on a box."""
        placed = [pg.QtCore.QPointF(x, y) for x, y in pos.values()]  # nodes count as taken
        for layer, (W, _) in enumerate(t.weights):
            for k in range(W.shape[0]):
                for j in range(W.shape[1]):
                    (x0, y0), (x1, y1) = pos[(layer, k)], pos[(layer + 1, j)]
                    colour = "#0877bd" if W[k, j] > 0 else "#f59322"
                    self.plot([x0, x1], [y0, y1],
                              pen=pg.mkPen(colour, width=1 + 2 * min(abs(W[k, j]), 2)))
                    label = pg.TextItem(f"{W[k, j]:.2f}", color=colour, anchor=(0.5, 0.5),
                                        fill=paper, border=pg.mkPen(colour))
                    label.setPos(*_free_spot((x0, y0), (x1, y1), placed))
                    placed.append(label.pos())
                    label.setZValue(5)
                    self.addItem(label)

    def _draw_node(self, name: str, at: tuple[float, float], lines: list[str], c: int,
                   last: int, paper) -> None:
        x, y = at
        self.plot([x], [y], symbol="o", symbolSize=40, symbolBrush="#eef3f8",
                  symbolPen="#183d4e")
        inside = pg.TextItem(f"<b>{name}</b>", anchor=(0.5, 0.5))
        inside.setHtml(f'<b style="color:#183d4e">{name}</b>')
        inside.setPos(x, y)
        inside.setZValue(10)
        self.addItem(inside)
        self.node_labels[name] = inside
        if not lines:
            return
        # Inputs read to the left of their node, outputs to the right, hidden above.
        if c == 0:
            anchor, place = (1.0, 0.5), (x - 0.45, y)
        elif c == last:
            anchor, place = (0.0, 0.5), (x + 0.45, y)
        else:
            anchor, place = (0.5, 1.0), (x, y + 0.4)
        text = pg.TextItem("\n".join(lines), color=plot_ink(), anchor=anchor, fill=paper)
        text.setPos(*place)
        text.setZValue(10)
        self.addItem(text)

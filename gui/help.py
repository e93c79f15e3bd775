"""F1: a short help page for the mode on screen — what it shows and what to try."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


class HelpDialog(QDialog):
    """Non-modal: it can stay open beside the window while you try things."""

    def __init__(self, mode: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        titles, pages = self._texts()
        self.setWindowTitle(titles[mode])
        self.resize(560, 520)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(pages[mode] + self._keys())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)

    def _texts(self) -> tuple[dict[str, str], dict[str, str]]:
        titles = {
            "playground": self.tr("Help: Playground"),
            "digits": self.tr("Help: Digits"),
            "descent": self.tr("Help: Gradient descent"),
            "curve_fit": self.tr("Help: Curve fitting"),
            "inside": self.tr("Help: Inside the network"),
        }
        pages = {
            "playground": self.tr(
                "<h3>Playground</h3>"
                "<p>A network with hidden layers and a <b>linear classifier</b> (one straight "
                "line) train side by side on the same points. The coloured background is each "
                "model's answer over the plane; the small squares in the middle show what every "
                "neuron computes.</p>"
                "<p><b>Try:</b> press Space on <i>xor</i> or <i>spiral</i> and watch the line "
                "fail where the network succeeds. Raise the learning rate until the loss "
                "explodes. Remove all hidden layers. Add x1² and x2² as inputs on "
                "<i>circle</i> — now even the line can do it.</p>"
                "<p><b>Over-fitting:</b> press <i>Over-fitting example</i>, train, and watch the "
                "test loss turn up while the training loss keeps falling (the shaded gap). "
                "Cure it with L2, dropout, input noise or <i>Restore the best weights</i> "
                "(early stopping). <i>Inside the training…</i> shows what each cure does to "
                "the weights: L1 sends most of them to zero, L2 shrinks them all.</p>"
                "<p><b>Batch norm</b> can be switched while training: the boundary stays the "
                "same at that moment, only how the network learns changes.</p>") + self.tr(
                "<p><b>Formulas:</b> choose <i>Formula…</i> among the data sets and type "
                "f(x1,x2), e.g. <i>x1*x2</i>, then Enter: under Classification a point is "
                "class 1 where f &gt; 0 (class by sign), under Regression its value is f. "
                "<i>Custom feature f(x1,x2)</i> adds a formula such as <i>sin(x1*x2)</i> "
                "as one more input. Use x1, x2, numbers, + − * / ^ and sin, cos, exp, abs, "
                "log, sqrt, tanh; a formula that is not a finite number everywhere on the "
                "plane (1/x1, log(x1)) is refused with its reason in red.</p>"),
            "digits": self.tr(
                "<h3>Digits</h3>"
                "<p>Draw a digit with the mouse: the 28×28 = 784 pixels are the network's "
                "inputs, and each layer's activity is shown as you draw. The ten outputs are "
                "the network's belief in each digit.</p>"
                "<p><b>Try:</b> draw a 1 slanted, a 7 with a bar, a 4 open or closed. Under "
                "<i>Train on MNIST</i>, train your own network and compare: fewer neurons, "
                "sigmoid instead of ReLU, input scaling, dropout.</p>"
                "<p><b>Over-fitting:</b> <i>Over-fitting example</i> learns from 500 digits "
                "only; the validation loss turns up after a few epochs. Cure it with L2, "
                "dropout, random shifts, or <i>Stop early after</i> a few epochs without "
                "progress.</p>") + self.tr(
                "<p><b>Your own digits:</b> draw a digit and click its number under "
                "<i>Your digits</i>: the drawing, as the network sees it (28×28), joins the "
                "training set. Each of yours comes many times an epoch, so a handful counts "
                "among thousands of MNIST digits. After each epoch, beside the tabs: how many "
                "of yours the network gets right, apart from its MNIST score (a red frame "
                "marks one it gets wrong). Click a thumbnail to remove it. Sessions keep "
                "them.</p>"),
            "descent": self.tr(
                "<h3>Gradient descent</h3>"
                "<p>A ball walks downhill on a curve or a surface: each step is the learning "
                "rate times the slope.</p>"
                "<p><b>Try:</b> a small rate (slow), a large one (it overshoots and bounces), "
                "several starting points (different minima), and the optimisers side by side "
                "(momentum rolls on, Adam adapts each direction).</p>"),
            "curve_fit": self.tr(
                "<h3>Curve fitting</h3>"
                "<p>A straight line y = ax + b and a small network fit the same points. The "
                "network's curve is a sum of bent pieces, one per hidden neuron (show the "
                "parts).</p>"
                "<p><b>Try:</b> drag points, add a few with a click, change the number of "
                "hidden neurons and the loss (squared vs absolute error with an outlier).</p>"),
            "inside": self.tr(
                "<h3>Inside the network</h3>"
                "<p>One sample goes forward through the layers (y = Wx + b, then the "
                "activation), and the error goes back through Wᵀ: every number of "
                "backpropagation, one step at a time.</p>"
                "<p><b>Try:</b> press Next step and compare each gradient with the one "
                "measured by nudging the weight (finite differences).</p>"),
        }
        # Later additions stand in their own strings, so translations of the above stay.
        pages["playground"] += self.tr(
            "<p><b>Layer norm</b> normalises each point's sums within the layer "
            "(no batch needed); switching it keeps nearly the same answers. The summary "
            "under the plots gives the linear model's line, x2 = k·x1 + c. <i>See the "
            "plane as a hidden layer sees it</i> takes any two units: an input, hidden "
            "neurons of any layers, or an output's weighted sum. <i>File → Export as "
            "PyTorch code</i> writes this network as a PyTorch script: the same network "
            "in the tool the field uses.</p><p><b>Lessons</b> (Help → Lessons, Ctrl+L) "
            "lead you through the ideas: predict, try, see.</p>")
        pages["playground"] += self.tr(
            "<p><b>Click to edit:</b> click a link in the network to type its weight, or "
            "right-click a neuron and choose <i>Set bias…</i>; Enter applies, Esc cancels. "
            "The boundary moves at once, and training goes on from your value: set a "
            "weight to 0 and watch the network grow it back, or move a bias and see its "
            "neuron's line shift.</p>")
        pages["playground"] += self.tr(
            "<p>The <b>confusion matrix</b> beside the plots counts the network's answers: "
            "a row per true class, a column per predicted class. The diagonal holds the "
            "points it got right, every other cell one kind of mistake; hover a cell to "
            "read it, click it to mark its points on the network's plot, and switch "
            "between training and test points. Try <i>3 spirals</i>: "
            "early on one class swallows the others, then the diagonal fills up.</p>")
        pages["descent"] += self.tr(
            "<p><b>3D view</b> (2D tab) shows the surface as a landscape with every path on "
            "it: drag to turn it. <i>Two valleys</i> has a shallow local and a deeper global "
            "minimum: drop 30 random starts and see that the start decides.</p>")
        pages["inside"] += self.tr(
            "<p><b>Computational graph</b> (the tab beside the network): every ×, + and "
            "activation is a node. Next shows each value going forward, then each gradient "
            "coming back with its chain-rule product; click a node to see its sum.</p>")
        pages["digits"] += self.tr(
            "<p>A number typed beyond a setting's limits becomes the nearest limit: "
            "the limits lessons and the command line obey too.</p>")
        return titles, pages

    def _keys(self) -> str:
        return self.tr(
            "<h4>Keys</h4><p>Space play / pause · → one step · R reset · Ctrl+S save · "
            "Ctrl+O open · Ctrl+1…5 modes · Esc clear the canvas · F1 this help</p>")

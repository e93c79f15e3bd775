"""The window's pages, each made when first wanted and seen through the page interface.

Every page has an adapter here that gives it the one page interface of
:mod:`gui.page`.  A tab holds an empty placeholder until its page is first
wanted: its tab is shown, or a lesson, a session or the menu asks for it.
Making all five pages at start took 1.2 s before the first frame (the descent
lab alone pulls in OpenGL); most people open one or two of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from pkgutil import resolve_name

from PySide6.QtWidgets import QWidget

from gui.page import Page
from gui.widgets import PageTabs

# In tab order: settings-table name, the page's class, its adapter ("module:Class",
# imported when the page is first made).
KINDS = (
    ("playground", "gui.playground.playground_page:PlaygroundPage",
     "gui.pages.playground:PlaygroundAdapter"),
    ("digits", "gui.digits.digits_page:DigitsPage", "gui.pages.digits:DigitsAdapter"),
    ("descent", "gui.labs.descent_page:DescentPage", "gui.pages.descent:DescentAdapter"),
    ("curve_fit", "gui.labs.curve_fit_page:CurveFitPage", "gui.pages.curve_fit:CurveFitAdapter"),
    ("backprop", "gui.labs.backprop_page:BackpropPage", "gui.pages.backprop:BackpropAdapter"),
)
NAMES = tuple(name for name, _, _ in KINDS)


class PageSet(Mapping[str, Page]):
    """The window's pages by settings-table name, in tab order.

    Looking a page up makes it (and puts it in its tab) if it was not made yet;
    :meth:`made` gives only those that exist, for work that must not make any
    (closing, saving a session).
    """

    def __init__(self, tabs: PageTabs, titles: Sequence[str],
                 on_made: Callable[[Page], None]) -> None:
        self.tabs = tabs
        self._titles = titles
        self._on_made = on_made
        self._pages: dict[str, Page] = {}
        self._add_tabs()

    def _add_tabs(self) -> None:
        for title in self._titles:
            self.tabs.addTab(QWidget(), title)

    def reset(self) -> None:
        """Every tab back to a placeholder, its page deleted (File → New).

        The tabs' signals wait meanwhile: a tab on its way out must not make a page.
        The caller makes the shown one afterwards.
        """
        blocked = self.tabs.blockSignals(True)
        self.tabs.remove_pages()
        self._pages.clear()
        self._add_tabs()
        self.tabs.blockSignals(blocked)

    def __getitem__(self, name: str) -> Page:
        page = self._pages.get(name)
        if page is None:
            if name not in NAMES:
                raise KeyError(name)
            page = self._make(NAMES.index(name))
        return page

    def _make(self, index: int) -> Page:
        name, widget_class, adapter_class = KINDS[index]
        widget: QWidget = resolve_name(widget_class)()
        page: Page = resolve_name(adapter_class)(widget)
        self._pages[name] = page
        self.tabs.set_page(index, widget)
        self._on_made(page)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)

    def made(self) -> list[Page]:
        """The pages made so far, in tab order."""
        return [self._pages[name] for name in NAMES if name in self._pages]

    def at(self, index: int) -> Page | None:
        """The page of tab ``index`` (made if need be); None for no tab."""
        return self[NAMES[index]] if 0 <= index < len(NAMES) else None

    def name_at(self, index: int) -> str | None:
        return NAMES[index] if 0 <= index < len(NAMES) else None

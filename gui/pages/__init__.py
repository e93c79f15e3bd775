"""Adapters that give every page the one page interface of :mod:`gui.page`."""

from __future__ import annotations

from gui.page import Page
from gui.pages.backprop import BackpropAdapter
from gui.pages.curve_fit import CurveFitAdapter
from gui.pages.descent import DescentAdapter
from gui.pages.digits import DigitsAdapter
from gui.pages.playground import PlaygroundAdapter


def adapt_pages(window) -> dict[str, Page]:
    """The window's pages by settings-table name, in tab order."""
    pages = (PlaygroundAdapter(window.playground), DigitsAdapter(window.digits),
             DescentAdapter(window.descent), CurveFitAdapter(window.curve_fit),
             BackpropAdapter(window.backprop))
    return {page.name: page for page in pages}

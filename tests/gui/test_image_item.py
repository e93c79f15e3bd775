"""Our ImageItem colours pixels exactly as pyqtgraph's, through the fast path."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtGui import QImage

from gui.image_item import ImageItem


def pixels(item: pg.ImageItem) -> np.ndarray:
    """The rendered image as premultiplied ARGB32 words, ``[row, column]``."""
    item.render()
    image = item.qimage.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
    words = np.frombuffer(image.constBits(), dtype=np.uint32,
                          count=image.height() * image.bytesPerLine() // 4)
    return words.reshape(image.height(), -1)[:, :image.width()].copy()


def channels(words: np.ndarray) -> np.ndarray:
    return np.stack([(words >> s) & 255 for s in (24, 16, 8, 0)], axis=-1).astype(int)


def both(image, lut, levels, axis_order):
    ours, theirs = ImageItem(axisOrder=axis_order), pg.ImageItem(axisOrder=axis_order)
    for item in (ours, theirs):
        item.setLookupTable(lut)
        item.setImage(image, levels=levels, autoLevels=False)
    return ours, theirs


@pytest.mark.parametrize("axis_order", ["col-major", "row-major"])
def test_float_image_with_nans_through_a_colour_map(qapp, axis_order):
    rng = np.random.default_rng(0)
    image = rng.uniform(-1.5, 1.5, (37, 23)).astype(np.float32)  # beyond the levels too
    image[3, 4] = image[10, 0] = np.nan
    lut = pg.ColorMap([0, 0.5, 1], [(230, 120, 20), (250, 250, 250), (20, 90, 200)]) \
        .getLookupTable(nPts=256)
    ours, theirs = both(image, lut, (-1.0, 1.0), axis_order)
    a, b = channels(pixels(ours)), channels(pixels(theirs))
    assert ours._pixels is not None  # the fast path drew it
    assert a.shape == b.shape
    assert np.abs(a - b).max() <= 1  # premultiplication rounding at most
    nan_rows = (4, 3) if axis_order == "col-major" else (3, 4)
    assert a[nan_rows][0] == 0  # NaN is transparent


def test_indexed_uint8_with_a_transparent_row(qapp):
    table = np.zeros((256, 4), dtype=np.uint8)
    table[1:] = pg.ColorMap([0, 1], [(0, 0, 255), (255, 128, 0)]).getLookupTable(
        0.0, 1.0, 255, alpha=True)
    table[200, 3] = 100  # a half-transparent colour
    image = np.arange(256, dtype=np.uint8).reshape(16, 16)
    ours, theirs = both(image, table, None, "col-major")
    a, b = channels(pixels(ours)), channels(pixels(theirs))
    assert ours._pixels is not None
    assert np.abs(a - b).max() <= 1
    assert a[0, 0, 0] == 0  # row 0 is transparent


def test_anything_else_is_rendered_by_pyqtgraph_and_converted(qapp):
    rgb = np.zeros((5, 6, 3), dtype=np.uint8)
    rgb[..., 0] = 200
    item = ImageItem(axisOrder="col-major")
    item.setImage(rgb, autoLevels=False)
    item.render()
    assert item.qimage.format() == QImage.Format.Format_ARGB32_Premultiplied
    assert channels(pixels(item))[0, 0].tolist() == [255, 200, 0, 0]

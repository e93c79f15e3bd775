"""MNIST-style preprocessing of drawings, checked against what MNIST promises."""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.digits.preprocess import (
    CENTRE,
    centre_of_mass,
    from_photo,
    ink_bounding_box,
    resample_area,
    to_mnist,
)


def stroke_canvas(points, size=280, width=18):
    """Draw a thick polyline with a round brush, as the canvas does."""
    canvas = np.zeros((size, size))
    rows, cols = np.indices(canvas.shape)
    for (r0, c0), (r1, c1) in itertools.pairwise(points):
        for t in np.linspace(0, 1, 50):
            r, c = r0 + t * (r1 - r0), c0 + t * (c1 - c0)
            canvas[(rows - r) ** 2 + (cols - c) ** 2 <= (width / 2) ** 2] = 1.0
    return canvas


SEVEN = [(40, 60), (40, 220), (250, 110)]
ONE = [(30, 150), (250, 140)]


@pytest.mark.parametrize("points", [SEVEN, ONE, [(200, 30), (220, 90), (260, 60)]])
def test_centre_of_mass_lands_in_the_middle(points):
    digit = to_mnist(stroke_canvas(points))
    cy, cx = centre_of_mass(digit)
    assert abs(cy - CENTRE) <= 0.5 and abs(cx - CENTRE) <= 0.5


@pytest.mark.parametrize("points", [SEVEN, ONE])
def test_longer_side_is_twenty_pixels(points):
    digit = to_mnist(stroke_canvas(points))
    top, bottom, left, right = ink_bounding_box(digit)
    assert max(bottom - top, right - left) == 20
    assert digit.shape == (28, 28) and digit.dtype == np.float32
    assert digit.min() >= 0.0 and digit.max() <= 1.0


def test_tall_thin_strokes_keep_their_aspect_ratio():
    digit = to_mnist(stroke_canvas(ONE))
    top, bottom, left, right = ink_bounding_box(digit)
    assert bottom - top == 20 and right - left <= 6


def test_ink_is_preserved_by_area_resampling():
    rng = np.random.default_rng(0)
    image = rng.random((97, 61))
    small = resample_area(image, 20, 13)
    # Area averaging keeps the mean ink exactly (each output is a weighted mean).
    assert small.mean() == pytest.approx(image.mean(), rel=1e-9)
    assert np.allclose(resample_area(np.ones((50, 30)), 20, 12), 1.0)


def test_blank_canvas_gives_a_blank_digit():
    assert not to_mnist(np.zeros((280, 280))).any()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 230), st.integers(0, 230), st.integers(5, 50), st.integers(5, 50))
def test_any_rectangle_of_ink_is_centred_and_boxed(top, left, h, w):
    canvas = np.zeros((280, 280))
    canvas[top : top + h, left : left + w] = 1.0
    digit = to_mnist(canvas)
    t, b, lft, r = ink_bounding_box(digit)
    assert max(b - t, r - lft) in (20, 21)  # anti-aliased edges may add a faint pixel
    cy, cx = centre_of_mass(digit)
    assert abs(cy - CENTRE) <= 0.5 and abs(cx - CENTRE) <= 0.5


def test_photo_of_dark_ink_on_paper_is_inverted():
    paper = np.full((50, 40), 230.0)
    paper[10:40, 18:22] = 20.0
    ink = from_photo(paper)
    assert ink[25, 20] == pytest.approx(1.0) and ink[2, 2] == pytest.approx(0.0)
    light_on_dark = 255.0 - paper
    assert np.allclose(from_photo(light_on_dark), ink)

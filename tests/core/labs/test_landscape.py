"""The 3D landscape: heights follow the loss, and paths sit on the surface."""

import numpy as np
import pytest

from core.labs.descent import SURFACES
from core.labs.landscape import landscape


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_heights_are_finite_start_at_zero_and_keep_the_order_of_the_loss(name):
    surface = SURFACES[name]
    land = landscape(surface, 40)
    assert land.heights.shape == (40, 40)
    assert np.isfinite(land.heights).all()
    assert land.heights.min() == pytest.approx(0, abs=1e-6)
    W1, W2 = np.meshgrid(land.w1, land.w2, indexing="ij")
    values = surface.value(W1, W2).ravel()
    order = np.argsort(values, kind="stable")
    assert (np.diff(land.heights.ravel()[order]) >= -1e-5).all()  # monotone in the loss


def test_rosenbrock_is_drawn_on_a_log_scale_and_the_bowl_is_not():
    assert landscape(SURFACES["rosenbrock"]).logarithmic
    assert not landscape(SURFACES["bowl"]).logarithmic


@pytest.mark.parametrize("name", ["bowl", "rosenbrock", "himmelblau"])
def test_a_point_on_the_grid_gets_the_grids_height(name):
    surface = SURFACES[name]
    land = landscape(surface, 30)
    i, j = 7, 19
    value = surface.value(np.array(land.w1[i]), np.array(land.w2[j]))
    assert land.height(np.array([value]))[0] == pytest.approx(land.heights[i, j], rel=1e-5)


def test_a_diverging_walk_ends_where_it_leaves_the_square():
    surface = SURFACES["bowl"]
    land = landscape(surface, 30)
    walk = surface.walk((-3.0, 3.5), "sgd", 1.05, 60)  # |1 − 2α| > 1: it grows every step
    xyz = land.on_surface(walk.points, walk.values)
    assert 0 < len(xyz) < len(walk.points)
    assert (np.abs(xyz[:, :2]) <= 4).all()
    assert np.abs(walk.points[len(xyz)]).max() > 4  # the next point is outside
    calm = surface.walk((-3.0, 3.5), "sgd", 0.1, 30)
    assert len(land.on_surface(calm.points, calm.values)) == len(calm.points)

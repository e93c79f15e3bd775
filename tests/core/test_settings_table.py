"""The settings tables: defaults agree with the models' configs; bad values are refused."""

import dataclasses
import math

import numpy as np
import pytest

from core.digits.model import DigitsConfig
from core.labs.curve_fit import CurveFitConfig
from core.playground.config import PlaygroundConfig
from core.settings_table import (
    PAGES,
    SettingError,
    check_settings,
    defaults,
    table,
)


@pytest.mark.parametrize(("page", "config"), [
    ("playground", PlaygroundConfig()), ("digits", DigitsConfig()), ("curve_fit", CurveFitConfig()),
])
def test_defaults_match_the_models_configs(page, config):
    fields = {f.name for f in dataclasses.fields(config)}
    for name, value in defaults(page).items():
        if name in fields:
            assert getattr(config, name) == value, name


@pytest.mark.parametrize("page", PAGES)
def test_every_default_passes_its_own_check(page):
    assert check_settings(page, defaults(page)) == defaults(page)


def test_values_are_converted_to_their_kind():
    checked = check_settings("playground", {"hidden": [3, 2.0], "learning_rate": 1,
                                            "features": ["x1"]})
    assert checked == {"hidden": (3, 2), "learning_rate": 1.0, "features": ("x1",)}
    assert isinstance(checked["learning_rate"], float)


@pytest.mark.parametrize(("changes", "words"), [
    ({"learning_rate": math.inf}, "finite"),
    ({"learning_rate": math.nan}, "finite"),
    ({"learning_rate": 1e300}, "finite"),          # finite in float64, inf in float32
    ({"learning_rate": 0.0}, "between"),
    ({"learning_rate": "0.1"}, "number"),
    ({"learning_rate": True}, "number"),
    ({"batch_size": 2.5}, "whole"),
    ({"batch_norm": 1}, "true or false"),
    ({"activation": "swish"}, "one of"),
    ({"hidden": [4] * 9}, "at most 8"),
    ({"hidden": [0]}, "between"),
    ({"hidden": "4,2"}, "list"),
    ({"features": ["x3"]}, "one of"),
    ({"no_such_thing": 1}, "no setting"),
])
def test_bad_values_are_refused_with_a_reason(changes, words):
    with pytest.raises(SettingError, match=words) as refused:
        check_settings("playground", changes)
    assert "\n" not in str(refused.value)


def test_refusal_is_all_or_nothing():
    changes = {"learning_rate": 0.5, "dropout": 0.95}
    with pytest.raises(SettingError, match="dropout"):
        check_settings("playground", changes)


def test_unknown_page_is_a_setting_error():
    with pytest.raises(SettingError, match="unknown page"):
        table("nowhere")
    with pytest.raises(SettingError, match="unknown page"):
        table(["not", "hashable"])


def test_numpy_scalars_are_numbers():
    assert check_settings("digits", {"epochs": np.int64(3), "l2": np.float32(0.5)}) == {
        "epochs": 3, "l2": 0.5}

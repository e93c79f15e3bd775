"""The bundled files (data, models, translations, icons, lessons), found through the package.

They live in the ``resources`` package: the folder at the top of a checkout,
and the same folder in site-packages when installed from a wheel (the package
data in pyproject.toml).  Looking them up through the import system rather
than the working directory is what lets the installed ``neural-playground``
command run from any folder.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_path(*parts: str) -> Path:
    """The path of a bundled file, e.g. ``resource_path("data", "mnist_5k.npz")``."""
    return Path(str(files("resources").joinpath(*parts)))

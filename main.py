"""Neural Playground: with no arguments open the window, else run headless."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        from core.cli import run

        return run(argv)
    from gui.app import run_app

    return run_app()


if __name__ == "__main__":
    sys.exit(main())

"""Entry point of ``opsdesk``, ``opsdeskw`` and ``python -m opsdesk``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from opsdesk.app.cli import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    raise SystemExit(main())

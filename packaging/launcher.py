"""Entry script of the frozen build. ``opsdesk/__main__.py`` is not used directly because
PyInstaller would put its folder (the package itself) on the import path."""

import multiprocessing

from opsdesk.app.main import main

if __name__ == "__main__":
    # A frozen Windows executable re-runs itself for a multiprocessing child; this stops that
    # child from starting a second app.
    multiprocessing.freeze_support()
    raise SystemExit(main())

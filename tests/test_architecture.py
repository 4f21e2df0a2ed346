"""The layer rules of ARCHITECTURE.md, checked by import-linter with the contracts in
pyproject.toml, plus a direct check that the lower layers import without Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def test_import_contracts_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlinter.application import use_cases
    from importlinter.configuration import configure

    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    configure()
    options = use_cases.read_user_options(str(ROOT / "pyproject.toml"))
    # The forbidden contracts name third-party packages (PySide6, sqlalchemy), which
    # import-linter only sees with external packages in the graph.
    options.session_options["include_external_packages"] = "True"
    use_cases._register_contract_types(options)
    report = use_cases.create_report(options, cache_dir=None)
    results = {c.name: check for c, check in report.get_contracts_and_checks()}
    assert len(results) == 3
    broken = {name: check.metadata for name, check in results.items() if not check.kept}
    assert not broken
    assert not report.contains_failures


def test_lint_imports_command_passes() -> None:
    # The environment's own scripts folder first: the test command runs the venv's python
    # without activating the venv, so its scripts are not on PATH.
    here = Path(sys.executable).parent
    exe = shutil.which("lint-imports", path=str(here)) or shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter's lint-imports is not installed")
    run = subprocess.run([exe, "--no-cache"], cwd=ROOT, env=_env(), capture_output=True,
                         text=True, timeout=120)
    out = run.stdout + run.stderr
    assert run.returncode == 0, out


def test_lower_layers_import_without_qt() -> None:
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        import opsdesk.domain, opsdesk.db, opsdesk.services
        for pkg in (opsdesk.domain, opsdesk.db, opsdesk.services):
            for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
                if ".migrations" not in m.name:
                    importlib.import_module(m.name)
        qt = sorted(n for n in sys.modules if n.split(".")[0] in ("PySide6", "shiboken6", "pyqtgraph"))
        assert not qt, qt
    """)
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr


def test_domain_imports_without_sqlalchemy() -> None:
    code = textwrap.dedent("""
        import importlib, pkgutil, sys
        import opsdesk.domain as d
        for m in pkgutil.walk_packages(d.__path__, "opsdesk.domain."):
            importlib.import_module(m.name)
        bad = sorted(n for n in sys.modules
                     if n.split(".")[0] in ("sqlalchemy", "alembic", "PySide6", "reportlab"))
        assert not bad, bad
    """)
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env(),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr

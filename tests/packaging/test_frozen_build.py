"""The frozen build: packaging/build.sh builds dist/OpsDesk from the spec, starts it offscreen
with --smoke, migrates an old store with it and checks the size budget. It takes a minute or
more, so it runs only when asked: OPSDESK_PACKAGING=1 pytest -m packaging tests/packaging
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.packaging,
    pytest.mark.skipif(os.environ.get("OPSDESK_PACKAGING") != "1",
                       reason="builds the frozen app; set OPSDESK_PACKAGING=1 to run"),
    pytest.mark.skipif(not sys.platform.startswith("linux"),
                       reason="build.sh is the Linux build; Windows builds in its workflow"),
]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess, Path]:
    if shutil.which("bash") is None:
        pytest.fail("bash is needed to run packaging/build.sh")
    out = tmp_path_factory.mktemp("frozen")
    env = dict(os.environ, PYTHON=sys.executable, OPSDESK_DIST=str(out / "dist"),
               OPSDESK_BUILD=str(out / "build"))
    proc = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=1800)
    return proc, out / "dist" / "OpsDesk"


def test_build_script_succeeds(build) -> None:
    proc, _ = build
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    for line in ("build time:", "folder size:", "start time:"):
        assert line in proc.stdout
    assert re.search(r"first window shown after \d+ ms", proc.stdout)
    assert "OK: no problems found" in proc.stdout


def test_folder_holds_what_runs_from_files(build) -> None:
    proc, app = build
    assert proc.returncode == 0
    internal = app / "_internal"
    assert (app / "opsdesk").is_file()
    # Alembic imports these from disk; a build that only has them compiled cannot migrate.
    migrations = internal / "opsdesk" / "db" / "migrations"
    assert (migrations / "env.py").is_file() and (migrations / "script.py.mako").is_file()
    shipped = {p.name for p in (migrations / "versions").glob("*.py")}
    source = {p.name for p in (ROOT / "opsdesk/db/migrations/versions").glob("*.py")}
    assert source and shipped == source
    assert list((internal / "resources" / "translations").glob("opsdesk_zh_CN.qm"))
    assert (internal / "resources" / "icons" / "opsdesk.png").is_file()
    qms = {p.name for p in internal.rglob("qtbase_*.qm")}
    assert {"qtbase_zh_CN.qm", "qtbase_en.qm", "qtbase_fa.qm"} <= qms
    assert not {p.name for p in internal.rglob("qtbase_de.qm")}  # only the languages we ship


def test_unused_qt_stays_out(build) -> None:
    proc, app = build
    assert proc.returncode == 0
    names = {p.name for p in (app / "_internal").rglob("*")}
    for unwanted in ("libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6WebEngineCore.so.6",
                     "libQt6Network.so.6", "libqeglfs.so", "libqvnc.so", "QtQml.abi3.so"):
        assert unwanted not in names, unwanted

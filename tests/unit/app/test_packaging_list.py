"""pyproject.toml lists the packages (so that the top-level resources folder can be installed as
opsdesk/resources): every folder of Python modules under opsdesk/ must be on that list, or a
wheel would be missing it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"]


def test_every_package_folder_is_listed() -> None:
    on_disk = {".".join(d.relative_to(ROOT).parts) for d in (ROOT / "opsdesk").rglob("*")
               if d.is_dir() and "__pycache__" not in d.parts and any(d.glob("*.py"))}
    on_disk.add("opsdesk")
    listed = set(_config()["packages"])
    assert on_disk - listed == set(), "add these to [tool.setuptools] packages"
    assert listed - on_disk == {"opsdesk.resources"}, "listed but gone"


def test_resources_are_installed_as_package_data() -> None:
    cfg = _config()
    assert cfg["package-dir"]["opsdesk.resources"] == "resources"
    patterns = cfg["package-data"]["opsdesk.resources"]
    shipped = {p.relative_to(ROOT / "resources").as_posix()
               for pat in patterns for p in (ROOT / "resources").glob(pat)}
    assert "translations/opsdesk_zh_CN.qm" in shipped
    assert "icons/opsdesk.png" in shipped and "icons/opsdesk.ico" in shipped

"""Install OpsDesk into a private virtual environment (.venv beside this checkout) and run it.

    python3 packaging/dev.py demo    # install and start the app on the demo store
    python3 packaging/dev.py test    # install with the test tools and run the whole test suite
    python3 packaging/dev.py run -- --db my.sqlite   # any opsdesk arguments after --

Works the same on Windows (``py packaging\\dev.py demo``) and on Debian/Ubuntu. Only the standard
library is used here, because nothing else is installed yet when it runs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = Path(os.environ.get("OPSDESK_VENV") or ROOT / ".venv")
WINDOWS = os.name == "nt"
# Shared libraries PySide6's wheels expect on a bare Debian/Ubuntu machine (and CJK fonts, so
# Chinese is not drawn as boxes; poppler for the PDF checks of the test suite).
DEBIAN_PACKAGES = ("libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 "
                   "libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 "
                   "libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 "
                   "fonts-wqy-microhei fonts-noto-cjk poppler-utils").split()


def bin_path(name: str) -> Path:
    return VENV / ("Scripts" if WINDOWS else "bin") / (name + (".exe" if WINDOWS else ""))


def ensure_venv() -> None:
    if bin_path("python").exists():
        return
    print(f"creating a virtual environment in {VENV}", flush=True)
    try:
        venv.EnvBuilder(with_pip=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as e:
        shutil.rmtree(VENV, ignore_errors=True)
        sys.exit(f"could not create {VENV} ({e}). On Debian/Ubuntu: "
                 "sudo apt-get install python3-venv")


def pip_install(extra: str) -> None:
    py = str(bin_path("python"))
    subprocess.run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    target = f"{ROOT}[{extra}]" if extra else str(ROOT)
    subprocess.run([py, "-m", "pip", "install", "--quiet", "-e", target], check=True)


def ensure_system_libraries() -> None:
    """PySide6 loads libEGL & co. at import; install them on Debian/Ubuntu when we may."""
    if WINDOWS or sys.platform == "darwin":
        return
    probe = subprocess.run([str(bin_path("python")), "-c", "import PySide6.QtWidgets"],
                           capture_output=True, text=True,
                           env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    fonts_ok = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc").exists()
    if probe.returncode == 0 and fonts_ok:
        return
    if shutil.which("apt-get") is None:
        if probe.returncode:
            sys.exit("PySide6 cannot load its system libraries:\n" + probe.stderr[-800:])
        return
    sudo = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
    if sudo is None:
        sys.exit("install these packages first: apt-get install " + " ".join(DEBIAN_PACKAGES))
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", *DEBIAN_PACKAGES], check=True, env=env)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "demo"
    rest = argv[argv.index("--") + 1:] if "--" in argv else argv[1:]
    if command not in ("demo", "test", "run"):
        print(__doc__)
        return 2
    ensure_venv()
    pip_install("test" if command == "test" else "")
    ensure_system_libraries()
    if command == "test":
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        code = subprocess.run([str(bin_path("python")), "-m", "pytest", *rest], cwd=ROOT,
                              env=env).returncode
        # pytest's 5 means "no tests were collected": for us that is a failure, not a pass.
        return 1 if code == 5 else code
    args = ["--demo", *rest] if command == "demo" else rest
    return subprocess.run([str(bin_path("opsdesk")), *args]).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Where a SQLite file may live. SQLite's locking is unreliable over network file systems and
cloud-sync folders copy a file while it is open, which corrupts it; both are refused up front."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PurePath

from opsdesk.domain.errors import EnvironmentProblem

NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "afs", "ncpfs", "fuse.sshfs",
              "sshfs", "davfs", "fuse.davfs2", "glusterfs", "ceph", "fuse.rclone"}
CLOUD_SYNC_DIRS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud drive",
                   "iclouddrive", "mobile documents", "坚果云", "nutstore", "baidunetdisk",
                   "百度网盘", "wpsdrive", "wps云盘")


def is_unc(path: str) -> bool:
    """``\\\\server\\share``, ``//server/share`` and the long form ``\\\\?\\UNC\\server\\share``;
    not the local device paths ``\\\\?\\C:\\`` and ``\\\\.\\``."""
    p = path.replace("/", "\\")
    if p[:8].upper() == "\\\\?\\UNC\\":
        return True
    return p.startswith("\\\\") and not p.startswith(("\\\\?\\", "\\\\.\\"))


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash in a mount point as octal escapes.
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field)


def mount_fstype(path: Path, mounts_text: str) -> str | None:
    """File-system type of the mount holding ``path``, from the text of /proc/mounts."""
    best, fstype = "", None
    p = str(path)
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt = _unescape_mount(parts[1])
        if (p == mnt or p.startswith(mnt.rstrip("/") + "/")) and len(mnt) >= len(best):
            best, fstype = mnt, parts[2]
    return fstype


def _windows_drive_is_remote(path: Path) -> bool:
    import ctypes

    drive = os.path.splitdrive(str(path))[0]
    if not drive:
        return False
    DRIVE_REMOTE = 4
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE  # type: ignore[attr-defined]


def cloud_sync_folder(path: PurePath) -> str | None:
    for part in path.parts:
        low = part.lower()
        for name in CLOUD_SYNC_DIRS:
            # "OneDrive - Contoso", "GoogleDrive-me@example.com", "Dropbox (Team)"
            if low == name or low.startswith((name + " -", name + "-", name + " (")):
                return part
    return None


def check_sqlite_location(path: Path) -> None:
    """Raise :class:`EnvironmentProblem` when ``path`` is on a network drive or in a sync folder."""
    raw = str(path)
    if is_unc(raw):
        raise EnvironmentProblem("db.network_drive", path=raw)
    resolved = path.expanduser().resolve()
    if sys.platform == "win32":
        if _windows_drive_is_remote(resolved):
            raise EnvironmentProblem("db.network_drive", path=raw)
    else:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            mounts = ""
        fstype = mount_fstype(resolved, mounts)
        if fstype in NETWORK_FS:
            raise EnvironmentProblem("db.network_drive", path=raw, fstype=fstype)
    folder = cloud_sync_folder(resolved)
    if folder:
        raise EnvironmentProblem("db.cloud_sync", path=raw, folder=folder)

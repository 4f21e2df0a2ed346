from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from opsdesk.db.location import (
    check_sqlite_location,
    cloud_sync_folder,
    is_unc,
    mount_fstype,
)
from opsdesk.domain.errors import EnvironmentProblem

MOUNTS = """\
sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0
/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda3 /home ext4 rw,relatime 0 0
server:/export/shop /home/li/shop nfs4 rw,relatime,vers=4.2 0 0
//nas/share /mnt/nas cifs rw,relatime,vers=3.0 0 0
/dev/sdb1 /mnt/nas/usb vfat rw 0 0
/dev/sdc1 /media/li/My\\040Disk ext4 rw 0 0
//nas/back\\134slash /mnt/odd\\011tab cifs rw 0 0
tmpfs /home/li/shopping tmpfs rw 0 0
"""


@pytest.mark.parametrize(("path", "fstype"), [
    ("/home/li/opsdesk.sqlite", "ext4"),
    ("/home/li/shop/opsdesk.sqlite", "nfs4"),
    ("/home/li/shop", "nfs4"),
    ("/home/li/shopping/x.sqlite", "tmpfs"),  # a prefix of a mount point is not inside it
    ("/home/li/shopx/x.sqlite", "ext4"),
    ("/mnt/nas/data/opsdesk.sqlite", "cifs"),
    ("/mnt/nas/usb/opsdesk.sqlite", "vfat"),  # the deeper mount wins
    ("/media/li/My Disk/opsdesk.sqlite", "ext4"),  # \040 is a space
    ("/mnt/odd\ttab/x.sqlite", "cifs"),  # \011 is a tab
    ("/var/lib/x.sqlite", "ext4"),
])
def test_mount_fstype(path: str, fstype: str) -> None:
    assert mount_fstype(Path(path), MOUNTS) == fstype


def test_later_mount_over_the_same_point_wins() -> None:
    text = "/dev/sda1 /data ext4 rw 0 0\nsrv:/x /data nfs rw 0 0\n"
    assert mount_fstype(Path("/data/a.sqlite"), text) == "nfs"


def test_mount_fstype_without_mount_table() -> None:
    assert mount_fstype(Path("/x"), "") is None
    assert mount_fstype(Path("/x"), "garbage\n\n") is None


@pytest.mark.parametrize(("path", "unc"), [
    (r"\\nas\share\opsdesk.sqlite", True),
    ("//nas/share/opsdesk.sqlite", True),
    (r"\\?\UNC\nas\share\opsdesk.sqlite", True),  # the long form of a UNC path
    (r"\\?\unc\nas\share\opsdesk.sqlite", True),
    (r"\\?\C:\data\opsdesk.sqlite", False),
    (r"\\.\C:\data\opsdesk.sqlite", False),
    (r"C:\data\opsdesk.sqlite", False),
    ("/home/li/opsdesk.sqlite", False),
    ("opsdesk.sqlite", False),
])
def test_is_unc(path: str, unc: bool) -> None:
    assert is_unc(path) is unc


@pytest.mark.parametrize(("path", "folder"), [
    (PureWindowsPath(r"C:\Users\li\OneDrive\opsdesk.sqlite"), "OneDrive"),
    (PureWindowsPath(r"C:\Users\li\OneDrive - Contoso\shop\opsdesk.sqlite"), "OneDrive - Contoso"),
    (PureWindowsPath(r"C:\Users\li\Dropbox\opsdesk.sqlite"), "Dropbox"),
    (PureWindowsPath(r"C:\Users\li\Dropbox (Team)\opsdesk.sqlite"), "Dropbox (Team)"),
    (PureWindowsPath(r"G:\Google Drive\opsdesk.sqlite"), "Google Drive"),
    (PurePosixPath("/Users/li/Library/CloudStorage/GoogleDrive-li@example.com/x.sqlite"),
     "GoogleDrive-li@example.com"),
    (PurePosixPath("/Users/li/Library/Mobile Documents/com~apple~CloudDocs/x.sqlite"),
     "Mobile Documents"),
    (PureWindowsPath(r"D:\坚果云\opsdesk.sqlite"), "坚果云"),
    (PureWindowsPath(r"D:\BaiduNetdisk\opsdesk.sqlite"), "BaiduNetdisk"),
    (PureWindowsPath(r"D:\百度网盘\opsdesk.sqlite"), "百度网盘"),
])
def test_cloud_sync_folders_found(path, folder: str) -> None:  # noqa: ANN001
    assert cloud_sync_folder(path) == folder


@pytest.mark.parametrize("path", [
    PureWindowsPath(r"C:\Users\li\Documents\opsdesk.sqlite"),
    PureWindowsPath(r"C:\Users\li\OneDriveBackupNotes\opsdesk.sqlite"),
    PurePosixPath("/home/li/dropboxes/x.sqlite"),
])
def test_ordinary_folders_pass(path) -> None:  # noqa: ANN001
    assert cloud_sync_folder(path) is None


def test_check_location_refuses_unc_and_sync_folder(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        check_sqlite_location(Path("//nas/share/opsdesk.sqlite"))
    assert e.value.code == "db.network_drive"
    synced = tmp_path / "Dropbox" / "opsdesk.sqlite"
    with pytest.raises(EnvironmentProblem) as e:
        check_sqlite_location(synced)
    assert e.value.code == "db.cloud_sync"
    assert e.value.params["folder"] == "Dropbox"
    check_sqlite_location(tmp_path / "opsdesk.sqlite")  # a local folder is fine

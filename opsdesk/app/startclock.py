"""Milliseconds since the operating system started this process (not since Python's first line),
so ``--smoke`` reports what a person waiting for the window experiences."""

from __future__ import annotations

import os
import sys
import time


def process_start_epoch() -> float | None:
    try:
        if sys.platform.startswith("linux"):
            with open(f"/proc/{os.getpid()}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            start_ticks = int(fields[19])  # field 22 (starttime), after pid and comm
            with open("/proc/uptime") as f:
                uptime = float(f.read().split()[0])
            hz = os.sysconf("SC_CLK_TCK")
            return time.time() - uptime + start_ticks / hz
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            ft = [wintypes.FILETIME() for _ in range(4)]
            h = ctypes.windll.kernel32.GetCurrentProcess()
            if ctypes.windll.kernel32.GetProcessTimes(h, *[ctypes.byref(x) for x in ft]):
                t = (ft[0].dwHighDateTime << 32) | ft[0].dwLowDateTime
                return t / 1e7 - 11644473600  # 100 ns ticks since 1601 -> Unix epoch
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return None


_FALLBACK = time.time()


def ms_since_start() -> int:
    start = process_start_epoch() or _FALLBACK
    return int(round((time.time() - start) * 1000))

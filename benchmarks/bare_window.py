"""The bare baseline for start-up: a QApplication and an empty QMainWindow, timed the way
``opsdesk --smoke`` times itself (from the process's start as the OS records it, after a zero
timer following ``show()``). It does not import opsdesk, so it is what any PySide6 app pays."""

import os
import sys
import time


def process_start_epoch():
    # Same method as opsdesk/app/startclock.py, copied so this script stays free of opsdesk.
    try:
        if sys.platform.startswith("linux"):
            with open(f"/proc/{os.getpid()}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
            start_ticks = int(fields[19])
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
                return t / 1e7 - 11644473600
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return None


_FALLBACK = time.time()


def ms_since_start():
    start = process_start_epoch() or _FALLBACK
    return int(round((time.time() - start) * 1000))


def main():
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.setWindowTitle("baseline")
    w.resize(480, 320)
    w.show()

    def shown():
        print(f"first window shown after {ms_since_start()} ms", flush=True)
        QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, shown)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())

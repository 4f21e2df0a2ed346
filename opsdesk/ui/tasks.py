"""Background work with progress and cooperative cancel.

A job is a plain function ``fn(progress, *args)`` run on a pool thread; it calls
``progress.report(done, total)`` now and then and ``progress.check()`` to stop early when the
person pressed Cancel. Results and errors come back to the GUI thread by queued signals (a
QRunnable is not a QObject, so the signals live on a helper object). Writes go through
``WRITER``, a pool of one thread: SQLite has one writer, and queuing writes here keeps the GUI
from waiting on the database lock.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """Raised inside a job by ``Progress.check()`` after Cancel was pressed."""


class Progress:
    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(int(done), int(total), text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], *args: Any) -> None:
        super().__init__()
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self._fn, self._args = fn, args
        # Also kept here for a caller that waits on the pool instead of the queued signal.
        self.result: Any = None
        self.error: BaseException | None = None
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            self.result = self._fn(self.progress, *self._args)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as e:  # noqa: BLE001 - handed to the GUI thread to show or log
            self.error = e
            self.signals.failed.emit(e)
        else:
            self.signals.finished.emit(self.result)


_writer = QThreadPool()
_writer.setMaxThreadCount(1)
_running: set[Job] = set()


def start(job: Job, *, write: bool = False) -> Job:
    _running.add(job)
    for sig in (job.signals.finished, job.signals.failed, job.signals.cancelled):
        sig.connect(lambda *_a, j=job: _running.discard(j))
    (_writer if write else QThreadPool.globalInstance()).start(job)
    return job


def run_with_dialog(parent: QWidget | None, title: str, fn: Callable[..., Any], *args: Any,
                    on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                    write: bool = False, cancellable: bool = True) -> Job:
    """Run ``fn`` in the background behind a modal progress dialog that can cancel it."""
    job = Job(fn, *args)
    dlg = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dlg.setWindowTitle(title)
    dlg.setWindowModality(Qt.WindowModality.WindowModal)
    dlg.setMinimumDuration(300)
    dlg.setAutoReset(False)
    dlg.setAutoClose(False)
    if not cancellable:
        dlg.setCancelButton(None)
    dlg.canceled.connect(job.progress.cancel)

    def _progress(done: int, total: int, text: str) -> None:
        dlg.setMaximum(max(total, 0))
        dlg.setValue(min(done, total) if total else 0)
        if text:
            dlg.setLabelText(text)

    def _finish(result: Any) -> None:
        dlg.close()
        on_done(result)

    def _fail(err: BaseException) -> None:
        dlg.close()
        on_error(err)

    job.signals.progress.connect(_progress)
    job.signals.finished.connect(_finish)
    job.signals.failed.connect(_fail)
    job.signals.cancelled.connect(dlg.close)
    start(job, write=write)
    return job


def wait_all(timeout_ms: int = 30_000) -> None:
    """Let running jobs finish (at exit, and in tests)."""
    _writer.waitForDone(timeout_ms)
    QThreadPool.globalInstance().waitForDone(timeout_ms)

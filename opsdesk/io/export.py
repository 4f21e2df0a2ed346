"""Write a list to ``.xlsx`` or ``.csv``, chosen by the file's extension, streamed row by row.

CSV is UTF-8 with a BOM and CRLF line ends: without the BOM, Excel on a Chinese Windows opens
the file as GBK and every name turns to mojibake.

Formula injection: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
could run as a formula when the file is opened in a spreadsheet (``=HYPERLINK(...)`` in a name).
Such text gets a leading ``'``. Numbers passed as numbers (``int``, ``float``, ``Decimal``) are
never touched, so ``-25`` stays a number; money goes in as :func:`money_cell`.

The file appears only when complete: rows go to a temporary file beside the target, renamed over
it at the end, so a cancelled or failed export leaves no half-written file (and an older export
under the same name intact).

Error codes: ``export.unsupported_type`` (``ValidationError``, param ``ext``),
``export.cannot_write`` (``EnvironmentProblem``, param ``reason``: the folder is missing,
read-only, or the file is open in Excel), :class:`ExportCancelled` (``export.cancelled``).
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from opsdesk.domain.errors import EnvironmentProblem, OpsError, ValidationError
from opsdesk.domain.money import currency

DANGEROUS_START = ("=", "+", "-", "@", "\t", "\r")


class ExportCancelled(OpsError):
    def __init__(self, rows_done: int) -> None:
        super().__init__("export.cancelled", rows_done=rows_done)


def money_cell(minor: int, currency_code: str = "CNY") -> Decimal:
    """An amount in minor units as an exact decimal of the major unit: 123450 -> 1234.50."""
    cur = currency(currency_code)
    return Decimal(minor).scaleb(-cur.digits)


def neutralise(value: Any) -> Any:
    """The cell value as it will be written: text that a spreadsheet could take for a formula
    gets a leading apostrophe; every other value passes unchanged."""
    if isinstance(value, str) and value.startswith(DANGEROUS_START):
        return "'" + value
    return value


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _write_csv(f, headers: Sequence[str], rows: Iterable[Sequence[Any]],  # noqa: ANN001
               tick: Callable[[int], None]) -> int:
    w = csv.writer(f, lineterminator="\r\n")
    w.writerow([_csv_text(neutralise(h)) for h in headers])
    n = 0
    for row in rows:
        w.writerow([_csv_text(neutralise(v)) for v in row])
        n += 1
        tick(n)
    return n


def _write_xlsx(path: str, headers: Sequence[str], rows: Iterable[Sequence[Any]],
                sheet_title: str, tick: Callable[[int], None]) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title[:31] or "Sheet1")
    bold = Font(bold=True)

    def cell(value: Any, header: bool = False) -> Any:
        value = neutralise(value)
        if isinstance(value, str):
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        c = WriteOnlyCell(ws, value=value)
        if header:
            c.font = bold
        elif isinstance(value, Decimal):
            places = max(-value.as_tuple().exponent, 0) if value.is_finite() else 0
            c.number_format = "#,##0" + ("." + "0" * places if places else "")
        elif isinstance(value, datetime):
            c.number_format = "yyyy-mm-dd hh:mm"
        elif isinstance(value, date):
            c.number_format = "yyyy-mm-dd"
        return c

    ws.freeze_panes = "A2"
    n = 0
    try:
        ws.append([cell(h, header=True) for h in headers])
        for row in rows:
            ws.append([cell(v) for v in row])
            n += 1
            tick(n)
    except BaseException:
        # A write-only sheet streams into a temporary file of openpyxl's own; finish and delete
        # it now, or it lingers until the process ends.
        try:
            ws.close()
            ws._writer.cleanup()
        except Exception:  # noqa: BLE001 - the original error is the one to report
            pass
        raise
    wb.save(path)
    return n


def export_rows(path: str | Path, headers: Sequence[str], rows: Iterable[Sequence[Any]], *,
                sheet_title: str = "Sheet1",
                progress: Callable[[int], None] | None = None,
                should_cancel: Callable[[], bool] | None = None,
                report_every: int = 1000) -> int:
    """Write ``headers`` and ``rows`` to ``path`` (.xlsx or .csv); returns the rows written.
    ``progress(rows_done)`` and ``should_cancel()`` are called every ``report_every`` rows."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in (".xlsx", ".csv"):
        raise ValidationError("export.unsupported_type", field="file", ext=ext or "-")

    def tick(n: int) -> None:
        if n % report_every:
            return
        if progress is not None:
            progress(n)
        if should_cancel is not None and should_cancel():
            raise ExportCancelled(n)

    try:
        fd, tmp = tempfile.mkstemp(prefix=".opsdesk-", suffix=ext, dir=path.parent)
    except OSError as e:
        raise EnvironmentProblem("export.cannot_write", field="file",
                                 reason=e.strerror or type(e).__name__) from None
    try:
        if ext == ".csv":
            with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
                n = _write_csv(f, headers, rows, tick)
        else:
            os.close(fd)
            n = _write_xlsx(tmp, headers, rows, sheet_title, tick)
        os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        raise EnvironmentProblem("export.cannot_write", field="file",
                                 reason=e.strerror or type(e).__name__) from None
    except BaseException:
        _remove(tmp)
        raise
    return n


def _remove(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass

"""Read a table from ``.csv`` / ``.txt`` / ``.tsv`` or ``.xlsx`` as a header and numbered rows,
streamed: a 100,000-row file is never held in memory whole.

Row numbers are what the user sees in Excel (the header is row 1; a CSV record spanning lines
in quotes is still one row), so an error list can say "row 1,234". Blank rows are skipped but
keep their number. CSV cells are stripped strings; xlsx cells keep their type (``str``, ``int``,
``float``, ``datetime``, ``bool``), blanks are ``None`` in both.

The content decides how a file is read, the extension only which kinds are accepted: an xlsx
saved under a ``.csv`` name is read as the workbook it is; a zip, image or old ``.xls``
renamed to either is refused.

Error codes (``EnvironmentProblem``, field ``file``): those of :mod:`opsdesk.io.encoding`, and
``import.unsupported_type`` (param ``ext``), ``import.xls_not_supported`` (an old ``.xls`` or a
password-protected workbook: both are OLE files), ``import.not_xlsx`` (named .xlsx, is not a
workbook), ``import.xlsx_damaged`` (param ``reason``), ``import.sheet_not_found`` (param
``sheet``), ``import.csv_malformed`` (params ``row``, ``reason``), ``import.decode_error``
(param ``row``), ``import.not_found``.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.io.encoding import detect_file_encoding

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
DELIMITERS = (",", "\t", ";", "|")
# Spreadsheet exports put long notes in one cell; csv's default 128 KiB limit is too tight for
# a whole pasted document, anything longer is a damaged file.
csv.field_size_limit(4 * 1024 * 1024)

Cell = Any  # str | int | float | bool | datetime | date | time | None
Row = tuple[int, tuple[Cell, ...]]


def _blank(values: tuple[Cell, ...]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


def sniff_delimiter(sample: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of fields; the one
    giving the most fields in the header wins. One column with no delimiter at all: ``,``."""
    lines = [ln for ln in sample.splitlines()[:30] if ln.strip()]
    if len(lines) > 1 and not sample.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may have cut the last line short
    best, best_fields = ",", 1
    for d in DELIMITERS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=d)]
        except csv.Error:
            continue
        if not counts or counts[0] <= 1:
            continue
        consistent = sum(c == counts[0] for c in counts) / len(counts)
        if consistent >= 0.8 and counts[0] > best_fields:
            best, best_fields = d, counts[0]
    return best


class Table:
    """An open table: ``headers`` and :meth:`rows`. Use as a context manager."""

    kind: str
    headers: tuple[str, ...]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    def rows(self) -> Iterator[Row]:
        raise NotImplementedError

    def fraction_done(self) -> float | None:
        """How far :meth:`rows` has got, 0..1, or None when the size is unknown."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class CsvTable(Table):
    kind = "csv"

    def __init__(self, path: Path) -> None:
        detected = detect_file_encoding(path)
        self.encoding = detected.encoding
        self._size = path.stat().st_size or 1
        self._raw = open(path, "rb")  # noqa: SIM115 - closed by close()
        try:
            self._text = io.TextIOWrapper(self._raw, encoding=self.encoding, newline="",
                                          errors="strict")
            sample = self._text.read(64 * 1024)
            self.delimiter = "\t" if path.suffix.lower() == ".tsv" else sniff_delimiter(sample)
            self._text.seek(0)  # resets the decoder; utf-8-sig drops the BOM again
            self._reader = csv.reader(self._text, delimiter=self.delimiter)
            self._row_no = 0
            header: tuple[Cell, ...] | None = None
            for _, values in self._records():
                if not _blank(values):
                    header = values
                    break
            if header is None:
                raise EnvironmentProblem("import.empty_file", field="file")
            self.headers = tuple("" if v is None else str(v) for v in header)
        except BaseException:
            self.close()
            raise

    def _records(self) -> Iterator[Row]:
        while True:
            try:
                record = next(self._reader)
            except StopIteration:
                return
            except csv.Error as e:
                raise EnvironmentProblem("import.csv_malformed", field="file",
                                         row=self._row_no + 1, reason=str(e)[:80]) from None
            except UnicodeDecodeError:
                # The encoding was checked over the whole file; this means it changed on disk.
                raise EnvironmentProblem("import.decode_error", field="file",
                                         row=self._row_no + 1) from None
            self._row_no += 1
            yield self._row_no, tuple((c.strip() or None) for c in record)

    def rows(self) -> Iterator[Row]:
        for row_no, values in self._records():
            if not _blank(values):
                yield row_no, values

    def fraction_done(self) -> float | None:
        if self._raw.closed:
            return 1.0
        return min(self._raw.tell() / self._size, 1.0)

    def close(self) -> None:
        self._raw.close()


_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]+\d+:[A-Z]+(\d+)\"")


def _dimension_rows(path: Path, part: str | None) -> int | None:
    """The row count the sheet's ``<dimension>`` tag claims, read from the first few KiB: a hint
    for progress only. ``ws.max_row`` would parse the whole sheet when the tag is missing (files
    written by streaming writers), doubling the time to read a large file."""
    if not part:
        return None
    try:
        with zipfile.ZipFile(path) as z, z.open(part.lstrip("/")) as f:
            m = _DIMENSION.search(f.read(4096))
    except (OSError, KeyError, zipfile.BadZipFile):
        return None
    return int(m.group(1)) if m else None


class XlsxTable(Table):
    kind = "xlsx"

    def __init__(self, path: Path, sheet: str | None = None) -> None:
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        # A file object, not the path: openpyxl judges a path by its extension, and a workbook
        # saved as "members.csv" is still a workbook.
        self._file = open(path, "rb")  # noqa: SIM115 - closed by close()
        try:
            self._wb = load_workbook(self._file, read_only=True, data_only=True)
        except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as e:
            self._file.close()
            raise EnvironmentProblem("import.xlsx_damaged", field="file",
                                     reason=type(e).__name__) from None
        try:
            if sheet is None:
                ws = self._wb.worksheets[0] if self._wb.worksheets else None
            else:
                ws = self._wb[sheet] if sheet in self._wb.sheetnames else None
            if ws is None:
                raise EnvironmentProblem("import.sheet_not_found", field="file",
                                         sheet=sheet or "")
            self.sheet = ws.title
            self._ws = ws
            self._max_row = _dimension_rows(path, getattr(ws, "_worksheet_path", None))
            self._iter = self._cells()
            self._row_no = 0
            header = None
            for _, values in self._iter:
                if not _blank(values):
                    header = values
                    break
            if header is None:
                raise EnvironmentProblem("import.empty_file", field="file")
            while header and header[-1] is None:
                header = header[:-1]
            self.headers = tuple("" if v is None else str(v).strip() for v in header)
        except BaseException:
            self.close()
            raise

    def _cells(self) -> Iterator[Row]:
        try:
            source = self._fast_rows() if _FAST_XLSX else None
            if source is None:
                source = ((i, v) for i, v in enumerate(self._ws.iter_rows(values_only=True), 1))
            for row_no, values in source:
                self._row_no = row_no
                yield self._row_no, tuple(
                    (v.strip() or None) if isinstance(v, str) else v for v in values)
        except (zipfile.BadZipFile, KeyError, ValueError, EOFError, SyntaxError) as e:
            raise EnvironmentProblem("import.xlsx_damaged", field="file",
                                     reason=type(e).__name__) from None

    def _fast_rows(self) -> Iterator[tuple[int, tuple]] | None:
        """The sheet's rows straight from its XML with the C parser: several times faster than
        openpyxl's cell objects on a 100,000-row sheet. Values come out as openpyxl gives them
        (shared and inline strings, numbers, booleans, dates by the cell's number format).
        None when the workbook lacks what this needs, and openpyxl reads it instead."""
        wb = self._wb
        archive = getattr(wb, "_archive", None)
        path = getattr(self._ws, "_worksheet_path", None)
        dates = getattr(wb, "_date_formats", None)
        if archive is None or path is None or dates is None:
            return None
        return _xlsx_rows(archive, path, wb.shared_strings, dates, wb.epoch)

    def rows(self) -> Iterator[Row]:
        for row_no, values in self._iter:
            if not _blank(values):
                # read_only pads every row to the sheet's widest; blanks past the data go.
                end = len(values)
                while end and values[end - 1] is None:
                    end -= 1
                yield row_no, values[:end]

    def fraction_done(self) -> float | None:
        if self._max_row is None:
            return None
        return min(self._row_no / self._max_row, 1.0)

    def close(self) -> None:
        self._wb.close()
        self._file.close()


_FAST_XLSX = True
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _col_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n


def _xlsx_rows(archive, path: str, shared, date_styles, epoch) -> Iterator[tuple[int, tuple]]:  # noqa: ANN001
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.datetime import from_excel

    row_tag, c_tag, v_tag, is_tag, t_tag = (_NS + x for x in ("row", "c", "v", "is", "t"))
    last = 0
    with archive.open(path) as f:
        for _event, el in iterparse(f, events=("end",)):
            if el.tag != row_tag:
                continue
            r = el.get("r")
            row_no = int(r) if r else last + 1
            values: dict[int, object] = {}
            for c in el.iter(c_tag):
                ref = c.get("r")
                col = _col_index(ref) if ref else len(values) + 1
                kind = c.get("t")
                v = c.find(v_tag)
                text = v.text if v is not None else None
                if kind == "s":
                    value = shared[int(text)] if text is not None else None
                elif kind == "inlineStr":
                    node = c.find(is_tag)
                    value = "".join(t.text or "" for t in node.iter(t_tag)) if node is not None else None
                elif kind == "b":
                    value = text == "1" if text is not None else None
                elif kind in ("str", "e", "d"):
                    value = text
                elif text is None:
                    value = None
                else:
                    num = float(text) if any(ch in text for ch in ".eE") else int(text)
                    style = c.get("s")
                    if style is not None and int(style) in date_styles:
                        value = from_excel(num, epoch)
                    else:
                        value = num
                values[col] = value
            el.clear()
            width = max(values) if values else 0
            # Rows the sheet skips are blank rows, as openpyxl yields them.
            for gap in range(last + 1, row_no):
                yield gap, ()
            last = row_no
            yield row_no, tuple(values.get(i) for i in range(1, width + 1))


def open_table(path: str | Path, *, sheet: str | None = None) -> Table:
    """Open ``path`` for reading; raises the coded errors listed in the module docstring."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise EnvironmentProblem("import.xls_not_supported", field="file")
    if suffix not in TEXT_SUFFIXES + XLSX_SUFFIXES:
        raise EnvironmentProblem("import.unsupported_type", field="file", ext=suffix or "-")
    try:
        with open(path, "rb") as f:
            magic = f.read(8)
    except FileNotFoundError:
        raise EnvironmentProblem("import.not_found", field="file") from None
    except OSError as e:
        raise EnvironmentProblem("import.unreadable", field="file",
                                 reason=e.strerror or type(e).__name__) from None
    if not magic:
        raise EnvironmentProblem("import.empty_file", field="file")
    if magic.startswith(OLE_MAGIC):
        raise EnvironmentProblem("import.xls_not_supported", field="file")
    if magic.startswith(ZIP_MAGIC):
        return XlsxTable(path, sheet)
    if suffix in XLSX_SUFFIXES:
        raise EnvironmentProblem("import.not_xlsx", field="file")
    return CsvTable(path)

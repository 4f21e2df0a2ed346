"""Which text encoding a CSV file uses: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
"Unicode text"), or GB18030, the superset of GBK and GB2312 that Chinese Windows Excel writes.

The whole file is checked, in chunks, not just its start: a file whose first thousand rows are
ASCII and whose row 1,001 holds a GBK name must not be read as UTF-8. Strict UTF-8 is tried first
because random GBK bytes are almost never valid UTF-8 (every byte >= 0x80 in UTF-8 belongs to a
lead/continuation pattern), then strict GB18030.

The one ambiguity is a short file whose GBK bytes happen to form valid two-byte UTF-8: ``D5 A1``
is both a common hanzi in GBK and Armenian ``ա`` in UTF-8. When the UTF-8 reading contains only
characters from U+0250-U+07FF (IPA, Greek, Cyrillic, Armenian, Hebrew, Arabic: no Latin accents,
no CJK) and the GB18030 reading gives only GB2312 hanzi and punctuation, the file is GBK. Real
Greek, Cyrillic, Hebrew and Persian text almost always has a byte below 0xA1 after its lead byte
(capitals, ``ی``, ``ل``, ``ن``), which no GB2312 character has, so it stays UTF-8.

Error codes (``EnvironmentProblem``, field ``file``): ``import.empty_file``,
``import.binary_file`` (NUL or other control bytes: a spreadsheet, image or archive renamed),
``import.unknown_encoding`` (neither UTF-8 nor GB18030; param ``offset`` of the first bad byte),
``import.unreadable`` (param ``reason``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from opsdesk.domain.errors import EnvironmentProblem

CHUNK = 1 << 20
# C0 controls that never appear in a text table; \t \n \r \f and \x1a (DOS end of file) may.
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")


@dataclass(frozen=True)
class Detected:
    encoding: str  # a Python codec name: "utf-8-sig", "utf-8", "utf-16", "gb18030"
    bom: bool


def _has_control(chunk: bytes) -> bool:
    return _CONTROL.search(chunk) is not None


def _read_chunks(path: Path):  # noqa: ANN202
    try:
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                yield chunk
    except OSError as e:
        raise EnvironmentProblem("import.unreadable", field="file",
                                 reason=e.strerror or type(e).__name__) from e


def _decodes(path: Path, encoding: str, skip: int) -> int | None:
    """None when the whole file decodes strictly, else the offset of the first bad byte."""
    dec = codecs.getincrementaldecoder(encoding)("strict")
    offset = 0
    for i, chunk in enumerate(_read_chunks(path)):
        if i == 0:
            chunk = chunk[skip:]
            offset = skip
        try:
            dec.decode(chunk)
        except UnicodeDecodeError as e:
            return offset + e.start
        offset += len(chunk)
    try:
        dec.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset
    return None


_SCRIPTS = ((0x250, "latin"), (0x2B0, "ipa"), (0x370, "modifier"), (0x400, "greek"),
            (0x530, "cyrillic"), (0x590, "armenian"), (0x600, "hebrew"), (0x700, "arabic"),
            (0x750, "syriac"), (0x780, "arabic"), (0x7C0, "thaana"), (0x800, "nko"))


def _script(ch: str) -> str:
    cp = ord(ch)
    for end, name in _SCRIPTS:
        if cp < end:
            return name
    return "other"


# Letters people's names and notes actually use in the two-byte UTF-8 range. A GBK pair read as
# UTF-8 mostly lands on rarer letters (Latin Extended-B, Cyrillic for minority languages, archaic
# Greek), on symbols (½ ÷) or on combining marks.
_COMMON_LETTERS = (
    (0xC0, 0x17F),  # Latin-1 and Latin Extended-A: José, Müller, Łukasz
    (0x1A0, 0x1B0), (0x218, 0x21B),  # Vietnamese Ơ Ư, Romanian Ș Ț
    (0x386, 0x38F), (0x391, 0x3AF), (0x3B1, 0x3CE),  # Greek, without ΐ ΰ
    (0x400, 0x45F),  # Russian, Ukrainian, Serbian, Bulgarian
    (0x531, 0x556), (0x561, 0x587),  # Armenian
    (0x5D0, 0x5EA),  # Hebrew
    (0x620, 0x64A), (0x67E, 0x67E), (0x686, 0x686), (0x698, 0x698), (0x6A9, 0x6A9),
    (0x6AF, 0x6AF), (0x6CC, 0x6CC),  # Arabic and the Persian letters
)


def _common_letter(ch: str) -> bool:
    cp = ord(ch)
    return cp < 0x80 or any(lo <= cp <= hi for lo, hi in _COMMON_LETTERS)


def _plausible_text(text: str) -> bool:
    """Would a person have typed this? Common letters only, each word in one script, no capital
    after a small letter, no stray symbols or marks."""
    scripts: set[str] = set()
    prev = ""  # category of the previous letter in the word
    for ch in text:
        cat = unicodedata.category(ch)
        if ord(ch) > 0x7F and cat[0] in "SMNC":
            return False
        if cat[0] == "L":
            if not _common_letter(ch):
                return False
            scripts.add(_script(ch))
            if len(scripts) > 1 or (prev == "Ll" and cat == "Lu"):
                return False
            prev = cat
        else:
            scripts.clear()
            prev = ""
    return True


def _gb2312_only(sample: bytes) -> bool:
    """Every non-ASCII byte pair is a GB2312 character (both bytes A1-FE): what a Chinese name
    or note saved as GBK consists of."""
    i, n = 0, len(sample)
    while i < n:
        if sample[i] < 0x80:
            i += 1
            continue
        if i + 1 >= n or not (0xA1 <= sample[i] <= 0xF7 and 0xA1 <= sample[i + 1] <= 0xFE):
            return False
        i += 2
    return True


def _looks_like_gbk_not_utf8(sample: bytes) -> bool:
    try:
        as_utf8 = sample.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if as_utf8.isascii() or not _gb2312_only(sample):
        return False
    # CJK read as UTF-8 is three bytes a character; a GBK misreading gives two-byte characters.
    if any(ord(ch) > 0x7FF for ch in as_utf8):
        return False
    return not _plausible_text(as_utf8)


def detect_file_encoding(path: str | Path) -> Detected:
    path = Path(path)
    head = b""
    seen_any = False
    for chunk in _read_chunks(path):
        if not seen_any:
            head = chunk[:4]
            seen_any = True
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                if _decodes(path, "utf-16", 0) is None:
                    return Detected("utf-16", True)
                raise EnvironmentProblem("import.unknown_encoding", field="file", offset=0)
        if _has_control(chunk):
            raise EnvironmentProblem("import.binary_file", field="file")
    if not seen_any:
        raise EnvironmentProblem("import.empty_file", field="file")
    if head.startswith(codecs.BOM_UTF8):
        bad = _decodes(path, "utf-8", 3)
        if bad is None:
            return Detected("utf-8-sig", True)
        raise EnvironmentProblem("import.unknown_encoding", field="file", offset=bad)
    bad_utf8 = _decodes(path, "utf-8", 0)
    if bad_utf8 is None:
        with open(path, "rb") as f:
            sample = f.read(4096)
        # Only a short file can be ambiguous: past a few names GBK stops forming valid UTF-8.
        if path.stat().st_size <= 4096 and _looks_like_gbk_not_utf8(sample):
            return Detected("gb18030", False)
        return Detected("utf-8", False)
    if _decodes(path, "gb18030", 0) is None:
        return Detected("gb18030", False)
    raise EnvironmentProblem("import.unknown_encoding", field="file", offset=bad_utf8)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """The same rules for bytes already in memory (a pasted clipboard, a small upload):
    returns (text, encoding)."""
    if not data:
        raise EnvironmentProblem("import.empty_file", field="file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise EnvironmentProblem("import.unknown_encoding", field="file", offset=0) from None
    if _has_control(data):
        raise EnvironmentProblem("import.binary_file", field="file")
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as e:
            raise EnvironmentProblem("import.unknown_encoding", field="file",
                                     offset=e.start + 3) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            raise EnvironmentProblem("import.unknown_encoding", field="file",
                                     offset=e.start) from None
    if len(data) <= 4096 and _looks_like_gbk_not_utf8(data):
        return data.decode("gb18030"), "gb18030"
    return text, "utf-8"

"""Checks for text people type: names, logins, notes.

Refused everywhere: NUL and other control characters (they break exports and printers) and the
bidirectional override/isolate marks (U+202A-U+202E, U+2066-U+2069), which can make a name display
differently from what is stored. Names additionally refuse emoji: receipts, cards and thermal
printers cannot print them. Letters of every script, Persian and Chinese included, are welcome.
"""

from __future__ import annotations

import unicodedata

from opsdesk.domain.errors import ValidationError

BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x1F900 <= cp <= 0x1F9FF
        or cp in (0xFE0F, 0x200D, 0x20E3)
        or 0xE0020 <= cp <= 0xE007F
    )


def clean_text(value: str | None, *, field: str, max_len: int, required: bool = False,
               multiline: bool = False) -> str:
    s = unicodedata.normalize("NFC", value or "").strip()
    if required and not s:
        raise ValidationError("text.required", field=field)
    if len(s) > max_len:
        raise ValidationError("text.too_long", field=field, max=max_len)
    for ch in s:
        if ch in BIDI_CONTROLS:
            raise ValidationError("text.bidi_control", field=field)
        if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and not (multiline and ch in "\n\t"):
            raise ValidationError("text.control_char", field=field)
    return s


def clean_name(value: str | None, *, field: str = "name", max_len: int = 60,
               required: bool = True) -> str:
    s = clean_text(value, field=field, max_len=max_len, required=required)
    if any(_is_emoji(ch) for ch in s):
        raise ValidationError("text.emoji", field=field)
    s = " ".join(s.split())
    return s


def clean_login(value: str | None, *, field: str = "login") -> str:
    s = clean_text(value, field=field, max_len=40, required=True).casefold()
    if len(s) < 2:
        raise ValidationError("login.too_short", field=field, min=2)
    if not all(ch.isalnum() or ch in "._-" for ch in s):
        raise ValidationError("login.invalid_chars", field=field)
    return s

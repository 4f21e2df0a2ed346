"""Search keys for people's names and the meaning of what is typed into the one search box.

Keys. :func:`name_keys` turns a name into two lowercase ASCII strings that the database stores in
two indexed columns, ``pinyin_full`` and ``pinyin_initials``:

=========  ==============  =================
name       ``full``         ``initials``
=========  ==============  =================
张三        ``zhangsan``     ``zs``
吕布        ``lvbu``         ``lb`` (ü is typed ``v`` on Chinese keyboards)
曾志伟      ``zengzhiwei``   ``zzw`` (surname reading, not the common ``ceng``)
欧阳娜娜    ``ouyangnana``   ``oynn``
John Smith  ``johnsmith``    ``js``
José 李     ``joseli``       ``jl``
=========  ==============  =================

Every Chinese character is one syllable; every run of Latin letters is one word (accents dropped).
Other scripts (Persian, Cyrillic...) give no key: such names are found by the name itself.

Matching rule. A pinyin query ``q`` (see :func:`pinyin_query`) finds a person when
``pinyin_initials`` starts with ``q`` OR ``pinyin_full`` starts with ``q``. So ``zs`` (initials) and
``zhangs``, ``zhangsan`` (full) all find 张三; ``zsan`` (mixed) does not - a per-syllable match cannot
use an index, and the front desk types one way or the other. :func:`matches` is the reference
implementation; the database does the same with two index range scans, OR-ed (or a UNION)::

    lo, hi = prefix_range(q)
    ... WHERE (pinyin_initials >= :lo AND pinyin_initials < :hi)
           OR (pinyin_full     >= :lo AND pinyin_full     < :hi)

A range rather than ``LIKE 'q%'``: SQLite only uses an index for LIKE when the index is
``COLLATE NOCASE`` or ``case_sensitive_like`` is on, whereas a range on the default BINARY index
always does, on PostgreSQL too. The keys are lowercase ASCII, so both forms find the same rows.

Polyphonic surnames. pypinyin (0.55) has no surname mode (mozillazg/python-pinyin#120, #297), so
:data:`SURNAMES` overrides the reading of a leading surname whose surname reading differs from the
common one (单 shan, 曾 zeng, 解 xie, 仇 qiu, 区 ou, 朴 piao ...) and of compound surnames (尉迟 yuchi,
万俟 moqi). Best effort: a given name that happens to start with such a character gets the surname
reading too.

Query kinds (:func:`classify_query`), tried in this order on the trimmed text:

* ``EMPTY`` - nothing typed.
* ``PHONE`` - a complete mobile of the store's country (or ``+CC`` of another): ``value`` is the
  stored form, match ``phone = value``.
* ``PHONE_LAST4`` - exactly four digits (尾号): ``value`` is them; match an indexed
  ``phone_last4`` column filled by :func:`opsdesk.domain.phone.last4` (``LIKE '%1234'`` would scan
  every row).
* ``PHONE_PREFIX`` - 3 or more digits that are not the above: ``value`` is a prefix of the stored
  form (trunk ``0`` dropped where the country dials one), match ``phone`` by prefix.
* ``INCOMPLETE`` - one or two digits: too many hits to be useful; show nothing yet.
* ``CARD`` - the card prefix ``M`` and digits (``M000123``, ``m123``): ``value`` is the upper-cased
  prefix as typed, ``exact`` the canonical number (``M000123``); match ``card_no = exact`` or
  ``card_no`` by prefix ``value``.
* ``PINYIN`` - Latin letters (spaces and apostrophes ignored: ``zhang san``, ``xi'an``): ``value``
  is :func:`pinyin_query`; match by the rule above. Latin names are found this way too.
* ``NAME`` - anything else (Chinese, Persian, mixed): ``value`` is the whitespace-collapsed
  text; match the name by prefix or substring.

Card numbers are ``M`` followed by at least :data:`CARD_DIGITS` digits (zero-padded). The letter
is deliberate: a pure-digit card number would collide with phone prefixes and last-4 searches, and
with it one keystroke tells the two apart. A card's QR code carries the same text.

Error codes: ``card.invalid`` (param ``text``) from :func:`parse_card_number`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.phone import DEFAULT_COUNTRY, RULES, normalize_mobile

# Surname readings that differ from pypinyin's default, for the first character(s) of a name.
SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"), "令狐": ("ling", "hu"),
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "朴": ("piao",), "查": ("zha",), "翟": ("zhai",), "盖": ("ge",), "缪": ("miao",),
    "覃": ("qin",), "秘": ("bi",), "重": ("chong",), "种": ("chong",), "繁": ("po",),
    "折": ("she",), "乐": ("yue",), "召": ("shao",), "員": ("yun",), "员": ("yun",),
    "祭": ("zhai",), "句": ("gou",), "能": ("nai",), "隗": ("wei",), "尉": ("wei",),
    "宿": ("su",), "薄": ("bo",), "都": ("du",), "柏": ("bai",), "藏": ("zang",),
    "过": ("guo",), "华": ("hua",), "纪": ("ji",), "那": ("na",), "難": ("nan",),
    "黑": ("he",), "谌": ("chen",), "莘": ("shen",), "眭": ("sui",), "阚": ("kan",),
    "曽": ("zeng",), "單": ("shan",),
}

CARD_PREFIX = "M"
CARD_DIGITS = 6
MIN_PHONE_PREFIX = 3


@dataclass(frozen=True)
class SearchKeys:
    full: str  # "zhangsan": every syllable / word, no separators
    initials: str  # "zs": first letter of each syllable / word


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x3134F
        or 0xF900 <= cp <= 0xFAFF
        or cp == 0x3007  # 〇
    )


def _latin_word(run: str) -> str:
    # NFKD splits é into e + a combining accent, which is then dropped; casefold turns ß into ss.
    s = unicodedata.normalize("NFKD", run.casefold())
    return "".join(ch for ch in s if "a" <= ch <= "z")


def _han_syllables(run: str, at_start: bool) -> list[str]:
    # Imported here: its dictionaries take tens of megabytes and most imports never need them.
    from pypinyin import Style, lazy_pinyin

    head: list[str] = []
    if at_start:
        for n in (2, 1):
            if run[:n] in SURNAMES and len(run) >= n:
                head, run = list(SURNAMES[run[:n]]), run[n:]
                break
    # The whole run goes to pypinyin at once: its phrase dictionary reads polyphones in context.
    tail = lazy_pinyin(run, style=Style.NORMAL, errors="ignore") if run else []
    return head + [s for s in (_latin_word(p) for p in tail) if s]


def _tokens(name: str) -> list[str]:
    s = unicodedata.normalize("NFKC", name or "")
    tokens: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        j = i + 1
        if _is_han(ch):
            while j < len(s) and _is_han(s[j]):
                j += 1
            tokens += _han_syllables(s[i:j], at_start=not tokens)
        elif ch.isalpha() and _latin_word(ch):
            while j < len(s) and s[j].isalpha() and not _is_han(s[j]):
                j += 1
            word = _latin_word(s[i:j])
            if word:
                tokens.append(word)
        i = j
    return tokens


def name_keys(name: str) -> SearchKeys:
    """The two search keys of a name; both empty if the name has neither Han nor Latin letters."""
    tokens = _tokens(name)
    return SearchKeys("".join(tokens), "".join(t[0] for t in tokens))


def pinyin_query(text: str) -> str:
    """What a typed pinyin query is compared with: NFKC, lowercase, ``ü`` as ``v``, without
    spaces, apostrophes or accents. ``""`` if anything other than Latin letters remains."""
    s = unicodedata.normalize("NFKC", text or "").casefold().replace("ü", "v")
    s = "".join(ch for ch in s if not (ch.isspace() or ch in "'’·.-"))
    s = "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))
    return s if s and all("a" <= ch <= "z" for ch in s) else ""


def matches(keys: SearchKeys, query: str) -> bool:
    """The matching rule in memory (the database does the same by index ranges)."""
    q = pinyin_query(query)
    return bool(q) and (keys.initials.startswith(q) or keys.full.startswith(q))


def prefix_range(prefix: str) -> tuple[str, str]:
    """``(lo, hi)`` with ``lo <= key < hi`` exactly when ``key`` starts with ``prefix``."""
    if not prefix:
        raise ValueError("empty prefix")
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def format_card_number(n: int) -> str:
    """``format_card_number(123) == "M000123"``; numbers past 999999 simply grow wider."""
    if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
        raise ValidationError("card.invalid", field="card_no", text=str(n)[:20])
    return f"{CARD_PREFIX}{n:0{CARD_DIGITS}d}"


_CARD = re.compile(r"[Mm](\d{1,18})")


def parse_card_number(text: str) -> str:
    """The canonical form of a typed or scanned card number: ``" m123 "`` -> ``"M000123"``."""
    s = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    m = _CARD.fullmatch(s)
    if not m or int(m.group(1)) == 0:
        raise ValidationError("card.invalid", field="card_no", text=(text or "")[:20])
    return format_card_number(int(m.group(1)))


class QueryKind(StrEnum):
    EMPTY = "empty"
    PHONE = "phone"
    PHONE_LAST4 = "phone_last4"
    PHONE_PREFIX = "phone_prefix"
    INCOMPLETE = "incomplete"
    CARD = "card"
    PINYIN = "pinyin"
    NAME = "name"


@dataclass(frozen=True)
class Query:
    kind: QueryKind
    value: str = ""
    exact: str | None = None  # CARD only: the canonical card number


_PHONEISH = re.compile(r"\+?[\d\s\-().]+")


def _classify_digits(s: str, country: str) -> Query:
    digits = "".join(str(unicodedata.decimal(ch)) for ch in s if ch.isdecimal())
    if not digits:
        return Query(QueryKind.NAME, s)
    try:
        return Query(QueryKind.PHONE, normalize_mobile(s, country))
    except ValidationError:
        pass
    intl = s.startswith("+") or digits.startswith("00")
    if not intl and len(digits) == 4:
        return Query(QueryKind.PHONE_LAST4, digits)
    rule = RULES.get(country.upper())
    if intl:
        digits = digits[2:] if digits.startswith("00") else digits
        if not (rule and digits.startswith(rule.calling_code)):
            return Query(QueryKind.PHONE_PREFIX, "+" + digits)
        digits = digits[len(rule.calling_code):]
    # Stored national numbers carry no trunk; "0912" in Taiwan means the block 912.
    if rule and rule.display_prefix and digits.startswith(rule.display_prefix):
        digits = digits[len(rule.display_prefix):]
    if len(digits) < MIN_PHONE_PREFIX:
        return Query(QueryKind.INCOMPLETE, digits)
    return Query(QueryKind.PHONE_PREFIX, digits)


def classify_query(text: str | None, country: str = DEFAULT_COUNTRY) -> Query:
    """What the search box text is; see the module docstring for each kind and how to match it."""
    s = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if not s:
        return Query(QueryKind.EMPTY)
    if _PHONEISH.fullmatch(s):
        return _classify_digits(s, country)
    compact = s.replace(" ", "")
    m = _CARD.fullmatch(compact)
    if m:
        n = int(m.group(1))
        return Query(QueryKind.CARD, compact.upper(), format_card_number(n) if n else None)
    q = pinyin_query(s)
    if q:
        return Query(QueryKind.PINYIN, q)
    return Query(QueryKind.NAME, s)

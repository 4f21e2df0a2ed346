"""The member ladder (会员等级): tiers, their prices and perks, and how members move between them.

Definitions the rest of the app relies on:

* **rank** orders the ladder; higher is better. Ranks are unique in a ladder. A customer without a
  tier (a lead, 线索) ranks below every tier.
* **discount** is the multiplier on a price: ``Decimal("0.88")`` means the member pays 88 %
  (12 % off; "8.8折"). ``1`` is no discount. ``0 < discount <= 1``, at most four decimals, so it
  can be stored exactly as an integer of ten-thousandths (:func:`discount_to_units`).
  :func:`price_with_discount` rounds with :func:`opsdesk.domain.money.apply_rate` (half up).
* **bonus brackets** (充值赠送): "top up at least ``min_topup``, get ``bonus``". The single highest
  bracket reached applies; brackets do not stack and do not multiply: with 1,000 -> 200 and
  2,000 -> 500, a top-up of 3,000 gets 500, exactly what the poster on the wall promises.
  A higher bracket must give a strictly larger bonus, and no bonus may exceed its threshold
  (a typo guard: "充1000送2000" is almost always a slipped zero).
* **validity**: ``validity_days`` days counted from the start day inclusive; :func:`expiry` gives
  the last valid day. ``None`` means the tier never lapses.
* **fallback**: when a tier lapses the member drops to ``fallback_tier_id`` (``None``: no tier, a
  plain customer). The fallback must rank lower, so lapsing always terminates.
* **upgrade rules** (自动升级): a rule fires when the cumulative spend reaches
  ``min_cumulative_spend`` OR a single top-up reaches ``min_single_topup`` (either may be unset, not
  both), optionally only for members currently in ``from_tier_id``. Thresholds are inclusive
  (exactly at the threshold fires, one fen below does not). Rules only ever move a member up.

  "Cumulative spend" is what the member paid for goods and services (top-ups are prepayment and do
  not count, or a top-up that is later spent would count twice). The caller chooses the window; it
  should be the spend since the member entered the current tier, otherwise a member whose tier has
  just lapsed would be upgraded straight back by the same old spend. "Single top-up" is the
  principal paid in, without the bonus.

Loops cannot happen: every rule must point strictly up in rank (from its ``from_tier_id``) and
every fallback strictly down, so neither chain can revisit a tier.

Error codes (``ValidationError.code``, with ``field``):

* from :func:`validate_tier` (raised together as ``validation.fields``,
  :class:`~opsdesk.domain.errors.FieldErrors`, one error per field):
  ``text.required`` / ``text.too_long`` / ``text.emoji`` / ``text.control_char`` /
  ``text.bidi_control`` (``name``, ``privileges``); ``money.invalid`` / ``money.negative`` /
  ``money.too_large`` (``price``); ``tier.kind_invalid`` (``kind``);
  ``tier.rank_invalid`` (``rank``); ``tier.validity_invalid`` (``validity_days``, params
  ``min``, ``max``); ``tier.discount_invalid`` (``discount``, param ``text``);
  ``tier.discount_out_of_range`` (``discount``); and on ``bonus_brackets``: ``money.zero`` /
  ``money.negative`` / ``money.too_large`` (a threshold or bonus), ``tier.bracket_duplicate``
  (param ``min_topup``), ``tier.bracket_not_increasing`` (params ``min_topup``, ``bonus``),
  ``tier.bracket_bonus_too_large`` (params ``min_topup``, ``bonus``).
* from :func:`validate_ladder`: the above, and ``tier.duplicate_id``, ``tier.duplicate_rank``,
  ``tier.duplicate_name`` (param ``tier``); ``tier.fallback_unknown``,
  ``tier.fallback_not_lower`` (``fallback_tier_id``, param ``tier``); and for rules
  (``field="rules"``, param ``index``): ``tier.rule_no_trigger``, ``tier.rule_unknown_tier``,
  ``tier.rule_not_upward``, ``tier.rule_duplicate``, ``money.zero`` / ``money.negative`` /
  ``money.too_large`` / ``money.invalid`` (a threshold; param ``which`` names it).
* from :func:`parse_discount`: ``tier.discount_invalid``, ``tier.discount_out_of_range``.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from opsdesk.domain.errors import Collector, ValidationError
from opsdesk.domain.money import apply_rate, check_amount
from opsdesk.domain.text import clean_name, clean_text

DISCOUNT_UNITS = 10_000  # discount stored as an integer of ten-thousandths: 0.88 -> 8800
MAX_VALIDITY_DAYS = 100 * 366
NAME_MAX = 40
PRIVILEGES_MAX = 2000


class TierKind(StrEnum):
    BAIT = "bait"  # 鱼饵会员: cheap entry that draws traffic
    REGULAR = "regular"  # 常态会员: a reason to come back
    PARTNER = "partner"  # 合伙人会员: large stored-value top-ups


@dataclass(frozen=True)
class BonusBracket:
    min_topup: int  # fen, inclusive
    bonus: int  # fen credited as bonus (赠送金), not principal


@dataclass(frozen=True)
class Tier:
    id: int
    kind: TierKind
    name: str
    rank: int
    price: int = 0  # fen: what the qualification itself costs
    validity_days: int | None = None
    discount: Decimal = Decimal(1)
    bonus_brackets: tuple[BonusBracket, ...] = ()
    privileges: str = ""
    fallback_tier_id: int | None = None


@dataclass(frozen=True)
class UpgradeRule:
    target_tier_id: int
    min_cumulative_spend: int | None = None
    min_single_topup: int | None = None
    from_tier_id: int | None = None  # None: applies to any member and to customers without tier


@dataclass(frozen=True)
class Standing:
    """The tier a customer holds on a day and the last day it is valid (None: no end)."""

    tier: Tier | None
    expires_on: date | None


# ----------------------------------------------------------------------------- discount

_ZHE = re.compile(r"(\d+(?:\.\d+)?)折")


def _check_discount(d: Decimal, field: str | None, text: str) -> Decimal:
    if not d.is_finite():
        raise ValidationError("tier.discount_invalid", field=field, text=text[:20])
    if not (0 < d <= 1):
        raise ValidationError("tier.discount_out_of_range", field=field)
    if d * DISCOUNT_UNITS != int(d * DISCOUNT_UNITS):
        raise ValidationError("tier.discount_invalid", field=field, text=text[:20])
    return d.normalize() if d != 1 else Decimal(1)


def parse_discount(text: str, *, field: str | None = "discount") -> Decimal:
    """Read a discount the way a shop owner writes it: ``"0.88"``, ``"88%"``, ``"8.8折"``,
    ``"88折"``, ``"9折"``, ``"95折"``. ``折`` counts tenths below 10 and hundredths from 10 up
    (``"8.8折"`` and ``"88折"`` are both 0.88). Empty means no discount (1)."""
    s = unicodedata.normalize("NFKC", text or "").strip().replace(" ", "")
    if not s:
        return Decimal(1)
    try:
        if m := _ZHE.fullmatch(s):
            n = Decimal(m.group(1))
            d = n / 10 if n <= 10 else n / 100
        elif s.endswith("%"):
            d = Decimal(s[:-1]) / 100
        else:
            d = Decimal(s)
    except InvalidOperation:
        raise ValidationError("tier.discount_invalid", field=field, text=text[:20]) from None
    return _check_discount(d, field, text)


def discount_to_units(d: Decimal) -> int:
    """``Decimal("0.88") -> 8800``, the exact integer form for a database column."""
    return int(_check_discount(Decimal(d), "discount", str(d)) * DISCOUNT_UNITS)


def discount_from_units(units: int) -> Decimal:
    return _check_discount(Decimal(units) / DISCOUNT_UNITS, "discount", str(units))


# ----------------------------------------------------------------------------- validation


def _check_kind(kind: object) -> TierKind:
    try:
        return TierKind(kind)
    except ValueError:
        raise ValidationError("tier.kind_invalid", field="kind") from None


def _check_rank(rank: object) -> int:
    if isinstance(rank, bool) or not isinstance(rank, int):
        raise ValidationError("tier.rank_invalid", field="rank")
    return rank


def _check_validity(days: int | None) -> int | None:
    if days is None:
        return None
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= MAX_VALIDITY_DAYS:
        raise ValidationError("tier.validity_invalid", field="validity_days", min=1,
                              max=MAX_VALIDITY_DAYS)
    return days


def _check_brackets(brackets: Iterable[BonusBracket]) -> tuple[BonusBracket, ...]:
    field = "bonus_brackets"
    out = sorted(brackets, key=lambda b: b.min_topup)
    for b in out:
        check_amount(b.min_topup, allow_zero=False, field=field)
        check_amount(b.bonus, allow_zero=False, field=field)
        if b.bonus > b.min_topup:
            raise ValidationError("tier.bracket_bonus_too_large", field=field,
                                  min_topup=b.min_topup, bonus=b.bonus)
    for lo, hi in zip(out, out[1:], strict=False):
        if lo.min_topup == hi.min_topup:
            raise ValidationError("tier.bracket_duplicate", field=field, min_topup=hi.min_topup)
        if hi.bonus <= lo.bonus:
            raise ValidationError("tier.bracket_not_increasing", field=field,
                                  min_topup=hi.min_topup, bonus=hi.bonus)
    return tuple(out)


def validate_tier(tier: Tier) -> Tier:
    """Check one tier's own fields and return it normalised (name trimmed, brackets sorted by
    threshold, discount normalised). Raises ``FieldErrors`` naming every failing field."""
    c = Collector()
    kind = c.take("kind", _check_kind, tier.kind)
    name = c.take("name", clean_name, tier.name, field="name", max_len=NAME_MAX)
    rank = c.take("rank", _check_rank, tier.rank)
    price = c.take("price", check_amount, tier.price, field="price")
    validity = c.take("validity_days", _check_validity, tier.validity_days)
    discount = c.take("discount", _check_discount_value, tier.discount)
    brackets = c.take("bonus_brackets", _check_brackets, tier.bonus_brackets)
    privileges = c.take("privileges", clean_text, tier.privileges, field="privileges",
                        max_len=PRIVILEGES_MAX, multiline=True)
    c.done()
    return dataclasses.replace(tier, kind=kind, name=name, rank=rank, price=price,
                               validity_days=validity, discount=discount,
                               bonus_brackets=brackets, privileges=privileges)


def _check_discount_value(d: object) -> Decimal:
    if isinstance(d, bool) or not isinstance(d, Decimal | int | str):
        # A float would carry binary noise (0.88 is 0.88000000000000000444...).
        raise ValidationError("tier.discount_invalid", field="discount", text=repr(d)[:20])
    try:
        value = Decimal(d)
    except InvalidOperation:
        raise ValidationError("tier.discount_invalid", field="discount", text=str(d)[:20]) from None
    return _check_discount(value, "discount", str(d))


def validate_ladder(tiers: Sequence[Tier], rules: Sequence[UpgradeRule] = ()) -> list[Tier]:
    """Check a whole ladder and its upgrade rules; return the normalised tiers sorted by rank.

    Raises the first problem found: a tier's own fields first (``FieldErrors``), then clashes
    between tiers, then fallbacks, then rules (``field="rules"``, param ``index``)."""
    checked = [validate_tier(t) for t in tiers]
    seen_id: set[int] = set()
    seen_rank: set[int] = set()
    seen_name: set[str] = set()
    for t in checked:
        if t.id in seen_id:
            raise ValidationError("tier.duplicate_id", field="id", tier=t.name)
        if t.rank in seen_rank:
            raise ValidationError("tier.duplicate_rank", field="rank", tier=t.name)
        if t.name.casefold() in seen_name:
            raise ValidationError("tier.duplicate_name", field="name", tier=t.name)
        seen_id.add(t.id)
        seen_rank.add(t.rank)
        seen_name.add(t.name.casefold())
    by_id = {t.id: t for t in checked}
    for t in checked:
        if t.fallback_tier_id is None:
            continue
        fb = by_id.get(t.fallback_tier_id)
        if fb is None:
            raise ValidationError("tier.fallback_unknown", field="fallback_tier_id", tier=t.name)
        if fb.rank >= t.rank:
            raise ValidationError("tier.fallback_not_lower", field="fallback_tier_id",
                                  tier=t.name)
    _check_rules(rules, by_id)
    return sort_ladder(checked)


def _check_rules(rules: Sequence[UpgradeRule], by_id: dict[int, Tier]) -> None:
    field = "rules"
    seen: set[UpgradeRule] = set()
    for i, r in enumerate(rules):
        if r.min_cumulative_spend is None and r.min_single_topup is None:
            raise ValidationError("tier.rule_no_trigger", field=field, index=i)
        for which, amount in (("min_cumulative_spend", r.min_cumulative_spend),
                              ("min_single_topup", r.min_single_topup)):
            if amount is None:
                continue
            try:
                check_amount(amount, allow_zero=False, field=field)
            except ValidationError as e:
                raise ValidationError(e.code, field=field, index=i, which=which,
                                      **e.params) from None
        target = by_id.get(r.target_tier_id)
        source = by_id.get(r.from_tier_id) if r.from_tier_id is not None else None
        if target is None or (r.from_tier_id is not None and source is None):
            raise ValidationError("tier.rule_unknown_tier", field=field, index=i)
        if source is not None and target.rank <= source.rank:
            raise ValidationError("tier.rule_not_upward", field=field, index=i)
        if r in seen:
            raise ValidationError("tier.rule_duplicate", field=field, index=i)
        seen.add(r)


# ----------------------------------------------------------------------------- rules


def sort_ladder(tiers: Iterable[Tier]) -> list[Tier]:
    """Lowest rank first, the order the ladder is drawn in."""
    return sorted(tiers, key=lambda t: t.rank)


def _outranks(a: Tier, b: Tier | None) -> bool:
    return b is None or a.rank > b.rank


def bonus_for_topup(tier: Tier | None, amount: int) -> int:
    """The bonus a top-up of ``amount`` earns under ``tier``'s brackets; 0 without a tier or
    below the lowest bracket. Thresholds are inclusive."""
    check_amount(amount, allow_zero=False, field="amount")
    if tier is None:
        return 0
    reached = [b.bonus for b in tier.bonus_brackets if amount >= b.min_topup]
    return max(reached, default=0)


def price_with_discount(tier: Tier | None, price: int) -> int:
    """What a member of ``tier`` pays for an item listed at ``price`` (rounded half up)."""
    check_amount(price, field="price")
    if tier is None:
        return price
    return apply_rate(price, tier.discount)


def _fires(rule: UpgradeRule, current: Tier | None, spend: int, topup: int) -> bool:
    if rule.from_tier_id is not None and (current is None or current.id != rule.from_tier_id):
        return False
    by_spend = rule.min_cumulative_spend is not None and spend >= rule.min_cumulative_spend
    by_topup = rule.min_single_topup is not None and topup >= rule.min_single_topup
    return by_spend or by_topup


def evaluate_upgrade(current: Tier | None, tiers: Sequence[Tier], rules: Sequence[UpgradeRule],
                     cumulative_spend: int, this_topup: int = 0) -> Tier | None:
    """The tier the member moves up to after a sale or a top-up, or ``None`` if nothing changes.

    ``current`` is ``None`` for a customer without a tier. Of the rules that fire, only those
    whose target outranks the current tier count, and the highest-ranked target wins. Rules are
    applied again from the new tier (a rule scoped to silver can take a member who just became
    silver on to gold with the same spend) until none fires; this ends because rank only grows.
    Rules naming an unknown tier are ignored (:func:`validate_ladder` refuses them on save).
    """
    check_amount(cumulative_spend, field="cumulative_spend")
    check_amount(this_topup, field="this_topup")
    by_id = {t.id: t for t in tiers}
    tier = current
    while True:
        targets = [
            by_id[r.target_tier_id] for r in rules
            if r.target_tier_id in by_id and _fires(r, tier, cumulative_spend, this_topup)
        ]
        targets = [t for t in targets if _outranks(t, tier)]
        if not targets:
            break
        tier = max(targets, key=lambda t: t.rank)
    return None if tier is current else tier


def expiry(tier: Tier, start: date) -> date | None:
    """The last day ``tier`` is valid when it starts on ``start`` (that day counts as day one);
    ``None`` if the tier does not lapse. A 30-day tier from 1 March is valid through 30 March."""
    if tier.validity_days is None:
        return None
    return start + timedelta(days=tier.validity_days - 1)


def standing(current: Tier | None, tiers: Sequence[Tier], today: date,
             expires_on: date | None) -> Standing:
    """The tier held on ``today``: ``current`` until the end of ``expires_on``, then its fallback.

    The fallback tier starts the day after the lapse; if it has its own validity and that has run
    out by ``today`` too (the app was not opened for months), the member keeps falling. A fallback
    that is missing from ``tiers`` (deleted) counts as no tier."""
    by_id = {t.id: t for t in tiers}
    tier, ends = current, expires_on
    while tier is not None and ends is not None and today > ends:
        fallback = by_id.get(tier.fallback_tier_id) if tier.fallback_tier_id is not None else None
        if fallback is not None and not fallback.rank < tier.rank:
            fallback = None  # a malformed ladder must not loop forever
        tier = fallback
        ends = expiry(tier, ends + timedelta(days=1)) if tier is not None else None
    return Standing(tier, ends)


def lapse(current: Tier | None, tiers: Sequence[Tier], today: date,
          expires_on: date | None) -> Tier | None:
    """The tier held on ``today`` (see :func:`standing`): ``current`` while it is valid, else the
    fallback it lapses to; ``None`` means no tier."""
    return standing(current, tiers, today, expires_on).tier

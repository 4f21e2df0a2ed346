"""Member referral (会员推广, "fission" 裂变): reward rules, referral links, the referral tree and
the fission figures of seed 002.

Reward rules
------------
A :class:`RewardRule` says "when a referred customer's first qualifying payment (their first
top-up, or their first purchase) is at least ``min_amount``, the referrer gets ``bonus`` fen of
stored-value bonus (赠送金) or the gift ``gift``". Definitions:

* **Which rule applies** (:func:`select_rule`): among the rules of the payment's trigger, the one
  with the highest ``min_amount`` the payment reaches. Thresholds are inclusive: exactly at the
  threshold qualifies, one fen below does not. Rules never stack, exactly like the top-up bonus
  brackets of a tier: with 500 -> 30 and 1,000 -> 80 a first top-up of 2,000 earns 80.
  Two rules of one trigger may not share a threshold (the choice between them would be arbitrary).
* **Only the first payment counts.** The service passes the customer's first top-up (or first
  purchase); a later, larger one does not qualify, because the rule rewards bringing a customer
  who commits at once. A referred customer earns their referrer at most one reward per trigger.
* **Paid through the stored-value ledger**: a bonus reward is a ``BONUS`` entry on the
  referrer's card (:func:`reward_entry`): credit the shop gives away, never paid out in cash.
* **Reversal** (:func:`plan_reversal`): the reward stands while the qualifying payment, net of
  every refund of it, still reaches the threshold of the rule that granted it. Once the net falls
  below (a full refund always does: thresholds are > 0), the whole reward is reversed. There is
  no downgrade to a lower rule: the referrer was promised Y for a payment of X; a partial refund
  that keeps X keeps Y, and one that does not leaves nothing the referrer was promised, which is
  also what a cashier can explain in one sentence. A bonus is reversed by a negative bonus entry
  of at most the bonus the referrer still holds (a stored-value part never goes below zero); what
  the referrer has already spent is written off, not turned into a debt. A gift is flagged for
  return; whether it comes back is the shop's business.

Referral links
--------------
A customer's ``referrer_id`` names the member who brought them. :func:`check_referral_link`
refuses a member referring themself (``referral.self``) and a link that would close a loop
(``referral.loop``): the customer may not appear among the referrer's ancestors (the referrer's
referrer, that one's referrer, and so on up to a customer without a referrer).

Referral tree
-------------
:func:`build_forest` turns ``(id, referrer_id)`` pairs into nodes with ``depth`` (0 for a customer
nobody referred) and ``descendants`` (everyone below, at any depth). :func:`subtree` lists a
member's tree in display order (pre-order, children by id). Both walk iteratively, so a long chain
cannot exhaust the interpreter's recursion limit.

Fission figures (:func:`fission_figures`, one calendar year)
-----------------------------------------------------------
* **Referred share of new members**, per month: ``referred / new``, where ``new`` counts the
  customers registered in the month and ``referred`` those among them with a referrer.
* **Referrals per referring member**: ``referrals in the year / distinct referrers in the year``.
* **Members who referred 2+** this year: the referrers with at least ``repeat_min`` (2) customers
  registered in the year (seed 002's target: every happy customer brings two a year).
* **Share of customers who refer again and again**: ``repeat referrers / customers``, where
  ``customers`` is the size of the customer base at the end of the year (given by the caller).
* **Referrals per customer**: ``referrals in the year / customers``.

Every ratio is an exact :class:`~fractions.Fraction`, ``None`` when its denominator is zero (never
a division by zero); the UI formats it as a percentage or a figure.

Error codes (``ValidationError.code``), suggested English messages:

* ``referral.self`` - "A member cannot refer themself."
* ``referral.loop`` (param ``chain``: the ids along the loop) - "This referrer was brought in,
  directly or through others, by this customer: the referral would go round in a circle."
* ``referral.unknown_referrer`` (params ``customer``, ``referrer``) - "The referrer is not a
  known customer."
* ``referral.duplicate_customer`` (param ``customer``) - "A customer is listed twice."
* ``referral.unknown_member`` (param ``customer``) - "No such customer in the referral tree."
* ``referral.rule_threshold_invalid`` (param ``index``) - "Enter a qualifying amount above zero."
* ``referral.rule_reward_missing`` (param ``index``) - "Give the referrer a bonus amount or a
  gift."
* ``referral.rule_reward_both`` (param ``index``) - "A rule gives either a stored-value bonus or
  a gift, not both."
* ``referral.rule_duplicate`` (params ``index``, ``min_amount``) - "Two rules for the same
  payment have the same qualifying amount."
* ``referral.refund_exceeds_payment`` (params ``max``) - "The refunds are more than the
  qualifying payment."
* ``referral.year_invalid`` - "Choose a year from 1900 to 9999."
* ``referral.count_invalid`` - "Enter a whole number, zero or more."
* ``money.invalid`` / ``money.negative`` / ``money.zero`` / ``money.too_large`` - as in
  :mod:`opsdesk.domain.money`; ``text.too_long`` / ``text.control_char`` /
  ``text.bidi_control`` - a gift's description.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.money import check_amount
from opsdesk.domain.stored_value import Entry, EntryKind
from opsdesk.domain.text import clean_text

CustomerId = Hashable
GIFT_MAX = 100
REPEAT_MIN = 2


# ----------------------------------------------------------------------------- reward rules


class Trigger(StrEnum):
    FIRST_TOPUP = "first_topup"  # the referred customer's first stored-value top-up
    FIRST_PURCHASE = "first_purchase"  # the referred customer's first paid purchase


class RewardKind(StrEnum):
    BONUS = "bonus"  # stored-value bonus on the referrer's card
    GIFT = "gift"  # a physical gift or a service handed over


@dataclass(frozen=True)
class RewardRule:
    id: int
    min_amount: int  # fen, inclusive
    trigger: Trigger = Trigger.FIRST_TOPUP
    bonus: int = 0  # fen of stored-value bonus; 0 for a gift rule
    gift: str = ""  # what is handed over; "" for a bonus rule

    @property
    def kind(self) -> RewardKind:
        return RewardKind.GIFT if self.gift else RewardKind.BONUS


def validate_rules(rules: Sequence[RewardRule]) -> tuple[RewardRule, ...]:
    """Check a rule set and return it with gifts' text cleaned, sorted by trigger then threshold.

    Each rule: ``min_amount > 0``; exactly one of ``bonus > 0`` or a non-empty ``gift``; no two
    rules of one trigger with the same ``min_amount``."""
    out: list[RewardRule] = []
    seen: dict[tuple[Trigger, int], int] = {}
    for i, r in enumerate(rules):
        try:
            check_amount(r.min_amount, allow_zero=False, field="min_amount")
        except ValidationError:
            raise ValidationError("referral.rule_threshold_invalid", field="min_amount",
                                  index=i) from None
        check_amount(r.bonus, field="bonus")
        gift = clean_text(r.gift, field="gift", max_len=GIFT_MAX)
        if r.bonus and gift:
            raise ValidationError("referral.rule_reward_both", field="gift", index=i)
        if not r.bonus and not gift:
            raise ValidationError("referral.rule_reward_missing", field="bonus", index=i)
        key = (Trigger(r.trigger), r.min_amount)
        if key in seen:
            raise ValidationError("referral.rule_duplicate", field="min_amount", index=i,
                                  min_amount=r.min_amount)
        seen[key] = i
        out.append(RewardRule(r.id, r.min_amount, Trigger(r.trigger), r.bonus, gift))
    return tuple(sorted(out, key=lambda r: (r.trigger.value, r.min_amount)))


def select_rule(rules: Sequence[RewardRule], trigger: Trigger, amount: int) -> RewardRule | None:
    """The rule of ``trigger`` with the highest ``min_amount <= amount``; ``None`` below all."""
    check_amount(amount, field="amount")
    best: RewardRule | None = None
    for r in validate_rules(rules):
        if r.trigger == trigger and r.min_amount <= amount:
            if best is None or r.min_amount > best.min_amount:
                best = r
    return best


@dataclass(frozen=True)
class Reward:
    """What a referrer is granted for one referred customer's qualifying payment."""

    rule_id: int
    trigger: Trigger
    min_amount: int  # the granting rule's threshold, kept so a refund can be judged later
    qualifying_amount: int
    bonus: int  # fen; 0 for a gift
    gift: str

    @property
    def kind(self) -> RewardKind:
        return RewardKind.GIFT if self.gift else RewardKind.BONUS


def grant_reward(rules: Sequence[RewardRule], trigger: Trigger, amount: int) -> Reward | None:
    """The reward a first payment of ``amount`` earns (see :func:`select_rule`), or ``None``."""
    r = select_rule(rules, trigger, amount)
    if r is None:
        return None
    return Reward(r.id, r.trigger, r.min_amount, amount, r.bonus, r.gift)


def reward_entry(reward: Reward) -> Entry | None:
    """The stored-value ``BONUS`` entry for the referrer's card; ``None`` for a gift."""
    if not reward.bonus:
        return None
    return Entry(EntryKind.BONUS, 0, reward.bonus)


@dataclass(frozen=True)
class RewardReversal:
    reversed: bool  # False: the reward stands
    bonus_reversed: int  # fen taken off the referrer's bonus (>= 0)
    bonus_written_off: int  # fen already spent by the referrer, not recovered (>= 0)
    gift_to_return: bool

    def entry(self) -> Entry | None:
        """The stored-value entry that takes the bonus back; ``None`` when nothing is taken."""
        if not self.bonus_reversed:
            return None
        return Entry(EntryKind.REVERSAL, 0, -self.bonus_reversed)


def plan_reversal(reward: Reward, refunded_total: int, referrer_bonus_balance: int) -> RewardReversal:
    """Judge a reward after its qualifying payment was refunded (``refunded_total``: all refunds
    of that payment so far).

    ``net = qualifying_amount − refunded_total``. ``net >= min_amount``: the reward stands.
    Otherwise it is reversed: ``bonus_reversed = min(bonus, referrer_bonus_balance)``,
    ``bonus_written_off = bonus − bonus_reversed``; a gift is flagged for return."""
    check_amount(refunded_total, field="refunded_total")
    check_amount(referrer_bonus_balance, field="referrer_bonus_balance")
    if refunded_total > reward.qualifying_amount:
        raise ValidationError("referral.refund_exceeds_payment", field="refunded_total",
                              max=reward.qualifying_amount)
    if reward.qualifying_amount - refunded_total >= reward.min_amount:
        return RewardReversal(False, 0, 0, False)
    taken = min(reward.bonus, referrer_bonus_balance)
    return RewardReversal(True, taken, reward.bonus - taken, bool(reward.gift))


# ----------------------------------------------------------------------------- links


def ancestors(customer_id: CustomerId,
              referrer_of: Mapping[CustomerId, CustomerId | None]) -> tuple[CustomerId, ...]:
    """The chain above ``customer_id``: its referrer, that one's referrer, ... (nearest first).

    Raises ``referral.loop`` if the chain comes back to a customer already on it."""
    chain: list[CustomerId] = []
    seen = {customer_id}
    current = referrer_of.get(customer_id)
    while current is not None:
        if current in seen:
            raise ValidationError("referral.loop", field="referrer_id",
                                  chain=[customer_id, *chain, current])
        chain.append(current)
        seen.add(current)
        current = referrer_of.get(current)
    return tuple(chain)


def check_referral_link(customer_id: CustomerId, referrer_id: CustomerId | None,
                        referrer_ancestors: Sequence[CustomerId] = ()) -> None:
    """Refuse setting ``referrer_id`` as the referrer of ``customer_id``.

    ``referrer_ancestors`` is the referrer's own chain (:func:`ancestors` of the referrer). A new
    customer has no descendants, so only the self-referral can fail for them; changing an
    existing customer's referrer fails when that customer is among the referrer's ancestors."""
    if referrer_id is None:
        return
    if referrer_id == customer_id:
        raise ValidationError("referral.self", field="referrer_id")
    chain = list(referrer_ancestors)
    if customer_id in chain:
        at = chain.index(customer_id)
        raise ValidationError("referral.loop", field="referrer_id",
                              chain=[customer_id, referrer_id, *chain[:at + 1]])


# ----------------------------------------------------------------------------- tree


@dataclass(frozen=True)
class TreeNode:
    id: CustomerId
    referrer_id: CustomerId | None
    depth: int  # 0: nobody referred this customer
    children: tuple[CustomerId, ...]  # sorted
    descendants: int  # everyone below, at any depth


@dataclass(frozen=True)
class Forest:
    nodes: Mapping[CustomerId, TreeNode]
    roots: tuple[CustomerId, ...]  # customers without a referrer, sorted


def _sort_key(x: CustomerId) -> tuple[int, int, str]:
    # Ids are ints in the database; other hashables sort after them by their text so that an
    # order always exists.
    if isinstance(x, int) and not isinstance(x, bool):
        return (0, x, "")
    return (1, 0, str(x))


def build_forest(pairs: Iterable[tuple[CustomerId, CustomerId | None]]) -> Forest:
    """Nodes with depth and descendant counts from ``(id, referrer_id)`` pairs.

    Every referrer must itself be listed; a loop anywhere raises ``referral.loop``."""
    referrer_of: dict[CustomerId, CustomerId | None] = {}
    for cid, ref in pairs:
        if cid in referrer_of:
            raise ValidationError("referral.duplicate_customer", customer=cid)
        if ref == cid:
            raise ValidationError("referral.self", field="referrer_id", customer=cid)
        referrer_of[cid] = ref
    children: dict[CustomerId, list[CustomerId]] = defaultdict(list)
    for cid, ref in referrer_of.items():
        if ref is not None:
            if ref not in referrer_of:
                raise ValidationError("referral.unknown_referrer", customer=cid, referrer=ref)
            children[ref].append(cid)
    roots = sorted((c for c, r in referrer_of.items() if r is None), key=_sort_key)
    depth: dict[CustomerId, int] = {}
    order: list[CustomerId] = []
    stack = [(r, 0) for r in reversed(roots)]
    while stack:
        cid, d = stack.pop()
        depth[cid] = d
        order.append(cid)
        for ch in sorted(children[cid], key=_sort_key, reverse=True):
            stack.append((ch, d + 1))
    if len(depth) != len(referrer_of):
        # A customer not reachable from any root sits on a cycle (or hangs below one).
        stray = next(c for c in referrer_of if c not in depth)
        ancestors(stray, referrer_of)  # raises referral.loop with the cycle
    below: dict[CustomerId, int] = dict.fromkeys(referrer_of, 0)
    for cid in reversed(order):  # children come after their parent in pre-order
        ref = referrer_of[cid]
        if ref is not None:
            below[ref] += below[cid] + 1
    nodes = {
        cid: TreeNode(cid, referrer_of[cid], depth[cid],
                      tuple(sorted(children[cid], key=_sort_key)), below[cid])
        for cid in order
    }
    return Forest(nodes, tuple(roots))


@dataclass(frozen=True)
class TreeRow:
    id: CustomerId
    level: int  # 0 for the member whose tree it is
    descendants: int


def subtree(forest: Forest, root: CustomerId) -> tuple[TreeRow, ...]:
    """The member's referral tree in display order (pre-order; children by id), with ``level``
    counted from that member."""
    if root not in forest.nodes:
        raise ValidationError("referral.unknown_member", customer=root)
    out: list[TreeRow] = []
    stack = [(root, 0)]
    while stack:
        cid, level = stack.pop()
        node = forest.nodes[cid]
        out.append(TreeRow(cid, level, node.descendants))
        for ch in reversed(node.children):
            stack.append((ch, level + 1))
    return tuple(out)


# ----------------------------------------------------------------------------- fission figures


@dataclass(frozen=True)
class Registration:
    customer_id: CustomerId
    registered_on: date
    referrer_id: CustomerId | None = None  # the member who referred them, if any


@dataclass(frozen=True)
class MonthShare:
    month: int
    new: int
    referred: int
    share: Fraction | None  # referred / new


@dataclass(frozen=True)
class FissionFigures:
    year: int
    months: tuple[MonthShare, ...]  # January .. December
    new: int
    referred: int
    referred_share: Fraction | None  # for the whole year
    referring_members: int  # distinct referrers of this year's customers
    referrals_per_referrer: Fraction | None
    repeat_referrers: tuple[CustomerId, ...]  # referred >= repeat_min this year, most first
    customers: int  # the customer base the shares are taken of
    repeat_referrer_share: Fraction | None  # repeat referrers / customers
    referrals_per_customer: Fraction | None  # referred / customers


def ratio(numerator: int, denominator: int) -> Fraction | None:
    """``numerator / denominator`` exactly, ``None`` when the denominator is 0."""
    return Fraction(numerator, denominator) if denominator else None


def fission_figures(registrations: Iterable[Registration], year: int, customers: int,
                    *, repeat_min: int = REPEAT_MIN) -> FissionFigures:
    """The year's fission figures (formulas in the module docstring). Registrations outside
    ``year`` are ignored, so the caller may pass a wider list."""
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 9999:
        raise ValidationError("referral.year_invalid", field="year")
    for name, value in (("customers", customers), ("repeat_min", repeat_min)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError("referral.count_invalid", field=name)
    new = [0] * 12
    referred = [0] * 12
    per_referrer: Counter[CustomerId] = Counter()
    for reg in registrations:
        if reg.registered_on.year != year:
            continue
        m = reg.registered_on.month - 1
        new[m] += 1
        if reg.referrer_id is not None:
            referred[m] += 1
            per_referrer[reg.referrer_id] += 1
    months = tuple(MonthShare(i + 1, new[i], referred[i], ratio(referred[i], new[i]))
                   for i in range(12))
    total_new, total_ref = sum(new), sum(referred)
    repeat = sorted((r for r, n in per_referrer.items() if n >= max(repeat_min, 1)),
                    key=lambda r: (-per_referrer[r], _sort_key(r)))
    return FissionFigures(
        year=year,
        months=months,
        new=total_new,
        referred=total_ref,
        referred_share=ratio(total_ref, total_new),
        referring_members=len(per_referrer),
        referrals_per_referrer=ratio(total_ref, len(per_referrer)),
        repeat_referrers=tuple(repeat),
        customers=customers,
        repeat_referrer_share=ratio(len(repeat), customers),
        referrals_per_customer=ratio(total_ref, customers),
    )

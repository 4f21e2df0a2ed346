"""The saved ladder turned back into the inputs of ``save_ladder``: every edit on the page sends
the whole ladder with one tier or rule changed, so the service checks it as a whole."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from opsdesk.domain.tiers import Tier, UpgradeRule
from opsdesk.services.tiers import RuleInput, TierInput

NEW_TIER_REF = -1


def tier_input(t: Tier) -> TierInput:
    return TierInput(ref=t.id, kind=t.kind, name=t.name, rank=t.rank, price=t.price,
                     validity_days=t.validity_days, discount=t.discount,
                     bonus_brackets=t.bonus_brackets, privileges=t.privileges,
                     fallback_ref=t.fallback_tier_id)


def rule_input(r: UpgradeRule) -> RuleInput:
    return RuleInput(target_ref=r.target_tier_id, min_cumulative_spend=r.min_cumulative_spend,
                     min_single_topup=r.min_single_topup, from_ref=r.from_tier_id)


def tiers_with(tiers: Sequence[Tier], changed: TierInput) -> list[TierInput]:
    """The ladder's tiers with ``changed`` in place of the tier it edits (or added at the end)."""
    out = [changed if t.id == changed.ref else tier_input(t) for t in tiers]
    if all(t.id != changed.ref for t in tiers):
        out.append(changed)
    return out


def without_tier(tiers: Sequence[Tier], rules: Sequence[UpgradeRule],
                 tier_id: int) -> tuple[list[TierInput], list[RuleInput], int]:
    """The ladder without one tier: rules leading to or from it go with it, and tiers that fell
    back to it fall back to no tier. Returns how many rules were dropped, for the confirmation."""
    kept = []
    for t in tiers:
        if t.id == tier_id:
            continue
        ti = tier_input(t)
        if ti.fallback_ref == tier_id:
            ti = dataclasses.replace(ti, fallback_ref=None)
        kept.append(ti)
    kept_rules = [rule_input(r) for r in rules
                  if tier_id not in (r.target_tier_id, r.from_tier_id)]
    return kept, kept_rules, len(rules) - len(kept_rules)

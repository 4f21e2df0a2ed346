"""What the target wizard holds while the owner works through it (no Qt here, so the tests can
drive it without widgets): the chosen year and indicators, the targets, the weights, the
seasonality and the weekday weights, and everything worked out from them with the domain's
functions (:mod:`opsdesk.domain.targets`).

People are grouped by department (``0`` for someone without one). Weights:

* ability: a score per person (0..10, 5 by default; 0 leaves the person out);
* position: a weight per position name (1 by default), the same for everyone holding it;
* last year's share: each person's figure for the indicator over the latest 12 known months;
* custom: a percentage per person of their department's part, 100 per department.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from opsdesk.domain.errors import OpsError, ValidationError
from opsdesk.domain.targets import (
    FLAT,
    Baselines,
    FunnelHistory,
    Indicator,
    Plan,
    Requirement,
    Seasonality,
    WeightSource,
    as_fraction,
    baselines,
    choose_ratios,
    dated,
    plan_indicator_split,
    required,
    seasonality_from_percent,
    seasonality_latest,
    split_by_groups,
    week_rows,
)
from opsdesk.services.targets import PlanningData, staff_unit

DEFAULT_ABILITY = 5


def _pct(values: Mapping[Any, Fraction]) -> Fraction:
    return sum(values.values(), Fraction(0))


@dataclass
class Draft:
    data: PlanningData
    indicators: list[Indicator] = field(default_factory=lambda: [Indicator.REVENUE])
    targets: dict[Indicator, int] = field(default_factory=dict)
    weight_source: WeightSource = WeightSource.ABILITY
    dept_percent: dict[int, Fraction] = field(default_factory=dict)
    ability: dict[int, Fraction] = field(default_factory=dict)
    position_weight: dict[str, Fraction] = field(default_factory=dict)
    custom_percent: dict[int, Fraction] = field(default_factory=dict)
    seasonality: Seasonality = Seasonality.LAST_YEAR
    month_percent: list[Fraction] = field(default_factory=lambda: [Fraction(100, 12)] * 12)
    weekday_weights: list[Fraction] = field(default_factory=lambda: [Fraction(1)] * 7)
    note: str = ""

    def __post_init__(self) -> None:
        people = self.people()
        prev = self.data.previous_settings or {}
        if not self.dept_percent:
            saved = {int(k): as_fraction(v) for k, v in prev.get("dept_percent", {}).items()}
            keys = self.groups()
            if saved and set(saved) <= set(keys) and sum(saved.values()) == 100:
                self.dept_percent = {k: saved.get(k, Fraction(0)) for k in keys}
            else:
                # The sellers' department carries the targets; the others support it.
                sellers = [d.id for d in self.data.departments if d.kind == "target_assurance"
                           and d.id in keys]
                first = sellers[0] if sellers else keys[0] if keys else 0
                self.dept_percent = {k: Fraction(100 if k == first else 0) for k in keys}
        if not self.ability:
            saved = {int(k): as_fraction(v) for k, v in prev.get("ability", {}).items()}
            self.ability = {p.id: saved.get(p.id, Fraction(DEFAULT_ABILITY)) for p in people}
        if not self.position_weight:
            saved = prev.get("position_weight", {})
            self.position_weight = {p.position: as_fraction(saved.get(p.position, 1))
                                    for p in people}
        if not self.custom_percent:
            self.custom_percent = {}
            for g in self.groups():
                members = [p.id for p in people if (p.department_id or 0) == g]
                for pid, part in zip(members, _even(len(members)), strict=True):
                    self.custom_percent[pid] = part
        if "weekday_weights" in prev and len(prev["weekday_weights"]) == 7:
            self.weekday_weights = [as_fraction(v) for v in prev["weekday_weights"]]
        if not self.targets:
            for ind in Indicator:
                b = self.baseline(ind)
                saved = prev.get("targets", {}).get(ind.value)
                if isinstance(b, Baselines):
                    self.targets[ind] = b.forecast.value
                elif isinstance(saved, int):
                    self.targets[ind] = saved
                else:
                    self.targets[ind] = 0

    # ------------------------------------------------------------------------- people

    @property
    def year(self) -> int:
        return self.data.year

    def people(self) -> list:
        return [p for p in self.data.people if p.active]

    def groups(self) -> list[int]:
        known = [d.id for d in self.data.departments]
        used = {p.department_id or 0 for p in self.people()}
        return known + ([0] if 0 in used else [])

    def group_name(self, key: int) -> str:
        for d in self.data.departments:
            if d.id == key:
                return d.name
        return ""

    def members(self, group: int) -> list:
        return [p for p in self.people() if (p.department_id or 0) == group]

    # ------------------------------------------------------------------------- baselines

    def baseline(self, ind: Indicator) -> Baselines | OpsError:
        try:
            return baselines(self.data.store_history.get(ind.value, {}), self.year)
        except OpsError as e:
            return e

    # ------------------------------------------------------------------------- split

    def dept_sum(self) -> Fraction:
        return _pct(self.dept_percent)

    def custom_sum(self, group: int) -> Fraction:
        return sum((self.custom_percent.get(p.id, Fraction(0)) for p in self.members(group)),
                   Fraction(0))

    def last_year_figure(self, ind: Indicator, staff_id: int) -> int:
        history = self.data.person_history.get(ind.value, {}).get(staff_id, {})
        months = sorted(history)[-12:]
        return max(0, sum(history[m] for m in months))

    def weight(self, ind: Indicator, person: Any) -> Fraction:
        match self.weight_source:
            case WeightSource.ABILITY:
                return self.ability.get(person.id, Fraction(0))
            case WeightSource.POSITION:
                return self.position_weight.get(person.position, Fraction(1))
            case WeightSource.LAST_YEAR_SHARE:
                return Fraction(self.last_year_figure(ind, person.id))
            case _:
                return self.custom_percent.get(person.id, Fraction(0))

    def check_split(self) -> None:
        """The percentages that must add up to 100 do; raises ``targets.percent_sum``."""
        total = self.dept_sum()
        if total != 100:
            raise ValidationError("targets.percent_sum", field="department_weights",
                                  sum=_fmt(total))
        if self.weight_source is WeightSource.CUSTOM:
            for g in self.groups():
                if self.dept_percent.get(g, 0) and self.custom_sum(g) != 100:
                    raise ValidationError("targets.percent_sum", field="weights",
                                          sum=_fmt(self.custom_sum(g)))

    def shares(self, ind: Indicator) -> dict[str, int]:
        """Person unit -> year target for ``ind`` (raises the domain's errors)."""
        self.check_split()
        groups = {g: self.dept_percent.get(g, Fraction(0)) for g in self.groups()}
        members = {g: {staff_unit(p.id): self.weight(ind, p) for p in self.members(g)}
                   for g in groups}
        return split_by_groups(self.targets.get(ind, 0), groups, members)

    # ------------------------------------------------------------------------- months and days

    def month_weights(self, ind: Indicator) -> tuple[Fraction, ...] | tuple[int, ...]:
        match self.seasonality:
            case Seasonality.FLAT:
                return FLAT
            case Seasonality.CUSTOM:
                return seasonality_from_percent(self.month_percent)
            case _:
                return seasonality_latest(self.data.store_history.get(ind.value, {}), self.year)

    def month_percentages(self, ind: Indicator) -> list[Fraction]:
        w = [Fraction(x) for x in self.month_weights(ind)]
        total = sum(w)
        return [x * 100 / total for x in w]

    def build(self) -> Plan:
        """The whole plan; the domain checks every step (and :func:`check_plan_sums` on save)."""
        if not self.indicators:
            raise ValidationError("targets.plan_empty", field="indicators")
        out = []
        for ind in self.indicators:
            out.append(plan_indicator_split(self.year, ind, self.shares(ind),
                                            self.month_weights(ind), self.weekday_weights))
        return Plan(self.year, tuple(out))

    def settings(self) -> dict[str, Any]:
        return {
            "indicators": [i.value for i in self.indicators],
            "targets": {i.value: self.targets.get(i, 0) for i in self.indicators},
            "weight_source": self.weight_source.value,
            "dept_percent": {str(k): str(v) for k, v in self.dept_percent.items()},
            "ability": {str(k): str(v) for k, v in self.ability.items()},
            "position_weight": {k: str(v) for k, v in self.position_weight.items()},
            "custom_percent": {str(k): str(v) for k, v in self.custom_percent.items()},
            "seasonality": self.seasonality.value,
            "month_percent": [str(v) for v in self.month_percent],
            "weekday_weights": [str(v) for v in self.weekday_weights],
            "baselines": {i.value: _baseline_dict(self.baseline(i)) for i in self.indicators},
        }

    # ------------------------------------------------------------------------- reverse

    def reverse_indicator(self) -> Indicator | None:
        for ind in (Indicator.REVENUE, Indicator.DEALS):
            if ind in self.indicators:
                return ind
        return None

    def _funnel(self, who: int | None, months: list[tuple[int, int]]) -> FunnelHistory | None:
        rows = self.data.funnel.get(who, {})
        got = [rows[m] for m in months if m in rows]
        if not got:
            return None
        return FunnelHistory(*(max(0, sum(r[k] for r in got)) for k in range(4)))

    def ratios_for(self, staff_id: int, month: int):  # noqa: ANN201
        """Seed 001: the same month last year; the person's own, else the store's (that month,
        else the store's latest 12 months)."""
        same = [(self.year - 1, month)]
        person = self._funnel(staff_id, same)
        store = self._funnel(None, same)
        try:
            if store is None:
                raise ValidationError("targets.no_ratio", ratio="average_ticket")
            return choose_ratios(person, store)
        except ValidationError:
            latest = sorted(self.data.funnel.get(None, {}))[-12:]
            year_store = self._funnel(None, latest) or FunnelHistory(0, 0, 0, 0)
            return choose_ratios(person, year_store)

    def requirements(self, plan: Plan, staff_id: int, month: int) -> list[tuple[str, Requirement]]:
        """(label, requirement) for the month, each of its weeks and each of its days."""
        ind = self.reverse_indicator()
        if ind is None:
            raise ValidationError("targets.reverse_unsupported", field="indicator",
                                  indicator="")
        unit = plan.indicator(ind).unit(staff_unit(staff_id))
        mp = unit.months[month - 1]
        ratios = self.ratios_for(staff_id, month)
        out = [(f"{self.year}-{month:02d}", required(mp.total, ratios, ind))]
        for w in week_rows(self.year, month, mp.days):
            out.append((f"W{w.iso_week} {w.first:%m-%d}..{w.last:%m-%d}",
                        required(w.amount, ratios, ind)))
        for d, v in dated(self.year, month, mp.days).items():
            out.append((d.isoformat(), required(v, ratios, ind)))
        return out


def _even(n: int) -> list[Fraction]:
    """``n`` percentages adding up to exactly 100 (two decimals, the first ones larger)."""
    if n == 0:
        return []
    from opsdesk.domain.money import split

    return [Fraction(v, 100) for v in split(10_000, [1] * n)]


def _fmt(value: Fraction) -> str:
    from decimal import Decimal

    d = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
    text = format(d, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _baseline_dict(b: Baselines | OpsError) -> dict[str, Any]:
    if not isinstance(b, Baselines):
        return {"error": b.code}
    return {"peak": b.peak.value, "starting": b.starting.value, "forecast": b.forecast.value,
            "growth": str(b.growth)}

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from opsdesk.domain.errors import ValidationError
from opsdesk.domain.followups import (
    CustomerFacts,
    FollowUpRule,
    MonthDay,
    OpenLock,
    RuleKind,
    Task,
    add_days,
    add_months,
    after_purchase_due,
    birthday_due,
    birthday_on,
    check_rules,
    default_rules,
    deposit_unpaid_due,
    due_tasks,
    lead_idle_due,
    make_rule,
    month_day,
    reactivation_due,
    task_key,
    trial_due,
)
from opsdesk.domain.members import Stage

D = date
RULES = default_rules()


def only(kind: RuleKind, offsets: tuple[int, ...] | None = None) -> list[FollowUpRule]:
    return [make_rule(kind, offsets) if offsets else
            next(r for r in RULES if r.kind is kind)]


def facts(**kw) -> CustomerFacts:  # noqa: ANN003
    base = dict(customer_id=42, staff_id=7, stage=Stage.CUSTOMER, created_on=D(2020, 1, 1))
    base.update(kw)
    return CustomerFacts(**base)


def keys(tasks: list[Task]) -> list[str]:
    return [t.key for t in tasks]


# ----------------------------------------------------------------------------- calendar


@pytest.mark.parametrize(("start", "months", "expected"), [
    (D(2025, 1, 31), 1, D(2025, 2, 28)),
    (D(2024, 1, 31), 1, D(2024, 2, 29)),
    (D(2024, 2, 29), 12, D(2025, 2, 28)),
    (D(2024, 2, 29), 48, D(2028, 2, 29)),
    (D(2024, 12, 15), 1, D(2025, 1, 15)),
    (D(2025, 3, 31), -1, D(2025, 2, 28)),
    (D(2025, 5, 31), 1, D(2025, 6, 30)),
])
def test_add_months_clamps_to_the_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_thirty_days_are_calendar_days_across_february() -> None:
    assert after_purchase_due(D(2025, 1, 31), 30) == D(2025, 3, 2)
    assert after_purchase_due(D(2024, 1, 31), 30) == D(2024, 3, 1)
    assert add_days(D(2024, 12, 31), 1) == D(2025, 1, 1)


@given(st.dates(D(1990, 1, 1), D(2090, 12, 31)), st.integers(0, 240))
def test_property_documented_sqlite_month_expression_matches_add_months(d: date, n: int) -> None:
    con = sqlite3.connect(":memory:")
    got, plus = con.execute(
        "SELECT min(date(:d, '+' || :n || ' months'),"
        " date(:d, 'start of month', '+' || (:n + 1) || ' months', '-1 day')),"
        " date(:d, '+' || :n || ' days')", {"d": d.isoformat(), "n": n}).fetchone()
    con.close()
    assert got == add_months(d, n).isoformat()
    assert plus == add_days(d, n).isoformat()


def test_feb_29_birthday_falls_on_feb_28_without_a_leap_day() -> None:
    leapling = month_day(2, 29)
    assert birthday_on(leapling, 2025) == D(2025, 2, 28)
    assert birthday_on(leapling, 2028) == D(2028, 2, 29)
    assert birthday_on(leapling, 2100) == D(2100, 2, 28)  # no leap day in 2100
    assert birthday_due(leapling, 2025, 7) == D(2025, 2, 21)


@pytest.mark.parametrize(("m", "d"), [(2, 30), (13, 1), (0, 5), (4, 31), (True, 1)])
def test_impossible_birthdays_are_refused(m: int, d: int) -> None:
    with pytest.raises(ValidationError) as e:
        month_day(m, d)
    assert e.value.code == "followups.birthday_invalid"


def test_due_date_functions() -> None:
    assert trial_due(D(2025, 6, 30), 1) == D(2025, 7, 1)
    assert reactivation_due(D(2024, 2, 29), 12) == D(2025, 2, 28)
    assert lead_idle_due(None, D(2025, 1, 1), 7) == D(2025, 1, 8)
    assert lead_idle_due(D(2025, 1, 10), D(2025, 1, 1), 7) == D(2025, 1, 17)
    assert deposit_unpaid_due(D(2025, 4, 15), 7, D(2025, 3, 1)) == D(2025, 4, 8)
    assert deposit_unpaid_due(D(2025, 4, 15), 7, D(2025, 4, 12)) == D(2025, 4, 12)


# ----------------------------------------------------------------------------- rules


def test_default_rules_follow_the_seed() -> None:
    by = check_rules(RULES)
    assert set(by) == set(RuleKind)
    assert by[RuleKind.AFTER_PURCHASE].offsets == (30, 60, 90)
    assert by[RuleKind.TRIAL_24H].offset == 1
    assert by[RuleKind.REACTIVATION].offset == 12
    assert all(r.enabled for r in RULES)


def test_offsets_are_kept_sorted() -> None:
    assert make_rule(RuleKind.AFTER_PURCHASE, [90, 30, 60]).offsets == (30, 60, 90)


@pytest.mark.parametrize(("kind", "offsets", "code"), [
    (RuleKind.AFTER_PURCHASE, [], "followups.offsets_required"),
    (RuleKind.AFTER_PURCHASE, [30, 30], "followups.offsets_duplicate"),
    (RuleKind.AFTER_PURCHASE, [0], "followups.offset_out_of_range"),
    (RuleKind.AFTER_PURCHASE, list(range(1, 14)), "followups.too_many_offsets"),
    (RuleKind.REACTIVATION, [12, 24], "followups.too_many_offsets"),
    (RuleKind.BIRTHDAY, [61], "followups.offset_out_of_range"),
    (RuleKind.LEAD_IDLE, [1.5], "followups.offset_out_of_range"),
    (RuleKind.TRIAL_24H, [True], "followups.offset_out_of_range"),
])
def test_bad_offsets_are_refused(kind: RuleKind, offsets: list, code: str) -> None:
    with pytest.raises(ValidationError) as e:
        make_rule(kind, offsets)
    assert e.value.code == code
    assert e.value.params["rule"] == str(kind)


def test_boundary_offsets_are_accepted() -> None:
    assert make_rule(RuleKind.BIRTHDAY, [0]).offset == 0
    assert make_rule(RuleKind.BIRTHDAY, [60]).offset == 60
    assert make_rule(RuleKind.DEPOSIT_UNPAID, [0]).offset == 0


def test_a_rule_defined_twice_is_refused() -> None:
    with pytest.raises(ValidationError) as e:
        due_tasks([*RULES, make_rule(RuleKind.BIRTHDAY, [3])], [], D(2025, 1, 1))
    assert e.value.code == "followups.duplicate_rule"


@pytest.mark.parametrize("lookback", [-1, 367, True])
def test_lookback_out_of_range_is_refused(lookback: int) -> None:
    with pytest.raises(ValidationError) as e:
        due_tasks(RULES, [], D(2025, 1, 1), lookback_days=lookback)
    assert e.value.code == "followups.lookback_invalid"


def test_a_disabled_rule_produces_nothing() -> None:
    f = facts(purchases=(D(2025, 1, 1),))
    assert keys(due_tasks(only(RuleKind.AFTER_PURCHASE), [f], D(2025, 1, 31))) == [
        "after_purchase:42:2025-01-01:30"]
    off = [make_rule(RuleKind.AFTER_PURCHASE, (30, 60, 90), enabled=False)]
    assert due_tasks(off, [f], D(2025, 1, 31)) == []


# ----------------------------------------------------------------------------- keys


def test_task_key_format() -> None:
    assert task_key(RuleKind.AFTER_PURCHASE, 42, D(2025, 1, 31), 30) == \
        "after_purchase:42:2025-01-31:30"
    assert task_key(RuleKind.BIRTHDAY, 42, 2026) == "birthday:42:2026"
    assert task_key(RuleKind.DEPOSIT_UNPAID, 42, 9, D(2025, 3, 1)) == \
        "deposit_unpaid:42:9:2025-03-01"


@pytest.mark.parametrize("part", [datetime(2025, 1, 1, 9), True, "2025-01-01", 1.0])
def test_task_key_refuses_ambiguous_parts(part: object) -> None:
    with pytest.raises(TypeError):
        task_key(RuleKind.TRIAL_24H, 42, part)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- trial


def test_trial_follow_up_is_due_the_next_day_and_stays_for_the_lookback() -> None:
    f = facts(trials=(D(2025, 6, 30),))
    rules = only(RuleKind.TRIAL_24H)
    assert due_tasks(rules, [f], D(2025, 6, 30)) == []
    assert due_tasks(rules, [f], D(2025, 7, 1)) == [
        Task("trial_24h:42:2025-06-30", RuleKind.TRIAL_24H, 42, 7, D(2025, 7, 1))]
    assert keys(due_tasks(rules, [f], D(2025, 7, 31))) == ["trial_24h:42:2025-06-30"]
    assert due_tasks(rules, [f], D(2025, 8, 1)) == []
    assert keys(due_tasks(rules, [f], D(2025, 8, 1), lookback_days=31, horizon_days=31)) == [
        "trial_24h:42:2025-06-30"]


def test_a_trial_on_the_first_visit_day_is_one_task() -> None:
    f = facts(trials=(D(2025, 6, 30), D(2025, 6, 30)), first_visit=D(2025, 6, 30))
    assert len(due_tasks(only(RuleKind.TRIAL_24H), [f], D(2025, 7, 2))) == 1
    g = facts(trials=(D(2025, 7, 1),), first_visit=D(2025, 6, 30))
    assert keys(due_tasks(only(RuleKind.TRIAL_24H), [g], D(2025, 7, 2))) == [
        "trial_24h:42:2025-06-30", "trial_24h:42:2025-07-01"]


# ----------------------------------------------------------------------------- after purchase


def test_purchase_on_jan_31_is_followed_up_on_mar_2_or_mar_1_in_a_leap_year() -> None:
    for year, due in ((2025, D(2025, 3, 2)), (2024, D(2024, 3, 1))):
        f = facts(purchases=(D(year, 1, 31),))
        out = due_tasks(only(RuleKind.AFTER_PURCHASE), [f], due)
        assert [(t.key, t.due) for t in out] == [(f"after_purchase:42:{year}-01-31:30", due)]
        assert due_tasks(only(RuleKind.AFTER_PURCHASE), [f], due - timedelta(1)) == []


def test_two_purchases_on_one_day_make_one_series() -> None:
    f = facts(purchases=(D(2025, 5, 1), D(2025, 5, 1)))
    assert keys(due_tasks(only(RuleKind.AFTER_PURCHASE), [f], D(2025, 5, 31))) == [
        "after_purchase:42:2025-05-01:30"]


def test_each_step_of_the_series_in_its_own_window() -> None:
    f = facts(purchases=(D(2025, 1, 1),))
    rules = only(RuleKind.AFTER_PURCHASE)
    assert keys(due_tasks(rules, [f], D(2025, 3, 2))) == [
        "after_purchase:42:2025-01-01:30", "after_purchase:42:2025-01-01:60"]
    # Apr 1: the 60-day step (due Mar 2) is on the last day of its 30-day window.
    assert keys(due_tasks(rules, [f], D(2025, 4, 1))) == [
        "after_purchase:42:2025-01-01:60", "after_purchase:42:2025-01-01:90"]
    assert keys(due_tasks(rules, [f], D(2025, 4, 2))) == ["after_purchase:42:2025-01-01:90"]


def test_a_new_purchase_supersedes_the_rest_of_the_earlier_series() -> None:
    f = facts(purchases=(D(2025, 1, 1), D(2025, 2, 15)))
    rules = only(RuleKind.AFTER_PURCHASE)
    assert keys(due_tasks(rules, [f], D(2025, 1, 31))) == ["after_purchase:42:2025-01-01:30"]
    # Day 60 of the first purchase (Mar 2) comes after the second purchase: superseded.
    assert due_tasks(rules, [f], D(2025, 3, 2), lookback_days=0) == []
    assert keys(due_tasks(rules, [f], D(2025, 3, 17))) == ["after_purchase:42:2025-02-15:30"]


def test_a_purchase_on_the_due_day_itself_supersedes_that_step() -> None:
    f = facts(purchases=(D(2025, 1, 1), D(2025, 1, 31)))
    assert due_tasks(only(RuleKind.AFTER_PURCHASE), [f], D(2025, 1, 31)) == []


def test_purchases_after_today_are_ignored() -> None:
    f = facts(purchases=(D(2025, 1, 1), D(2025, 2, 15)))
    assert keys(due_tasks(only(RuleKind.AFTER_PURCHASE), [f], D(2025, 1, 31))) == [
        "after_purchase:42:2025-01-01:30"]


# ----------------------------------------------------------------------------- reactivation


def test_reactivation_exactly_twelve_months_after_the_last_purchase() -> None:
    f = facts(purchases=(D(2023, 5, 1), D(2024, 2, 29)))
    rules = only(RuleKind.REACTIVATION)
    assert due_tasks(rules, [f], D(2025, 2, 27)) == []
    out = due_tasks(rules, [f], D(2025, 2, 28))
    assert [(t.key, t.due) for t in out] == [("reactivation:42:2024-02-29", D(2025, 2, 28))]
    # Past the horizon the 12-month task is history; it comes round on the 24-month mark.
    assert keys(due_tasks(rules, [f], D(2025, 3, 30))) == ["reactivation:42:2024-02-29"]
    assert due_tasks(rules, [f], D(2025, 3, 31)) == []
    assert due_tasks(rules, [f], D(2026, 2, 27)) == []
    assert [(t.key, t.due) for t in due_tasks(rules, [f], D(2026, 3, 30))] == [
        ("reactivation:42:2024-02-29", D(2026, 2, 28))]
    assert due_tasks(rules, [f], D(2027, 1, 1)) == []


def test_no_reactivation_without_a_purchase_or_after_a_new_one() -> None:
    rules = only(RuleKind.REACTIVATION)
    assert due_tasks(rules, [facts()], D(2030, 1, 1)) == []
    f = facts(purchases=(D(2023, 1, 10), D(2024, 1, 9)))
    assert due_tasks(rules, [f], D(2024, 6, 1)) == []
    assert keys(due_tasks(rules, [f], D(2025, 1, 9))) == ["reactivation:42:2024-01-09"]


# ----------------------------------------------------------------------------- birthday


def test_birthday_window_from_seven_days_before_to_the_day_itself() -> None:
    f = facts(birthday=MonthDay(6, 15))
    rules = only(RuleKind.BIRTHDAY)
    assert due_tasks(rules, [f], D(2025, 6, 7)) == []
    for day in (D(2025, 6, 8), D(2025, 6, 15)):
        assert [(t.key, t.due) for t in due_tasks(rules, [f], day)] == [
            ("birthday:42:2025", D(2025, 6, 8))]
    assert due_tasks(rules, [f], D(2025, 6, 16)) == []


def test_birthday_across_the_turn_of_the_year_keys_on_the_birthday_year() -> None:
    f = facts(birthday=MonthDay(1, 2))
    out = due_tasks(only(RuleKind.BIRTHDAY), [f], D(2025, 12, 28))
    assert [(t.key, t.due) for t in out] == [("birthday:42:2026", D(2025, 12, 26))]
    g = facts(birthday=MonthDay(12, 31))
    assert keys(due_tasks(only(RuleKind.BIRTHDAY), [g], D(2025, 12, 31))) == ["birthday:42:2025"]
    assert due_tasks(only(RuleKind.BIRTHDAY), [g], D(2026, 1, 1)) == []


def test_feb_29_birthday_in_a_year_without_it() -> None:
    f = facts(birthday=MonthDay(2, 29))
    rules = only(RuleKind.BIRTHDAY)
    assert keys(due_tasks(rules, [f], D(2025, 2, 28))) == ["birthday:42:2025"]
    assert due_tasks(rules, [f], D(2025, 3, 1)) == []
    assert [t.due for t in due_tasks(rules, [f], D(2028, 2, 29))] == [D(2028, 2, 22)]


def test_birthday_on_the_day_only() -> None:
    f = facts(birthday=MonthDay(3, 1))
    rules = only(RuleKind.BIRTHDAY, (0,))
    assert due_tasks(rules, [f], D(2025, 2, 28)) == []
    assert keys(due_tasks(rules, [f], D(2025, 3, 1))) == ["birthday:42:2025"]


# ----------------------------------------------------------------------------- lead idle


def test_lead_idle_counts_from_registration_then_from_the_last_contact() -> None:
    rules = only(RuleKind.LEAD_IDLE)
    f = facts(stage=Stage.LEAD, created_on=D(2025, 1, 1))
    assert due_tasks(rules, [f], D(2025, 1, 7)) == []
    assert keys(due_tasks(rules, [f], D(2025, 1, 8))) == ["lead_idle:42:2025-01-01"]
    g = facts(stage=Stage.QUALIFIED, created_on=D(2025, 1, 1),
              contacts=(D(2025, 1, 5), D(2025, 1, 3), D(2025, 2, 1)))
    assert due_tasks(rules, [g], D(2025, 1, 11)) == []
    assert [(t.key, t.due) for t in due_tasks(rules, [g], D(2025, 1, 20))] == [
        ("lead_idle:42:2025-01-05", D(2025, 1, 12))]


def test_buyers_are_not_leads() -> None:
    for stage in (Stage.CUSTOMER, Stage.REPEAT):
        f = facts(stage=stage, created_on=D(2025, 1, 1))
        assert due_tasks(only(RuleKind.LEAD_IDLE), [f], D(2026, 1, 1)) == []


# ----------------------------------------------------------------------------- deposit unpaid


def test_deposit_unpaid_x_days_before_the_lock_deadline_or_at_once_for_a_late_lock() -> None:
    rules = only(RuleKind.DEPOSIT_UNPAID)
    f = facts(open_locks=(OpenLock(9, D(2025, 3, 5), D(2025, 4, 15)),
                          OpenLock(10, D(2025, 4, 12), D(2025, 4, 15)),
                          OpenLock(11, D(2025, 4, 20), D(2025, 5, 30))))
    assert due_tasks(rules, [f], D(2025, 4, 7)) == []
    assert [(t.key, t.due) for t in due_tasks(rules, [f], D(2025, 4, 12))] == [
        ("deposit_unpaid:42:9:2025-03-05", D(2025, 4, 8)),
        ("deposit_unpaid:42:10:2025-04-12", D(2025, 4, 12)),
    ]


# ----------------------------------------------------------------------------- whole run


def test_tasks_are_ordered_and_carry_the_staff() -> None:
    a = facts(customer_id=1, staff_id=None, purchases=(D(2025, 1, 1),), birthday=MonthDay(2, 3))
    b = facts(customer_id=2, stage=Stage.LEAD, created_on=D(2025, 1, 20))
    out = due_tasks(RULES, [b, a], D(2025, 1, 31))
    assert [(t.due, t.rule, t.customer_id, t.staff_id) for t in out] == [
        (D(2025, 1, 27), RuleKind.BIRTHDAY, 1, None),
        (D(2025, 1, 27), RuleKind.LEAD_IDLE, 2, 7),
        (D(2025, 1, 31), RuleKind.AFTER_PURCHASE, 1, None),
    ]


days = st.dates(D(2023, 1, 1), D(2026, 12, 31))
customer_facts = st.builds(
    CustomerFacts,
    customer_id=st.integers(1, 5),
    staff_id=st.one_of(st.none(), st.integers(1, 3)),
    stage=st.sampled_from(list(Stage)),
    created_on=days,
    first_visit=st.one_of(st.none(), days),
    trials=st.lists(days, max_size=3).map(tuple),
    purchases=st.lists(days, max_size=6).map(tuple),
    contacts=st.lists(days, max_size=4).map(tuple),
    birthday=st.one_of(st.none(), st.builds(MonthDay, st.integers(1, 12), st.integers(1, 28)),
                       st.just(MonthDay(2, 29))),
    open_locks=st.lists(st.builds(OpenLock, st.integers(1, 3), days, days), max_size=2).map(tuple),
)
rule_sets = st.tuples(
    st.lists(st.integers(1, 120), min_size=1, max_size=4, unique=True),
    st.integers(0, 60), st.integers(1, 24), st.integers(1, 30),
).map(lambda p: (make_rule(RuleKind.AFTER_PURCHASE, p[0]), make_rule(RuleKind.BIRTHDAY, [p[1]]),
                 make_rule(RuleKind.REACTIVATION, [p[2]]), make_rule(RuleKind.LEAD_IDLE, [p[3]]),
                 make_rule(RuleKind.TRIAL_24H, [1]), make_rule(RuleKind.DEPOSIT_UNPAID, [7])))


@given(rules=rule_sets, fs=st.lists(customer_facts, max_size=4), today=days,
       lookback=st.integers(0, 60))
def test_property_tasks_are_due_unique_and_deterministic(rules, fs, today, lookback) -> None:  # noqa: ANN001
    out = due_tasks(rules, fs, today, lookback_days=lookback)
    assert out == due_tasks(list(reversed(rules)), fs, today, lookback_days=lookback)
    assert len(set(keys(out))) == len(out)
    for t in out:
        assert t.due <= today
        assert t.key.startswith(f"{t.rule}:{t.customer_id}:")
        if t.rule in (RuleKind.TRIAL_24H, RuleKind.AFTER_PURCHASE):
            assert (today - t.due).days <= lookback


@given(rules=rule_sets, fs=st.lists(customer_facts, min_size=1, max_size=3,
                                    unique_by=lambda f: f.customer_id),  # one set of facts each
       start=days, span=st.integers(1, 120))
def test_property_a_key_always_means_the_same_task(rules, fs, start, span) -> None:  # noqa: ANN001
    # Generation is idempotent because a key, whichever day produced it, names one task: the
    # same rule, customer and due date. A second run finds the key and adds nothing.
    seen: dict[str, Task] = {}
    for i in range(0, span, 7):
        for t in due_tasks(rules, fs, start + timedelta(i)):
            assert seen.setdefault(t.key, t) == t


@given(rules=rule_sets, f=customer_facts, today=days, later=st.lists(st.integers(1, 400),
                                                                       max_size=4))
def test_property_facts_after_today_change_nothing(rules, f, today, later) -> None:  # noqa: ANN001
    future = tuple(today + timedelta(n) for n in later)
    g = CustomerFacts(f.customer_id, f.staff_id, f.stage, f.created_on, f.first_visit,
                      f.trials + future, f.purchases + future, f.contacts + future,
                      f.birthday, f.open_locks)
    assert due_tasks(rules, [g], today) == due_tasks(rules, [f], today)


# ----------------------------------------------------------------------------- horizon


def test_horizon_drops_what_fell_due_more_than_h_days_ago() -> None:
    # Jan 31 + 30 days = Mar 2 (Mar 1 in 2024); H = 30: still on Apr 1, gone on Apr 2 (2025).
    f = facts(purchases=(D(2025, 1, 31),))
    rules = only(RuleKind.AFTER_PURCHASE, (30,))
    for h, last in ((30, D(2025, 4, 1)), (0, D(2025, 3, 2)), (5, D(2025, 3, 7))):
        assert keys(due_tasks(rules, [f], last, lookback_days=366, horizon_days=h)) == [
            "after_purchase:42:2025-01-31:30"]
        assert due_tasks(rules, [f], last + timedelta(days=1), lookback_days=366,
                         horizon_days=h) == []


def test_horizon_on_birthdays_cuts_the_start_of_the_window() -> None:
    f = facts(birthday=MonthDay(3, 1))
    rules = only(RuleKind.BIRTHDAY)  # due 7 days before: Feb 23 2024 (a leap year)
    assert keys(due_tasks(rules, [f], D(2024, 2, 23), horizon_days=0)) == ["birthday:42:2024"]
    assert due_tasks(rules, [f], D(2024, 2, 24), horizon_days=0) == []
    assert keys(due_tasks(rules, [f], D(2024, 2, 26), horizon_days=3)) == ["birthday:42:2024"]
    assert due_tasks(rules, [f], D(2024, 2, 27), horizon_days=3) == []
    assert keys(due_tasks(rules, [f], D(2024, 3, 1), horizon_days=7)) == ["birthday:42:2024"]


def test_deposit_reminders_are_not_cut_by_the_horizon() -> None:
    lock = OpenLock(launch_id=3, locked_on=D(2023, 1, 5), deadline=D(2023, 2, 1))
    f = facts(open_locks=(lock,))
    out = due_tasks(only(RuleKind.DEPOSIT_UNPAID), [f], D(2025, 1, 1), horizon_days=0)
    assert [t.due for t in out] == [D(2023, 1, 25)]


def test_a_long_idle_lead_comes_round_on_the_yearly_return_day() -> None:
    # Registered Jan 31 2023, never contacted: first due Feb 7 2023 (n = 7).
    f = facts(stage=Stage.LEAD, created_on=D(2023, 1, 31))
    rules = only(RuleKind.LEAD_IDLE)
    key = "lead_idle:42:2023-01-31"
    assert [(t.key, t.due) for t in due_tasks(rules, [f], D(2023, 3, 9))] == [
        (key, D(2023, 2, 7))]
    assert due_tasks(rules, [f], D(2023, 3, 10)) == []  # 31 days late: history
    assert due_tasks(rules, [f], D(2024, 2, 6)) == []
    # 365 days later: Feb 7 2024; the next one 365 days on crosses the leap day: Feb 6 2025.
    assert [(t.key, t.due) for t in due_tasks(rules, [f], D(2024, 2, 7))] == [
        (key, D(2024, 2, 7))]
    assert [(t.key, t.due) for t in due_tasks(rules, [f], D(2024, 3, 8))] == [
        (key, D(2024, 2, 7))]
    assert due_tasks(rules, [f], D(2024, 3, 9)) == []
    assert [(t.key, t.due) for t in due_tasks(rules, [f], D(2025, 2, 6))] == [
        (key, D(2025, 2, 6))]
    # H = 0: only on the return day itself.
    assert due_tasks(rules, [f], D(2025, 2, 7), horizon_days=0) == []
    # A contact starts a new count: the old spell is over.
    g = replace(f, contacts=(D(2024, 12, 31),))
    assert [(t.key, t.due) for t in due_tasks(rules, [g], D(2025, 2, 6))] == [
        ("lead_idle:42:2024-12-31", D(2025, 1, 7))]


def test_reactivation_from_a_month_end_comes_round_with_the_clamped_month() -> None:
    f = facts(purchases=(D(2023, 8, 31),))
    rules = only(RuleKind.REACTIVATION, (6,))  # Feb 29 2024, then Aug 31 2024, Feb 28 2025
    assert [t.due for t in due_tasks(rules, [f], D(2024, 3, 30))] == [D(2024, 2, 29)]
    assert due_tasks(rules, [f], D(2024, 3, 31)) == []
    assert due_tasks(rules, [f], D(2025, 2, 27)) == []  # 12 months apart, not 6
    assert [t.due for t in due_tasks(rules, [f], D(2025, 2, 28))] == [D(2025, 2, 28)]


@pytest.mark.parametrize("bad", [-1, 181, True, 2.0, "30"])
def test_horizon_out_of_range_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as e:
        due_tasks(RULES, [], D(2025, 1, 1), horizon_days=bad)  # type: ignore[arg-type]
    assert e.value.code == "followups.horizon_invalid"

from __future__ import annotations

import pytest

from opsdesk.domain.errors import (
    Collector,
    Conflict,
    FieldErrors,
    NotFound,
    OpsError,
    PermissionDenied,
    ValidationError,
)
from opsdesk.domain.roles import Permission, Role, allowed, may_assign
from opsdesk.domain.store import COUNTRIES, check_country, check_currency


def test_error_carries_code_field_and_params() -> None:
    e = ValidationError("money.too_many_decimals", field="amount", digits=2)
    assert (e.code, e.field, dict(e.params)) == ("money.too_many_decimals", "amount", {"digits": 2})
    assert isinstance(e, OpsError)


def test_a_param_may_be_called_code() -> None:
    e = ValidationError("store.unknown_country", field="country", code="XX")
    assert e.code == "store.unknown_country"
    assert e.params["code"] == "XX"


def test_special_errors() -> None:
    p = PermissionDenied(Permission.PAY_VIEW, Role.SALES)
    assert p.code == "auth.permission_denied"
    assert p.params == {"permission": "pay.view", "role": "sales"}
    n = NotFound("staff", 7)
    assert n.code == "not_found" and n.params == {"what": "staff", "key": "7"}


def test_collector_reports_every_failed_field_at_once() -> None:
    def bad(code: str) -> None:
        raise ValidationError(code)

    c = Collector()
    assert c.take("a", lambda: 1) == 1
    assert c.take("b", bad, "x.one") is None
    assert c.take("c", bad, "x.two") is None
    with pytest.raises(FieldErrors) as e:
        c.done()
    assert set(e.value.errors) == {"b", "c"}
    assert e.value.errors["b"].field == "b"  # a check without a field gets the key
    assert e.value.params["fields"] == "b,c"


def test_collector_passes_other_errors_through() -> None:
    def clash() -> None:
        raise Conflict("x.taken")

    with pytest.raises(Conflict):
        Collector().take("a", clash)
    Collector().done()  # nothing collected: no error


def test_country_and_currency_checks() -> None:
    assert check_country("CN") == "CN"
    assert check_currency("IRR") == "IRR"
    for fn, value, code in ((check_country, "XX", "store.unknown_country"),
                            (check_currency, "XXX", "store.unknown_currency")):
        with pytest.raises(ValidationError) as e:
            fn(value)
        assert e.value.code == code
        assert e.value.params["code"] == value
    for country, cur in COUNTRIES.items():
        assert check_currency(cur) == cur, country


def test_role_matrix() -> None:
    assert all(allowed(Role.OWNER, p) for p in Permission)
    for role in (Role.MANAGER, Role.FRONT_DESK, Role.SALES):
        assert not allowed(role, Permission.PAY_MANAGE)
        assert not allowed(role, Permission.ROLES_MANAGE)
        assert not allowed(role, Permission.RESTORE)
    for role in (Role.FRONT_DESK, Role.SALES):
        assert not allowed(role, Permission.PAY_VIEW)  # front desk never sees pay
        assert not allowed(role, Permission.STAFF_MANAGE)
    assert allowed(Role.MANAGER, Permission.STAFF_MANAGE)


@pytest.mark.parametrize(("actor", "target", "ok"), [
    (Role.OWNER, Role.OWNER, True),
    (Role.OWNER, Role.MANAGER, True),
    (Role.MANAGER, Role.OWNER, False),
    (Role.MANAGER, Role.MANAGER, False),
    (Role.MANAGER, Role.SALES, True),
    (Role.MANAGER, Role.FRONT_DESK, True),
    (Role.FRONT_DESK, Role.SALES, False),
    (Role.SALES, Role.SALES, False),
])
def test_may_assign(actor: Role, target: Role, ok: bool) -> None:
    assert may_assign(actor, target) is ok

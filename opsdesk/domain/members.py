"""Customers and members: lifecycle stage, where they came from, and the product matrix roles.

Stage (seed 001): ``lead`` (线索) -> ``target`` (目标) -> ``qualified`` (精准) -> ``customer`` (成交,
first purchase) -> ``repeat`` (复购, a second purchase or more). Sales move a customer forward only
(:func:`stage_after_purchase`); the first three are set by the sales process.

Error codes: ``member.source_invalid``, ``member.stage_invalid``, ``member.gender_invalid``,
``product.role_invalid``, ``product.kind_invalid`` (each with ``field``).
"""

from __future__ import annotations

from enum import StrEnum

from opsdesk.domain.errors import ValidationError


class Stage(StrEnum):
    LEAD = "lead"
    TARGET = "target"
    QUALIFIED = "qualified"
    CUSTOMER = "customer"
    REPEAT = "repeat"


STAGE_ORDER = {s: i for i, s in enumerate(Stage)}


class Source(StrEnum):
    WALK_IN = "walk_in"
    MEMBER_REFERRAL = "member_referral"
    PROMOTER = "promoter"
    POND = "pond"
    LAUNCH = "launch"
    OTHER = "other"


class Gender(StrEnum):
    UNKNOWN = ""
    FEMALE = "f"
    MALE = "m"


class ProductRole(StrEnum):
    """The product matrix (seed 003): each layer of the funnel has a product to convert with."""

    TRAFFIC = "traffic"  # 流量: free or nearly free, draws people in
    HIT = "hit"  # 爆款: the popular, well-priced offer
    PROFIT = "profit"  # 利润: where the margin is
    BRAND = "brand"  # 品牌: the premium that sets the shop's image


class ProductKind(StrEnum):
    PRODUCT = "product"
    SERVICE = "service"
    MEMBERSHIP = "membership"  # selling it gives the buyer its tier (product.tier_id)


def _enum(cls, value: object, code: str, field: str):  # noqa: ANN001, ANN202
    try:
        return cls(value)
    except ValueError:
        raise ValidationError(code, field=field) from None


def check_stage(value: object, field: str = "stage") -> Stage:
    return _enum(Stage, value, "member.stage_invalid", field)


def check_source(value: object, field: str = "source") -> Source:
    return _enum(Source, value, "member.source_invalid", field)


def check_gender(value: object, field: str = "gender") -> Gender:
    return _enum(Gender, value or "", "member.gender_invalid", field)


def check_product_role(value: object, field: str = "role") -> ProductRole:
    return _enum(ProductRole, value, "product.role_invalid", field)


def check_product_kind(value: object, field: str = "kind") -> ProductKind:
    return _enum(ProductKind, value, "product.kind_invalid", field)


def stage_after_purchase(current: Stage, purchases_before: int) -> Stage:
    """A first purchase makes a ``customer``, any later one a ``repeat`` customer; a stage is
    never lowered by a purchase (a ``repeat`` customer buying stays ``repeat``)."""
    target = Stage.CUSTOMER if purchases_before == 0 else Stage.REPEAT
    return target if STAGE_ORDER[target] > STAGE_ORDER[current] else current

"""Declarative base, constraint naming and the column types every model shares.

Times are the shop's local wall-clock time, stored naive: a shop's day, week and month are what
its reports count in, and one store never spans time zones. ``opsdesk.db.clock.now`` is the one
source of "now" so tests can pin it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from opsdesk.db import clock

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Money(TypeDecorator[int]):
    """Integer minor units in a BIGINT. Refuses floats and Decimals so a rounding slip fails loudly."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value, dialect):  # noqa: ANN001
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"money must be an int of minor units, got {type(value).__name__}")
        return value


def pk() -> Mapped[int]:
    return mapped_column(Integer, primary_key=True)


def store_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("store.id"), index=True)


def created_at() -> Mapped[datetime]:
    return mapped_column(DateTime, default=clock.now)

"""The audit log: who did what, when, and whether it was refused. Hash-chained (see AuditEntry)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from opsdesk.db import clock
from opsdesk.db.engine import Database
from opsdesk.db.models import AuditEntry
from opsdesk.domain.errors import PermissionDenied
from opsdesk.domain.roles import Permission
from opsdesk.services.context import Actor

GENESIS = "0" * 64


def entry_hash(prev_hash: str, store_id: int | None, at: datetime, actor_id: int | None,
               action: str, outcome: str, target: str, detail: str) -> str:
    payload = json.dumps(
        [prev_hash, store_id, at.isoformat(), actor_id, action, outcome, target, detail],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def record(session: Session, *, store_id: int | None, actor_id: int | None, action: str,
           outcome: str = "ok", target: str = "", detail: Mapping[str, Any] | None = None) -> None:
    """Append one entry in the caller's transaction (which holds the write lock)."""
    prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    prev = prev or GENESIS
    at = clock.now()
    text = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, default=str)
    h = entry_hash(prev, store_id, at, actor_id, action, outcome, target, text)
    session.add(AuditEntry(store_id=store_id, at=at, actor_id=actor_id, action=action,
                           outcome=outcome, target=target, detail=text, prev_hash=prev, hash=h))
    session.flush()


def record_as(session: Session, actor: Actor, action: str, target: str = "",
              detail: Mapping[str, Any] | None = None) -> None:
    record(session, store_id=actor.store_id, actor_id=actor.staff_id, action=action,
           target=target, detail=detail)


def require(db: Database, actor: Actor, permission: Permission, action: str,
            target: str = "") -> None:
    """Raise PermissionDenied (after auditing the refusal in its own transaction) unless allowed."""
    if actor.can(permission):
        return
    refuse(db, actor, permission, action, target)


def refuse(db: Database, actor: Actor, permission: Permission | str, action: str,
           target: str = "") -> None:
    with db.write() as s:
        record(s, store_id=actor.store_id, actor_id=actor.staff_id, action=action,
               outcome="refused", target=target,
               detail={"permission": str(permission), "role": str(actor.role)})
    raise PermissionDenied(str(permission), str(actor.role))


def verify_chain(session: Session) -> list[str]:
    """Problems found walking the chain in id order (empty when intact)."""
    problems: list[str] = []
    prev = GENESIS
    rows = session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars()
    for e in rows:
        if e.prev_hash != prev:
            problems.append(f"audit entry {e.id}: chain broken (an entry before it was removed or changed)")
        expect = entry_hash(e.prev_hash, e.store_id, e.at, e.actor_id, e.action, e.outcome,
                            e.target, e.detail)
        if expect != e.hash:
            problems.append(f"audit entry {e.id}: content changed after it was written")
        prev = e.hash
    return problems

"""The member profile after a top-up, in Chinese: tier badge, balance with principal and bonus
apart, the notice of what changed, the timeline; saved as a screenshot for people to look at
(into $OPSDESK_SCREENSHOTS when set, else tmp_path)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from opsdesk.domain.operations import new_operation_id
from opsdesk.services import auth
from opsdesk.services import stored_value as sv
from opsdesk.ui import i18n
from opsdesk.ui.pages.members.profile import MemberProfileDialog


@pytest.fixture
def db_path(demo_db_path: Path) -> Path:
    return demo_db_path


def test_profile_after_a_top_up_in_chinese(qtbot, qapp, resources, db, db_path, context_for,
                                           tmp_path):
    ctx = context_for(auth.login(db, "owner", "1234"))
    con = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    cid, name, card = con.execute("SELECT id, name, card_no FROM customer WHERE tier_id = 2 "
                                  "ORDER BY id LIMIT 1").fetchone()
    con.close()
    result = sv.top_up(ctx.db, ctx.actor, cid, 100000, "wechat", new_operation_id())
    assert i18n.install(qapp, "zh_CN", resources) == "zh_CN"
    dlg = MemberProfileDialog(ctx, cid)
    qtbot.addWidget(dlg)
    dlg.show_notice(dlg._ledger_notice(result))
    dlg.resize(900, 620)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.waitUntil(lambda: dlg.table.horizontalHeader().length() > 0)

    b = result.balance
    assert dlg.name.text() == name
    assert card in dlg.details.text()
    assert dlg.cap_split.text() == "本金 / 赠送"
    assert dlg.split.text() == f"¥{b.principal / 100:,.2f} / ¥{b.bonus / 100:,.2f}"
    assert dlg.balance.text() == f"¥{b.total / 100:,.2f}"
    assert dlg.notice.isVisible() and f"¥{b.total / 100:,.2f}" in dlg.notice.text()
    assert dlg.buttons["top_up"].text() == "充值… (F4)"

    folder = Path(os.environ.get("OPSDESK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / "member_profile_zh_CN.png"
    assert dlg.grab().save(str(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (900, 620)

"""The follow-up rules editor: the backlog horizon is shown, saved and shown again."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSpinBox

from opsdesk.services import followups
from opsdesk.ui.context import AppContext
from opsdesk.ui.pages.sales_process.pipeline import RulesPanel


def test_horizon_spin_box_loads_and_saves(qtbot, ctx: AppContext) -> None:  # noqa: ANN001
    panel = RulesPanel(ctx, editable=True)
    qtbot.addWidget(panel)
    spin = panel.findChild(QSpinBox, "horizon_days")
    assert spin is not None and spin.value() == 30 and spin.maximum() == 180
    assert panel.horizon_cap.text() == "Skip follow-ups due more than this many days ago"
    spin.setValue(14)
    panel.save()
    assert panel.findChild(QLabel, "rules_saved").text()
    assert followups.load_rules(ctx.db, ctx.actor).horizon_days == 14
    again = RulesPanel(ctx, editable=False)
    qtbot.addWidget(again)
    assert again.horizon.value() == 14 and not again.horizon.isEnabled()

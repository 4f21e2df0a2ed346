"""Pipeline stages, scripts and offers; stage changes with history, overrides with a reason, and
purchases keeping the stage in step."""

from __future__ import annotations

from datetime import date

import pytest

from opsdesk.db.engine import Database
from opsdesk.domain.errors import FieldErrors, PermissionDenied, ValidationError
from opsdesk.domain.members import Stage
from opsdesk.services import members, pipeline, sales


def test_defaults_then_edited_script_and_offers(db: Database, shop) -> None:  # noqa: ANN001
    stages = pipeline.list_stages(db, shop.desk)
    assert [s.code for s in stages] == list(Stage) and all(s.name == "" for s in stages)
    pipeline.save_stage(db, shop.manager, "qualified", pipeline.StageInput(
        name="精准客户", goal="约到店体验", script="<p><b>您好</b>，本周有体验名额</p>"))
    o = pipeline.create_offer(db, shop.manager, pipeline.OfferInput(
        stage="qualified", name="首单礼", price_text="首次护理 ¥99", gifts="面膜 2 片",
        privileges="免费皮肤检测", valid_from=date(2024, 1, 1), valid_to=date(2024, 12, 31)))
    st = next(s for s in pipeline.list_stages(db, shop.desk) if s.code is Stage.QUALIFIED)
    assert st.name == "精准客户" and "<b>" in st.script and [x.id for x in st.offers] == [o.id]
    pipeline.update_offer(db, shop.manager, o.id, pipeline.OfferInput(
        stage="qualified", name="首单礼", active=False))
    assert pipeline.list_offers(db, shop.desk) == []
    pipeline.delete_offer(db, shop.owner, o.id)
    assert pipeline.list_offers(db, shop.desk, include_inactive=True) == []


def test_offer_dates_reversed_and_desk_refused(db: Database, shop) -> None:  # noqa: ANN001
    with pytest.raises(FieldErrors) as e:
        pipeline.create_offer(db, shop.owner, pipeline.OfferInput(
            stage="lead", name="x", valid_from=date(2024, 2, 1), valid_to=date(2024, 1, 1)))
    assert e.value.errors["valid_to"].code == "offer.dates_reversed"
    with pytest.raises(PermissionDenied):
        pipeline.save_stage(db, shop.desk, "lead", pipeline.StageInput(goal="x"))


def test_purchases_move_the_stage_and_an_override_needs_a_reason(db: Database, shop) -> None:  # noqa: ANN001
    c = members.register(db, shop.desk, members.MemberInput(phone="13800000009", name="吴")).id
    pipeline.set_stage(db, shop.desk, c, "target")
    sales.sell(db, shop.desk, sales.SaleInput(c, (sales.SaleLineInput(shop.facial),), "cash",
                                              "op-1"))
    hist = pipeline.stage_history(db, shop.desk, c)
    assert [(h.from_stage, h.to_stage, h.source) for h in hist] == [
        (Stage.TARGET, Stage.CUSTOMER, "purchase"), (Stage.LEAD, Stage.TARGET, "manual")]
    with pytest.raises(ValidationError) as e:
        pipeline.set_stage(db, shop.desk, c, "qualified")
    assert e.value.code == "pipeline.override_reason_required"
    assert e.value.params["expected"] == "customer"
    with pytest.raises(ValidationError) as e:
        pipeline.set_stage(db, shop.desk, c, "customer")
    assert e.value.code == "pipeline.stage_unchanged"
    row = pipeline.set_stage(db, shop.desk, c, "qualified", reason="整单退回前的试用，未真正成交")
    assert row.override and row.reason.startswith("整单")
    assert members.get_profile(db, shop.desk, c).stage is Stage.QUALIFIED

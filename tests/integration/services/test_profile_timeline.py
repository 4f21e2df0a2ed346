"""The member profile's one timeline holds the visits too, newest first, with who visited."""

from __future__ import annotations

from opsdesk.services import members, visits


def test_visits_appear_in_the_profile_timeline(db, store) -> None:  # noqa: ANN001
    ref = members.register(db, store, members.MemberInput(phone="13812345678", name="张三"))
    visits.log_visit(db, store, visits.VisitInput(customer_id=ref.id, type="call",
                                                  effective=True, outcome="约了周六到店"))
    visits.log_visit(db, store, visits.VisitInput(customer_id=ref.id, type="store_visit",
                                                  effective=True, outcome="体验了补水"))
    timeline = members.get_profile(db, store, ref.id).timeline
    shown = [(t.kind, t.reason, t.text) for t in timeline if t.kind == "visit"]
    owner = store.name
    assert shown == [("visit", "store_visit", f"{owner} · 体验了补水"),
                     ("visit", "call", f"{owner} · 约了周六到店")]

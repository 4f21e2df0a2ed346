"""Member cards: page sizes, the printed text, the QR code's content."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from opsdesk.domain.errors import ValidationError
from opsdesk.reports.cards import LABELS_ZH, CardData, render_member_cards

CARDS = [
    CardData("美丽花园美容会所", "欧阳娜娜", "合伙人会员", "partner", "M000127", date(2026, 5, 3),
             LABELS_ZH),
    CardData("美丽花园美容会所", "张三", "常态会员", "regular", "M000128", None, LABELS_ZH),
    CardData("美丽花园美容会所", "李四", "体验会员", "bait", "M000129", None, LABELS_ZH),
]


def test_single_layout_one_card_sized_page_per_member(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    render_member_cards(CARDS, out)
    pages = PdfReader(out).pages
    assert len(pages) == 3
    for page, card in zip(pages, CARDS, strict=True):
        assert float(page.mediabox.width) == pytest.approx(85.6 * mm, abs=0.01)
        assert float(page.mediabox.height) == pytest.approx(54 * mm, abs=0.01)
        text = page.extract_text()
        for expected in (card.shop_name, card.member_name, card.tier_name, card.card_no,
                         "会员卡"):
            assert expected in text, expected
    assert "有效期至 2026-05-03" in pages[0].extract_text()
    assert "有效期" not in pages[1].extract_text()


def test_a4_sheet_holds_ten_cards_a_page(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    cards = [replace(CARDS[i % 3], card_no=f"M{i:06d}") for i in range(12)]
    render_member_cards(cards, out, layout="a4_sheet")
    pages = PdfReader(out).pages
    assert len(pages) == 2
    assert float(pages[0].mediabox.width) == pytest.approx(A4[0], abs=0.01)
    first, second = pages[0].extract_text(), pages[1].extract_text()
    assert all(f"M{i:06d}" in first for i in range(10))
    assert "M000010" in second and "M000011" in second and "M000009" not in second


def test_a_long_name_is_shrunk_then_cut_never_spilling_into_the_qr(tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    long_name = "Alexandra Konstantinopoulou-Papadimitriou 的长名字测试"
    render_member_cards([replace(CARDS[0], member_name=long_name)], out)
    text = PdfReader(out).pages[0].extract_text()
    assert "Alexandra" in text and "…" in text
    assert long_name not in text


@pytest.mark.skipif(shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None,
                    reason="zbar-tools or poppler-utils not installed")
@pytest.mark.parametrize("layout", ["single", "a4_sheet"])
def test_qr_codes_decode_to_the_card_numbers(tmp_path: Path, layout: str) -> None:
    out = tmp_path / "cards.pdf"
    render_member_cards(CARDS, out, layout=layout)
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(out), str(tmp_path / "p")], check=True)
    found: set[str] = set()
    for png in sorted(tmp_path.glob("p*.png")):
        r = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True, text=True)
        found |= set(r.stdout.split())
    assert found == {c.card_no for c in CARDS}


def test_every_card_page_draws_a_qr_code(tmp_path: Path) -> None:
    out = tmp_path / "cards.pdf"
    render_member_cards(CARDS[:1], out)
    content = PdfReader(out).pages[0].get_contents().get_data().decode("latin-1")
    # A version-1 QR code alone has over a hundred dark modules, each a filled rectangle.
    assert content.count(" re") > 100


@pytest.mark.parametrize(("cards", "layout", "code"), [
    ([], "single", "card.none"),
    (CARDS, "a5", "card.layout_invalid"),
    ([replace(CARDS[0], tier_kind="gold")], "single", "card.tier_kind_invalid"),
    ([replace(CARDS[0], card_no=" ")], "single", "card.number_missing"),
])
def test_bad_requests_are_refused_and_nothing_is_written(tmp_path: Path, cards: list,
                                                         layout: str, code: str) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationError) as e:
        render_member_cards(cards, out, layout=layout)
    assert e.value.code == code
    assert not out.exists()

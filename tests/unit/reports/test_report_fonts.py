"""Which font PDFs get: an embedded TrueType subset when one is on the machine, else STSong-Light."""

from __future__ import annotations

from pathlib import Path

import pytest

from opsdesk.reports.fonts import CID_FALLBACK, Candidate, cjk_font

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NOTO_OTF = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_missing_files_fall_back_to_the_cid_font(tmp_path: Path) -> None:
    info = cjk_font([tmp_path / "nope.ttf"])
    assert info.regular == CID_FALLBACK
    assert info.embedded is False
    assert info.path is None


def test_a_file_that_is_not_a_font_is_skipped(tmp_path: Path) -> None:
    junk = tmp_path / "junk.ttf"
    junk.write_bytes(b"\x00\x01\x00\x00" + b"garbage" * 100)
    assert cjk_font([junk]).regular == CID_FALLBACK


@pytest.mark.skipif(not NOTO_OTF.is_file(), reason="fonts-noto-cjk not installed")
def test_postscript_outline_collections_are_refused_not_fatal() -> None:
    assert cjk_font([NOTO_OTF]).regular == CID_FALLBACK


@pytest.mark.skipif(not DEJAVU.is_file(), reason="fonts-dejavu not installed")
def test_a_truetype_font_without_chinese_glyphs_is_skipped() -> None:
    assert cjk_font([DEJAVU]).regular == CID_FALLBACK


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei not installed")
def test_first_usable_candidate_wins_and_is_embedded(tmp_path: Path) -> None:
    info = cjk_font([tmp_path / "missing.ttf", Candidate(WQY)])
    assert info.embedded is True
    assert info.path == str(WQY)
    assert info.regular != CID_FALLBACK
    assert info.has_real_bold is False
    # Cached: the same list gives the same registration.
    assert cjk_font([tmp_path / "missing.ttf", Candidate(WQY)]) is info


@pytest.mark.skipif(not WQY.is_file(), reason="fonts-wqy-microhei not installed")
def test_default_search_finds_an_embeddable_font_here() -> None:
    info = cjk_font()
    assert info.embedded is True

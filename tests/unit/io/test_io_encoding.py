"""Encoding detection on real files, short ambiguous ones included."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from opsdesk.domain.errors import EnvironmentProblem
from opsdesk.io.encoding import decode_bytes, detect_file_encoding


def write(tmp_path: Path, data: bytes, name: str = "f.csv") -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(("data", "expected"), [
    ("姓名,手机\n张三,13812345678\n".encode(), "utf-8"),
    (codecs.BOM_UTF8 + "姓名,手机\n张三,13812345678\n".encode(), "utf-8-sig"),
    ("姓名,手机\n张三,13812345678\n".encode("gbk"), "gb18030"),
    ("姓名\n𠮷野家\n".encode("gb18030"), "gb18030"),  # a 4-byte GB18030 character
    ("姓名\t手机\n张三\t13812345678\n".encode("utf-16"), "utf-16"),  # Excel "Unicode text"
    (b"name,phone\nZhang San,13812345678\n", "utf-8"),
])
def test_common_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    assert detect_file_encoding(write(tmp_path, data)).encoding == expected
    assert decode_bytes(data)[1] == expected


@pytest.mark.parametrize("name", ["张三", "郑梅", "谢英", "陆伟", "魏伟", "毛强", "钱萍", "莫平"])
def test_a_two_character_name_in_gbk_is_gbk(tmp_path: Path, name: str) -> None:
    # Several of these (郑梅 = D6A3 C3B7) are valid UTF-8 byte sequences as well.
    data = name.encode("gbk")
    assert detect_file_encoding(write(tmp_path, data)).encoding == "gb18030"
    text, enc = decode_bytes(data)
    assert (text, enc) == (name, "gb18030")
    p = write(tmp_path, b"name,phone\n" + data + b",13812345678\n", "g.csv")
    assert detect_file_encoding(p).encoding == "gb18030"


@pytest.mark.parametrize("name", ["José", "Müller", "Łukasz Żółć", "Иван Петров", "Σοφία",
                                  "علی رضایی", "שרה", "Nguyễn Văn An", "张三", "Ștefan"])
def test_short_utf8_names_in_other_scripts_stay_utf8(tmp_path: Path, name: str) -> None:
    data = f"name,phone\n{name},13812345678\n".encode()
    assert detect_file_encoding(write(tmp_path, data)).encoding == "utf-8"
    assert decode_bytes(name.encode()) == (name, "utf-8")


def test_gbk_after_a_megabyte_of_ascii_is_still_found(tmp_path: Path) -> None:
    ascii_rows = b"".join(b"Zhang San %06d,13812345678\n" % i for i in range(60_000))
    data = b"name,phone\n" + ascii_rows + "李四,13912345678\n".encode("gbk")
    assert len(data) > 1 << 20
    assert detect_file_encoding(write(tmp_path, data)).encoding == "gb18030"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
    b"name,phone\nZhang\x00San,1\n",
    bytes(range(256)) * 16,
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00",
])
def test_binary_junk_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        detect_file_encoding(write(tmp_path, data))
    assert e.value.code == "import.binary_file"
    with pytest.raises(EnvironmentProblem):
        decode_bytes(data)


def test_text_in_neither_encoding_is_refused_with_the_offset(tmp_path: Path) -> None:
    data = b"name,phone\nab\x80\xff\xfe,1\n"  # 0x80 and 0xFF lead no GB18030 character
    with pytest.raises(EnvironmentProblem) as e:
        detect_file_encoding(write(tmp_path, data))
    assert e.value.code == "import.unknown_encoding"
    assert e.value.params["offset"] == 13


def test_empty_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        detect_file_encoding(write(tmp_path, b""))
    assert e.value.code == "import.empty_file"


def test_bom_followed_by_gbk_is_refused(tmp_path: Path) -> None:
    with pytest.raises(EnvironmentProblem) as e:
        detect_file_encoding(write(tmp_path, codecs.BOM_UTF8 + "张三".encode("gbk")))
    assert e.value.code == "import.unknown_encoding"

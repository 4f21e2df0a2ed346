"""Update the translation sources from the code and build them for the app.

    python packaging/translations.py            # lupdate, then lrelease
    python packaging/translations.py --check    # exit 1 if a .ts is stale or has unfinished entries
    python packaging/translations.py --fill zh.json   # also fill translations from a JSON file

The JSON for ``--fill`` maps context to source text to translation:
``{"LaunchesPage": {"New launch": "新建发售"}}``. Entries whose source is not (or no longer) in
the code are reported and skipped.

``lupdate`` reads every .py under ``opsdesk/`` (``self.tr``, ``QCoreApplication.translate`` and
``QT_TRANSLATE_NOOP``) into ``resources/translations/opsdesk_<lang>.ts``: translations already made
are kept, new strings are added as unfinished, strings gone from the code are dropped. ``lrelease``
then builds the ``.qm`` the app loads at run time. Both tools ship with PySide6-Essentials.

Source locations are not stored in the .ts, so moving code around does not rewrite the file; the
context (class name) and the English text identify each message.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "opsdesk"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
SOURCE_LANGUAGE = "en"


def find_tool(name: str) -> Path | None:
    """``lupdate`` or ``lrelease``: next to the PySide6 package first (the Essentials wheel puts
    them there), then ``pyside6-<name>`` or ``<name>`` on PATH."""
    exe = ".exe" if os.name == "nt" else ""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for candidate in (folder / f"{name}{exe}", folder / "Qt" / "bin" / f"{name}{exe}"):
            if candidate.is_file():
                return candidate
    except ImportError:
        pass
    for command in (f"pyside6-{name}", name):
        found = shutil.which(command)
        if found:
            return Path(found)
    return None


def sources(package: Path = PACKAGE) -> list[Path]:
    return sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"opsdesk_{lang}.ts"


def qm_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"opsdesk_{lang}.qm"


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{Path(args[0]).name} failed ({done.returncode}):\n"
                         f"{done.stdout}{done.stderr}")
    return done.stdout + done.stderr


def update(ts: Path, files: list[Path] | None = None, lang: str = "zh_CN") -> str:
    """Run lupdate over ``files`` into ``ts`` (created if missing); returns lupdate's report."""
    tool = find_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate not found: install PySide6-Essentials")
    files = sources() if files is None else files
    ts.parent.mkdir(parents=True, exist_ok=True)
    # A list file keeps the command line short (Windows limits it to 32k characters).
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        return _run([str(tool), "-silent", "-locations", "none", "-no-obsolete",
                     "-source-language", SOURCE_LANGUAGE, "-target-language", lang,
                     f"@{listing}", "-ts", str(ts)])


def release(ts: Path, qm: Path) -> str:
    tool = find_tool("lrelease")
    if tool is None:
        raise SystemExit("lrelease not found: install PySide6-Essentials")
    return _run([str(tool), "-silent", str(ts), "-qm", str(qm)])


def messages(ts: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(context, source) -> (translation, type) where type is "" (finished), "unfinished",
    "obsolete" or "vanished"."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            text = (translation.text or "") if translation is not None else ""
            forms = translation.findall("numerusform") if translation is not None else []
            if forms:  # a plural (%n) message: one form per plural of the language
                texts = [(f.text or "").strip() for f in forms]
                text = "|".join(texts) if all(texts) else ""
            out[(name, message.findtext("source") or "")] = (text, kind)
    return out


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> list[str]:
    """Write ``translations`` into ``ts``; returns the entries that matched no message. Plural
    messages take their forms joined by "|"."""
    tree = ET.parse(ts)
    unmatched = {(c, src) for c, table in translations.items() for src in table}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        table = translations.get(name, {})
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if source not in table:
                continue
            unmatched.discard((name, source))
            translation = message.find("translation")
            if translation is None:
                translation = ET.SubElement(message, "translation")
            forms = translation.findall("numerusform")
            if forms:
                for form, text in zip(forms, table[source].split("|"), strict=False):
                    form.text = text
            else:
                translation.text = table[source]
            translation.attrib.pop("type", None)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return [f"{c}: {s!r} is not in the code" for c, s in sorted(unmatched)]


@contextlib.contextmanager
def locked(folder: Path = TRANSLATIONS) -> Iterator[None]:
    """One update at a time: two runs interleaving would drop each other's new entries."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "a+b") as handle:
        try:
            import fcntl
        except ImportError:  # Windows: one person, one run
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def problems(ts: Path) -> list[str]:
    """What is wrong with an up-to-date .ts: unfinished or empty entries."""
    found = []
    for (context, source), (text, kind) in sorted(messages(ts).items()):
        if kind or not text.strip():
            found.append(f"{context}: {source!r} is {kind or 'empty'}")
    return found


def check(lang: str) -> list[str]:
    """Run lupdate on a copy of the committed .ts; report new, unfinished and dropped messages."""
    committed = ts_path(lang)
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / committed.name
        if committed.exists():
            shutil.copyfile(committed, copy)
        update(copy, lang=lang)
        fresh = messages(copy)
        before = messages(committed) if committed.exists() else {}
        report = problems(copy)
    report += [f"{c}: {s!r} is no longer in the code" for c, s in sorted(set(before) - set(fresh))]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="only report stale or unfinished translations (exit 1 if any)")
    parser.add_argument("--fill", type=Path, metavar="JSON",
                        help="fill translations from {context: {source: translation}}")
    args = parser.parse_args(argv)
    status = 0
    for lang in LANGUAGES:
        if args.check:
            report = check(lang)
            for line in report:
                print(line)
            status |= bool(report)
            continue
        ts = ts_path(lang)
        with locked():
            update(ts, lang=lang)
            if args.fill:
                for line in fill(ts, json.loads(args.fill.read_text(encoding="utf-8"))):
                    print("  skipped " + line)
                update(ts, lang=lang)  # back to lupdate's own layout
            release(ts, qm_path(lang))
            todo = problems(ts)
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} messages, {len(todo)} to translate")
        for line in todo:
            print("  " + line)
    return status


if __name__ == "__main__":
    sys.exit(main())

"""The translation catalogue is complete and current:

(a) no visible text in ``opsdesk/ui`` is a bare string literal (it must go through ``tr``,
    ``translate`` or ``QT_TRANSLATE_NOOP``), and ``tr`` is only called on ``self``;
(b) ``lupdate`` over today's code finds nothing new, dropped or unfinished in the zh_CN .ts;
(c) the committed .qm is what ``lrelease`` builds from the committed .ts;
(d) every error code the lower layers raise has a message in ``opsdesk.ui.messages``.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "opsdesk"


def _load_tool():  # noqa: ANN202
    spec = importlib.util.spec_from_file_location("opsdesk_translations_tool",
                                                  ROOT / "packaging" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


translations = _load_tool()

# --- (a) visible literals -----------------------------------------------------------------------

# method name -> positions of the arguments that are shown to the person
TEXT_METHODS: dict[str, tuple[int, ...]] = {
    "setText": (0,), "setWindowTitle": (0,), "setTitle": (0,), "setSubTitle": (0,),
    "setPlaceholderText": (0,), "setToolTip": (0,), "setStatusTip": (0,), "setWhatsThis": (0,),
    "setLabelText": (0,), "setCancelButtonText": (0,), "setWindowIconText": (0,),
    "setInformativeText": (0,), "setDetailedText": (0,), "showMessage": (0,),
    "setSpecialValueText": (0,), "setPrefix": (0,), "setSuffix": (0,), "setAccessibleName": (0,),
    "setButtonText": (1,), "setItemText": (1,), "setTabText": (1,), "setTabToolTip": (1,),
    "addItem": (0,), "insertItem": (1,), "addItems": (0,), "insertItems": (1,),
    "setHeaderLabels": (0,), "setHorizontalHeaderLabels": (0,), "setVerticalHeaderLabels": (0,),
    "addTab": (1,), "insertTab": (2,), "addMenu": (0,), "addAction": (0,), "addButton": (0,),
    "addRow": (0,), "setDefaultSuffix": (),
}
# class -> positions of constructor arguments that are shown
TEXT_CONSTRUCTORS: dict[str, tuple[int, ...]] = {
    "QLabel": (0,), "QPushButton": (0,), "QCheckBox": (0,), "QRadioButton": (0,),
    "QGroupBox": (0,), "QToolButton": (0,), "QAction": (0,), "QMenu": (0,),
    "QCommandLinkButton": (0, 1), "QListWidgetItem": (0,), "QTreeWidgetItem": (0,),
    "QStandardItem": (0,), "QTableWidgetItem": (0,), "QWizardPage": (),
    "QMessageBox": (1, 2), "QProgressDialog": (0, 1),
}
# static helpers: QMessageBox.warning(parent, title, text), QFileDialog.getSaveFileName(...)
TEXT_STATICS: dict[tuple[str, str], tuple[int, ...]] = {
    **{("QMessageBox", m): (1, 2) for m in ("information", "warning", "critical", "question",
                                            "about")},
    **{("QFileDialog", m): (1, 3) for m in ("getSaveFileName", "getOpenFileName",
                                            "getOpenFileNames", "getExistingDirectory")},
    **{("QInputDialog", m): (1, 2) for m in ("getText", "getInt", "getDouble", "getItem",
                                             "getMultiLineText")},
    ("QToolTip", "showText"): (1,),
}
TEXT_KEYWORDS = {"text", "title", "labelText", "cancelButtonText", "caption", "filter", "label"}
WRAPPERS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "QT_TRANSLATE_NOOP3"}
LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


def _literal(node: ast.AST) -> str | None:
    """The literal text ``node`` would show, if it is (built from) a bare string literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        return "".join(parts) if parts else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        found = [t for t in (_literal(node.left), _literal(node.right)) if t]
        return " ".join(found) if found else None
    if isinstance(node, (ast.List, ast.Tuple)):
        found = [t for t in map(_literal, node.elts) if t]
        return " | ".join(found) if found else None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr in WRAPPERS:
            return None
        # "Hello {}".format(x), "Hello".replace(...), "\n".join(...) (the separator is not text)
        if node.func.attr != "join":
            return _literal(node.func.value)
    return None


def _name(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _shown_args(call: ast.Call) -> Iterator[ast.AST]:
    func = call.func
    positions: tuple[int, ...] = ()
    if isinstance(func, ast.Attribute):
        owner = _name(func.value)
        if (owner, func.attr) in TEXT_STATICS:
            positions = TEXT_STATICS[(owner, func.attr)]
        elif func.attr in TEXT_METHODS:
            positions = TEXT_METHODS[func.attr]
        elif func.attr in TEXT_CONSTRUCTORS:  # QtWidgets.QLabel("…")
            positions = TEXT_CONSTRUCTORS[func.attr]
    elif isinstance(func, ast.Name) and func.id in TEXT_CONSTRUCTORS:
        positions = TEXT_CONSTRUCTORS[func.id]
    for i in positions:
        if i < len(call.args):
            yield call.args[i]
    if positions or _name(func) in TEXT_CONSTRUCTORS:
        for kw in call.keywords:
            if kw.arg in TEXT_KEYWORDS:
                yield kw.value


def scan_source(source: str, path: str = "<string>") -> list[Finding]:
    """Visible texts that are bare literals, and ``tr`` called on something other than ``self``
    (lupdate would file its strings under the variable's name, not the class)."""
    found: list[Finding] = []
    for node in ast.walk(ast.parse(source, path)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "tr" \
                and not (isinstance(func.value, ast.Name) and func.value.id == "self"):
            found.append(Finding(path, node.lineno, f"{ast.unparse(func)}(): call self.tr() or "
                                 "QCoreApplication.translate() with an explicit context"))
            continue
        for arg in _shown_args(node):
            text = _literal(arg)
            if text is not None and LETTER.search(text):
                found.append(Finding(path, node.lineno, f"{text!r} is not translatable"))
    return found


def ui_sources() -> list[Path]:
    return sorted(p for p in (PACKAGE / "ui").rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize(("source", "expected"), [
    ('QLabel("Hello")', 1),
    ('w.setText("Save")', 1),
    ('w.setWindowTitle(f"OpsDesk {x}")', 1),
    ('QMessageBox.warning(self, "Oops", self.tr("Bad"))', 1),
    ('box.addItem("Other", None)', 1),
    ('box.setItemText(0, "Other")', 1),
    ('t.setHeaderLabels(["Name", self.tr("Role")])', 1),
    ('w.setText("Total: {}".format(n))', 1),
    ('w.tr("Staff")', 1),
    ('QPushButton(text="Go")', 1),
    ('QLabel(self.tr("Hello"))', 0),
    ('w.setText(QCoreApplication.translate("Ctx", "Save"))', 0),
    ('w.setText(self.tr("%1 items").replace("%1", str(n)))', 0),
    ('box.addItem("—", None)', 0),
    ('box.addItem(name, code)', 0),
    ('w.setText("")', 0),
    ('w.setText("\\n".join(lines))', 0),
    ('w.setStyleSheet("color: red;")', 0),
    ('w.setObjectName("login")', 0),
])
def test_scanner_tells_bare_literals_from_translated_ones(source, expected):
    assert len(scan_source(source)) == expected, scan_source(source)


def test_every_visible_string_in_the_ui_is_translatable():
    found = [f for p in ui_sources()
             for f in scan_source(p.read_text(encoding="utf-8"), str(p.relative_to(ROOT)))]
    assert not found, "visible text not going through tr():\n" + "\n".join(map(str, found))


# --- (b) and (c) the catalogue -------------------------------------------------------------------

needs_lupdate = pytest.mark.skipif(translations.find_tool("lupdate") is None,
                                   reason="lupdate (PySide6-Essentials) is not installed")
needs_lrelease = pytest.mark.skipif(translations.find_tool("lrelease") is None,
                                    reason="lrelease (PySide6-Essentials) is not installed")


@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_committed_ts_has_no_unfinished_entries(lang):
    ts = translations.ts_path(lang)
    assert ts.exists(), f"{ts} is missing: run python packaging/translations.py"
    assert translations.problems(ts) == []


@needs_lupdate
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_committed_ts_is_current_with_the_code(lang):
    report = translations.check(lang)
    assert not report, ("the .ts is out of date: run python packaging/translations.py, translate "
                        "the new entries and commit the .ts and .qm\n" + "\n".join(report))


@needs_lrelease
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_committed_qm_is_built_from_the_committed_ts(lang, tmp_path):
    qm = translations.qm_path(lang)
    assert qm.exists(), f"{qm} is missing: run python packaging/translations.py"
    # lrelease writes the same bytes for the same .ts (checked when the tool was set up), so a
    # byte comparison is exact.
    rebuilt = tmp_path / qm.name
    translations.release(translations.ts_path(lang), rebuilt)
    again = tmp_path / f"again-{qm.name}"
    translations.release(translations.ts_path(lang), again)
    assert rebuilt.read_bytes() == again.read_bytes(), "lrelease is not deterministic here"
    assert qm.read_bytes() == rebuilt.read_bytes(), (
        f"{qm.name} is stale: run python packaging/translations.py and commit the .qm")


def test_every_message_keeps_its_placeholders_and_accelerator():
    for lang in translations.LANGUAGES:
        for (context, source), (text, kind) in translations.messages(
                translations.ts_path(lang)).items():
            if kind or not text:
                continue  # unfinished entries fail their own test
            for mark in set(re.findall(r"%\d|\{\w+\}", source)):
                assert mark in text, f"{context}: {source!r} lost {mark} in {text!r}"
            if re.search(r"&[^&\s]", source) and context not in ("MainWindow", "StaffPage",
                                                                 "OwnerPage"):
                assert "&" in text, f"{context}: {source!r} lost its accelerator in {text!r}"


# --- (d) error codes ------------------------------------------------------------------------------

LOWER_LAYERS = ("domain", "db", "services", "reports", "io")
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


def _error_classes(trees: list[ast.Module]) -> dict[str, bool]:
    """Every OpsError subclass -> whether its first positional argument is the code (it is not
    for ``NotFound(what, key)`` or ``PermissionDenied(permission, role)``, whose own ``__init__``
    passes a fixed code up)."""
    classes = {node.name: node for tree in trees for node in ast.walk(tree)
               if isinstance(node, ast.ClassDef)}
    takes_code: dict[str, bool] = {"OpsError": True}
    changed = True
    while changed:
        changed = False
        for name, node in classes.items():
            bases = [_name(b) for b in node.bases if _name(b) in takes_code]
            if name in takes_code or not bases:
                continue
            init = next((f for f in node.body
                         if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
            if init is None:
                takes_code[name] = takes_code[bases[0]]
            else:
                params = init.args.posonlyargs + init.args.args
                takes_code[name] = len(params) > 1 and params[1].arg == "code"
            changed = True
    return takes_code


def raised_codes() -> dict[str, str]:
    """code -> first place it is raised, for every ``SomeError("code", ...)`` and every
    ``super().__init__("code", ...)`` inside an error class."""
    files = [p for layer in LOWER_LAYERS for p in sorted((PACKAGE / layer).rglob("*.py"))]
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    takes_code = _error_classes(list(trees.values()))
    errors = set(takes_code)
    codes: dict[str, str] = {}
    for path, tree in trees.items():
        for cls in ast.walk(tree):
            in_error = isinstance(cls, ast.ClassDef) and cls.name in errors
            if not (isinstance(cls, ast.ClassDef) or isinstance(cls, ast.Module)):
                continue
            for node in ast.walk(cls):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                first = node.args[0]
                if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                    continue
                func = node.func
                is_super_init = in_error and isinstance(func, ast.Attribute) \
                    and func.attr == "__init__" and isinstance(func.value, ast.Call) \
                    and _name(func.value.func) == "super"
                direct = takes_code.get(_name(func), False)
                if (direct or is_super_init) and CODE.match(first.value):
                    codes.setdefault(first.value,
                                     f"{path.relative_to(ROOT)}:{node.lineno}")
    return codes


def test_scanner_finds_error_codes():
    codes = raised_codes()
    # One of each way a code is raised: a direct call, a subclass, and a fixed code in __init__.
    assert "money.too_many_decimals" in codes
    assert "auth.bad_credentials" in codes
    assert "auth.permission_denied" in codes
    assert "validation.fields" in codes
    assert "not_found" in codes
    # NotFound("customer", id) names what was not found; that is no code.
    assert "customer" not in codes and "staff" not in codes


def test_every_raised_error_code_has_a_message():
    from opsdesk.ui.messages import MESSAGES

    missing = {c: where for c, where in raised_codes().items() if c not in MESSAGES}
    assert not missing, "codes without a message in opsdesk/ui/messages.py:\n" + "\n".join(
        f"{c}  ({where})" for c, where in sorted(missing.items()))

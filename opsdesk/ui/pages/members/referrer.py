"""A field that finds a member as you type and remembers which one was picked."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QWidget

from opsdesk.services import member_search
from opsdesk.ui.context import AppContext
from opsdesk.ui.widgets.search_box import SearchBox


def hit_text(hit: member_search.MemberHit) -> str:
    return f"{hit.name}  {hit.phone}  {hit.card_no or ''}".rstrip()


class MemberPicker(SearchBox):
    picked = Signal(object)  # the MemberHit chosen, or None when the text was cleared

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.hit: member_search.MemberHit | None = None
        self._hits: list[member_search.MemberHit] = []
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self._completer)
        self._completer.activated[str].connect(self._choose_text)
        self.search.connect(self._search)
        self.textEdited.connect(self._edited)

    def _edited(self, text: str) -> None:
        if self.hit is not None and text != hit_text(self.hit):
            self.hit = None
            self.picked.emit(None)

    def _search(self, text: str) -> None:
        if self.hit is not None and text == hit_text(self.hit):
            return
        self._hits = member_search.search(self.ctx.db, self.ctx.actor, text, limit=12) if text else []
        self._model.setStringList([hit_text(h) for h in self._hits])
        if self._hits:
            self._completer.complete()

    def _choose_text(self, text: str) -> None:
        for h in self._hits:
            if hit_text(h) == text:
                self.choose(h)
                return

    def choose(self, hit: member_search.MemberHit | None) -> None:
        self.hit = hit
        self.setText(hit_text(hit) if hit else "")
        self.picked.emit(hit)

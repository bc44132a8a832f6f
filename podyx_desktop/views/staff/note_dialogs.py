"""Studio notes at the desk: a booking's notes (internal ones marked) with Add note…,
Edit… (the earlier texts viewable with History…) and Delete (a retraction: hidden from
everyone, kept, audited), and the dialogs behind them.

Everything runs through the note operations (``operations/notes.py``) off the GUI thread;
the panel reloads when a published change touches notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Kind
from podyx_desktop.domain.records import NoteRevision, StudioNote
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.operations.notes import (
    add_note,
    edit_note,
    load_booking_notes,
    load_note_history,
    retract_note,
)
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.text_style import bold, wrapped_label
from podyx_desktop.views.common.widgets import ask_destructive

if TYPE_CHECKING:
    from podyx_desktop.domain.changes import Changes
    from podyx_desktop.operations.base import Op

NOTE_ROLE = Qt.ItemDataRole.UserRole + 1


class NoteDialog(QDialog):
    """Write a note (``note`` None) or edit one: its text, and who may read it."""

    saved = Signal(object)  # the StudioNote written

    def __init__(
        self,
        ctx: ViewContext,
        *,
        client_id: int,
        booking_id: int | None,
        about: str,
        note: StudioNote | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.client_id, self.booking_id, self.note = client_id, booking_id, note
        self.setWindowTitle(self.tr("Add note") if note is None else self.tr("Edit note"))
        self.setModal(True)
        self.intro = wrapped_label(self, "")
        self.intro.setText(about)
        self.body = QPlainTextEdit(self)
        self.body.setAccessibleName(self.tr("The note's text"))
        self.body.setPlaceholderText(self.tr("Plain text; links (https://…) become clickable."))
        self.for_client = QRadioButton(self.tr("For the &client (a post-session update)"), self)
        self.internal = QRadioButton(self.tr("&Internal — staff only, never shown to the client"))
        self.internal.setParent(self)
        group = QButtonGroup(self)
        group.addButton(self.for_client)
        group.addButton(self.internal)
        (self.internal if note is not None and note.internal else self.for_client).setChecked(True)
        if note is not None:
            self.body.setPlainText(note.body)
        self.error_label = wrapped_label(self, "ErrorText")
        self.buttons = QDialogButtonBox(self)
        self.save_button = QPushButton(
            self.tr("&Add note") if note is None else self.tr("&Save"), self
        )
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.for_client)
        layout.addWidget(self.internal)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.resize(520, 360)

    @Slot()
    def save(self) -> None:
        principal = self._ctx.user.principal
        text, internal = self.body.toPlainText(), self.internal.isChecked()
        op: Op[StudioNote]
        if self.note is None:
            op = add_note(
                self._ctx,
                principal,
                self.client_id,
                text,
                internal=internal,
                booking_id=self.booking_id,
            )
        else:
            op = edit_note(self._ctx, principal, self.note.id, text, internal=internal)
        self.save_button.setEnabled(False)
        self.error_label.setText(self.tr("Saving…"))
        op.success(self._saved).failure(self._failed).run(self)

    def _saved(self, note: StudioNote) -> None:
        self.error_label.clear()
        self.saved.emit(note)
        self.accept()

    def _failed(self, message: str) -> None:
        self.error_label.setText(message)
        self.save_button.setEnabled(True)


def history_text(display: DisplayFormat, note: StudioNote, revisions: list[NoteRevision]) -> str:
    """A note's texts, the current one first, as plain text for the history dialog."""

    def kind(internal: bool) -> str:
        return "Internal" if internal else "For the client"

    when = display.date_time(note.edited_at or note.created_at)
    parts = [f"Now ({kind(note.internal)}, since {when}):\n{note.body}"]
    for rev in revisions:
        parts.append(
            f"{display.date_time(rev.written_at)} – {display.date_time(rev.replaced_at)}, "
            f"replaced by {rev.replaced_by} ({kind(rev.internal)}):\n{rev.body}"
        )
    return "\n\n".join(parts)


class NotesPanel(QWidget):
    """A booking's notes for staff, newest first, with what may be done with them."""

    SHOWS = (Kind.NOTES,)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.booking_id: int | None = None
        self.client_id: int | None = None
        self.about = ""
        self.notes: list[StudioNote] = []
        self.dialog: QDialog | None = None
        self.confirmation: QMessageBox | None = None
        self.heading = QLabel(self.tr("Notes"), self)
        bold(self.heading)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Notes on this session"))
        self.list.setWordWrap(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setMinimumHeight(80)
        self.add_button = QPushButton(self.tr("Add n&ote…"), self)
        self.edit_button = QPushButton(self.tr("&Edit note…"), self)
        self.history_button = QPushButton(self.tr("Histor&y…"), self)
        self.delete_button = QPushButton(self.tr("De&lete note"), self)
        self.feedback = wrapped_label(self, "Feedback", self.tr("What the last note action did"))
        # two by two: the schedule's side is narrow
        row = QGridLayout()
        row.setColumnStretch(2, 1)
        row.addWidget(self.add_button, 0, 0)
        row.addWidget(self.edit_button, 0, 1)
        row.addWidget(self.history_button, 1, 0)
        row.addWidget(self.delete_button, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addLayout(row)
        layout.addWidget(self.feedback)
        self.add_button.clicked.connect(self.open_add)
        self.edit_button.clicked.connect(self.open_edit)
        self.history_button.clicked.connect(self.open_history)
        self.delete_button.clicked.connect(self.ask_delete)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        ctx.bus.changed.connect(self._on_changed)
        self.show_booking(None, None)

    # --- loading ------------------------------------------------------------------------

    def show_booking(self, booking_id: int | None, client_id: int | None, about: str = "") -> None:
        if booking_id != self.booking_id:
            self.feedback.clear()
        self.booking_id, self.client_id, self.about = booking_id, client_id, about
        self.reload()

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(*self.SHOWS):
            self.reload()

    def reload(self) -> None:
        booking_id, client_id = self.booking_id, self.client_id
        if booking_id is None or client_id is None:
            self._show([])
            return
        load_booking_notes(
            self._ctx, self._ctx.user.principal, client_id, booking_id, mark_read=False
        ).success(lambda result: self._loaded(booking_id, result[0])).failure(
            self.feedback.setText
        ).run(self)

    def _loaded(self, booking_id: int, notes: list[StudioNote]) -> None:
        if booking_id == self.booking_id:
            self._show(notes)

    def _show(self, notes: list[StudioNote]) -> None:
        selected = self.selected_note()
        self.notes = notes
        self.list.clear()
        d = self.display
        for note in notes:
            head = f"{note.author_name} · {d.date_time(note.created_at)}"
            if note.edited_at is not None:
                head += self.tr(" · edited")
            if note.internal:
                head = self.tr("[Internal] ") + head
            elif note.read_at is not None:
                head += self.tr(" · read by the client")
            item = QListWidgetItem(f"{head}\n{note.body}", self.list)
            item.setData(NOTE_ROLE, note.id)
            if selected is not None and note.id == selected.id:
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(notes))
        self._update_buttons()

    def selected_note(self) -> StudioNote | None:
        item = self.list.currentItem()
        if item is None:
            return None
        note_id = item.data(NOTE_ROLE)
        return next((n for n in self.notes if n.id == note_id), None)

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.booking_id is not None)
        chosen = self.selected_note() is not None
        for button in (self.edit_button, self.history_button, self.delete_button):
            button.setEnabled(chosen)

    # --- actions ------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.finished.connect(lambda _code: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()

    @Slot()
    def open_add(self) -> None:
        if self.booking_id is None or self.client_id is None:
            return
        dialog = NoteDialog(
            self._ctx,
            client_id=self.client_id,
            booking_id=self.booking_id,
            about=self.about,
            parent=self,
        )
        dialog.saved.connect(lambda note: self._done(note, self.tr("Note added.")))
        self._open(dialog)

    @Slot()
    def open_edit(self) -> None:
        note = self.selected_note()
        if note is None or self.client_id is None:
            return
        dialog = NoteDialog(
            self._ctx,
            client_id=self.client_id,
            booking_id=self.booking_id,
            about=self.about,
            note=note,
            parent=self,
        )
        dialog.saved.connect(
            lambda saved: self._done(saved, self.tr("Note changed; the earlier text is kept."))
        )
        self._open(dialog)

    def _done(self, _note: Any, feedback: str) -> None:
        self.feedback.setText(feedback)
        self.reload()

    @Slot()
    def open_history(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        load_note_history(self._ctx, self._ctx.user.principal, note.id).success(
            lambda revisions: self._show_history(note, revisions)
        ).failure(self.feedback.setText).run(self)

    def _show_history(self, note: StudioNote, revisions: list[NoteRevision]) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Note history"))
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        text.setObjectName("NoteHistory")
        text.setPlainText(history_text(self.display, note, revisions))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text, 1)
        layout.addWidget(buttons)
        dialog.resize(520, 380)
        self._open(dialog)

    @Slot()
    def ask_delete(self) -> None:
        note = self.selected_note()
        if note is None:
            return
        self.confirmation = ask_destructive(
            self,
            self.tr("Delete note"),
            self.tr("Delete this note?"),
            self.tr(
                "It disappears for everyone, the client included; the audit log keeps "
                "that it was deleted, by whom and when."
            ),
            self.tr("Delete note"),
            self.tr("Keep note"),
            lambda confirmed: self._delete_answered(note, confirmed),
        )

    def _delete_answered(self, note: StudioNote, confirmed: bool) -> None:
        self.confirmation = None
        if not confirmed:
            return
        retract_note(self._ctx, self._ctx.user.principal, note.id).success(
            lambda _none: self._done(None, self.tr("Note deleted."))
        ).failure(self.feedback.setText).run(self)

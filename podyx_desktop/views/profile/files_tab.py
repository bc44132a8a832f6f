"""The Files tab: what the studio shared with the client. At the top, "From the studio":
the notes written on the client (not on one booking) that the client may see (staff see
internal ones too, marked), hidden when there are none; they are unread until the client
opens this tab (the window badges the tab's title meanwhile, :attr:`FilesTab.unread_changed`).
Below, the stored files and links. Name
(badged "New" until the client opens it), size, type, date, booking, shared by.
Download… asks for a folder and saves the file there with a progress bar and Cancel
(a canceled download leaves nothing behind); the SHA-256 is verified and shown. A link
opens in the browser. Staff (a client's profile in the Clients place) also share a file
or a link and revoke a share; a revoked file leaves the client's open window at once
(the FILES change)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStandardPaths, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from podyx_desktop.domain.changes import Changes, Kind
from podyx_desktop.domain.records import Booking, SharedFile, StudioNote
from podyx_desktop.models.display import DisplayFormat
from podyx_desktop.models.files import FilesTableModel, size_text
from podyx_desktop.operations.bookings import load_client_bookings
from podyx_desktop.operations.files import (
    SavedFile,
    Transfer,
    load_client_files,
    mark_file_opened,
    revoke_file,
    save_file,
    share_file,
    share_link,
)
from podyx_desktop.operations.notes import load_general_notes
from podyx_desktop.views.common.context import ViewContext
from podyx_desktop.views.common.tables import current_record, record_table, select_where
from podyx_desktop.views.profile.profile_tab import ProfileSubject, ProfileTab, warming
from podyx_desktop.views.profile.share_file_dialog import ShareChoice, ShareFileDialog
from podyx_desktop.views.profile.studio_notes_panel import StudioNotesPanel


class _Relay(QObject):
    """Carries a download's progress from the worker to the GUI thread (queued)."""

    progressed = Signal(int, int)


class FilesTab(ProfileTab):
    SHOWS = (Kind.FILES,)  # and the notes on the client: a NOTES change reloads those
    # the client's unread notes from the studio on them, not on a booking (the tab's badge)
    unread_changed = Signal(int)

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        subject: ProfileSubject | None = None,
    ) -> None:
        super().__init__(ctx, parent, subject=subject, object_name="FilesTab")
        self.display = DisplayFormat.for_studio(ctx.user.studio)
        self.notes_panel = StudioNotesPanel(self.display, self)
        self.unread = 0  # notes on the client they have not read (the tab's badge)
        self.model = FilesTableModel(self.display, self)
        self.view = record_table(self.model, self.tr("Shared files"), self)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.doubleClicked.connect(lambda *_: self.open_selected())
        self.list_message = QLabel(self)
        self.list_message.setObjectName("Muted")
        self.list_message.setWordWrap(True)

        self.download_button = QPushButton(self.tr("&Download…"), self)
        self.download_button.clicked.connect(self.open_selected)
        self.share_button = QPushButton(self.tr("Share a &file…"), self)
        self.share_button.clicked.connect(lambda: self.start_share(link=False))
        self.link_button = QPushButton(self.tr("Share a &link…"), self)
        self.link_button.clicked.connect(lambda: self.start_share(link=True))
        self.revoke_button = QPushButton(self.tr("&Revoke"), self)
        self.revoke_button.clicked.connect(self.revoke_selected)
        staff = self.subject is not None and not self.subject.is_self
        for button in (self.share_button, self.link_button, self.revoke_button):
            button.setVisible(staff)
        self.share_button.setObjectName("PrimaryButton" if staff else "")
        actions = QHBoxLayout()
        actions.addWidget(self.download_button)
        actions.addStretch(1)
        actions.addWidget(self.revoke_button)
        actions.addWidget(self.link_button)
        actions.addWidget(self.share_button)

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel_download)
        self.progress_row = QWidget(self)
        row = QHBoxLayout(self.progress_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.progress_row.hide()
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.title = QLabel(
            self.words(
                self.tr("Files the studio shared with you"),
                self.tr("Files shared with {name}"),
            ),
            self,
        )
        self.title.setObjectName("SectionTitle")
        layout = QVBoxLayout(self)
        layout.addWidget(self.notes_panel)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.list_message)
        layout.addLayout(actions)
        layout.addWidget(self.progress_row)
        layout.addWidget(self.result_label)
        self._relay = _Relay(self)
        self._relay.progressed.connect(self._progressed)
        self._transfer: Transfer | None = None
        self._bookings: list[Booking] = []
        self._update_buttons()

    # --- loading ----------------------------------------------------------------------

    def reload(self) -> None:
        client_id = self.client_id
        if client_id is None:
            self.model.set_rows([])
            self.notes_panel.show_notes([])
            return
        self._loading += 1
        load_client_files(self._ctx, self._ctx.user.principal, client_id).on_worker(
            warming(self.display)
        ).success(self._loaded).failure(self._load_failed).run(self)
        self._load_notes(mark_read=False)

    # --- the notes on the client ("From the studio") ------------------------------------

    @Slot(object)
    def _on_changed(self, changes: Changes) -> None:
        if self.concerns(changes):
            self.reload_when_shown()
        elif changes.touches(Kind.NOTES):  # a note written, edited, retracted or read
            self._load_notes(mark_read=False)

    @property
    def _own(self) -> bool:
        subject = self.subject
        return subject is not None and subject.is_self

    def _load_notes(self, *, mark_read: bool) -> None:
        """The notes on the client and how many are unread; ``mark_read``: the client has
        the tab open, so they are read now (staff reading a client's tab mark nothing)."""
        client_id = self.client_id
        if client_id is None:
            return
        mark = mark_read and self._own
        op = load_general_notes(self._ctx, self._ctx.user.principal, client_id, mark_read=mark)
        op = op.success(lambda result: self._notes_loaded(*result, marked=mark))
        if mark:  # the notes are on show already: not marking them keeps the badge, no more
            op = op.failure(lambda _message: None)
        op.run(self)

    def _notes_loaded(self, notes: list[StudioNote], unread: int, *, marked: bool) -> None:
        self.notes_panel.show_notes(notes)
        self.unread = unread
        self.unread_changed.emit(unread)
        if unread and not marked and self._own and self.isVisible():
            self._load_notes(mark_read=True)  # the client is looking at them

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.unread and self._own:  # the client opened the tab: the notes are read
            self._load_notes(mark_read=True)

    def _loaded(self, files: list[SharedFile]) -> None:
        self._loading -= 1
        selected = self.selected_file()
        self.model.set_rows(files)
        self.list_message.setText(
            ""
            if files
            else self.words(
                self.tr("No files yet. Edits, reels and footage the studio shares appear here."),
                self.tr("Nothing shared with {name} yet."),
            )
        )
        if selected is not None:
            select_where(self.view, lambda r: isinstance(r, SharedFile) and r.id == selected.id)
        self._update_buttons()

    def _load_failed(self, message: str) -> None:
        self._loading -= 1
        self.list_message.setText(message)

    # --- the selection ----------------------------------------------------------------

    def selected_file(self) -> SharedFile | None:
        record = current_record(self.view)
        return record if isinstance(record, SharedFile) else None

    def select_file(self, file_id: int) -> bool:
        return select_where(self.view, lambda r: isinstance(r, SharedFile) and r.id == file_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_file()
        busy = self._transfer is not None
        link = chosen is not None and chosen.external_url is not None
        self.download_button.setText(self.tr("&Open link") if link else self.tr("&Download…"))
        self.download_button.setEnabled(chosen is not None and not busy)
        self.revoke_button.setEnabled(chosen is not None and not busy)

    # --- opening and downloading ------------------------------------------------------

    def ask_folder(self) -> str:
        """The folder to save into ("" if the user canceled)."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
        return QFileDialog.getExistingDirectory(self, self.tr("Save the file in…"), start)

    @Slot()
    def open_selected(self) -> None:
        chosen = self.selected_file()
        if chosen is None or self._transfer is not None:
            return
        principal = self._ctx.user.principal
        if chosen.external_url is not None:
            QDesktopServices.openUrl(QUrl(chosen.external_url))
            mark_file_opened(self._ctx, principal, chosen.id).run(self)
            return
        folder = self.ask_folder()
        if not folder:
            return
        relay = self._relay
        self._transfer = Transfer(progress=relay.progressed.emit)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%p% of {size}").format(size=size_text(chosen.size_bytes)))
        self.progress_row.show()
        self.cancel_button.setEnabled(True)
        self.result_label.setText(self.tr("Downloading “{name}”…").format(name=chosen.name))
        self._update_buttons()
        save_file(self._ctx, principal, chosen.id, folder, self._transfer).success(
            self._saved
        ).failure(self._save_failed).run(self)

    @Slot()
    def cancel_download(self) -> None:
        if self._transfer is not None:
            self._transfer.cancel.set()
            self.cancel_button.setEnabled(False)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(done * 1000 / total) if total else 1000)

    def _saved(self, saved: SavedFile) -> None:
        self._transfer = None
        self.progress_row.hide()
        self.result_label.setText(
            self.tr("Saved to {path}\nChecksum verified (SHA-256 {sha256}).").format(
                path=saved.path, sha256=saved.sha256
            )
        )
        self._update_buttons()

    def _save_failed(self, message: str) -> None:
        self._transfer = None
        self.progress_row.hide()
        self.result_label.setText(message)
        self._update_buttons()

    # --- staff: sharing and revoking --------------------------------------------------

    def start_share(self, *, link: bool) -> None:
        """Load the client's bookings (to offer them), then ask what to share."""
        client_id = self.client_id
        if client_id is None:
            return
        load_client_bookings(self._ctx, self._ctx.user.principal, client_id).success(
            lambda lists: self._ask_share(lists[0] + lists[1], link)
        ).run(self)

    def ask_share(self, bookings: list[Booking], link: bool) -> ShareChoice | None:
        subject = self.subject
        dialog = ShareFileDialog(
            subject.name if subject else "", bookings, self.display, self, link=link
        )
        accepted = dialog.exec() == ShareFileDialog.DialogCode.Accepted
        choice = dialog.choice()
        dialog.deleteLater()
        return choice if accepted else None

    def _ask_share(self, bookings: list[Booking], link: bool) -> None:
        client_id = self.client_id
        choice = self.ask_share(bookings, link)
        if choice is None or client_id is None:
            return
        principal = self._ctx.user.principal
        op = (
            share_link(self._ctx, principal, client_id, choice.name, choice.url, choice.booking_id)
            if link
            else share_file(self._ctx, principal, client_id, choice.path, choice.booking_id)
        )
        self.result_label.setText(self.tr("Sharing…"))
        op.success(self._shared).failure(self._share_failed).run(self)

    def _shared(self, shared: SharedFile) -> None:
        self.result_label.setText(
            self.tr("Shared “{name}” ({size}).").format(
                name=shared.name,
                size=self.tr("link") if shared.external_url else size_text(shared.size_bytes),
            )
        )

    def _share_failed(self, message: str) -> None:
        self.result_label.setText(message)

    def confirm_revoke(self, chosen: SharedFile) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Revoke the share"),
            self.tr(
                "Stop sharing “{name}”? It disappears from the client's Files tab and the "
                "studio's stored copy is deleted."
            ).format(name=chosen.name),
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def revoke_selected(self) -> None:
        chosen = self.selected_file()
        if chosen is None or not self.confirm_revoke(chosen):
            return
        revoke_file(self._ctx, self._ctx.user.principal, chosen.id).success(
            lambda _none: self.result_label.setText(
                self.tr("“{name}” is no longer shared.").format(name=chosen.name)
            )
        ).failure(self._share_failed).run(self)

"""What every tab over one client's records shares: whose records, and whether a load is
under way."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from podyx_desktop.views.common.context import ViewContext


class ProfileTab(QWidget):
    """A tab showing the signed-in client's records, or ``client_id``'s for staff."""

    def __init__(
        self,
        ctx: ViewContext,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        object_name: str,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._ctx = ctx
        self._client_id = client_id
        self._loading = 0

    @property
    def client_id(self) -> int | None:
        if self._client_id is not None:
            return self._client_id
        account = self._ctx.user.account
        return account.id if account is not None else None

    @property
    def is_loading(self) -> bool:
        return self._loading > 0

    def reload(self) -> None:
        """Load the records again, through the task runner."""
        raise NotImplementedError

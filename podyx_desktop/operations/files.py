"""Operations on shared files: a client's files, sharing a file from disk or a link,
revoking, marking one opened, and saving one to a folder with progress and Cancel.

A request stays plain data: a download names its :class:`Transfer` by number, and the
transfer (registered here by the view that shows its progress) carries the cancel flag
and the progress callback, which the worker calls after every chunk.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from podyx_desktop.operations.base import Op, Seat

if TYPE_CHECKING:
    from podyx_desktop.domain.principal import Principal
    from podyx_desktop.domain.records import SharedFile
    from podyx_desktop.services import Services


@dataclass
class Transfer:
    """One download's cancel flag and progress callback (called on the worker)."""

    progress: Callable[[int, int], None] = lambda _done, _total: None
    cancel: threading.Event = field(default_factory=threading.Event)
    id: int = field(default_factory=lambda: _next_number())


_NUMBERS = itertools.count(1)
TRANSFERS: dict[int, Transfer] = {}


def _next_number() -> int:
    return next(_NUMBERS)


def register(transfer: Transfer) -> Transfer:
    TRANSFERS[transfer.id] = transfer
    return transfer


class ClientFiles(NamedTuple):
    client_id: int

    def run(self, services: Services, principal: Principal) -> list[SharedFile]:
        return services.files.list_files(principal, self.client_id)


class ShareFile(NamedTuple):
    client_id: int
    path: str
    booking_id: int | None = None

    def run(self, services: Services, principal: Principal) -> SharedFile:
        return services.files.share_file(
            principal,
            client_id=self.client_id,
            name=Path(self.path).name,
            source=self.path,
            booking_id=self.booking_id,
        )


class ShareLink(NamedTuple):
    client_id: int
    name: str
    url: str
    booking_id: int | None = None

    def run(self, services: Services, principal: Principal) -> SharedFile:
        return services.files.share_file(
            principal,
            client_id=self.client_id,
            name=self.name,
            external_url=self.url,
            booking_id=self.booking_id,
        )


class RevokeFile(NamedTuple):
    file_id: int

    def run(self, services: Services, principal: Principal) -> None:
        services.files.revoke(principal, self.file_id)


class MarkFileOpened(NamedTuple):
    file_id: int

    def run(self, services: Services, principal: Principal) -> None:
        services.files.mark_opened(principal, self.file_id)


class LoadFileLimit(NamedTuple):
    """The largest file staff may store, in MiB."""

    def run(self, services: Services, principal: Principal) -> int:
        return services.files.file_limit_mib(principal)


class SetFileLimit(NamedTuple):
    limit_mib: int

    def run(self, services: Services, principal: Principal) -> int:
        return services.files.set_file_limit_mib(principal, self.limit_mib)


class SavedFile(NamedTuple):
    path: str
    sha256: str


class SaveFile(NamedTuple):
    file_id: int
    folder: str
    transfer_id: int

    def run(self, services: Services, principal: Principal) -> SavedFile:
        transfer = TRANSFERS.pop(self.transfer_id, None) or Transfer()
        info, path = services.files.save_to(
            principal,
            self.file_id,
            self.folder,
            progress=transfer.progress,
            cancel=transfer.cancel,
        )
        return SavedFile(str(path), info.sha256)


def load_client_files(seat: Seat, principal: Principal, client_id: int) -> Op[list[SharedFile]]:
    return Op(seat, principal, ClientFiles(client_id))


def share_file(
    seat: Seat, principal: Principal, client_id: int, path: str, booking_id: int | None
) -> Op[SharedFile]:
    return Op(seat, principal, ShareFile(client_id, path, booking_id))


def share_link(
    seat: Seat, principal: Principal, client_id: int, name: str, url: str, booking_id: int | None
) -> Op[SharedFile]:
    return Op(seat, principal, ShareLink(client_id, name, url, booking_id))


def revoke_file(seat: Seat, principal: Principal, file_id: int) -> Op[None]:
    return Op(seat, principal, RevokeFile(file_id))


def mark_file_opened(seat: Seat, principal: Principal, file_id: int) -> Op[None]:
    return Op(seat, principal, MarkFileOpened(file_id))


def save_file(
    seat: Seat, principal: Principal, file_id: int, folder: str, transfer: Transfer
) -> Op[SavedFile]:
    register(transfer)
    return Op(seat, principal, SaveFile(file_id, folder, transfer.id))

"""Who is asking: every service call takes a :class:`Principal` and checks it."""

from __future__ import annotations

from dataclasses import dataclass

from podyx_desktop.domain.enums import Role


@dataclass(frozen=True)
class Principal:
    """The acting user, or an anonymous visitor, or the system (command line, migrations)."""

    user_id: int | None
    role: Role | None
    is_system: bool = False

    @classmethod
    def anonymous(cls) -> Principal:
        return cls(user_id=None, role=None)

    @classmethod
    def system(cls) -> Principal:
        """The operator at ``podyx-admin``: trusted like an owner, tied to no account."""
        return cls(user_id=None, role=Role.OWNER, is_system=True)

    @classmethod
    def user(cls, user_id: int, role: Role) -> Principal:
        return cls(user_id=user_id, role=role)

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None and not self.is_system

    @property
    def is_staff(self) -> bool:
        return self.is_system or (self.role is not None and self.role.is_staff)

    def at_least(self, role: Role) -> bool:
        return self.is_system or (self.role is not None and self.role.rank >= role.rank)

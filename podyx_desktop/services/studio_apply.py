"""Applying a studio file to the database, and writing the database out as one.

:func:`plan_changes` compares a checked :class:`~.studio_file.StudioFile` with what the
database holds and returns the steps that would make them agree, each a sentence and a
service call as the system (so each is checked and audited as an operator's change).
Items are matched by name (promo codes by code, staff by email); nothing the file leaves
out is deleted. A database without a studio is built by the studio builder
(:func:`podyx_desktop.demo.builder.create_studio`) first, then planned again for the rest.
:func:`export_studio` writes the studio as a file that applies back to no change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from functools import partial
from typing import Any

from sqlalchemy import select

from podyx_desktop.db import tables as t
from podyx_desktop.demo.builder import create_studio
from podyx_desktop.domain.enums import PromoTarget, Role
from podyx_desktop.domain.policy import PolicyOverride
from podyx_desktop.domain.principal import Principal
from podyx_desktop.domain.requests import (
    NewAddon,
    NewBundleProduct,
    NewPromoCode,
    NewRoom,
    NewService,
    NewSetup,
)
from podyx_desktop.domain.setup import NewStaff, Retirable
from podyx_desktop.services import Services
from podyx_desktop.services import catalogue_checks as checks
from podyx_desktop.services.studio_file import (
    POLICY,
    TAX,
    FileError,
    StudioFile,
    StudioFileInvalid,
)
from podyx_desktop.services.studio_state import Lookup, State, policy_of, read_state
from podyx_desktop.services.validation import email_key

SYSTEM = Principal.system()
KINDS = {
    "room": Retirable.ROOM,
    "setup": Retirable.SETUP,
    "service": Retirable.SERVICE,
    "addon": Retirable.ADDON,
    "bundle": Retirable.BUNDLE_PRODUCT,
}
TARGET_KEYS = {
    PromoTarget.SERVICE: "service",
    PromoTarget.SETUP: "setup",
    PromoTarget.BUNDLE_PRODUCT: "bundle",
}


@dataclass(frozen=True)
class Step:
    says: str
    run: Callable[..., object]


@dataclass
class ApplyReport:
    changes: list[str] = field(default_factory=list)
    codes: list[tuple[str, str]] = field(default_factory=list)  # (email, one-time code)
    created: bool = False


# --- planning -----------------------------------------------------------------------------


def _diff(current: dict[str, Any], desired: dict[str, Any]) -> str:
    changed = [f"{k} {current.get(k)!r} → {v!r}" for k, v in desired.items() if current.get(k) != v]
    return "; ".join(changed)


def plan_changes(services: Services, file: StudioFile, state: State) -> list[Step]:
    """The steps that make the database agree with ``file``; none when it already does.
    Raises :class:`StudioFileInvalid` for what the database refuses outright (a locked
    receipt series, leaving no owner) before any step runs."""
    cat, edit, look = services.catalogue, services.catalogue_edit, Lookup(services)
    steps: list[Step] = []
    errors: list[FileError] = []
    spec, current = file.spec, state.studio or {}
    settings = spec.settings
    if state.studio is not None:
        keep = {"is_demo": current["is_demo"]}
        for part, names in (("tax", TAX), ("policy", POLICY)):
            if part not in file.has:
                keep.update({name: current[name] for name in names})
        settings = replace(settings, **keep)
    wanted = checks.clean_settings(settings)
    if state.studio is None or _diff(current, wanted):
        says = _diff(current, wanted) if state.studio else f"create the studio “{settings.name}”"
        steps.append(Step(f"studio: {says}", lambda: cat.configure_studio(SYSTEM, settings)))
    if "opening_hours" in file.has and state.hours.get(None, ()) != spec.opening_hours:
        steps.append(
            Step(
                "opening hours: replaced", lambda: cat.set_opening_hours(SYSTEM, spec.opening_hours)
            )
        )

    room_names = {room.key: checks.clean_name(room.name, "room") for room in spec.rooms}
    setup_names = {
        s.key: (room_names[room.key], checks.clean_name(s.name, "setup"))
        for room in spec.rooms
        for s in room.setups
    }
    for room in spec.rooms:
        name = room_names[room.key]
        row = state.rooms.get(name)
        if row is None:
            steps.append(
                Step(
                    f"room “{name}”: create",
                    lambda n=name, d=room.description: cat.add_room(SYSTEM, NewRoom(n, d)),
                )
            )
        elif row.description != room.description.strip():
            steps.append(
                Step(
                    f"room “{name}”: description changed",
                    lambda n=name, d=room.description: edit.edit_room(
                        SYSTEM, look.room(n), NewRoom(n, d)
                    ),
                )
            )
        for setup in room.setups:
            _, setup_name = setup_names[setup.key]
            srow = state.setups.get((name, setup_name))
            if srow is None:
                steps.append(
                    Step(
                        f"setup “{setup_name}” in “{name}”: create",
                        lambda n=name, s=setup_name, d=setup.description: cat.add_setup(
                            SYSTEM, NewSetup(look.room(n), s, d)
                        ),
                    )
                )
            elif srow.description != setup.description.strip():
                steps.append(
                    Step(
                        f"setup “{setup_name}” in “{name}”: description changed",
                        lambda n=name, s=setup_name, d=setup.description: edit.edit_setup(
                            SYSTEM, look.setup(n, s), NewSetup(look.room(n), s, d)
                        ),
                    )
                )
        if (
            room.key in file.room_hours
            and state.hours.get(row.id if row else -1, ()) != file.room_hours[room.key]
        ):
            steps.append(
                Step(
                    f"room “{name}”: own opening hours replaced",
                    lambda n=name, h=file.room_hours[room.key]: cat.set_opening_hours(
                        SYSTEM, h, room_id=look.room(n)
                    ),
                )
            )

    for s in spec.services:
        name = checks.clean_name(s.name, "service")
        links = {setup_names[k] for k in s.setups}
        request = lambda s=s, links=links: NewService(  # noqa: E731
            s.name,
            s.hourly_rate_minor,
            s.min_minutes,
            s.max_minutes,
            s.step_minutes,
            tuple(look.setup(*pair) for pair in sorted(links)),
            s.description,
            s.vat_rate_bp,
        )
        row = state.services.get(name)
        values = {
            "hourly_rate_minor": s.hourly_rate_minor,
            "min_minutes": s.min_minutes,
            "max_minutes": s.max_minutes,
            "step_minutes": s.step_minutes,
            "vat_rate_bp": s.vat_rate_bp,
            "description": s.description.strip(),
        }
        if row is None:
            steps.append(
                Step(f"service “{name}”: create", lambda r=request: cat.add_service(SYSTEM, r()))
            )
        elif (
            _diff(_cols(row, values), values)
            or state.links.get(("service", row.id), set()) != links
        ):
            says = _diff(_cols(row, values), values) or "setups changed"
            steps.append(
                Step(
                    f"service “{name}”: {says}",
                    lambda n=name, r=request: edit.edit_service(
                        SYSTEM, look.named("service", n), r()
                    ),
                )
            )

    service_names = {s.key: checks.clean_name(s.name, "service") for s in spec.services}
    for a in spec.addons:
        name = checks.clean_name(a.name, "add-on")
        addon_links = {service_names[k] for k in a.services}
        values = {
            "unit_price_minor": a.unit_price_minor,
            "max_quantity": a.max_quantity,
            "hidden_from_clients": a.hidden_from_clients,
            "client_can_add_after_booking": a.client_can_add_after_booking,
            "vat_rate_bp": a.vat_rate_bp,
            "description": a.description.strip(),
        }
        addon_request = lambda a=a, links=addon_links: NewAddon(  # noqa: E731
            a.name,
            a.unit_price_minor,
            tuple(look.named("service", n) for n in sorted(links)),
            a.description,
            a.max_quantity,
            a.hidden_from_clients,
            a.client_can_add_after_booking,
            a.vat_rate_bp,
        )
        row = state.addons.get(name)
        if row is None:
            steps.append(
                Step(f"add-on “{name}”: create", lambda r=addon_request: cat.add_addon(SYSTEM, r()))
            )
        elif (
            _diff(_cols(row, values), values)
            or state.links.get(("addon", row.id), set()) != addon_links
        ):
            says = _diff(_cols(row, values), values) or "services changed"
            steps.append(
                Step(
                    f"add-on “{name}”: {says}",
                    lambda n=name, r=addon_request: edit.edit_addon(
                        SYSTEM, look.named("addon", n), r()
                    ),
                )
            )

    bundle_names = {p.key: checks.clean_name(p.name, "bundle") for p in spec.products}
    for p in spec.products:
        name = bundle_names[p.key]
        setup_links = {setup_names[k] for k in p.setups}
        service_links = {service_names[k] for k in p.services}
        values = {
            "sessions": p.sessions,
            "session_minutes": p.session_minutes,
            "price_minor": p.price_minor,
            "validity_days": p.validity_days,
            "vat_rate_bp": p.vat_rate_bp,
            "description": p.description.strip(),
        }
        bundle_request = lambda p=p, sl=setup_links, vl=service_links: NewBundleProduct(  # noqa: E731
            p.name,
            p.sessions,
            p.session_minutes,
            p.price_minor,
            tuple(look.setup(*pair) for pair in sorted(sl)),
            tuple(look.named("service", n) for n in sorted(vl)),
            p.validity_days,
            p.description,
            p.vat_rate_bp,
        )
        row = state.bundles.get(name)
        if row is None:
            steps.append(
                Step(
                    f"bundle “{name}”: create",
                    lambda r=bundle_request: cat.add_bundle_product(SYSTEM, r()),
                )
            )
        elif (
            _diff(_cols(row, values), values)
            or state.links.get(("bundle", row.id), set()) != setup_links
            or state.links.get(("bundle_services", row.id), set()) != service_links
        ):
            says = _diff(_cols(row, values), values) or "setups or services changed"
            steps.append(
                Step(
                    f"bundle “{name}”: {says}",
                    lambda n=name, r=bundle_request: edit.edit_bundle_product(
                        SYSTEM, look.named("bundle", n), r()
                    ),
                )
            )

    names_of: dict[str, dict[str, Any]] = {
        "service": service_names,
        "setup": setup_names,
        "bundle": bundle_names,
    }
    for promo in file.promos:
        values = checks.clean_promo(promo.request)
        code = str(values["code"])
        targets = {
            (TARGET_KEYS[k], None if key is None else names_of[TARGET_KEYS[k]][key])
            for k, key in promo.target_keys
        }

        def promo_request(promo: Any = promo, targets: Any = targets) -> NewPromoCode:
            resolved: list[tuple[PromoTarget, int | None]] = []
            for kind, name in sorted(targets, key=str):
                target = {v: k for k, v in TARGET_KEYS.items()}[kind]
                if name is None:
                    resolved.append((target, None))
                elif kind == "setup":
                    resolved.append((target, look.setup(*name)))
                else:
                    resolved.append((target, look.named(kind, name)))
            return replace(promo.request, targets=tuple(resolved))

        row = state.promos.get(code)
        compare = {
            k: values[k]
            for k in ("kind", "value", "valid_from", "valid_to", "max_uses", "max_uses_per_client")
        }
        if row is None:
            steps.append(
                Step(
                    f"promo code {code}: create",
                    lambda r=promo_request: cat.add_promo_code(SYSTEM, r()),
                )
            )
        elif (
            _diff(_cols(row, compare), compare)
            or state.links.get(("promo", row.id), set()) != targets
        ):
            says = _diff(_cols(row, compare), compare) or "what it applies to changed"
            steps.append(
                Step(
                    f"promo code {code}: {says}",
                    lambda c=code, r=promo_request: edit.edit_promo_code(
                        SYSTEM, look.promo(c), r()
                    ),
                )
            )
        if (row.active if row is not None else True) != promo.active:
            steps.append(
                _active_step(
                    services,
                    look,
                    Retirable.PROMO_CODE,
                    code,
                    promo.active,
                    partial(look.promo, code),
                )
            )

    if "closed" in file.has:
        wanted_closed = {}
        for day, reason, room_key in file.closed:
            room_name = room_names[room_key] if room_key else None
            wanted_closed[(day, room_name)] = reason
        existing = {
            (day, state.names.get(("room", room_id)) if room_id else None): (cid, reason)
            for (day, room_id), (cid, reason) in state.closed.items()
        }
        for (day, room_name), (cid, reason) in existing.items():
            if wanted_closed.get((day, room_name)) != reason:
                steps.append(
                    Step(
                        f"closed date {day} removed{f' in “{room_name}”' if room_name else ''}",
                        lambda c=cid: services.studio_setup.remove_closed_date(SYSTEM, c),
                    )
                )
        for (day, room_name), reason in wanted_closed.items():
            if existing.get((day, room_name), (0, None))[1] != reason:
                steps.append(
                    Step(
                        f"closed on {day}{f' in “{room_name}”' if room_name else ''}: {reason}",
                        lambda d=day, n=room_name, why=reason: cat.add_closed_date(
                            SYSTEM, d, why, look.room(n) if n else None
                        ),
                    )
                )

    placed: tuple[tuple[str, list[tuple[str, Any]]], ...] = (
        ("room", [(r.key, room_names[r.key]) for r in spec.rooms]),
        ("setup", [(s.key, setup_names[s.key]) for r in spec.rooms for s in r.setups]),
    )
    for kind, items in placed:
        for key, name in items:
            row = state.rooms.get(name) if isinstance(name, str) else state.setups.get(name)
            wanted_policy = file.policies.get((kind, key), PolicyOverride())
            if (row is None and wanted_policy != PolicyOverride()) or (
                row is not None and policy_of(row) != wanted_policy
            ):
                label = name if isinstance(name, str) else f"{name[1]}” in “{name[0]}"
                steps.append(
                    Step(
                        f"{kind} “{label}”: booking rules {_rules(wanted_policy)}",
                        lambda k=kind, n=name, o=wanted_policy: cat.set_policy_override(
                            SYSTEM,
                            override=o,
                            **(
                                {"room_id": look.room(n)}
                                if k == "room"
                                else {"setup_id": look.setup(*n)}
                            ),
                        ),
                    )
                )

    by_kind: tuple[tuple[str, dict[str, Any]], ...] = (
        ("room", room_names),
        ("setup", setup_names),
        ("service", service_names),
        ("addon", {a.key: checks.clean_name(a.name, "add-on") for a in spec.addons}),
        ("bundle", bundle_names),
    )
    for kind_word, keyed in by_kind:
        tables_of: dict[str, dict[Any, Any]] = {
            "room": state.rooms,
            "setup": state.setups,
            "service": state.services,
            "addon": state.addons,
            "bundle": state.bundles,
        }
        for key, name in keyed.items():
            row = tables_of[kind_word].get(name)
            wanted_active = (kind_word, key) not in file.inactive
            if (row.active if row is not None else True) != wanted_active:
                find = (
                    (lambda n=name: look.setup(*n))
                    if kind_word == "setup"
                    else (
                        (lambda n=name: look.room(n))
                        if kind_word == "room"
                        else (lambda k=kind_word, n=name: look.named(k, n))
                    )
                )
                steps.append(
                    _active_step(services, look, KINDS[kind_word], name, wanted_active, find)
                )

    for kind, fmt in file.series.items():
        now_fmt, locked = state.series.get(kind, (None, False))
        if now_fmt != fmt:
            if locked:
                path = ("receipts", kind.value)
                errors.append(
                    FileError(
                        f"receipts.{kind.value}",
                        file.line_of(path),
                        "the series is locked: numbers have been issued with "
                        f"{now_fmt}, and the series must stay unbroken.",
                    )
                )
            else:
                steps.append(
                    Step(
                        f"{kind.value.replace('_', ' ')} numbers: {fmt.format(2026, 1)} …",
                        lambda k=kind, f=fmt: cat.configure_receipt_series(SYSTEM, k, f),
                    )
                )

    owners = {k for k, u in state.staff.items() if u.role == Role.OWNER.value and u.active}
    for member in spec.staff:
        key = email_key(member.email)
        row = state.staff.get(key)
        active = key not in file.inactive_staff
        if member.role is Role.OWNER and active:
            owners.add(key)
        else:
            owners.discard(key)
        if row is None:
            steps.append(
                Step(
                    f"staff {member.email}: create as {member.role.value}",
                    _create_staff(services, member, active, look),
                )
            )
            continue
        if row.role != member.role.value:
            steps.append(
                Step(
                    f"staff {member.email}: role {row.role} → {member.role.value}",
                    lambda k=key, r=member.role: (
                        services.staff.change_role(SYSTEM, look.user(k), r)
                        if _is_staff(services, k)
                        else services.accounts.set_role(SYSTEM, look.user(k), r)
                    ),
                )
            )
        if row.active != active:
            steps.append(
                Step(
                    f"staff {member.email}: {'activated' if active else 'deactivated'}",
                    lambda k=key, a=active: services.staff.set_active(SYSTEM, look.user(k), a),
                )
            )
    if state.studio is not None and not owners and spec.staff:
        errors.append(
            FileError(
                "staff", file.line_of(("staff",)), "the studio must keep at least one active owner."
            )
        )
    if errors:
        raise StudioFileInvalid(errors)
    return steps


def _cols(row: Any, values: dict[str, Any]) -> dict[str, Any]:
    return {k: getattr(row, k) for k in values}


def _is_staff(services: Services, key: str) -> bool:
    with services.db.read() as session:
        role = session.scalar(select(t.User.role).where(t.User.email_key == key))
    return role is not None and role != Role.CLIENT.value


def _create_staff(
    services: Services, member: Any, active: bool, look: Lookup
) -> Callable[[], object]:
    def run() -> tuple[str, str]:
        created, code = services.staff.create_staff(
            SYSTEM, NewStaff(member.name, member.email, member.phone, member.role)
        )
        if not active:
            services.staff.set_active(SYSTEM, created.id, False)
        return (created.email, code)

    return run


def _active_step(
    services: Services,
    look: Lookup,
    kind: Retirable,
    name: Any,
    active: bool,
    find: Callable[[], int],
) -> Step:
    label = name if isinstance(name, str) else f"{name[1]}” in “{name[0]}"
    edit = services.catalogue_edit
    if active:
        return Step(
            f"{kind.value.replace('_', ' ')} “{label}”: offered again",
            lambda: edit.restore(SYSTEM, kind, find()),
        )
    return Step(
        f"{kind.value.replace('_', ' ')} “{label}”: retired",
        lambda: edit.retire(SYSTEM, kind, find(), confirm=True),
    )


# --- applying ----------------------------------------------------------------------------


def apply_studio_file(
    services: Services, file: StudioFile, *, dry_run: bool = False, empty: bool = False
) -> ApplyReport:
    """Make the database agree with ``file`` (or, with ``dry_run``, only say how).
    ``empty``: the database does not exist yet (a dry run then reads nothing)."""
    report = ApplyReport()
    state = State() if empty and dry_run else read_state(services)
    if state.studio is None:
        report.created = True
        if dry_run:
            report.changes = [step.says for step in plan_changes(services, file, state)]
            return report
        base = replace(file.spec, staff=(), promos=(), closed_days=(), clients=())
        create_studio(services, base, password="unused-no-accounts")
        report.changes.append(
            f"studio “{file.spec.settings.name}”: created with {len(base.rooms)} rooms, "
            f"{sum(len(r.setups) for r in base.rooms)} setups, {len(base.services)} services, "
            f"{len(base.addons)} add-ons and {len(base.products)} bundles"
        )
        state = read_state(services)
    steps = plan_changes(services, file, state)
    for step in steps:
        report.changes.append(step.says)
        if dry_run:
            continue
        result = step.run()
        if (
            isinstance(result, tuple)
            and len(result) == 2
            and all(isinstance(x, str) for x in result)
        ):
            report.codes.append(result)
    return report


def _rules(override: PolicyOverride) -> str:
    own = {k: v for k, v in asdict(override).items() if v is not None}
    return ", ".join(f"{k} {v}" for k, v in own.items()) or "as inherited"

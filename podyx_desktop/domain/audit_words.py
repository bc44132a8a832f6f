"""The audit log in words: what was done, to what, and the names of the values it kept.

The services store an entry's action (``create_promo_code``), entity (``promo_code``) and
before/after values with their keys (``max_uses``) as data; the Audit place shows them
through these tables, so a German window reads "Aktionscode erstellt · Aktionscode 3"
and "Max. Einlösungen: 1". A key nobody has named yet reads humanized, in English.
"""

from __future__ import annotations

import json

from podyx_desktop.domain.vocabulary import (
    BOOKING_STATUS,
    PAYMENT_METHOD,
    PURCHASE_STATUS,
    QT_TRANSLATE_NOOP,
    Words,
    translate,
)

_A = "AuditAction"
AUDIT_ACTION = Words(_A, {
    "activate_account": QT_TRANSLATE_NOOP("AuditAction", "Account activated"),
    "deactivate_account": QT_TRANSLATE_NOOP("AuditAction", "Account deactivated"),
    "create_account": QT_TRANSLATE_NOOP("AuditAction", "Account created"),
    "create_client_at_desk": QT_TRANSLATE_NOOP("AuditAction", "Client created at the desk"),
    "update_client_details": QT_TRANSLATE_NOOP("AuditAction", "Client details changed"),
    "unlock_account": QT_TRANSLATE_NOOP("AuditAction", "Account unlocked"),
    "issue_sign_in_code": QT_TRANSLATE_NOOP("AuditAction", "Sign-in code issued"),
    "change_role": QT_TRANSLATE_NOOP("AuditAction", "Role changed"),
    "create_studio": QT_TRANSLATE_NOOP("AuditAction", "Studio created"),
    "change_settings": QT_TRANSLATE_NOOP("AuditAction", "Studio settings changed"),
    "change_tax_settings": QT_TRANSLATE_NOOP("AuditAction", "Tax settings changed"),
    "change_opening_hours": QT_TRANSLATE_NOOP("AuditAction", "Opening hours changed"),
    "add_closed_date": QT_TRANSLATE_NOOP("AuditAction", "Closed day added"),
    "remove_closed_date": QT_TRANSLATE_NOOP("AuditAction", "Closed day removed"),
    "change_policy": QT_TRANSLATE_NOOP("AuditAction", "Rules changed"),
    "clear_policy": QT_TRANSLATE_NOOP("AuditAction", "Own rules removed"),
    "change_price": QT_TRANSLATE_NOOP("AuditAction", "Price changed"),
    "create_room": QT_TRANSLATE_NOOP("AuditAction", "Room created"),
    "create_setup": QT_TRANSLATE_NOOP("AuditAction", "Setup created"),
    "create_service": QT_TRANSLATE_NOOP("AuditAction", "Service created"),
    "create_addon": QT_TRANSLATE_NOOP("AuditAction", "Add-on created"),
    "create_bundle_product": QT_TRANSLATE_NOOP("AuditAction", "Bundle created"),
    "create_promo_code": QT_TRANSLATE_NOOP("AuditAction", "Promo code created"),
    "edit_room": QT_TRANSLATE_NOOP("AuditAction", "Room edited"),
    "edit_setup": QT_TRANSLATE_NOOP("AuditAction", "Setup edited"),
    "edit_service": QT_TRANSLATE_NOOP("AuditAction", "Service edited"),
    "edit_addon": QT_TRANSLATE_NOOP("AuditAction", "Add-on edited"),
    "edit_bundle_product": QT_TRANSLATE_NOOP("AuditAction", "Bundle edited"),
    "edit_promo_code": QT_TRANSLATE_NOOP("AuditAction", "Promo code edited"),
    "retire_room": QT_TRANSLATE_NOOP("AuditAction", "Room retired"),
    "retire_setup": QT_TRANSLATE_NOOP("AuditAction", "Setup retired"),
    "retire_service": QT_TRANSLATE_NOOP("AuditAction", "Service retired"),
    "retire_addon": QT_TRANSLATE_NOOP("AuditAction", "Add-on retired"),
    "retire_bundle_product": QT_TRANSLATE_NOOP("AuditAction", "Bundle retired"),
    "retire_promo_code": QT_TRANSLATE_NOOP("AuditAction", "Promo code retired"),
    "restore_room": QT_TRANSLATE_NOOP("AuditAction", "Room restored"),
    "restore_setup": QT_TRANSLATE_NOOP("AuditAction", "Setup restored"),
    "restore_service": QT_TRANSLATE_NOOP("AuditAction", "Service restored"),
    "restore_addon": QT_TRANSLATE_NOOP("AuditAction", "Add-on restored"),
    "restore_bundle_product": QT_TRANSLATE_NOOP("AuditAction", "Bundle restored"),
    "restore_promo_code": QT_TRANSLATE_NOOP("AuditAction", "Promo code restored"),
    "cancel_booking": QT_TRANSLATE_NOOP("AuditAction", "Booking canceled"),
    "bypass_rules": QT_TRANSLATE_NOOP("AuditAction", "Rules set aside"),
    "price_override": QT_TRANSLATE_NOOP("AuditAction", "Price overridden"),
    "mark_completed": QT_TRANSLATE_NOOP("AuditAction", "Marked as taken place"),
    "mark_no_show": QT_TRANSLATE_NOOP("AuditAction", "Marked as no-show"),
    "record_payment": QT_TRANSLATE_NOOP("AuditAction", "Payment recorded"),
    "refund": QT_TRANSLATE_NOOP("AuditAction", "Refunded"),
    "void_purchase": QT_TRANSLATE_NOOP("AuditAction", "Purchase voided"),
    "grant_store_credit": QT_TRANSLATE_NOOP("AuditAction", "Store credit granted"),
    "issue_bundle": QT_TRANSLATE_NOOP("AuditAction", "Bundle issued"),
    "add_note": QT_TRANSLATE_NOOP("AuditAction", "Note added"),
    "edit_note": QT_TRANSLATE_NOOP("AuditAction", "Note edited"),
    "retract_note": QT_TRANSLATE_NOOP("AuditAction", "Note retracted"),
    "share_file": QT_TRANSLATE_NOOP("AuditAction", "File shared"),
    "revoke_file": QT_TRANSLATE_NOOP("AuditAction", "File withdrawn"),
    "set_file_limit": QT_TRANSLATE_NOOP("AuditAction", "File limit set"),
})  # fmt: skip

_E = "AuditEntity"
AUDIT_ENTITY = Words(_E, {
    "booking": QT_TRANSLATE_NOOP("AuditEntity", "Booking"),
    "bundle": QT_TRANSLATE_NOOP("AuditEntity", "Bundle"),
    "client": QT_TRANSLATE_NOOP("AuditEntity", "Client"),
    "user": QT_TRANSLATE_NOOP("AuditEntity", "Account"),
    "purchase": QT_TRANSLATE_NOOP("AuditEntity", "Purchase"),
    "studio": QT_TRANSLATE_NOOP("AuditEntity", "Studio"),
    "room": QT_TRANSLATE_NOOP("AuditEntity", "Room"),
    "setup": QT_TRANSLATE_NOOP("AuditEntity", "Setup"),
    "service": QT_TRANSLATE_NOOP("AuditEntity", "Service"),
    "addon": QT_TRANSLATE_NOOP("AuditEntity", "Add-on"),
    "bundle_product": QT_TRANSLATE_NOOP("AuditEntity", "Bundle"),
    "promo_code": QT_TRANSLATE_NOOP("AuditEntity", "Promo code"),
    "note": QT_TRANSLATE_NOOP("AuditEntity", "Note"),
    "file": QT_TRANSLATE_NOOP("AuditEntity", "File"),
    "closed_date": QT_TRANSLATE_NOOP("AuditEntity", "Closed day"),
})  # fmt: skip

_F = "AuditField"
AUDIT_FIELD = Words(_F, {
    "name": QT_TRANSLATE_NOOP("AuditField", "name"),
    "full_name": QT_TRANSLATE_NOOP("AuditField", "name"),
    "email": QT_TRANSLATE_NOOP("AuditField", "email"),
    "phone": QT_TRANSLATE_NOOP("AuditField", "phone"),
    "role": QT_TRANSLATE_NOOP("AuditField", "role"),
    "active": QT_TRANSLATE_NOOP("AuditField", "active"),
    "status": QT_TRANSLATE_NOOP("AuditField", "status"),
    "description": QT_TRANSLATE_NOOP("AuditField", "description"),
    "code": QT_TRANSLATE_NOOP("AuditField", "code"),
    "kind": QT_TRANSLATE_NOOP("AuditField", "kind"),
    "value": QT_TRANSLATE_NOOP("AuditField", "value"),
    "uses": QT_TRANSLATE_NOOP("AuditField", "uses"),
    "max_uses": QT_TRANSLATE_NOOP("AuditField", "max. uses"),
    "max_uses_per_client": QT_TRANSLATE_NOOP("AuditField", "max. uses per client"),
    "targets": QT_TRANSLATE_NOOP("AuditField", "applies to"),
    "valid_from": QT_TRANSLATE_NOOP("AuditField", "valid from"),
    "valid_to": QT_TRANSLATE_NOOP("AuditField", "valid until"),
    "price_minor": QT_TRANSLATE_NOOP("AuditField", "price (cents)"),
    "hourly_rate_minor": QT_TRANSLATE_NOOP("AuditField", "hourly rate (cents)"),
    "amount_minor": QT_TRANSLATE_NOOP("AuditField", "amount (cents)"),
    "session_minutes": QT_TRANSLATE_NOOP("AuditField", "session minutes"),
    "sessions": QT_TRANSLATE_NOOP("AuditField", "sessions"),
    "validity_days": QT_TRANSLATE_NOOP("AuditField", "valid for days"),
    "vat_rate_bp": QT_TRANSLATE_NOOP("AuditField", "VAT rate (basis points)"),
    "method": QT_TRANSLATE_NOOP("AuditField", "method"),
    "reason": QT_TRANSLATE_NOOP("AuditField", "reason"),
    "hours": QT_TRANSLATE_NOOP("AuditField", "hours"),
    "future_bookings_kept": QT_TRANSLATE_NOOP("AuditField", "later bookings kept"),
    "buffer_minutes": QT_TRANSLATE_NOOP("AuditField", "buffer (min)"),
    "lead_time_hours": QT_TRANSLATE_NOOP("AuditField", "lead time (h)"),
    "cancel_cutoff_hours": QT_TRANSLATE_NOOP("AuditField", "cancel cutoff (h)"),
    "reschedule_cutoff_hours": QT_TRANSLATE_NOOP("AuditField", "reschedule cutoff (h)"),
    "max_reschedules": QT_TRANSLATE_NOOP("AuditField", "max. reschedules"),
}, fallback=lambda key: key.replace("_", " "))  # fmt: skip

_V = "AuditValue"
AUDIT_VALUE = Words(_V, {
    "percent": QT_TRANSLATE_NOOP("AuditValue", "percent"),
    "fixed": QT_TRANSLATE_NOOP("AuditValue", "fixed amount"),
    "client": QT_TRANSLATE_NOOP("AuditValue", "client"),
    "front_desk": QT_TRANSLATE_NOOP("AuditValue", "front desk"),
    "manager": QT_TRANSLATE_NOOP("AuditValue", "manager"),
    "owner": QT_TRANSLATE_NOOP("AuditValue", "owner"),
}, fallback=str)  # fmt: skip


def action_text(action: str) -> str:
    return AUDIT_ACTION.text(action)


def entity_text(entity: str) -> str:
    return AUDIT_ENTITY.text(entity)


def value_text(key: str, value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return translate(_V, "yes") if value else translate(_V, "no")
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if key == "status":
        for words in (BOOKING_STATUS, PURCHASE_STATUS):
            if text in words:
                return words.text(text)
    if key == "method" and text in PAYMENT_METHOD:
        return PAYMENT_METHOD.text(text)
    return AUDIT_VALUE.text(text) if text in AUDIT_VALUE else text


def change_text(stored: str) -> str:
    """An entry's before or after as words: ``{"status": "void", "note": null}`` →
    "status: Void, note: —"; text that is not a JSON object is shown as it is."""
    try:
        values = json.loads(stored) if stored else None
    except ValueError:
        return stored
    if not isinstance(values, dict):
        return stored if values is None else str(values)
    return ", ".join(
        f"{AUDIT_FIELD.text(key)}: {value_text(key, value)}" for key, value in values.items()
    )


# the yes and no of a value, marked for lupdate
QT_TRANSLATE_NOOP("AuditValue", "yes")
QT_TRANSLATE_NOOP("AuditValue", "no")

"""Deterministic fake bank data: accounts and transactions that read like a real business's.

Everything is drawn from a ``random.Random`` seeded by the caller (from the connection id), so
the same connection on the same day always gets the same accounts and transactions.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Final, NamedTuple

from ._catalog import Institution
from ._ledger_records import CENT, AccountRecord, TransactionRecord

__all__ = ["HISTORY_DAYS", "make_account", "make_transaction", "seeded"]

#: How many days of history (balances and posted transactions) an activation generates.
HISTORY_DAYS: Final = 30


class Template(NamedTuple):
    """One kind of transaction: what the bank shows, on which rail, for how much."""

    description: str
    rail: str
    low: int  # amount range in whole currency units; the sign says credit or debit
    high: int
    category: str
    counterparty: str
    bai_code: str | None = None
    mcc: str | None = None
    merchant: str | None = None
    subcategory: str | None = None


# Operating accounts see most of the traffic; reserve accounts earn interest and sweep.
_USD_OPERATING: Final = (
    Template("STRIPE TRANSFER", "ach", 1_200, 18_000, "revenue", "Stripe", "165"),
    Template("SHOPIFY PAYOUT", "ach", 800, 9_500, "revenue", "Shopify", "165"),
    Template("GUSTO PAYROLL", "ach", -45_000, -8_000, "payroll", "Gusto", "451", None, None, "net"),
    Template("IRS USATAXPYMT", "ach", -12_000, -1_500, "taxes", "IRS", "451"),
    Template("INCOMING WIRE", "wire", 25_000, 120_000, "revenue", "Acme Holdings LLC", "195"),
    Template("OUTGOING WIRE", "wire", -60_000, -5_000, "vendors", "Northwind Traders", "495"),
    Template("AMAZON WEB SERVICES", "card", -4_800, -350, "software", "AWS", "", "4816", "AWS"),
    Template("GOOGLE *WORKSPACE", "card", -900, -120, "software", "Google", "", "7372", "Google"),
    Template("UBER *TRIP", "card", -95, -12, "travel", "Uber", "", "4121", "Uber", "rideshare"),
    Template(
        "DELTA AIR LINES", "card", -1_900, -240, "travel", "Delta", "", "4511", "Delta", "air"
    ),
    Template("WEWORK MEMBERSHIP", "ach", -8_500, -2_500, "rent", "WeWork", "451"),
    Template("SWIFT INCOMING", "swift", 5_000, 60_000, "revenue", "Globex GmbH", "195"),
)
_EUR_OPERATING: Final = (
    Template("SEPA CREDIT TRANSFER", "sepaCredit", 900, 24_000, "revenue", "Mueller GmbH"),
    Template("SEPA CREDIT TRANSFER", "sepaCredit", 400, 8_000, "revenue", "Dupont SARL"),
    Template("SEPA DIRECT DEBIT", "sepaDebit", -320, -45, "utilities", "Telekom Deutschland"),
    Template("SEPA DIRECT DEBIT", "sepaDebit", -1_400, -200, "insurance", "Allianz SE"),
    Template("SEPA CT RENT", "sepaCredit", -9_000, -3_500, "rent", "Immobilien Berlin GmbH"),
    Template("LUFTHANSA", "card", -1_600, -180, "travel", "Lufthansa", None, "3008", "Lufthansa"),
    Template("SNCF VOYAGEURS", "card", -420, -35, "travel", "SNCF", None, "4112", "SNCF"),
    Template("SWIFT INCOMING", "swift", 4_000, 45_000, "revenue", "Initech Inc."),
)
_RESERVE: Final = (
    Template("INTEREST PAYMENT", "internalTransfer", 5, 150, "interest", "Bank", "354"),
    Template("TRANSFER FROM OPERATING", "internalTransfer", 5_000, 40_000, "transfer", "Self"),
    Template("TRANSFER TO OPERATING", "internalTransfer", -30_000, -2_000, "transfer", "Self"),
)
_FASTER_PAYMENTS: Final = (
    Template("FASTER PAYMENT", "fasterPayments", 300, 12_000, "revenue", "Wayne Enterprises Ltd"),
    Template("FASTER PAYMENT", "fasterPayments", -6_000, -150, "vendors", "Cyberdyne Ltd"),
)


def seeded(*parts: object) -> random.Random:
    """A generator seeded from ``parts`` (a str seed is hashed with SHA-512: stable across runs)."""
    return random.Random(":".join(str(p) for p in parts))  # noqa: S311 - fake data, not secrets


def _hex(rng: random.Random, digits: int) -> str:
    return f"{rng.getrandbits(digits * 4):0{digits}x}"


def _digits(rng: random.Random, count: int) -> str:
    return "".join(str(rng.randrange(10)) for _ in range(count))


def make_account(
    rng: random.Random,
    *,
    seq: int,
    kind: str,
    currency: str,
    connection_id: str,
    entity_id: str,
    institution: Institution | None,
    created_at: datetime,
    history_start: date,
) -> AccountRecord:
    """An operating (``checking``) or reserve (``savings``) account in ``currency``."""
    operating = kind == "checking"
    if currency == "USD":
        number = _digits(rng, 12)
        routing = (institution.routing_number if institution else None) or "021000021"
    else:
        # An IBAN-like number for accounts outside the US, which have no ABA routing number.
        country = {"EUR": "DE", "GBP": "GB"}.get(currency, "NL")
        number = f"{country}{_digits(rng, 2)}{_digits(rng, 18)}"
        routing = None
    bank = institution.name if institution else "Sandbox Bank"
    low, high = (80_000, 250_000) if operating else (150_000, 600_000)
    return AccountRecord(
        seq=seq,
        id="acct_" + _hex(rng, 24),
        connection_id=connection_id,
        entity_id=entity_id,
        type=kind,
        currency=currency,
        name=f"{'Operating' if operating else 'Reserve'} {currency}",
        official_name=f"{bank} Business {'Checking' if operating else 'Savings'}",
        masked_number="****" + number[-4:],
        account_number=number,
        routing_number=routing,
        swift_bic=institution.swift_bic if institution else None,
        created_at=created_at,
        opening_balance=Decimal(rng.randrange(low * 100, high * 100)) * CENT,
        history_start=history_start,
    )


def templates_for(account: AccountRecord) -> Sequence[Template]:
    """The kinds of transaction an account sees."""
    if account.type != "checking":
        return _RESERVE
    if account.currency == "USD":
        return _USD_OPERATING
    if account.currency == "GBP":
        return _FASTER_PAYMENTS + _EUR_OPERATING[5:]
    return _EUR_OPERATING


def make_transaction(
    rng: random.Random,
    account: AccountRecord,
    *,
    posted_date: date | None,
    now: datetime,
) -> TransactionRecord:
    """One transaction of ``account``: posted on ``posted_date``, or pending when it is None."""
    template = rng.choice(templates_for(account))
    amount = Decimal(rng.randrange(template.low * 100, template.high * 100 + 1)) * CENT
    if amount == 0:
        amount = Decimal("-1.00") if template.high < 0 else Decimal("1.00")
    day = posted_date or now.date()
    reference = f"{template.category[:3].upper()}-{day:%y%m%d}-{rng.randrange(1000, 9999)}"
    counterparty_masked = None
    if template.rail not in ("card", "internalTransfer"):
        counterparty_masked = "****" + _digits(rng, 4)
    raw = _raw_description(rng, template, day, reference)
    if posted_date is None:
        updated_at = now - timedelta(minutes=rng.randrange(1, 600))
    else:
        stamp = datetime.combine(posted_date, time(rng.randrange(6, 22), rng.randrange(60)), UTC)
        updated_at = min(stamp, now)
    return TransactionRecord(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        connection_id=account.connection_id,
        account_id=account.id,
        status="pending" if posted_date is None else "posted",
        posted_date=posted_date,
        updated_at=updated_at,
        amount=amount,
        currency=account.currency,
        description=_description(template, amount),
        rail=template.rail,
        raw_description=raw,
        payment_reference=reference if template.rail != "card" else None,
        customer_reference=(
            f"E2E{_digits(rng, 12)}" if template.rail in ("sepaCredit", "sepaDebit") else None
        ),
        bank_reference=_digits(rng, 16),
        bai_code=template.bai_code or None,
        category=template.category,
        subcategory=template.subcategory,
        mcc=template.mcc,
        merchant_name=template.merchant,
        counterparty_name=template.counterparty,
        counterparty_account_masked=counterparty_masked,
    )


def _description(template: Template, amount: Decimal) -> str:
    if template.rail == "sepaDebit":
        return f"{template.description} {template.counterparty.upper()}"
    if template.rail in ("wire", "swift", "sepaCredit", "fasterPayments"):
        direction = "FROM" if amount > 0 else "TO"
        return f"{template.description} {direction} {template.counterparty.upper()}"
    return template.description


def _raw_description(rng: random.Random, template: Template, day: date, reference: str) -> str:
    name = template.counterparty.upper()
    if template.rail == "ach":
        return (
            f"ORIG CO NAME:{name} ORIG ID:{_digits(rng, 10)} DESC DATE:{day:%y%m%d} "
            f"CO ENTRY DESCR:{template.category.upper()[:10]} SEC:CCD TRACE#:{_digits(rng, 15)}"
        )
    if template.rail in ("wire", "swift"):
        return f"{template.rail.upper()} REF {reference} ORG={name} OBI={reference}"
    if template.rail == "card":
        return f"CARD PURCHASE {day:%m/%d} {template.description} CARD {_digits(rng, 4)}"
    if template.rail in ("sepaCredit", "sepaDebit"):
        return f"{template.description} {name} SVWZ+{reference} EREF+{_digits(rng, 10)}"
    return f"{template.description} {reference}"

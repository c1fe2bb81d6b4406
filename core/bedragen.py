"""Amounts typed by people: one parser behind every amount field of the portal.

It accepts what residents and staff write in the Netherlands: the Dutch notation (`12,50`,
`1.234,50`, `12,-`), the plain one (`12.50`, `1234`) and a euro sign (`€ 12,50`). Everything
else is refused with a Dutch message. The text is checked against that grammar before
Decimal sees it, because Decimal also reads notations no person means as an amount: `1e3`
(1000), `NaN`, `Infinity` and digits of other scripts (`٣`); and an exponent such as `1e100`
makes `quantize` raise instead of refusing. Never goes through float.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.translation import gettext as _

CENT = Decimal("0.01")
# Nothing in these regelingen comes near this; a larger number is a typing mistake.
ABSURD_BEDRAG = Decimal("100000.00")
# More than this many digits before the comma is refused before Decimal is asked at all.
MAX_CIJFERS_VOOR_KOMMA = 12
MAX_TEKENS = 30

_SPATIES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})
_VALUTA = re.compile(r"^(?:€|eur\b)\s*|\s*(?:€|eur)$", re.IGNORECASE)
# Whole euros, with an optional thousands separator (dot or space, groups of three), then
# optionally the cents after a comma or a dot, or a dash for "no cents" (12,-).
_BEDRAG = re.compile(
    r"""
    (?P<geheel>[0-9]{1,3}(?P<scheiding>[.\ ])[0-9]{3}(?:(?P=scheiding)[0-9]{3})*|[0-9]+)
    (?:(?P<teken>[.,])(?P<centen>[0-9]{1,2}|-{1,2}))?
    """,
    re.VERBOSE,
)
_TE_VEEL_DECIMALEN = re.compile(r"[0-9 .]*[0-9][.,][0-9]{3,}")


class OngeldigBedrag(ValueError):
    """The text is not an amount the portal accepts; the message says why, in Dutch."""


def euro_tekst(bedrag: Decimal) -> str:
    whole, cents = f"{bedrag:.2f}".split(".")
    groups: list[str] = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"€ {'.'.join(groups)},{cents}"


def _geen_bedrag() -> OngeldigBedrag:
    return OngeldigBedrag(_("Vul een bedrag in cijfers in, bijvoorbeeld 75,50."))


def _als_tekst(waarde: str | Decimal | int | None) -> str:
    if isinstance(waarde, Decimal):
        if not waarde.is_finite():
            raise _geen_bedrag()
        # Fixed-point text: str() would give "1E+3", which the grammar refuses.
        return format(waarde, "f")
    if isinstance(waarde, int) and not isinstance(waarde, bool):
        return str(waarde)
    if waarde is None:
        return ""
    if not isinstance(waarde, str):
        raise _geen_bedrag()
    return waarde


def bedrag_lezen(
    waarde: str | Decimal | int | None,
    *,
    nul_toegestaan: bool = False,
    maximum: Decimal = ABSURD_BEDRAG,
) -> Decimal:
    """Read an amount ("12,50", "1.234,50", "12.50", "€ 12,-") into a Decimal with cents.

    Refuses empty, non-numeric (exponents, NaN, other scripts), negative, zero (unless
    allowed), more than two decimals, ambiguous ("1.234") and amounts above `maximum`.
    """
    tekst = _als_tekst(waarde).translate(_SPATIES).strip()
    tekst = _VALUTA.sub("", tekst).strip()
    if not tekst:
        raise OngeldigBedrag(_("Vul een bedrag in."))
    if len(tekst) > MAX_TEKENS:
        raise _geen_bedrag()
    if tekst[0] in "-\u2212" and _BEDRAG.fullmatch(tekst[1:].strip()):
        raise OngeldigBedrag(_("Een bedrag kan niet negatief zijn."))
    match = _BEDRAG.fullmatch(tekst)
    if match is None:
        if _TE_VEEL_DECIMALEN.fullmatch(tekst):
            raise OngeldigBedrag(_("Gebruik ten hoogste twee cijfers achter de komma."))
        raise _geen_bedrag()
    geheel, scheiding = match["geheel"], match["scheiding"]
    teken, centen = match["teken"], match["centen"] or ""
    if scheiding == "." and teken == ".":
        raise _geen_bedrag()
    if scheiding == "." and teken is None and geheel.count(".") == 1:
        # "1.234" is 1234 to a Dutch reader and 1.234 to an English one: ask, never guess.
        raise OngeldigBedrag(
            _("Schrijf het bedrag zonder punt (1234) of met komma en centen (1.234,00).")
        )
    if centen.startswith("-"):
        if teken != ",":
            raise _geen_bedrag()
        centen = ""
    cijfers = re.sub(r"[. ]", "", geheel).lstrip("0") or "0"
    if len(cijfers) > MAX_CIJFERS_VOOR_KOMMA:
        raise _te_hoog(maximum)
    # Built from checked ASCII digits only, so Decimal reads exactly what the person wrote.
    bedrag = Decimal(f"{cijfers}.{centen.ljust(2, '0')}")
    if bedrag > maximum:
        raise _te_hoog(maximum)
    if bedrag == 0 and not nul_toegestaan:
        raise OngeldigBedrag(_("Het bedrag moet meer dan € 0,00 zijn."))
    return bedrag


def _te_hoog(maximum: Decimal) -> OngeldigBedrag:
    return OngeldigBedrag(
        _("Dit bedrag is te hoog (meer dan %(max)s). Klopt het bedrag?")
        % {"max": euro_tekst(maximum)}
    )

"""Rules of the signaleringsgroepen: declarations and the volunteer fee."""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from core.bedragen import euro_tekst

from .algemeen import Bevindingen, voeg_toe


def controleer_declaratie(*, bedrag: Decimal, vrij: Decimal | None, heeft_bon: bool) -> Bevindingen:
    bevindingen: Bevindingen = {}
    if not heeft_bon:
        voeg_toe(bevindingen, "bon", _("Voeg de bon of factuur toe (PDF, JPG of PNG)."))
    if vrij is not None and bedrag > vrij:
        voeg_toe(
            bevindingen,
            "bedrag",
            _("De groep heeft dit jaar nog %(vrij)s over. Declareer ten hoogste dat bedrag.")
            % {"vrij": euro_tekst(vrij)},
        )
    return bevindingen


def controleer_vrijwilligersvergoeding(*, al_toegekend: bool) -> Bevindingen:
    if al_toegekend:
        return {
            "jaar": [_("De vrijwilligersvergoeding is dit jaar al toegekend. Dat kan één keer.")]
        }
    return {}

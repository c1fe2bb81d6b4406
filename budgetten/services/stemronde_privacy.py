"""Privacy of the voting round: ballots are anonymised some time after the division.

docs/decisions/0008-leefbaarheid-stemronde.md ("Na de verdeling")
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from ..constants import StemrondeFase
from ..models import Stembiljet, Stemronde
from .stemronde import vergrendel_stemronde

# --- Privacy: ballots after the division -------------------------------------------------------
# docs/decisions/0008-leefbaarheid-stemronde.md ("Na de verdeling")

ANONIMISEREN_NA_DAGEN = 30
ANONIEM_DOMEIN = "geanonimiseerd.invalid"


def _pseudoniem(*, sleutel: bytes, email: str) -> str:
    digest = hmac.new(sleutel, email.strip().lower().encode(), hashlib.sha256).hexdigest()
    return f"{digest}@{ANONIEM_DOMEIN}"


def stembiljetten_anonimiseren(*, nu: datetime | None = None) -> int:
    """Replace the email address (and postcode) of every ballot of rounds divided more than
    ANONIMISEREN_NA_DAGEN days ago by a keyed hash. The key is random per round and per run
    and is never stored, so nobody can link a ballot back to an address; distinct addresses
    keep distinct values, so the unique constraint (stemronde, lower(email)) still holds and
    still says "one ballot per address". Vote counts (steunt, Kandidaat.stemmen) stay.
    Safe to run twice: anonymised ballots are skipped; one round per transaction."""
    nu = nu or timezone.now()
    grens = nu - timedelta(days=ANONIMISEREN_NA_DAGEN)
    ronde_ids = list(
        Stemronde.objects.filter(
            fase=StemrondeFase.VERDEELD,
            verdeeld_op__lte=grens,
            stembiljetten__geanonimiseerd_op__isnull=True,
        )
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    aantal = 0
    for ronde_id in ronde_ids:
        with transaction.atomic():
            vergrendel_stemronde(ronde_id)
            biljetten = list(
                Stembiljet.objects.select_for_update()
                .filter(stemronde_id=ronde_id, geanonimiseerd_op__isnull=True)
                .order_by("pk")
            )
            sleutel = secrets.token_bytes(32)
            for biljet in biljetten:
                # A paper ballot has no email: it stays empty (outside the email constraint).
                if biljet.email:
                    biljet.email = _pseudoniem(sleutel=sleutel, email=biljet.email)
                # The address key gets the same keyed hash, so "one ballot per address" still
                # holds in the rows; the address itself is gone.
                if biljet.adres_sleutel:
                    biljet.adres_sleutel = hmac.new(
                        sleutel, biljet.adres_sleutel.encode(), hashlib.sha256
                    ).hexdigest()[:30]
                biljet.postcode = ""
                biljet.huisnummer = None
                biljet.toevoeging = ""
                biljet.voorlopige_keuze = []
                biljet.geanonimiseerd_op = nu
            Stembiljet.objects.bulk_update(
                biljetten,
                [
                    "email",
                    "postcode",
                    "huisnummer",
                    "toevoeging",
                    "adres_sleutel",
                    "voorlopige_keuze",
                    "geanonimiseerd_op",
                ],
            )
            aantal += len(biljetten)
    return aantal

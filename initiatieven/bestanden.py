"""Uploads of initiatives: reading them for the file rules in rules.py (the real type comes
from the bytes), refusing them, storing them and wiping them after a delete."""

import logging
from collections.abc import Iterable, Sequence

import filetype
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from core.fouten import Weigering

from .models import Bijlage, Initiatief
from .rules import Bestand, bestandsfouten

logger = logging.getLogger("initiatieven.services")


def bestand_info(upload: UploadedFile) -> Bestand:
    upload.seek(0)
    kop = upload.read(8192)
    upload.seek(0)
    soort = filetype.guess_mime(kop) if kop else None
    return Bestand(naam=upload.name or "", grootte=upload.size or 0, echte_soort=soort)


def bestanden_info(uploads: Iterable[UploadedFile]) -> list[Bestand]:
    return [bestand_info(u) for u in uploads]


def controleer_bestanden(bestanden: Sequence[UploadedFile], *, al_aanwezig: int = 0) -> None:
    fouten = bestandsfouten(bestanden_info(bestanden), al_aanwezig=al_aanwezig)
    if fouten:
        raise Weigering(fouten)


def bijlagen_opslaan(
    initiatief: Initiatief, bestanden: Iterable[UploadedFile], soort: str
) -> list[Bijlage]:
    opgeslagen = []
    for upload, info in zip(bestanden, bestanden_info(bestanden), strict=True):
        bijlage = Bijlage(
            initiatief=initiatief,
            soort=soort,
            bestand=upload,
            oorspronkelijke_naam=(upload.name or "bestand")[:255],
            content_type=info.echte_soort or "application/octet-stream",
            grootte=info.grootte,
        )
        bijlage.save()
        opgeslagen.append(bijlage)
    return opgeslagen


def bestanden_wissen_na_commit(namen: list[str]) -> None:
    def wis() -> None:
        for naam in namen:
            try:
                default_storage.delete(naam)
            except OSError:  # pragma: no cover - logged, the row is gone anyway
                logger.warning("Bijlage %s kon niet worden gewist", naam)

    transaction.on_commit(wis)

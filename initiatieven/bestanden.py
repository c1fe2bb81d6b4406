"""Reading uploads for the file rules in rules.py: the real type comes from the bytes."""

from collections.abc import Iterable

import filetype
from django.core.files.uploadedfile import UploadedFile

from .rules import Bestand


def bestand_info(upload: UploadedFile) -> Bestand:
    upload.seek(0)
    kop = upload.read(8192)
    upload.seek(0)
    soort = filetype.guess_mime(kop) if kop else None
    return Bestand(naam=upload.name or "", grootte=upload.size or 0, echte_soort=soort)


def bestanden_info(uploads: Iterable[UploadedFile]) -> list[Bestand]:
    return [bestand_info(u) for u in uploads]

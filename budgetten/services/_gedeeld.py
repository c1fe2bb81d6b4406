"""What every budgetten service uses: the refusal, and who made a change."""

from django.db import models

from core.fouten import Weigering


def fout(veld: str, melding: str) -> Weigering:
    """A refusal with one message at one form field."""
    return Weigering({veld: [melding]})


def historie_door(obj: models.Model, door) -> None:
    """Record `door` as the user of the next history record of `obj` (simple_history)."""
    obj._history_user = door  # type: ignore[attr-defined]

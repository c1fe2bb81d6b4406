"""Writes of the project app: the status of the plan's action points."""

from django.db import transaction

from .models import Actiepunt, ActiepuntStatus


@transaction.atomic
def actiepunt_status_wijzigen(*, actiepunt_id: int, status: str, notitie: str, door) -> Actiepunt:
    """Set status and note; django-simple-history records the version and who changed it."""
    actiepunt = Actiepunt.objects.select_for_update().get(pk=actiepunt_id)
    actiepunt.status = ActiepuntStatus(status)
    actiepunt.notitie = notitie
    actiepunt.full_clean()
    actiepunt._history_user = door
    actiepunt.save(update_fields=["status", "notitie", "gewijzigd_op"])
    return actiepunt

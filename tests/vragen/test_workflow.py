"""The vraag lifecycle as data: what each status allows, for whom."""

import pytest

from core.fouten import Weigering
from vragen import workflow
from vragen.constants import VraagStatus
from vragen.workflow import Actie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "verwacht"),
    [
        (VraagStatus.NIEUW, {Actie.ROUTEREN}),
        (VraagStatus.DOORGESTUURD, {Actie.ROUTEREN}),
        (VraagStatus.TERUGGEGEVEN, {Actie.ROUTEREN}),
        (VraagStatus.PROCESANTWOORD, set()),
        (VraagStatus.BEANTWOORD, set()),
    ],
)
def test_kernambtenaar_may_only_route_and_only_while_open(
    vraag_van, kernambtenaar, status, verwacht
):
    vraag = vraag_van()
    vraag.status = status
    assert workflow.acties(vraag, kernambtenaar) == verwacht


@pytest.mark.parametrize(
    ("status", "verwacht"),
    [
        (VraagStatus.DOORGESTUURD, {Actie.BEANTWOORDEN, Actie.PROCESANTWOORD, Actie.TERUGGEVEN}),
        (VraagStatus.PROCESANTWOORD, {Actie.BEANTWOORDEN, Actie.TERUGGEVEN}),
        (VraagStatus.BEANTWOORD, set()),
    ],
)
def test_assigned_beleidsmedewerker_answers_or_hands_back(doorgestuurd, bm, status, verwacht):
    vraag = doorgestuurd()
    vraag.status = status
    assert workflow.acties(vraag, bm) == verwacht


def test_refusal_names_the_reason(doorgestuurd, bm, kernambtenaar):
    vraag = doorgestuurd()
    assert workflow.controleer(vraag, bm, Actie.BEANTWOORDEN) == VraagStatus.BEANTWOORD
    with pytest.raises(Weigering, match="niet aan u"):
        workflow.controleer(vraag, kernambtenaar, Actie.TERUGGEVEN)
    vraag.status = VraagStatus.PROCESANTWOORD
    with pytest.raises(Weigering, match="al een procesantwoord"):
        workflow.controleer(vraag, bm, Actie.PROCESANTWOORD)
    vraag.status = VraagStatus.BEANTWOORD
    with pytest.raises(Weigering, match="status: Beantwoord"):
        workflow.controleer(vraag, kernambtenaar, Actie.ROUTEREN)

"""The lifecycles as data: one table per object, the same answer for services and pages."""

import datetime

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.utils import timezone

from core.fouten import Weigering
from participatie import services, workflow
from participatie.constants import (
    STAP_DEFINITIE,
    STAP_DEFINITIES,
    STAPPEN,
    AanmeldingStatus,
    Stap,
    TrajectSoort,
    TrajectStatus,
)
from participatie.models import Bijeenkomst, Traject
from tests.factories import MedewerkerFactory
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory, TrajectFactory

pytestmark = pytest.mark.django_db


def test_every_step_is_defined_once_and_each_method_ends_with_the_evaluation():
    assert {d.key for d in STAP_DEFINITIES} == set(Stap.values)
    assert len(STAP_DEFINITIES) == len(Stap.values)
    for soort in TrajectSoort.values:
        assert STAPPEN[soort][-1] == Stap.EVALUATIE
        assert sum(STAP_DEFINITIE[s].publiceren_na for s in STAPPEN[soort]) == 1
    for d in STAP_DEFINITIES:
        assert set(d.verplicht) <= set(d.velden)
        assert str(d.uitleg)


def test_a_new_trajectory_offers_publishing_but_not_yet_allowed():
    traject = TrajectFactory()
    acties = workflow.acties(traject, traject.eigenaar)
    assert set(acties) == {"publiceren"}
    assert not acties["publiceren"].toegestaan
    assert "stap" in acties["publiceren"].reden
    with pytest.raises(Weigering, match="stap"):
        services.traject_publiceren(traject=traject)


def test_someone_who_may_not_change_it_is_offered_nothing():
    traject = TrajectFactory()
    assert workflow.acties(traject, MedewerkerFactory(rollen=["teammanager"])) == {}


def test_a_completed_trajectory_offers_no_step():
    traject = TrajectFactory(status=TrajectStatus.AFGEROND)
    assert workflow.acties(traject, traject.eigenaar) == {}
    assert workflow.is_openbaar(traject)


def test_cancelling_is_offered_once_and_refused_after_the_start():
    b = BijeenkomstFactory()
    assert workflow.acties(b)["annuleren"].toegestaan
    later = b.begint_op + datetime.timedelta(minutes=1)
    assert not workflow.acties(b, nu=later)["annuleren"].toegestaan
    with pytest.raises(Weigering, match="begonnen"):
        workflow.controleer(b, "annuleren", nu=later)


def test_a_cancelled_registration_offers_nothing_and_its_refusal_says_why():
    a = AanmeldingFactory(status=AanmeldingStatus.AFGEMELD)
    assert workflow.acties(a) == {}
    oordeel = workflow.beoordeel(a, "afmelden", nu=timezone.now())
    assert not oordeel.toegestaan
    assert "al afgemeld" in oordeel.reden


@pytest.mark.parametrize("model", [Traject, Bijeenkomst])
def test_the_admin_cannot_write_past_the_services(model):
    beheerder = MedewerkerFactory(rollen=[], is_superuser=True, is_staff=True)
    request = RequestFactory().get("/")
    request.user = beheerder
    model_admin = admin.site._registry[model]
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)

"""Every app's retention terms (core.privacy + <app>/privacy.py), on a frozen clock.

Each case: something just inside its term keeps the resident's data, something just past it
loses it; the second run the same day changes nothing."""

from datetime import timedelta

import time_machine
from django.utils import timezone

from budgetten.constants import AanvraagStatus
from budgetten.models import Aanvraag
from core.privacy import VERWIJDERD, alle_termijnen, alles_opruimen
from initiatieven.constants import InitiatiefStatus
from initiatieven.models import Initiatief
from participatie.models import Aanmelding
from tests.budgetten.factories import AanvraagFactory, seed_regelingen
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory
from tests.vragen.factories import VraagFactory
from vragen.constants import VraagStatus
from vragen.models import Vraag


def _geanonimiseerd(obj) -> bool:
    obj.refresh_from_db()
    return obj.naam == VERWIJDERD and obj.email == "" and obj.telefoon == ""


def test_every_app_with_resident_data_declares_its_terms():
    sleutels = {t.sleutel for t in alle_termijnen()}
    assert {
        "mail_tekst",
        "initiatief_onbevestigd",
        "initiatief_contact",
        "aanvraag_onbevestigd",
        "aanvraag_contact",
        "vraag_onbevestigd",
        "vraag_contact",
        "aanmelding_onbevestigd",
        "aanmelding_contact",
    } <= sleutels


def test_closed_initiatives_lose_the_residents_contact_a_year_later(db):
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        oud = InitiatiefFactory(status=InitiatiefStatus.AFGEROND, status_sinds=timezone.now())
        lopend = InitiatiefFactory(status=InitiatiefStatus.IN_BEHANDELING)
    with time_machine.travel(begin + timedelta(days=364), tick=False):
        assert alles_opruimen()["initiatief_contact_geanonimiseerd"] == 0
    with time_machine.travel(begin + timedelta(days=366), tick=False):
        assert alles_opruimen()["initiatief_contact_geanonimiseerd"] == 1
        assert alles_opruimen()["initiatief_contact_geanonimiseerd"] == 0
    assert _geanonimiseerd(oud)
    assert Initiatief.objects.filter(pk=oud.pk, titel=oud.titel).exists()  # the idea stays
    lopend.refresh_from_db()
    assert lopend.naam != VERWIJDERD


def test_applications_unconfirmed_a_week_are_deleted_and_closed_ones_anonymised(db):
    seed_regelingen()
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        onbevestigd = AanvraagFactory(status=AanvraagStatus.ONBEVESTIGD, email_bevestigd_op=None)
        afgewezen = AanvraagFactory(status=AanvraagStatus.AFGEWEZEN, besluit_op=timezone.now())
        afgewezen.history.update(naam=afgewezen.naam)  # a history row with the name
    with time_machine.travel(begin + timedelta(days=8), tick=False):
        resultaat = alles_opruimen()
    assert resultaat["aanvraag_onbevestigd_verwijderd"] == 1
    assert not Aanvraag.objects.filter(pk=onbevestigd.pk).exists()
    assert resultaat["aanvraag_contact_geanonimiseerd"] == 0
    with time_machine.travel(begin + timedelta(days=2 * 365 + 1), tick=False):
        assert alles_opruimen()["aanvraag_contact_geanonimiseerd"] == 1
    assert _geanonimiseerd(afgewezen)
    assert afgewezen.gevraagd_bedrag  # the money record stays
    assert not afgewezen.history.exclude(naam=VERWIJDERD).exists()


def test_questions_answered_a_year_ago_are_anonymised_unconfirmed_web_ones_deleted(db):
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        beantwoord = VraagFactory(
            status=VraagStatus.BEANTWOORD,
            beantwoord_op=timezone.now(),
            deadline=None,
            email_bevestigd_op=timezone.now(),
        )
        onbevestigd = VraagFactory(email_bevestigd_op=None)
        telefonisch = VraagFactory(email_bevestigd_op=None, kanaal="telefoon")
    with time_machine.travel(begin + timedelta(days=8), tick=False):
        assert alles_opruimen()["vraag_onbevestigd_verwijderd"] == 1
    assert not Vraag.objects.filter(pk=onbevestigd.pk).exists()
    assert Vraag.objects.filter(pk=telefonisch.pk).exists()  # registered by staff: kept
    with time_machine.travel(begin + timedelta(days=366), tick=False):
        assert alles_opruimen()["vraag_contact_geanonimiseerd"] == 1
    assert _geanonimiseerd(beantwoord)


def test_meeting_registrations_are_anonymised_a_month_after_the_meeting(db):
    begin = timezone.now()
    with time_machine.travel(begin, tick=False):
        bijeenkomst = BijeenkomstFactory(
            begint_op=timezone.now() + timedelta(days=1),
            eindigt_op=timezone.now() + timedelta(days=1, hours=2),
        )
        aanmelding = AanmeldingFactory(bijeenkomst=bijeenkomst)
    with time_machine.travel(begin + timedelta(days=30), tick=False):
        assert alles_opruimen()["aanmelding_geanonimiseerd"] == 0
    with time_machine.travel(begin + timedelta(days=32), tick=False):
        assert alles_opruimen()["aanmelding_geanonimiseerd"] == 1
    assert _geanonimiseerd(aanmelding)
    assert Aanmelding.objects.filter(bijeenkomst=bijeenkomst).count() == 1  # still counted

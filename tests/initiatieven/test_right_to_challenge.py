"""Right to Challenge: a kind of initiative with its own required questions (rules.rtc_fouten),
checked by the form (messages at the fields, input kept), by the service and by the database."""

import re
import uuid

import pytest
from django.core import mail
from django.db import IntegrityError, transaction

from core.fouten import Weigering
from initiatieven import rules, services
from initiatieven.constants import InitiatiefSoort, InitiatiefStatus
from initiatieven.models import Initiatief
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory

pytestmark = pytest.mark.django_db
URL = "/initiatieven/indienen/"
RTC = InitiatiefSoort.RIGHT_TO_CHALLENGE


def _data(kern, **extra):
    data = {
        "idempotentie_sleutel": str(uuid.uuid4()),
        "soort": RTC,
        "kern": kern.pk,
        "titel": "Wij maaien het dorpsveld",
        "omschrijving": "De speelvereniging neemt het maaien van het veld over.",
        "doelgroep": "Alle inwoners",
        "rtc_taak": "Het maaien van het grasveld achter het dorpshuis.",
        "rtc_waarom_beter": "Wij wonen ernaast en maaien vaker, met een eigen machine.",
        "rtc_uitvoerders": "Zes vrijwilligers van de speelvereniging.",
        "naam": "Sam Visser",
        "email": "sam@voorbeeld.nl",
        "privacy": "on",
    }
    data.update(extra)
    return data


def test_rules_require_every_question_only_for_a_right_to_challenge():
    leeg = {"rtc_taak": " ", "rtc_waarom_beter": "", "rtc_uitvoerders": "Wij"}
    assert set(rules.rtc_fouten(soort=RTC, antwoorden=leeg)) == {"rtc_taak", "rtc_waarom_beter"}
    assert rules.rtc_fouten(soort=InitiatiefSoort.IDEE, antwoorden=leeg) == {}


def test_a_missing_answer_is_shown_at_its_field_in_dutch_and_nothing_is_saved(client):
    kern = KernFactory()
    response = client.post(URL, _data(kern, rtc_waarom_beter="  "))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Leg uit waarom u het beter of goedkoper kunt doen." in html
    # the message sits at its own field, and what was typed stays
    fout = re.search(r'id="id_rtc_waarom_beter_error">(.*?)</div>', html, re.S)
    assert fout and "beter of goedkoper" in fout.group(1)
    assert html.count("Leg uit waarom u het beter of goedkoper kunt doen.") == 2  # + summary
    assert "Het maaien van het grasveld achter het dorpshuis." in html
    assert Initiatief.objects.count() == 0 and mail.outbox == []


def test_all_three_missing_give_three_messages(client):
    response = client.post(
        URL, _data(KernFactory(), rtc_taak="", rtc_waarom_beter="", rtc_uitvoerders="")
    )
    html = response.content.decode()
    for melding in rules.RTC_VELDEN.values():
        assert melding in html


def test_a_complete_right_to_challenge_is_saved_with_its_answers(client):
    response = client.post(URL, _data(KernFactory()))
    assert response.status_code == 302
    initiatief = Initiatief.objects.get()
    assert initiatief.soort == RTC and initiatief.is_right_to_challenge
    assert initiatief.rtc_uitvoerders == "Zes vrijwilligers van de speelvereniging."


def test_an_ordinary_idea_keeps_no_challenge_answers(client):
    client.post(URL, _data(KernFactory(), soort=InitiatiefSoort.IDEE))
    initiatief = Initiatief.objects.get()
    assert initiatief.soort == InitiatiefSoort.IDEE
    assert (initiatief.rtc_taak, initiatief.rtc_waarom_beter, initiatief.rtc_uitvoerders) == (
        "",
        "",
        "",
    )


def test_an_unknown_kind_is_refused_at_the_field(client):
    response = client.post(URL, _data(KernFactory(), soort="iets-anders"))
    assert "Kies wat u wilt doen." in response.content.decode()
    assert Initiatief.objects.count() == 0


def test_the_service_refuses_too_when_called_without_the_form():
    with pytest.raises(Weigering) as fout:
        services.initiatief_indienen(
            idempotentie_sleutel=uuid.uuid4(),
            kern=KernFactory(),
            titel="T",
            omschrijving="O",
            naam="N",
            email="n@voorbeeld.nl",
            soort=RTC,
            rtc_taak="Maaien",
        )
    assert set(fout.value.meldingen) == {"rtc_waarom_beter", "rtc_uitvoerders"}
    assert Initiatief.objects.count() == 0


def test_the_database_refuses_a_challenge_without_its_answers():
    with pytest.raises(IntegrityError), transaction.atomic():
        InitiatiefFactory(soort=RTC)


def test_the_link_from_the_info_page_preselects_right_to_challenge(client):
    html = client.get(URL + "?soort=right_to_challenge").content.decode()
    assert re.search(r'value="right_to_challenge"[^>]*checked', html)


def test_the_kernambtenaar_is_told_it_is_a_challenge_and_sees_the_answers(client, signed_in):
    kern = KernFactory()
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    initiatief = InitiatiefFactory(
        kern=kern,
        soort=RTC,
        rtc_taak="Maaien van het dorpsveld",
        rtc_waarom_beter="Vaker en goedkoper",
        rtc_uitvoerders="De speelvereniging",
        onbevestigd=True,
    )
    services.initiatief_bevestigen(initiatief_id=initiatief.pk)
    signed_in(ka)
    html = client.get(initiatief.get_medewerker_url()).content.decode()
    assert "Right to Challenge" in html and "De speelvereniging" in html
    lijst = client.get("/medewerker/initiatieven/?soort=right_to_challenge").content.decode()
    assert initiatief.titel in lijst


def test_the_public_page_shows_the_task_but_not_who_carries_it_out(client):
    initiatief = InitiatiefFactory(
        soort=RTC,
        status=InitiatiefStatus.TOEGEZEGD,
        rtc_taak="Maaien van het dorpsveld",
        rtc_waarom_beter="Vaker en goedkoper",
        rtc_uitvoerders="Jan en Marie de Vries",
    )
    html = client.get(initiatief.get_absolute_url()).content.decode()
    assert "Maaien van het dorpsveld" in html
    assert "Jan en Marie de Vries" not in html

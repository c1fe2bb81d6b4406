from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from core.fouten import Weigering
from core.links import LinkOngeldig, haal_object
from tests.factories import KernFactory, MedewerkerFactory, TeamFactory
from vragen import services
from vragen.constants import AntwoordSoort, Kanaal, RouteringSoort, VraagStatus
from vragen.models import Routering, Vraag

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def _token_uit_mail(bericht) -> str:
    regel = next(r for r in bericht.body.splitlines() if "/vragen/bevestigen/" in r)
    return regel.strip().rstrip("/").rsplit("/", 1)[-1]


def test_inwoner_question_gets_confirmation_mail_with_working_confirm_link(vraag_van):
    vraag = vraag_van()
    assert vraag.status == VraagStatus.NIEUW
    assert vraag.kanaal == Kanaal.PORTAAL
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jan@example.org"]
    token = _token_uit_mail(mail.outbox[0])
    assert (
        haal_object(token, soort=services.BEVESTIG_LINK.naam, queryset=Vraag.objects.all()) == vraag
    )
    # Sending the mail confirms nothing: only the button behind the link does.
    assert vraag.email_bevestigd_op is None


@pytest.mark.parametrize("tekst", ["", "   ", "x" * 5001])
def test_empty_or_too_long_text_is_refused(vraag_van, tekst):
    with pytest.raises(Weigering) as exc:
        vraag_van(tekst=tekst)
    assert "tekst" in exc.value.error_dict
    assert not Vraag.objects.exists()


def test_inactive_kern_is_refused(vraag_van):
    with pytest.raises(Weigering):
        vraag_van(kern=KernFactory(actief=False))


def test_kernambtenaar_registers_phone_question_with_channel_and_past_receipt(kern, kernambtenaar):
    ontvangen = datetime(2026, 3, 2, 16, 0, tzinfo=AMS)
    with time_machine.travel(datetime(2026, 3, 3, 9, 0, tzinfo=AMS), tick=False):
        vraag = services.vraag_registreren(
            door=kernambtenaar,
            kern=kern,
            kanaal=Kanaal.TELEFOON,
            onderwerp="Lantaarnpaal kapot",
            tekst="Lantaarnpaal bij de kerk brandt niet.",
            naam="Mevrouw Jansen",
            telefoon="0612345678",
            ontvangen_op=ontvangen,
        )
    assert vraag.kanaal == Kanaal.TELEFOON
    assert vraag.geregistreerd_door == kernambtenaar
    assert vraag.deadline == datetime(2026, 3, 9, 23, 59, 59, tzinfo=AMS)
    assert mail.outbox == []  # no email address: nothing to send


def test_kernambtenaar_cannot_register_for_another_kern(kernambtenaar, andere_kern):
    with pytest.raises(Weigering):
        services.vraag_registreren(
            door=kernambtenaar,
            kern=andere_kern,
            kanaal=Kanaal.STRAAT,
            onderwerp="x",
            tekst="y",
            naam="z",
        )


def test_rerouting_keeps_the_deadline_and_keeps_history(vraag_van, kernambtenaar, bm, andere_bm):
    vraag = vraag_van()
    deadline = vraag.deadline
    services.vraag_routeren(vraag_id=vraag.pk, door=kernambtenaar, behandelaar=bm, notitie="Graag")
    with time_machine.travel(timedelta(days=3)):
        vraag = services.vraag_routeren(
            vraag_id=vraag.pk, door=kernambtenaar, behandelaar=andere_bm
        )
    vraag.refresh_from_db()
    assert vraag.deadline == deadline
    assert vraag.behandelaar == andere_bm
    assert vraag.team == bm.team  # the team follows the person when none is chosen
    assert list(vraag.routeringen.values_list("behandelaar", "notitie")) == [
        (bm.pk, "Graag"),
        (andere_bm.pk, ""),
    ]
    assert mail.outbox[-1].to == [andere_bm.email]


def test_routing_to_an_inactive_user_is_refused(vraag_van, kernambtenaar, bm):
    vraag = vraag_van()
    bm.is_active = False
    bm.save()
    with pytest.raises(Weigering) as exc:
        services.vraag_routeren(vraag_id=vraag.pk, door=kernambtenaar, behandelaar=bm)
    assert "behandelaar" in exc.value.error_dict
    assert Vraag.objects.get().status == VraagStatus.NIEUW


def test_routing_needs_team_or_person_and_a_kernambtenaar_of_that_kern(vraag_van, kernambtenaar):
    vraag = vraag_van()
    with pytest.raises(Weigering):
        services.vraag_routeren(vraag_id=vraag.pk, door=kernambtenaar)
    vreemde = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[KernFactory()])
    with pytest.raises(Weigering):
        services.vraag_routeren(vraag_id=vraag.pk, door=vreemde, team=TeamFactory())


def test_hand_back_needs_a_reason_and_returns_it_to_the_kernambtenaar(doorgestuurd, bm):
    vraag = doorgestuurd()
    with pytest.raises(Weigering):
        services.vraag_teruggeven(vraag_id=vraag.pk, door=bm, reden="  ")
    vraag = services.vraag_teruggeven(vraag_id=vraag.pk, door=bm, reden="Hoort bij Verkeer")
    assert vraag.status == VraagStatus.TERUGGEGEVEN
    assert vraag.behandelaar is None
    laatste = vraag.routeringen.last()
    assert (laatste.soort, laatste.notitie) == (RouteringSoort.TERUGGEGEVEN, "Hoort bij Verkeer")
    assert "teruggegeven" in mail.outbox[-1].subject


def test_answering_a_question_routed_to_someone_else_is_refused(doorgestuurd, andere_bm):
    vraag = doorgestuurd()
    with pytest.raises(Weigering, match="niet aan u"):
        services.vraag_beantwoorden(
            vraag_id=vraag.pk, door=andere_bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Klaar"
        )


def test_team_member_may_answer_a_question_routed_to_the_team(vraag_van, kernambtenaar, team, bm):
    vraag = vraag_van()
    services.vraag_routeren(vraag_id=vraag.pk, door=kernambtenaar, team=team)
    services.vraag_beantwoorden(
        vraag_id=vraag.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Gerepareerd"
    )
    vraag.refresh_from_db()
    assert vraag.behandelaar == bm
    buiten_team = MedewerkerFactory(rollen=["beleidsmedewerker"], team=TeamFactory())
    vraag2 = vraag_van()
    services.vraag_routeren(vraag_id=vraag2.pk, door=kernambtenaar, team=team)
    with pytest.raises(Weigering):
        services.vraag_beantwoorden(
            vraag_id=vraag2.pk, door=buiten_team, soort=AntwoordSoort.INHOUDELIJK, tekst="x"
        )


def test_answering_twice_is_refused(doorgestuurd, bm):
    vraag = doorgestuurd()
    services.vraag_beantwoorden(
        vraag_id=vraag.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Gerepareerd"
    )
    with pytest.raises(Weigering, match="al beantwoord"):
        services.vraag_beantwoorden(
            vraag_id=vraag.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Nog eens"
        )
    vraag.refresh_from_db()
    assert vraag.antwoorden.count() == 1
    assert vraag.status == VraagStatus.BEANTWOORD
    assert vraag.deadline is None


def test_process_answer_meets_the_week_and_tracks_the_promised_date(doorgestuurd, bm):
    with time_machine.travel(datetime(2026, 6, 10, 10, 0, tzinfo=AMS), tick=False):
        vraag = doorgestuurd()
    with time_machine.travel(datetime(2026, 6, 12, 10, 0, tzinfo=AMS), tick=False):
        services.vraag_beantwoorden(
            vraag_id=vraag.pk,
            door=bm,
            soort=AntwoordSoort.PROCES,
            tekst="We laten de stoep herstellen.",
            toegezegd_op=date(2026, 7, 1),
        )
    vraag.refresh_from_db()
    assert vraag.status == VraagStatus.PROCESANTWOORD
    assert vraag.termijn_einde == datetime(2026, 6, 17, 23, 59, 59, tzinfo=AMS)
    assert vraag.deadline == datetime(2026, 7, 1, 23, 59, 59, tzinfo=AMS)
    assert vraag.termijn_volgnummer == 1
    assert vraag.eerste_antwoord_op == datetime(2026, 6, 12, 10, 0, tzinfo=AMS)
    assert "1 juli 2026" in mail.outbox[-1].body
    # then the content answer closes it, and the first-answer time stays
    with time_machine.travel(datetime(2026, 6, 30, 10, 0, tzinfo=AMS), tick=False):
        services.vraag_beantwoorden(
            vraag_id=vraag.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Hersteld."
        )
    vraag.refresh_from_db()
    assert vraag.status == VraagStatus.BEANTWOORD
    assert vraag.eerste_antwoord_op == datetime(2026, 6, 12, 10, 0, tzinfo=AMS)


@pytest.mark.parametrize("toegezegd", [None, "vandaag", "volgend-jaar"])
def test_process_answer_needs_a_future_date_within_a_year(doorgestuurd, bm, toegezegd):
    vraag = doorgestuurd()
    vandaag = date.today()  # noqa: DTZ011
    datum = {None: None, "vandaag": vandaag, "volgend-jaar": vandaag + timedelta(days=400)}[
        toegezegd
    ]
    with pytest.raises(Weigering) as exc:
        services.vraag_beantwoorden(
            vraag_id=vraag.pk, door=bm, soort=AntwoordSoort.PROCES, tekst="x", toegezegd_op=datum
        )
    assert "toegezegd_op" in exc.value.error_dict


def test_rating_after_answer_once_between_1_and_10(doorgestuurd, bm):
    vraag = doorgestuurd()
    with pytest.raises(Weigering):
        services.vraag_waarderen(vraag_id=vraag.pk, cijfer=8)
    services.vraag_beantwoorden(
        vraag_id=vraag.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Klaar"
    )
    for fout in (0, 11):
        with pytest.raises(Weigering):
            services.vraag_waarderen(vraag_id=vraag.pk, cijfer=fout)
    services.vraag_waarderen(vraag_id=vraag.pk, cijfer=8, toelichting="Snel geholpen")
    with pytest.raises(Weigering, match="al een cijfer"):
        services.vraag_waarderen(vraag_id=vraag.pk, cijfer=10)
    vraag.refresh_from_db()
    assert (vraag.waardering, vraag.waardering_toelichting) == (8, "Snel geholpen")


def test_new_personal_links_revoke_the_old_ones_once_used(vraag_van):
    vraag = vraag_van()
    oud = _token_uit_mail(mail.outbox[0])
    oud_persoonlijk = services.PERSOONLIJKE_LINK.url(vraag).rstrip("/").rsplit("/", 1)[-1]
    from core.hooks import persoonlijke_links

    links = persoonlijke_links(email="JAN@example.org")
    assert len(links) == 1 and "/vragen/mijn/" in links[0].url
    # Until the new link is opened the old one keeps working.
    assert haal_object(oud_persoonlijk, soort="vraag", queryset=Vraag.objects.all()) == vraag
    nieuw = links[0].url.rstrip("/").rsplit("/", 1)[-1]
    assert haal_object(nieuw, soort="vraag", queryset=Vraag.objects.all()) == vraag
    with pytest.raises(LinkOngeldig):
        haal_object(oud, soort=services.BEVESTIG_LINK.naam, queryset=Vraag.objects.all())
    with pytest.raises(LinkOngeldig):
        haal_object(oud_persoonlijk, soort="vraag", queryset=Vraag.objects.all())
    assert haal_object(nieuw, soort="vraag", queryset=Vraag.objects.all()) == vraag


def test_routing_history_is_never_edited(doorgestuurd):
    doorgestuurd()
    assert Routering.objects.count() == 1

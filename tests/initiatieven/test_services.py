import uuid
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.fouten import Weigering
from core.links import LinkOngeldig, haal_object
from initiatieven import rules, services
from initiatieven.constants import Actor
from initiatieven.constants import InitiatiefStatus as S
from initiatieven.models import Initiatief, Notitie, StatusWijziging
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import PDF_BYTES, PNG_BYTES, InitiatiefFactory

from .test_rules import LEGAL_STAFF_STEPS

pytestmark = pytest.mark.django_db


def _indienen(**overrides):
    kwargs = {
        "idempotentie_sleutel": uuid.uuid4(),
        "kern": overrides.pop("kern", None) or KernFactory(),
        "titel": "Jeu-de-boulesbaan",
        "omschrijving": "Een baan bij het dorpshuis.",
        "naam": "Anna de Boer",
        "email": "anna@voorbeeld.nl",
        "doelgroep": "Iedereen",
    }
    kwargs.update(overrides)
    return services.initiatief_indienen(**kwargs)


def _in_status(status, **kwargs):
    return InitiatiefFactory(status=status, **kwargs)


def test_submission_is_stored_unconfirmed_and_mails_a_confirmation_link(na_commit):
    with na_commit():
        initiatief, created = _indienen(hulp=["geld", "advies"], geld_indicatie=Decimal("250.00"))
    assert created
    assert not initiatief.is_bevestigd
    assert initiatief.hulp_geld and initiatief.hulp_advies and not initiatief.hulp_ruimte
    assert initiatief.geld_indicatie == Decimal("250.00")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["anna@voorbeeld.nl"]
    assert "/initiatieven/bevestigen/" in mail.outbox[0].body
    assert initiatief.bevestigingsmail is not None
    assert not StatusWijziging.objects.filter(initiatief=initiatief).exists()


def test_same_form_key_twice_creates_one_initiative_and_one_mail(na_commit):
    sleutel = uuid.uuid4()
    kern = KernFactory()
    with na_commit():
        first, created1 = _indienen(idempotentie_sleutel=sleutel, kern=kern)
    with na_commit():
        second, created2 = _indienen(idempotentie_sleutel=sleutel, kern=kern)
    assert (created1, created2) == (True, False)
    assert first.pk == second.pk
    assert Initiatief.objects.count() == 1
    assert len(mail.outbox) == 1


def test_money_amount_is_ignored_without_money_help():
    initiatief, _ = _indienen(hulp=["advies"], geld_indicatie=Decimal("99"))
    assert initiatief.geld_indicatie is None


def test_submission_refuses_a_disguised_file():
    nep = SimpleUploadedFile("foto.jpg", PDF_BYTES, content_type="image/jpeg")
    with pytest.raises(ValidationError, match="past niet bij de naam"):
        _indienen(bijlagen=[nep])
    assert Initiatief.objects.count() == 0


def test_submission_stores_real_type_of_attachments():
    initiatief, _ = _indienen(
        bijlagen=[SimpleUploadedFile("plan.png", PNG_BYTES, content_type="text/plain")]
    )
    (bijlage,) = initiatief.bijlagen.all()
    assert bijlage.content_type == "image/png"
    assert bijlage.oorspronkelijke_naam == "plan.png"
    assert "plan" not in bijlage.bestand.name  # stored under a random name


def test_confirming_records_ingediend_with_date_and_mails_personal_link_and_staff(na_commit):
    kern = KernFactory()
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    with na_commit():
        initiatief, _ = _indienen(kern=kern)
    mail.outbox.clear()
    with na_commit():
        initiatief, nieuw = services.initiatief_bevestigen(initiatief_id=initiatief.pk)
    assert nieuw and initiatief.is_bevestigd
    (stap,) = initiatief.statuswijzigingen.all()
    assert (stap.van_status, stap.naar_status, stap.actor) == ("", S.INGEDIEND, Actor.INWONER)
    assert stap.op is not None
    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == sorted(["anna@voorbeeld.nl", ka.email])
    inwoner_mail = next(m for m in mail.outbox if m.to == ["anna@voorbeeld.nl"])
    assert "/initiatieven/mijn/" in inwoner_mail.body


def test_confirming_twice_changes_nothing(na_commit):
    initiatief, _ = _indienen()
    services.initiatief_bevestigen(initiatief_id=initiatief.pk)
    mail.outbox.clear()
    with na_commit():
        _, nieuw = services.initiatief_bevestigen(initiatief_id=initiatief.pk)
    assert not nieuw
    assert StatusWijziging.objects.filter(initiatief=initiatief).count() == 1
    assert mail.outbox == []


@pytest.mark.parametrize(("van", "naar"), LEGAL_STAFF_STEPS)
def test_every_legal_staff_step_is_recorded_with_actor_and_mails_the_inwoner(na_commit, van, naar):
    medewerker = MedewerkerFactory(rollen=["kernambtenaar"])
    initiatief = _in_status(van)
    mail.outbox.clear()
    with na_commit():
        services.initiatief_status_wijzigen(
            initiatief_id=initiatief.pk,
            naar=naar,
            actor=Actor.MEDEWERKER,
            door=medewerker,
            toelichting="Uitleg voor de inwoner",
        )
    initiatief.refresh_from_db()
    assert initiatief.status == naar
    stap = initiatief.statuswijzigingen.last()
    assert (stap.van_status, stap.naar_status) == (van, naar)
    assert stap.actor == Actor.MEDEWERKER and stap.door == medewerker
    assert stap.toelichting == "Uitleg voor de inwoner"
    assert [m.to for m in mail.outbox] == [[initiatief.email]]
    assert "Uitleg voor de inwoner" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.INGEDIEND, S.TOEGEZEGD),
        (S.INGEDIEND, S.AFGEWEZEN),
        (S.TOEGEZEGD, S.AFGEWEZEN),
        (S.AFGEWEZEN, S.TOEGEZEGD),
        (S.INGETROKKEN, S.IN_BEHANDELING),
        (S.AFGEROND, S.IN_BEHANDELING),
        (S.UITGEVOERD, S.TOEGEZEGD),
    ],
)
def test_service_refuses_illegal_steps_and_changes_nothing(van, naar):
    initiatief = _in_status(van)
    mail.outbox.clear()
    with pytest.raises(Weigering):
        services.initiatief_status_wijzigen(
            initiatief_id=initiatief.pk,
            naar=naar,
            actor=Actor.MEDEWERKER,
            door=MedewerkerFactory(),
            toelichting="x",
        )
    initiatief.refresh_from_db()
    assert initiatief.status == van
    assert initiatief.statuswijzigingen.count() == 1
    assert mail.outbox == []


def test_rejection_without_reason_is_refused():
    initiatief = _in_status(S.IN_BEHANDELING)
    with pytest.raises(Weigering):
        services.initiatief_status_wijzigen(
            initiatief_id=initiatief.pk,
            naar=S.AFGEWEZEN,
            actor=Actor.MEDEWERKER,
            door=MedewerkerFactory(),
        )


def test_unconfirmed_initiative_cannot_be_handled():
    initiatief = InitiatiefFactory(onbevestigd=True)
    with pytest.raises(Weigering, match="niet bevestigd"):
        services.initiatief_status_wijzigen(
            initiatief_id=initiatief.pk,
            naar=S.IN_BEHANDELING,
            actor=Actor.MEDEWERKER,
            door=MedewerkerFactory(),
        )


def test_inwoner_can_withdraw_but_not_after_execution():
    initiatief = _in_status(S.TOEGEZEGD)
    services.initiatief_intrekken(initiatief_id=initiatief.pk, toelichting="Verhuisd")
    initiatief.refresh_from_db()
    assert initiatief.status == S.INGETROKKEN
    stap = initiatief.statuswijzigingen.last()
    assert stap.actor == Actor.INWONER and stap.door is None
    uitgevoerd = _in_status(S.UITGEVOERD)
    with pytest.raises(Weigering):
        services.initiatief_intrekken(initiatief_id=uitgevoerd.pk)


def test_adding_information_when_asked_moves_back_to_in_behandeling():
    initiatief = _in_status(S.INFORMATIE_GEVRAAGD)
    services.initiatief_aanvullen(initiatief_id=initiatief.pk, tekst="Hier is de tekening.")
    initiatief.refresh_from_db()
    assert initiatief.status == S.IN_BEHANDELING
    assert initiatief.berichten.get().afzender == "inwoner"
    assert initiatief.statuswijzigingen.last().actor == Actor.INWONER


def test_adding_information_respects_the_total_file_limit():
    initiatief = _in_status(S.IN_BEHANDELING)
    bestanden = [SimpleUploadedFile(f"{i}.png", PNG_BYTES) for i in range(rules.MAX_BIJLAGEN + 1)]
    with pytest.raises(ValidationError):
        services.initiatief_aanvullen(initiatief_id=initiatief.pk, tekst="x", bijlagen=bestanden)
    assert initiatief.berichten.count() == 0


def test_completing_keeps_the_report_and_photos():
    initiatief = _in_status(S.UITGEVOERD)
    services.initiatief_status_wijzigen(
        initiatief_id=initiatief.pk,
        naar=S.AFGEROND,
        actor=Actor.MEDEWERKER,
        door=MedewerkerFactory(),
        toelichting="Dank voor uw inzet.",
        verslag="Het was een mooie dag.",
        fotos=[SimpleUploadedFile("dag.png", PNG_BYTES)],
    )
    initiatief.refresh_from_db()
    assert initiatief.verslag == "Het was een mooie dag."
    assert initiatief.bijlagen.get().soort == "verslag"


def test_assigning_a_colleague_records_a_note_and_mails_them(na_commit):
    kern = KernFactory()
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    collega = MedewerkerFactory(rollen=["kernambtenaar"])
    beleid = MedewerkerFactory(rollen=["beleidsmedewerker"])
    initiatief = InitiatiefFactory(kern=kern)
    mail.outbox.clear()
    with na_commit():
        services.initiatief_toewijzen(
            initiatief_id=initiatief.pk, door=ka, toegewezen_aan=collega, beleidsmedewerker=beleid
        )
    initiatief.refresh_from_db()
    assert initiatief.toegewezen_aan == collega and initiatief.beleidsmedewerker == beleid
    assert Notitie.objects.filter(initiatief=initiatief, auteur=ka).count() == 1
    assert sorted(m.to[0] for m in mail.outbox) == sorted([collega.email, beleid.email])


def test_only_a_kernambtenaar_can_be_assigned():
    with pytest.raises(ValidationError):
        services.initiatief_toewijzen(
            initiatief_id=InitiatiefFactory().pk,
            door=MedewerkerFactory(),
            toegewezen_aan=MedewerkerFactory(rollen=["beleidsmedewerker"]),
        )


def test_new_personal_links_revoke_the_old_ones_once_used():
    initiatief = InitiatiefFactory(email="Piet@Voorbeeld.nl")
    InitiatiefFactory(email="piet@voorbeeld.nl", onbevestigd=True)
    oud = services.persoonlijke_link(initiatief).rsplit("/mijn/", 1)[1].strip("/")
    (vernieuwd,) = services.persoonlijke_links_vernieuwen(email="piet@voorbeeld.nl")
    nieuw = services.persoonlijke_link(vernieuwd).rsplit("/mijn/", 1)[1].strip("/")
    qs = Initiatief.objects.all()
    naam = services.PERSOONLIJKE_LINK.naam
    # Asking revokes nothing; opening the new link does.
    assert haal_object(oud, soort=naam, queryset=qs).pk == initiatief.pk
    assert haal_object(nieuw, soort=naam, queryset=qs).pk == initiatief.pk
    with pytest.raises(LinkOngeldig):
        haal_object(oud, soort=naam, queryset=qs)
    assert haal_object(nieuw, soort=naam, queryset=qs).pk == initiatief.pk


def test_story_only_for_completed_initiatives():
    door = MedewerkerFactory()
    velden = {
        "titel": "Samen bankjes bouwen",
        "thema": "ontmoeten",
        "samenvatting": "Bankjes",
        "wat_werkte": "Samen",
        "publiceren": True,
    }
    with pytest.raises(Weigering):
        services.verhaal_opslaan(initiatief_id=_in_status(S.UITGEVOERD).pk, door=door, **velden)
    verhaal = services.verhaal_opslaan(initiatief_id=_in_status(S.AFGEROND).pk, door=door, **velden)
    assert verhaal.gepubliceerd_op is not None
    verhaal = services.verhaal_opslaan(
        initiatief_id=verhaal.initiatief_id, door=door, **{**velden, "publiceren": False}
    )
    assert verhaal.gepubliceerd_op is None


def test_status_since_moves_with_each_step():
    initiatief = _in_status(S.INGEDIEND)
    voor = timezone.now()
    services.initiatief_status_wijzigen(
        initiatief_id=initiatief.pk,
        naar=S.IN_BEHANDELING,
        actor=Actor.MEDEWERKER,
        door=MedewerkerFactory(),
        toelichting="Wij bekijken het.",
    )
    initiatief.refresh_from_db()
    assert initiatief.status_sinds >= voor

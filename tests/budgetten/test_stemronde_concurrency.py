"""On real PostgreSQL: dividing a round at the same moment as another grant from the same
kern budget, and dividing twice at once, never exceeds the cap and divides only once."""

import datetime
from decimal import Decimal

import pytest
from django.utils.timezone import localdate

from budgetten import services
from budgetten.constants import RegelingCode, StemrondeFase
from budgetten.models import Budgetpost, Stembiljet
from budgetten.regels import CRITERIA
from core.fouten import Weigering
from tests.budgetten.factories import (
    AanvraagFactory,
    StemrondeFactory,
    adres_in,
    seed_regelingen,
)
from tests.budgetten.test_concurrency import _parallel
from tests.factories import KernFactory, MedewerkerFactory

D = Decimal
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ALLES_JA = dict.fromkeys(CRITERIA[RegelingCode.LEEFBAARHEID], True)


def test_parallel_division_and_grant_keep_the_cap_and_divide_once():
    seed_regelingen(localdate().year)
    for _ in range(3):
        kern = KernFactory()
        door = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
        ronde = StemrondeFactory(kern=kern, aangemaakt_door=door)
        kandidaten = []
        for _i in range(2):
            a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("900"))
            kandidaten.append(
                services.kandidaat_beoordelen(
                    stemronde_id=ronde.pk,
                    aanvraag_id=a.pk,
                    door=door,
                    toelaten=True,
                    titel=a.titel,
                    omschrijving="x",
                )
            )
        services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=door)
        biljet = services.stem_uitbrengen(
            stemronde_id=ronde.pk,
            email="v@example.org",
            kandidaat_ids=[k.pk for k in kandidaten],
            **adres_in(kern),
        )
        services.stem_bevestigen(stembiljet_id=biljet.pk)
        services.stemronde_fase_wijzigen(
            stemronde_id=ronde.pk,
            naar=StemrondeFase.GESLOTEN,
            door=door,
            vandaag=localdate() + datetime.timedelta(days=15),
        )
        # Arrived after the round opened, so not a candidate: decided one by one.
        los = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("900"))

        def verdelen(ronde=ronde, door=door):
            services.stemronde_fase_wijzigen(
                stemronde_id=ronde.pk, naar=StemrondeFase.VERDEELD, door=door
            )

        def los_toekennen(los=los, door=door):
            services.aanvraag_besluiten(
                aanvraag_id=los.pk, door=door, toekennen=True, bedrag=D("900"), motivering=""
            )

        uitkomsten = _parallel([verdelen, verdelen, los_toekennen])
        assert uitkomsten[:2].count("ok") == 1, uitkomsten
        assert all(u == "ok" or isinstance(u, Weigering) for u in uitkomsten), uitkomsten
        post = Budgetpost.objects.get(regeling__code=RegelingCode.LEEFBAARHEID, kern=kern)
        assert post.vastgelegd <= D("2000")
        # 3 x 900 asked, 2000 free: exactly two of them got money, whatever the order.
        assert post.vastgelegd == D("1800")


def test_parallel_ballots_for_one_address_give_one_ballot():
    """Four residents of one address vote at the same moment (online and on paper): the round
    lock makes exactly one of them count; the others get the clear refusal."""
    seed_regelingen(localdate().year)
    kern = KernFactory()
    door = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    ronde = StemrondeFactory(kern=kern, aangemaakt_door=door)
    a = AanvraagFactory(kern=kern, criteria=ALLES_JA, gevraagd_bedrag=D("300"))
    k = services.kandidaat_beoordelen(
        stemronde_id=ronde.pk,
        aanvraag_id=a.pk,
        door=door,
        toelaten=True,
        titel="x",
        omschrijving="x",
    )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=door)

    def online(i):
        return lambda: services.stem_uitbrengen(
            stemronde_id=ronde.pk,
            email=f"bewoner{i}@example.org",
            kandidaat_ids=[k.pk],
            **adres_in(kern, 9, "b"),
        )

    def papier():
        services.papieren_stem_invoeren(
            stemronde_id=ronde.pk, door=door, kandidaat_ids=[k.pk], **adres_in(kern, 9, "B")
        )

    uitkomsten = _parallel([online(1), online(2), online(3), papier])
    assert uitkomsten.count("ok") == 1, uitkomsten
    weigeringen = [u for u in uitkomsten if isinstance(u, Weigering)]
    assert len(weigeringen) == 3 and all("al gestemd" in str(w) for w in weigeringen)
    assert Stembiljet.objects.filter(stemronde=ronde).count() == 1

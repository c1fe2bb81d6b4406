"""Data for the open-data API tests: every public resource, each row carrying a resident's
name, e-mail address and phone number where the model has them, so a test can search every
response for them (`GEHEIM`)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from budgetten.constants import (
    AanvraagStatus,
    DeclaratieStatus,
    KandidaatStatus,
    KandidaatUitkomst,
    RegelingCode,
    StemrondeFase,
)
from budgetten.models import Kandidaat, Stembiljet
from initiatieven.constants import InitiatiefStatus, Thema
from initiatieven.models import Verhaal
from participatie.constants import Ladder, TrajectStatus
from tests.budgetten.factories import (
    AanvraagFactory,
    DeclaratieFactory,
    SignaleringsgroepFactory,
    StemrondeFactory,
    regeling,
    seed_regelingen,
)
from tests.factories import KernFactory, MedewerkerFactory
from tests.initiatieven.factories import InitiatiefFactory
from tests.participatie.factories import AanmeldingFactory, BijeenkomstFactory, TrajectFactory
from tests.vragen.factories import VraagFactory

# What must never appear in any response: the residents' personal data made below, and the
# meeting's video link and dial-in number.
GEHEIM_NAMEN: list[str] = []
GEHEIM_ADRESSEN: list[str] = []
GEHEIM_TELEFOONS: list[str] = []
VIDEOLINK = "https://video.example/geheim-overleg"
INBELNUMMER = "0344 999 888"


def _inwoner(soort: str, n: int) -> dict[str, str]:
    naam = f"Xandrina {soort.capitalize()}geheim{n}"
    email = f"{soort}.geheim{n}@inwoner.example"
    telefoon = f"06-7{n:03d}{len(soort):04d}"
    GEHEIM_NAMEN.append(naam)
    GEHEIM_ADRESSEN.append(email)
    GEHEIM_TELEFOONS.append(telefoon)
    return {"naam": naam, "email": email, "telefoon": telefoon}


def bouw(n: int, *, start: int = 0) -> None:
    """n of every public resource (numbered from `start`, so a second call adds more)."""
    nu = timezone.now()
    jaar = timezone.localdate().year
    beheerder = MedewerkerFactory(rollen=["kernambtenaar"])
    # The amounts of earlier years too, so the regelingen grow with the data.
    seed_regelingen(jaar, *(jaar - 1 - i for i in range(start, start + n)))
    for i in range(start, start + n):
        kern = KernFactory(kernprofiel=f"Een dorp aan de Linge ({i}).", inwonertal=1000 + i)
        initiatief = InitiatiefFactory(
            kern=kern, status=InitiatiefStatus.AFGEROND, **_inwoner("initiatief", i)
        )
        Verhaal.objects.create(
            initiatief=initiatief,
            titel=f"Verhaal {i}",
            thema=Thema.ONTMOETEN,
            samenvatting="Samen de dijk opgeruimd.",
            wat_werkte="Vroeg beginnen.",
            gepubliceerd_op=nu,
        )
        InitiatiefFactory(kern=kern, status=InitiatiefStatus.TOEGEZEGD, **_inwoner("toezeg", i))
        # A decided aanvraag of every regeling of a kern, and one refused.
        for code, status in (
            (RegelingCode.LEEFBAARHEID, AanvraagStatus.TOEGEKEND),
            (RegelingCode.BIJZONDER, AanvraagStatus.TOEGEKEND),
            (RegelingCode.STRAATBIJEENKOMST, AanvraagStatus.AFGEWEZEN),
        ):
            AanvraagFactory(
                regeling=regeling(code),
                kern=kern,
                status=status,
                toegekend_bedrag=Decimal("400.00") if status == AanvraagStatus.TOEGEKEND else None,
                besluit_op=nu,
                motivering=f"Het college steunt dit plan ({i}).",
                straat="Geheimstraat 12",
                **_inwoner(f"aanvraag{code[:4]}", i),
            )
        DeclaratieFactory(
            groep=SignaleringsgroepFactory(
                kernen=[kern],
                contactpersoon=_inwoner("groep", i)["naam"],
                contact_email=GEHEIM_ADRESSEN[-1],
            ),
            status=DeclaratieStatus.GOEDGEKEURD,
            beoordeeld_op=nu,
            beoordeeld_door=beheerder,
        )
        traject = TrajectFactory(
            kernen=[kern],
            status=TrajectStatus.LOPEND,
            ladder=Ladder.INFORMEREN,
            minder_betrokken=True,
            minder_betrokken_reden="De wet laat geen ruimte voor keuzes.",
        )
        for dagen in (-30, 14):
            bijeenkomst = BijeenkomstFactory(
                kern=kern,
                traject=traject,
                begint_op=nu + datetime.timedelta(days=dagen),
                eindigt_op=nu + datetime.timedelta(days=dagen, hours=1),
                videolink=VIDEOLINK,
                telefoon=INBELNUMMER,
            )
            AanmeldingFactory(bijeenkomst=bijeenkomst, **_inwoner(f"aanmelding{dagen}", i))
        VraagFactory(kern=kern, **_inwoner("vraag", i))
        ronde = StemrondeFactory(
            kern=kern,
            jaar=jaar,
            fase=StemrondeFase.VERDEELD,
            aangemaakt_door=beheerder,
            verdeeld_op=nu,
        )
        aanvraag = AanvraagFactory(
            regeling=regeling(RegelingCode.LEEFBAARHEID), kern=kern, **_inwoner("kandidaat", i)
        )
        kandidaat = Kandidaat.objects.create(
            stemronde=ronde,
            aanvraag=aanvraag,
            status=KandidaatStatus.TOEGELATEN,
            titel=f"Bankje bij de kerk {i}",
            omschrijving="Een bankje om even te zitten.",
            gevraagd_bedrag=Decimal("300.00"),
            beoordeeld_door=beheerder,
            stemmen=2,
            plaats=1,
            uitkomst=KandidaatUitkomst.TOEGEKEND,
            toegekend_bedrag=Decimal("300.00"),
        )
        biljet = Stembiljet.objects.create(
            stemronde=ronde, email=_inwoner("stem", i)["email"], bevestigd_op=nu
        )
        biljet.steunt.add(kandidaat)


def geheimen() -> list[str]:
    return [*GEHEIM_NAMEN, *GEHEIM_ADRESSEN, *GEHEIM_TELEFOONS, VIDEOLINK, INBELNUMMER]

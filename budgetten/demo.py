"""Demo applications in different states. Loaded only by `make run` (DEBUG), never in production."""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import Medewerker
from kernen.models import Kern, Signaleringsgroep

from . import services
from .constants import KostenCategorie, RegelingCode, StemrondeFase
from .models import Aanvraag, Declaratie, Regeling
from .regels import CRITERIA
from .seed import seed

D = Decimal


def _alles_ja(code: str) -> dict[str, bool]:
    return dict.fromkeys(CRITERIA.get(code, {}), True)


def load() -> None:
    if Aanvraag.objects.exists():
        return
    vandaag = timezone.localdate()
    seed(vandaag.year)
    seed(vandaag.year + 1)
    kernen = {k.slug: k for k in Kern.objects.all()}
    if not kernen:
        return
    ingen = kernen.get("ingen") or next(iter(kernen.values()))
    zoelen = kernen.get("zoelen") or ingen
    maurik = kernen.get("maurik") or ingen
    ambtenaar = Medewerker.objects.filter(username="kernambtenaar").first()
    coordinator = Medewerker.objects.filter(username="coordinator").first()
    regeling = {r.code: r for r in Regeling.objects.all()}
    datum = vandaag + datetime.timedelta(days=21)

    def indienen(code, kern, titel, email, **kw):
        a = services.aanvraag_indienen(
            regeling=regeling[code],
            kern=kern,
            naam=kw.pop("naam", "Demo Inwoner"),
            email=email,
            titel=titel,
            omschrijving=kw.pop("omschrijving", "Een activiteit voor de hele buurt."),
            activiteit_datum=kw.pop("activiteit_datum", datum),
            criteria=_alles_ja(code),
            **kw,
        )
        return services.aanvraag_bevestigen(aanvraag_id=a.pk)

    straat = indienen(
        RegelingCode.STRAATBIJEENKOMST,
        ingen,
        "Burendag Molenstraat",
        "molenstraat@example.org",
        straat="Molenstraat",
        activiteit_soort="burendag",
        doelgroep="iedereen",
        kostenposten=[
            services.NieuweKostenpost(KostenCategorie.SPELMATERIAAL, "Springkussen", D("85.00")),
            services.NieuweKostenpost(KostenCategorie.VERSIERING, "Vlaggetjes", D("25.00")),
            services.NieuweKostenpost(KostenCategorie.DRINKEN, "Limonade", D("30.00")),
        ],
    )
    leef1 = indienen(
        RegelingCode.LEEFBAARHEID,
        ingen,
        "Jeu-de-boulesbaan bij het dorpshuis",
        "boules@example.org",
        gevraagd_bedrag=D("1200.00"),
        draagvlak="Dertig handtekeningen en de dorpsraad.",
    )
    bloemen = indienen(
        RegelingCode.LEEFBAARHEID,
        zoelen,
        "Bloembakken in de Dorpsstraat",
        "bloemen@example.org",
        gevraagd_bedrag=D("350.00"),
        draagvlak="De winkeliers en de buren.",
    )
    bijzonder = indienen(
        RegelingCode.BIJZONDER,
        maurik,
        "Repair café voor de hele gemeente",
        "repair@example.org",
        gevraagd_bedrag=D("2500.00"),
    )
    indienen(
        RegelingCode.BIJZONDER,
        zoelen,
        "Dorpsfilm over honderd jaar Zoelen",
        "film@example.org",
        gevraagd_bedrag=D("1800.00"),
    )
    if ambtenaar:
        services.aanvraag_besluiten(
            aanvraag_id=straat.pk,
            door=ambtenaar,
            toekennen=True,
            bedrag=D("100.00"),
            motivering="Past bij de regeling.",
        )
        services.aanvraag_besluiten(
            aanvraag_id=leef1.pk,
            door=ambtenaar,
            toekennen=True,
            bedrag=D("1000.00"),
            motivering="De verlichting betaalt de dorpsraad.",
        )
        services.aanvraag_betalen(aanvraag_id=leef1.pk, door=ambtenaar, bedrag=D("1000.00"))
        services.aanvraag_adviseren(
            aanvraag_id=bijzonder.pk,
            door=ambtenaar,
            advies="Positief: het café bereikt inwoners uit alle kernen.",
            bedrag=D("2000.00"),
        )
        _stemronde(zoelen, ambtenaar, bloemen, indienen, datum)
    groepen = list(Signaleringsgroep.objects.all()[:2])
    if coordinator and groepen and not Declaratie.objects.exists():
        from django.core.files.base import ContentFile

        pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
        services.declaratie_indienen(
            groep=groepen[0],
            door=coordinator,
            datum=vandaag,
            omschrijving="Zaklampen en hesjes",
            bedrag=D("128.40"),
            bon=ContentFile(pdf, name="bon.pdf"),
            bon_extensie="pdf",
        )


def _stemronde(kern, ambtenaar, bloemen, indienen, datum) -> None:
    """An open voting round in Zoelen with two initiatives and one confirmed vote."""
    speeltuin = indienen(
        RegelingCode.LEEFBAARHEID,
        kern,
        "Nieuw klimrek in de speeltuin",
        "speeltuin@example.org",
        gevraagd_bedrag=D("1200.00"),
        draagvlak="De ouderraad van de school en veertig buren.",
    )
    vandaag = timezone.localdate()
    ronde = services.stemronde_aanmaken(
        kern=kern,
        jaar=datum.year,
        stemmen_van=vandaag,
        stemmen_tot=min(vandaag + datetime.timedelta(days=14), datetime.date(datum.year, 12, 31)),
        toelichting="Bekijk de plannen ook in het dorpshuis.",
        door=ambtenaar,
    )
    for aanvraag, omschrijving in (
        (bloemen, "Bloembakken met vaste planten langs de Dorpsstraat."),
        (speeltuin, "Een nieuw klimrek voor kinderen tot 12 jaar in de speeltuin."),
    ):
        services.kandidaat_beoordelen(
            stemronde_id=ronde.pk,
            aanvraag_id=aanvraag.pk,
            door=ambtenaar,
            toelaten=True,
            titel=aanvraag.titel,
            omschrijving=omschrijving,
        )
    services.stemronde_fase_wijzigen(stemronde_id=ronde.pk, naar=StemrondeFase.OPEN, door=ambtenaar)
    biljet = services.stem_uitbrengen(
        stemronde_id=ronde.pk,
        email="stemmer@example.org",
        kandidaat_ids=list(ronde.kandidaten.values_list("pk", flat=True)),
        postcode="4011 AB",  # inside Zoelen's seeded range
        huisnummer=7,
    )
    services.stem_bevestigen(stembiljet_id=biljet.pk)

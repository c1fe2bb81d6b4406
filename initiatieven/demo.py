"""Demo initiatives in every state, made through the services so the history is real.
Loaded by `manage.py demo_data` (DEBUG only). Idempotent: skipped when the titles exist."""

import uuid
from decimal import Decimal

from accounts.models import Medewerker
from kernen.models import Kern

from . import services
from .constants import Actor
from .constants import InitiatiefStatus as S
from .models import Initiatief

# title, kern slug, steps after confirmation (status, explanation), help asked, first name shown
DEMO = [
    ("Jeu-de-boulesbaan bij het dorpshuis", "ingen", [], ["geld", "ruimte"], True),
    (
        "Bloembakken in de Dorpsstraat",
        "zoelen",
        [(S.IN_BEHANDELING, "Wij bekijken uw idee en nemen contact met u op.")],
        ["advies", "vergunning"],
        False,
    ),
    (
        "Buurtmoestuin achter de school",
        "ravenswaaij",
        [
            (S.IN_BEHANDELING, "Wij bekijken uw idee en nemen contact met u op."),
            (S.INFORMATIE_GEVRAAGD, "Heeft de school al ja gezegd?"),
        ],
        ["contacten"],
        True,
    ),
    (
        "Bankjes langs de Linge",
        "ingen",
        [
            (S.IN_BEHANDELING, "Wij bekijken uw idee en nemen contact met u op."),
            (S.TOEGEZEGD, "De bankjes komen in het voorjaar."),
        ],
        ["geld"],
        True,
    ),
    (
        "Kerstmarkt op het plein",
        "lienden",
        [
            (S.IN_BEHANDELING, "Wij bekijken uw idee en nemen contact met u op."),
            (S.TOEGEZEGD, "Wij helpen u graag verder."),
            (S.UITGEVOERD, "Fijn dat het gelukt is."),
        ],
        ["publiciteit"],
        False,
    ),
    (
        "Opschoondag langs de dijk",
        "maurik",
        [
            (S.IN_BEHANDELING, "Wij bekijken uw idee en nemen contact met u op."),
            (S.TOEGEZEGD, "Wij helpen u graag verder."),
            (S.UITGEVOERD, "Fijn dat het gelukt is."),
            (S.AFGEROND, "Dank voor uw inzet voor de kern."),
        ],
        ["publiciteit", "advies"],
        True,
    ),
    (
        "Vuurwerkshow op oudejaarsavond",
        "beusichem",
        [
            (S.IN_BEHANDELING, "Wij bekijken uw idee en nemen contact met u op."),
            (S.AFGEWEZEN, "Vuurwerk past niet in de regels voor dit budget."),
        ],
        ["geld"],
        False,
    ),
]


def load() -> None:
    kernambtenaar = Medewerker.objects.filter(username="kernambtenaar").first()
    for n, (titel, kern_slug, stappen, hulp, voornaam) in enumerate(DEMO):
        kern = Kern.objects.filter(slug=kern_slug).first()
        if kern is None or Initiatief.objects.filter(titel=titel).exists():
            continue
        initiatief, _ = services.initiatief_indienen(
            idempotentie_sleutel=uuid.uuid4(),
            kern=kern,
            titel=titel,
            omschrijving=f"{titel}: een idee van inwoners om de kern gezelliger te maken.",
            naam=f"Demo Inwoner{n}",
            email=f"inwoner{n}@voorbeeld.nl",
            doelgroep="Alle inwoners van de kern",
            hulp=hulp,
            geld_indicatie=Decimal("350.00") if "geld" in hulp else None,
            voornaam_tonen=voornaam,
        )
        services.initiatief_bevestigen(initiatief_id=initiatief.pk)
        for status, toelichting in stappen:
            services.initiatief_status_wijzigen(
                initiatief_id=initiatief.pk,
                naar=status,
                actor=Actor.MEDEWERKER,
                door=kernambtenaar or Medewerker.objects.first(),
                toelichting=toelichting,
                verslag="Veertig inwoners deden mee." if status == S.AFGEROND else "",
            )
        if stappen and stappen[-1][0] == S.AFGEROND:
            services.verhaal_opslaan(
                initiatief_id=initiatief.pk,
                door=kernambtenaar,
                titel="Samen de dijk schoon",
                thema="duurzaamheid",
                samenvatting="Inwoners ruimden op een zaterdag samen zwerfafval op.",
                wat_werkte="Een vaste verzamelplek en koffie na afloop.",
                wat_niet="De aankondiging kwam laat in het dorpsblad.",
                waarom="Begin vroeg met publiciteit via de kanalen van de kern.",
                publiceren=True,
            )
    # An unconfirmed one, so the expiry task has something to do after 7 days.
    if not Initiatief.objects.filter(titel="Speeltoestel voor peuters").exists():
        kern = Kern.objects.filter(slug="zoelmond").first()
        if kern is not None:
            services.initiatief_indienen(
                idempotentie_sleutel=uuid.uuid4(),
                kern=kern,
                titel="Speeltoestel voor peuters",
                omschrijving="Nog niet bevestigd door de inwoner.",
                naam="Demo Onbevestigd",
                email="onbevestigd@voorbeeld.nl",
            )

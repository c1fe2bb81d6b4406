"""Demo data for the kernen app: a few channels in the communication toolbox, and the
kernprofiel and fase of the three pilot kernen (the first kernambtenaren, 2019-2020)."""

# ruff: noqa: E501

import datetime

from django.utils import timezone

from .constants import ConvenantStatus, Fase, KanaalSoort
from .models import Kanaal, Kern, Organisatie
from .services import kernprofiel_opslaan

KANALEN = [
    ("lienden", "Lichtkrant Lienden", KanaalSoort.LICHTKRANT, "Iedereen die door de dorpskern rijdt", "Ondernemersvereniging Lienden"),
    ("lienden", "Hulppunt Lienden", KanaalSoort.HULPPUNT, "Vooral ouderen en mantelzorgers", "Spreekuur op dinsdag in het dorpshuis"),
    ("lienden", "Bewonersvereniging Lienden", KanaalSoort.VERENIGING, "Ca. 300 leden", "Secretaris via de kernambtenaar"),
    ("ingen", "Dorpskrant Ingen", KanaalSoort.DORPSKRANT, "Alle ca. 900 huishoudens, maandelijks", "Redactie dorpskrant"),
    ("ingen", "WhatsApp-groep Ingen-Oost", KanaalSoort.WHATSAPP, "Ca. 120 deelnemers", "Beheerder via signaleringsgroep"),
    ("zoelen", "Dorpshuis Zoelen", KanaalSoort.DORPSHUIS, "Prikbord en activiteiten", "Beheerder dorpshuis"),
    ("maurik", "Facebookpagina Maurik", KanaalSoort.SOCIAL_MEDIA, "Ca. 2.000 volgers", "Vereniging Dorpsbelang Maurik"),
]  # fmt: skip


# Made-up but plausible profiles: what is going on, who is active, what residents want.
PILOT_PROFIELEN = {
    "ingen": {
        "kernprofiel": "Dorp aan de Nederrijn met veel fruitteelt en een hechte dorpsgemeenschap.",
        "wat_speelt_er": "Te hard rijden op de Utrechtsestraat, weinig plek voor jongeren en de toekomst van het dorpshuis.",
        "actieve_groepen": "Dorpshuiscommissie, Oranjevereniging, de jeugdsoos en de signaleringsgroep Ingen.",
        "wensen": "Een veilige oversteek bij de school, een ontmoetingsplek voor jongeren en meer activiteiten voor ouderen.",
        "startbijeenkomst_op": datetime.date(2019, 10, 8),
        "fase": Fase.UITVOEREN,
        "fase_sinds": datetime.date(2020, 3, 1),
    },
    "zoelen": {
        "kernprofiel": "Groen dorp bij Tiel met landgoederen, boomgaarden en een eigen dorpshuis.",
        "wat_speelt_er": "Parkeren rond de kerk, zwerfafval langs de dijk en het onderhoud van de speelplaatsen.",
        "actieve_groepen": "Dorpshuis Zoelen, de speeltuinvereniging, de zangvereniging en een groep vrijwilligers die de dijk schoonhoudt.",
        "wensen": "Een opgeknapte speeltuin, bankjes langs de wandelroutes en een jaarlijkse dorpsdag.",
        "startbijeenkomst_op": datetime.date(2019, 11, 12),
        "fase": Fase.UITVOEREN,
        "fase_sinds": datetime.date(2020, 4, 1),
    },
    "ravenswaaij": {
        "kernprofiel": "Klein lintdorp aan de Lek, waar bijna iedereen elkaar kent.",
        "wat_speelt_er": "Weinig voorzieningen in het dorp, vrachtverkeer over de dijk en eenzaamheid onder ouderen.",
        "actieve_groepen": "Stichting Dorpsraad Ravenswaaij, de buurtvereniging en de koffieochtend in het dorpshuis.",
        "wensen": "Een trapveldje, een AED in het dorp en vaker een gezamenlijke maaltijd.",
        "startbijeenkomst_op": datetime.date(2020, 1, 21),
        "fase": Fase.UITVOEREN,
        "fase_sinds": datetime.date(2020, 6, 1),
    },
}


def load() -> None:
    for slug, gegevens in PILOT_PROFIELEN.items():
        kern = Kern.objects.filter(slug=slug).first()
        # Never overwrite what a kernambtenaar has written since.
        if kern is not None and not kern.wat_speelt_er:
            kernprofiel_opslaan(
                kern=kern, door=None, gegevens=gegevens, vandaag=timezone.localdate()
            )
    for slug, naam, soort, bereik, contact in KANALEN:
        kern = Kern.objects.filter(slug=slug).first()
        if kern is not None:
            Kanaal.objects.get_or_create(
                kern=kern,
                naam=naam,
                defaults={"soort": soort, "bereik": bereik, "contact": contact},
            )
    Organisatie.objects.filter(convenant_status=ConvenantStatus.IN_HERZIENING).filter(
        convenant_vernieuwen_op__isnull=True
    ).update(convenant_vernieuwen_op=datetime.date(2026, 12, 31))

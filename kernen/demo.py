"""Demo data for the kernen app: a few channels in the communication toolbox."""

# ruff: noqa: E501

import datetime

from .constants import ConvenantStatus, KanaalSoort
from .models import Kanaal, Kern, Organisatie

KANALEN = [
    ("lienden", "Lichtkrant Lienden", KanaalSoort.LICHTKRANT, "Iedereen die door de dorpskern rijdt", "Ondernemersvereniging Lienden"),
    ("lienden", "Hulppunt Lienden", KanaalSoort.HULPPUNT, "Vooral ouderen en mantelzorgers", "Spreekuur op dinsdag in het dorpshuis"),
    ("lienden", "Bewonersvereniging Lienden", KanaalSoort.VERENIGING, "Ca. 300 leden", "Secretaris via de kernambtenaar"),
    ("ingen", "Dorpskrant Ingen", KanaalSoort.DORPSKRANT, "Alle ca. 900 huishoudens, maandelijks", "Redactie dorpskrant"),
    ("ingen", "WhatsApp-groep Ingen-Oost", KanaalSoort.WHATSAPP, "Ca. 120 deelnemers", "Beheerder via signaleringsgroep"),
    ("zoelen", "Dorpshuis Zoelen", KanaalSoort.DORPSHUIS, "Prikbord en activiteiten", "Beheerder dorpshuis"),
    ("maurik", "Facebookpagina Maurik", KanaalSoort.SOCIAL_MEDIA, "Ca. 2.000 volgers", "Vereniging Dorpsbelang Maurik"),
]  # fmt: skip


def load() -> None:
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

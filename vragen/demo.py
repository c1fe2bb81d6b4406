"""Demo questions in every state, made through the services so history and mails are real.

Loaded by `manage.py demo_data` (DEBUG only, through participatie/demo.py). Idempotent: a
question whose onderwerp already exists is skipped.

Received dates in the past go through `vraag_registreren(ontvangen_op=...)` (a question
taken by phone, in the dorpshuis, ...), so the one-week deadline is computed by the service
exactly as in production; no timestamps are edited afterwards. Routing, answers and ratings
are made "now", so the routing history shows today's date for them; the figures page still
shows realistic times to first answer (received days ago, answered today).

What `make run` shows with it (kernambtenaar / beleid / beleid2 / teammanager):
new and unrouted, routed and on time, due today, handed back, process answer with a
promised date, answered and rated, answered late, and overdue (routed and unrouted).
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from accounts.models import Medewerker
from kernen.models import Kern
from vragen.models import Vraag

from . import services
from .constants import AntwoordSoort, Kanaal, VraagSoort


@dataclass(frozen=True)
class DemoVraag:
    onderwerp: str
    kern: str  # slug
    tekst: str
    dagen_geleden: int  # 0 = asked through the website just now
    kanaal: str = Kanaal.PORTAAL
    naam: str = "Demo Inwoner"
    email: str = ""
    telefoon: str = ""
    soort: str = VraagSoort.VRAAG
    behandelaar: str = ""  # username of the beleidsmedewerker it is routed to
    notitie: str = ""
    teruggeven: str = ""  # reason when the beleidsmedewerker hands it back
    procesantwoord: str = ""
    toezegging_over_dagen: int = 10
    antwoord: str = ""  # content answer
    cijfer: int | None = None
    toelichting: str = ""


DEMO = [
    DemoVraag(
        onderwerp="Losliggende stoeptegels bij de bushalte",
        kern="ingen",
        tekst="Bij de bushalte aan de Dorpsstraat liggen drie tegels los. Ouderen struikelen.",
        dagen_geleden=0,
        naam="Anja Verhoeven",
        email="anja.verhoeven@voorbeeld.nl",
        soort=VraagSoort.SIGNAAL,
    ),
    DemoVraag(
        onderwerp="Extra afvalbak bij het speelveld",
        kern="zoelen",
        tekst="Na het weekend ligt er veel zwerfafval bij het speelveld. Kan er een bak bij?",
        dagen_geleden=2,
        kanaal=Kanaal.TELEFOON,
        naam="Gerrit van Os",
        telefoon="0344 123 456",
        behandelaar="beleid2",
        notitie="Belde het dorpshuis; wil graag teruggebeld worden.",
    ),
    DemoVraag(
        onderwerp="Drempel in de Dorpsstraat",
        kern="lienden",
        tekst="Komt er een drempel bij de school? Er wordt daar hard gereden.",
        dagen_geleden=7,
        kanaal=Kanaal.DORPSHUIS,
        naam="Kees Hol",
        email="kees.hol@voorbeeld.nl",
        behandelaar="beleid",
    ),
    DemoVraag(
        onderwerp="Onderhoud fietspad langs de Linge",
        kern="lienden",
        tekst="Wanneer wordt het fietspad langs de Linge hersteld? Er zitten diepe gaten in.",
        dagen_geleden=5,
        kanaal=Kanaal.EMAIL,
        naam="Marieke Smits",
        email="marieke.smits@voorbeeld.nl",
        behandelaar="beleid",
        procesantwoord="Wij vragen de planning op bij de aannemer en laten het u dan weten.",
        toezegging_over_dagen=10,
    ),
    DemoVraag(
        onderwerp="Bankje bij de uiterwaarden kapot",
        kern="maurik",
        tekst="Het bankje bij het uitzichtpunt aan de dijk is kapot. Een plank ontbreekt.",
        dagen_geleden=4,
        kanaal=Kanaal.STRAAT,
        naam="Henk de Groot",
        email="henk.degroot@voorbeeld.nl",
        soort=VraagSoort.SIGNAAL,
        behandelaar="beleid2",
        antwoord="De buitendienst heeft de plank vervangen. Dank u wel voor uw melding.",
        cijfer=8,
        toelichting="Snel geregeld.",
    ),
    DemoVraag(
        onderwerp="Wateroverlast in de Kerkstraat",
        kern="maurik",
        tekst="Na elke flinke bui staat de Kerkstraat blank. De putten lopen niet goed door.",
        dagen_geleden=12,
        kanaal=Kanaal.TELEFOON,
        naam="Petra Willems",
        email="petra.willems@voorbeeld.nl",
        behandelaar="beleid2",
        antwoord="De putten zijn doorgespoten. Bij de volgende bui kijken wij nog eens.",
    ),
    DemoVraag(
        onderwerp="Parkeren bij de sporthal",
        kern="lienden",
        tekst="Op wedstrijddagen staan auto's op de stoep bij de sporthal.",
        dagen_geleden=3,
        kanaal=Kanaal.DORPSHUIS,
        naam="Yusuf Demir",
        email="yusuf.demir@voorbeeld.nl",
        behandelaar="beleid2",
        teruggeven="Dit gaat over parkeren. Dat hoort bij team Verkeer en vervoer.",
    ),
    DemoVraag(
        onderwerp="Te hard rijden bij de basisschool",
        kern="ingen",
        tekst="Auto's rijden veel te hard langs de school, vooral 's ochtends.",
        dagen_geleden=10,
        kanaal=Kanaal.TELEFOON,
        naam="Linda Bos",
        telefoon="06 1234 5678",
        behandelaar="beleid",
        notitie="Tweede melding hierover dit jaar.",
    ),
    DemoVraag(
        onderwerp="Hangplek bij het voetbalveld",
        kern="ravenswaaij",
        tekst="'s Avonds is er overlast bij het voetbalveld. Wie kan hier iets mee?",
        dagen_geleden=9,
        kanaal=Kanaal.DORPSHUIS,
        naam="Dorpsraad Ravenswaaij",
        email="dorpsraad.ravenswaaij@voorbeeld.nl",
    ),
]


def _ontvangen_op(dagen_geleden: int) -> datetime:
    """09:00 local time, `dagen_geleden` calendar days ago (always in the past for >= 1)."""
    dag = timezone.localdate() - timedelta(days=dagen_geleden)
    return datetime.combine(dag, time(9, 0), tzinfo=timezone.get_current_timezone())


def _maak(d: DemoVraag, kern: Kern, kernambtenaar: Medewerker) -> None:
    contact = {"naam": d.naam, "email": d.email, "telefoon": d.telefoon, "soort": d.soort}
    if d.dagen_geleden == 0:
        vraag = services.vraag_stellen(kern=kern, onderwerp=d.onderwerp, tekst=d.tekst, **contact)
    else:
        vraag = services.vraag_registreren(
            door=kernambtenaar,
            kern=kern,
            kanaal=d.kanaal,
            onderwerp=d.onderwerp,
            tekst=d.tekst,
            ontvangen_op=_ontvangen_op(d.dagen_geleden),
            **contact,
        )
    if not d.behandelaar:
        return
    behandelaar = Medewerker.objects.filter(username=d.behandelaar).first()
    if behandelaar is None:
        return
    services.vraag_routeren(
        vraag_id=vraag.pk,
        door=kernambtenaar,
        team=behandelaar.team,
        behandelaar=behandelaar,
        notitie=d.notitie,
    )
    if d.teruggeven:
        services.vraag_teruggeven(vraag_id=vraag.pk, door=behandelaar, reden=d.teruggeven)
        return
    if d.procesantwoord:
        services.vraag_beantwoorden(
            vraag_id=vraag.pk,
            door=behandelaar,
            soort=AntwoordSoort.PROCES,
            tekst=d.procesantwoord,
            toegezegd_op=timezone.localdate() + timedelta(days=d.toezegging_over_dagen),
        )
    if d.antwoord:
        services.vraag_beantwoorden(
            vraag_id=vraag.pk, door=behandelaar, soort=AntwoordSoort.INHOUDELIJK, tekst=d.antwoord
        )
    if d.cijfer is not None:
        services.vraag_waarderen(vraag_id=vraag.pk, cijfer=d.cijfer, toelichting=d.toelichting)


def load() -> None:
    for d in DEMO:
        kern = Kern.objects.filter(slug=d.kern).first()
        if kern is None or Vraag.objects.filter(kern=kern, onderwerp=d.onderwerp).exists():
            continue
        kernambtenaar = kern.kernambtenaren.filter(is_active=True).order_by("pk").first()
        if kernambtenaar is None:  # the demo accounts (accounts/demo.py) were not loaded
            continue
        _maak(d, kern, kernambtenaar)

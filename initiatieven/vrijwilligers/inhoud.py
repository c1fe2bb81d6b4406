"""The text of the information pages for volunteers and active residents, as data.

Written in our own words after the implementation plan (Uitvoeringsplan kerngericht werken,
"Voorzieningen voor actieve inwoners en vrijwilligers" and "Right to Challenge"). A page is
one InfoPagina; the template shows every page the same way, so adding a page is adding data.
"""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Sectie:
    kop: "StrOrPromise"
    alineas: tuple["StrOrPromise", ...]
    punten: tuple["StrOrPromise", ...] = ()  # a bulleted list after the paragraphs


@dataclass(frozen=True)
class Actie:
    label: "StrOrPromise"
    url_naam: str
    query: str = ""

    @property
    def url(self) -> str:
        return reverse(self.url_naam) + self.query


@dataclass(frozen=True)
class InfoPagina:
    slug: str
    titel: "StrOrPromise"
    samenvatting: "StrOrPromise"
    secties: tuple[Sectie, ...]
    acties: tuple[Actie, ...] = field(default_factory=tuple)


CONTACT = Actie(_("Contact met de gemeente"), "core:contact")

PAGINAS: tuple[InfoPagina, ...] = (
    InfoPagina(
        slug="vrijwilligersverzekering",
        titel=_("Verzekerd als vrijwilliger"),
        samenvatting=_(
            "Doet u vrijwilligerswerk in de gemeente Buren? Dan bent u via de gemeente "
            "verzekerd tijdens dat werk."
        ),
        secties=(
            Sectie(
                _("Waarom een verzekering?"),
                (
                    _(
                        "Vrijwilligers zetten zich in voor anderen en vragen daar niets voor "
                        "terug. Toch kan er tijdens het werk iets misgaan: u beschadigt per "
                        "ongeluk iets van een ander, of er raakt iemand gewond. Wij vinden dat u "
                        "daar als vrijwilliger niet zelf voor moet opdraaien."
                    ),
                ),
            ),
            Sectie(
                _("Wat is er geregeld?"),
                (
                    _(
                        "De gemeente heeft de vrijwilligersverzekering van de VNG afgesloten. "
                        "Daarmee is iedere vrijwilliger die in de gemeente Buren actief is, "
                        "verzekerd voor aansprakelijkheid tijdens het vrijwilligerswerk."
                    ),
                    _(
                        "U hoeft zich niet aan te melden. De verzekering geldt voor "
                        "vrijwilligers van verenigingen, dorpshuizen, speeltuinen, "
                        "signaleringsgroepen en voor inwoners die samen een initiatief "
                        "uitvoeren."
                    ),
                ),
            ),
            Sectie(
                _("Is er iets gebeurd?"),
                (
                    _(
                        "Neem contact op met de gemeente. Wij vertellen u welke gegevens nodig "
                        "zijn en hoe u de schade meldt. Heeft uw vereniging een eigen "
                        "verzekering? Dan gaat die meestal eerst."
                    ),
                ),
            ),
        ),
        acties=(CONTACT,),
    ),
    InfoPagina(
        slug="vrijwilligerssteunpunt",
        titel=_("Het vrijwilligerssteunpunt"),
        samenvatting=_(
            "Zoekt u vrijwilligerswerk, of zoekt uw vereniging of initiatief vrijwilligers? "
            "Het vrijwilligerssteunpunt helpt u."
        ),
        secties=(
            Sectie(
                _("Wat doet het steunpunt?"),
                (
                    _(
                        "Het steunpunt wordt voor de gemeente verzorgd door de "
                        "welzijnsorganisatie. U kunt er terecht voor:"
                    ),
                ),
                (
                    _(
                        "het vinden van vrijwilligers voor uw vereniging of initiatief, of "
                        "vrijwilligerswerk dat bij u past;"
                    ),
                    _("het opzetten van burenhulp in uw straat of kern;"),
                    _(
                        "informatie en advies over vrijwilligerswerk, voor vrijwilligers en "
                        "voor organisaties."
                    ),
                ),
            ),
            Sectie(
                _("Hoe komt u in contact?"),
                (
                    _(
                        "Vraag de kernambtenaar van uw kern of neem contact op met de gemeente. "
                        "Wij brengen u in contact met het steunpunt."
                    ),
                ),
            ),
        ),
        acties=(CONTACT, Actie(_("Vind de kernambtenaar van uw kern"), "kernen:lijst")),
    ),
    InfoPagina(
        slug="vertrouwenspersoon",
        titel=_("Vertrouwenspersoon voor vrijwilligers"),
        samenvatting=_(
            "Heeft u als vrijwilliger te maken met ongewenst gedrag? Praat erover met de "
            "vertrouwenspersoon."
        ),
        secties=(
            Sectie(
                _("Waarvoor kunt u terecht?"),
                (
                    _(
                        "Bij ongewenst gedrag tijdens uw vrijwilligerswerk: bijvoorbeeld "
                        "agressie of geweld, seksuele intimidatie, pesten of discriminatie. U "
                        "kunt iets melden of een klacht bespreken."
                    ),
                ),
            ),
            Sectie(
                _("Wat doet de vertrouwenspersoon?"),
                (
                    _(
                        "De vertrouwenspersoon luistert naar u, steunt u en zoekt samen met u "
                        "naar een oplossing. Vaak lukt dat in een gesprek, zonder officiële "
                        "klacht."
                    ),
                    _(
                        "Is het ernstig? Dan kan de vertrouwenspersoon, met u, een melding "
                        "doen bij de politie of bij Veilig Thuis."
                    ),
                    _(
                        "De vertrouwenspersoon is onafhankelijk. Hij of zij werkt niet voor de "
                        "gemeente of voor een van de organisaties waar vrijwilligers actief "
                        "zijn. Wat u vertelt, blijft tussen u en de vertrouwenspersoon."
                    ),
                ),
            ),
            Sectie(
                _("Contact"),
                (
                    _(
                        "Neem contact op met de gemeente en vraag naar de vertrouwenspersoon "
                        "voor vrijwilligers. U hoeft niet te zeggen waarover het gaat."
                    ),
                ),
            ),
        ),
        acties=(CONTACT,),
    ),
    InfoPagina(
        slug="vrijwilligersprijzen",
        titel=_("De vrijwilligersprijzen"),
        samenvatting=_(
            "Kent u een vrijwilliger die een compliment verdient? Draag hem of haar voor voor "
            "een vrijwilligersprijs."
        ),
        secties=(
            Sectie(
                _("Waarom prijzen?"),
                (
                    _(
                        "Verenigingen, dorpshuizen, speeltuinen en signaleringsgroepen draaien "
                        "op vrijwilligers. Zij maken onze kernen leefbaar. Met de "
                        "vrijwilligersprijzen zegt de gemeente daar dank je wel voor."
                    ),
                ),
            ),
            Sectie(
                _("Zo draagt u iemand voor"),
                (
                    _(
                        "Vul het formulier in: wie u voordraagt, in welke kern die persoon "
                        "actief is en waarom hij of zij de prijs verdient. U krijgt een e-mail "
                        "om uw voordracht te bevestigen."
                    ),
                    _(
                        "De kernambtenaar van die kern leest uw voordracht. Wij vertellen de "
                        "persoon die u voordraagt niet wie hem of haar voordroeg, tenzij u dat "
                        "goed vindt."
                    ),
                ),
            ),
        ),
        acties=(Actie(_("Iemand voordragen"), "initiatieven:nomineren"),),
    ),
    InfoPagina(
        slug="right-to-challenge",
        titel=_("Right to Challenge: een taak van de gemeente overnemen"),
        samenvatting=_(
            "Denkt u met anderen dat een taak van de gemeente beter, slimmer of goedkoper kan? "
            "Dan kunt u de gemeente uitdagen om die taak aan u over te laten."
        ),
        secties=(
            Sectie(
                _("Wat is het?"),
                (
                    _(
                        "Right to Challenge betekent: het recht om uit te dagen. Een groep "
                        "inwoners, bijvoorbeeld een vereniging of een groep buren, neemt een "
                        "taak van de gemeente over. Denk aan het onderhoud van het groen in het "
                        "dorp, het beheer van een speelplek of het vervoer naar een activiteit."
                    ),
                    _(
                        "Dat kan als u denkt dat het anders, beter, slimmer of goedkoper kan "
                        "dan de gemeente het nu doet."
                    ),
                ),
            ),
            Sectie(
                _("Wat vragen wij?"),
                (
                    _(
                        "Welke taak u wilt overnemen, waarom u dat beter of goedkoper kunt, en "
                        "wie de taak gaan uitvoeren. Meer hoeft niet om te beginnen."
                    ),
                    _(
                        "De kernambtenaar van uw kern neemt contact met u op. Samen met de "
                        "medewerkers die nu over de taak gaan, bekijken wij of en hoe u de taak "
                        "kunt overnemen, en wat daarvoor nodig is."
                    ),
                ),
            ),
            Sectie(
                _("Niet elk idee is een Right to Challenge"),
                (
                    _(
                        "Heeft u een idee voor uw straat of kern, maar neemt u geen taak van de "
                        "gemeente over? Dien dan gewoon een idee in. Ook kleine ideeën zijn "
                        "welkom."
                    ),
                ),
            ),
        ),
        acties=(
            Actie(
                _("Right to Challenge indienen"),
                "initiatieven:indienen",
                "?soort=right_to_challenge",
            ),
            Actie(_("Een gewoon idee indienen"), "initiatieven:indienen"),
        ),
    ),
)
PER_SLUG: dict[str, InfoPagina] = {p.slug: p for p in PAGINAS}

"""Choices of participation trajectories and meetings, with the plain-language texts."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class TrajectSoort(models.TextChoices):
    """Whose initiative it is decides the method."""

    INWONERSPARTICIPATIE = (
        "inwonersparticipatie",
        _("Inwonersparticipatie: de gemeente neemt het initiatief"),
    )
    OVERHEIDSPARTICIPATIE = (
        "overheidsparticipatie",
        _("Overheidsparticipatie: inwoners nemen het initiatief, de gemeente doet mee"),
    )


class TrajectStatus(models.TextChoices):
    CONCEPT = "concept", _("In voorbereiding")
    LOPEND = "lopend", _("Loopt")
    AFGEROND = "afgerond", _("Afgerond")


class Ladder(models.TextChoices):
    """The participatieladder, from least to most say for residents."""

    INFORMEREN = "informeren", _("Informeren")
    RAADPLEGEN = "raadplegen", _("Raadplegen")
    ADVISEREN = "adviseren", _("Adviseren")
    COPRODUCEREN = "coproduceren", _("Coproduceren")
    MEEBESLISSEN = "meebeslissen", _("Meebeslissen")


# What each level promises residents, in plain language (B1).
LADDER_BELOFTE: dict[str, str | Promise] = {
    Ladder.INFORMEREN: _(
        "Wij vertellen u wat er gaat gebeuren en waarom. U kunt vragen stellen. "
        "De gemeente beslist; over de keuze zelf praat u niet mee."
    ),
    Ladder.RAADPLEGEN: _(
        "Wij vragen uw mening over onze plannen. Wij nemen die mee, maar de gemeente beslist. "
        "Wij laten u weten wat wij met uw mening hebben gedaan."
    ),
    Ladder.ADVISEREN: _(
        "U denkt vanaf het begin mee en geeft advies, ook over wat u zelf belangrijk vindt. "
        "Wij volgen uw advies in principe. Doen wij dat niet, dan leggen wij uit waarom."
    ),
    Ladder.COPRODUCEREN: _(
        "Wij maken het plan samen met u, als gelijkwaardige partners. "
        "Wat wij samen afspreken, nemen wij over in het besluit."
    ),
    Ladder.MEEBESLISSEN: _(
        "U beslist zelf, binnen afgesproken grenzen (bijvoorbeeld een budget). "
        "De gemeente neemt uw besluit over."
    ),
}


class Stap(models.TextChoices):
    """The steps of both methods. The order per method is in STAPPEN."""

    # inwonersparticipatie
    AFWEGING = "afweging", _("Afweging vooraf: wat is geschikt voor participatie")
    BETROKKENEN = "betrokkenen", _("Betrokkenen bepalen (Factor C)")
    NIVEAU = "niveau", _("Niveau op de participatieladder kiezen")
    COMMUNICATIEPLAN = "communicatieplan", _("Communicatieplan maken")
    MIDDELEN = "middelen", _("Participatiemiddelen inzetten")
    # overheidsparticipatie
    GESCHIEDENIS = "geschiedenis", _("De geschiedenis kennen")
    HOUDING = "houding", _("Onze houding bepalen")
    ROL = "rol", _("Onze rol bepalen")
    DUIDELIJKHEID = "duidelijkheid", _("Zorgen voor duidelijkheid")
    # both
    EVALUATIE = "evaluatie", _("Evalueren en leren (Plan-Do-Check-Act)")


@dataclass(frozen=True)
class StapDefinitie:
    """One step of a method, defined once: the rules, services, forms, views and templates
    all read it from STAP_DEFINITIES."""

    stap: Stap
    soorten: tuple[str, ...]  # the methods (TrajectSoort) this step belongs to
    uitleg: str | Promise  # the short guide shown above the step's form
    velden: tuple[str, ...]  # Traject fields the step writes (beside kanalen, betrokkenen)
    verplicht: tuple[str, ...] = ()  # needed before the step counts as complete
    publiceren_na: bool = False  # after this step the trajectory may go public
    toont_ladder: bool = False  # the step page explains the participatieladder
    keuzerondjes: tuple[str, ...] = ()  # choice fields shown as radio buttons

    @property
    def key(self) -> str:
        return str(self.stap.value)

    @property
    def label(self) -> str:
        return str(self.stap.label)


_I = (TrajectSoort.INWONERSPARTICIPATIE.value,)
_O = (TrajectSoort.OVERHEIDSPARTICIPATIE.value,)

# In method order; the order per method (STAPPEN) follows from it.
STAP_DEFINITIES: tuple[StapDefinitie, ...] = (
    StapDefinitie(
        stap=Stap.AFWEGING,
        soorten=_I,
        uitleg=_(
            "Niet elk onderwerp is geschikt voor (uitgebreide) participatie. Schrijf op over "
            "welk deel inwoners kunnen meepraten, wat al vastligt (wetten, regels, eerdere "
            "besluiten) en waarom."
        ),
        velden=("geschikt_voor_participatie", "kaders"),
        verplicht=("geschikt_voor_participatie",),
    ),
    StapDefinitie(
        stap=Stap.BETROKKENEN,
        soorten=_I,
        uitleg=_(
            "Wie hebben met dit onderwerp te maken? Gebruik Factor C: welke doelgroepen, wat zijn "
            "hun belangen en welke informatie hebben zij nodig?"
        ),
        velden=(),
        verplicht=(),
    ),
    StapDefinitie(
        stap=Stap.NIVEAU,
        soorten=_I,
        uitleg=_(
            "Kies hoeveel invloed inwoners krijgen. Elk niveau is een belofte aan inwoners: lees "
            "wat die belofte inhoudt. Betrekt u inwoners niet of minder, zeg dat dan eerlijk en "
            "waarom."
        ),
        velden=("ladder", "niveau_toelichting", "minder_betrokken", "minder_betrokken_reden"),
        verplicht=("ladder", "niveau_toelichting"),
        publiceren_na=True,
        toont_ladder=True,
    ),
    StapDefinitie(
        stap=Stap.COMMUNICATIEPLAN,
        soorten=_I,
        uitleg=_(
            "Hoe bereikt u de betrokkenen? Kies kanalen uit de communicatietoolbox van de kern en "
            "beschrijf wat u wanneer vertelt."
        ),
        velden=("communicatieplan",),
        verplicht=("communicatieplan",),
    ),
    StapDefinitie(
        stap=Stap.MIDDELEN,
        soorten=_I,
        uitleg=_(
            "Welke middelen zet u in: een avond in het dorpshuis, een koffiemoment, een enquête, "
            "een digitale stemming? Vertel inwoners hoe zij kunnen meedoen."
        ),
        velden=("middelen", "hoe_meedoen"),
        verplicht=("middelen", "hoe_meedoen"),
    ),
    StapDefinitie(
        stap=Stap.GESCHIEDENIS,
        soorten=_O,
        uitleg=_(
            "Is dit initiatief al eens eerder genomen, hier of in een andere kern? Wat kunnen we "
            "daarvan leren?"
        ),
        velden=("geschiedenis",),
        verplicht=("geschiedenis",),
    ),
    StapDefinitie(
        stap=Stap.HOUDING,
        soorten=_O,
        uitleg=_(
            "Hoe nadrukkelijk willen we betrokken zijn? Dat hangt af van het belang van het "
            "initiatief en de kans dat het slaagt."
        ),
        velden=("belang", "slagingskans", "houding"),
        verplicht=("belang", "slagingskans", "houding"),
        keuzerondjes=("belang", "slagingskans"),
    ),
    StapDefinitie(
        stap=Stap.ROL,
        soorten=_O,
        uitleg=_(
            "Inwoners zijn eigenaar van hun initiatief. Welke rol heeft de gemeente: ruimte "
            "bieden, stimuleren, ondersteunen of faciliteren?"
        ),
        velden=("rol_gemeente", "rol_toelichting"),
        verplicht=("rol_gemeente", "rol_toelichting"),
        keuzerondjes=("rol_gemeente",),
    ),
    StapDefinitie(
        stap=Stap.DUIDELIJKHEID,
        soorten=_O,
        uitleg=_(
            "Zeg wat je doet en doe wat je zegt. Spreek vooraf af wat inwoners van de gemeente "
            "kunnen verwachten en andersom."
        ),
        velden=("afspraken_gemeente", "afspraken_inwoners"),
        verplicht=("afspraken_gemeente", "afspraken_inwoners"),
        publiceren_na=True,
    ),
    StapDefinitie(
        stap=Stap.EVALUATIE,
        soorten=_I + _O,
        uitleg=_(
            "Wat ging goed, wat doen we volgende keer anders? Wat is er gedaan met de inbreng? "
            "De lessen zijn later terug te vinden voor andere trajecten en kernen."
        ),
        velden=("resultaten", "wat_ging_goed", "wat_kan_beter", "lessen"),
        verplicht=("resultaten", "wat_ging_goed", "wat_kan_beter", "lessen"),
    ),
)
STAP_DEFINITIE: dict[str, StapDefinitie] = {d.key: d for d in STAP_DEFINITIES}

STAPPEN: dict[str, tuple[str, ...]] = {
    soort: tuple(d.key for d in STAP_DEFINITIES if soort in d.soorten)
    for soort in TrajectSoort.values
}


class Inschatting(models.TextChoices):
    LAAG = "laag", _("Laag")
    GEMIDDELD = "gemiddeld", _("Gemiddeld")
    HOOG = "hoog", _("Hoog")


class GemeenteRol(models.TextChoices):
    RUIMTE_BIEDEN = "ruimte-bieden", _("Ruimte bieden")
    STIMULEREN = "stimuleren", _("Stimuleren")
    ONDERSTEUNEN = "ondersteunen", _("Ondersteunen")
    FACILITEREN = "faciliteren", _("Faciliteren")


class BijeenkomstSoort(models.TextChoices):
    STARTBIJEENKOMST = "startbijeenkomst", _("Startbijeenkomst")
    KOFFIEMOMENT = "koffiemoment", _("Online koffiemoment met de kernwethouder")
    ONDERNEMERS = "ondernemers", _("Koffiemoment voor ondernemers")
    OVERIG = "overig", _("Bijeenkomst")


class BijeenkomstStatus(models.TextChoices):
    GEPLAND = "gepland", _("Gaat door")
    GEANNULEERD = "geannuleerd", _("Gaat niet door (geannuleerd)")


class AanmeldingStatus(models.TextChoices):
    # Signed up, address not yet confirmed: holds no place and is not on the waiting list.
    ONBEVESTIGD = "onbevestigd", _("Wacht op bevestiging van het e-mailadres")
    AANGEMELD = "aangemeld", _("Aangemeld")
    WACHTLIJST = "wachtlijst", _("Op de wachtlijst")
    AFGEMELD = "afgemeld", _("Afgemeld")

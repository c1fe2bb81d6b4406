from django.db import models
from django.utils.translation import gettext_lazy as _


class RegelingCode(models.TextChoices):
    STRAATBIJEENKOMST = "straatbijeenkomst", _("Bijdrage straat- of buurtbijeenkomst")
    LEEFBAARHEID = "leefbaarheid", _("Leefbaarheidsbudget")
    BIJZONDER = "bijzonder", _("Bijzondere initiatieven")
    SIGNALERING = "signalering", _("Signaleringsgroepen")


class Scope(models.TextChoices):
    """Over what the yearly cap (plafond) of a regeling is counted."""

    ACTIVITEIT = "activiteit", _("per activiteit")
    KERN = "kern", _("per kern")
    GEMEENTE = "gemeente", _("voor de hele gemeente")
    GROEP = "groep", _("per signaleringsgroep")


class AanvraagStatus(models.TextChoices):
    """Lifecycle of an aanvraag. Transitions: see budgetten.workflow.OVERGANGEN."""

    ONBEVESTIGD = "onbevestigd", _("E-mailadres nog niet bevestigd")
    INGEDIEND = "ingediend", _("Ingediend")
    BIJ_COLLEGE = "bij_college", _("Ligt bij het college")
    TOEGEKEND = "toegekend", _("Toegekend")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    VASTGESTELD = "vastgesteld", _("Afgerekend")


# Statuses in which an aanvraag holds money in the ledger.
STATUS_MET_GELD = (AanvraagStatus.TOEGEKEND, AanvraagStatus.VASTGESTELD)
# Statuses that still count for the "once per year per street" rule.
STATUS_TELT_MEE = (
    AanvraagStatus.INGEDIEND,
    AanvraagStatus.BIJ_COLLEGE,
    AanvraagStatus.TOEGEKEND,
    AanvraagStatus.VASTGESTELD,
)


class KostenCategorie(models.TextChoices):
    GELUID = "geluid", _("Geluid (muziek, geluidsinstallatie)")
    VERSIERING = "versiering", _("Versiering")
    SPELMATERIAAL = "spel", _("Spellen en speelmateriaal")
    PRIJZEN = "prijzen", _("Prijzen")
    ORGANISATIE = "organisatie", _("Andere organisatiekosten (huur, vergunning, drukwerk)")
    ETEN = "eten", _("Eten")
    DRINKEN = "drinken", _("Drinken")
    SERVIES = "servies", _("Servies en bestek")
    BARBECUE = "barbecue", _("Barbecue")


SUBSIDIABELE_CATEGORIEEN = frozenset(
    {
        KostenCategorie.GELUID,
        KostenCategorie.VERSIERING,
        KostenCategorie.SPELMATERIAAL,
        KostenCategorie.PRIJZEN,
        KostenCategorie.ORGANISATIE,
    }
)


class ActiviteitSoort(models.TextChoices):
    STRAATFEEST = "straatfeest", _("Straat- of buurtfeest")
    BURENDAG = "burendag", _("Burendag")
    OPSCHOONACTIE = "opschonen", _("Opschoonactie")
    KINDERACTIVITEIT = "kinderen", _("Kinderactiviteit of spelmiddag")
    FEESTDAGEN = "feestdagen", _("Activiteit rond feestdagen")
    VEILIGHEID = "veiligheid", _("Activiteit voor een veiligere buurt")


class Doelgroep(models.TextChoices):
    IEDEREEN = "iedereen", _("Alle bewoners")
    KINDEREN = "kinderen", _("Kinderen")
    JONGEREN = "jongeren", _("Jongeren")
    OUDEREN = "ouderen", _("Ouderen")
    NIEUWE_BEWONERS = "nieuwe_bewoners", _("Nieuwe bewoners")


class DeclaratieStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend")
    GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    BETAALD = "betaald", _("Betaald")


# Scope key of the one ledger row per year for the coördinator's volunteer fee.
# The team whose beleidsmedewerkers decide on and pay the signaleringsgroepen's declarations
# and the coordinator's fee (DOMAIN.md: team Veiligheid); the slug of the seeded team.
SIGNALERING_TEAM = "veiligheid"

SCOPE_COORDINATOR = "coordinator"
SCOPE_GEMEENTE = "gemeente"


class StemrondeFase(models.TextChoices):
    """Phases of the residents' voting round for the leefbaarheidsbudget.

    Transitions: see budgetten.services.stemronde.STEMRONDE_OVERGANGEN (one way, in this order)."""

    VOORBEREIDING = "voorbereiding", _("In voorbereiding")
    OPEN = "open", _("Stemmen is open")
    GESLOTEN = "gesloten", _("Stemmen is gesloten")
    VERDEELD = "verdeeld", _("Het geld is verdeeld")


class StemPer(models.TextChoices):
    """What "one ballot" means in a round (docs/decisions/0008-leefbaarheid-stemronde.md)."""

    ADRES = "adres", _("Eén stem per adres (postcode, huisnummer en toevoeging)")
    PERSOON = "persoon", _("Eén stem per persoon (per e-mailadres)")


class KandidaatStatus(models.TextChoices):
    TOEGELATEN = "toegelaten", _("Doet mee")
    NIET_TOEGELATEN = "niet_toegelaten", _("Doet niet mee")


class KandidaatUitkomst(models.TextChoices):
    """What an admitted initiative got when the round was divided."""

    TOEGEKEND = "toegekend", _("Krijgt het gevraagde bedrag")
    PAST_NIET = "past_niet", _("Past niet meer in het budget")
    GEEN_STEUN = "geen_steun", _("Geen stemmen gekregen")
    TE_WEINIG_STEUN = "te_weinig_steun", _("Te weinig steunbetuigingen voor de regeling")
    VERVALLEN = "vervallen", _("Aanvraag was al ingetrokken of besloten")

from django.db import models
from django.utils.translation import gettext_lazy as _


class InitiatiefStatus(models.TextChoices):
    INGEDIEND = "ingediend", _("Ingediend")
    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    INFORMATIE_GEVRAAGD = "informatie_gevraagd", _("Aanvullende informatie gevraagd")
    TOEGEZEGD = "toegezegd", _("Toegezegd")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    INGETROKKEN = "ingetrokken", _("Ingetrokken")
    UITGEVOERD = "uitgevoerd", _("Uitgevoerd")
    AFGEROND = "afgerond", _("Afgerond")


class InitiatiefSoort(models.TextChoices):
    """What kind of initiative: an idea of residents, or a Right to Challenge (residents take
    over a task of the municipality). A Right to Challenge has its own required questions
    (rules.RTC_VELDEN)."""

    IDEE = "idee", _("Een idee of initiatief voor de kern")
    RIGHT_TO_CHALLENGE = (
        "right_to_challenge",
        _("Right to Challenge: een taak van de gemeente overnemen"),
    )


class HulpSoort(models.TextChoices):
    """What help an inwoner asks for. Each value has a boolean field `hulp_<value>`."""

    GELD = "geld", _("Geld uit een regeling (bijvoorbeeld het leefbaarheidsbudget)")
    ADVIES = "advies", _("Advies")
    CONTACTEN = "contacten", _("Contacten met mensen of organisaties")
    RUIMTE = "ruimte", _("Een ruimte of plek")
    VERGUNNING = "vergunning", _("Hulp bij een vergunning")
    PUBLICITEIT = "publiciteit", _("Bekendheid geven aan het initiatief")


class Actor(models.TextChoices):
    """Who took a step: shown in the history with the date."""

    INWONER = "inwoner", _("Inwoner")
    MEDEWERKER = "medewerker", _("Medewerker gemeente")
    SYSTEEM = "systeem", _("Systeem")


class Afzender(models.TextChoices):
    GEMEENTE = "gemeente", _("Gemeente")
    INWONER = "inwoner", _("Inwoner")


class BijlageSoort(models.TextChoices):
    AANVRAAG = "aanvraag", _("Bij het initiatief")
    AANVULLING = "aanvulling", _("Aanvullende informatie")
    VERSLAG = "verslag", _("Foto bij het verslag")


# Report photos in these formats may be shown on a published story (browsers show them inline).
PUBLIEKE_FOTO_SOORTEN = ("image/jpeg", "image/png", "image/webp", "image/gif")


class Thema(models.TextChoices):
    ONTMOETEN = "ontmoeten", _("Ontmoeten en samen doen")
    GROEN = "groen", _("Groen en natuur")
    SPELEN = "spelen", _("Spelen en sport")
    VEILIGHEID = "veiligheid", _("Veiligheid en verkeer")
    DUURZAAMHEID = "duurzaamheid", _("Duurzaamheid")
    CULTUUR = "cultuur", _("Cultuur en historie")
    ZORG = "zorg", _("Zorg en welzijn")
    ANDERS = "anders", _("Iets anders")

from django.db import models
from django.utils.translation import gettext_lazy as _


class Fase(models.TextChoices):
    BEGINSITUATIE = "1-beginsituatie", _("1. Beginsituatie in kaart")
    STARTEN = "2-starten", _("2. Starten")
    UITVOEREN = "3-uitvoeren", _("3. Uitvoeren")


FASE_UITLEG = {
    Fase.BEGINSITUATIE: _(
        "We brengen in kaart wat er speelt in de kern, welke groepen actief zijn en wat zij willen."
    ),
    Fase.STARTEN: _(
        "Er is een startbijeenkomst. We leggen uit wat de kernambtenaar en de kernwethouder doen."
    ),
    Fase.UITVOEREN: _("We werken samen met inwoners aan wat de kern belangrijk vindt."),
}


class KanaalSoort(models.TextChoices):
    """Kinds of communication channel in a kern's toolbox."""

    LICHTKRANT = "lichtkrant", _("Lichtkrant")
    DORPSKRANT = "dorpskrant", _("Dorpskrant of nieuwsbrief")
    WHATSAPP = "whatsapp", _("WhatsApp-groep")
    DORPSHUIS = "dorpshuis", _("Dorpshuis")
    HULPPUNT = "hulppunt", _("Hulppunt")
    VERENIGING = "vereniging", _("Bewonersvereniging of dorpsbelang")
    SOCIAL_MEDIA = "social-media", _("Sociale media")
    WEBSITE = "website", _("Website")
    OVERIG = "overig", _("Anders")


class ConvenantStatus(models.TextChoices):
    GEEN = "geen", _("Geen convenant")
    GESLOTEN = "gesloten", _("Convenant gesloten")
    IN_HERZIENING = "in-herziening", _("Convenant wordt herzien")
    VERLOPEN = "verlopen", _("Convenant verlopen")

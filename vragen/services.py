"""Every write on vragen. Views, forms, admin, tasks and hooks call these functions only.

Each service runs in one transaction, locks the vraag it checks (select_for_update), refuses
illegal moves with a ValidationError in plain Dutch, and records history rows (Routering,
Antwoord) instead of editing them.
"""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.constants import Rol
from accounts.models import Medewerker, Team
from core.links import maak_token
from core.mail import mail_versturen
from kernen.models import Kern
from vragen.models import Antwoord, Routering, Vraag

from .constants import (
    BEANTWOORDBAAR,
    MAX_TEKST,
    ROUTEERBAAR,
    AntwoordSoort,
    Kanaal,
    RouteringSoort,
    VraagSoort,
    VraagStatus,
)
from .deadlines import lokale_datum, termijn_einde, toezegging_einde
from .rules import mag_beantwoorden, mag_routeren

LINK_SOORT = "vraag"
# The link in the first mail. It lives as long as the personal link (it leads there once the
# address is confirmed) and is revoked with it, through link_versie.
BEVESTIG_SOORT = "vraag-bevestigen"
MAX_TOEZEGGING_DAGEN = 365


def persoonlijk_pad(vraag: Vraag) -> str:
    token = maak_token(soort=LINK_SOORT, pk=vraag.pk, versie=vraag.link_versie)
    return reverse("vragen:vraag_persoonlijk", kwargs={"token": token})


def persoonlijke_url(vraag: Vraag) -> str:
    return settings.SITE_URL + persoonlijk_pad(vraag)


def bevestig_url(vraag: Vraag) -> str:
    token = maak_token(soort=BEVESTIG_SOORT, pk=vraag.pk, versie=vraag.link_versie)
    return settings.SITE_URL + reverse("vragen:vraag_bevestigen", kwargs={"token": token})


def _lock(vraag_id: int) -> Vraag:
    return Vraag.objects.select_for_update().select_related("kern").get(pk=vraag_id)


def _check_tekst(tekst: str, veld: str = "tekst") -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise ValidationError({veld: _("Vul de tekst in.")})
    if len(tekst) > MAX_TEKST:
        raise ValidationError(
            {veld: _("De tekst is te lang: maximaal %(max)s tekens.") % {"max": MAX_TEKST}}
        )
    return tekst


def _mail_ontvangst(vraag: Vraag) -> None:
    if vraag.email:
        mail_versturen(
            aan=vraag.email,
            onderwerp=_("Wij hebben uw vraag ontvangen - Gemeente Buren"),
            template="vragen/mail/ontvangen.txt",
            context={"vraag": vraag, "url": bevestig_url(vraag)},
        )


def _nieuwe_vraag(**velden) -> Vraag:
    kern: Kern = velden["kern"]
    if kern is None or not Kern.objects.actief().filter(pk=kern.pk).exists():
        raise ValidationError({"kern": _("Kies een kern uit de lijst.")})
    velden["tekst"] = _check_tekst(velden["tekst"])
    velden["onderwerp"] = (velden.get("onderwerp") or "").strip()
    ontvangen_op = velden.setdefault("ontvangen_op", timezone.now())
    vraag = Vraag(termijn_einde=termijn_einde(ontvangen_op), **velden)
    vraag.deadline = vraag.termijn_einde
    vraag.full_clean()
    vraag.save()
    _mail_ontvangst(vraag)
    return vraag


@transaction.atomic
def vraag_stellen(
    *,
    kern: Kern,
    onderwerp: str,
    tekst: str,
    naam: str,
    email: str,
    telefoon: str = "",
    soort: str = VraagSoort.VRAAG,
) -> Vraag:
    """An inwoner asks a question through the portal. They get an email with their link."""
    if not email:
        raise ValidationError({"email": _("Vul uw e-mailadres in.")})
    return _nieuwe_vraag(
        kern=kern,
        onderwerp=onderwerp,
        tekst=tekst,
        naam=naam,
        email=email,
        telefoon=telefoon,
        soort=soort,
        kanaal=Kanaal.PORTAAL,
    )


@transaction.atomic
def vraag_registreren(
    *,
    door: Medewerker,
    kern: Kern,
    kanaal: str,
    onderwerp: str,
    tekst: str,
    naam: str,
    email: str = "",
    telefoon: str = "",
    soort: str = VraagSoort.VRAAG,
    ontvangen_op: datetime | None = None,
) -> Vraag:
    """A kernambtenaar registers a question received in the dorpshuis, by phone, ..."""
    nu = timezone.now()
    if ontvangen_op is not None and ontvangen_op > nu:
        raise ValidationError({"ontvangen_op": _("Een ontvangstmoment ligt niet in de toekomst.")})
    if not (
        door.heeft_rol(Rol.FUNCTIONEEL_BEHEER) or kern.kernambtenaren.filter(pk=door.pk).exists()
    ):
        raise ValidationError({"kern": _("U bent geen kernambtenaar van deze kern.")})
    return _nieuwe_vraag(
        kern=kern,
        kanaal=kanaal,
        onderwerp=onderwerp,
        tekst=tekst,
        naam=naam,
        email=email,
        telefoon=telefoon,
        soort=soort,
        geregistreerd_door=door,
        ontvangen_op=ontvangen_op or nu,
    )


@transaction.atomic
def vraag_email_bevestigen(*, vraag_id: int) -> Vraag:
    """The button behind the link in the first email proves the address (a POST: a GET of
    the link confirms nothing, because mail scanners follow links)."""
    vraag = _lock(vraag_id)
    if vraag.email_bevestigd_op is None:
        vraag.email_bevestigd_op = timezone.now()
        vraag.save(update_fields=["email_bevestigd_op"])
    return vraag


@transaction.atomic
def vraag_routeren(
    *,
    vraag_id: int,
    door: Medewerker,
    team: Team | None = None,
    behandelaar: Medewerker | None = None,
    notitie: str = "",
) -> Vraag:
    """Send a vraag to a team and/or a beleidsmedewerker. The deadline stays as it was."""
    vraag = _lock(vraag_id)
    if not mag_routeren(door, vraag):
        raise ValidationError(_("Alleen de kernambtenaar van deze kern kan deze vraag doorsturen."))
    if vraag.status not in ROUTEERBAAR:
        raise ValidationError(
            _("Deze vraag kan niet meer worden doorgestuurd (status: %(s)s).")
            % {"s": vraag.get_status_display()}
        )
    if team is None and behandelaar is None:
        raise ValidationError(_("Kies een team of een beleidsmedewerker."))
    if behandelaar is not None:
        behandelaar = Medewerker.objects.select_related("team").get(pk=behandelaar.pk)
        if not behandelaar.is_active:
            raise ValidationError(
                {"behandelaar": _("Deze medewerker is niet actief. Kies iemand anders.")}
            )
        if not behandelaar.heeft_rol(Rol.BELEIDSMEDEWERKER):
            raise ValidationError({"behandelaar": _("Deze medewerker is geen beleidsmedewerker.")})
        if team is None:
            team = behandelaar.team
    if team is not None and not team.actief:
        raise ValidationError({"team": _("Dit team is niet actief.")})
    notitie = (notitie or "").strip()
    if len(notitie) > MAX_TEKST:
        raise ValidationError({"notitie": _("De notitie is te lang.")})

    vraag.team = team
    vraag.behandelaar = behandelaar
    vraag.status = VraagStatus.DOORGESTUURD
    vraag.save(update_fields=["team", "behandelaar", "status"])
    Routering.objects.create(
        vraag=vraag,
        soort=RouteringSoort.DOORGESTUURD,
        team=team,
        behandelaar=behandelaar,
        notitie=notitie,
        door=door,
    )
    ontvanger = behandelaar.email if behandelaar else (team.email if team else "")
    if ontvanger:
        mail_versturen(
            aan=ontvanger,
            onderwerp=_("Vraag #%(nr)s voor u: antwoord uiterlijk %(d)s")
            % {"nr": vraag.pk, "d": f"{timezone.localtime(vraag.deadline):%d-%m-%Y}"},
            template="vragen/mail/doorgestuurd.txt",
            context={"vraag": vraag, "notitie": notitie, "url": staff_url(vraag)},
        )
    return vraag


def staff_url(vraag: Vraag) -> str:
    return settings.SITE_URL + reverse("vragen:vraag_detail", kwargs={"vraag_pk": vraag.pk})


@transaction.atomic
def vraag_teruggeven(*, vraag_id: int, door: Medewerker, reden: str) -> Vraag:
    """The beleidsmedewerker hands the vraag back to the kernambtenaar, with the reason."""
    vraag = _lock(vraag_id)
    if not mag_beantwoorden(door, vraag):
        raise ValidationError(_("Deze vraag is niet aan u of uw team toegewezen."))
    if vraag.status not in BEANTWOORDBAAR:
        raise ValidationError(_("Deze vraag kan niet worden teruggegeven."))
    reden = _check_tekst(reden, "reden")
    vraag.team = None
    vraag.behandelaar = None
    vraag.status = VraagStatus.TERUGGEGEVEN
    vraag.save(update_fields=["team", "behandelaar", "status"])
    Routering.objects.create(
        vraag=vraag, soort=RouteringSoort.TERUGGEGEVEN, notitie=reden, door=door
    )
    for ka in vraag.kern.kernambtenaren.filter(is_active=True).exclude(email=""):
        mail_versturen(
            aan=ka.email,
            onderwerp=_("Vraag #%(nr)s is teruggegeven") % {"nr": vraag.pk},
            template="vragen/mail/teruggegeven.txt",
            context={"vraag": vraag, "reden": reden, "door": door, "url": staff_url(vraag)},
        )
    return vraag


@transaction.atomic
def vraag_beantwoorden(
    *,
    vraag_id: int,
    door: Medewerker,
    soort: str,
    tekst: str,
    toegezegd_op: date | None = None,
) -> Antwoord:
    """A content answer closes the vraag; a process answer promises a date for it, and that
    date becomes the tracked deadline (with its own reminders)."""
    vraag = _lock(vraag_id)
    if not mag_beantwoorden(door, vraag):
        raise ValidationError(_("Deze vraag is niet aan u of uw team toegewezen."))
    if vraag.status == VraagStatus.BEANTWOORD:
        raise ValidationError(_("Deze vraag is al beantwoord."))
    if vraag.status not in BEANTWOORDBAAR:
        raise ValidationError(_("Deze vraag is nu niet aan u toegewezen."))
    tekst = _check_tekst(tekst)
    nu = timezone.now()
    if soort == AntwoordSoort.PROCES:
        if vraag.status == VraagStatus.PROCESANTWOORD:
            raise ValidationError(
                _("Er is al een procesantwoord gegeven. Geef nu het inhoudelijke antwoord.")
            )
        if toegezegd_op is None:
            raise ValidationError(
                {"toegezegd_op": _("Noem de datum waarop het inhoudelijke antwoord komt.")}
            )
        vandaag = lokale_datum(nu)
        if toegezegd_op <= vandaag:
            raise ValidationError({"toegezegd_op": _("Kies een datum na vandaag.")})
        if (toegezegd_op - vandaag).days > MAX_TOEZEGGING_DAGEN:
            raise ValidationError({"toegezegd_op": _("Kies een datum binnen een jaar.")})
    elif soort == AntwoordSoort.INHOUDELIJK:
        toegezegd_op = None
    else:
        raise ValidationError({"soort": _("Kies het soort antwoord.")})

    antwoord = Antwoord(
        vraag=vraag, soort=soort, tekst=tekst, toegezegd_op=toegezegd_op, door=door, gegeven_op=nu
    )
    antwoord.full_clean()
    antwoord.save()

    velden = ["status", "deadline", "termijn_volgnummer", "behandelaar"]
    if vraag.eerste_antwoord_op is None:
        vraag.eerste_antwoord_op = nu
        velden.append("eerste_antwoord_op")
    vraag.behandelaar = door  # a team member who answers becomes the behandelaar
    vraag.termijn_volgnummer = F("termijn_volgnummer") + 1
    if soort == AntwoordSoort.PROCES:
        vraag.status = VraagStatus.PROCESANTWOORD
        vraag.toegezegd_op = toegezegd_op
        vraag.deadline = toezegging_einde(toegezegd_op)
        velden.append("toegezegd_op")
    else:
        vraag.status = VraagStatus.BEANTWOORD
        vraag.deadline = None
        vraag.beantwoord_op = nu
        velden.append("beantwoord_op")
    vraag.save(update_fields=velden)
    vraag.refresh_from_db(fields=["termijn_volgnummer"])

    if vraag.email:
        mail_versturen(
            aan=vraag.email,
            onderwerp=_("Antwoord op uw vraag - Gemeente Buren"),
            template="vragen/mail/antwoord.txt",
            context={"vraag": vraag, "antwoord": antwoord, "url": persoonlijke_url(vraag)},
        )
    return antwoord


@transaction.atomic
def vraag_waarderen(*, vraag_id: int, cijfer: int, toelichting: str = "") -> Vraag:
    """The inwoner rates the help 1-10, once, after an answer."""
    vraag = _lock(vraag_id)
    if vraag.eerste_antwoord_op is None:
        raise ValidationError(_("U kunt een cijfer geven zodra u antwoord heeft."))
    if vraag.waardering is not None:
        raise ValidationError(_("U heeft al een cijfer gegeven. Dank u wel."))
    if not isinstance(cijfer, int) or not 1 <= cijfer <= 10:
        raise ValidationError({"cijfer": _("Geef een cijfer van 1 tot en met 10.")})
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        raise ValidationError({"toelichting": _("De toelichting is te lang.")})
    vraag.waardering = cijfer
    vraag.waardering_toelichting = toelichting
    vraag.gewaardeerd_op = timezone.now()
    vraag.save(update_fields=["waardering", "waardering_toelichting", "gewaardeerd_op"])
    return vraag


@transaction.atomic
def vragen_links_vernieuwen(*, email: str) -> list[Vraag]:
    """New personal links for every vraag of this address (the old links stop working)."""
    qs = Vraag.objects.filter(email__iexact=email.strip())
    qs.update(link_versie=F("link_versie") + 1)
    return list(qs.order_by("-ontvangen_op"))

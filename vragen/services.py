"""Every write on vragen. Views, forms, admin, tasks and hooks call these functions only.

Each service runs in one transaction, locks the vraag it checks (select_for_update), refuses
illegal moves with a `core.fouten.Weigering` in plain Dutch (the status steps come from
vragen.workflow), and records history rows (Routering, Antwoord) instead of editing them.
"""

from datetime import date, datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Medewerker, Rol, Team
from core.fouten import Weigering
from core.links import LinkSoort, links_vernieuwen
from core.mail import mail_versturen
from kernen.models import Kern
from vragen.models import Antwoord, Routering, Vraag

from .constants import (
    MAX_TEKST,
    AntwoordSoort,
    Kanaal,
    RouteringSoort,
    VraagSoort,
)
from .deadlines import lokale_datum, termijn_einde, toezegging_einde
from .workflow import Actie, controleer

# The inwoner's personal page (status, answers, rating).
PERSOONLIJKE_LINK = LinkSoort(naam="vraag", url_naam="vragen:vraag_persoonlijk")
# The link in the first mail. It lives as long as the personal link (the mail says it leads
# there once the address is confirmed) and is revoked with it, through link_versie.
BEVESTIG_LINK = LinkSoort(naam="vraag-bevestigen", url_naam="vragen:vraag_bevestigen")
MAX_TOEZEGGING_DAGEN = 365


def _volledig(obj: Model) -> None:
    """full_clean, with the model's messages as a Weigering (shown at the form fields)."""
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise Weigering(exc.message_dict) from exc


def _lock(vraag_id: int) -> Vraag:
    return Vraag.objects.select_for_update().select_related("kern").get(pk=vraag_id)


def _check_tekst(tekst: str, veld: str = "tekst") -> str:
    tekst = (tekst or "").strip()
    if not tekst:
        raise Weigering({veld: _("Vul de tekst in.")})
    if len(tekst) > MAX_TEKST:
        raise Weigering(
            {veld: _("De tekst is te lang: maximaal %(max)s tekens.") % {"max": MAX_TEKST}}
        )
    return tekst


def _mail_ontvangst(vraag: Vraag) -> None:
    if vraag.email:
        mail_versturen(
            aan=vraag.email,
            onderwerp=_("Wij hebben uw vraag ontvangen - Gemeente Buren"),
            template="vragen/mail/ontvangen.txt",
            context={"vraag": vraag, "url": BEVESTIG_LINK.url(vraag)},
        )


def _nieuwe_vraag(**velden) -> Vraag:
    kern: Kern = velden["kern"]
    if kern is None or not Kern.objects.actief().filter(pk=kern.pk).exists():
        raise Weigering({"kern": _("Kies een kern uit de lijst.")})
    velden["tekst"] = _check_tekst(velden["tekst"])
    velden["onderwerp"] = (velden.get("onderwerp") or "").strip()
    ontvangen_op = velden.setdefault("ontvangen_op", timezone.now())
    vraag = Vraag(termijn_einde=termijn_einde(ontvangen_op), **velden)
    vraag.deadline = vraag.termijn_einde
    _volledig(vraag)
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
        raise Weigering({"email": _("Vul uw e-mailadres in.")})
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
        raise Weigering({"ontvangen_op": _("Een ontvangstmoment ligt niet in de toekomst.")})
    if not (
        door.heeft_rol(Rol.FUNCTIONEEL_BEHEER) or kern.kernambtenaren.filter(pk=door.pk).exists()
    ):
        raise Weigering({"kern": _("U bent geen kernambtenaar van deze kern.")})
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
    nieuwe_status = controleer(vraag, door, Actie.ROUTEREN)
    if team is None and behandelaar is None:
        raise Weigering(_("Kies een team of een beleidsmedewerker."))
    if behandelaar is not None:
        behandelaar = Medewerker.objects.select_related("team").get(pk=behandelaar.pk)
        if not behandelaar.is_active:
            raise Weigering(
                {"behandelaar": _("Deze medewerker is niet actief. Kies iemand anders.")}
            )
        if not behandelaar.heeft_rol(Rol.BELEIDSMEDEWERKER):
            raise Weigering({"behandelaar": _("Deze medewerker is geen beleidsmedewerker.")})
        if team is None:
            team = behandelaar.team
    if team is not None and not team.actief:
        raise Weigering({"team": _("Dit team is niet actief.")})
    notitie = (notitie or "").strip()
    if len(notitie) > MAX_TEKST:
        raise Weigering({"notitie": _("De notitie is te lang.")})

    vraag.team = team
    vraag.behandelaar = behandelaar
    vraag.status = nieuwe_status
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
    nieuwe_status = controleer(vraag, door, Actie.TERUGGEVEN)
    reden = _check_tekst(reden, "reden")
    vraag.team = None
    vraag.behandelaar = None
    vraag.status = nieuwe_status
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
    nieuwe_status = controleer(vraag, door, Actie.BEANTWOORDEN)
    tekst = _check_tekst(tekst)
    nu = timezone.now()
    if soort == AntwoordSoort.PROCES:
        nieuwe_status = controleer(vraag, door, Actie.PROCESANTWOORD)
        if toegezegd_op is None:
            raise Weigering(
                {"toegezegd_op": _("Noem de datum waarop het inhoudelijke antwoord komt.")}
            )
        vandaag = lokale_datum(nu)
        if toegezegd_op <= vandaag:
            raise Weigering({"toegezegd_op": _("Kies een datum na vandaag.")})
        if (toegezegd_op - vandaag).days > MAX_TOEZEGGING_DAGEN:
            raise Weigering({"toegezegd_op": _("Kies een datum binnen een jaar.")})
    elif soort == AntwoordSoort.INHOUDELIJK:
        toegezegd_op = None
    else:
        raise Weigering({"soort": _("Kies het soort antwoord.")})

    antwoord = Antwoord(
        vraag=vraag, soort=soort, tekst=tekst, toegezegd_op=toegezegd_op, door=door, gegeven_op=nu
    )
    _volledig(antwoord)
    antwoord.save()

    velden = ["status", "deadline", "termijn_volgnummer", "behandelaar"]
    if vraag.eerste_antwoord_op is None:
        vraag.eerste_antwoord_op = nu
        velden.append("eerste_antwoord_op")
    vraag.behandelaar = door  # a team member who answers becomes the behandelaar
    vraag.termijn_volgnummer = F("termijn_volgnummer") + 1
    vraag.status = nieuwe_status
    if toegezegd_op is not None:
        vraag.toegezegd_op = toegezegd_op
        vraag.deadline = toezegging_einde(toegezegd_op)
        velden.append("toegezegd_op")
    else:
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
            context={"vraag": vraag, "antwoord": antwoord, "url": PERSOONLIJKE_LINK.url(vraag)},
        )
    return antwoord


@transaction.atomic
def vraag_waarderen(*, vraag_id: int, cijfer: int, toelichting: str = "") -> Vraag:
    """The inwoner rates the help 1-10, once, after an answer."""
    vraag = _lock(vraag_id)
    if vraag.eerste_antwoord_op is None:
        raise Weigering(_("U kunt een cijfer geven zodra u antwoord heeft."))
    if vraag.waardering is not None:
        raise Weigering(_("U heeft al een cijfer gegeven. Dank u wel."))
    if not isinstance(cijfer, int) or not 1 <= cijfer <= 10:
        raise Weigering({"cijfer": _("Geef een cijfer van 1 tot en met 10.")})
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        raise Weigering({"toelichting": _("De toelichting is te lang.")})
    vraag.waardering = cijfer
    vraag.waardering_toelichting = toelichting
    vraag.gewaardeerd_op = timezone.now()
    vraag.save(update_fields=["waardering", "waardering_toelichting", "gewaardeerd_op"])
    return vraag


def vragen_links_vernieuwen(*, email: str) -> list[Vraag]:
    """New personal links for every vraag of this address (old ones stop once one is opened)."""
    return links_vernieuwen(
        Vraag.objects.filter(email__iexact=email.strip()).order_by("-ontvangen_op")
    )

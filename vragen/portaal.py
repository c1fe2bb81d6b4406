"""Hooks of the vragen concern (re-exported by participatie/portaal.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.hooks import Link, Panel

from .selectors import kern_vraag_cijfers
from .services import persoonlijke_url, vragen_links_vernieuwen


def kern_acties(*, kern) -> list[Link]:
    return [
        Link(
            label=_("Vraag stellen"),
            url=reverse("vragen:vraag_stellen") + f"?kern={kern.slug}",
        )
    ]


def dashboard_panel(*, request, kern) -> Panel | None:
    cijfers = kern_vraag_cijfers(kern=kern)
    return Panel(
        titel=_("Vragen van inwoners"),
        template="vragen/_panel.html",
        context={
            "cijfers": cijfers,
            # The inbox is the kernambtenaar's (and the teams'); a kernwethouder sees the figures.
            "mag_openen": request.user.has_perm("vragen.view_vragen_inbox"),
            "url": reverse("vragen:vragen_inbox") + f"?kern={kern.pk}&status=open",
            "url_te_laat": reverse("vragen:vragen_inbox") + f"?kern={kern.pk}&status=te-laat",
        },
    )


def startpagina_links(*, user) -> list[Link]:
    links = []
    if user.has_perm("vragen.view_vragen_inbox"):
        links.append(
            Link(
                label=_("Vragen van inwoners"),
                url=reverse("vragen:vragen_inbox"),
                uitleg=_("Op volgorde van termijn: wat moet vandaag, wat is te laat."),
            )
        )
    if user.has_perm("vragen.registreer_vraag"):
        links.append(
            Link(
                label=_("Vraag registreren"),
                url=reverse("vragen:vraag_registreren"),
                uitleg=_("Een vraag uit het dorpshuis, per telefoon of op straat."),
            )
        )
    if user.has_perm("vragen.view_vragen_cijfers"):
        links.append(
            Link(
                label=_("Cijfers vragen"),
                url=reverse("vragen:vragen_cijfers"),
                uitleg=_("Op tijd beantwoord, doorlooptijd en waardering per team."),
            )
        )
    return links


def persoonlijke_links(*, email: str) -> list[Link]:
    return [
        Link(label=_("Uw vraag: %(o)s") % {"o": v.onderwerp}, url=persoonlijke_url(v))
        for v in vragen_links_vernieuwen(email=email)
    ]

"""Hooks of the vragen concern (re-exported by participatie/portaal.py)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.hooks import Link, Panel, StartLink

from .selectors import kern_vraag_cijfers
from .services import PERSOONLIJKE_LINK, vragen_links_vernieuwen


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


STARTPAGINA = [
    StartLink(
        permissie="vragen.view_vragen_inbox",
        label=gettext_lazy("Vragen van inwoners"),
        url_naam="vragen:vragen_inbox",
        uitleg=gettext_lazy("Op volgorde van termijn: wat moet vandaag, wat is te laat."),
    ),
    StartLink(
        permissie="vragen.registreer_vraag",
        label=gettext_lazy("Vraag registreren"),
        url_naam="vragen:vraag_registreren",
        uitleg=gettext_lazy("Een vraag uit het dorpshuis, per telefoon of op straat."),
    ),
    StartLink(
        permissie="vragen.view_vragen_cijfers",
        label=gettext_lazy("Cijfers vragen"),
        url_naam="vragen:vragen_cijfers",
        uitleg=gettext_lazy("Op tijd beantwoord, doorlooptijd en waardering per team."),
    ),
]


def persoonlijke_links(*, email: str) -> list[Link]:
    return [
        Link(label=_("Uw vraag: %(o)s") % {"o": v.onderwerp}, url=PERSOONLIJKE_LINK.url(v))
        for v in vragen_links_vernieuwen(email=email)
    ]

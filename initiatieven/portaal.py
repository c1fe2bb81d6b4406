"""Hooks for the portal (core.hooks): dashboard panel, kern page, start page, links."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.hooks import Link, Panel, StartLink
from kernen.rules import is_kernambtenaar_van

from . import selectors, services


def dashboard_panel(*, request, kern) -> Panel | None:
    user = request.user
    kan_openen = user.has_perm("initiatieven.view_lijst") and is_kernambtenaar_van(user, kern)
    return Panel(
        titel=_("Initiatieven"),
        template="initiatieven/_panel.html",
        context={
            "aantallen": selectors.aantallen_per_status(kern=kern),
            "oudste": selectors.oudste_wachtend(kern=kern),
            "kan_openen": kan_openen,
            "lijst_url": reverse("initiatieven:lijst") + f"?kern={kern.pk}",
        },
    )


STARTPAGINA = [
    StartLink(
        permissie="initiatieven.view_nominaties",
        label=_("Voordrachten vrijwilligersprijzen"),
        url_naam="initiatieven:nominaties",
        uitleg=_("Wie inwoners uit uw kernen voordragen voor een vrijwilligersprijs."),
    )
]


def kern_publiek_blok(*, kern) -> Panel:
    return Panel(
        titel=_("Initiatieven in %(kern)s") % {"kern": kern.naam},
        template="initiatieven/_kern_blok.html",
        context={"initiatieven": list(selectors.publieke_initiatieven(kern=kern)[:6])},
    )


def kern_acties(*, kern) -> list[Link]:
    return [
        Link(
            label=_("Idee indienen voor %(kern)s") % {"kern": kern.naam},
            url=reverse("initiatieven:indienen") + f"?kern={kern.slug}",
        )
    ]


def startpagina_links(*, user) -> list[Link]:
    if not user.has_perm("initiatieven.view_lijst"):
        return []
    nieuw = selectors.aantal_nieuw_voor_medewerker(user)
    return [
        Link(
            label=_("Initiatieven"),
            url=reverse("initiatieven:lijst"),
            uitleg=_("%(n)s nieuw, nog niet in behandeling.") % {"n": nieuw},
        )
    ]


def persoonlijke_links(*, email: str) -> list[Link]:
    """New links for the confirmed initiatives of this address (old ones stop once one is used)."""
    return [
        Link(
            label=_("Initiatief: %(titel)s") % {"titel": initiatief.titel},
            url=services.persoonlijke_link(initiatief),
        )
        for initiatief in services.persoonlijke_links_vernieuwen(email=email)
    ]

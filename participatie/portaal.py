"""Hooks of trajecten and bijeenkomsten (see core.hooks)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.hooks import Link, Panel, StartLink
from core.links import links_vernieuwen

from . import selectors, services


def dashboard_panel(*, request, kern) -> Panel | None:
    gegevens = selectors.kern_dashboard(kern=kern, user=request.user)
    # A meeting for the whole municipality shows on every kern's dashboard; link to its staff
    # page only where the rule lets this user in (the same selector, one query, asked even
    # without meetings), else to the public page, so no link on the dashboard answers 403.
    for b in gegevens["bijeenkomsten"]:
        b.dashboard_url = (
            reverse("participatie:bijeenkomst_detail", kwargs={"bijeenkomst_pk": b.pk})
            if b.mag_openen
            else b.get_absolute_url()
        )
    return Panel(
        titel=_("Participatie"),
        template="participatie/_panel_kern.html",
        context={
            **gegevens,
            "mag_trajecten": request.user.has_perm("participatie.view_trajecten"),
        },
    )


def kern_publiek_blok(*, kern) -> list[Panel]:
    gegevens = selectors.kern_publiek(kern=kern)
    return [
        Panel(
            titel=_("Bijeenkomsten"),
            template="participatie/_kern_bijeenkomsten.html",
            context={"bijeenkomsten": gegevens["bijeenkomsten"]},
        ),
        Panel(
            titel=_("Praat mee over plannen"),
            template="participatie/_kern_trajecten.html",
            context={"trajecten": gegevens["trajecten"]},
        ),
    ]


def initiatief_blok(*, initiatief) -> Panel | None:
    """Trajecten that answer the initiative, and their meetings, on the resident's page."""
    gegevens = selectors.voor_initiatief(initiatief_id=initiatief.pk)
    if not gegevens["trajecten"]:
        return None
    return Panel(
        titel=_("Plannen en bijeenkomsten over uw idee"),
        template="participatie/_initiatief_trajecten.html",
        context=gegevens,
    )


STARTPAGINA = [
    StartLink(
        permissie="participatie.view_trajecten",
        label=gettext_lazy("Participatietrajecten"),
        url_naam="participatie:traject_lijst",
        uitleg=gettext_lazy("Trajecten stap voor stap, en lessen uit eerdere trajecten."),
    ),
    StartLink(
        permissie="participatie.view_bijeenkomsten",
        label=gettext_lazy("Bijeenkomsten"),
        url_naam="participatie:bijeenkomst_lijst",
        uitleg=gettext_lazy("Startbijeenkomsten en koffiemomenten: aanmeldingen en verslagen."),
    ),
]


def persoonlijke_links(*, email: str) -> list[Link]:
    return [
        Link(
            label=_("Uw aanmelding: %(titel)s (%(datum)s)")
            % {"titel": a.bijeenkomst.titel, "datum": a.bijeenkomst.begint_op.strftime("%d-%m-%Y")},
            url=services.aanmelding_link(a),
        )
        # Fresh links for the live registrations of coming meetings; older ones stop working.
        for a in links_vernieuwen(selectors.aanmeldingen_met_link(email=email))
    ]

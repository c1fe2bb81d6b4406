"""Hooks for the kern dashboard and kern page, the staff start page and "mijn links"."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.hooks import Link, Panel, StartLink
from core.links import links_vernieuwen

from . import selectors, services


def dashboard_panel(*, request, kern) -> Panel | None:
    if not request.user.has_perm("budgetten.view_overzicht"):
        return None
    jaar = timezone.localdate().year
    return Panel(
        titel=_("Budget van de kern"),
        template="budgetten/_panel.html",
        context={
            **selectors.kern_budget_overzicht(kern=kern, jaar=jaar),
            "stemronde": selectors.stemronde_van_kern(kern=kern, jaar=jaar),
            "mag_stemronde_beheren": request.user.has_perm("budgetten.beheer_stemronde", kern),
        },
    )


def kern_publiek_blok(*, kern) -> Panel | None:
    """Only while residents of the kern can vote on the leefbaarheidsbudget."""
    ronde = selectors.open_stemronde_van_kern(kern=kern, vandaag=timezone.localdate())
    if ronde is None:
        return None
    return Panel(
        titel=_("Stem mee over het leefbaarheidsbudget"),
        template="budgetten/_kern_stemronde.html",
        context={"ronde": ronde},
    )


def kern_acties(*, kern) -> list[Link]:
    return [Link(label=_("Geld aanvragen"), url=reverse("budgetten:regelingen"))]


STARTPAGINA = [
    StartLink(
        permissie="budgetten.view_college_queue",
        label=gettext_lazy("Bijzondere initiatieven voor het college"),
        url_naam="budgetten:college",
        uitleg=gettext_lazy("Aanvragen met advies die wachten op een besluit van het college."),
    ),
    StartLink(
        permissie="budgetten.view_aanvragen",
        label=gettext_lazy("Aanvragen budgetten"),
        url_naam="budgetten:aanvraag_lijst",
        uitleg=gettext_lazy(
            "Bijdragen voor straatactiviteiten, leefbaarheid en bijzondere initiatieven."
        ),
    ),
    StartLink(
        permissie="budgetten.view_stemrondes",
        label=gettext_lazy("Stemrondes leefbaarheidsbudget"),
        url_naam="budgetten:stemronde_beheer_lijst",
        uitleg=gettext_lazy(
            "Inwoners van uw kernen verdelen het leefbaarheidsbudget met hun stem."
        ),
    ),
    StartLink(
        permissie="budgetten.view_overzicht",
        label=gettext_lazy("Budgetten per jaar"),
        url_naam="budgetten:grootboek",
    ),
    StartLink(
        permissie="budgetten.view_declaraties",
        label=gettext_lazy("Declaraties signaleringsgroepen"),
        url_naam="budgetten:declaratie_lijst",
    ),
    StartLink(
        permissie="budgetten.grant_vrijwilligersvergoeding",
        label=gettext_lazy("Vrijwilligersvergoeding coördinator"),
        url_naam="budgetten:vergoeding",
    ),
]


def initiatief_blok(*, initiatief) -> Panel | None:
    """The applications and decisions of an initiative, on the resident's page of it."""
    aanvragen = list(selectors.aanvragen_van_initiatief(initiatief.pk))
    if not aanvragen and not initiatief.hulp_geld:
        return None
    rijen = [(a, services.AANVRAAG_LINK.pad(a) if a.email_bevestigd_op else "") for a in aanvragen]
    return Panel(
        titel=_("Aanvragen voor geld"),
        template="budgetten/_initiatief_aanvragen.html",
        context={"rijen": rijen},
    )


def persoonlijke_links(*, email: str) -> list[Link]:
    return [
        Link(
            label=_("Uw aanvraag: %(titel)s") % {"titel": aanvraag.titel},
            url=services.AANVRAAG_LINK.url(aanvraag),
        )
        for aanvraag in links_vernieuwen(selectors.aanvragen_met_email(email))
    ]

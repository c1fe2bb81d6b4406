"""Hooks for the kern dashboard and kern page, the staff start page and "mijn links"."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.hooks import Link, Panel

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


def startpagina_links(*, user) -> list[Link]:
    links: list[Link] = []
    if user.has_perm("budgetten.view_college_queue"):
        links.append(
            Link(
                label=_("Bijzondere initiatieven voor het college"),
                url=reverse("budgetten:college"),
                uitleg=_("Aanvragen met advies die wachten op een besluit van het college."),
            )
        )
    if user.has_perm("budgetten.view_aanvragen"):
        links.append(
            Link(
                label=_("Aanvragen budgetten"),
                url=reverse("budgetten:aanvraag_lijst"),
                uitleg=_(
                    "Bijdragen voor straatactiviteiten, leefbaarheid en bijzondere initiatieven."
                ),
            )
        )
    if user.has_perm("budgetten.view_stemrondes"):
        links.append(
            Link(
                label=_("Stemrondes leefbaarheidsbudget"),
                url=reverse("budgetten:stemronde_beheer_lijst"),
                uitleg=_("Inwoners van uw kernen verdelen het leefbaarheidsbudget met hun stem."),
            )
        )
    if user.has_perm("budgetten.view_overzicht"):
        links.append(Link(label=_("Budgetten per jaar"), url=reverse("budgetten:grootboek")))
    if user.has_perm("budgetten.view_declaraties"):
        links.append(
            Link(
                label=_("Declaraties signaleringsgroepen"),
                url=reverse("budgetten:declaratie_lijst"),
            )
        )
    if user.has_perm("budgetten.grant_vrijwilligersvergoeding"):
        links.append(
            Link(
                label=_("Vrijwilligersvergoeding coördinator"),
                url=reverse("budgetten:vergoeding"),
            )
        )
    return links


def persoonlijke_links(*, email: str) -> list[Link]:
    return [
        Link(
            label=_("Uw aanvraag: %(titel)s") % {"titel": aanvraag.titel},
            url=services.persoonlijke_link_vernieuwen(aanvraag_id=aanvraag.pk),
        )
        for aanvraag in selectors.aanvragen_met_email(email)
    ]

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Rol
from core.hooks import Link, Panel

from .selectors import kernen_van_medewerker, toolbox_van_kern


def dashboard_panel(*, request, kern) -> Panel:
    return Panel(
        titel=_("Over de kern"),
        template="kernen/_panel_kern.html",
        context={
            "kern": kern,
            "mag_toolbox_wijzigen": request.user.has_perm("kernen.change_kern_inhoud", kern),
            **toolbox_van_kern(kern=kern),
        },
    )


def startpagina_links(*, user) -> list[Link]:
    links = []
    if user.has_perm("kernen.view_dashboard"):
        for kern in kernen_van_medewerker(user):
            links.append(
                Link(
                    label=_("Dashboard %(kern)s") % {"kern": kern.naam},
                    url=reverse("kernen:dashboard", kwargs={"kern": kern.slug}),
                )
            )
    if user.heeft_rol(Rol.FUNCTIONEEL_BEHEER) and user.is_staff:
        links.append(
            Link(
                label=_("Beheer"),
                url=reverse("admin:index"),
                uitleg=_("Kernen, gebieden, teams, regelingen, medewerkers en rollen."),
            )
        )
    return links

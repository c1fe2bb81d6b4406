"""Start-page link to the half-yearly monitoring (hook of core.hooks)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.hooks import Link


def startpagina_links(*, user) -> list[Link]:
    if not user.has_perm("monitoring.view_monitoring"):
        return []
    return [
        Link(
            label=_("Monitoring per half jaar"),
            url=reverse("monitoring:monitoring"),
            uitleg=_("Cijfers per kern, het cijfer van inwoners en de actiepunten van het plan."),
        )
    ]

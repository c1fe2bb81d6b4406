"""Start-page link to the half-yearly monitoring (hook of core.hooks)."""

from django.utils.translation import gettext_lazy as _

from core.hooks import StartLink

STARTPAGINA = [
    StartLink(
        permissie="monitoring.view_monitoring",
        label=_("Monitoring per half jaar"),
        url_naam="monitoring:monitoring",
        uitleg=_("Cijfers per kern, het cijfer van inwoners en de actiepunten van het plan."),
    ),
    StartLink(
        permissie="monitoring.view_monitoring",
        label=_("Halfjaarrapport"),
        url_naam="monitoring:rapport",
        uitleg=_("Het rapport voor het college, met grafieken, als PDF of spreadsheet."),
    ),
]

"""Admin of participatie; one module per concern."""

from django.contrib import admin

from participatie.trajecten import admin as _trajecten_admin  # noqa: F401
from participatie.vragen.admin import registreer as registreer_vragen

registreer_vragen(admin.site)

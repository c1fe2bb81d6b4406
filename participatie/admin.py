from django.contrib import admin

from participatie.vragen.admin import registreer as registreer_vragen

registreer_vragen(admin.site)

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Regeling, RegelingJaar


class RegelingJaarInline(admin.TabularInline):
    model = RegelingJaar
    extra = 0


@admin.register(Regeling)
class RegelingAdmin(SimpleHistoryAdmin):
    list_display = ("naam", "code", "scope")
    inlines = [RegelingJaarInline]


@admin.register(RegelingJaar)
class RegelingJaarAdmin(SimpleHistoryAdmin):
    list_display = ("regeling", "jaar", "plafond", "max_per_aanvraag", "vrijwilligersvergoeding")
    list_filter = ("regeling", "jaar")

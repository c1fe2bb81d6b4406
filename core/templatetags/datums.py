"""One Dutch notation per kind of moment, for every template (a builtin, see settings).

    {{ d|datum }}      2 december 2026
    {{ dt|datumtijd }} 2 december 2026, 19:00
    {{ dt|tijd }}      19:00

Staff pages used to mix six notations ("wo 2 Dec 2026", "16-12-2026 19:00", ...).
"""

from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import time as time_filter

register = template.Library()

DATUM = "j F Y"
DATUMTIJD = "j F Y, H:i"
TIJD = "H:i"


@register.filter(expects_localtime=True, is_safe=False)
def datum(value) -> str:
    return date_filter(value, DATUM)


@register.filter(expects_localtime=True, is_safe=False)
def datumtijd(value) -> str:
    return date_filter(value, DATUMTIJD)


@register.filter(expects_localtime=True, is_safe=False)
def tijd(value) -> str:
    return time_filter(value, TIJD)

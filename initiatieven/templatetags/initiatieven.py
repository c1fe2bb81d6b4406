"""Lets the kern page (kernen app) show public initiatives without kernen importing us:
templates/kernen/kern_detail.html includes initiatieven/_kern_blok.html, which loads this."""

from django import template

from .. import selectors

register = template.Library()


@register.simple_tag
def publieke_initiatieven_van(kern, aantal: int = 6):
    return list(selectors.publieke_initiatieven(kern=kern)[:aantal])

"""iCalendar (.ics) for a meeting, attached to the confirmation and offered for download."""

from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//Gemeente Buren//Kerngericht werken//NL"


def _uid(bijeenkomst) -> str:
    host = urlparse(settings.SITE_URL).hostname or "kerngericht.buren.nl"
    return f"bijeenkomst-{bijeenkomst.pk}@{host}"


def bijeenkomst_ics(bijeenkomst, *, afmeldlink: str = "") -> str:
    """One VEVENT in Europe/Amsterdam with a VTIMEZONE, as text (CRLF line endings)."""
    tz = timezone.get_default_timezone()
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-timezone", str(tz))

    event = Event()
    event.add("uid", _uid(bijeenkomst))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(bijeenkomst.begint_op, tz))
    event.add("dtend", timezone.localtime(bijeenkomst.eindigt_op, tz))
    event.add("summary", bijeenkomst.titel)
    url = settings.SITE_URL + bijeenkomst.get_absolute_url()
    event.add("url", url)
    plaats = bijeenkomst.locatie or bijeenkomst.videolink or bijeenkomst.telefoon
    if plaats:
        event["location"] = vText(plaats)
    regels = [bijeenkomst.omschrijving] if bijeenkomst.omschrijving else []
    if bijeenkomst.videolink:
        regels.append(f"Online meedoen: {bijeenkomst.videolink}")
    if bijeenkomst.telefoon:
        regels.append(f"Inbellen per telefoon: {bijeenkomst.telefoon}")
    regels.append(f"Meer informatie: {url}")
    if afmeldlink:
        regels.append(f"Afmelden: {afmeldlink}")
    event.add("description", "\n".join(regels))
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")

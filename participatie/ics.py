"""iCalendar (.ics) for a meeting, attached to the confirmation and offered for download."""

from urllib.parse import urlparse

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vText

PRODID = "-//Gemeente Buren//Kerngericht werken//NL"


def _uid(bijeenkomst) -> str:
    host = urlparse(settings.SITE_URL).hostname or "kerngericht.buren.nl"
    return f"bijeenkomst-{bijeenkomst.pk}@{host}"


def bijeenkomst_ics(bijeenkomst, *, afmeldlink: str = "", voor_deelnemer: bool = False) -> str:
    """One VEVENT in Europe/Amsterdam with a VTIMEZONE, as text (CRLF line endings).

    The video link and dial-in number are only for registered residents (`voor_deelnemer`,
    the attachment of their confirmation); the public download leaves them out.
    """
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
    if bijeenkomst.geannuleerd:
        event.add("status", "CANCELLED")
    videolink = bijeenkomst.videolink if voor_deelnemer else ""
    telefoon = bijeenkomst.telefoon if voor_deelnemer else ""
    plaats = (
        bijeenkomst.locatie or videolink or telefoon or ("Online" if bijeenkomst.videolink else "")
    )
    if plaats:
        event["location"] = vText(plaats)
    regels = [bijeenkomst.omschrijving] if bijeenkomst.omschrijving else []
    if videolink:
        regels.append(f"Online meedoen: {videolink}")
    if telefoon:
        regels.append(f"Inbellen per telefoon: {telefoon}")
    regels.append(f"Meer informatie: {url}")
    if afmeldlink:
        regels.append(f"Afmelden: {afmeldlink}")
    event.add("description", "\n".join(regels))
    cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")

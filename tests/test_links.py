import time_machine
from django.core import signing

from core import links
from kernen.models import Kern


def test_token_round_trip():
    token = links.maak_token(soort="initiatief", pk=42, versie=3)
    assert links.lees_token(token, soort="initiatief") == links.LinkInhoud("initiatief", 42, 3)


def test_forged_token_is_refused():
    token = links.maak_token(soort="initiatief", pk=42, versie=1)
    forged = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    for bad in (forged, "zomaar-iets", "", signing.dumps(["initiatief", 42, 1], salt="ander")):
        try:
            links.lees_token(bad, soort="initiatief")
        except links.LinkOngeldig:
            continue
        raise AssertionError(f"accepted: {bad}")


def test_token_of_another_kind_is_refused():
    token = links.maak_token(soort="vraag", pk=42, versie=1)
    try:
        links.lees_token(token, soort="initiatief")
    except links.LinkOngeldig:
        return
    raise AssertionError("a vraag link opened an initiatief")


def test_token_expires(settings):
    settings.PERSOONLIJKE_LINK_GELDIG_DAGEN = 10
    with time_machine.travel("2026-01-01 12:00 +0000", tick=False):
        token = links.maak_token(soort="initiatief", pk=1, versie=1)
    with time_machine.travel("2026-01-11 11:59 +0000", tick=False):
        assert links.lees_token(token, soort="initiatief").pk == 1
    with time_machine.travel("2026-01-11 12:01 +0000", tick=False):
        try:
            links.lees_token(token, soort="initiatief")
        except links.LinkVerlopen:
            return
    raise AssertionError("expired token accepted")


def test_raised_version_revokes_older_links(kern):
    # Kern has no link_versie; use a queryset annotated with one to exercise haal_object.
    from django.db.models import Value

    qs = Kern.objects.annotate(link_versie=Value(2))
    old = links.maak_token(soort="kern", pk=kern.pk, versie=1)
    new = links.maak_token(soort="kern", pk=kern.pk, versie=2)
    assert links.haal_object(new, soort="kern", queryset=qs) == kern
    try:
        links.haal_object(old, soort="kern", queryset=qs)
    except links.LinkOngeldig:
        return
    raise AssertionError("revoked link accepted")

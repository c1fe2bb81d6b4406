"""The edit page of a trajectory (basic data), for every role that may change it."""

import pytest
from django.test.html import parse_html

from participatie.constants import TrajectSoort
from participatie.models import Traject
from tests.factories import KernFactory, MedewerkerFactory
from tests.participatie.factories import TrajectFactory

pytestmark = pytest.mark.django_db


def _url(traject) -> str:
    return f"/medewerker/trajecten/{traject.pk}/bewerken/"


def _elementen(node):
    yield node
    for kind in getattr(node, "children", []):
        if not isinstance(kind, str):
            yield from _elementen(kind)


def _formulier(html: str) -> dict[str, list[str]]:
    """What the edit form shows: control name -> the values filled in, ticked or selected."""
    waarden: dict[str, list[str]] = {}
    select = None
    for el in _elementen(parse_html(html)):
        attrs = dict(el.attributes)
        if el.name == "select":
            select = attrs.get("name")
            waarden.setdefault(select, [])
        elif el.name == "option" and "selected" in attrs and select:
            waarden[select].append(attrs.get("value", ""))
        elif el.name == "textarea":
            waarden[attrs["name"]] = ["".join(c for c in el.children if isinstance(c, str))]
        elif el.name == "input" and attrs.get("name"):
            vak = waarden.setdefault(attrs["name"], [])
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                vak.append(attrs.get("value", ""))
    return waarden


@pytest.fixture
def opzet():
    """A trajectory with an owner, a kern with its own kernambtenaar and a named
    kernambtenaar who is not linked to that kern."""
    kern = KernFactory(naam="Zoelen")
    eigenaar = MedewerkerFactory(rollen=["beleidsmedewerker"])
    genoemd = MedewerkerFactory(rollen=["kernambtenaar"])
    traject = TrajectFactory(
        titel="Speelplek Zoelen",
        onderwerp="Een nieuwe speelplek bij de school.",
        kernen=[kern],
        eigenaar=eigenaar,
        kernambtenaar=genoemd,
    )
    gebruikers = {
        "eigenaar": eigenaar,
        "kernambtenaar van de kern": MedewerkerFactory(
            rollen=["kernambtenaar"], kernambtenaar_van=[kern]
        ),
        "kernambtenaar van het traject": genoemd,
        "functioneel beheer": MedewerkerFactory(rollen=["functioneel-beheer"]),
    }
    return traject, kern, gebruikers


ROLLEN = [
    "eigenaar",
    "kernambtenaar van de kern",
    "kernambtenaar van het traject",
    "functioneel beheer",
]


@pytest.mark.parametrize("rol", ROLLEN)
def test_edit_page_renders_prefilled_for_every_role_that_may_change(client, signed_in, opzet, rol):
    traject, kern, gebruikers = opzet
    signed_in(gebruikers[rol])
    response = client.get(_url(traject))
    assert response.status_code == 200
    form = _formulier(response.content.decode())
    assert form["titel"] == ["Speelplek Zoelen"]
    assert form["onderwerp"] == ["Een nieuwe speelplek bij de school."]
    assert form["kernen"] == [str(kern.pk)]
    assert form["kernambtenaar"] == [str(traject.kernambtenaar_id)]
    # Owner and kind are fixed after creation: the edit form does not offer them.
    assert "eigenaar" not in form
    assert "soort" not in form


@pytest.mark.parametrize("rol", ROLLEN)
def test_valid_edit_saves_for_every_role_that_may_change(client, signed_in, opzet, rol):
    traject, kern, gebruikers = opzet
    tweede = KernFactory(naam="Ommeren")
    nieuwe_ka = MedewerkerFactory(rollen=["kernambtenaar"])
    signed_in(gebruikers[rol])
    response = client.post(
        _url(traject),
        {
            "titel": "Speelplek Zoelen en Ommeren",
            "onderwerp": "Twee speelplekken.",
            "kernen": [kern.pk, tweede.pk],
            "kernambtenaar": nieuwe_ka.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/medewerker/trajecten/{traject.pk}/"
    traject = Traject.objects.get(pk=traject.pk)
    assert traject.titel == "Speelplek Zoelen en Ommeren"
    assert traject.onderwerp == "Twee speelplekken."
    assert set(traject.kernen.values_list("pk", flat=True)) == {kern.pk, tweede.pk}
    assert traject.kernambtenaar == nieuwe_ka
    # Not on the form, so untouched.
    assert traject.eigenaar == gebruikers["eigenaar"]
    assert traject.soort == TrajectSoort.INWONERSPARTICIPATIE


def test_invalid_edit_keeps_the_input_and_saves_nothing(client, signed_in, opzet):
    traject, kern, gebruikers = opzet
    signed_in(gebruikers["eigenaar"])
    response = client.post(
        _url(traject),
        {"titel": "Nieuwe titel die niet wordt bewaard", "onderwerp": "Ander onderwerp"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kies ten minste één kern." in html
    form = _formulier(html)
    assert form["titel"] == ["Nieuwe titel die niet wordt bewaard"]
    assert form["onderwerp"] == ["Ander onderwerp"]
    traject = Traject.objects.get(pk=traject.pk)
    assert traject.titel == "Speelplek Zoelen"
    assert traject.onderwerp == "Een nieuwe speelplek bij de school."
    assert list(traject.kernen.all()) == [kern]


def test_other_beleidsmedewerker_may_not_open_the_edit_page(client, signed_in, opzet):
    traject, _kern, _gebruikers = opzet
    signed_in(MedewerkerFactory(rollen=["beleidsmedewerker"]))
    assert client.get(_url(traject)).status_code == 403
    assert client.post(_url(traject), {"titel": "x"}).status_code == 403
    assert Traject.objects.get(pk=traject.pk).titel == "Speelplek Zoelen"

"""Staff lists page through their rows (issue 12): nothing cut off silently at 200, nothing
without bound; the controls are Dutch, keep the filter and say where you are."""

import re

import pytest
from django.urls import reverse
from django.utils.timezone import localdate

from budgetten.constants import AanvraagStatus, RegelingCode
from core.paginering import PER_PAGINA
from tests.budgetten.factories import AanvraagFactory, regeling, seed_regelingen
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


def _rijen(html: str) -> int:
    tbody = html[html.rindex("<tbody") : html.rindex("</tbody>")]
    return len(re.findall(r'<tr class="utrecht-table__row"', tbody))


def test_budget_list_shows_every_application_over_pages(client, signed_in):
    kern = KernFactory()
    AanvraagFactory.create_batch(PER_PAGINA + 7, kern=kern, status=AanvraagStatus.INGEDIEND)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    url = reverse("budgetten:aanvraag_lijst")

    eerste = client.get(url, {"status": "ingediend"}).content.decode()
    assert _rijen(eerste) == PER_PAGINA
    assert "Pagina 1 van 2" in eerste
    assert 'aria-label="Pagina’s van de lijst"' in eerste
    assert 'href="?status=ingediend&amp;pagina=2"' in eerste  # the filter stays
    assert "Vorige pagina" not in eerste

    tweede = client.get(url, {"status": "ingediend", "pagina": "2"}).content.decode()
    assert _rijen(tweede) == 7
    assert "Pagina 2 van 2" in tweede and "Vorige pagina" in tweede
    assert "Volgende pagina" not in tweede


def test_a_page_number_that_is_not_one_shows_a_page_instead_of_an_error(client, signed_in):
    kern = KernFactory()
    AanvraagFactory.create_batch(3, kern=kern)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    for waarde in ["x", "999", "-1", "²"]:
        antwoord = client.get(reverse("budgetten:aanvraag_lijst"), {"pagina": waarde})
        assert antwoord.status_code == 200, waarde
        assert _rijen(antwoord.content.decode()) == 3


def test_college_queue_pages_and_still_shows_the_pot_of_every_queued_year(client, signed_in):
    kern = KernFactory()
    AanvraagFactory.create_batch(
        PER_PAGINA + 1,
        kern=kern,
        regeling=regeling(RegelingCode.BIJZONDER),
        status=AanvraagStatus.BIJ_COLLEGE,
        advies="ok",
    )
    signed_in(MedewerkerFactory(rollen=["college"]))
    html = client.get(reverse("budgetten:college")).content.decode()
    assert _rijen(html) == PER_PAGINA
    assert "Pagina 1 van 2" in html
    assert f'data-testid="college-vrij-{localdate().year}"' in html

"""The number of queries of each list and dashboard does not grow with the data."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import localdate

from budgetten import services
from budgetten.constants import AanvraagStatus, RegelingCode
from tests.budgetten.factories import (
    AanvraagFactory,
    DeclaratieFactory,
    SignaleringsgroepFactory,
    regeling,
    seed_regelingen,
)
from tests.factories import KernFactory, MedewerkerFactory, TeamFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def regelingen():
    seed_regelingen(localdate().year)


def _vul(kern, n, beslisser):
    for i in range(n):
        a = AanvraagFactory(kern=kern, gevraagd_bedrag=Decimal("10"))
        if i % 2:
            services.aanvraag_besluiten(
                aanvraag_id=a.pk,
                door=beslisser,
                toekennen=True,
                bedrag=Decimal("10"),
                motivering="",
            )
        AanvraagFactory(
            kern=kern,
            regeling=regeling(RegelingCode.BIJZONDER),
            status=AanvraagStatus.BIJ_COLLEGE,
            advies="ok",
            advies_door=beslisser,
        )
        DeclaratieFactory(groep=SignaleringsgroepFactory(kernen=[kern]))


@pytest.mark.parametrize("n", [2, 8])
@pytest.mark.parametrize(
    ("url", "rol", "verwacht"),
    [
        # the lists page through their rows: one COUNT besides the page (issue 12); the
        # kernambtenaar's kern ids are read once, for a literal IN in both
        ("budgetten:aanvraag_lijst", "kernambtenaar", 8),
        ("budgetten:college", "college", 9),
        ("budgetten:grootboek", "kernambtenaar", 8),
        ("budgetten:declaratie_lijst", "beleidsmedewerker", 13),
    ],
)
def test_staff_lists_have_a_fixed_number_of_queries(
    zonder_medewerker_cache, client, signed_in, django_assert_num_queries, n, url, rol, verwacht
):
    kern = KernFactory()
    # Declarations are team Veiligheid's (DOMAIN.md); the other lists the kernambtenaar's.
    team = TeamFactory(naam="Veiligheid", slug="veiligheid") if rol == "beleidsmedewerker" else None
    user = MedewerkerFactory(rollen=[rol], kernambtenaar_van=[kern], team=team)
    _vul(kern, n, MedewerkerFactory(rollen=["beleidsmedewerker"]))
    signed_in(user)
    with django_assert_num_queries(verwacht):
        response = client.get(reverse(url))
    assert response.status_code == 200


@pytest.mark.parametrize("n", [2, 8])
def test_public_figures_have_a_fixed_number_of_queries(client, django_assert_num_queries, n):
    kern = KernFactory()
    _vul(kern, n, MedewerkerFactory(rollen=["beleidsmedewerker"]))
    for _ in range(n):
        _vul(KernFactory(), 1, MedewerkerFactory(rollen=["beleidsmedewerker"]))
    with django_assert_num_queries(4):
        client.get(reverse("budgetten:cijfers_jaar", kwargs={"jaar": localdate().year}))


def test_kern_dashboard_queries_do_not_grow_with_budget_data(
    zonder_medewerker_cache, client, signed_in
):
    # The dashboard composes panels of every app, so compare two sizes instead of pinning
    # a number that each app's panel changes.
    kern = KernFactory()
    beslisser = MedewerkerFactory(rollen=["beleidsmedewerker"])
    _vul(kern, 2, beslisser)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _vul(kern, 8, beslisser)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many.captured_queries) == len(few.captured_queries)

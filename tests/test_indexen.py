"""The key list queries can use an index (issue 12): what the lists filter and sort on.

At test size PostgreSQL rightly prefers reading a small table whole, so the plan is asked
with sequential scans made expensive (`enable_seqscan = off`): a query that still reads its
main table sequentially has no index that fits it. At benchmark size the planner chooses
these indexes by itself (see `make bench`).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from budgetten import selectors as budgetten_selectors
from initiatieven import selectors as initiatieven_selectors
from participatie import selectors as participatie_selectors
from tests.factories import KernFactory, MedewerkerFactory
from vragen import selectors as vragen_selectors

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _plannen(functie) -> list[str]:
    with CaptureQueriesContext(connection) as q:
        functie()
    plannen = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in q.captured_queries:
            cursor.execute("EXPLAIN " + query["sql"])
            plannen.append("\n".join(r[0] for r in cursor.fetchall()))
    return plannen


def _geen_seq_scan(functie, tabel: str) -> None:
    plannen = _plannen(functie)
    assert plannen, "de selector deed geen query"
    for plan in plannen:
        assert f"Seq Scan on {tabel}" not in plan, plan


@pytest.fixture
def kern():
    return KernFactory()


def test_kern_page_and_public_list_of_initiatives_use_an_index(kern):
    _geen_seq_scan(
        lambda: list(initiatieven_selectors.publieke_initiatieven(kern=kern)[:20]),
        "initiatieven_initiatief",
    )
    _geen_seq_scan(
        lambda: list(initiatieven_selectors.publieke_initiatieven()[:20]),
        "initiatieven_initiatief",
    )
    _geen_seq_scan(
        lambda: initiatieven_selectors.oudste_wachtend(kern=kern), "initiatieven_initiatief"
    )


def test_stories_use_an_index():
    _geen_seq_scan(
        lambda: list(initiatieven_selectors.gepubliceerde_verhalen()[:20]),
        "initiatieven_verhaal",
    )


def test_monitoring_figures_use_indexes():
    einde = timezone.now()
    begin = einde - timedelta(days=182)
    _geen_seq_scan(
        lambda: initiatieven_selectors.monitoring_per_kern(begin=begin, einde=einde),
        "initiatieven_initiatief",
    )
    _geen_seq_scan(
        lambda: initiatieven_selectors.monitoring_per_kern(begin=begin, einde=einde),
        "initiatieven_statuswijziging",
    )
    _geen_seq_scan(
        lambda: vragen_selectors.monitoring_per_kern(begin=begin, einde=einde),
        "participatie_vraag",
    )
    _geen_seq_scan(
        lambda: budgetten_selectors.monitoring_per_kern(begin=begin, einde=einde),
        "budgetten_aanvraag",
    )


def test_staff_lists_use_an_index_for_their_order(kern):
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    _geen_seq_scan(
        lambda: list(budgetten_selectors.aanvragen_voor_medewerker(ka)[:50]), "budgetten_aanvraag"
    )
    _geen_seq_scan(lambda: list(vragen_selectors.inbox(ka)[:50]), "participatie_vraag")
    _geen_seq_scan(
        lambda: list(participatie_selectors.bijeenkomsten_publiek()[:50]),
        "participatie_bijeenkomst",
    )


def test_budget_list_needs_no_distinct(kern):
    ka = MedewerkerFactory(rollen=["kernambtenaar", "college"], kernambtenaar_van=[kern])
    sql = str(budgetten_selectors.aanvragen_voor_medewerker(ka).query)
    assert "DISTINCT" not in sql.upper()


def test_dashboard_counts_and_the_budget_list_count_use_an_index(kern):
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    _geen_seq_scan(
        lambda: initiatieven_selectors.aantallen_per_status(kern=kern), "initiatieven_initiatief"
    )
    _geen_seq_scan(lambda: budgetten_selectors.aanvragen_lijst(ka).count(), "budgetten_aanvraag")
    _geen_seq_scan(lambda: list(budgetten_selectors.aanvragen_lijst(ka)[:50]), "budgetten_aanvraag")


def test_the_public_initiatives_index_holds_exactly_the_public_statuses():
    # The partial index of the open-data list names the statuses itself (a migration cannot
    # depend on a frozenset's order); it must stay the workflow's public ones.
    from initiatieven.models import Initiatief
    from initiatieven.workflow import PUBLIEKE_STATUSSEN

    index = next(i for i in Initiatief._meta.indexes if i.name == "initiatief_publiek_idx")
    voorwaarden = dict(index.condition.children)
    assert set(voorwaarden["status__in"]) == PUBLIEKE_STATUSSEN


def test_staff_lists_filter_on_a_literal_list_of_kern_ids(kern):
    # An IN (subquery) beside the list's joins made PostgreSQL spend 5-25 ms planning the
    # budget list's query at benchmark size; a list of ids keeps the plan simple.
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern])
    for qs in (
        budgetten_selectors.aanvragen_lijst(ka),
        initiatieven_selectors.initiatieven_voor_medewerker(ka),
        vragen_selectors.inbox(ka),
    ):
        sql = str(qs.query)
        assert f'kern_id" IN ({kern.pk})' in sql, sql
        assert "kernen_kern_kernambtenaren" not in sql, sql


def test_monitoring_question_figures_come_from_their_indexes_alone():
    # Each of the two counts reads only columns its index holds (INCLUDE), so PostgreSQL
    # can answer from the index (an Index Only Scan at benchmark size).
    einde = timezone.now()
    begin = einde - timedelta(days=182)
    plannen = _plannen(lambda: vragen_selectors.monitoring_per_kern(begin=begin, einde=einde))
    assert len(plannen) == 2
    assert "Index Only Scan using vraag_ontvangen_idx" in plannen[0], plannen[0]
    assert "Index Only Scan using vraag_gewaardeerd_idx" in plannen[1], plannen[1]

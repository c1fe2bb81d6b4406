import threading
import uuid

import pytest
from django.db import connection

from initiatieven import services
from initiatieven.models import Initiatief
from tests.factories import KernFactory


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_posts_with_the_same_form_key_create_one_initiative():
    kern = KernFactory()
    sleutel = uuid.uuid4()
    start = threading.Barrier(2)
    resultaten = []

    def indienen():
        try:
            start.wait()
            resultaten.append(
                services.initiatief_indienen(
                    idempotentie_sleutel=sleutel,
                    kern=kern,
                    titel="Dubbelklik",
                    omschrijving="Twee keer geklikt.",
                    naam="Kees",
                    email="kees@voorbeeld.nl",
                )
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=indienen) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert Initiatief.objects.count() == 1
    assert len(resultaten) == 2
    assert {r[0].pk for r in resultaten} == {Initiatief.objects.get().pk}
    assert sorted(r[1] for r in resultaten) == [False, True]

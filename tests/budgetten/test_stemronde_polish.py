# ruff: noqa: F811 (fixtures imported from test_stemronde_services)
"""Voting round: changing the dates in preparation, anonymising ballots after the division,
and the read-only admin with masked addresses."""

import datetime

import pytest
import time_machine
from django.db import IntegrityError, transaction
from django.utils import timezone

from budgetten import selectors, services, tasks
from budgetten.admin import email_gemaskeerd
from budgetten.models import Stembiljet, Stemronde
from core.fouten import Weigering
from tests.budgetten.test_stemronde_services import (  # noqa: F401 (fixtures)
    ambtenaar,
    kern,
    nieuwe_ronde,
    open_ronde,
    regelingen,
    sluiten_en_verdelen,
    stem,
    vandaag,
)
from tests.factories import MedewerkerFactory

pytestmark = pytest.mark.django_db
DAG = datetime.timedelta(days=1)


# --- Changing the dates ----------------------------------------------------------------------


def test_dates_can_change_while_in_preparation(kern, ambtenaar):
    # Next year's round, so that three days ahead is inside its budget year on 31 December too.
    ronde = nieuwe_ronde(kern, ambtenaar, jaar=vandaag().year + 1)
    services.stemronde_data_wijzigen(
        stemronde_id=ronde.pk,
        stemmen_van=vandaag() + DAG,
        stemmen_tot=vandaag() + 3 * DAG,
        door=ambtenaar,
    )
    ronde.refresh_from_db()
    assert (ronde.stemmen_van, ronde.stemmen_tot) == (vandaag() + DAG, vandaag() + 3 * DAG)


@pytest.mark.parametrize(
    ("van", "tot", "veld", "melding"),
    [
        (2, 1, "stemmen_tot", "vóór de begindatum"),
        (-1, 3, "stemmen_van", "begindatum ligt in het verleden"),
    ],
)
def test_invalid_dates_are_refused(kern, ambtenaar, van, tot, veld, melding):
    ronde = nieuwe_ronde(kern, ambtenaar)
    with pytest.raises(Weigering) as exc:
        services.stemronde_data_wijzigen(
            stemronde_id=ronde.pk,
            stemmen_van=vandaag() + van * DAG,
            stemmen_tot=vandaag() + tot * DAG,
            door=ambtenaar,
        )
    assert melding in " ".join(exc.value.meldingen[veld])
    ronde.refresh_from_db()
    assert ronde.stemmen_van == vandaag()


def test_dates_cannot_change_after_opening(kern, ambtenaar):
    ronde, _kandidaten = open_ronde(kern, ambtenaar, ["100"])
    with pytest.raises(Weigering, match="voorbereiding"):
        services.stemronde_data_wijzigen(
            stemronde_id=ronde.pk,
            stemmen_van=vandaag() + DAG,
            stemmen_tot=vandaag() + 2 * DAG,
            door=ambtenaar,
        )


def test_kernambtenaar_changes_dates_through_the_page(client, signed_in, kern, ambtenaar):
    ronde = nieuwe_ronde(kern, ambtenaar, jaar=vandaag().year + 1)
    signed_in(ambtenaar)
    url = f"/medewerker/budgetten/stemrondes/{ronde.pk}/data/"
    assert "Data wijzigen" in client.get(f"/medewerker/budgetten/stemrondes/{ronde.pk}/").text
    fout = client.post(
        url,
        {
            "stemmen_van": (vandaag() + 5 * DAG).strftime("%d-%m-%Y"),
            "stemmen_tot": (vandaag() + 2 * DAG).strftime("%d-%m-%Y"),
        },
    )
    assert fout.status_code == 400
    assert "vóór de begindatum" in fout.text
    goed = client.post(
        url,
        {
            "stemmen_van": (vandaag() + 2 * DAG).strftime("%d-%m-%Y"),
            "stemmen_tot": (vandaag() + 5 * DAG).strftime("%d-%m-%Y"),
        },
    )
    assert goed.status_code == 302
    ronde.refresh_from_db()
    assert ronde.stemmen_tot == vandaag() + 5 * DAG


# --- Anonymising ballots after the division ----------------------------------------------------


def _verdeelde_ronde(kern, ambtenaar):
    ronde, (a, b) = open_ronde(kern, ambtenaar, ["500", "300"])
    stem(ronde, "Anna@Example.org", [a, b])
    stem(ronde, "piet@example.org", [a])
    stem(ronde, "klaas@example.org", [b], bevestigen=False)
    sluiten_en_verdelen(ronde, ambtenaar)
    return Stemronde.objects.get(pk=ronde.pk)


def _telling(ronde):
    return (
        {k.pk: k.aantal_stemmen for k in selectors.kandidaten_met_stemmen(ronde)},
        dict(selectors.stembiljetten_telling(ronde)),
    )


def test_ballots_are_anonymised_30_days_after_division_keeping_the_counts(kern, ambtenaar):
    ronde = _verdeelde_ronde(kern, ambtenaar)
    Stembiljet.objects.filter(stemronde=ronde).update(postcode="4000 AA")
    voor = _telling(ronde)
    with time_machine.travel(ronde.verdeeld_op + datetime.timedelta(days=29)):
        assert services.stembiljetten_anonimiseren() == 0
    assert Stembiljet.objects.filter(email="piet@example.org").exists()

    with time_machine.travel(ronde.verdeeld_op + datetime.timedelta(days=31)):
        assert tasks.stembiljetten_anonimiseren.delay().get() == 3
    biljetten = list(Stembiljet.objects.filter(stemronde=ronde))
    assert all(b.email.endswith("@geanonimiseerd.invalid") for b in biljetten)
    assert all(b.postcode == "" and b.geanonimiseerd_op for b in biljetten)
    assert len({b.email for b in biljetten}) == 3  # still one value per address
    assert _telling(ronde) == voor
    # the one-ballot-per-address constraint still holds on the anonymised values
    with pytest.raises(IntegrityError), transaction.atomic():
        Stembiljet.objects.create(stemronde=ronde, email=biljetten[0].email.upper())


def test_anonymising_twice_changes_nothing_the_second_time(kern, ambtenaar):
    ronde = _verdeelde_ronde(kern, ambtenaar)
    later = ronde.verdeeld_op + datetime.timedelta(days=40)
    with time_machine.travel(later):
        assert services.stembiljetten_anonimiseren() == 3
        eerste = dict(Stembiljet.objects.values_list("pk", "email"))
        assert services.stembiljetten_anonimiseren() == 0
    assert dict(Stembiljet.objects.values_list("pk", "email")) == eerste


def test_rounds_not_divided_are_never_anonymised(kern, ambtenaar):
    ronde, (a,) = open_ronde(kern, ambtenaar, ["100"])
    stem(ronde, "anna@example.org", [a])
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400)):
        assert services.stembiljetten_anonimiseren() == 0
    assert Stembiljet.objects.get().email == "anna@example.org"


# --- Admin ----------------------------------------------------------------------------------------


def test_admin_masks_addresses_and_ballots_are_read_only(client, signed_in, kern, ambtenaar):
    ronde, (a,) = open_ronde(kern, ambtenaar, ["100"])
    admin_client = signed_in(
        MedewerkerFactory(rollen=["functioneel-beheer"], is_staff=True, is_superuser=True)
    )
    biljet = stem(ronde, "anna.jansen@example.org", [a])
    lijst = admin_client.get("/beheer/budgetten/stembiljet/")
    assert lijst.status_code == 200
    assert "a***@example.org" in lijst.text
    assert "anna.jansen@example.org" not in lijst.text
    detail = admin_client.get(f"/beheer/budgetten/stembiljet/{biljet.pk}/change/")
    assert detail.status_code == 200
    assert "anna.jansen" not in detail.text
    assert admin_client.get("/beheer/budgetten/stembiljet/add/").status_code == 403
    assert admin_client.get("/beheer/budgetten/stemronde/").status_code == 200
    assert email_gemaskeerd("x" * 64 + "@geanonimiseerd.invalid") == "(geanonimiseerd)"

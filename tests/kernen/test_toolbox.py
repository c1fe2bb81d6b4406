import pytest

from kernen import services
from kernen.models import Kanaal, Organisatie, Signaleringsgroep
from kernen.seed import seed
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db


def test_kernambtenaar_adds_changes_and_removes_a_channel(client, signed_in, kern, kernambtenaar):
    signed_in(kernambtenaar)
    base = f"/medewerker/kernen/{kern.slug}/toolbox/"
    assert client.get(base).status_code == 200
    response = client.post(
        base + "kanalen/nieuw/",
        {"naam": "Lichtkrant", "soort": "lichtkrant", "bereik": "Hele dorp", "actief": "on"},
    )
    assert response.status_code == 302
    kanaal = Kanaal.objects.get(kern=kern)
    client.post(
        base + f"kanalen/{kanaal.pk}/",
        {"naam": "Lichtkrant Dorpsstraat", "soort": "lichtkrant", "actief": "on"},
    )
    kanaal.refresh_from_db()
    assert kanaal.naam == "Lichtkrant Dorpsstraat"
    assert "Lichtkrant Dorpsstraat" in client.get(base).content.decode()
    client.post(base + f"kanalen/{kanaal.pk}/", {"verwijderen": "1"})
    assert not Kanaal.objects.exists()


def test_duplicate_channel_name_in_a_kern_is_refused_with_a_message(
    client, signed_in, kern, kernambtenaar
):
    Kanaal.objects.create(kern=kern, naam="Dorpskrant", soort="dorpskrant")
    signed_in(kernambtenaar)
    response = client.post(
        f"/medewerker/kernen/{kern.slug}/toolbox/kanalen/nieuw/",
        {"naam": "Dorpskrant", "soort": "dorpskrant"},
    )
    assert response.status_code == 200
    assert Kanaal.objects.count() == 1


def test_organisation_with_covenant_and_renewal_date(client, signed_in, kern, kernambtenaar):
    signed_in(kernambtenaar)
    client.post(
        f"/medewerker/kernen/{kern.slug}/toolbox/organisaties/nieuw/",
        {
            "naam": "Dorpsbelang",
            "convenant_status": "in-herziening",
            "convenant_vernieuwen_op": "2026-12-31",
        },
    )
    org = Organisatie.objects.get(kern=kern)
    assert str(org.convenant_vernieuwen_op) == "2026-12-31"


def test_channel_of_another_kern_cannot_be_changed_through_this_kern(kern):
    ander = Kanaal.objects.create(kern=KernFactory(), naam="X", soort="website")
    with pytest.raises(ValueError):
        services.kanaal_opslaan(kern=kern, kanaal=ander, gegevens={"naam": "Y"})


def test_dashboard_shows_toolbox_with_signaleringsgroep(client, signed_in, kern, kernambtenaar):
    Kanaal.objects.create(kern=kern, naam="Hulppunt", soort="hulppunt")
    Signaleringsgroep.objects.create(naam="Signaleringsgroep Test").kernen.add(kern)
    signed_in(kernambtenaar)
    html = client.get(f"/medewerker/kernen/{kern.slug}/dashboard/").content.decode()
    assert "Hulppunt" in html and "Signaleringsgroep Test" in html


def test_kernwethouder_sees_the_toolbox_on_the_dashboard_but_cannot_edit(client, signed_in, kern):
    signed_in(MedewerkerFactory(rollen=["kernwethouder"], kernwethouder_van=[kern]))
    assert (
        "Communicatietoolbox"
        in client.get(f"/medewerker/kernen/{kern.slug}/dashboard/").content.decode()
    )
    assert client.get(f"/medewerker/kernen/{kern.slug}/toolbox/").status_code == 403


def test_seed_adds_the_covenant_organisations_once():
    seed()
    seed()
    namen = set(Organisatie.objects.values_list("naam", flat=True))
    assert "Vereniging Dorpsbelang Maurik" in namen and "Beusichem Leeft" in namen
    assert Organisatie.objects.count() == 6

"""The kernprofiel and fase: kept by the kernambtenaar of that kern, with history, shown
on the public kern page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from kernen import services
from kernen.constants import Fase
from kernen.models import Kern
from kernen.selectors import kernprofiel_geschiedenis
from tests.factories import KernFactory, MedewerkerFactory

pytestmark = pytest.mark.django_db


def _url(kern):
    return reverse("kernen:kernprofiel", kwargs={"kern": kern.slug})


def _post(kern, **velden):
    data = {
        "fase": kern.fase,
        "fase_sinds": "",
        "kernprofiel": "",
        "wat_speelt_er": "",
        "actieve_groepen": "",
        "wensen": "",
        "startbijeenkomst_op": "",
    }
    data.update(velden)
    return data


def test_kernambtenaar_saves_the_profile_and_it_shows_publicly(client, signed_in, kern):
    ka = MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern], first_name="Anna")
    signed_in(ka)
    response = client.post(
        _url(kern),
        _post(
            kern,
            wat_speelt_er="Te hard rijden bij de school.",
            actieve_groepen="De Oranjevereniging.",
            wensen="Een speeltuin.",
            startbijeenkomst_op="2026-04-02",
        ),
    )
    assert response.status_code == 302
    kern.refresh_from_db()
    assert kern.wat_speelt_er == "Te hard rijden bij de school."
    assert kern.startbijeenkomst_op == datetime.date(2026, 4, 2)
    client.logout()
    publiek = client.get(kern.get_absolute_url()).content.decode()
    for tekst in ("Te hard rijden bij de school.", "De Oranjevereniging.", "Een speeltuin."):
        assert tekst in publiek
    assert "2 april 2026" in publiek


def test_history_records_who_and_which_fields(client, signed_in, kern):
    ka = MedewerkerFactory(
        rollen=["kernambtenaar"], kernambtenaar_van=[kern], first_name="Anna", last_name="Smit"
    )
    signed_in(ka)
    client.post(_url(kern), _post(kern, wensen="Meer bankjes."))
    geschiedenis = kernprofiel_geschiedenis(kern=kern)
    assert geschiedenis[0].door == "Anna Smit"
    assert geschiedenis[0].velden == ["wensen van inwoners"]
    pagina = client.get(_url(kern)).content.decode()
    assert "Anna Smit" in pagina and "wensen van inwoners" in pagina


def test_a_new_fase_starts_today_unless_a_date_is_given(kern):
    vandaag = timezone.localdate()
    services.kernprofiel_opslaan(
        kern=kern, door=None, gegevens={"fase": Fase.STARTEN}, vandaag=vandaag
    )
    kern.refresh_from_db()
    assert (kern.fase, kern.fase_sinds) == (Fase.STARTEN, vandaag)
    services.kernprofiel_opslaan(
        kern=kern,
        door=None,
        gegevens={"fase": Fase.UITVOEREN, "fase_sinds": datetime.date(2026, 1, 5)},
        vandaag=vandaag,
    )
    kern.refresh_from_db()
    assert (kern.fase, kern.fase_sinds) == (Fase.UITVOEREN, datetime.date(2026, 1, 5))


def test_a_fase_cannot_start_in_the_future_and_nothing_is_saved(client, signed_in, kern):
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        _url(kern),
        _post(kern, fase=Fase.STARTEN, fase_sinds=morgen.isoformat(), wensen="Iets"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Een fase kan niet in de toekomst beginnen." in html
    assert "Iets" in html  # the input is kept
    kern.refresh_from_db()
    assert kern.fase == Fase.BEGINSITUATIE and kern.wensen == ""


def test_bad_input_is_refused_next_to_the_field(client, signed_in, kern):
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    response = client.post(
        _url(kern), _post(kern, fase="4-klaar", startbijeenkomst_op="31-02-2026")
    )
    assert response.status_code == 200
    assert Kern.objects.get(pk=kern.pk).fase == Fase.BEGINSITUATIE
    fouten = response.context["form"].errors
    assert set(fouten) == {"fase", "startbijeenkomst_op"}


def test_service_refuses_a_future_fase_date_with_weigering(kern):
    with pytest.raises(ValidationError):
        services.kernprofiel_opslaan(
            kern=kern,
            door=None,
            gegevens={"fase_sinds": datetime.date(2099, 1, 1)},
            vandaag=datetime.date(2026, 3, 18),
        )


def test_kernambtenaar_of_another_kern_cannot_edit(client, signed_in, kern):
    andere = KernFactory()
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[andere]))
    assert client.get(_url(kern)).status_code == 403
    assert client.post(_url(kern), _post(kern, wensen="Gehackt")).status_code == 403
    kern.refresh_from_db()
    assert kern.wensen == ""


def test_dashboard_links_to_the_profile_for_its_kernambtenaar(client, signed_in, kern):
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[kern]))
    html = client.get(reverse("kernen:dashboard", kwargs={"kern": kern.slug})).content.decode()
    assert _url(kern) in html


def test_demo_data_fills_the_three_pilot_kernen():
    from kernen import demo
    from kernen.seed import PILOTKERNEN, seed

    seed()
    demo.load()
    pilots = Kern.objects.filter(naam__in=PILOTKERNEN)
    assert pilots.count() == 3
    for kern in pilots:
        assert kern.wat_speelt_er and kern.actieve_groepen and kern.wensen
        assert kern.startbijeenkomst_op is not None and kern.fase_sinds is not None
    assert not Kern.objects.exclude(naam__in=PILOTKERNEN).exclude(wat_speelt_er="").exists()
    # A second run keeps what a kernambtenaar wrote since.
    ingen = Kern.objects.get(slug="ingen")
    Kern.objects.filter(pk=ingen.pk).update(wensen="Eigen tekst")
    demo.load()
    assert Kern.objects.get(pk=ingen.pk).wensen == "Eigen tekst"

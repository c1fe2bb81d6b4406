from datetime import date, datetime, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core.hooks import startpagina_links
from tests.factories import MedewerkerFactory
from tests.vragen.factories import VraagFactory
from vragen import services
from vragen.constants import AntwoordSoort, VraagStatus
from vragen.models import Vraag
from vragen.selectors import vraag_cijfers

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def test_inwoner_asks_through_the_form_and_follows_the_personal_link(client, kern):
    response = client.post(
        reverse("vragen:vraag_stellen"),
        {
            "kern": kern.pk,
            "soort": "vraag",
            "onderwerp": "Bankje kapot",
            "tekst": "Het bankje bij de vijver is kapot.",
            "naam": "Piet",
            "email": "piet@example.org",
        },
    )
    assert response.status_code == 302
    vraag = Vraag.objects.get()
    regel = next(r for r in mail.outbox[0].body.splitlines() if "/vragen/bevestigen/" in r)
    bevestig_pad = urlparse(regel.strip()).path

    # A GET (what a mail scanner does) shows a page with one button and confirms nothing.
    pagina = client.get(bevestig_pad)
    assert pagina.status_code == 200
    html = pagina.content.decode()
    assert "Bankje kapot" in html
    assert '<form method="post"' in html and ">Bevestigen</button>" in html
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is None
    # Nor does opening the personal page.
    assert client.get(services.PERSOONLIJKE_LINK.pad(vraag)).status_code == 200
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is None

    # The button confirms and opens the personal page. The link carries a timestamp, so both
    # are made in the same (still) second.
    with time_machine.travel(timezone.now(), tick=False):
        response = client.post(bevestig_pad)
        assert response.status_code == 302
        assert response["Location"] == services.PERSOONLIJKE_LINK.pad(vraag)
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is not None
    pagina = client.get(response["Location"])
    assert "Bankje kapot" in pagina.content.decode()
    assert "Uw e-mailadres is bevestigd." in pagina.content.decode()

    # Afterwards the link from the first mail leads straight to the personal page.
    bevestigd_op = vraag.email_bevestigd_op
    with time_machine.travel(timezone.now(), tick=False):
        response = client.get(bevestig_pad)
        assert response.status_code == 302
        assert response["Location"] == services.PERSOONLIJKE_LINK.pad(vraag)
    assert client.post(bevestig_pad).status_code == 302
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op == bevestigd_op


def test_confirm_link_refuses_forged_and_personal_tokens(client, kern):
    vraag = VraagFactory(kern=kern, email="piet@example.org")
    persoonlijk_token = services.PERSOONLIJKE_LINK.pad(vraag).rstrip("/").rsplit("/", 1)[-1]
    for token in ("nep-token", persoonlijk_token):
        assert client.get(f"/vragen/bevestigen/{token}/").status_code == 404
        assert client.post(f"/vragen/bevestigen/{token}/").status_code == 404
    vraag.refresh_from_db()
    assert vraag.email_bevestigd_op is None


def test_form_shows_errors_for_empty_and_too_long_text(client, kern):
    response = client.post(
        reverse("vragen:vraag_stellen"),
        {"kern": kern.pk, "soort": "vraag", "onderwerp": "x", "tekst": "y" * 5001, "naam": "P"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "De tekst is te lang" in html and "Vul uw e-mailadres in" in html
    assert not Vraag.objects.exists()


def test_unknown_kern_is_refused_by_the_form(client):
    response = client.post(
        reverse("vragen:vraag_stellen"),
        {"kern": 99999, "soort": "vraag", "onderwerp": "x", "tekst": "y", "naam": "P",
         "email": "p@example.org"},
    )  # fmt: skip
    assert "Kies een kern uit de lijst" in response.content.decode()


def test_forged_personal_link_is_404(client):
    assert client.get("/vragen/mijn/nep-token/").status_code == 404


def test_inbox_sorted_by_deadline_with_status_text(client, signed_in, kern, kernambtenaar):
    with time_machine.travel(datetime(2026, 6, 1, 10, 0, tzinfo=AMS), tick=False):
        te_laat = VraagFactory(kern=kern, onderwerp="Oud")
    with time_machine.travel(datetime(2026, 6, 8, 10, 0, tzinfo=AMS), tick=False):
        vandaag = VraagFactory(kern=kern, onderwerp="Middel")
    with time_machine.travel(datetime(2026, 6, 14, 10, 0, tzinfo=AMS), tick=False):
        op_tijd = VraagFactory(kern=kern, onderwerp="Nieuw")
    VraagFactory(onderwerp="Andere kern")
    with time_machine.travel(datetime(2026, 6, 15, 12, 0, tzinfo=AMS), tick=False):
        # Signed in on the day itself: a session from another date would have expired.
        signed_in(kernambtenaar)
        html = client.get(reverse("vragen:vragen_inbox")).content.decode()
        te_laat_lijst = client.get(reverse("vragen:vragen_inbox") + "?status=te-laat")
    posities = [html.index(f"#{v.pk} ") for v in (te_laat, vandaag, op_tijd)]
    assert posities == sorted(posities)
    assert "Andere kern" not in html
    for tekst in ("Te laat", "Vandaag", "Op tijd"):
        assert f">{tekst}</span>" in html
    assert "Oud" in te_laat_lijst.content.decode()
    assert "Middel" not in te_laat_lijst.content.decode()


@pytest.mark.parametrize("aantal", [2, 12])
def test_inbox_query_count_does_not_grow(
    zonder_medewerker_cache, client, signed_in, kern, kernambtenaar, bm, aantal,
    django_assert_num_queries,
):  # fmt: skip
    for _ in range(aantal):
        VraagFactory(kern=kern, behandelaar=bm, team=bm.team, status=VraagStatus.DOORGESTUURD)
    signed_in(kernambtenaar)
    url = reverse("vragen:vragen_inbox")
    client.get(url)  # warm caches (session, ...)
    # 9: the kernambtenaar's kern ids are one query of their own (a literal IN, issue 12)
    with django_assert_num_queries(8):
        response = client.get(url)
    assert response.content.decode().count("/medewerker/vragen/") >= aantal


def test_kern_dashboard_query_count_does_not_grow(
    zonder_medewerker_cache, client, signed_in, kern, kernambtenaar
):
    # Every app adds a panel to this page, so compare two sizes rather than pin a number.
    url = reverse("kernen:dashboard", kwargs={"kern": kern.slug})
    signed_in(kernambtenaar)
    gemeten = []
    for aantal in (2, 12):
        with time_machine.travel(datetime(2026, 1, 1, tzinfo=AMS)):
            for _ in range(aantal - Vraag.objects.filter(kern=kern).count()):
                VraagFactory(kern=kern)
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        gemeten.append(len(ctx.captured_queries))
        html = response.content.decode()
        assert f'data-testid="vragen-open">{aantal}<' in html
        assert f'data-testid="vragen-te-laat">{aantal}<' in html
    assert gemeten[0] == gemeten[1]


def test_kernambtenaar_routes_and_beleidsmedewerker_answers_through_views(
    client, signed_in, kern, kernambtenaar, bm, andere_bm
):
    vraag = VraagFactory(kern=kern)
    signed_in(kernambtenaar)
    r = client.post(
        reverse("vragen:vraag_routeren", kwargs={"vraag_pk": vraag.pk}),
        {"behandelaar": bm.pk, "notitie": "Graag voor vrijdag"},
    )
    assert r.status_code == 302
    client.logout()
    signed_in(andere_bm)
    url = reverse("vragen:vraag_beantwoorden", kwargs={"vraag_pk": vraag.pk})
    assert client.post(url, {"soort": "inhoudelijk", "tekst": "x"}).status_code == 403
    client.logout()
    signed_in(bm)
    detail = client.get(reverse("vragen:vraag_detail", kwargs={"vraag_pk": vraag.pk}))
    assert "Graag voor vrijdag" in detail.content.decode()
    r = client.post(url, {"soort": "proces", "tekst": "We zoeken het uit."})
    assert "Noem de datum" in r.content.decode()
    r = client.post(
        url,
        {"soort": "proces", "tekst": "We zoeken het uit.",
         "toegezegd_op": (date.today() + timedelta(days=10)).isoformat()},  # noqa: DTZ011
    )  # fmt: skip
    assert r.status_code == 302
    vraag.refresh_from_db()
    assert vraag.status == VraagStatus.PROCESANTWOORD


def test_kernambtenaar_registers_a_question_from_the_dorpshuis(client, signed_in, kern,
                                                                kernambtenaar):  # fmt: skip
    signed_in(kernambtenaar)
    r = client.post(
        reverse("vragen:vraag_registreren"),
        {"kern": kern.pk, "kanaal": "dorpshuis", "soort": "signaal", "onderwerp": "Gladheid",
         "tekst": "Het is glad bij de school.", "naam": "Mw. de Boer"},
    )  # fmt: skip
    assert r.status_code == 302
    assert Vraag.objects.get().kanaal == "dorpshuis"


def test_figures_per_team(kern, kernambtenaar, bm, team):
    with time_machine.travel(datetime(2026, 3, 2, 10, 0, tzinfo=AMS), tick=False):
        snel = VraagFactory(kern=kern)
        traag = VraagFactory(kern=kern)
        open_ = VraagFactory(kern=kern)
        for v in (snel, traag, open_):
            services.vraag_routeren(vraag_id=v.pk, door=kernambtenaar, behandelaar=bm)
    with time_machine.travel(datetime(2026, 3, 3, 10, 0, tzinfo=AMS), tick=False):
        services.vraag_beantwoorden(
            vraag_id=snel.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Klaar"
        )
    with time_machine.travel(datetime(2026, 3, 12, 10, 0, tzinfo=AMS), tick=False):
        services.vraag_beantwoorden(
            vraag_id=traag.pk, door=bm, soort=AntwoordSoort.INHOUDELIJK, tekst="Laat"
        )
    services.vraag_waarderen(vraag_id=snel.pk, cijfer=9)
    services.vraag_waarderen(vraag_id=traag.pk, cijfer=6)
    rijen = vraag_cijfers(
        groep="team",
        van=date(2026, 3, 1),
        tot=date(2026, 3, 31),
        nu=datetime(2026, 3, 20, tzinfo=AMS),
    )
    assert len(rijen) == 1
    r = rijen[0]
    assert (r.naam, r.totaal, r.beoordeelbaar, r.op_tijd, r.open, r.te_laat) == (
        team.naam, 3, 3, 1, 1, 1,
    )  # fmt: skip
    assert r.percentage_op_tijd == 33.3
    assert r.mediaan_uren == 132.0  # 24 h and 240 h
    assert r.p90_uren == pytest.approx(218.4)
    assert (r.gemiddelde_waardering, r.aantal_waarderingen) == (7.5, 2)


@pytest.mark.parametrize(
    "groep, kop", [("team", "team"), ("behandelaar", "beleidsmedewerker"), ("kern", "kern")]
)
def test_figures_page_renders(client, signed_in, kernambtenaar, groep, kop):
    VraagFactory()
    signed_in(kernambtenaar)
    r = client.get(reverse("vragen:vragen_cijfers") + f"?groep={groep}")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Binnen een week beantwoord" in html
    # the table is named after the grouping in words, and is a keyboard-scrollable region
    assert f'id="cijfers-tabel-titel">Cijfers per {kop},' in html
    assert 'role="region" tabindex="0" aria-labelledby="cijfers-tabel-titel"' in html


def test_start_page_links_per_role(kernambtenaar, bm):
    assert {link.label for link in startpagina_links(user=kernambtenaar)} >= {
        "Vragen van inwoners",
        "Vraag registreren",
    }
    labels_bm = {link.label for link in startpagina_links(user=bm)}
    assert "Vragen van inwoners" in labels_bm and "Vraag registreren" not in labels_bm
    assert startpagina_links(user=MedewerkerFactory(rollen=[])) == [] or all(
        "Vragen" not in link.label for link in startpagina_links(user=MedewerkerFactory())
    )

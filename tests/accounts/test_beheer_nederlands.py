"""The admin speaks Dutch, also in its third-party parts (django-otp, django-axes,
django-simple-history), and functioneel beheer sees no second-factor secret there."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Rol
from kernen.models import Kern
from tests.factories import DEMO_TOTP_KEY_HEX, MedewerkerFactory

LOCALE = Path(settings.BASE_DIR) / "locale" / "nl" / "LC_MESSAGES"
ENGELS = [
    "TOTP device",
    "static device",
    "Otp_",
    "access attempt",
    "Access Attempt",
    "View history",
    "Identity",
    "Timestamps",
    "The date and time",
    "Change reason",
    "Changed by",
    "Model name",
    'alt="Search"',
]


@pytest.fixture
def beheerder(db, client, signed_in):
    call_command("seed")
    user = MedewerkerFactory(rollen=[Rol.FUNCTIONEEL_BEHEER], is_staff=True)
    signed_in(user)
    return user


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_the_admin_pages_of_the_second_factor_and_sign_in_attempts_are_dutch(client, beheerder):
    device = TOTPDevice.objects.get(user=beheerder)
    paginas = [
        reverse("admin:index"),
        reverse("admin:app_list", args=["otp_totp"]),
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_change", args=[device.pk]),
        reverse("admin:otp_totp_totpdevice_history", args=[device.pk]),
        reverse("admin:otp_static_staticdevice_add"),
        reverse("admin:axes_accessattempt_changelist"),
        reverse("admin:axes_accesslog_changelist"),
        reverse("admin:kernen_kern_history", args=[Kern.objects.order_by("pk").first().pk]),
    ]
    for url in paginas:
        html = _html(client, url)
        gevonden = [woord for woord in ENGELS if woord in html]
        assert not gevonden, f"{url}: {gevonden}"
    index = _html(client, reverse("admin:index"))
    for naam in ("Tweede factor: authenticator-apps", "Tweede factor: reservecodes"):
        assert naam in index
    assert "Inlogbeveiliging" in index and "Inlogpogingen" in index
    detail = _html(client, reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert "Medewerker" in detail and "Tijdstippen" in detail and "Aangemaakt op" in detail


def test_functioneel_beheer_never_sees_a_second_factor_secret(client, beheerder):
    device = TOTPDevice.objects.get(user=beheerder)
    response = client.get(reverse("admin:otp_totp_totpdevice_change", args=[device.pk]))
    assert response.status_code == 200
    assert "key" not in response.context["adminform"].form.fields
    assert DEMO_TOTP_KEY_HEX not in response.content.decode()
    for naam in ("otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"):
        assert client.get(reverse(f"admin:{naam}", args=[device.pk])).status_code == 403
    lijst = client.get(reverse("admin:otp_totp_totpdevice_changelist")).content.decode()
    assert DEMO_TOTP_KEY_HEX not in lijst and "qrcode" not in lijst

    reserve = StaticDevice.objects.create(user=beheerder, name="reserve")
    StaticToken.objects.create(device=reserve, token="GEHEIMECODE1")
    detail = _html(client, reverse("admin:otp_static_staticdevice_change", args=[reserve.pk]))
    assert "GEHEIMECODE1" not in detail


HEX_SLEUTEL = re.compile(r"\b[0-9a-f]{40}\b")


def _tweede_factor_paginas(beheerder):
    """Every admin page of a colleague's devices, with a key and a reserve code made here
    (not the demo key: a secret only this test knows)."""
    ander = MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR])
    app = TOTPDevice.objects.create(user=ander, name="telefoon", confirmed=True)
    reserve = StaticDevice.objects.create(user=ander, name="reserve", confirmed=True)
    StaticToken.objects.create(device=reserve, token="ZQ7XK2MB")
    paginas = [
        reverse("admin:otp_totp_totpdevice_changelist"),
        reverse("admin:otp_totp_totpdevice_changelist") + f"?q={ander.username}",
        reverse("admin:otp_totp_totpdevice_add"),
        reverse("admin:otp_totp_totpdevice_change", args=[app.pk]),
        reverse("admin:otp_totp_totpdevice_history", args=[app.pk]),
        reverse("admin:otp_totp_totpdevice_delete", args=[app.pk]),
        reverse("admin:otp_static_staticdevice_changelist"),
        reverse("admin:otp_static_staticdevice_add"),
        reverse("admin:otp_static_staticdevice_change", args=[reserve.pk]),
        reverse("admin:otp_static_staticdevice_delete", args=[reserve.pk]),
        reverse("admin:accounts_medewerker_delete", args=[ander.pk]),
    ]
    return app, reserve, paginas


def test_no_page_of_the_admin_shows_a_key_or_reserve_code_add_forms_included(client, beheerder):
    app, reserve, paginas = _tweede_factor_paginas(beheerder)
    for url in paginas:
        html = _html(client, url)
        assert app.key not in html, url
        assert DEMO_TOTP_KEY_HEX not in html, url
        # The add form would offer a freshly made key: no 40-byte hex value at all.
        assert not HEX_SLEUTEL.search(html), url
        assert "ZQ7XK2MB" not in html, url
        assert 'name="key"' not in html and "qrcode" not in html.lower(), url
        assert 'name="token_set-' not in html, url  # no reserve codes to read or type in
        assert "StaticToken" not in html and "TOTPDevice" not in html, url
    for url in (paginas[2], paginas[3]):
        assert "key" not in client.get(url).context["adminform"].form.fields
    # What is there is Dutch, and says how many reserve codes are left (not which).
    detail = _html(client, reverse("admin:otp_static_staticdevice_change", args=[reserve.pk]))
    assert "Aantal reservecodes" in detail and "Reservecodes" in detail
    weg = _html(client, reverse("admin:otp_static_staticdevice_delete", args=[reserve.pk]))
    assert "Reservecode: code" in re.sub(r"<[^>]+>", "", weg) and "niet getoond" in weg
    toevoegen = _html(client, reverse("admin:otp_totp_totpdevice_add"))
    assert "authenticator-app toevoegen" in toevoegen and "Medewerker" in toevoegen
    assert "Instellingen" in toevoegen and "Tijdstap" in toevoegen
    gevonden = [woord for woord in [*ENGELS, "Configuration", "Key:"] if woord in toevoegen]
    assert not gevonden, gevonden


def test_functioneel_beheer_cannot_choose_a_key_or_reserve_codes(client, beheerder):
    # Whoever chose the secret could sign in as the medewerker with a password alone.
    ander = MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR])
    gekozen = "00112233445566778899aabbccddeeff00112233"
    gegevens = {
        "user": ander.pk,
        "name": "gekozen",
        "confirmed": "on",
        "key": gekozen,
        "step": 30,
        "t0": 0,
        "digits": 6,
        "tolerance": 1,
        "drift": 0,
        "throttling_failure_count": 0,
    }
    response = client.post(reverse("admin:otp_totp_totpdevice_add"), gegevens)
    assert response.status_code == 302, response.content.decode()[:2000]
    nieuw = TOTPDevice.objects.get(user=ander, name="gekozen")
    assert nieuw.key != gekozen and len(nieuw.key) == 40  # the model's random key

    wijzig = reverse("admin:otp_totp_totpdevice_change", args=[nieuw.pk])
    assert client.post(wijzig, {**gegevens, "name": "anders"}).status_code == 302
    nieuw.refresh_from_db()
    assert nieuw.name == "anders" and nieuw.key != gekozen

    response = client.post(
        reverse("admin:otp_static_staticdevice_add"),
        {
            "user": ander.pk,
            "name": "reserve",
            "confirmed": "on",
            "token_set-TOTAL_FORMS": "1",
            "token_set-INITIAL_FORMS": "0",
            "token_set-0-token": "GEKOZEN1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert not StaticToken.objects.filter(token="GEKOZEN1").exists()


def _po(pad: Path) -> dict[str, str]:
    """msgid -> msgstr of a .po file (plural entries keyed by their singular)."""
    catalogus: dict[str, str] = {}
    for blok in pad.read_text(encoding="utf-8").split("\n\n"):
        delen: dict[str, str] = {}
        sleutel = None
        for regel in blok.splitlines():
            if regel.startswith("#"):
                continue
            if m := re.match(r'^(msgid|msgid_plural|msgstr(?:\[0\])?) "(.*)"$', regel):
                sleutel = m.group(1).replace("[0]", "")
                delen[sleutel] = m.group(2)
            elif regel.startswith('"') and sleutel:
                delen[sleutel] += regel[1:-1]
        if delen.get("msgid"):
            catalogus[delen["msgid"].replace('\\"', '"')] = delen["msgstr"].replace('\\"', '"')
    return catalogus


@pytest.mark.parametrize("domein", ["django", "djangojs"])
def test_the_compiled_catalogue_matches_its_po_file(domein):
    """`make messages` after editing a .po: the portal reads only the .mo."""
    with (LOCALE / f"{domein}.mo").open("rb") as f:
        mo = gettext.GNUTranslations(f)
    po = _po(LOCALE / f"{domein}.po")
    assert po
    for msgid, msgstr in po.items():
        assert mo.gettext(msgid) == msgstr, f"{domein}.mo is ouder dan {domein}.po: {msgid!r}"

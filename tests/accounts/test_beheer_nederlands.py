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

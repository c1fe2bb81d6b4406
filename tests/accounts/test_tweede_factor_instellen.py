"""Self-service setup of an authenticator app: functioneel beheer sends an invitation from the
admin, the medewerker opens the link, re-authenticates with the password (step 1, no key yet),
scans the key and confirms it with a first code (step 2) (accounts.services,
accounts.views.tweede_factor_instellen)."""

import datetime
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Rol
from accounts.views import SESSIE_WACHTWOORD_GOED
from tests.conftest import TEST_MOMENT
from tests.factories import TEST_PASSWORD, MedewerkerFactory

CHANGELIST = reverse("admin:accounts_medewerker_changelist")
ACTIE = "tweede_factor_uitnodigen"
LINK = re.compile(r"https?://\S+/medewerker/tweede-factor/(?P<token>[^/\s]+)/")
ONGELDIG = "Deze link werkt niet (meer)"


@pytest.fixture
def beheerder(db, client, signed_in):
    call_command("seed")  # the functioneel-beheer group gets its admin permissions
    user = MedewerkerFactory(rollen=[Rol.FUNCTIONEEL_BEHEER], is_staff=True)
    signed_in(user)
    return user


@pytest.fixture
def nieuw(db):
    """A kernambtenaar whose old phone is gone: the device of the factory stands for it."""
    return MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], email="nieuw@buren.example")


def _uitnodigen(client, medewerker, capture):
    with capture(execute=True):
        response = client.post(
            CHANGELIST, {"action": ACTIE, "_selected_action": [medewerker.pk]}, follow=True
        )
    assert response.status_code == 200
    return response


def _link(bericht) -> str:
    gevonden = LINK.search(bericht.body)
    assert gevonden, bericht.body
    return "/medewerker/tweede-factor/" + gevonden["token"] + "/"


def _code(apparaat: TOTPDevice) -> str:
    return f"{totp(apparaat.bin_key):06d}"


def _nieuw_apparaat(medewerker) -> TOTPDevice:
    return TOTPDevice.objects.get(user=medewerker, confirmed=False)


def _wachtwoord_goed(browser, pad) -> str:
    """Step 1 done: the right password; returns the HTML of step 2 it leads to."""
    response = browser.post(pad, {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == pad  # post/redirect/get: back to the same link
    stap2 = browser.get(pad)
    assert stap2.status_code == 200
    return stap2.content.decode()


def _sleutel(html: str) -> str | None:
    gevonden = re.search(r'id="sleutel">([A-Z2-7 ]+)<', html)
    return gevonden[1] if gevonden else None


def _is_stap_1(html: str) -> bool:
    return (
        "Stap 1 van 2" in html
        and 'name="password"' in html
        and 'name="code"' not in html
        and "<svg" not in html
        and 'id="sleutel"' not in html
    )


def test_an_invitation_mails_the_link_to_the_medewerker_and_never_shows_it(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    response = _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    assert [m.to for m in mail.outbox] == [["nieuw@buren.example"]]
    pad = _link(mail.outbox[0])
    token = pad.split("/")[-2]
    html = response.content.decode()
    assert "Uitnodiging verstuurd naar nieuw@buren.example" in html
    assert token not in html
    # Nor on the medewerker's own admin page, nor in the outbox of the admin.
    for url in (
        reverse("admin:accounts_medewerker_change", args=[nieuw.pk]),
        reverse("admin:core_mailbericht_changelist"),
    ):
        assert token not in client.get(url).content.decode()


def test_step_1_asks_only_the_password_and_shows_no_key(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    stap1 = medewerker.get(pad)
    assert stap1.status_code == 200
    html = stap1.content.decode()
    assert _is_stap_1(html)
    assert f"Uw gebruikersnaam is <strong>{nieuw.username}</strong>" in html
    # No device yet, so there is no key to leak: the mailbox alone learns nothing.
    assert not TOTPDevice.objects.filter(user=nieuw, confirmed=False).exists()
    assert SESSIE_WACHTWOORD_GOED not in medewerker.session
    # A post with a code but no password is still step 1 (no way round it).
    omweg = medewerker.post(pad, {"code": "123456"})
    assert _is_stap_1(omweg.content.decode())
    assert not TOTPDevice.objects.filter(user=nieuw, confirmed=False).exists()

    # The key that the right password brings up was nowhere in step 1.
    sleutel = _sleutel(_wachtwoord_goed(medewerker, pad))
    assert sleutel
    for stap1_html in (html, omweg.content.decode()):
        assert sleutel not in stap1_html and sleutel.replace(" ", "") not in stap1_html


def test_the_link_with_password_and_first_code_sets_up_the_app_and_signs_in(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    html = _wachtwoord_goed(medewerker, pad)
    apparaat = _nieuw_apparaat(nieuw)
    assert "Stap 2 van 2" in html and 'name="password"' not in html
    assert "<svg" in html and 'role="img"' in html
    assert "style=" not in html.split("<main", 1)[1]  # strict CSP: no inline style
    # The key for typing in by hand, in groups of four, is the key of the stored device.
    sleutel = _sleutel(html)
    assert sleutel.replace(" ", "") == _b32(apparaat.bin_key)
    # A reload in the same browser is step 2 with the same device: the scanned app keeps working.
    assert _sleutel(medewerker.get(pad).content.decode()) == sleutel
    assert TOTPDevice.objects.filter(user=nieuw, confirmed=False).count() == 1
    # Another browser has no mark of a right password: step 1 again, no key.
    ander = Client().get(pad).content.decode()
    assert _is_stap_1(ander) and sleutel not in ander

    response = medewerker.post(pad, {"code": _code(apparaat)})
    assert response.status_code == 302
    assert response["Location"] == reverse("core:staff_start")
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    # The old phone's device is gone: only the new app signs in now.
    assert list(TOTPDevice.objects.filter(user=nieuw)) == [apparaat]
    start = medewerker.get(reverse("core:staff_start"))
    assert start.status_code == 200
    assert start.wsgi_request.user == nieuw
    assert start.wsgi_request.user.is_verified()
    assert "Uw authenticator-app is ingesteld" in start.content.decode()
    assert SESSIE_WACHTWOORD_GOED not in medewerker.session
    # The link is used up, in this browser too.
    for browser in (Client(), medewerker):
        opnieuw = browser.get(pad)
        assert opnieuw.status_code == 404
        assert ONGELDIG in opnieuw.content.decode()


def test_the_mark_of_a_right_password_lapses_after_a_quarter_of_an_hour(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    _wachtwoord_goed(medewerker, pad)
    apparaat = _nieuw_apparaat(nieuw)
    with time_machine.travel(TEST_MOMENT + datetime.timedelta(minutes=14), tick=False):
        assert _sleutel(medewerker.get(pad).content.decode())
    with time_machine.travel(TEST_MOMENT + datetime.timedelta(minutes=16), tick=False):
        assert _is_stap_1(medewerker.get(pad).content.decode())
        # A code from the page left open is not accepted; the password is asked again.
        response = medewerker.post(pad, {"code": _code(apparaat)})
    html = response.content.decode()
    assert response.status_code == 200 and _is_stap_1(html)
    assert "Vul het opnieuw in om verder te gaan" in html
    apparaat.refresh_from_db()
    assert not apparaat.confirmed
    assert "_auth_user_id" not in medewerker.session


def _b32(sleutel: bytes) -> str:
    from base64 import b32encode

    return b32encode(sleutel).decode().rstrip("=")


def test_a_new_invitation_stops_the_older_link(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    oud = _link(mail.outbox[0])
    medewerker = Client()
    _wachtwoord_goed(medewerker, oud)  # it worked, and began a device
    eerste = _nieuw_apparaat(nieuw)
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    nieuwe_link = _link(mail.outbox[1])
    assert nieuwe_link != oud
    response = medewerker.post(oud, {"code": _code(eerste)})
    assert response.status_code == 404
    assert ONGELDIG in response.content.decode()
    # The device begun with the old link is gone too.
    assert not TOTPDevice.objects.filter(pk=eerste.pk).exists()
    # The mark of the right password was for the old link: the new one asks it again.
    assert _is_stap_1(medewerker.get(nieuwe_link).content.decode())
    assert not TOTPDevice.objects.filter(user=nieuw, confirmed=False).exists()
    # And then starts a fresh key.
    _wachtwoord_goed(medewerker, nieuwe_link)
    assert _nieuw_apparaat(nieuw).key != eerste.key


def test_an_expired_link_shows_the_dutch_invalid_link_page(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    with time_machine.travel(TEST_MOMENT + datetime.timedelta(days=2, hours=23), tick=False):
        assert Client().get(pad).status_code == 200
    with time_machine.travel(TEST_MOMENT + datetime.timedelta(days=3, hours=1), tick=False):
        response = Client().get(pad)
    assert response.status_code == 404
    html = response.content.decode()
    assert ONGELDIG in html and "is verlopen" in html
    assert "Vraag functioneel beheer om een nieuwe uitnodiging" in html


def test_a_forged_link_shows_the_invalid_link_page(db, nieuw):
    response = Client().get("/medewerker/tweede-factor/nagemaakt:123:abc/")
    assert response.status_code == 404
    assert ONGELDIG in response.content.decode()
    assert not TOTPDevice.objects.filter(user=nieuw, confirmed=False).exists()


def test_a_wrong_password_keeps_step_1_shows_no_key_and_counts_as_failed_login(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    medewerker.get(pad)
    response = medewerker.post(pad, {"password": "fout-wachtwoord"})
    assert response.status_code == 200
    html = response.content.decode()
    assert _is_stap_1(html)
    assert "Er is iets niet goed ingevuld" in html  # the error summary
    assert 'id="id_password_error"' in html and "Het wachtwoord klopt niet" in html
    # No device begun, nothing confirmed, no mark: the next visit is step 1 again.
    assert not TOTPDevice.objects.filter(user=nieuw, confirmed=False).exists()
    assert TOTPDevice.objects.filter(user=nieuw, confirmed=True).count() == 1  # old one stays
    assert SESSIE_WACHTWOORD_GOED not in medewerker.session
    assert _is_stap_1(medewerker.get(pad).content.decode())
    assert "_auth_user_id" not in medewerker.session
    assert AccessAttempt.objects.filter(username=nieuw.username).get().failures_since_start == 1


def test_a_wrong_code_keeps_step_2_and_counts_as_failed_login(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    sleutel = _sleutel(_wachtwoord_goed(medewerker, pad))
    apparaat = _nieuw_apparaat(nieuw)
    fout = f"{(int(_code(apparaat)) + 1) % 1_000_000:06d}"
    response = medewerker.post(pad, {"code": fout})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_code_error"' in html and "De code klopt niet" in html
    assert "Er is iets niet goed ingevuld" in html
    # Still step 2 with the same key: no password again after a typo.
    assert _sleutel(html) == sleutel and 'name="password"' not in html
    assert SESSIE_WACHTWOORD_GOED in medewerker.session
    apparaat.refresh_from_db()
    assert not apparaat.confirmed
    assert "_auth_user_id" not in medewerker.session
    assert AccessAttempt.objects.filter(username=nieuw.username).get().failures_since_start == 1
    # The right code after the typo sets the app up (django-otp's own throttle allows it
    # after its delay of one second for one failure).
    with time_machine.travel(TEST_MOMENT + datetime.timedelta(seconds=30), tick=False):
        response = medewerker.post(pad, {"code": _code(apparaat)})
    assert response.status_code == 302
    apparaat.refresh_from_db()
    assert apparaat.confirmed


def test_a_kernambtenaar_with_admin_access_cannot_send_invitations(
    client, db, signed_in, nieuw, django_capture_on_commit_callbacks
):
    call_command("seed")
    ambtenaar = MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR], is_staff=True)
    signed_in(ambtenaar)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CHANGELIST, {"action": ACTIE, "_selected_action": [nieuw.pk]})
    assert response.status_code == 403
    assert mail.outbox == []
    nieuw.refresh_from_db()
    assert nieuw.link_versie == 1


def test_staff_who_may_change_medewerkers_but_not_invite_do_not_get_the_action(
    client, db, signed_in, nieuw, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission

    ander = MedewerkerFactory(rollen=[], is_staff=True)
    ander.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_medewerker", "change_medewerker"])
    )
    signed_in(ander)
    lijst = client.get(CHANGELIST)
    assert lijst.status_code == 200
    assert ACTIE not in lijst.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": ACTIE, "_selected_action": [nieuw.pk]})
    assert mail.outbox == []


def test_functioneel_beheer_has_the_invitation_permission_from_the_seed(beheerder):
    assert beheerder.has_perm("accounts.tweede_factor_uitnodigen")


def test_no_invitation_for_a_superuser_from_functioneel_beheer(
    client, beheerder, django_capture_on_commit_callbacks
):
    baas = MedewerkerFactory(rollen=[], is_superuser=True, is_staff=True)
    response = _uitnodigen(client, baas, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert "alleen een superuser kan die uitnodigen" in response.content.decode()


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"is_active": False}, "is niet actief: geen uitnodiging verstuurd"),
        ({"email": ""}, "heeft geen e-mailadres: geen uitnodiging verstuurd"),
    ],
)
def test_no_invitation_for_an_inactive_account_or_one_without_email(
    client, beheerder, django_capture_on_commit_callbacks, velden, melding
):
    medewerker = MedewerkerFactory(rollen=["kernambtenaar"], **velden)
    versie = medewerker.link_versie
    response = _uitnodigen(client, medewerker, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert melding in response.content.decode()
    medewerker.refresh_from_db()
    assert medewerker.link_versie == versie


def test_the_sign_in_page_tells_who_to_ask_for_an_invitation(client, db):
    html = client.get(reverse("accounts:login")).content.decode()
    hint = "Nog geen authenticator-app ingesteld? Vraag functioneel beheer om een uitnodiging."
    assert hint in html
    assert "tweede-factor" not in html  # a hint, no way in


def test_the_button_on_the_change_page_sends_the_invitation(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    pagina = client.get(reverse("admin:accounts_medewerker_change", args=[nieuw.pk]))
    html = pagina.content.decode()
    assert "Uitnodiging voor tweede factor versturen" in html
    # The button posts the list's action for this one medewerker.
    formulier = re.search(
        r'<form method="post" action="([^"]+)" class="portal-admin-actieknop">'
        r"(.*?)</form>",
        html,
        re.S,
    )
    assert formulier[1] == CHANGELIST
    assert f'name="_selected_action" value="{nieuw.pk}"' in formulier[2]
    velden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', formulier[2]))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(formulier[1], velden, follow=True)
    assert [m.to for m in mail.outbox] == [["nieuw@buren.example"]]
    # Back on the medewerker's own page, with the message.
    wijzigen = reverse("admin:accounts_medewerker_change", args=[nieuw.pk])
    assert response.redirect_chain == [(wijzigen, 302)]
    assert "Uitnodiging verstuurd naar nieuw@buren.example" in response.content.decode()


def test_the_action_from_the_list_stays_on_the_list(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    response = _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    assert response.redirect_chain == [(CHANGELIST, 302)]
    assert "Uitnodiging verstuurd naar nieuw@buren.example" in response.content.decode()


def test_no_button_without_the_permission(client, db, signed_in, nieuw):
    from django.contrib.auth.models import Permission

    ander = MedewerkerFactory(rollen=[], is_staff=True)
    ander.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_medewerker", "change_medewerker"])
    )
    signed_in(ander)
    pagina = client.get(reverse("admin:accounts_medewerker_change", args=[nieuw.pk]))
    assert pagina.status_code == 200
    assert "Uitnodiging voor tweede factor versturen" not in pagina.content.decode()


@override_settings(AXES_FAILURE_LIMIT=3)
def test_guessing_the_password_on_the_setup_page_locks_the_account_out(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    medewerker.get(pad)
    for _ in range(2):
        assert medewerker.post(pad, {"password": "gok"}).status_code == 200
    assert medewerker.post(pad, {"password": "gok"}).status_code == 429
    # Locked out: the right password passes step 1 no more, and shows no key.
    response = medewerker.post(pad, {"password": TEST_PASSWORD})
    assert response.status_code == 429
    assert SESSIE_WACHTWOORD_GOED not in medewerker.session
    assert not TOTPDevice.objects.filter(user=nieuw, confirmed=False).exists()
    assert "_auth_user_id" not in medewerker.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_guessing_the_code_on_the_setup_page_locks_the_account_out(
    client, beheerder, nieuw, django_capture_on_commit_callbacks
):
    _uitnodigen(client, nieuw, django_capture_on_commit_callbacks)
    pad = _link(mail.outbox[0])
    medewerker = Client()
    _wachtwoord_goed(medewerker, pad)
    apparaat = _nieuw_apparaat(nieuw)
    fout = f"{(int(_code(apparaat)) + 1) % 1_000_000:06d}"
    for _ in range(2):
        assert medewerker.post(pad, {"code": fout}).status_code == 200
    assert medewerker.post(pad, {"code": fout}).status_code == 429
    # Locked out: the right code sets up nothing now (past django-otp's own delay).
    with time_machine.travel(TEST_MOMENT + datetime.timedelta(minutes=1), tick=False):
        response = medewerker.post(pad, {"code": _code(apparaat)})
    assert response.status_code == 429
    apparaat.refresh_from_db()
    assert not apparaat.confirmed
    assert "_auth_user_id" not in medewerker.session

import pytest
from django.test import override_settings

from tests.conftest import current_code
from tests.factories import TEST_PASSWORD, MedewerkerFactory

LOGIN = "/medewerker/inloggen/"
MESSAGE = "De combinatie van gebruikersnaam, wachtwoord en code klopt niet"


@pytest.fixture
def user(db):
    return MedewerkerFactory(rollen=["kernambtenaar"])


def _post(client, username, password, code):
    return client.post(LOGIN, {"username": username, "password": password, "code": code})


def test_password_and_code_sign_in_and_verify_the_second_factor(client, user):
    response = _post(client, user.username, TEST_PASSWORD, current_code())
    assert response.status_code == 302
    assert response["Location"] == "/medewerker/"
    start = client.get("/medewerker/")
    assert start.status_code == 200
    assert start.wsgi_request.user.is_verified()


@pytest.mark.parametrize("wrong", ["password", "code", "username"])
def test_any_wrong_part_gives_one_generic_message(client, user, wrong):
    data = {"username": user.username, "password": TEST_PASSWORD, "code": current_code()}
    data[wrong] = {"password": "fout-wachtwoord", "code": "000000", "username": "onbekend"}[wrong]
    response = _post(client, **data)
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count(MESSAGE) == 1
    assert "_auth_user_id" not in client.session


def test_password_alone_does_not_sign_in(client, user):
    response = _post(client, user.username, TEST_PASSWORD, "")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_repeated_failures_lock_out_even_with_the_right_credentials(client, user):
    for _ in range(2):
        assert _post(client, user.username, "fout", "123456").status_code == 200
    # A wrong second factor with the right password counts as a failure too.
    assert _post(client, user.username, TEST_PASSWORD, "000000").status_code == 429
    response = _post(client, user.username, TEST_PASSWORD, current_code())
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_next_parameter_only_redirects_within_the_site(client, user):
    data = {"username": user.username, "password": TEST_PASSWORD, "code": current_code()}
    response = client.post(LOGIN + "?next=https://evil.example/", data)
    assert response["Location"] == "/medewerker/"


def test_sign_out_needs_post_and_ends_the_session(client, user, signed_in):
    signed_in(user)
    assert client.get("/medewerker/uitloggen/").status_code == 405
    client.post("/medewerker/uitloggen/")
    assert client.get("/medewerker/").status_code == 302


def test_the_admin_has_no_sign_in_of_its_own(client, user):
    """The admin's login form would be a second, uncounted way to guess passwords and codes."""
    response = client.post(
        "/beheer/login/?next=/beheer/kernen/",
        {"username": user.username, "password": TEST_PASSWORD, "otp_token": current_code()},
    )
    assert response.status_code == 302
    assert response["Location"] == "/medewerker/inloggen/?next=/beheer/kernen/"
    assert "_auth_user_id" not in client.session


@override_settings(AXES_FAILURE_LIMIT=3)
def test_failures_on_the_way_to_the_admin_lock_out_too(client, db):
    beheer = MedewerkerFactory(rollen=["functioneel_beheer"], is_staff=True)
    login = client.get("/beheer/", follow=True).redirect_chain[-1][0]
    assert login.startswith(LOGIN)
    data = {"username": beheer.username, "password": TEST_PASSWORD, "code": "000000"}
    for _ in range(2):
        assert client.post(login, data).status_code == 200  # wrong second factor
    data["code"] = current_code()
    data["password"] = "fout"
    assert client.post(login, data).status_code == 429
    data["password"] = TEST_PASSWORD
    response = client.post(login, data)
    assert response.status_code == 429
    assert "tijdelijk geblokkeerd" in response.content.decode()
    assert client.get("/beheer/").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=2, BEHIND_PROXY=True, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_lockout_counts_the_real_client_address(client, user):
    """Everyone comes through the proxy (one REMOTE_ADDR): a lockout of one client must not
    lock the account for the others, and a forged X-Forwarded-For must not escape it."""
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fout = {"username": user.username, "password": "fout", "code": "000000"}
    goed = {"username": user.username, "password": TEST_PASSWORD, "code": current_code()}
    aanvaller = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    for _ in range(2):
        client.post(LOGIN, fout, **aanvaller)
    # The attacker puts another address in front: the proxy's own entry still counts.
    vervalst = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.9"}
    assert client.post(LOGIN, goed, **vervalst).status_code == 429
    # The real resident of the account, from another address, still signs in.
    collega = {**proxy, "HTTP_X_FORWARDED_FOR": "192.0.2.44"}
    assert client.post(LOGIN, goed, **collega).status_code == 302

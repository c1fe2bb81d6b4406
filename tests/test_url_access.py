"""Walks every URL under /medewerker/ (and the admin) and checks who is refused.

- anonymous visitors are sent to the sign-in page;
- a signed-in member of staff without any role gets 403;
- a kernambtenaar of another kern gets 403 on every URL that points at a kern's object.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import KernFactory, MedewerkerFactory
from tests.url_kwargs import PUBLIC_STAFF_URL_NAMES, URL_KWARG_BUILDERS

STAFF_PREFIX = "medewerker/"


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            ns = namespace
            if entry.namespace:
                ns = f"{namespace}{entry.namespace}:"
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), f"{namespace}{entry.name}", entry.pattern


def staff_urls() -> dict[str, list[str]]:
    """URL name -> names of its parameters, for every staff URL."""
    found = {}
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(STAFF_PREFIX) and name not in PUBLIC_STAFF_URL_NAMES:
            found[name] = list(getattr(pattern, "converters", {}).keys())
    return dict(sorted(found.items()))


STAFF_URLS = staff_urls()
SCOPED_STAFF_URLS = [name for name, kwargs in STAFF_URLS.items() if kwargs]


def _build_url(name, kern):
    kwargs = {}
    for kwarg in STAFF_URLS[name]:
        assert kwarg in URL_KWARG_BUILDERS, (
            f"URL {name} has parameter <{kwarg}>: add a builder to tests/url_kwargs.py"
        )
        kwargs[kwarg] = URL_KWARG_BUILDERS[kwarg](kern)
    return reverse(name, kwargs=kwargs)


def test_the_walker_finds_staff_urls():
    names = list(STAFF_URLS)
    assert "kernen:dashboard" in names
    assert "kerngericht:staff_start" in names


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(STAFF_URLS))
def test_anonymous_visitor_is_sent_to_sign_in(client, name):
    url = _build_url(name, KernFactory())
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, f"{name}: {response.status_code}"
        assert response["Location"].startswith("/medewerker/inloggen/"), name


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(STAFF_URLS))
def test_staff_without_role_is_refused(client, signed_in, name):
    url = _build_url(name, KernFactory())
    signed_in(MedewerkerFactory(rollen=[]))
    assert client.get(url).status_code == 403, name
    assert client.post(url).status_code == 403, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", SCOPED_STAFF_URLS)
def test_kernambtenaar_of_another_kern_is_refused(client, signed_in, name):
    own, other = KernFactory(), KernFactory()
    url = _build_url(name, other)
    signed_in(MedewerkerFactory(rollen=["kernambtenaar"], kernambtenaar_van=[own]))
    assert client.get(url).status_code == 403, name
    assert client.post(url).status_code == 403, name


@pytest.mark.django_db
def test_admin_requires_a_verified_second_factor(client):
    user = MedewerkerFactory(rollen=["functioneel-beheer"], is_staff=True)
    client.force_login(user)  # password only, no second factor
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]

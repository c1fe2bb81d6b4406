"""Functioneel beheer assigns roles in the admin but cannot widen its own rights (DOMAIN.md)."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Rol
from tests.factories import MedewerkerFactory


@pytest.fixture
def beheerder(db, client, signed_in):
    call_command("seed")  # gives the functioneel-beheer group its admin permissions
    user = MedewerkerFactory(rollen=[Rol.FUNCTIONEEL_BEHEER], is_staff=True)
    signed_in(user)
    return user


def _velden(response) -> set[str]:
    assert response.status_code == 200
    return set(response.context["adminform"].form.fields)


def test_functioneel_beheer_cannot_change_its_own_rights(client, beheerder):
    velden = _velden(client.get(reverse("admin:accounts_medewerker_change", args=[beheerder.pk])))
    assert not velden & {"is_superuser", "user_permissions", "groups", "is_staff", "is_active"}
    assert {"first_name", "team"} <= velden


def test_functioneel_beheer_assigns_roles_to_others_but_no_superuser_status(client, beheerder):
    ander = MedewerkerFactory(rollen=[Rol.KERNAMBTENAAR])
    velden = _velden(client.get(reverse("admin:accounts_medewerker_change", args=[ander.pk])))
    assert "groups" in velden
    assert not velden & {"is_superuser", "user_permissions"}


def test_functioneel_beheer_cannot_take_over_a_superuser(client, beheerder):
    baas = MedewerkerFactory(rollen=[], is_superuser=True, is_staff=True)
    url = reverse("admin:auth_user_password_change", args=[baas.pk])
    assert client.get(url).status_code == 403
    response = client.post(
        url, {"password1": "Overgenomen-2026!", "password2": "Overgenomen-2026!"}
    )
    assert response.status_code == 403
    baas.refresh_from_db()
    assert baas.check_password("wachtwoord-test-123")
    change = reverse("admin:accounts_medewerker_change", args=[baas.pk])
    assert client.post(change, {"username": baas.username}).status_code == 403


def test_functioneel_beheer_cannot_give_a_role_more_permissions(client, beheerder):
    groep = Group.objects.get(name=Rol.FUNCTIONEEL_BEHEER)
    voor = set(groep.permissions.values_list("pk", flat=True))
    url = reverse("admin:auth_group_change", args=[groep.pk])
    assert "permissions" not in _velden(client.get(url))
    assert client.post(url, {"name": groep.name, "permissions": []}).status_code == 403
    assert client.get(reverse("admin:auth_group_add")).status_code == 403
    assert set(groep.permissions.values_list("pk", flat=True)) == voor


def test_functioneel_beheer_never_reads_a_mail_body_or_its_links(client, beheerder):
    from core.models import Mailbericht

    geheim = "http://testserver/initiatieven/mijn/GEHEIM-TOKEN-123/"
    bericht = Mailbericht.objects.create(
        aan="inwoner@example.nl",
        onderwerp="Uw persoonlijke links",
        tekst=f"Uw link: {geheim}",
        bijlagen=[{"naam": "a.ics", "mimetype": "text/calendar", "inhoud": geheim}],
    )
    lijst = client.get(reverse("admin:core_mailbericht_changelist"))
    detail = client.get(reverse("admin:core_mailbericht_change", args=[bericht.pk]))
    assert lijst.status_code == detail.status_code == 200
    for response in (lijst, detail):
        assert "GEHEIM-TOKEN-123" not in response.content.decode()
    assert "Uw persoonlijke links" in detail.content.decode()  # the meta data is there
    # Nor can the admin change or delete what the outbox relies on.
    assert (
        client.post(reverse("admin:core_mailbericht_delete", args=[bericht.pk])).status_code == 403
    )
    assert Mailbericht.objects.filter(pk=bericht.pk).exists()

"""factory_boy factories for the foundation models; app factories: tests/<app>/factories.py."""

import factory
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Medewerker, Team
from kernen.models import Gebied, Kern

DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
TEST_PASSWORD = "wachtwoord-test-123"


class GebiedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebied
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Gebied {n}")
    slug = factory.Sequence(lambda n: f"gebied-{n}")


class KernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kern

    naam = factory.Sequence(lambda n: f"Testkern {n}")
    slug = factory.Sequence(lambda n: f"testkern-{n}")
    gebied = factory.SubFactory(GebiedFactory)


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    naam = factory.Sequence(lambda n: f"Team {n}")
    slug = factory.Sequence(lambda n: f"team-{n}")


class MedewerkerFactory(factory.django.DjangoModelFactory):
    """A member of staff with a password and a confirmed TOTP device.

    `rollen=["kernambtenaar", ...]`, `kernambtenaar_van=[kern]`, `kernwethouder_van=[kern]`.
    """

    class Meta:
        model = Medewerker
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"medewerker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda o: f"{o.username}@buren.example")
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def rollen(self, create, extracted, **kwargs):
        for naam in extracted or []:
            group, _ = Group.objects.get_or_create(name=naam)
            self.groups.add(group)
        self.save()
        TOTPDevice.objects.create(user=self, name="test", key=DEMO_TOTP_KEY_HEX, confirmed=True)

    @factory.post_generation
    def kernambtenaar_van(self, create, extracted, **kwargs):
        for kern in extracted or []:
            kern.kernambtenaren.add(self)

    @factory.post_generation
    def kernwethouder_van(self, create, extracted, **kwargs):
        for kern in extracted or []:
            kern.kernwethouders.add(self)

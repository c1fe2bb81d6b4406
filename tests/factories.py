"""factory_boy factories for the foundation models; app factories: tests/<app>/factories.py."""

import factory
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Medewerker, Team
from kernen.models import Gebied, Kern, PostcodeGebied

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
        skip_postgeneration_save = True

    naam = factory.Sequence(lambda n: f"Testkern {n}")
    slug = factory.Sequence(lambda n: f"testkern-{n}")
    gebied = factory.SubFactory(GebiedFactory)

    @factory.post_generation
    def postcodes(self, create, extracted, **kwargs):
        """Who may vote in the kern: `postcodes=["4031"]` gives 4031AA-4031ZZ; by default a
        four-digit area of its own (no overlap within a test); `postcodes=[]` none."""
        if not create:
            return
        if extracted is None:
            extracted = [str(1000 + (self.pk % 9000))]
        for cijfers in extracted:
            PostcodeGebied.objects.create(kern=self, van=f"{cijfers}AA", tot=f"{cijfers}ZZ")


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

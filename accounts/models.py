from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Rol(models.TextChoices):
    """Staff roles. Stored as auth groups so functioneel beheer can assign them in the admin."""

    KERNAMBTENAAR = "kernambtenaar", _("Kernambtenaar")
    BELEIDSMEDEWERKER = "beleidsmedewerker", _("Beleidsmedewerker")
    TEAMMANAGER = "teammanager", _("Teammanager")
    KERNWETHOUDER = "kernwethouder", _("Kernwethouder")
    COLLEGE = "college", _("College van B en W")
    COORDINATOR_SIGNALERING = "coordinator-signalering", _("Coördinator signaleringsgroepen")
    FUNCTIONEEL_BEHEER = "functioneel-beheer", _("Functioneel beheer")


class Team(models.Model):
    """A team of beleidsmedewerkers (afval, verkeer en vervoer, ...)."""

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), unique=True)
    email = models.EmailField(_("teammailbox"), blank=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.naam


class Medewerker(AbstractUser):
    """A member of staff. Inwoners have no account; they use personal links."""

    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="medewerkers",
        help_text=_("Voor beleidsmedewerkers en teammanagers."),
    )
    functie = models.CharField(_("functie"), max_length=120, blank=True)
    telefoon = models.CharField(_("telefoon"), max_length=30, blank=True)
    # The version the link in the latest invitation for a second factor carries: a new
    # invitation and a completed setup raise it, so every older link stops working.
    link_versie = models.PositiveIntegerField(_("versie uitnodigingslink"), default=1)

    class Meta:
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        ordering = ["first_name", "last_name", "username"]
        permissions = [
            (
                "tweede_factor_uitnodigen",
                _("Kan een uitnodiging voor de tweede factor versturen"),
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def rollen(self) -> frozenset[str]:
        """Role slugs of this user, cached per instance (one query)."""
        cached = getattr(self, "_rollen_cache", None)
        if cached is None:
            valid = set(Rol.values)
            cached = frozenset(n for n in self.groups.values_list("name", flat=True) if n in valid)
            self._rollen_cache = cached
        return cached

    def heeft_rol(self, rol: str) -> bool:
        return rol in self.rollen

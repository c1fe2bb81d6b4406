"""Who may see and do what for a kern. Object-level checks take the Kern."""

import rules

from accounts.models import Rol
from accounts.rules import is_functioneel_beheer, is_kernambtenaar, is_kernwethouder

from .selectors import kernambtenaar_kern_ids, kernen_van_medewerker


@rules.predicate
def is_kernambtenaar_van(user, kern) -> bool:
    if kern is None or not user.is_authenticated:
        return False
    return kern.pk in kernambtenaar_kern_ids(user)


@rules.predicate
def mag_kern_dashboard_zien(user, kern) -> bool:
    # The same scope the start page and "mijn kernen" list, so no listed dashboard is a 403.
    if kern is None:
        return False
    # The kernambtenaar's own active kern answers from the ids the dashboard's panels read
    # anyway (no query of its own); anyone else is asked the full scope.
    if (
        kern.actief
        and user.is_active
        and user.heeft_rol(Rol.KERNAMBTENAAR)
        and kern.pk in kernambtenaar_kern_ids(user)
    ):
        return True
    return kernen_van_medewerker(user).filter(pk=kern.pk).exists()


# The overview of "my kernen".
rules.add_perm("kernen.view_dashboard", is_kernambtenaar | is_kernwethouder | is_functioneel_beheer)
# One kern's dashboard: its kernambtenaar, its kernwethouder, or functioneel beheer.
rules.add_perm("kernen.view_kern_dashboard", mag_kern_dashboard_zien)
# Editing what belongs to a kern (toolbox, profile): its kernambtenaar or functioneel beheer.
rules.add_perm(
    "kernen.change_kern_inhoud", (is_kernambtenaar & is_kernambtenaar_van) | is_functioneel_beheer
)

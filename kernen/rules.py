"""Who may see and do what for a kern. Object-level checks take the Kern."""

import rules

from accounts.rules import is_functioneel_beheer, is_kernambtenaar, is_kernwethouder

from .selectors import kernen_van_medewerker


def _kernen_als_kernambtenaar(user) -> frozenset[int]:
    """The ids of the user's kernen, read once per user object (one request): a page asks
    for several panels and links whether the user is this kern's kernambtenaar."""
    ids = getattr(user, "_kernambtenaar_kernen", None)
    if ids is None:
        ids = frozenset(user.kernen_als_kernambtenaar.values_list("pk", flat=True))
        user._kernambtenaar_kernen = ids
    return ids


@rules.predicate
def is_kernambtenaar_van(user, kern) -> bool:
    if kern is None or not user.is_authenticated:
        return False
    return kern.pk in _kernen_als_kernambtenaar(user)


@rules.predicate
def mag_kern_dashboard_zien(user, kern) -> bool:
    # The same scope the start page and "mijn kernen" list, so no listed dashboard is a 403.
    return kern is not None and kernen_van_medewerker(user).filter(pk=kern.pk).exists()


# The overview of "my kernen".
rules.add_perm("kernen.view_dashboard", is_kernambtenaar | is_kernwethouder | is_functioneel_beheer)
# One kern's dashboard: its kernambtenaar, its kernwethouder, or functioneel beheer.
rules.add_perm("kernen.view_kern_dashboard", mag_kern_dashboard_zien)
# Editing what belongs to a kern (toolbox, profile): its kernambtenaar or functioneel beheer.
rules.add_perm(
    "kernen.change_kern_inhoud", (is_kernambtenaar & is_kernambtenaar_van) | is_functioneel_beheer
)

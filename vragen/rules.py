"""Who may do what with a vraag: plain functions (used by services) and django-rules
predicates/permissions (used by views). Registered from participatie/rules.py."""

import rules

from accounts.models import Rol
from accounts.rules import (
    is_beleidsmedewerker,
    is_functioneel_beheer,
    is_kernambtenaar,
    is_teammanager,
)


def _actief(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def mag_beantwoorden(user, vraag) -> bool:
    """The beleidsmedewerker it is routed to; or, routed to a team only, one of that team."""
    if vraag is None or not _actief(user) or not user.heeft_rol(Rol.BELEIDSMEDEWERKER):
        return False
    if vraag.behandelaar_id is not None:
        return vraag.behandelaar_id == user.pk
    return vraag.team_id is not None and vraag.team_id == user.team_id


def is_kernambtenaar_van_vraag_fn(user, vraag) -> bool:
    if vraag is None or not _actief(user) or not user.heeft_rol(Rol.KERNAMBTENAAR):
        return False
    return vraag.kern.kernambtenaren.filter(pk=user.pk).exists()


def mag_routeren(user, vraag) -> bool:
    return is_kernambtenaar_van_vraag_fn(user, vraag) or (
        _actief(user) and user.heeft_rol(Rol.FUNCTIONEEL_BEHEER)
    )


@rules.predicate
def is_kernambtenaar_van_vraag(user, vraag) -> bool:
    return is_kernambtenaar_van_vraag_fn(user, vraag)


@rules.predicate
def mag_vraag_beantwoorden(user, vraag) -> bool:
    return mag_beantwoorden(user, vraag)


@rules.predicate
def is_van_team_van_vraag(user, vraag) -> bool:
    if vraag is None or not _actief(user):
        return False
    if vraag.behandelaar_id == user.pk:
        return True
    return vraag.team_id is not None and vraag.team_id == user.team_id


rules.add_perm(
    "vragen.view_vragen_inbox",
    is_kernambtenaar | is_beleidsmedewerker | is_teammanager | is_functioneel_beheer,
)
rules.add_perm("vragen.registreer_vraag", is_kernambtenaar | is_functioneel_beheer)
rules.add_perm(
    "vragen.view_vragen_cijfers", is_kernambtenaar | is_teammanager | is_functioneel_beheer
)
rules.add_perm(
    "vragen.bekijk_vraag",
    (is_kernambtenaar & is_kernambtenaar_van_vraag)
    | ((is_beleidsmedewerker | is_teammanager) & is_van_team_van_vraag)
    | is_functioneel_beheer,
)
rules.add_perm(
    "vragen.routeer_vraag",
    (is_kernambtenaar & is_kernambtenaar_van_vraag) | is_functioneel_beheer,
)
rules.add_perm("vragen.beantwoord_vraag", is_beleidsmedewerker & mag_vraag_beantwoorden)

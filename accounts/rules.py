"""Named predicates for staff roles, shared by every app's permission rules."""

import rules

from .models import Rol


def _rol_predicate(rol: Rol) -> rules.Predicate:
    @rules.predicate(name=f"is_{rol.value.replace('-', '_')}")
    def has_role(user) -> bool:
        return bool(user and user.is_authenticated and user.is_active and user.heeft_rol(rol))

    return has_role


is_kernambtenaar = _rol_predicate(Rol.KERNAMBTENAAR)
is_beleidsmedewerker = _rol_predicate(Rol.BELEIDSMEDEWERKER)
is_teammanager = _rol_predicate(Rol.TEAMMANAGER)
is_kernwethouder = _rol_predicate(Rol.KERNWETHOUDER)
is_college = _rol_predicate(Rol.COLLEGE)
is_coordinator_signalering = _rol_predicate(Rol.COORDINATOR_SIGNALERING)
is_functioneel_beheer = _rol_predicate(Rol.FUNCTIONEEL_BEHEER)

is_medewerker = (
    is_kernambtenaar
    | is_beleidsmedewerker
    | is_teammanager
    | is_kernwethouder
    | is_college
    | is_coordinator_signalering
    | is_functioneel_beheer
)

rules.add_perm("accounts.view_startpagina", is_medewerker)

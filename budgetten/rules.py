"""Who may do what in budgetten (django-rules; autodiscovered under this name).

The pure business rules live in `budgetten.regels`, one module per process.
"""

import rules

from accounts.rules import (
    is_beleidsmedewerker,
    is_college,
    is_coordinator_signalering,
    is_functioneel_beheer,
    is_kernambtenaar,
)
from kernen.rules import is_kernambtenaar_van

from .constants import SIGNALERING_TEAM, AanvraagStatus, RegelingCode


@rules.predicate
def is_kernambtenaar_van_aanvraag(user, aanvraag) -> bool:
    # From the user's kern ids, read once per request (kernen.rules), not a query per check.
    return aanvraag is not None and is_kernambtenaar_van(user, aanvraag.kern)


@rules.predicate
def is_college_aanvraag(user, aanvraag) -> bool:
    return aanvraag is not None and aanvraag.regeling.code == RegelingCode.BIJZONDER


@rules.predicate
def ligt_bij_college(user, aanvraag) -> bool:
    return aanvraag is not None and aanvraag.status == AanvraagStatus.BIJ_COLLEGE


@rules.predicate
def is_van_signaleringsteam(user) -> bool:
    team = getattr(user, "team", None)
    return team is not None and team.slug == SIGNALERING_TEAM


behandelaar = is_kernambtenaar | is_beleidsmedewerker
# The kernambtenaar of the aanvraag's kern decides (street events, leefbaarheid) and pays.
kernambtenaar_van = is_kernambtenaar & is_kernambtenaar_van_aanvraag
# A beleidsmedewerker only advises, on bijzondere initiatieven, and never decides or pays.
adviseur = kernambtenaar_van | is_beleidsmedewerker

rules.add_perm("budgetten.view_aanvragen", behandelaar | is_college | is_functioneel_beheer)
rules.add_perm(
    "budgetten.bekijk_aanvraag",
    kernambtenaar_van
    | ((is_beleidsmedewerker | is_college) & is_college_aanvraag)
    | is_functioneel_beheer,
)
# Bijzondere initiatieven: the college, once the advice has put it in the college's queue.
rules.add_perm(
    "budgetten.besluit_aanvraag",
    (kernambtenaar_van & ~is_college_aanvraag)
    | (is_college & is_college_aanvraag & ligt_bij_college),
)
rules.add_perm("budgetten.advise_aanvraag", adviseur & is_college_aanvraag)
rules.add_perm("budgetten.beheer_toekenning", kernambtenaar_van)
rules.add_perm("budgetten.view_college_queue", is_college)
rules.add_perm("budgetten.view_overzicht", behandelaar | is_college | is_functioneel_beheer)
rules.add_perm("budgetten.export", behandelaar | is_college | is_functioneel_beheer)
# Signaleringsgroepen: a beleidsmedewerker of team Veiligheid decides and pays, for every
# group (a group may cover several kernen); the coordinator files the declarations.
signalering_behandelaar = is_beleidsmedewerker & is_van_signaleringsteam
rules.add_perm("budgetten.view_declaraties", is_coordinator_signalering | signalering_behandelaar)
# Not "add_declaratie": that is also the model permission functioneel beheer holds for the
# admin, and Django's ModelBackend would let them file declarations in the portal.
rules.add_perm("budgetten.declaratie_indienen", is_coordinator_signalering)
rules.add_perm("budgetten.bekijk_declaratie", is_coordinator_signalering | signalering_behandelaar)
rules.add_perm("budgetten.decide_declaratie", signalering_behandelaar)
rules.add_perm("budgetten.grant_vrijwilligersvergoeding", signalering_behandelaar)


# The voting round: the kernambtenaar of that kern. Object: a Kern or a Stemronde.
@rules.predicate
def is_kernambtenaar_van_stemronde(user, obj) -> bool:
    if obj is None:
        return False
    return is_kernambtenaar_van(user, getattr(obj, "kern", obj))


rules.add_perm("budgetten.view_stemrondes", is_kernambtenaar)
rules.add_perm("budgetten.beheer_stemronde", is_kernambtenaar & is_kernambtenaar_van_stemronde)

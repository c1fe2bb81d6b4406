"""Who handles residents' privacy requests (core.avg): the kernambtenaar of a kern involved;
a request that touches no kern, any kernambtenaar."""

import rules

from accounts.rules import is_kernambtenaar


@rules.predicate
def is_kernambtenaar_van_verzoek(user, verzoek) -> bool:
    if verzoek is None or not user.is_authenticated:
        return False
    kernen = verzoek.kernen.all()
    return not kernen.exists() or kernen.filter(kernambtenaren=user).exists()


rules.add_perm("core.view_privacyverzoeken", is_kernambtenaar)
rules.add_perm("core.handel_privacyverzoek_af", is_kernambtenaar & is_kernambtenaar_van_verzoek)

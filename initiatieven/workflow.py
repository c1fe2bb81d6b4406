"""The lifecycle of an initiative, as data: who may move it from which status to which.

Services call `controleer_overgang` (it refuses with `core.fouten.Weigering`); views and
templates ask `acties(initiatief, user)` what is on offer, so that no template compares raw
status strings.
"""

from dataclasses import dataclass

from core.fouten import Weigering

from .constants import Actor, InitiatiefStatus

S = InitiatiefStatus
M, INW = Actor.MEDEWERKER, Actor.INWONER

# The status flow: from -> {to: who may take that step}.
OVERGANGEN: dict[str, dict[str, frozenset[str]]] = {
    S.INGEDIEND: {
        S.IN_BEHANDELING: frozenset({M}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.IN_BEHANDELING: {
        S.INFORMATIE_GEVRAAGD: frozenset({M}),
        S.TOEGEZEGD: frozenset({M}),
        S.AFGEWEZEN: frozenset({M}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.INFORMATIE_GEVRAAGD: {
        # The inwoner answering moves it back automatically; staff may do so too.
        S.IN_BEHANDELING: frozenset({M, INW}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.TOEGEZEGD: {
        S.UITGEVOERD: frozenset({M}),
        S.INGETROKKEN: frozenset({M, INW}),
    },
    S.UITGEVOERD: {S.AFGEROND: frozenset({M})},
    S.AFGEWEZEN: {},
    S.INGETROKKEN: {},
    S.AFGEROND: {},
}

# Steps that need a written reason (shown to the inwoner), whoever takes them.
TOELICHTING_VERPLICHT: frozenset[str] = frozenset({S.AFGEWEZEN, S.INFORMATIE_GEVRAAGD})
# Shown on the public pages of the kern (without personal data).
PUBLIEKE_STATUSSEN: frozenset[str] = frozenset({S.TOEGEZEGD, S.UITGEVOERD, S.AFGEROND})
# Waiting for the municipality: the "oldest waiting" on the dashboard.
WACHTENDE_STATUSSEN: frozenset[str] = frozenset({S.INGEDIEND, S.IN_BEHANDELING})
EINDSTATUSSEN: frozenset[str] = frozenset(s for s, naar in OVERGANGEN.items() if not naar)


def volgende_statussen(huidig: str, actor: str) -> list[str]:
    """The statuses `actor` may move an initiative to from `huidig`, in flow order."""
    naar = OVERGANGEN.get(huidig, {})
    return [s for s in S.values if actor in naar.get(s, frozenset())]


def overgang_toegestaan(van: str, naar: str, actor: str) -> bool:
    return actor in OVERGANGEN.get(van, {}).get(naar, frozenset())


def mailt_inwoner(*, naar: str, actor: str) -> bool:
    """Every step of staff mails the inwoner; of their own steps only withdrawing does."""
    return actor == M or naar == S.INGETROKKEN


def toelichting_verplicht(*, naar: str, actor: str) -> bool:
    """A step of staff mails the inwoner, so it always says why (in the mail and on the
    inwoner's page); refusing and asking for information need a reason from anyone."""
    return naar in TOELICHTING_VERPLICHT or (actor == M and mailt_inwoner(naar=naar, actor=actor))


TOELICHTING_FOUT = (
    "Schrijf erbij waarom. De inwoner krijgt deze uitleg per e-mail en ziet hem op de eigen pagina."
)


def controleer_overgang(*, van: str, naar: str, actor: str, toelichting: str) -> None:
    """Raise Weigering with a Dutch message when the step is not allowed."""
    if not overgang_toegestaan(van, naar, actor):
        raise Weigering(
            {
                "naar": f"Van '{S(van).label}' naar '{S(naar).label}' kan niet."
                if van in S.values and naar in S.values
                else "Deze stap bestaat niet."
            }
        )
    if toelichting_verplicht(naar=naar, actor=actor) and not toelichting.strip():
        raise Weigering({"toelichting": TOELICHTING_FOUT})


def kan_intrekken(status: str) -> bool:
    return overgang_toegestaan(status, S.INGETROKKEN, INW)


def kan_aanvullen(status: str) -> bool:
    return status not in EINDSTATUSSEN


# An application for money may start from (and be linked to) an initiative in these.
GEEN_GELD_STATUSSEN: frozenset[str] = frozenset({S.AFGEWEZEN, S.INGETROKKEN})


def kan_geld_aanvragen(initiatief) -> bool:
    """A confirmed initiative that asks for money, not refused or withdrawn."""
    return (
        initiatief.email_bevestigd_op is not None
        and initiatief.hulp_geld
        and initiatief.status not in GEEN_GELD_STATUSSEN
    )


@dataclass(frozen=True)
class Acties:
    """What is on offer for one initiative, for the staff page or the inwoner's page."""

    behandelen: bool = False  # a member of staff handling it (initiatieven.behandel_initiatief)
    volgende: tuple[str, ...] = ()  # statuses a member of staff may move it to
    met_verslag: bool = False  # the next staff step is completing it: report and photos
    verhaal: bool = False  # completed: staff may write its story
    aanvullen: bool = False  # the inwoner may add information
    intrekken: bool = False  # the inwoner may withdraw it
    geld_aanvragen: bool = False  # "Geld aanvragen" opens the budget form from it


def acties(initiatief, user=None) -> Acties:
    """Staff (a user with initiatieven.behandel_initiatief on it) or, without a user, the
    inwoner behind the personal link."""
    status = initiatief.status
    if user is None:
        return Acties(
            aanvullen=kan_aanvullen(status),
            intrekken=kan_intrekken(status),
            geld_aanvragen=kan_geld_aanvragen(initiatief),
        )
    if not user.has_perm("initiatieven.behandel_initiatief", initiatief):
        return Acties()
    volgende = tuple(volgende_statussen(status, M))
    return Acties(
        behandelen=True,
        volgende=volgende,
        met_verslag=S.AFGEROND in volgende,
        verhaal=status == S.AFGEROND,
        geld_aanvragen=kan_geld_aanvragen(initiatief),
    )

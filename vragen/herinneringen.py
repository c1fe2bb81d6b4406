"""The reminder sweep: set-based, and every reminder is sent exactly once.

How once-only works:
1. In one transaction, for each kind of reminder one `INSERT ... SELECT ... ON CONFLICT DO
   NOTHING` records a Herinnering row for every vraag that is due, stamped with this sweep's
   `ronde` (a fresh UUID). The unique constraint (vraag, volgnummer, soort) makes a row that
   already exists - from an earlier sweep, a concurrent sweep, a retried task - a no-op;
   PostgreSQL makes a concurrent inserter wait for the first one's commit and then skip.
2. Only rows carrying this sweep's `ronde` are mailed: one digest per recipient and kind,
   recorded as Mailbericht in the same transaction and queued after commit.
3. If the broker is down after the commit, queuing fails loudly (the task errors); the rows
   and their digests stay recorded, and the project-wide periodic task
   `core.tasks.mail_wachtrij_opnieuw` queues again every email that never got a
   sending attempt (every 10 minutes). verstuur_mail locks the Mailbericht and skips a sent
   one, so queuing twice sends once. See docs/decisions/0007-vragen-termijn-en-herinneringen.md.

What is due is decided on the stored `deadline` with a handful of moments computed here in
Python (end of today, escalation cutoff), so the number of queries does not depend on the
number of questions. A sweep that could not run for a while catches up, because "due" is
"past the moment and no row yet", not "in the last 15 minutes".
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Medewerker, Rol
from core.mail import mail_versturen
from kernen.models import Kern
from vragen.models import Herinnering, Vraag

from .constants import HerinneringSoort
from .deadlines import einde_van_dag, escalatie_grens, lokale_datum


@dataclass
class SweepResultaat:
    ronde: uuid.UUID
    nieuw: dict[str, int] = field(default_factory=dict)
    mails: int = 0

    @property
    def totaal(self) -> int:
        return sum(self.nieuw.values())


def escalatie_werkdagen() -> int:
    return int(getattr(settings, "VRAGEN_ESCALATIE_WERKDAGEN", 2))


def _voorwaarden(nu: datetime) -> dict[str, tuple[str, list]]:
    """SQL condition (on table alias v) and parameters per kind of reminder."""
    adapt = connection.ops.adapt_datetimefield_value
    einde_vandaag = einde_van_dag(lokale_datum(nu))
    grens = escalatie_grens(nu, escalatie_werkdagen())
    heeft_ontvanger = "(v.behandelaar_id IS NOT NULL OR v.team_id IS NOT NULL)"
    return {
        # The last day: the deadline is today and has not passed yet. A sweep that comes
        # too late for this does not send it any more; the reminder below takes over.
        HerinneringSoort.LAATSTE_DAG: (
            f"v.deadline >= %s AND v.deadline <= %s AND {heeft_ontvanger}",
            [adapt(nu), adapt(einde_vandaag)],
        ),
        HerinneringSoort.HERINNERING: (f"v.deadline < %s AND {heeft_ontvanger}", [adapt(nu)]),
        HerinneringSoort.MELDING_KERNAMBTENAAR: ("v.deadline < %s", [adapt(nu)]),
        HerinneringSoort.ESCALATIE: (
            "v.deadline <= %s AND v.deadline < %s AND v.team_id IS NOT NULL",
            [adapt(grens), adapt(nu)],
        ),
    }


def _registreer(*, soort: str, voorwaarde: str, params: list, ronde: uuid.UUID, nu) -> int:
    """One INSERT ... SELECT ... ON CONFLICT DO NOTHING; returns the number of new rows."""
    h = Herinnering._meta.db_table
    v = Vraag._meta.db_table
    ronde_waarde = connection.ops.adapt_unknown_value(ronde)
    if connection.vendor != "postgresql":
        ronde_waarde = ronde.hex  # how Django stores a UUIDField on other databases
    # Table names come from model metadata and the condition from _voorwaarden above; every
    # value is a query parameter.
    sql = (
        f"INSERT INTO {h} (vraag_id, volgnummer, soort, deadline, ronde, aangemaakt_op) "  # noqa: S608
        f"SELECT v.id, v.termijn_volgnummer, %s, v.deadline, %s, %s FROM {v} v "
        f"WHERE v.deadline IS NOT NULL AND {voorwaarde} "
        # One order for every sweep, so two concurrent sweeps wait for each other instead
        # of deadlocking on the unique index.
        "ORDER BY v.id "
        "ON CONFLICT (vraag_id, volgnummer, soort) DO NOTHING"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [soort, ronde_waarde, connection.ops.adapt_datetimefield_value(nu), *params]
        )
        return cursor.rowcount


def _ontvangers(rijen: list[Herinnering]) -> dict[int, list[tuple[str, str, list[Herinnering]]]]:
    """Group the new rows per recipient: {recipient-key: (email, soort, rows)} - few queries."""
    kern_ids = {r.vraag.kern_id for r in rijen if r.soort == HerinneringSoort.MELDING_KERNAMBTENAAR}
    team_ids = {r.vraag.team_id for r in rijen if r.vraag.team_id}
    kernambtenaren: dict[int, list[str]] = defaultdict(list)
    if kern_ids:
        through = Kern.kernambtenaren.through
        for kern_id, email in (
            through.objects.filter(kern_id__in=kern_ids, medewerker__is_active=True)
            .exclude(medewerker__email="")
            .values_list("kern_id", "medewerker__email")
        ):
            kernambtenaren[kern_id].append(email)
    teammanagers: dict[int, list[str]] = defaultdict(list)
    teamleden: dict[int, list[str]] = defaultdict(list)
    if team_ids:
        for team_id, email, rol in (
            Medewerker.objects.filter(
                team_id__in=team_ids,
                is_active=True,
                groups__name__in=[Rol.TEAMMANAGER, Rol.BELEIDSMEDEWERKER],
            )
            .exclude(email="")
            .values_list("team_id", "email", "groups__name")
        ):
            (teammanagers if rol == Rol.TEAMMANAGER else teamleden)[team_id].append(email)

    per_ontvanger: dict[tuple[str, str], list[Herinnering]] = defaultdict(list)
    for rij in rijen:
        vraag = rij.vraag
        if rij.soort == HerinneringSoort.MELDING_KERNAMBTENAAR:
            aan = kernambtenaren.get(vraag.kern_id, [])
        elif rij.soort == HerinneringSoort.ESCALATIE:
            aan = teammanagers.get(vraag.team_id, [])
        elif vraag.behandelaar_id and vraag.behandelaar.is_active and vraag.behandelaar.email:
            aan = [vraag.behandelaar.email]
        elif vraag.team_id and vraag.team.email:
            aan = [vraag.team.email]
        else:
            aan = teamleden.get(vraag.team_id, [])
        for email in sorted(set(aan)):
            per_ontvanger[(email, rij.soort)].append(rij)
    return per_ontvanger


ONDERWERPEN = {
    HerinneringSoort.LAATSTE_DAG: "Vandaag is de laatste dag om te antwoorden (%(n)s vragen)",
    HerinneringSoort.HERINNERING: "Herinnering: antwoordtermijn verstreken (%(n)s vragen)",
    HerinneringSoort.MELDING_KERNAMBTENAAR: "Vragen in uw kern zijn te laat beantwoord (%(n)s)",
    HerinneringSoort.ESCALATIE: "Escalatie: vragen van uw team blijven onbeantwoord (%(n)s)",
}


def herinneringen_versturen(*, nu: datetime | None = None) -> SweepResultaat:
    """The periodic sweep (Celery beat, every 15 minutes). Safe to run any number of times,
    also at the same moment on several workers."""
    nu = nu or timezone.now()
    resultaat = SweepResultaat(ronde=uuid.uuid4())
    with transaction.atomic():
        for soort, (voorwaarde, params) in _voorwaarden(nu).items():
            resultaat.nieuw[soort] = _registreer(
                soort=soort, voorwaarde=voorwaarde, params=params, ronde=resultaat.ronde, nu=nu
            )
        if not resultaat.totaal:
            return resultaat
        rijen = list(
            Herinnering.objects.filter(ronde=resultaat.ronde)
            .select_related("vraag__kern", "vraag__team", "vraag__behandelaar")
            .order_by("vraag__deadline", "vraag_id")
        )
        koppelingen = []
        for (email, soort), groep in sorted(_ontvangers(rijen).items()):
            bericht = mail_versturen(
                luid_falen=True,  # a sweep that cannot queue must fail loudly
                aan=email,
                onderwerp=_(ONDERWERPEN[soort]) % {"n": len(groep)},
                template=f"vragen/mail/{soort}.txt",
                context={
                    "rijen": groep,
                    "soort": soort,
                    "site_url": settings.SITE_URL,
                    "werkdagen": escalatie_werkdagen(),
                },
            )
            koppelingen.extend(
                Herinnering.mailberichten.through(herinnering_id=r.pk, mailbericht_id=bericht.pk)
                for r in groep
            )
            resultaat.mails += 1
        Herinnering.mailberichten.through.objects.bulk_create(koppelingen, batch_size=5000)
    return resultaat

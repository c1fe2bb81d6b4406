"""The residents' voting round (leefbaarheidsbudget): rounds, candidates, votes, division.

The round decides its candidates through the aanvragen service (never the reverse).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.fouten import Weigering
from core.links import BEVESTIG_GELDIG_DAGEN, LinkSoort
from core.mail import mail_versturen
from kernen import selectors as kernen_selectors
from kernen.models import Kern

from .. import regels as r
from .. import selectors
from ..constants import (
    AanvraagStatus,
    KandidaatStatus,
    KandidaatUitkomst,
    RegelingCode,
    StemPer,
    StemrondeFase,
)
from ..models import (
    Aanvraag,
    Kandidaat,
    Regeling,
    Stemronde,
)
from . import ledger
from ._gedeeld import fout, historie_door
from .aanvragen import aanvraag_besluiten, besluit_blokkade, vergrendel_aanvraag

# --- The residents' voting round (leefbaarheidsbudget) ----------------------------------------
# docs/decisions/0008-leefbaarheid-stemronde.md. Lock order: stemronde, then aanvragen (pk
# order), then the ledger row - the same "object first, ledger second" as everywhere (see ledger).

STEM_BEVESTIGEN = LinkSoort(
    "stembiljet-bevestigen", "budgetten:stem_bevestigen", geldig_dagen=BEVESTIG_GELDIG_DAGEN
)

STEMRONDE_OVERGANGEN: dict[str, frozenset[str]] = {
    StemrondeFase.VOORBEREIDING: frozenset({StemrondeFase.OPEN}),
    StemrondeFase.OPEN: frozenset({StemrondeFase.GESLOTEN}),
    StemrondeFase.GESLOTEN: frozenset({StemrondeFase.VERDEELD}),
    StemrondeFase.VERDEELD: frozenset(),
}


def _leefbaarheid() -> Regeling:
    return Regeling.objects.get(code=RegelingCode.LEEFBAARHEID)


@besluit_blokkade
def _in_lopende_stemronde(aanvraag: Aanvraag, toekennen: bool) -> str | None:
    """An aanvraag admitted to a round is decided by that round, not one by one."""
    if (
        Kandidaat.objects.filter(aanvraag=aanvraag, status=KandidaatStatus.TOEGELATEN)
        .exclude(stemronde__fase=StemrondeFase.VERDEELD)
        .exists()
    ):
        return "Deze aanvraag doet mee aan de stemronde van de kern. De inwoners verdelen het geld."
    return None


LOPENDE_FASEN = (StemrondeFase.OPEN, StemrondeFase.GESLOTEN)


@besluit_blokkade
def _leefbaarheid_terwijl_inwoners_verdelen(aanvraag: Aanvraag, toekennen: bool) -> str | None:
    """While a kern's round for a year is open (or closed but not yet divided) the residents
    decide that year's leefbaarheidsbudget: no grant one by one from the same budget (a
    refusal, e.g. of an aanvraag that does not meet the rules, stays possible)."""
    ronde = lopende_stemronde_voor(aanvraag) if toekennen else None
    if ronde is None:
        return None
    return (
        f"De inwoners van {ronde.kern.naam} verdelen nu het leefbaarheidsbudget {ronde.jaar} "
        "in de stemronde. Zolang die loopt, kent u geen geld los toe uit dit budget. "
        "Na de verdeling kunt u deze aanvraag behandelen uit wat er over is."
    )


def toekennen_wacht_op_stemronde(aanvraag: Aanvraag) -> str | None:
    """Why a grant of this aanvraag is not possible now because of a voting round (for the
    decision form, which explains it before the official tries), or None."""
    return _in_lopende_stemronde(aanvraag, True) or _leefbaarheid_terwijl_inwoners_verdelen(
        aanvraag, True
    )


def lopende_stemronde_voor(aanvraag: Aanvraag) -> Stemronde | None:
    if aanvraag.regeling.code != RegelingCode.LEEFBAARHEID:
        return None
    return selectors.lopende_stemronde(kern_id=aanvraag.kern_id, jaar=aanvraag.jaar)


def vergrendel_stemronde(stemronde_id: int) -> Stemronde:
    return (
        Stemronde.objects.select_for_update(of=("self",))
        .select_related("kern")
        .get(pk=stemronde_id)
    )


def _datum_tekst(d: date) -> str:
    return d.strftime("%d-%m-%Y")


def stemronde_aanmaken(
    *,
    kern: Kern,
    jaar: int,
    stemmen_van: date,
    stemmen_tot: date,
    door,
    toelichting: str = "",
    stem_per: str = StemPer.ADRES,
    vandaag: date | None = None,
) -> Stemronde:
    """A new round for a kern and budget year, in preparation. One per kern per year.
    `stem_per`: one ballot per address (default) or per person (email)."""
    vandaag = vandaag or timezone.localdate()
    bevindingen = r.controleer_stemronde_periode(
        jaar=jaar, stemmen_van=stemmen_van, stemmen_tot=stemmen_tot, vandaag=vandaag
    )
    if stem_per not in StemPer.values:
        voeg = bevindingen.setdefault("stem_per", [])
        voeg.append("Kies of er per adres of per persoon wordt gestemd.")
    if bevindingen:
        raise Weigering(bevindingen)
    dubbel = fout("jaar", f"{kern.naam} heeft al een stemronde voor {jaar}.")
    if Stemronde.objects.filter(kern=kern, jaar=jaar).exists():
        raise dubbel
    ronde = Stemronde(
        kern=kern,
        jaar=jaar,
        stemmen_van=stemmen_van,
        stemmen_tot=stemmen_tot,
        toelichting=toelichting.strip(),
        stem_per=stem_per,
        aangemaakt_door=door,
    )
    historie_door(ronde, door)
    try:
        with transaction.atomic():
            ronde.save()
    except IntegrityError as exc:  # two officials at the same moment
        raise dubbel from exc
    return ronde


@transaction.atomic
def stemronde_data_wijzigen(
    *,
    stemronde_id: int,
    stemmen_van: date,
    stemmen_tot: date,
    door,
    vandaag: date | None = None,
) -> Stemronde:
    """Change the voting dates of a round that is still in preparation (not after opening:
    applicants and residents have then been told the dates)."""
    vandaag = vandaag or timezone.localdate()
    ronde = vergrendel_stemronde(stemronde_id)
    bevindingen = r.controleer_stemronde_datums_wijzigen(
        fase=ronde.fase,
        jaar=ronde.jaar,
        stemmen_van=stemmen_van,
        stemmen_tot=stemmen_tot,
        vandaag=vandaag,
    )
    if bevindingen:
        raise Weigering(bevindingen)
    ronde.stemmen_van = stemmen_van
    ronde.stemmen_tot = stemmen_tot
    historie_door(ronde, door)
    ronde.full_clean()
    ronde.save(update_fields=["stemmen_van", "stemmen_tot"])
    return ronde


@transaction.atomic
def kandidaat_beoordelen(
    *,
    stemronde_id: int,
    aanvraag_id: int,
    door,
    toelaten: bool,
    reden: str = "",
    titel: str = "",
    omschrijving: str = "",
) -> Kandidaat:
    """Admit an aanvraag to the round (with the texts residents will see) or not (with a
    reason). Can be changed while the round is in preparation."""
    ronde = vergrendel_stemronde(stemronde_id)
    if ronde.fase != StemrondeFase.VOORBEREIDING:
        raise fout("status", "Kandidaten kiest u alleen zolang de stemronde in voorbereiding is.")
    aanvraag = vergrendel_aanvraag(aanvraag_id)
    if (
        aanvraag.regeling.code != RegelingCode.LEEFBAARHEID
        or aanvraag.kern_id != ronde.kern_id
        or aanvraag.jaar != ronde.jaar
    ):
        raise fout("status", "Deze aanvraag hoort niet bij deze stemronde.")
    if aanvraag.status != AanvraagStatus.INGEDIEND:
        raise fout("status", "Over deze aanvraag is al besloten.")
    reden, titel, omschrijving = reden.strip(), titel.strip(), omschrijving.strip()
    if toelaten:
        rj = selectors.regelingjaar_voor(aanvraag.regeling, aanvraag.jaar)
        bevindingen = r.controleer_kandidaat(
            criteria=aanvraag.criteria,
            draagvlak=aanvraag.draagvlak,
            gevraagd=aanvraag.gevraagd_bedrag,
            plafond=rj.plafond if rj else None,
        )
        if not titel:
            bevindingen.setdefault("titel", []).append("Geef het initiatief een naam.")
        if not omschrijving:
            bevindingen.setdefault("omschrijving", []).append("Schrijf kort wat het initiatief is.")
        if bevindingen:
            raise Weigering(bevindingen)
    elif not reden:
        raise fout("reden", "Schrijf waarom dit initiatief niet meedoet.")
    kandidaat = Kandidaat.objects.filter(aanvraag=aanvraag).first() or Kandidaat(
        aanvraag=aanvraag, stemronde=ronde
    )
    kandidaat.status = KandidaatStatus.TOEGELATEN if toelaten else KandidaatStatus.NIET_TOEGELATEN
    kandidaat.reden = "" if toelaten else reden
    kandidaat.titel = titel or aanvraag.titel
    kandidaat.omschrijving = omschrijving or aanvraag.omschrijving
    kandidaat.gevraagd_bedrag = aanvraag.gevraagd_bedrag
    kandidaat.beoordeeld_door = door
    kandidaat.beoordeeld_op = timezone.now()
    historie_door(kandidaat, door)
    kandidaat.full_clean()
    kandidaat.save()
    return kandidaat


@transaction.atomic
def stemronde_fase_wijzigen(
    *, stemronde_id: int, naar: str, door, vandaag: date | None = None
) -> Stemronde:
    """The one transition service of a round: voorbereiding -> open -> gesloten -> verdeeld.
    Refuses every other move, so a round is never opened, closed or divided twice."""
    vandaag = vandaag or timezone.localdate()
    ronde = vergrendel_stemronde(stemronde_id)
    if naar not in STEMRONDE_OVERGANGEN[ronde.fase]:
        if ronde.fase == StemrondeFase.VERDEELD:
            raise fout("fase", "Deze stemronde is al verdeeld.")
        raise fout(
            "fase",
            f"Deze stap kan nu niet. De stemronde is: {StemrondeFase(ronde.fase).label}.",
        )
    if naar == StemrondeFase.OPEN:
        _stemronde_openen(ronde, vandaag=vandaag)
    elif naar == StemrondeFase.GESLOTEN:
        _stemronde_sluiten(ronde, vandaag=vandaag)
        ronde.gesloten_door = door
    else:
        _stemronde_verdelen(ronde, door=door)
    historie_door(ronde, door)
    ronde.save(
        update_fields=[
            "fase",
            "geopend_op",
            "gesloten_op",
            "gesloten_door",
            "verdeeld_op",
            "verdeeld_door",
            "beschikbaar_bij_verdeling",
        ]
    )
    return ronde


def _stemronde_openen(ronde: Stemronde, *, vandaag: date) -> None:
    nog_te_doen = selectors.aanvragen_voor_stemronde(ronde).filter(kandidatuur__isnull=True)
    if nog_te_doen.exists():
        raise fout(
            "fase",
            f"Beoordeel eerst alle aanvragen ({nog_te_doen.count()} nog niet). "
            "Dan weet elke aanvrager of het initiatief meedoet.",
        )
    kandidaten = list(ronde.kandidaten.select_related("aanvraag"))
    if not any(k.status == KandidaatStatus.TOEGELATEN for k in kandidaten):
        raise fout("fase", "Laat ten minste één initiatief meedoen.")
    if ronde.stemmen_tot < vandaag:
        raise fout("fase", "De einddatum om te stemmen ligt in het verleden.")
    if not kernen_selectors.heeft_postcodegebieden(kern=ronde.kern):
        raise fout(
            "fase",
            f"Voor {ronde.kern.naam} zijn nog geen postcodes vastgelegd, dus niemand kan "
            "stemmen. Vraag functioneel beheer de postcodes van de kern toe te voegen.",
        )
    ronde.fase = StemrondeFase.OPEN
    ronde.geopend_op = timezone.now()
    pagina = settings.SITE_URL + ronde.get_absolute_url()
    for k in kandidaten:
        mail_versturen(
            aan=k.aanvraag.email,
            onderwerp="Stemronde leefbaarheidsbudget - Gemeente Buren",
            template="budgetten/mail/stemronde_kandidaat.txt",
            context={
                "kandidaat": k,
                "toegelaten": k.status == KandidaatStatus.TOEGELATEN,
                "aanvraag": k.aanvraag,
                "ronde": ronde,
                "pagina": pagina,
            },
        )


def stemronde_sluiten_na_einddatum(ronde: Stemronde, *, vandaag: date) -> None:
    """For the periodic task (services.stemronde_klok): the same closing step, no user."""
    _stemronde_sluiten(ronde, vandaag=vandaag)


def _stemronde_sluiten(ronde: Stemronde, *, vandaag: date) -> None:
    if vandaag <= ronde.stemmen_tot:
        raise fout(
            "fase",
            f"Stemmen kan nog tot en met {_datum_tekst(ronde.stemmen_tot)}. "
            "Sluit de stemronde daarna.",
        )
    ronde.fase = StemrondeFase.GESLOTEN
    ronde.gesloten_op = timezone.now()


def _motivering_uit_stemronde(ronde: Stemronde, t: r.Toewijzing) -> str:
    stemmen = "1 stem" if t.stemmen == 1 else f"{t.stemmen} stemmen"
    basis = (
        f"De inwoners van {ronde.kern.naam} hebben het leefbaarheidsbudget {ronde.jaar} "
        f"verdeeld. Uw initiatief kreeg {stemmen} (plaats {t.plaats})."
    )
    if t.uitkomst == KandidaatUitkomst.TOEGEKEND:
        return f"{basis} U krijgt het bedrag dat u vroeg."
    if t.uitkomst == KandidaatUitkomst.GEEN_STEUN:
        return f"{basis} Zonder stemmen krijgt een initiatief geen geld uit de stemronde."
    if t.uitkomst == KandidaatUitkomst.TE_WEINIG_STEUN:
        return (
            f"{basis} De regeling vraagt een minimum aantal inwoners dat het initiatief "
            "steunt (bevestigd per e-mail). Dat aantal is niet gehaald, dus het initiatief "
            "krijgt geen geld uit de stemronde."
        )
    return (
        f"{basis} Wat er over was van het budget, was niet genoeg voor het bedrag dat u vroeg. "
        "Initiatieven met meer stemmen gingen voor."
    )


def _stemronde_verdelen(ronde: Stemronde, *, door) -> None:
    """Rank by confirmed votes and grant in that order until the money is spent. Every grant
    goes through aanvraag_besluiten, which locks the ledger row and re-checks the free amount
    in this same transaction, so the kern's EUR 2000 cap holds."""
    kandidaten = {
        k.pk: k
        for k in selectors.kandidaten_met_stemmen(ronde).filter(status=KandidaatStatus.TOEGELATEN)
    }
    aanvragen = {
        a.pk: a
        for a in Aanvraag.objects.select_for_update(of=("self",))
        .filter(pk__in=[k.aanvraag_id for k in kandidaten.values()])
        .order_by("pk")
    }
    leefbaarheid = _leefbaarheid()
    post = ledger.vergrendelen(regeling=leefbaarheid, jaar=ronde.jaar, kern=ronde.kern)
    if post.vrij is None:
        raise fout("fase", "Voor dit jaar is geen leefbaarheidsbudget vastgesteld.")
    # The regeling's minimum of supporters, checked here with the same count that
    # aanvraag_besluiten checks, so a candidate short of it is passed over, not a refusal
    # halfway through the division.
    rj = selectors.regelingjaar_voor(leefbaarheid, ronde.jaar)
    minimum = rj.min_steun if rj else 0
    steun = selectors.steun_aantallen_kandidaten(kandidaten) if minimum else {}
    toewijzingen = r.verdeel_budget(
        [
            r.StemKandidaat(
                id=k.pk,
                stemmen=k.aantal_stemmen,  # type: ignore[attr-defined]  # annotated count
                gevraagd=k.gevraagd_bedrag,
                ingediend_op=aanvragen[k.aanvraag_id].ingediend_op,
                vervallen=aanvragen[k.aanvraag_id].status != AanvraagStatus.INGEDIEND,
                te_weinig_steun=r.te_weinig_steun(minimum=minimum, aantal=steun.get(k.pk)),
            )
            for k in kandidaten.values()
        ],
        beschikbaar=post.vrij,
    )
    # From here on the round is divided (in this transaction): its candidates are no longer
    # held by the round, so the aanvragen service decides them like any other aanvraag.
    Stemronde.objects.filter(pk=ronde.pk).update(fase=StemrondeFase.VERDEELD)
    for t in toewijzingen:
        k = kandidaten[t.id]
        if t.uitkomst != KandidaatUitkomst.VERVALLEN:
            aanvraag_besluiten(
                aanvraag_id=k.aanvraag_id,
                door=door,
                toekennen=t.bedrag > 0,
                bedrag=t.bedrag if t.bedrag > 0 else None,
                motivering=_motivering_uit_stemronde(ronde, t),
            )
        k.stemmen = t.stemmen
        k.plaats = t.plaats
        k.uitkomst = t.uitkomst
        k.toegekend_bedrag = t.bedrag
        historie_door(k, door)
        k.save(update_fields=["stemmen", "plaats", "uitkomst", "toegekend_bedrag"])
    ronde.beschikbaar_bij_verdeling = post.vrij
    ronde.fase = StemrondeFase.VERDEELD
    ronde.verdeeld_op = timezone.now()
    ronde.verdeeld_door = door

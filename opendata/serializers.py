"""What each resource shows: only public fields, listed one by one (never `__all__`), so a new
model field with personal data cannot leak into the API by itself."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from budgetten.models import Kandidaat, Regeling, RegelingJaar, Stemronde
from initiatieven.models import Initiatief, Verhaal
from kernen.models import Gebied, Kern
from participatie.models import Bijeenkomst, Traject

GELD = {"max_digits": 10, "decimal_places": 2}


class GebiedKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Gebied
        fields = ["slug", "naam"]


class KernKortSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kern
        fields = ["slug", "naam"]


class KernSerializer(serializers.ModelSerializer):
    gebied = GebiedKortSerializer(read_only=True)
    fase_label = serializers.CharField(source="get_fase_display", read_only=True)

    class Meta:
        model = Kern
        fields = [
            "slug",
            "naam",
            "gebied",
            "is_pilot",
            "fase",
            "fase_label",
            "fase_uitleg",
            "kernprofiel",
            "inwonertal",
        ]


class GebiedSerializer(serializers.ModelSerializer):
    kernen = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")

    class Meta:
        model = Gebied
        fields = ["slug", "naam", "kernen"]


class RegelingJaarSerializer(serializers.ModelSerializer):
    class Meta:
        model = RegelingJaar
        fields = ["jaar", "plafond", "max_per_aanvraag", "vrijwilligersvergoeding"]


class RegelingSerializer(serializers.ModelSerializer):
    scope_label = serializers.CharField(source="get_scope_display", read_only=True)
    jaren = RegelingJaarSerializer(many=True, read_only=True)

    class Meta:
        model = Regeling
        fields = ["code", "naam", "scope", "scope_label", "omschrijving", "jaren"]


class BesluitSerializer(serializers.Serializer):
    """One decision about money: an aanvraag (kern) or a declaratie (signaleringsgroep)."""

    soort = serializers.ChoiceField(
        choices=["aanvraag", "declaratie"], source="b_soort", read_only=True
    )
    id = serializers.IntegerField(source="b_id", read_only=True)
    regeling = serializers.CharField(source="b_regeling", read_only=True)
    kern = serializers.CharField(source="b_kern", allow_null=True, read_only=True)
    groep = serializers.CharField(source="b_groep", allow_null=True, read_only=True)
    jaar = serializers.IntegerField(source="b_jaar", read_only=True)
    gevraagd_bedrag = serializers.DecimalField(source="b_gevraagd", read_only=True, **GELD)
    toegekend_bedrag = serializers.DecimalField(
        source="b_toegekend", allow_null=True, read_only=True, **GELD
    )
    vastgesteld_bedrag = serializers.DecimalField(
        source="b_vastgesteld", allow_null=True, read_only=True, **GELD
    )
    betaald_bedrag = serializers.DecimalField(source="b_betaald", read_only=True, **GELD)
    status = serializers.CharField(source="b_status", read_only=True)
    besluit_op = serializers.DateTimeField(source="b_datum", read_only=True)
    motivering = serializers.CharField(
        source="b_motivering",
        read_only=True,
        help_text="De motivering van het college, alleen bij bijzondere initiatieven.",
    )


class PotSerializer(serializers.Serializer):
    regeling = serializers.CharField(read_only=True)
    jaar = serializers.IntegerField(read_only=True)
    pot = serializers.CharField(read_only=True, help_text="kern-<id>, groep-<id>, gemeente ...")
    naam = serializers.CharField(read_only=True)
    kern = serializers.CharField(allow_null=True, read_only=True)
    budget = serializers.DecimalField(allow_null=True, read_only=True, **GELD)
    vastgelegd = serializers.DecimalField(read_only=True, **GELD)
    betaald = serializers.DecimalField(read_only=True, **GELD)
    vrij = serializers.DecimalField(allow_null=True, read_only=True, **GELD)


class InitiatiefSerializer(serializers.ModelSerializer):
    kern = KernKortSerializer(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = Initiatief
        fields = [
            "id",
            "titel",
            "omschrijving",
            "kern",
            "locatie",
            "wanneer",
            "doelgroep",
            "status",
            "status_label",
            "status_sinds",
            "verslag",
        ]


class VerhaalSerializer(serializers.ModelSerializer):
    kern = KernKortSerializer(source="initiatief.kern", read_only=True)

    class Meta:
        model = Verhaal
        fields = [
            "id",
            "initiatief",
            "kern",
            "titel",
            "thema",
            "samenvatting",
            "wat_werkte",
            "wat_niet",
            "waarom",
            "gepubliceerd_op",
        ]


class BijeenkomstSerializer(serializers.ModelSerializer):
    kern = KernKortSerializer(read_only=True, allow_null=True)
    online = serializers.SerializerMethodField(
        help_text="Er is een videolink; die staat alleen in de bevestiging aan wie zich aanmeldt."
    )
    aantal_aangemeld = serializers.IntegerField(read_only=True)

    class Meta:
        model = Bijeenkomst
        fields = [
            "id",
            "soort",
            "titel",
            "omschrijving",
            "kern",
            "traject",
            "begint_op",
            "eindigt_op",
            "locatie",
            "online",
            "capaciteit",
            "aantal_aangemeld",
            "status",
            "annulering_reden",
            "verslag",
        ]

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_online(self, obj: Bijeenkomst) -> bool:
        return bool(obj.videolink or obj.telefoon)


class TrajectSerializer(serializers.ModelSerializer):
    kernen = serializers.SlugRelatedField(many=True, read_only=True, slug_field="slug")
    ladder_label = serializers.CharField(source="get_ladder_display", read_only=True)

    class Meta:
        model = Traject
        fields = [
            "id",
            "titel",
            "onderwerp",
            "soort",
            "status",
            "kernen",
            "ladder",
            "ladder_label",
            "niveau_toelichting",
            "minder_betrokken",
            "minder_betrokken_reden",
            "hoe_meedoen",
            "resultaten",
        ]


class KandidaatSerializer(serializers.ModelSerializer):
    class Meta:
        model = Kandidaat
        fields = [
            "id",
            "titel",
            "omschrijving",
            "gevraagd_bedrag",
            "stemmen",
            "plaats",
            "uitkomst",
            "toegekend_bedrag",
        ]


class StemrondeSerializer(serializers.ModelSerializer):
    kern = KernKortSerializer(read_only=True)
    aantal_stembiljetten = serializers.SerializerMethodField(
        help_text="Bevestigde stembiljetten; pas bekend als het geld verdeeld is."
    )
    kandidaten = KandidaatSerializer(many=True, read_only=True)

    class Meta:
        model = Stemronde
        fields = [
            "id",
            "kern",
            "jaar",
            "fase",
            "stemmen_van",
            "stemmen_tot",
            "aantal_stembiljetten",
            "kandidaten",
        ]

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_aantal_stembiljetten(self, obj: Stemronde) -> int | None:
        # While voting runs, no interim count: it could steer the outcome.
        return obj.aantal_stembiljetten if obj.is_verdeeld else None  # type: ignore[attr-defined]


class MonitoringSerializer(serializers.Serializer):
    halfjaar = serializers.CharField(read_only=True, help_text="Bijvoorbeeld 2026-1.")
    kern = serializers.CharField(read_only=True)
    naam = serializers.CharField(read_only=True)
    initiatieven_ingediend = serializers.IntegerField(read_only=True)
    initiatieven_toegezegd = serializers.IntegerField(read_only=True)
    vragen_ontvangen = serializers.IntegerField(read_only=True)
    vragen_beoordeelbaar = serializers.IntegerField(read_only=True)
    vragen_op_tijd = serializers.IntegerField(read_only=True)
    percentage_op_tijd = serializers.IntegerField(allow_null=True, read_only=True)
    aantal_waarderingen = serializers.IntegerField(read_only=True)
    gemiddelde_waardering = serializers.DecimalField(
        max_digits=3, decimal_places=1, allow_null=True, read_only=True
    )
    bijeenkomsten = serializers.IntegerField(read_only=True)
    aanmeldingen = serializers.IntegerField(read_only=True)
    toegekend = serializers.DictField(
        child=serializers.DecimalField(**GELD),
        read_only=True,
        help_text="Toegekend bedrag per regeling (code) in dit halfjaar.",
    )

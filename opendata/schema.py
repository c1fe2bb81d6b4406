"""The OpenAPI document says what callers really get: every operation may answer 400
(invalid parameter), 429 (too many requests) and, on one object, 404 - all as
application/problem+json."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from rest_framework import serializers

from .api import PROBLEM_JSON


class ParameterFoutSerializer(serializers.Serializer):
    name = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    invalidParams = ParameterFoutSerializer(many=True, required=False)  # noqa: N815


FOUTEN = {
    "400": "Een parameter klopt niet.",
    "404": "Dit object (of deze pagina) bestaat niet, of is niet openbaar.",
    "406": "Dit formaat kan de API niet leveren (wel JSON en CSV).",
    "429": "Te veel verzoeken; probeer het na Retry-After seconden opnieuw.",
}


class OpenDataSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        codes = ["400", "404", "406", "429"]
        for code in codes:
            antwoord = self._get_response_for_code(
                ProblemSerializer, code, media_types=[PROBLEM_JSON], direction=direction
            )
            antwoord["description"] = FOUTEN[code]
            bodies.setdefault(code, antwoord)
        return bodies

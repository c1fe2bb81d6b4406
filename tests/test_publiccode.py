"""publiccode.yml (standard v0.4) at the repository root: it parses, has the keys the
standard requires, and agrees with pyproject.toml (version) and package.json (licence)."""

import datetime
import json
import tomllib
from pathlib import Path

import yaml
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
VERPLICHT = {
    "publiccodeYmlVersion",
    "name",
    "url",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
}


def _publiccode() -> dict:
    return yaml.safe_load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))


def test_publiccode_has_the_required_keys():
    pc = _publiccode()
    assert set(pc) >= VERPLICHT, VERPLICHT - set(pc)
    assert pc["publiccodeYmlVersion"] == "0.4"
    assert pc["platforms"] == ["web"]
    assert pc["softwareType"] == "standalone/web"
    assert pc["developmentStatus"] in {"concept", "development", "beta", "stable", "obsolete"}
    assert pc["categories"] and all(c == c.lower() and " " not in c for c in pc["categories"])
    for veld in ("url", "landingURL"):
        assert pc[veld].startswith("https://"), veld
    datetime.date.fromisoformat(pc["releaseDate"])


def test_publiccode_describes_the_software_in_dutch_and_english():
    beschrijving = _publiccode()["description"]
    assert set(beschrijving) == {"nl", "en"}
    for taal, tekst in beschrijving.items():
        assert len(tekst["shortDescription"]) <= 150, taal
        assert 150 <= len(tekst["longDescription"]) <= 10000, taal
        assert tekst["features"], taal
        assert "/api/v1/" in tekst["longDescription"], taal


def test_publiccode_agrees_with_the_project_files():
    pc = _publiccode()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    package = json.loads((ROOT / "package.json").read_text())
    assert pc["softwareVersion"] == pyproject["project"]["version"]
    assert pc["legal"]["license"] == package["license"] == "EUPL-1.2"
    assert pc["maintenance"]["type"] in {"internal", "contract", "community", "none"}
    assert all(c["name"] and "@" in c["email"] for c in pc["maintenance"]["contacts"])
    assert pc["localisation"]["availableLanguages"] == ["nl"]
    assert isinstance(pc["localisation"]["localisationReady"], bool)

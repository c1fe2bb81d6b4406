"""The accessibility statement and the contact page are made from data files in core/data/:
every field of the files is on the page, and a missing required field fails loudly."""

import tomllib

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from django.utils.html import escape

from core import juridisch


def _alle_teksten(data) -> list[str]:
    """Every leaf value of a TOML document, as the page would show it."""
    if isinstance(data, dict):
        return [t for waarde in data.values() for t in _alle_teksten(waarde)]
    if isinstance(data, list):
        return [t for waarde in data for t in _alle_teksten(waarde)]
    return [str(data)]


def _lees(pad):
    with pad.open("rb") as f:
        return tomllib.load(f)


@pytest.mark.django_db
def test_the_statement_shows_every_field_of_its_data_file(client):
    response = client.get(reverse("core:toegankelijkheid"))
    assert response.status_code == 200
    html = response.content.decode()
    data = _lees(juridisch.TOEGANKELIJKHEID)
    datums = {data["laatste_controle"], data["opgesteld_op"]} | {
        p["gepland_voor"] for p in data["bekende_problemen"]
    }
    for tekst in _alle_teksten(data):
        if tekst not in {str(d) for d in datums}:
            assert escape(" ".join(tekst.split())) in html, tekst
    # Dates in the one Dutch notation; the status as the model statement words it.
    assert "2 december 2026" in html
    assert "Het portaal voldoet gedeeltelijk aan WCAG 2.1 niveau AA" in html
    assert 'href="https://www.nationaleombudsman.nl/"' in html
    assert len(data["bekende_problemen"]) == html.count("Opgelost uiterlijk") >= 1


@pytest.mark.django_db
def test_the_contact_page_shows_every_field_of_its_data_file(client):
    response = client.get(reverse("core:contact"))
    assert response.status_code == 200
    html = response.content.decode()
    data = _lees(juridisch.CONTACT)
    for tekst in _alle_teksten(data):
        if tekst == data["telefoon"]["link"]:
            assert f'href="tel:{tekst}"' in html
        else:
            assert escape(" ".join(tekst.split())) in html, tekst
    assert "De Zetting 2" in html  # the address the privacy statement names too
    assert f'href="mailto:{data["email"]["adres"]}"' in html


@pytest.mark.parametrize(
    "bestand,lezen,veld",
    [
        ("TOEGANKELIJKHEID", juridisch.toegankelijkheidsverklaring, "status"),
        ("TOEGANKELIJKHEID", juridisch.toegankelijkheidsverklaring, "laatste_controle"),
        ("TOEGANKELIJKHEID", juridisch.toegankelijkheidsverklaring, "reikwijdte"),
        ("TOEGANKELIJKHEID", juridisch.toegankelijkheidsverklaring, "bekende_problemen"),
        ("TOEGANKELIJKHEID", juridisch.toegankelijkheidsverklaring, "klacht"),
        ("CONTACT", juridisch.contactgegevens, "bezoekadres"),
        ("CONTACT", juridisch.contactgegevens, "email"),
        ("CONTACT", juridisch.contactgegevens, "openingstijden"),
    ],
)
def test_a_missing_required_field_fails_loudly(client, tmp_path, monkeypatch, bestand, lezen, veld):
    bron = getattr(juridisch, bestand)
    kapot = tmp_path / bron.name
    kapot.write_text(_zonder(bron.read_text(encoding="utf-8"), veld), encoding="utf-8")
    with kapot.open("rb") as f:
        assert veld not in tomllib.load(f)  # still valid TOML, only the field is gone
    monkeypatch.setattr(juridisch, bestand, kapot)

    with pytest.raises(juridisch.OngeldigeGegevens, match=veld):
        lezen()
    # ... and manage.py check, run at every deploy, stops on it too.
    with pytest.raises(SystemCheckError, match=veld):
        call_command("check")


def test_an_unknown_status_or_a_date_as_text_fails_loudly(tmp_path, monkeypatch):
    kapot = tmp_path / "toegankelijkheid.toml"
    tekst = juridisch.TOEGANKELIJKHEID.read_text(encoding="utf-8")
    monkeypatch.setattr(juridisch, "TOEGANKELIJKHEID", kapot)
    kapot.write_text(tekst.replace('status = "voldoet gedeeltelijk"', 'status = "prima"'))
    with pytest.raises(juridisch.OngeldigeGegevens, match="status"):
        juridisch.toegankelijkheidsverklaring()
    kapot.write_text(
        tekst.replace("laatste_controle = 2026-12-02", 'laatste_controle = "gisteren"')
    )
    with pytest.raises(juridisch.OngeldigeGegevens, match="laatste_controle.*datum"):
        juridisch.toegankelijkheidsverklaring()


def _zonder(tekst: str, veld: str) -> str:
    """The file with `veld` renamed away: a key (`veld = ...`) or a table (`[veld]`,
    `[[veld]]`), so the rest stays valid TOML and only that field is missing."""
    regels = []
    for regel in tekst.splitlines():
        if regel.startswith((f"{veld} =", f"[{veld}]", f"[[{veld}]]")):
            regel = regel.replace(veld, f"weg_{veld}", 1)
        regels.append(regel)
    return "\n".join(regels) + "\n"

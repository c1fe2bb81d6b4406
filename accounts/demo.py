"""Demo accounts, one (or two) per role. Loaded only by `make run` (DEBUG), never in production."""

import base64

from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from kernen.models import Kern

from .models import Medewerker, Rol, Team

DEMO_PASSWORD = "demo-Buren-2026"
# RFC 6238's test secret, so any authenticator app (or `manage.py demo_code`) gives the code.
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"
DEMO_TOTP_KEY_BASE32 = base64.b32encode(bytes.fromhex(DEMO_TOTP_KEY_HEX)).decode()

DEMO_ACCOUNTS = [
    # username, first, last, roles, team, kernen as kernambtenaar, kernen as kernwethouder
    (
        "kernambtenaar",
        "Kim",
        "de Vries",
        [Rol.KERNAMBTENAAR],
        None,
        ["ingen", "zoelen", "ravenswaaij", "lienden", "ommeren", "kerk-avezaath", "erichem"],
        [],
    ),
    (
        "kernambtenaar2",
        "Sanne",
        "Jansen",
        [Rol.KERNAMBTENAAR],
        None,
        [
            "maurik",
            "eck-en-wiel",
            "rijswijk",
            "beusichem",
            "zoelmond",
            "buren",
            "asch",
            "lingemeer",
        ],
        [],
    ),
    ("beleid", "Bram", "Bakker", [Rol.BELEIDSMEDEWERKER], "verkeer-en-vervoer", [], []),
    ("beleid2", "Fatima", "El Amrani", [Rol.BELEIDSMEDEWERKER], "groen-en-openbare-ruimte", [], []),
    # Team Veiligheid decides on the signaleringsgroepen's declarations and the coordinator's fee.
    ("veiligheid", "Vera", "de Groot", [Rol.BELEIDSMEDEWERKER], "veiligheid", [], []),
    ("teammanager", "Tom", "Visser", [Rol.TEAMMANAGER], "verkeer-en-vervoer", [], []),
    (
        "wethouder",
        "Wilma",
        "Smit",
        [Rol.KERNWETHOUDER, Rol.COLLEGE],
        None,
        [],
        ["ingen", "zoelen", "ravenswaaij", "lienden"],
    ),
    ("college", "Bert", "Mulder", [Rol.COLLEGE], None, [], []),
    ("coordinator", "Cor", "van Dijk", [Rol.COORDINATOR_SIGNALERING], None, [], []),
    ("beheer", "Femke", "de Boer", [Rol.FUNCTIONEEL_BEHEER], None, [], []),
]


def load() -> None:
    for username, first, last, rollen, team_slug, ka_kernen, wh_kernen in DEMO_ACCOUNTS:
        user, created = Medewerker.objects.get_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@buren.example",
                "team": Team.objects.get(slug=team_slug) if team_slug else None,
                "is_staff": Rol.FUNCTIONEEL_BEHEER in rollen,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(*Group.objects.filter(name__in=[r.value for r in rollen]))
        TOTPDevice.objects.get_or_create(
            user=user, name="demo", defaults={"key": DEMO_TOTP_KEY_HEX, "confirmed": True}
        )
        for kern in Kern.objects.filter(slug__in=ka_kernen):
            kern.kernambtenaren.add(user)
        for kern in Kern.objects.filter(slug__in=wh_kernen):
            kern.kernwethouders.add(user)


def samenvatting(out) -> None:
    out.write("")
    out.write(f"Demo-accounts (wachtwoord voor allemaal: {DEMO_PASSWORD})")
    for username, _first, _last, rollen, *_ in DEMO_ACCOUNTS:
        out.write(f"  {username:<16} {', '.join(str(r.label) for r in rollen)}")
    out.write("")
    out.write(f"Tweede factor: voeg in uw authenticator-app de sleutel {DEMO_TOTP_KEY_BASE32} toe,")
    out.write("of vraag de huidige code op met: .venv/bin/python manage.py demo_code")
    out.write("Inloggen: http://127.0.0.1:8000/medewerker/inloggen/")

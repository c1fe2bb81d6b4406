"""Type check with mypy (django-stubs), against a baseline that may only shrink.

    python scripts/mypy_baseline.py            # fails when a file has more errors than before
    python scripts/mypy_baseline.py --update   # writes the (smaller) counts as the new baseline

The baseline, mypy-baseline.txt, holds the number of errors per file that were there when the
type check was introduced. Services, rules and selectors (and the workflow and pure rules
modules) must have none at all: they are where money and deadlines are decided.
"""

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = ROOT / "mypy-baseline.txt"
APPS = [
    "accounts",
    "budgetten",
    "core",
    "initiatieven",
    "kernen",
    "kerngericht",
    "monitoring",
    "participatie",
    "vragen",
]
# Modules (or packages) that must be free of type errors.
STRENG = re.compile(r"/(services|rules|selectors|workflow|regels)(/|\.py$)")
FOUT = re.compile(r"^(?P<pad>[^:\s]+\.py):\d+: error: ")


def mypy_fouten() -> tuple[Counter, str]:
    uitvoer = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-m", "mypy", *APPS],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    tekst = uitvoer.stdout + uitvoer.stderr
    if uitvoer.returncode not in (0, 1):
        sys.exit(f"mypy kon niet draaien:\n{tekst}")
    telling = Counter(m["pad"] for regel in tekst.splitlines() if (m := FOUT.match(regel)))
    return telling, tekst


def lees_baseline() -> Counter:
    if not BASELINE.exists():
        return Counter()
    telling: Counter = Counter()
    for regel in BASELINE.read_text().splitlines():
        if regel.strip() and not regel.startswith("#"):
            pad, aantal = regel.rsplit(" ", 1)
            telling[pad] = int(aantal)
    return telling


def schrijf_baseline(telling: Counter) -> None:
    regels = [
        "# mypy errors per file (scripts/mypy_baseline.py). This file may only shrink.",
        *(f"{pad} {aantal}" for pad, aantal in sorted(telling.items())),
    ]
    BASELINE.write_text("\n".join(regels) + "\n")


def main() -> int:
    telling, tekst = mypy_fouten()
    baseline = lees_baseline()
    totaal, was = sum(telling.values()), sum(baseline.values())
    streng = sorted(pad for pad in telling if STRENG.search("/" + pad))
    gegroeid = sorted(pad for pad, n in telling.items() if n > baseline.get(pad, 0))
    if "--update" in sys.argv:
        if streng or (gegroeid and BASELINE.exists()):
            print(tekst)
            print(f"Niet bijgewerkt: meer fouten in {gegroeid or streng}.")
            return 1
        schrijf_baseline(telling)
        print(f"mypy: {totaal} fouten; baseline bijgewerkt (was {was}).")
        return 0
    for pad in sorted(set(gegroeid) | set(streng)):
        for regel in tekst.splitlines():
            if regel.startswith(pad + ":"):
                print(regel)
    if streng:
        print(f"mypy: services, rules en selectors moeten foutloos zijn: {streng}")
    if gegroeid:
        print(f"mypy: meer fouten dan de baseline in {gegroeid}")
    if streng or gegroeid:
        return 1
    kleiner = was - totaal
    print(
        f"mypy: {totaal} fouten (baseline {was})"
        + (f"; {kleiner} minder: draai --update om de baseline te verkleinen" if kleiner else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

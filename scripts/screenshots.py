"""`make screenshots`: PNGs of the key pages at desktop and phone size in docs/screenshots/.

Starts Django's development server (DEBUG, the database of DATABASE_URL with seed and demo
data, as `make run` leaves it) on a free port, signs in the demo accounts through the real
form and photographs each page, including the forms' error states (sent empty).
Usage: .venv/bin/python scripts/screenshots.py [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from django_otp.oath import totp

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
SIZES = {"desktop": {"width": 1280, "height": 900}, "telefoon": {"width": 360, "height": 780}}
DEMO_PASSWORD = "demo-Buren-2026"  # noqa: S105 (the public demo account, DEBUG only)
DEMO_TOTP_KEY_HEX = "3132333435363738393031323334353637383930"

# (name, who is signed in or None, path, send the form empty first)
PAGES: list[tuple[str, str | None, str, bool]] = [
    ("home", None, "/", False),
    ("kern", None, "/kernen/beusichem/", False),
    ("idee-formulier", None, "/initiatieven/indienen/", False),
    ("idee-formulier-fouten", None, "/initiatieven/indienen/", True),
    ("straatactiviteit", None, "/budgetten/aanvragen/straatbijeenkomst/", False),
    ("straatactiviteit-fouten", None, "/budgetten/aanvragen/straatbijeenkomst/", True),
    ("toegankelijkheid", None, "/toegankelijkheid/", False),
    ("niet-gevonden", None, "/bestaat-niet/", False),
    ("dashboard", "kernambtenaar", "/medewerker/kernen/ingen/dashboard/", False),
    ("inbox", "kernambtenaar", "/medewerker/vragen/", False),
    ("college", "college", "/medewerker/budgetten/college/", False),
    ("monitoring", "beleid", "/medewerker/monitoring/", False),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str) -> None:
    for _ in range(60):
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 (our own local server)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server op {url} start niet")


def _sign_in(page, username: str) -> None:
    # A code is accepted once per device: the next account may have to wait for a new one.
    for _ in range(3):
        page.goto("/medewerker/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(username)
        page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
        page.get_by_label("Code uit uw authenticator-app").fill(
            f"{totp(bytes.fromhex(DEMO_TOTP_KEY_HEX)):06d}"
        )
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_load_state()
        if page.url.endswith("/medewerker/"):
            return
        time.sleep(31 - time.time() % 30)
    raise SystemExit(f"inloggen als {username} lukt niet")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--url", help="an already running server (skip starting one)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    server = None
    base = args.url
    if not base:
        port = _free_port()
        env = {**os.environ, "DEBUG": "1"}
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        _wait(base + "/")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            for size_name, viewport in SIZES.items():
                contexts: dict[str | None, object] = {}
                for name, user, path, send_empty in PAGES:
                    if args.only and name not in args.only:
                        continue
                    if user not in contexts:
                        context = browser.new_context(
                            base_url=base, locale="nl-NL", viewport=viewport
                        )
                        page = context.new_page()
                        if user:
                            _sign_in(page, user)
                        contexts[user] = page
                    page = contexts[user]
                    page.goto(path)
                    if send_empty:
                        page.locator("main form[method=post] button[type=submit]").last.click()
                        page.wait_for_load_state()
                    target = OUT / f"{name}-{size_name}.png"
                    page.screenshot(path=str(target), full_page=size_name == "desktop")
                    print(target.relative_to(ROOT))
            browser.close()
    finally:
        if server:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()

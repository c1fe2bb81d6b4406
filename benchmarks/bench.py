"""`make bench`: every page beside /status/live, at 1 % and 100 % of five years of data.

    BENCH_DATABASE_URL=postgres://kerngericht:kerngericht@127.0.0.1:5432/kg_bench \\
        .venv/bin/python benchmarks/bench.py [--hergebruik] [--alleen klein|groot] [--duur 3]

For each size: the database (BENCH_DATABASE_URL for 100 %, the same name with `_klein` for
1 %; made when missing) is migrated and filled by `manage.py bench_data` (skipped with
--hergebruik), then served by gunicorn with the production settings (DEBUG off, a random
SECRET_KEY, ALLOWED_HOSTS localhost, behind a "proxy": we send X-Forwarded-Proto: https).
Staff pages are requested with session cookies made here (a verified OTP device of a bench
user, as the sign-in would leave it). wrk (Debian package `wrk`; a small Python load
generator when it is missing) measures each page in rounds interleaved with /status/live, so
both see the same machine at the same moment; the table gives median and p95 latency,
requests per second and that as a share of /status/live's. Queries per request are counted
with Django's test client in the same settings: the first request (empty cache) and the
next one (what a cached page costs).
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
UIT = ROOT / "benchmarks" / "out"
POORT = int(os.environ.get("BENCH_PORT", "8765"))
GROOTTES = {
    "klein": {"initiatieven": 500, "aanvragen": 500, "vragen": 2000},
    "groot": {"initiatieven": 50_000, "aanvragen": 50_000, "vragen": 200_000},
}
LUA = """
wrk.headers["Host"] = "localhost"
wrk.headers["X-Forwarded-Proto"] = "https"
wrk.headers["Accept-Encoding"] = "gzip"
local cookie = os.getenv("BENCH_COOKIE") or ""
if cookie ~= "" then wrk.headers["Cookie"] = cookie end
done = function(s, latency, requests)
  local e = s.errors
  io.write(string.format('BENCH {"n":%d,"us":%d,"fout":%d,"p50":%d,"p95":%d}\\n',
    s.requests, s.duration, e.connect + e.read + e.write + e.timeout + e.status,
    latency:percentile(50), latency:percentile(95)))
end
"""


# --- inside Django (a subprocess with the bench environment) ----------------------------


def sessie(username: str) -> str:
    """A session cookie of a signed-in bench user with a verified second factor, as the
    sign-in leaves it (inside Django)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.utils.module_loading import import_string
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import Medewerker
    from core.beveiliging import LAATSTE_ACTIVITEIT

    SessionStore = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    user = Medewerker.objects.get(username=username)
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="bench", defaults={"confirmed": True}
    )
    s = SessionStore()
    s[SESSION_KEY] = str(user.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = user.get_session_auth_hash()
    s[DEVICE_ID_SESSION_KEY] = device.persistent_id
    s[LAATSTE_ACTIVITEIT] = int(time.time())
    s.create()
    return f"{settings.SESSION_COOKIE_NAME}={s.session_key}"


def paginas_met_cookies() -> list[tuple[str, str, str]]:
    """(name, path, cookie) of every measured page (inside Django)."""
    from django.utils import timezone

    from accounts.models import Medewerker

    ka = Medewerker.objects.get(username="bench-ka0")
    kern = ka.kernen_als_kernambtenaar.order_by("pk").first()
    assert kern is not None, "bench_data maakte geen kernambtenaar met kernen"
    cookies = {"an": "", "ka": sessie("bench-ka0"), "co": sessie("bench-college")}
    jaar = timezone.localdate().year
    paginas = [
        ("home", "/", "an"),
        ("kernpagina", f"/kernen/{kern.slug}/", "an"),
        ("verhalen", "/initiatieven/verhalen/", "an"),
        ("budgetcijfers", f"/budgetten/cijfers/{jaar}/", "an"),
        ("bijeenkomsten", "/bijeenkomsten/", "an"),
        ("open data API", "/api/v1/initiatieven", "an"),
        ("kerndashboard", f"/medewerker/kernen/{kern.slug}/dashboard/", "ka"),
        (
            "initiatieven (filter)",
            f"/medewerker/initiatieven/?status=in_behandeling&jaar={jaar}",
            "ka",
        ),
        ("vragen inbox", "/medewerker/vragen/", "ka"),
        ("budgetlijst", "/medewerker/budgetten/", "ka"),
        ("collegewachtrij", "/medewerker/budgetten/college/", "co"),
        ("monitoring", "/medewerker/monitoring/", "ka"),
    ]
    return [(naam, pad, cookies[rol]) for naam, pad, rol in paginas]


def voorbereiden() -> None:
    """Session cookies for the bench staff, the pages with real URLs, and their query
    counts. Prints one JSON line."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    uit = []
    for naam, pad, cookie in paginas_met_cookies():
        client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
        if cookie:
            client.cookies[settings.SESSION_COOKIE_NAME] = cookie.split("=", 1)[1]
        cache.clear()
        with CaptureQueriesContext(connection) as koud:
            antwoord = client.get(pad)
        if antwoord.status_code == 404:
            continue  # not built on this branch (the open-data API comes from another one)
        assert antwoord.status_code == 200, f"{pad}: HTTP {antwoord.status_code}"
        with CaptureQueriesContext(connection) as warm:
            client.get(pad)
        uit.append(
            {
                "naam": naam,
                "pad": pad,
                "cookie": cookie,
                "q": len(koud.captured_queries),
                "q_warm": len(warm.captured_queries),
            }
        )
    cache.clear()
    print("BENCH " + json.dumps(uit))


def profileren(naam: str, aantal: int) -> None:
    """One page requested `aantal` times in this process: wall and CPU time and queries per
    request, then cProfile's top functions by own time (inside Django)."""
    import cProfile
    import pstats

    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    gevonden = [p for p in paginas_met_cookies() if p[0] == naam]
    if not gevonden:
        sys.exit(f"onbekende pagina {naam!r}")
    _, pad, cookie = gevonden[0]
    client = Client(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    if cookie:
        client.cookies[settings.SESSION_COOKIE_NAME] = cookie.split("=", 1)[1]
    for _ in range(3):  # warm: templates compiled, connections open, caches filled
        assert client.get(pad).status_code == 200
    profiel = cProfile.Profile()
    wand, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        profiel.enable()
        for _ in range(aantal):
            client.get(pad)
        profiel.disable()
    wand, cpu = time.perf_counter() - wand, time.process_time() - cpu
    print(
        f"{naam} ({pad}): {1000 * wand / aantal:.1f} ms, {1000 * cpu / aantal:.1f} ms CPU, "
        f"{len(queries.captured_queries) / aantal:.0f} queries per verzoek (met cProfile)"
    )
    stats = pstats.Stats(profiel)
    stats.sort_stats("tottime").print_stats(25)
    stats.sort_stats("cumulative").print_stats(40)


# --- outside Django ------------------------------------------------------------------------


def omgeving(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="kerngericht.settings",
        DEBUG="0",
        SECRET_KEY=os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="localhost,127.0.0.1",
        DATABASE_URL=database_url,
        REDIS_URL=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9"),
        BEHIND_PROXY="1",
        EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        LOG_LEVEL="WARNING",
    )
    return env


def draai(args: list[str], env: dict[str, str], **kw) -> str:
    r = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True, check=False, **kw)
    if r.returncode != 0:
        sys.exit(f"mislukt: {' '.join(args)}\n{r.stdout[-2000:]}\n{r.stderr[-4000:]}")
    return r.stdout


def database_maken(url: str) -> None:
    import psycopg2

    deel = urlparse(url)
    naam = deel.path.lstrip("/")
    beheer = urlunparse(deel._replace(path="/postgres"))
    verbinding = psycopg2.connect(beheer)
    verbinding.autocommit = True
    with verbinding.cursor() as c:
        c.execute("SELECT 1 FROM pg_database WHERE datname = %s", [naam])
        if c.fetchone() is None:
            c.execute(f'CREATE DATABASE "{naam}"')
    verbinding.close()


def wrk(pad: str, cookie: str, duur: float, verbindingen: int, lua: str) -> dict:
    env = {**os.environ, "BENCH_COOKIE": cookie}
    args = ["wrk", "-t1", f"-c{verbindingen}", f"-d{max(1, round(duur))}s", "-s", lua]
    r = subprocess.run(
        [*args, f"http://127.0.0.1:{POORT}{pad}"], env=env, capture_output=True, text=True
    )
    regel = next(x for x in r.stdout.splitlines() if x.startswith("BENCH "))
    d = json.loads(regel[6:])
    return {
        "rps": d["n"] / (d["us"] / 1e6),
        "p50": d["p50"] / 1000,
        "p95": d["p95"] / 1000,
        "fout": d["fout"],
    }


def python_last(pad: str, cookie: str, duur: float, verbindingen: int, lua: str) -> dict:
    """The same measurement without wrk: a few threads with keep-alive connections."""
    tijden: list[float] = []
    fouten = [0]
    stop = time.monotonic() + duur
    kop = {"Host": "localhost", "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"}
    if cookie:
        kop["Cookie"] = cookie

    def werker():
        c = HTTPConnection("127.0.0.1", POORT, timeout=30)
        while time.monotonic() < stop:
            t = time.perf_counter()
            c.request("GET", pad, headers=kop)
            antwoord = c.getresponse()
            antwoord.read()
            tijden.append(time.perf_counter() - t)
            if antwoord.status != 200:
                fouten[0] += 1

    draden = [threading.Thread(target=werker) for _ in range(verbindingen)]
    begin = time.monotonic()
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    tijden.sort()
    return {
        "rps": len(tijden) / (time.monotonic() - begin),
        "p50": tijden[len(tijden) // 2] * 1000,
        "p95": tijden[int(len(tijden) * 0.95)] * 1000,
        "fout": fouten[0],
    }


def gunicorn_starten(env: dict[str, str], log: Path) -> subprocess.Popen:
    werkers = os.environ.get("BENCH_WORKERS", "2")
    return subprocess.Popen(
        [GUNICORN, "kerngericht.wsgi", "-b", f"127.0.0.1:{POORT}", "-w", werkers],
        env=env,
        cwd=ROOT,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wachten_tot_klaar(log: Path) -> None:
    verzoek = urllib.request.Request(
        f"http://127.0.0.1:{POORT}/status/ready",
        headers={"Host": "localhost", "X-Forwarded-Proto": "https"},
    )
    for _ in range(120):
        try:
            with urllib.request.urlopen(verzoek, timeout=15) as antwoord:  # noqa: S310 - localhost
                if antwoord.status == 200:
                    return
        except OSError:  # not listening yet, or still starting
            time.sleep(0.5)
    sys.exit(f"gunicorn werd niet klaar; zie {log}")


def meten(paginas: list[dict], rondes: int, duur: float, verbindingen: int) -> dict[str, dict]:
    last = wrk if shutil.which("wrk") else python_last
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as f:
        f.write(LUA)
    uit = {}
    for p in paginas:
        # Warm up both (caches, connections), then alternate: live, page, live, page, ...
        last(p["pad"], p["cookie"], 1, verbindingen, f.name)
        live, pagina = [], []
        for _ in range(rondes):
            live.append(last("/status/live", "", duur, verbindingen, f.name))
            pagina.append(last(p["pad"], p["cookie"], duur, verbindingen, f.name))
        rps = statistics.mean(m["rps"] for m in pagina)
        live_rps = statistics.mean(m["rps"] for m in live)
        uit[p["naam"]] = {
            "p50": statistics.median(m["p50"] for m in pagina),
            "p95": max(m["p95"] for m in pagina),
            "rps": rps,
            "live": live_rps,
            "aandeel": 100 * rps / live_rps,
            "fout": sum(m["fout"] for m in pagina),
        }
        print(f"  {p['naam']:<24} {rps:8.1f} req/s  ({uit[p['naam']]['aandeel']:.1f} % van live)")
    os.unlink(f.name)
    return uit


def grootte_meten(naam: str, url: str, args) -> tuple[list[dict], dict]:
    print(f"== {naam}: {url.rsplit('/', 1)[-1]}")
    env = omgeving(url)
    database_maken(url)
    draai([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
    if not args.hergebruik:
        aantallen = [f"--{k}={v}" for k, v in GROOTTES[naam].items()]
        print("  " + draai([PY, "manage.py", "bench_data", *aantallen], env).strip())
    draai([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
    uitvoer = draai([PY, str(Path(__file__)), "_voorbereiden"], env)
    paginas = json.loads(next(x for x in uitvoer.splitlines() if x.startswith("BENCH "))[6:])
    UIT.mkdir(parents=True, exist_ok=True)
    log = UIT / f"gunicorn-{naam}.log"
    proces = gunicorn_starten(env, log)
    try:
        wachten_tot_klaar(log)
        cijfers = meten(paginas, args.rondes, args.duur, args.verbindingen)
    finally:
        os.killpg(proces.pid, signal.SIGTERM)
        proces.wait(timeout=30)
    return paginas, cijfers


def tabel(resultaten: dict[str, tuple[list[dict], dict]]) -> str:
    namen: list[str] = []
    for paginas, _ in resultaten.values():
        namen += [p["naam"] for p in paginas if p["naam"] not in namen]
    kop = f"| {'pagina':<22} | q 1 % | q 100 % |"
    streep = f"|{'-' * 24}|-------|---------|"
    for g in resultaten:
        label = "1 %" if g == "klein" else "100 %"
        kop += f" {label} med ms | p95 ms | req/s | % live |"
        streep += "------------|--------|-------|--------|"
    regels = [kop, streep]
    for naam in namen:

        def q(g: str, naam: str = naam) -> str:
            p = next((p for p in resultaten.get(g, ([], {}))[0] if p["naam"] == naam), None)
            return "-" if p is None else f"{p['q']}/{p['q_warm']}"

        regel = f"| {naam:<22} | {q('klein'):>5} | {q('groot'):>7} |"
        for _g, (_, cijfers) in resultaten.items():
            c = cijfers.get(naam)
            if c is None:
                regel += f" {'-':>10} | {'-':>6} | {'-':>5} | {'-':>6} |"
            else:
                regel += (
                    f" {c['p50']:>10.1f} | {c['p95']:>6.1f} | {c['rps']:>5.0f} |"
                    f" {c['aandeel']:>6.1f} |"
                )
        regels.append(regel)
    live = {g: statistics.mean(c["live"] for c in r[1].values()) for g, r in resultaten.items()}
    regels.append("")
    regels.append(
        "q = queries per verzoek: lege cache / daarna. /status/live: "
        + ", ".join(f"{g} {v:.0f} req/s" for g, v in live.items())
    )
    return "\n".join(regels)


def main() -> None:
    if sys.argv[1:] == ["_voorbereiden"]:
        sys.path.insert(0, str(ROOT))
        voorbereiden()
        return
    if sys.argv[1:2] == ["_profileren"]:
        sys.path.insert(0, str(ROOT))
        profileren(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hergebruik", action="store_true", help="gegevens niet opnieuw maken")
    parser.add_argument("--alleen", choices=["klein", "groot"])
    parser.add_argument("--duur", type=float, default=2.0, help="seconden per meting")
    parser.add_argument("--rondes", type=int, default=3)
    parser.add_argument("--verbindingen", type=int, default=4)
    parser.add_argument(
        "--profiel", metavar="PAGINA", help="alleen deze pagina profileren, in één proces"
    )
    parser.add_argument("--aantal", type=int, default=30, help="verzoeken bij --profiel")
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        sys.exit("Zet BENCH_DATABASE_URL (een eigen PostgreSQL-database: bench_data wist die).")
    if "bench" not in urlparse(url).path:
        sys.exit("De naam van de benchmarkdatabase moet 'bench' bevatten.")
    deel = urlparse(url)
    urls = {"klein": urlunparse(deel._replace(path=deel.path + "_klein")), "groot": url}
    if args.profiel:
        env = omgeving(urls[args.alleen or "groot"])
        commando = [PY, str(Path(__file__)), "_profileren", args.profiel, str(args.aantal)]
        sys.exit(subprocess.run(commando, env=env, cwd=ROOT, check=False).returncode)
    resultaten = {}
    for naam in ["klein", "groot"]:
        if args.alleen in (None, naam):
            resultaten[naam] = grootte_meten(naam, urls[naam], args)
    print()
    print(tabel(resultaten))


if __name__ == "__main__":
    main()

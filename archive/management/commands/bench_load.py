"""manage.py bench_load — served throughput: requests/s, median and p95 per page under a
bounded load of N concurrent clients, against gunicorn on loopback.

    manage.py bench_load                        # starts gunicorn (4 workers x 4 threads)
    manage.py bench_load --clients 16 --seconds 20 --workers 4 --threads 4
    manage.py bench_load --url http://127.0.0.1:8000   # a server already running

Without --url it starts gunicorn on a free loopback port with this configuration (the
same DATABASE_URL) as production runs it: DEBUG off, the static files collected into a
temporary folder and served hashed by WhiteNoise, a throwaway secret key (`--debug`
serves the development settings instead; on the filtered pages of 5 December 2026 the
two measured the same). It waits until it answers, loads each page for --warmup seconds,
then measures it for --seconds with --clients keep-alive connections, and stops the
server it started. Every run ends by
itself; a page that answers anything but 200 is counted as an error and reported.
On Linux, with the server it started, it also prints the CPU each request cost: the
gunicorn processes' (read from /proc over the measured window) and PostgreSQL's (the
server processes serving the site's database, so other databases' clients on the same
server do not count; nothing when the database is on another machine): on a machine
shared with other work the request rate follows the CPU share the site gets, the CPU
per request does not. The "hits" column counts the answers the page cache served
(`X-Marsad-Cache: hit`): a page whose paths repeat within the run is partly measured from
the cache, a page of new filter combinations (the filtered events) almost never.
"""
import contextlib
import http.client
import os
import random
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.models import Event, EventActor, Place

STARTUP_SECONDS = 60
PROC = Path("/proc")


def _cpu_seconds(pids) -> dict[int, float]:
    """User and system CPU of each of these processes and of its reaped children."""
    seconds = {}
    for pid in pids:
        try:
            fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone
            continue
        ticks = sum(int(field) for field in fields[11:15])  # utime stime cutime cstime
        seconds[pid] = ticks / os.sysconf("SC_CLK_TCK")
    return seconds


def cpu_spent(before: dict[int, float], after: dict[int, float]) -> float:
    """The CPU the processes alive at the end spent since `before` (a process started
    since then, all of its own). One that ended in between is not counted: its CPU
    would otherwise be taken off the total and make it negative (PostgreSQL ends a
    server process when its connection closes)."""
    return sum(max(0.0, spent - before.get(pid, 0.0)) for pid, spent in after.items())


def _server_pids(pid: int) -> list[int]:
    children = PROC / str(pid) / "task" / str(pid) / "children"
    try:
        return [pid, *map(int, children.read_text().split())]
    except OSError:
        return [pid]


def _postgres_pids(database: str) -> list[int]:
    """The PostgreSQL server processes serving `database` (their title: `postgres:
    [CLUSTER:] USER DATABASE HOST(PORT) STATE`)."""
    pids = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                if (entry / "comm").read_text().strip() != "postgres":
                    continue
                title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").split()
            except OSError:
                continue
            if title[:1] != [b"postgres:"]:
                continue
            words = title[2:] if title[1:2] and title[1].endswith(b":") else title[1:]
            if words[1:2] == [database.encode()]:
                pids.append(int(entry.name))
    return pids


def loopback_env() -> dict[str, str]:
    """This process's environment, for a server on loopback (no redirect to HTTPS)."""
    return {**os.environ, "MARSAD_SSL_REDIRECT": "0",
            "MARSAD_ALLOWED_HOSTS": ",".join({*settings.ALLOWED_HOSTS, "127.0.0.1"})}


def production_env(static_root: Path) -> dict[str, str]:
    """The environment of a production server on loopback: DEBUG off, a throwaway
    secret key, the static files collected (hashed, with their manifest) into
    `static_root`."""
    env = {**loopback_env(), "DJANGO_SETTINGS_MODULE": "archive.settings",
           "MARSAD_DEBUG": "0", "MARSAD_ENV_FILE": "",
           "MARSAD_SECRET_KEY": secrets.token_urlsafe(50),
           "MARSAD_STATIC_ROOT": str(static_root)}
    subprocess.run(  # noqa: S603 (this interpreter, our own manage.py)
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=settings.BASE_DIR, env=env, check=True)
    return env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


class Load:
    """`clients` threads, each on its own keep-alive connection, asking for paths from
    `make` until `seconds` have passed. Client n draws its paths from the seed
    `first_seed + n`: the warm-up's clients start from other seeds than the measured
    run's, so that the measured run does not ask again for the paths the warm-up put in
    the page cache."""

    def __init__(self, *, host: str, port: int, clients: int, seconds: float,
                 first_seed: int = 0):
        self.host, self.port, self.clients, self.seconds = host, port, clients, seconds
        self.first_seed = first_seed

    def run(self, make) -> tuple[list[float], int, float, int]:
        """(latencies of the answers, errors, seconds, answers from the page cache)."""
        latencies: list[float] = []
        errors, hits = [0], [0]
        lock = threading.Lock()
        deadline = time.monotonic() + self.seconds

        def client(seed: int) -> None:
            rng = random.Random(seed)
            connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    connection.request("GET", quote(make(rng), safe="/?=&-"),
                                       headers={"Host": "127.0.0.1"})
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                    hit = response.getheader("X-Marsad-Cache") == "hit"
                except (OSError, http.client.HTTPException):
                    connection.close()
                    connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
                    ok = hit = False
                elapsed = (time.perf_counter() - started) * 1000
                with lock:
                    if ok:
                        latencies.append(elapsed)
                        hits[0] += hit
                    else:
                        errors[0] += 1
            connection.close()

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(self.first_seed + n,))
                   for n in range(self.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        return latencies, errors[0], time.monotonic() - started, hits[0]


class Command(BaseCommand):
    help = "Drive a bounded load against gunicorn on loopback; print requests/s and p95."

    def add_arguments(self, parser):
        parser.add_argument("--url", help="a running server (default: start gunicorn)")
        parser.add_argument("--clients", type=int, default=16)
        parser.add_argument("--seconds", type=float, default=15, help="per page")
        parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
        parser.add_argument("--threads", type=int, default=4, help="threads per process")
        parser.add_argument("--warmup", type=float, default=3,
                            help="seconds of load per page before measuring (not counted)")
        parser.add_argument("--pages", default="", help="comma-separated page names")
        parser.add_argument("--debug", action="store_true",
                            help="serve with the development settings (DEBUG on)")

    def handle(self, *args, url, clients, seconds, workers, threads, pages, warmup,
               debug, **options):
        if clients < 1 or seconds <= 0:
            raise CommandError("--clients and --seconds must be positive")
        chosen = self._pages()
        if pages:
            unknown = set(pages.split(",")) - chosen.keys()
            if unknown:
                raise CommandError(f"no such page: {', '.join(sorted(unknown))}; "
                                   f"choose from {', '.join(chosen)}")
            chosen = {k: v for k, v in chosen.items() if k in pages.split(",")}
        server, folder = None, contextlib.ExitStack()
        if url is None:
            port = _free_port()
            static_root = None if debug else Path(folder.enter_context(
                tempfile.TemporaryDirectory(prefix="marsad-static-")))
            server = self._start(port, workers=workers, threads=threads,
                                 static_root=static_root)
            url = f"http://127.0.0.1:{port}"
        try:
            parts = urlsplit(url)
            self._wait(parts.hostname, parts.port or 80)
            load = Load(host=parts.hostname, port=parts.port or 80, clients=clients,
                        seconds=seconds)
            setup = (f"{workers} workers x {threads} threads, "
                     f"{'DEBUG on' if debug else 'production settings'}") if server else url
            self.stdout.write(f"{Event.objects.count():,} events; {clients} clients, "
                              f"{seconds:g} s per page; gunicorn {setup}")
            cpu = server is not None and PROC.is_dir()
            database_name = str(settings.DATABASES["default"]["NAME"])
            self.stdout.write(f"{'page':<22}{'req/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'errors':>8}"
                              f"{'hits':>7}"
                              + ("  CPU ms/request: gunicorn, PostgreSQL" if cpu else ""))
            for name, make in chosen.items():
                if warmup > 0:  # first renders, connections, caches: not what is measured
                    Load(host=parts.hostname, port=parts.port or 80, clients=clients,
                         seconds=warmup, first_seed=clients).run(make)
                if cpu:
                    before = (_cpu_seconds(_server_pids(server.pid)),
                              _cpu_seconds(_postgres_pids(database_name)))
                times, errors, elapsed, hits = load.run(make)
                line = (f"{name:<22}{len(times) / elapsed:>8.1f}"
                        f"{statistics.median(times) if times else 0:>9.0f}"
                        f"{_percentile(times, 0.95):>9.0f}{errors:>8}{hits:>7}")
                if cpu and times:
                    served = len(times) + errors
                    web = cpu_spent(before[0], _cpu_seconds(_server_pids(server.pid)))
                    database = cpu_spent(before[1], _cpu_seconds(_postgres_pids(database_name)))
                    line += f"  {1000 * web / served:.0f}, {1000 * database / served:.0f}"
                self.stdout.write(line)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=30)
            folder.close()

    def _pages(self) -> dict:
        place_ids = list(Event.objects.exclude(place=None).values_list("place_id", flat=True)
                         .distinct()[:50]) or [0]
        actor_ids = list(EventActor.objects.values_list("actor_id", flat=True)
                         .distinct()[:50]) or [0]
        governorates = list(Place.objects.filter(kind=Place.Kind.GOVERNORATE)
                            .values_list("id", flat=True)[:50]) or [0]
        words = ["كركوك", "الموصل", "تفجير", "داعش", "اشتباكات"]
        return {
            "home": lambda rng: "/",
            "events (filtered)": lambda rng: (
                f"/events/?actor={rng.choice(actor_ids)}&killed_min={rng.randint(1, 20)}"
                f"&place={rng.choice(place_ids)}&sort=-killed"),
            "events (actor)": lambda rng: (
                f"/events/?actor={rng.choice(actor_ids)}&killed_min={rng.randint(1, 20)}"
                f"&wounded_min={rng.randint(0, 30)}"),
            "events (governorate)": lambda rng: (
                f"/events/?place={rng.choice(governorates)}&killed_min={rng.randint(1, 20)}"
                f"&wounded_min={rng.randint(0, 30)}&sort=-killed"),
            "incidents": lambda rng: "/incidents/",
            "incidents (filtered)": lambda rng: (
                f"/incidents/?killed_min={rng.randint(1, 20)}&place={rng.choice(place_ids)}"),
            "search": lambda rng: f"/search/?q={rng.choice(words)}",
            "api events": lambda rng: f"/api/events/?killed_min={rng.randint(1, 30)}",
        }

    def _start(self, port: int, *, workers: int, threads: int,
               static_root: Path | None) -> subprocess.Popen:
        gunicorn = Path(sys.executable).with_name("gunicorn")
        env = loopback_env() if static_root is None else production_env(static_root)
        return subprocess.Popen(  # noqa: S603 (the venv's gunicorn, our own arguments)
            [str(gunicorn), "archive.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", str(workers), "--worker-class", "gthread",
             "--threads", str(threads), "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env)

    def _wait(self, host: str, port: int) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                socket.create_connection((host, port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.2)
        raise CommandError(f"nothing answers on {host}:{port}")

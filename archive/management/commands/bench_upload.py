"""manage.py bench_upload --n 3000 — the admin upload under gunicorn: how long the POST
takes (it saves the file and queues a job) and how fast the job then runs.

Writes N generated articles (archive.services.synthetic) to a JSONL file, starts gunicorn
(as the README's production section, `--timeout 30` by default) and one Celery worker (as
`scripts/serve`) on the configured database and broker, unless --url names a running
site. It logs a temporary staff user in (a session made here), posts the file to the
upload page, then polls the batch's progress endpoint as the batch page does until the
job ends, and prints the POST's time and status, the job's articles per second and its
counts. The user is deleted at the end; the articles stay (`--n` new ones need a new
`--seed`, else they are duplicates).
"""
import http.client
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management.base import BaseCommand, CommandError

from archive.management.commands.bench_load import _free_port
from archive.services.synthetic import generate_articles

STARTUP_SECONDS = 60


class Site:
    """A logged-in staff client of a site on loopback (http.client, cookies by hand)."""

    def __init__(self, host: str, port: int, *, session_key: str):
        self.host, self.port = host, port
        self.csrf = secrets.token_hex(16)  # 32 characters: Django accepts it unmasked
        self.cookie = f"sessionid={session_key}; csrftoken={self.csrf}"

    def request(self, method: str, path: str, body: bytes = b"", headers=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=600)
        connection.request(method, path, body=body or None, headers={
            "Host": "127.0.0.1", "Cookie": self.cookie, **(headers or {})})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()

    def upload(self, path: Path):
        boundary = uuid.uuid4().hex
        body = b"".join([
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\""
            f"\r\n\r\n{self.csrf}\r\n".encode(),
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{path.name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            .encode(), path.read_bytes(), f"\r\n--{boundary}--\r\n".encode()])
        return self.request("POST", "/admin/archive/ingestionbatch/upload/", body, {
            "Content-Type": f"multipart/form-data; boundary={boundary}"})


class Command(BaseCommand):
    help = "Benchmark the admin upload under gunicorn: POST time, then the job's rate."

    def add_arguments(self, parser):
        parser.add_argument("--n", type=int, default=3000, help="articles in the file")
        parser.add_argument("--seed", type=int, default=11)
        parser.add_argument("--url", help="a running site and worker (default: start both)")
        parser.add_argument("--timeout", type=int, default=30, help="gunicorn's --timeout")
        parser.add_argument("--max-seconds", type=float, default=3600,
                            help="give up waiting for the job after this long")

    def handle(self, *args, n, seed, url, timeout, max_seconds, **options):
        if n < 1:
            raise CommandError("--n must be positive")
        started = []
        user = get_user_model().objects.create_superuser(
            f"bench-upload-{uuid.uuid4().hex[:6]}", "bench@example.org", secrets.token_hex(16))
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"bench-{seed}-{n}.jsonl"
            with path.open("w", encoding="utf-8") as out:
                for article in generate_articles(n, seed=seed):
                    out.write(json.dumps(article, ensure_ascii=False) + "\n")
            try:
                if url is None:
                    port = _free_port()
                    started = self._start(port, timeout=timeout)
                    host = "127.0.0.1"
                else:
                    host, _, port = url.split("//")[-1].rstrip("/").partition(":")
                    port = int(port or 80)
                site = Site(host, port, session_key=self._session(user))
                self._wait(site)
                self._measure(site, path, n=n, max_seconds=max_seconds)
            finally:
                for process in started:
                    process.terminate()
                for process in started:
                    process.wait(timeout=120)
                user.delete()

    def _measure(self, site: Site, path: Path, *, n: int, max_seconds: float) -> None:
        size = path.stat().st_size
        began = time.monotonic()
        status, headers, body = site.upload(path)
        posted = time.monotonic() - began
        self.stdout.write(f"POST of {n:,} articles ({size / 1e6:.1f} MB): HTTP {status} "
                          f"in {posted:.2f} s")
        if status != 302:
            raise CommandError(f"the upload answered {status}: {body[:300]!r}")
        batch_id = headers["Location"].rstrip("/").split("/")[-2]
        progress = f"/admin/archive/ingestionbatch/{batch_id}/progress/"
        while time.monotonic() - began < max_seconds:
            status, _, body = site.request("GET", progress, headers={"Accept": "application/json"})
            data = json.loads(body)
            if not data["active"]:
                break
            time.sleep(1)
        wall = time.monotonic() - began - posted
        self.stdout.write(
            f"job #{batch_id}: {data['status']}, {data['done']:,} of {data['total']} records "
            f"in {wall:.1f} s after the POST: {data['done'] / wall:.1f} articles/s wall "
            f"(the job's own figure: {data['rate']} articles/s); new {data['new']:,}, "
            f"duplicate {data['duplicate']:,}, failed {data['failed']:,}")

    def _session(self, user) -> str:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        return session.session_key

    def _start(self, port: int, *, timeout: int) -> list[subprocess.Popen]:
        bin_dir = Path(sys.executable).parent
        env = {**os.environ, "MARSAD_SSL_REDIRECT": "0",
               "MARSAD_ALLOWED_HOSTS": ",".join({*settings.ALLOWED_HOSTS, "127.0.0.1"})}
        return [subprocess.Popen(  # noqa: S603 (the venv's programs, our own arguments)
            [str(bin_dir / "gunicorn"), "archive.wsgi", "--bind", f"127.0.0.1:{port}",
             "--workers", "2", "--worker-class", "gthread", "--threads", "4",
             "--timeout", str(timeout), "--log-level", "warning"],
            cwd=settings.BASE_DIR, env=env), subprocess.Popen(  # noqa: S603
            [str(bin_dir / "celery"), "-A", "archive", "worker", "--loglevel=warning",
             "--concurrency=1"], cwd=settings.BASE_DIR, env=env)]

    def _wait(self, site: Site) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            try:
                if site.request("GET", "/admin/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise CommandError(f"the site on port {site.port} did not answer as staff")

"""Small helpers that read settings from the environment and reject bad values loudly."""
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def load_env_file(path: Path) -> None:
    """KEY=VALUE lines of a `.env` file (blank lines and # comments ignored, values may be
    quoted) into os.environ, never overriding a variable already set. `scripts/serve`
    writes one with development settings; production sets real environment variables."""
    if not path.is_file():
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.removeprefix("export ").partition("=")
        if not sep or not name.strip().isidentifier():
            raise ImproperlyConfigured(f"{path}:{number}: expected NAME=value, not {line!r}")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        os.environ.setdefault(name.strip(), value)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(TRUE | FALSE)}, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_url(url: str, *, base_dir) -> dict:
    """A DATABASES entry from `sqlite:///path` or `postgres://user:pass@host:port/name`."""
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///db.sqlite3 is relative to the project, sqlite:////tmp/x.db absolute
        path = unquote(parsed.path)[1:]
        if not path:
            raise ImproperlyConfigured("DATABASE_URL sqlite:/// needs a file name")
        name = path if path.startswith("/") or path == ":memory:" else base_dir / path
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": name,
            # Readers never wait for an ingestion's writes, and each article's commit
            # does not wait for the disk twice.
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL"},
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        name = parsed.path.lstrip("/")
        if not name:
            raise ImproperlyConfigured("DATABASE_URL for PostgreSQL needs a database name")
        return {
            "ENGINE": "archive.db",
            "NAME": unquote(name),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            # A UTF-8 ctype, or pg_trgm sees no Arabic trigrams: see tests/conftest.py.
            "TEST": {"TEMPLATE": "template0", "CHARSET": "UTF8"},
            # The archive lives in RAM or on SSD: without this the planner scans every
            # article for common search words instead of using the GIN indexes. No JIT:
            # the JSON facets' row estimates are huge, and compiling them took 0.8 of a
            # wide filtered incidents page's 1.0 s summary; no query measured was slower.
            "OPTIONS": {"options": "-c random_page_cost=1.1 -c jit=off"},
        }
    raise ImproperlyConfigured(
        f"DATABASE_URL scheme {parsed.scheme!r} is not supported: use sqlite:/// or postgres://"
    )

"""Settings come from the environment and reject bad values loudly."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive.env import database_from_url, env_bool, env_int

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MARSAD_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=120,
    )


def test_a_sqlite_url_is_relative_to_the_project(tmp_path):
    assert database_from_url("sqlite:///db.sqlite3", base_dir=tmp_path)["NAME"] == (
        tmp_path / "db.sqlite3"
    )
    assert database_from_url("sqlite:////var/x.db", base_dir=tmp_path)["NAME"] == "/var/x.db"


def test_a_postgres_url_gives_every_connection_field(tmp_path):
    db = database_from_url("postgres://u:p%40ss@db.local:6543/marsad", base_dir=tmp_path)
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "archive.db", "marsad", "u", "p@ss", "db.local", "6543"
    )


@pytest.mark.parametrize("url", ["mysql://x/y", "postgres://host", "sqlite:///"])
def test_it_rejects_database_urls_it_cannot_use(url, tmp_path):
    with pytest.raises(ImproperlyConfigured):
        database_from_url(url, base_dir=tmp_path)


def test_booleans_and_numbers_reject_typos(monkeypatch):
    monkeypatch.setenv("X_FLAG", "yes")
    assert env_bool("X_FLAG") is True
    monkeypatch.setenv("X_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="X_FLAG"):
        env_bool("X_FLAG")
    monkeypatch.setenv("X_NUM", "12MB")
    with pytest.raises(ImproperlyConfigured, match="X_NUM"):
        env_int("X_NUM", 1)


def test_it_refuses_to_start_without_a_secret_key_unless_debugging():
    result = run_manage("check", env={})
    assert result.returncode != 0
    assert "MARSAD_SECRET_KEY is required" in result.stderr
    assert run_manage("check", env={"MARSAD_DEBUG": "1"}).returncode == 0


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        env={"MARSAD_SECRET_KEY": "k" * 64 + "-production-like-secret-value",
             "MARSAD_ALLOWED_HOSTS": "marsad.example"},
    )
    assert result.returncode == 0, result.stderr

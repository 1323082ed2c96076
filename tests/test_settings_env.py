"""Settings come from the environment and reject bad values loudly."""
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from archive import dev
from archive.env import database_from_url, env_bool, env_int

ROOT = Path(__file__).resolve().parent.parent


def clean_environment(env: dict) -> dict:
    """A fresh shell's environment: no Marsad or Django variables (nor a developer's
    .env) unless `env` gives them."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("MARSAD_", "DJANGO_"))}
    return {**clean, "MARSAD_ENV_FILE": "", **env}


def run_manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=clean_environment(env), capture_output=True, text=True, timeout=120,
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


@pytest.mark.django_db
def test_postgresql_connections_plan_for_ram_and_never_compile_queries():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's settings")
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('jit'), current_setting('random_page_cost')")
        assert cursor.fetchone() == ("off", "1.1")


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
    assert "scripts/serve writes both to .env" in result.stderr
    assert run_manage("check", env={"MARSAD_DEBUG": "1"}).returncode == 0


SHOW_SETTINGS = ["shell", "-v", "0", "-c", "from django.conf import settings as s; "
                 "print(s.DEBUG, len(s.SECRET_KEY) >= 50, s.TIME_ZONE)"]


def test_the_development_env_file_lets_every_command_run_in_a_fresh_shell(tmp_path):
    env_file = tmp_path / ".env"
    assert dev.write_env_file(env_file) and not dev.write_env_file(env_file)
    assert "MARSAD_DEBUG=1" in env_file.read_text() and env_file.stat().st_mode & 0o077 == 0
    env = {"MARSAD_ENV_FILE": str(env_file)}
    assert run_manage("check", env=env).returncode == 0
    assert run_manage(*SHOW_SETTINGS, env=env).stdout.split() == ["True", "True", "UTC"]
    env_file.write_text(env_file.read_text() + 'MARSAD_TIME_ZONE="Asia/Baghdad"\n')
    shown = run_manage(*SHOW_SETTINGS, env={**env, "MARSAD_DEBUG": "0",
                                            "MARSAD_SECRET_KEY": "x" * 60})
    assert shown.stdout.split() == ["False", "True", "Asia/Baghdad"]  # the environment wins


def test_serve_takes_a_port_or_an_address_and_says_when_the_port_is_taken(tmp_path, capsys):
    assert dev.parse_address("8001") == ("127.0.0.1", 8001)
    assert dev.parse_address("192.0.2.7:9000") == ("192.0.2.7", 9000)
    assert dev.parse_address("[::1]:9000") == ("::1", 9000)
    with pytest.raises(ValueError):
        dev.parse_address("eighty")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert dev.main([str(port)], env_file=tmp_path / ".env") == 1
        assert f"port {port} on 127.0.0.1 is already in use" in capsys.readouterr().err
    assert dev.main([str(port)], env_file=tmp_path / ".env") == 0
    assert capsys.readouterr().out.strip() == f"127.0.0.1:{port}"
    assert (tmp_path / ".env").exists()


def _readme_block(heading: str) -> list[str]:
    """The shell lines of the first code block after a README heading."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split(heading, 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip()]


def test_the_readme_production_commands_pass_the_deploy_check_as_written(tmp_path):
    lines = [line for line in _readme_block("Production uses PostgreSQL")
             if not line.startswith(("createdb", ".venv/bin/python manage.py migrate"))]
    assert any("collectstatic" in line for line in lines)
    assert lines[-1].endswith("check --deploy --fail-level WARNING")
    done = subprocess.run(["bash", "-ec", "\n".join(lines)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300,
                          env=clean_environment({"MARSAD_STATIC_ROOT": str(tmp_path)}))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout

"""python -m archive.dev [HOST:]PORT — what `scripts/serve` does before serving:

- writes `.env` at the root with development settings (MARSAD_DEBUG=1 and a random
  MARSAD_SECRET_KEY) when there is none, so that every `manage.py` command works in a
  fresh shell afterwards (the settings read it; it is never committed);
- checks that the address is free, and says so clearly when it is not;
- prints the address for runserver.

Plain Python: it runs before Django is set up.
"""
import secrets
import socket
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000


def write_env_file(path: Path) -> bool:
    """Development settings in `path`, unless it exists; whether it was written."""
    if path.exists():
        return False
    path.write_text(
        "# Development settings written by scripts/serve; never commit this file.\n"
        "MARSAD_DEBUG=1\n"
        f"MARSAD_SECRET_KEY={secrets.token_urlsafe(50)}\n",
        encoding="utf-8",
    )
    path.chmod(0o600)
    return True


def parse_address(text: str) -> tuple[str, int]:
    """`8001`, `0.0.0.0:8001` or `[::1]:8001` as (host, port)."""
    host, sep, port = text.rpartition(":")
    if not sep:
        host, port = "", text
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"{text!r} is not a port or HOST:PORT (e.g. 8001, 0.0.0.0:8001)")
    return host.strip("[]") or DEFAULT_HOST, int(port)


def port_in_use(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def main(argv: list[str], *, env_file: Path = ROOT / ".env") -> int:
    try:
        host, port = parse_address(argv[0] if argv else f"{DEFAULT_HOST}:{DEFAULT_PORT}")
    except ValueError as error:
        print(f"scripts/serve: {error}", file=sys.stderr)
        return 2
    if port_in_use(host, port):
        print(f"scripts/serve: port {port} on {host} is already in use (another "
              f"scripts/serve?): choose another, e.g. scripts/serve {port + 1}", file=sys.stderr)
        return 1
    if write_env_file(env_file):
        print(f"scripts/serve: wrote development settings to {env_file}", file=sys.stderr)
    print(f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

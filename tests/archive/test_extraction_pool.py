"""What a worker process loads: the extractor by name, and Django only when the
extractor's module needs it (setting Django up costs each worker over half a second)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
START = """
import sys
from django.apps import apps
from archive.services.extraction_pool import _import
module = _import(sys.argv[1])
print(apps.ready, hasattr(module, sys.argv[2]))
"""


def _start_in_a_fresh_process(module: str, name: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", START, module, name], cwd=ROOT, capture_output=True,
        text=True, timeout=120, check=True,
        env={"DJANGO_SETTINGS_MODULE": "archive.settings", "MARSAD_DEBUG": "1",
             "MARSAD_ENV_FILE": "", "PATH": "/usr/bin:/bin"})
    return done.stdout.strip()


def test_it_loads_the_plain_python_extractor_without_setting_django_up():
    assert _start_in_a_fresh_process("extraction", "extract") == "False True"


def test_it_sets_django_up_for_an_extractor_module_that_imports_models():
    assert _start_in_a_fresh_process("archive.services.events", "store_events") == "True True"

"""The Celery app: background jobs (queued ingestion) with one engine everywhere.

By default the broker is a folder on this machine (kombu's filesystem transport: no
server to run; `scripts/serve` starts one worker beside the site). In production point
MARSAD_BROKER_URL at Redis (redis://host:6379/0) and run `celery -A archive worker` on
as many machines as needed, all against the same PostgreSQL: the task code is the same.

    .venv/bin/celery -A archive worker --loglevel=info
"""
import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")

app = Celery("marsad")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks(["archive"])


@app.on_after_configure.connect
def _make_queue_folders(sender, **kwargs) -> None:
    """The filesystem broker needs its folders to exist."""
    options = sender.conf.broker_transport_options or {}
    for key in ("data_folder_in", "data_folder_out", "control_folder", "processed_folder"):
        if options.get(key):
            os.makedirs(options[key], exist_ok=True)

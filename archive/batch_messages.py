"""An ingestion batch's messages: stored in English on the batch (the `ingest` command
prints them, logs and tests read them), shown in the admin in the reader's language.

Each template below is a gettext msgid (its Arabic is in locale/ar). Our own messages
are written from these templates; the readers' (article_files) are English sentences of
the same shape. `shown()` matches a stored message against the templates, takes its
values back out, and fills the translated template with them; a message that matches
none (an older or a new wording) is shown as stored, never lost."""
import re
from functools import cache

from django.utils.translation import gettext, gettext_noop

# Ours (archive/services/ingestion.py and batches.py).
INTERRUPTED_WORKER = gettext_noop(
    "interrupted: its process (%(worker)s) stopped without finishing (killed?); found "
    "%(found)s UTC. %(behind)s stored articles were not yet counted and are now; duplicate "
    "and failed counts may be short. Run the same command again to finish.")
NOT_STORED = gettext_noop("further errors not stored")
REFUSED = gettext_noop("the database refused this article: %(error)s")
EVENTS_FAILED = gettext_noop("storing its events failed: %(error)s")
TOO_MANY_FAILED = gettext_noop(
    "stopped after %(n)s failed records (the limit is %(limit)s): is this the right file?")
INTERRUPTED = gettext_noop("interrupted (Ctrl-C or a stop signal)")
STOPPED = gettext_noop("stopped: %(error)s")
NO_EVENTS = gettext_noop("article #%(id)s stored without events: extraction failed: %(error)s")
# Background jobs' (archive/services/upload_jobs.py and job_runs.py).
NOT_QUEUED = gettext_noop(
    "could not queue the job (%(error)s): the file is kept; start the broker and a worker, "
    "then press Run again")
CANCELLED = gettext_noop("cancelled after %(done)s of %(total)s")
FILE_GONE = gettext_noop("the uploaded file is gone: %(path)s")

# The readers' (article_files), as they word them.
READERS = [
    gettext_noop("cannot read this folder: %(reason)s"),
    gettext_noop("a broken link: its target does not exist"),
    gettext_noop("no such file or folder"),
    gettext_noop("cannot read the file: %(reason)s"),
    gettext_noop("not a regular file (a pipe, socket or device)"),
    gettext_noop("unsupported file type %(suffix)s: use %(allowed)s"),
    gettext_noop("record larger than the limit of %(limit)s bytes"),
    gettext_noop("malformed JSON: %(error)s"),
    gettext_noop("each line must be a JSON object {\"text\": ...}"),
    gettext_noop("a JSON array over %(limit)s bytes: convert it to JSONL"),
    gettext_noop("each array item must be a JSON object"),
    gettext_noop("malformed CSV row: %(error)s"),
    gettext_noop("CSV has no 'text' column (columns: %(columns)s)"),
    gettext_noop("empty article: the file has no words"),
    gettext_noop("empty article: the text has no words"),
    gettext_noop("%(n)s control characters (such as NUL) removed from the text"),
    gettext_noop("zip files nested too deep"),
    gettext_noop("not a readable zip file: %(error)s"),
    gettext_noop("cannot unpack this member: %(error)s"),
    gettext_noop("missing 'text'"),
    gettext_noop("'text' must be a string, not %(type)s"),
    gettext_noop("url %(url)s is not http(s); dropped"),
    gettext_noop("url of %(n)s characters (over %(limit)s) dropped"),
    gettext_noop("more than %(n)s %(what)s in one file: stopped reading it (split the file)"),
    gettext_noop("%(field)s of %(n)s characters cut to %(limit)s"),
    gettext_noop("%(error)s; stored without a publication date"),
]
TEMPLATES = [INTERRUPTED_WORKER, NOT_STORED, REFUSED, EVENTS_FAILED, TOO_MANY_FAILED,
             INTERRUPTED, STOPPED, NO_EVENTS, NOT_QUEUED, CANCELLED, FILE_GONE, *READERS]
NESTED = ("error",)  # values that are themselves messages of ours


@cache
def _patterns() -> list[tuple[re.Pattern, str]]:
    def pattern(template: str) -> re.Pattern:
        parts = re.split(r"%\((\w+)\)s", template)
        regex = "".join(re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)"
                        for i, part in enumerate(parts))
        return re.compile(regex, re.DOTALL)

    return [(pattern(t), t) for t in TEMPLATES]


def shown(message: str) -> str:
    """A stored (English) batch message in the reader's language."""
    for pattern, template in _patterns():
        match = pattern.fullmatch(message or "")
        if match:
            values = {k: shown(v) if k in NESTED else v for k, v in match.groupdict().items()}
            return gettext(template) % values
    return message

"""Static files in production: WhiteNoise serves what `manage.py collectstatic` gathered
under STATIC_ROOT, compressed and with content hashes in their names (cached for ever).
A file missing from the manifest (collectstatic not run yet) gets its plain URL instead
of failing the page: the page renders, unstyled, and `check --deploy` says why."""
import logging

from django.core.files.storage import FileSystemStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    missing: set[str] = set()  # said once per file, not on every page

    def url(self, name, force=False):
        try:
            return super().url(name, force)
        except ValueError:
            if name not in self.missing:
                self.missing.add(name)
                logger.warning("static file %r is not collected: run manage.py collectstatic",
                               name)
            return FileSystemStorage.url(self, name)

"""The translation catalogues: fill the .po files from archive.translations and compile
them to .mo with polib (pure Python), so a machine without GNU gettext serves English."""
from pathlib import Path

import polib
from django.conf import settings

from archive.translations import AR, AR_PLURAL_FORMS, AR_PLURALS, EN, EN_PLURALS


def _filled(language: str, po: polib.POFile) -> polib.POFile:
    if language == "ar":
        po.metadata["Plural-Forms"] = AR_PLURAL_FORMS
    else:
        po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    for entry in po:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid_plural:
            forms = (AR_PLURALS if language == "ar" else EN_PLURALS).get(entry.msgid)
            if forms:
                entry.msgstr_plural = dict(enumerate(forms))
        elif language == "en":
            entry.msgstr = EN.get(entry.msgid, entry.msgstr)
        else:
            entry.msgstr = AR.get(entry.msgid, entry.msgstr)
    return po


def catalogues() -> list[tuple[str, Path]]:
    root = Path(settings.LOCALE_PATHS[0])
    return [(lang, root / lang / "LC_MESSAGES" / "django.po")
            for lang, _ in settings.LANGUAGES if (root / lang / "LC_MESSAGES").exists()]


def missing(language: str, po_path: Path) -> list[str]:
    """msgids of a catalogue that have no translation (English) or plural forms."""
    po = polib.pofile(str(po_path))
    if language == "ar":
        return [e.msgid for e in po if e.msgid_plural
                and len([s for s in e.msgstr_plural.values() if s]) != 6]
    return [e.msgid for e in po if not (e.msgstr or any(e.msgstr_plural.values()))]


def compile_all(*, write: bool) -> list[str]:
    """The files that were (or, with write=False, would be) changed."""
    changed = []
    for language, po_path in catalogues():
        before = po_path.read_text(encoding="utf-8")
        po = _filled(language, polib.pofile(before))
        text = str(po)
        mo_path = po_path.with_suffix(".mo")
        po.save_as_mofile(str(mo_path) + ".new")
        new_mo = Path(str(mo_path) + ".new")
        mo_bytes = new_mo.read_bytes()
        new_mo.unlink()
        if text != before:
            changed.append(str(po_path))
            if write:
                po_path.write_text(text, encoding="utf-8")
        if not mo_path.exists() or mo_path.read_bytes() != mo_bytes:
            changed.append(str(mo_path))
            if write:
                mo_path.write_bytes(mo_bytes)
    return changed

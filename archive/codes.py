"""Codes that stay the same in every language: ACLED's event type and sub-event type for
each of our types (so analysts' scripts read our CSV like ACLED's), and review states."""
ACLED = {
    "airstrike": ("Explosions/Remote violence", "Air/drone strike"),
    "shelling": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "explosion": ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    "armed_clash": ("Battles", "Armed clash"),
    "attack": ("Violence against civilians", "Attack"),
    "territory": ("Strategic developments", "Non-state actor overtakes territory"),
    "arrest": ("Strategic developments", "Arrests"),
    "protest": ("Protests", "Peaceful protest"),
}


def acled(type_code: str) -> tuple[str, str]:
    return ACLED.get(type_code, ("", ""))


def review_status(*, reviewed: bool, rejected: bool, confidence: float) -> str:
    """needs_review, unreviewed, reviewed or rejected (see archive.services.event_review)."""
    from archive.services.event_review import NEEDS_REVIEW_BELOW

    if rejected:
        return "rejected"
    if reviewed:
        return "reviewed"
    return "needs_review" if confidence < NEEDS_REVIEW_BELOW else "unreviewed"

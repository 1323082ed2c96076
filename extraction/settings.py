"""Every window and threshold of the pipeline, named, in one frozen object.

Distances are in segments (sentences, cut again at «فيما/بينما», counted from 0) or in
characters of the folded text. `SETTINGS` is what the stages read; a test or an
experiment may build its own `Settings(...)`.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # --- reading sentences (stages/read.py) ---
    continues_within: int = 2  # segments after an event in which a trigger-less sentence
    #                            with figures or a weak report still tells more of it
    pending_within: int = 1  # a weak report with figures waits this long for its place
    plan_reach: int = 60  # characters a plan/threat cue reaches forward (trigger, actor)
    negation_reach: int = 14  # characters a negation reaches forward to a trigger
    reference_reach: int = 8  # characters «بتهمة/منفذي» reaches forward to a trigger
    habit_reach: int = 16  # characters «كثيرا ما/باستمرار» reaches forward to a trigger
    attempt_reach: int = 12  # characters before a territory trigger that may say «محاولة»
    phrasal_reach: int = 4  # words from a phrasal verb to its noun («فتح مسلحون النار»)
    # --- casualty figures (casualties.py) ---
    cue_before: int = 4  # tokens before a figure read for its cue
    cue_after: int = 8  # tokens after a figure read for its cue
    # --- the document (doc.py) ---
    second_report_min: int = 20  # characters before «فيما/بينما» that make a segment
    dateline_max: int = 40  # characters of a dateline ("بغداد - رويترز:")
    lead_min: int = 40  # characters of the first line that is the lead, not a headline
    # --- placing (stages/place.py) ---
    coordination_gap: int = 40  # characters between two coordinated place names
    title_window: int = 30  # characters before a place that may hold a title or launch verb
    bearing_window: int = 120  # characters before a place read for a flight's heading
    retreat_reach: int = 12  # words before «باتجاه/نحو» that may hold a flight («فروا»)
    compared_window: int = 120  # characters before a place that may rank it («ثالث ... بعد X»)
    # --- unseen places (place_patterns.py) ---
    placed_next: int = 16  # characters between a bare name and the known place after it
    parent_following: int = 120  # characters to a known parent place later in the sentence
    parent_preceding: int = 150  # ... earlier in the sentence
    parent_earlier: int = 400  # ... earlier in the paragraph
    # --- roles (roles.py) ---
    bystander_window: int = 60  # characters before a party read for a source or a title
    speech_reach: int = 40  # characters after a speaker to its «إن»
    adjective_reach: int = 30  # characters after a trigger to a nationality adjective
    role_window: int = 24  # characters before a party read for a role word
    by_window: int = 12  # characters before a party that may end in «من قبل/نفذه»
    done_by_window: int = 40  # characters before a party that may hold «الذي نفذه»
    support_window: int = 40  # characters before a party that may hold «بدعم من طائرات»
    subject_gap: int = 2  # characters between a subject and its verb
    glued_reach: int = 12  # characters between a trigger and «لـ» + its party
    verb_gap: int = 3  # characters between a verb and its subject after it
    passive_reach: int = 12  # characters after a counted party read for «قتلوا»
    # --- merging (stages/merge.py) ---
    lookback: int = 60  # segments: one article's reports of one incident lie closer
    loose_merge_within: int = 3  # segments within which an unplaced report may join
    follows_within: int = 2  # segments within which a placeless report follows the last
    place_carried_within: int = 5  # segments over which an unplaced event takes the
    #                                previous event's place
    # --- inheriting (stages/inherit.py) ---
    initiators_within: int = 3  # segments over which a passive report takes the initiators
    total_tolerance: int = 2  # killed: a sum within max(this, total_share * total) is a total
    total_share: float = 0.1
    tally_killed: int = 1000  # killed told with no day of their own: a tally, not an incident


SETTINGS = Settings()

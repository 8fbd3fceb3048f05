"""A first map of a text, proposed from cues a reader would use, offline.

:func:`split_units` cuts a text into candidate units: sentences, and clauses at the
connectives that open an argumentative move (``, but``, ``because``, ``although``...);
:func:`background` tells the news hook an article opens with (a dated event, told with no
argument) from its claims.
:func:`draft_structure` proposes, for a list of unit texts, the central claim, each unit's
role (the author's voice, ``pro``, or an objection the author raises, ``opp``), its
function (central claim, support, attack) and the unit it bears on, each decision with a
score (0-1) and the cues behind it.

The cues are hand-set and few, in English: modal verbs and opinion markers for a claim;
connectives that open a conclusion (therefore, so), a reason (because, since), an example,
an addition (moreover), a turn (but, however) or a concession (admittedly, of course, some
say); a unit's place in the text. In a text of several paragraphs, the central claim is
also read from where a thesis stands (the opening and closing paragraphs, a sentence that
concludes the whole text, the headline's words, the author's own voice). Nothing is
fitted on any corpus, so nothing shipped is derived from a corpus's data.
``bench/draft.py`` measures the cues on the Argumentative Microtext Corpus,
``bench/essays.py`` the central claim on the Argument Annotated Essays.

Where each part lives: ``_units`` (sentences, clauses, the headline, background),
``_cues`` (the patterns a unit is read by), ``_central`` (a unit's place in the text and
its score as the central claim), ``_structure`` (the proposal over the units).

Examples:
    >>> d = draft_structure([
    ...     "Admittedly, night work is noisy.",
    ...     "But the new cranes are quiet.",
    ...     "The harbour should open at night,",
    ...     "because the queues cost two million a year."])
    >>> d.central, d.role, d.function, d.head
    (2, ['opp', 'pro', 'pro', 'pro'], ['attack', 'attack', 'cc', 'support'], [2, 0, None, 2])
    >>> d.cues[3][0]
    'opens with a reason (because): supports the unit before'
    >>> d.evidence  # a figure reported, with no hedge: evidence
    [False, False, False, True]
"""

from argmap.analysis.draft._structure import (
    CLOSE,
    Drafted,
    DraftReport,
    Explained,
    draft_structure,
)
from argmap.analysis.draft._units import Unit, article_units, background, headline, split_units

__all__ = ["Unit", "Drafted", "Explained", "DraftReport", "split_units", "draft_structure",
           "headline", "background", "article_units", "CLOSE"]  # fmt: skip

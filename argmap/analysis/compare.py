"""How far two maps of the same text agree: claims aligned, then the field's measures.

:func:`align` pairs the claims of map A with those of map B: first the pairs a person fixed
(``given``), then one to one by what each claim quotes (the overlap of their spans in a
source text both maps quote: half its share of the shorter span, half its share of the two
together), then by text similarity (rapidfuzz's token-sort ratio, 0-1; quotes of one text
that do not overlap never pair by wording). A pair is kept at :data:`THRESHOLD` or more,
the best first. Then merges: a claim left unpaired that a claim of the other map holds
whole (its quote inside the other's longer quote, or its words in the other's longer text)
is paired with it too, so one claim may stand for several (:func:`_merges`).

:func:`compare` measures agreement over the alignment:

- **kinds**: the kinds of aligned claims (conclusion, claim, evidence...) as a confusion
  matrix;
- **links**: a link of A is found when B draws the same relation between the partners of
  its ends (claims in one group of paired claims count as one; a link between them is none);
- **relations**: for every ordered pair of the claims both maps hold (paired), the
  relation each map draws (support, attack, undercut, none: the none/none cell counts), as
  a confusion matrix; the matrices' Cohen's kappa, macro F1 and accuracy are pycm's, as
  ARG-tech's reference implementation of CASS computes them;
- **segmentation**, where both maps quote one source text: the share of its words each
  marks as argument, and Fournier's segmentation similarity S and boundary similarity B
  (segeval) of the two segmentations the quotes' boundaries make;
- **CASS** (Duthie et al. 2016): ``2·M·S / (M + S)``, M the mean of the kappas above, S the
  segmentation similarity, withheld where M or S is at or below 0 (a harmonic mean is not
  defined there, and would leave [-1, 1]); the dialogical parts of the reference
  (locutions, illocutions, transitions) have nothing to compare in a map of one text, so M
  holds the propositional parts only;
- **the map as a whole**: its conclusions found in the other, and the grounded labels of
  aligned claims that agree.

Examples:
    >>> from argmap.model import ArgMap
    >>> from argmap.model.document import Document
    >>> def doc(claims):
    ...     return Document(ArgMap.model_validate({"title": "t", "claims": claims}), "m")
    >>> a = doc([{"id": "c", "text": "We should build the bridge", "kind": "conclusion"},
    ...          {"id": "p", "text": "Traffic doubles by 2030", "supports": ["c"]}])
    >>> b = doc([{"id": "bridge", "text": "We should build the bridge.", "kind": "conclusion"},
    ...          {"id": "t", "text": "Traffic will double by 2030", "attacks": ["bridge"]}])
    >>> result = compare(a, b, align(a, b))
    >>> [(p.a, p.b) for p in result.pairs]
    [('c', 'bridge'), ('p', 't')]
    >>> result.relations.accuracy, [d.kind for d in result.link_differences]
    (0.5, ['other polarity'])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, PlainSerializer, computed_field

from argmap.model.answers import Label, Record, optional

__all__ = [
    "THRESHOLD",
    "Pair",
    "Agreement",
    "LinkDifference",
    "Comparison",
    "Grade",
    "align",
    "compare",
    "grade",
    "reference_relations",
]

#: The least similarity (0-1) at which two claims are paired.
THRESHOLD = 0.6
#: Paired below this similarity, a pair is listed for a person to check.
DOUBTFUL = 0.75

#: A claim's quote: the text it quotes (a key both maps share when they quote the same
#: text) and where, in characters.
Span = tuple[str, int, int]


class _Record(Record):
    model_config = ConfigDict(frozen=True)


def _rounded(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


#: A score as the JSON gives it: to 4 places.
Score = Annotated[float, PlainSerializer(_rounded, when_used="json")]


class Pair(_Record):
    """Claim ``a`` of map A paired with claim ``b`` of map B: how alike (0-1), and by what
    (``quote``, ``text``, or ``given``: fixed by a person)."""

    a: str
    b: str
    similarity: Score
    method: Literal["given", "quote", "text", "merge"] = Field(
        description="given: fixed by a person; quote: the quotes overlap; text: the wording "
        "is alike; merge: one map writes as one claim what the other writes as several"
    )


class Agreement(_Record):
    """Agreement between two labelings of the same items: Cohen's kappa, macro F1 and
    accuracy (pycm's), over ``n`` items; the confusion matrix as ``{A: {B: count}}``."""

    kappa: Score
    f1: Score
    accuracy: Score
    n: int
    matrix: dict[str, dict[str, int]]


class LinkDifference(_Record):
    """A link one map draws and the other draws otherwise: ``kind`` is ``reversed``,
    ``other polarity``, ``other relation``, ``only A`` or ``only B``; ``a`` and ``b`` say
    the link in each map's ids (``source relation target``), None where it has none."""

    kind: Literal["reversed", "other polarity", "other relation", "only A", "only B"]
    a: str | None
    b: str | None


class Segmentation(_Record):
    """Where both maps quote one source text: the words it has, the share of them each map
    marks as argument, and Fournier's S and B of the two segmentations."""

    texts: int
    words: int
    share_a: float
    share_b: float
    S: float | None
    B: float | None


class Cass(_Record):
    """CASS = 2MS/(M+S), M the mean kappa, S the segmentation similarity; ``why`` it is
    withheld."""

    CASS: float | None
    M: float | None
    S: float | None
    why: str | None = None


class Conclusions(_Record):
    """Each map's conclusions, and A's found among B's."""

    a: int
    b: int
    shared: list[str]
    agreement: float | None


class LabelDifference(_Record):
    a: str
    b: str
    label_a: Label
    label_b: Label


class Labels(_Record):
    """The grounded labels of paired claims: how many agree, and those that differ."""

    same: int
    of: int
    agreement: float | None
    differ: list[LabelDifference]


class Scores(_Record):
    precision: float | None
    recall: float | None
    f1: float | None


class Grade(_Record):
    """Map B graded against map A, the key (:func:`grade`)."""

    score: float
    letter: str
    claims: Scores
    links: Scores
    found: list[str]
    merged: list[str] = Field(
        description="The key's claims found as part of a merge (written as one claim in one "
        "map and as several in the other), counted as found, not missed."
    )
    missed: list[str]
    extra: list[str]


class Comparison(_Record):
    """What :func:`compare` finds (see the module's description): ``argmap compare
    --format json`` is its JSON, the scores, the pairs and the differences."""

    a: str = Field(description="Map A's name.")
    b: str = Field(description="Map B's name.")
    pairs: list[Pair]
    only_a: list[str]
    only_b: list[str]
    kinds: Agreement | None
    relations: Agreement | None
    link_differences: list[LinkDifference]
    segmentation: Segmentation | None
    cass: Cass
    conclusions: Conclusions
    labels: Labels
    #: Links each map draws (between any claims), and those both draw alike.
    links: dict[Literal["a", "b", "same"], int]
    reference_relations: Agreement | None = Field(
        description="The propositional-relations matrix as ARG-tech's amf-evaluation-metrics "
        "computes it (its own pairing; counts of inferences and conflicts concluding in each "
        "proposition), rows A, columns B."
    )
    reference_left_out: str | None = Field(
        None, description="Why ARG-tech's matrix was not computed (two large maps)."
    )
    grade: Grade | None = optional("B graded against A (--key).")
    #: Each map's claims' texts, by id (for the text form; not in the JSON).
    texts_a: dict[str, str] = Field(default_factory=dict, exclude=True)
    texts_b: dict[str, str] = Field(default_factory=dict, exclude=True)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def aligned(self) -> int:
        """The pairs made."""
        return len(self.pairs)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def claims(self) -> dict[Literal["a", "b"], int]:
        """Each map's claims counted as the pairs and the unpaired."""
        return {"a": len(self.pairs) + len(self.only_a), "b": len(self.pairs) + len(self.only_b)}

    def doubtful(self) -> list[Pair]:
        """Pairs made on a similarity below :data:`DOUBTFUL`, for a person to check."""
        return [p for p in self.pairs
                if p.method not in ("given", "merge") and p.similarity < DOUBTFUL]  # fmt: skip

    def merges(self) -> list[tuple[list[str], list[str]]]:
        """The groups of claims one map writes as one and the other as several: A's ids,
        B's ids."""
        edges: dict[str, set[str]] = {}
        for p in self.pairs:
            edges.setdefault(p.a, set()).add(p.b)
        back: dict[str, set[str]] = {}
        for p in self.pairs:
            back.setdefault(p.b, set()).add(p.a)
        out, seen = [], set()
        for p in self.pairs:
            if p.a in seen:
                continue
            group_a, group_b, todo = {p.a}, set(), [p.a]
            while todo:
                x = todo.pop()
                for y in edges.get(x, ()):
                    if y not in group_b:
                        group_b.add(y)
                        for x2 in back.get(y, ()):
                            if x2 not in group_a:
                                group_a.add(x2)
                                todo.append(x2)
            seen |= group_a
            if len(group_a) > 1 or len(group_b) > 1:
                order_a = {x: k for k, x in enumerate(self.texts_a or [q.a for q in self.pairs])}
                order_b = {y: k for k, y in enumerate(self.texts_b or [q.b for q in self.pairs])}
                out.append((sorted(group_a, key=lambda x: order_a.get(x, 0)),
                            sorted(group_b, key=lambda y: order_b.get(y, 0))))  # fmt: skip
        return out

    def ids(self) -> list[str]:
        """The claims of A left unpaired, then those of B (as ``B:ID``)."""
        return [*self.only_a, *(f"B:{i}" for i in self.only_b)]


_r = _rounded


def align(
    a: Any,
    b: Any,
    *,
    spans_a: dict[str, Span] | None = None,
    spans_b: dict[str, Span] | None = None,
    given: Sequence[tuple[str, str]] = (),
    threshold: float = THRESHOLD,
    notes: list[str] | None = None,
) -> list[Pair]:
    """Pair the claims of documents ``a`` and ``b`` one to one (see the module's
    description); ``spans_*`` say where each claim's quote stands, ``given`` the pairs a
    person fixed. Pairs come in the order of A's claims; ``notes`` gets a line where two
    large maps were paired by their rarest words only."""
    from rapidfuzz import utils

    claims_a = {c.id: c for c in a.model.claims}
    claims_b = {c.id: c for c in b.model.claims}
    pairs: dict[str, Pair] = {}
    taken_b: set[str] = set()
    fixed: list[Pair] = []  # a person's pairs: a claim may stand in several (a merge)
    for x, y in dict.fromkeys(given):
        if x in claims_a and y in claims_b:
            fixed.append(Pair(a=x, b=y, similarity=1.0, method="given"))
            taken_b.add(y)
    taken_a = {p.a for p in fixed}
    candidates: list[tuple[float, int, str, str, str]] = []
    # By quote: spans in the same text that overlap, as a share of both together.
    spans_a, spans_b = spans_a or {}, spans_b or {}
    by_text: dict[str, list[tuple[int, int, str]]] = {}
    for y, (key, s, e) in spans_b.items():
        by_text.setdefault(key, []).append((s, e, y))
    for x, (key, s, e) in spans_a.items():
        for s2, e2, y in by_text.get(key, ()):
            common = min(e, e2) - max(s, s2)
            if common > 0:
                # Half how much of the shorter quote the other holds, half how much of
                # the two together both hold: a quote cut longer or shorter still pairs.
                within = common / max(1, min(e - s, e2 - s2))
                share = (within + common / (max(e, e2) - min(s, s2))) / 2
                candidates.append((share, 1, x, y, "quote"))
    # By text: the same words first (cheap), then rapidfuzz over what is left.
    exact: dict[str, list[str]] = {}
    for y, c in claims_b.items():
        exact.setdefault(utils.default_process(c.text), []).append(y)
    rest_a, matched_b = [], set()
    for x, c in claims_a.items():
        same = exact.get(utils.default_process(c.text))
        if same:
            candidates.extend((1.0, 0, x, y, "text") for y in same)
            matched_b.update(same)
        else:
            rest_a.append(x)
    rest_b = [y for y in claims_b if y not in matched_b]
    if len(rest_a) * len(rest_b) > WORDING_PAIRS_BOUND:
        found = _by_rare_words(claims_a, claims_b, rest_a, rest_b, threshold)
        if notes is not None:
            notes.append(
                f"two large maps ({len(rest_a):,} x {len(rest_b):,} claims to pair by wording): "
                f"each claim was compared with the claims sharing its rarest words "
                f"(at most {RARE_CANDIDATES}), not with every claim"
            )
    else:
        found = _by_wording(claims_a, claims_b, rest_a, rest_b, threshold)
    for score, x, y in found:
        if x in spans_a and y in spans_b and spans_a[x][0] == spans_b[y][0]:
            (_, s, e), (_, s2, e2) = spans_a[x], spans_b[y]
            if min(e, e2) <= max(s, s2):
                continue  # both quote the same text, in different places: not one claim
        candidates.append((score, 0, x, y, "text"))
    # What the claims quote first, then their wording; the most alike first in each.
    candidates.sort(key=lambda t: (-t[1], -t[0], t[2], t[3]))
    for share, _, x, y, method in candidates:
        if share < threshold or x in pairs or x in taken_a or y in taken_b:
            continue
        pairs[x] = Pair(a=x, b=y, similarity=share, method=method)
        taken_b.add(y)
    order_a = {x: k for k, x in enumerate(claims_a)}
    made = sorted([*fixed, *pairs.values()], key=lambda p: order_a[p.a])
    return made + _merges(claims_a, claims_b, made, spans_a, spans_b)


def _by_wording(claims_a, claims_b, rest_a, rest_b, threshold) -> list[tuple[float, str, str]]:
    """Every claim of ``rest_a`` scored against every claim of ``rest_b`` (rapidfuzz's
    token-sort ratio, 0-1), each keeping its :data:`CANDIDATES_PER_CLAIM` most alike at
    ``threshold`` or more; in row blocks, so that the matrix held is bounded."""
    import numpy as np
    from rapidfuzz import fuzz, process, utils

    out: list[tuple[float, str, str]] = []
    texts_b = [claims_b[y].text for y in rest_b]
    block = max(1, CDIST_CELLS // max(1, len(rest_b)))
    for start in range(0, len(rest_a) if rest_b else 0, block):
        rows = rest_a[start : start + block]
        scores = process.cdist(
            [claims_a[x].text for x in rows],
            texts_b,
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=threshold * 100,
            workers=-1,
        )
        if len(rest_b) > CANDIDATES_PER_CLAIM:
            # Each claim keeps only its most alike candidates: pairing is one to one, and
            # a map of thousands of like claims would otherwise hold millions of them.
            kept = np.argpartition(-scores, CANDIDATES_PER_CLAIM - 1, axis=1)
            kept = kept[:, :CANDIDATES_PER_CLAIM]
            mask = np.zeros_like(scores, dtype=bool)
            np.put_along_axis(mask, kept, True, axis=1)
            scores = np.where(mask, scores, 0)
        for i, j in zip(*scores.nonzero(), strict=True):
            out.append((float(scores[i, j]) / 100, rows[i], rest_b[j]))
    return out


def _by_rare_words(claims_a, claims_b, rest_a, rest_b, threshold) -> list[tuple[float, str, str]]:
    """As :func:`_by_wording`, for two maps too large to score every pair: each claim of
    ``rest_a`` is scored against the claims of ``rest_b`` that share its rarest words (in
    ``rest_b``), the rarest first, at most :data:`RARE_CANDIDATES` of them."""
    from rapidfuzz import fuzz, process, utils

    words_b = [set(utils.default_process(claims_b[y].text).split()) for y in rest_b]
    postings: dict[str, list[int]] = {}
    for j, words in enumerate(words_b):
        for w in words:
            postings.setdefault(w, []).append(j)
    out: list[tuple[float, str, str]] = []
    for x in rest_a:
        text = utils.default_process(claims_a[x].text)
        chosen: dict[int, None] = {}
        for w in sorted(set(text.split()) & postings.keys(), key=lambda w: len(postings[w])):
            for j in postings[w]:
                chosen.setdefault(j)
                if len(chosen) >= RARE_CANDIDATES:
                    break
            if len(chosen) >= RARE_CANDIDATES:
                break
        if not chosen:
            continue
        index = list(chosen)
        choices = [utils.default_process(claims_b[rest_b[j]].text) for j in index]
        hits = process.extract(
            text,
            choices,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=threshold * 100,
            limit=CANDIDATES_PER_CLAIM,
        )
        out += [(score / 100, x, rest_b[index[k]]) for _, score, k in hits]
    return out


#: Beyond this many pairs of claims to pair by wording, each claim is scored only against
#: the claims that share its rarest words (:func:`_by_rare_words`), and the report says so.
WORDING_PAIRS_BOUND = 4_000_000
#: The most claims one claim is scored against, in two large maps.
RARE_CANDIDATES = 200
#: The most cells of a similarity matrix computed at once.
CDIST_CELLS = 4_000_000
#: The most candidates by wording each claim keeps (the most alike).
CANDIDATES_PER_CLAIM = 8
#: The most pairs of unquoted claims weighed for a merge by their words (a partial ratio
#: each): past it, merges are found by quotes only.
MERGE_TEXT_PAIRS = 1_000_000
#: How much of a claim's quote must lie inside another's (or its words in the other's
#: text) for the two to be read as one claim written once in one map and split in the
#: other.
MERGE_COVER = 0.8


def _merges(
    claims_a: dict[str, Any],
    claims_b: dict[str, Any],
    made: list[Pair],
    spans_a: dict[str, Span],
    spans_b: dict[str, Span],
) -> list[Pair]:
    """Claims left unpaired that one claim of the other map holds whole: one map writes
    one claim where the other writes two (a sentence split, a hedge in two halves), so
    the halves are paired with the whole, as a merge. Held whole means: its quote lies
    (at :data:`MERGE_COVER` or more) inside the other's longer quote of the same text;
    or, with no quote to go by, its words (four or more) stand in the other's longer
    text (rapidfuzz's partial ratio at 90 or more)."""
    from rapidfuzz import fuzz, process, utils

    paired_a = {p.a for p in made}
    paired_b = {p.b for p in made}
    out: list[Pair] = []
    for side_a in (True, False):
        mine, theirs = (claims_b, claims_a) if side_a else (claims_a, claims_b)
        my_spans, their_spans = (spans_b, spans_a) if side_a else (spans_a, spans_b)
        left = [y for y in mine if y not in (paired_b if side_a else paired_a)]
        by_text: dict[str, list[tuple[int, int, str]]] = {}
        for x, (key, s, e) in their_spans.items():
            by_text.setdefault(key, []).append((s, e, x))
        unquoted = []
        for y in left:
            best = None
            if y in my_spans:
                key, s, e = my_spans[y]
                for s2, e2, x in by_text.get(key, ()):
                    if e2 - s2 <= e - s:
                        continue  # the whole is the longer quote
                    cover = (min(e, e2) - max(s, s2)) / max(1, e - s)
                    if cover >= MERGE_COVER and (best is None or (cover, s - e2) > best[:2]):
                        best = (cover, s - e2, x)
            else:
                unquoted.append(y)
            if best is not None:
                x, share = best[2], round(best[0], 4)
                out.append(_merged(x, y, share) if side_a else _merged(y, x, share))
        if unquoted and len(unquoted) * len(theirs) <= MERGE_TEXT_PAIRS:
            import bisect

            # Their texts by length, so that the longer ones are a slice.
            processed = ((x, utils.default_process(theirs[x].text)) for x in theirs)
            their = sorted((len(t), t, x) for x, t in processed)
            lengths = [n for n, _, _ in their]
            for y in unquoted:
                text = utils.default_process(mine[y].text)
                if len(text.split()) < 4:
                    continue
                first = bisect.bisect_right(lengths, int(len(text) * 1.2))
                if first == len(their):
                    continue
                hit = process.extractOne(text, [t for _, t, _ in their[first:]],
                                         scorer=fuzz.partial_ratio, score_cutoff=90)  # fmt: skip
                if hit is not None:
                    x = their[first + hit[2]][2]
                    sim = round(hit[1] / 100, 4)
                    out.append(_merged(x, y, sim) if side_a else _merged(y, x, sim))
    order_a = {x: k for k, x in enumerate(claims_a)}
    out.sort(key=lambda p: (order_a[p.a], p.b))
    return out


def _merged(x: str, y: str, share: float) -> Pair:
    return Pair(a=x, b=y, similarity=share, method="merge")


def _agreement(actual: list[str], predicted: list[str]) -> Agreement | None:
    """pycm's kappa, macro F1 and overall accuracy of two labelings (None: no items).
    Where pycm leaves one undefined (one class only, as when all agree on one kind), the
    reference's fallbacks apply: kappa without prevalence, F1 1."""
    if not actual:
        return None
    cm = _confusion(actual_vector=list(actual), predict_vector=list(predicted))
    kappa, f1 = _kappa_f1(cm)
    matrix = {str(k): {str(j): int(n) for j, n in row.items()} for k, row in cm.table.items()}
    return Agreement(kappa=kappa, f1=f1, accuracy=float(cm.Overall_ACC), n=len(actual),
                     matrix=matrix)  # fmt: skip


def _confusion(**given: Any) -> Any:
    """pycm's confusion matrix of ``given`` (its own keywords), its warnings kept quiet."""
    import contextlib
    import io

    from pycm import ConfusionMatrix

    with contextlib.redirect_stdout(io.StringIO()):  # pycm may print a warning
        return ConfusionMatrix(**given)


def _number(x: Any) -> float | None:
    """A measure pycm gives, or None where it gives none ("None", NaN)."""
    import math

    return float(x) if isinstance(x, (int, float)) and not math.isnan(x) else None


def _number_or(x: Any, fallback: float) -> float:
    """A measure pycm gives, or ``fallback`` where it gives none."""
    found = _number(x)
    return fallback if found is None else found


def _kappa_f1(cm: Any) -> tuple[float, float]:
    """Cohen's kappa and macro F1, with the reference's fallbacks where pycm leaves them
    undefined (one class only): kappa without prevalence (0 if that too is undefined),
    F1 1."""
    kappa = _number(cm.Kappa)
    if kappa is None:
        kappa = _number_or(cm.KappaNoPrevalence, 0.0)
    return kappa, _number_or(cm.F1_Macro, 1.0)


def _relations(G: Any) -> dict[tuple[str, str], str]:
    """Each ordered pair of claims a map links, and how (support, attack, undercut)."""
    out: dict[tuple[str, str], str] = {}
    for u, v, data in G.edges(data=True):
        out.setdefault((u, v), str(data["kind"]))
    return out


def _segments(spans: list[tuple[int, int]], text: str) -> tuple[list[int], int]:
    """The segmentation the quotes' boundaries make of ``text``, in words (segeval's
    masses), and how many words lie inside a quote."""
    import re

    starts = [m.start() for m in re.finditer(r"\S+", text)]
    if not starts:
        return [], 0
    import bisect

    cuts: set[int] = set()
    inside = [False] * len(starts)
    for s, e in spans:
        first = bisect.bisect_left(starts, s)
        last = bisect.bisect_left(starts, e)
        cuts.update((first, last))
        for k in range(first, min(last, len(starts))):
            inside[k] = True
    bounds = sorted(c for c in cuts if 0 < c < len(starts))
    edges = [0, *bounds, len(starts)]
    return [b - a for a, b in zip(edges, edges[1:], strict=False) if b > a], sum(inside)


def _segmentation(
    spans_a: dict[str, Span], spans_b: dict[str, Span], texts: dict[str, str]
) -> dict[str, Any] | None:
    """Segmentation agreement over the texts both maps quote (None: they share none)."""
    import warnings

    with warnings.catch_warnings():  # segeval's code draws SyntaxWarnings when compiled
        warnings.simplefilter("ignore", SyntaxWarning)
        return _segmentation_by_segeval(spans_a, spans_b, texts)


def _segmentation_by_segeval(
    spans_a: dict[str, Span], spans_b: dict[str, Span], texts: dict[str, str]
) -> dict[str, Any] | None:
    import segeval

    shared = sorted({k for k, _, _ in spans_a.values()} & {k for k, _, _ in spans_b.values()})
    if not shared:
        return None
    parts: list[dict[str, Any]] = []
    for key in shared:
        text = texts[key]
        masses_a, inside_a = _segments([(s, e) for k, s, e in spans_a.values() if k == key], text)
        masses_b, inside_b = _segments([(s, e) for k, s, e in spans_b.values() if k == key], text)
        words = sum(masses_a)
        if not words:
            continue
        parts.append({
            "words": words,
            "share_a": _r(inside_a / words),
            "share_b": _r(inside_b / words),
            "S": float(segeval.segmentation_similarity(masses_a, masses_b)),
            "B": float(segeval.boundary_similarity(masses_a, masses_b)),
        })  # fmt: skip
    if not parts:
        return None
    total = sum(p["words"] for p in parts)
    return {
        "texts": len(parts),
        "words": total,
        "share_a": _r(sum(p["share_a"] * p["words"] for p in parts) / total),
        "share_b": _r(sum(p["share_b"] * p["words"] for p in parts) / total),
        "S": _r(sum(p["S"] * p["words"] for p in parts) / total),
        "B": _r(sum(p["B"] * p["words"] for p in parts) / total),
    }


def _groups(pairs: list[Pair], ids_a: list[str], ids_b: list[str]) -> tuple[dict, dict]:
    """Each claim's group in one space of names: claims paired (a merge pairs one claim
    with several) form a group named by its first claim in A; a claim of A left unpaired
    is its own group, one of B ``B:ID``."""
    links: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for p in pairs:
        links.setdefault(("a", p.a), []).append(("b", p.b))
        links.setdefault(("b", p.b), []).append(("a", p.a))
    group: dict[tuple[str, str], str] = {}
    for x in ids_a:
        if ("a", x) in group:
            continue
        group[("a", x)] = x
        todo = [("a", x)]
        while todo:
            for other in links.get(todo.pop(), ()):
                if other not in group:
                    group[other] = x
                    todo.append(other)
    in_a = {x: group[("a", x)] for x in ids_a}
    in_b = {y: group.get(("b", y), f"B:{y}") for y in ids_b}
    return in_a, in_b


def _relation_agreement(rel_a: dict, rel_b: dict, shared: set[str]) -> Agreement | None:
    """Relations over every ordered pair of the groups both maps hold (``shared``): the
    relation each map draws from one to the other, ``none`` where it draws none, so that
    agreeing on no link counts, as in the reference's n x n matrix. pycm's kappa, macro F1
    and accuracy of the counts (the none/none cell counted, not enumerated)."""
    k = len(shared)
    if k < 2:
        return None
    counts: dict[tuple[str, str], int] = {}
    for key in {*rel_a, *rel_b}:
        u, v = key
        if u in shared and v in shared:
            cell = (rel_a.get(key, "none"), rel_b.get(key, "none"))
            counts[cell] = counts.get(cell, 0) + 1
    total = k * (k - 1)
    counts[("none", "none")] = total - sum(counts.values())
    labels = sorted({x for cell in counts for x in cell} | {"none", "support"})
    matrix = {x: {y: counts.get((x, y), 0) for y in labels} for x in labels}
    cm = _confusion(matrix=matrix)
    kappa, f1 = _kappa_f1(cm)
    return Agreement(kappa=kappa, f1=f1, accuracy=float(cm.Overall_ACC), n=total, matrix=matrix)


def compare(
    a: Any,
    b: Any,
    pairs: list[Pair],
    *,
    spans_a: dict[str, Span] | None = None,
    spans_b: dict[str, Span] | None = None,
    texts: dict[str, str] | None = None,
) -> Comparison:
    """The measures of agreement between documents ``a`` and ``b`` over ``pairs`` (see
    the module's description); ``texts`` holds the source texts the spans' keys name."""
    from argmap.graph import build_graph, conclusions
    from argmap.semantics.evaluate import evaluate

    Ga, Gb = build_graph(a), build_graph(b)
    ids_a = [c.id for c in a.model.claims]
    ids_b = [c.id for c in b.model.claims]
    in_a, in_b = _groups(pairs, ids_a, ids_b)
    members_a: dict[str, list[str]] = {}
    members_b: dict[str, list[str]] = {}
    for x, g in in_a.items():
        members_a.setdefault(g, []).append(x)
    for y, g in in_b.items():
        members_b.setdefault(g, []).append(y)
    kinds = _agreement(
        [Ga.nodes[p.a]["claim"].kind.value for p in pairs],
        [Gb.nodes[p.b]["claim"].kind.value for p in pairs],
    )
    # Links in one space of names: a link inside a group (between halves of one claim)
    # is no link between claims.
    rel_a: dict[tuple[str, str], str] = {}
    for (u, v), k in _relations(Ga).items():
        if in_a[u] != in_a[v]:
            rel_a.setdefault((in_a[u], in_a[v]), k)
    rel_b: dict[tuple[str, str], str] = {}
    for (u, v), k in _relations(Gb).items():
        if in_b[u] != in_b[v]:
            rel_b.setdefault((in_b[u], in_b[v]), k)
    shared = {g for g in members_a if g in members_b}
    relations = _relation_agreement(rel_a, rel_b, shared)

    def a_name(g: str) -> str:
        return "+".join(members_a.get(g, [g]))

    def b_name(g: str) -> str:
        return g[2:] if g.startswith("B:") else "+".join(members_b.get(g, [g]))

    differences = []
    seen: set[tuple[str, str]] = set()
    for u, v in sorted(set(rel_a) | set(rel_b)):
        if (u, v) in seen:
            continue
        ka, kb = rel_a.get((u, v)), rel_b.get((u, v))
        if ka == kb:
            continue
        in_a_text = f"{a_name(u)} {ka} {a_name(v)}" if ka else None
        in_b_text = f"{b_name(u)} {kb} {b_name(v)}" if kb else None
        back = rel_b.get((v, u)) if ka else None
        if ka and kb is None and back is not None:
            seen.add((v, u))
            differences.append(LinkDifference(kind="reversed", a=in_a_text,
                                              b=f"{b_name(v)} {back} {b_name(u)}"))  # fmt: skip
        elif ka and kb:
            polar = {ka, kb} & {"support"} and ({ka, kb} - {"support"})
            differences.append(LinkDifference(kind="other polarity" if polar else "other relation",
                                              a=in_a_text, b=in_b_text))  # fmt: skip
        elif ka:
            differences.append(LinkDifference(kind="only A", a=in_a_text, b=None))
        else:
            differences.append(LinkDifference(kind="only B", a=None, b=in_b_text))
    spans_a, spans_b = spans_a or {}, spans_b or {}
    segmentation = _segmentation(spans_a, spans_b, texts or {})
    kappas = [x.kappa for x in (kinds, relations) if x is not None]
    m = sum(kappas) / len(kappas) if kappas else None
    s = segmentation["S"] if segmentation else None
    if m is None or s is None:
        cass = {
            "CASS": None,
            "M": _r(m),
            "S": _r(s),
            "why": "no source text both maps quote" if s is None else "nothing aligned",
        }
    elif m <= 0 or s <= 0:
        # A harmonic mean of a kappa at or below 0 is no measure (it leaves [-1, 1]).
        cass = {"CASS": None, "M": _r(m), "S": _r(s),
                "why": "n/a, mean kappa at or below 0" if m <= 0 else "n/a, S is 0"}  # fmt: skip
    else:
        cass = {"CASS": _r(2 * m * s / (m + s)), "M": _r(m), "S": _r(s)}
    conc_a, conc_b = set(conclusions(Ga)), set(conclusions(Gb))
    found = sorted(c for c in conc_a if any(y in conc_b for y in members_b.get(in_a[c], ())))
    conc_found_b = {y for y in conc_b if any(x in conc_a for x in members_a.get(in_b[y], ()))}
    labels_a, labels_b = evaluate(Ga).labels, evaluate(Gb).labels
    same = [p for p in pairs if labels_a.get(p.a) == labels_b.get(p.b)]
    paired_a = {p.a for p in pairs}
    paired_b = {p.b for p in pairs}
    too_many = len(ids_a) * len(ids_b) > REFERENCE_PAIRS_BOUND
    return Comparison(
        a=a.name, b=b.name, pairs=pairs,
        only_a=[x for x in ids_a if x not in paired_a],
        only_b=[y for y in ids_b if y not in paired_b],
        kinds=kinds, relations=relations, link_differences=differences,
        segmentation=segmentation, cass=cass,
        conclusions={"a": len(conc_a), "b": len(conc_b), "shared": found,
                     "agreement": _r((len(found) + len(conc_found_b)) / (len(conc_a) + len(conc_b)))
                     if conc_a or conc_b else None},
        labels={"same": len(same), "of": len(pairs),
                "agreement": _r(len(same) / len(pairs)) if pairs else None,
                "differ": [{"a": p.a, "b": p.b, "label_a": labels_a.get(p.a),
                            "label_b": labels_b.get(p.b)} for p in pairs
                           if labels_a.get(p.a) != labels_b.get(p.b)]},
        texts_a={c.id: c.text for c in a.model.claims},
        texts_b={c.id: c.text for c in b.model.claims},
        links={"a": len(rel_a), "b": len(rel_b),
               "same": sum(1 for k, v in rel_a.items() if rel_b.get(k) == v)},
        reference_relations=None if too_many else reference_relations(a, b, Ga, Gb),
        reference_left_out=(
            f"ARG-tech's propositional matrix left out: its pairing compares every pair of "
            f"propositions ({len(ids_a):,} x {len(ids_b):,}), over the bound of "
            f"{REFERENCE_PAIRS_BOUND:,}" if too_many else None),
    )  # fmt: skip


def reference_relations(a: Any, b: Any, Ga: Any = None, Gb: Any = None) -> Agreement | None:
    """The propositional-relations matrix of ARG-tech's reference implementation of CASS
    (``amf-evaluation-metrics``, one of the six matrices whose kappa, F1 and accuracy it
    averages; the other five compare locutions and illocutions, which a map of argmap's
    does not hold), computed the way it computes it, so that the numbers can be set side
    by side with the reference's:

    - propositions are paired by their own procedure (:func:`_reference_pairs`), not by
      :func:`align`;
    - for each pair, the inferences (RA), conflicts (CA) and rephrases (MA) that conclude in
      each proposition are counted: a linked group of premises is one inference, each
      attacking claim one conflict; argmap keeps no rephrases, so MA counts 0 on both sides;
      an equal count is an agreement, a count higher in A a disagreement one way, in B the
      other; a proposition left unpaired is a disagreement;
    - agreement on "no relation" fills the rest of ``n x n`` cells, ``n`` the pairs made;
    - kappa, macro F1 and accuracy are pycm's, with the reference's fallbacks (kappa
      without prevalence, F1 1, per-class accuracy 1 where undefined).

    None when either map has no claim.
    """
    from argmap.graph import build_graph

    Ga = build_graph(a) if Ga is None else Ga
    Gb = build_graph(b) if Gb is None else Gb
    claims_a = [(c.id, c.text) for c in a.model.claims]
    claims_b = [(c.id, c.text) for c in b.model.claims]
    if not claims_a or not claims_b:
        return None
    pairs = _reference_pairs(claims_a, claims_b)
    agree = a_more = b_more = 0
    for x, y in pairs:
        if x is not None and y is not None:
            for ca, cb in zip(_concluding(Ga, x), _concluding(Gb, y), strict=True):
                if ca == cb:
                    agree += 1
                elif ca > cb:
                    a_more += 1
                else:
                    b_more += 1
        elif x is None:
            b_more += 1
        else:
            a_more += 1
    none = max(len(pairs) ** 2 - agree - a_more - b_more, 0)
    return _reference_agreement([[agree, b_more], [a_more, none]])


def _concluding(G: Any, claim: str) -> tuple[int, int, int]:
    """The inferences, conflicts and rephrases (0: argmap keeps none) concluding in
    ``claim``, as AIF counts S-nodes: a linked group of premises is one inference."""
    supports, groups, attacks = 0, set(), 0
    for _, _, data in G.in_edges(claim, data=True):
        kind = str(data["kind"])
        if kind == "support":
            group = data["link"].group
            if group is None:
                supports += 1
            else:
                groups.add(group)
        elif kind == "attack":
            attacks += 1
    return supports + len(groups), attacks, 0


#: The most pairs of propositions ARG-tech's pairing is computed for (it compares every
#: pair with difflib): beyond, the cross-check is left out and the report says so.
REFERENCE_PAIRS_BOUND = 1_000_000


def _reference_pairs(
    claims_a: list[tuple[str, str]], claims_b: list[tuple[str, str]]
) -> list[tuple[str | None, str | None]]:
    """Propositions paired as the reference pairs them: similarity is difflib's ratio of
    the lower-cased texts as a whole percentage (the reference's fuzzywuzzy without
    python-Levenshtein); the longer list's items are the rows; a row or column with no
    similarity at all is left unpaired first; then, as often as there are columns, the
    most similar remaining pair is taken (the first in row order on a tie) and its row
    and column set aside; rows left over are unpaired. A column whose candidates were all
    taken is left out altogether, as the reference leaves it."""
    import heapq
    from difflib import SequenceMatcher

    import numpy as np
    from rapidfuzz import fuzz, process

    swapped = len(claims_a) < len(claims_b)
    rows, cols = (claims_b, claims_a) if swapped else (claims_a, claims_b)
    low_r = [t.lower() for _, t in rows]
    low_c = [t.lower() for _, t in cols]
    exact: dict[tuple[int, int], int] = {}

    def ratio(i: int, j: int) -> int:
        # fuzzywuzzy's ratio: equal texts 100, an empty one 0, else difflib's, rounded.
        key = (i, j)
        if key not in exact:
            s, t = low_r[i], low_c[j]
            if s == t:
                exact[key] = 100
            elif not s or not t:
                exact[key] = 0
            else:
                exact[key] = int(round(100 * SequenceMatcher(None, s, t).ratio()))
        return exact[key]

    # An upper bound of every pair's value at once: difflib's matches are a common
    # subsequence, so its ratio is at most the longest common subsequence's (rapidfuzz's
    # ratio, computed in C++); whole percentages, one added against rounding.
    upper = process.cdist(low_r, low_c, scorer=fuzz.ratio, dtype=np.float64, workers=1)
    bound = np.minimum(np.floor(upper) + 1, 100).astype(np.int16)
    bound[upper == 0] = 0  # no character in common: 0 exactly
    del upper

    def any_similar(candidates) -> bool:
        return any(ratio(i, j) for i, j in candidates)

    made: list[tuple[str | None, str | None]] = []
    for j in range(len(cols)):
        order = np.argsort(-bound[:, j], kind="stable")
        if not any_similar((int(i), j) for i in order if bound[i, j]):
            made.append((None, cols[j][0]))
    left = list(range(len(rows)))
    for i in range(len(rows)):
        order = np.argsort(-bound[i, :], kind="stable")
        if not any_similar((i, int(j)) for j in order if bound[i, j]):
            left.remove(i)
            made.append((rows[i][0], None))
    # The reference scans the whole matrix for its largest value each round; the same pair
    # is found by walking the pairs in order of their bounds (the largest first, then row
    # order) and taking an exact value once no pair not yet computed could be larger, or
    # as large and earlier in row order.
    flat = bound.ravel()
    width = len(cols)
    order = np.lexsort((np.arange(flat.size), -flat))
    taken_rows: set[int] = set()
    taken_cols: set[int] = set()
    heap: list[tuple[int, int, int]] = []
    rounds, k = 0, 0
    while rounds < len(cols):
        while k < order.size:
            while heap and (heap[0][1] in taken_rows or heap[0][2] in taken_cols):
                heapq.heappop(heap)  # a pair whose row or column was taken since
            cell = int(order[k])
            i, j = divmod(cell, width)
            if i in taken_rows or j in taken_cols:
                k += 1
                continue
            if heap and (-heap[0][0], -heap[0][1], -heap[0][2]) >= (int(flat[cell]), -i, -j):
                break  # the best computed pair beats every pair not yet computed
            heapq.heappush(heap, (-ratio(i, j), i, j))
            k += 1
        while heap and (heap[0][1] in taken_rows or heap[0][2] in taken_cols):
            heapq.heappop(heap)
        if not heap:
            break
        value, i, j = heapq.heappop(heap)
        if value == 0:
            break  # nothing similar is left (the reference's matrix is all zeros)
        rounds += 1
        taken_rows.add(i)
        taken_cols.add(j)
        made.append((rows[i][0], cols[j][0]))
        left.remove(i)
    made += [(rows[i][0], None) for i in left]
    return [(y, x) for x, y in made] if swapped else made


def _reference_agreement(matrix: list[list[int]]) -> Agreement:
    """pycm's kappa, macro F1 and mean per-class accuracy of a square matrix (rows: A),
    with the reference's fallbacks where pycm leaves them undefined."""
    cm = _confusion(matrix={i: dict(enumerate(row)) for i, row in enumerate(matrix)})
    kappa, f1 = _kappa_f1(cm)
    accuracies = [_number_or(v, 1.0) for v in cm.ACC.values()]
    names = ["agree", "disagree"]
    return Agreement(kappa=kappa, f1=f1, accuracy=sum(accuracies) / len(accuracies),
                     n=sum(map(sum, matrix)),
                     matrix={names[i]: {names[j]: n for j, n in enumerate(row)}
                             for i, row in enumerate(matrix)})  # fmt: skip


def _f1(found: int, of_key: int, of_answer: int) -> dict[str, float | None]:
    recall = found / of_key if of_key else 1.0
    precision = found / of_answer if of_answer else (1.0 if not of_key else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": _r(precision), "recall": _r(recall), "f1": _r(f1)}


#: Letter grades by score (percent, at least): the mean of the claims' F1 and the links'
#: F1, each counting a claim found through a merge as found.
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))


def grade(result: Comparison) -> Grade:
    """Map B graded against map A, the key: its claims found (paired with the key's, a
    merge included), missed (the key's left unpaired) and extra (B's left unpaired), its
    links drawn as the key draws them (between the claims as paired); the score is the
    mean of the two F1s, in percent, with a letter (:data:`GRADES`)."""
    found_a = list(dict.fromkeys(p.a for p in result.pairs))
    found_b = set(p.b for p in result.pairs)
    merged = list(dict.fromkeys(x for group_a, _ in result.merges() for x in group_a))
    # Recall over the key's claims, precision over B's: a merge finds several on one side.
    recall = _f1(len(found_a), len(found_a) + len(result.only_a), len(found_a))["recall"]
    precision = _f1(len(found_b), len(found_b), len(found_b) + len(result.only_b))["precision"]
    f1 = 2 * recall * precision / (recall + precision) if recall and precision else 0.0
    claims = {"precision": precision, "recall": recall, "f1": _r(f1)}
    links = _f1(result.links.get("same", 0), result.links.get("a", 0), result.links.get("b", 0))
    score = round(50 * ((claims["f1"] or 0) + (links["f1"] or 0)), 1)
    letter = next(g for floor, g in GRADES if score >= floor)
    return Grade(
        score=score,
        letter=letter,
        claims=Scores(**claims),
        links=Scores(**links),
        found=found_a,
        merged=merged,
        missed=result.only_a,
        extra=result.only_b,
    )

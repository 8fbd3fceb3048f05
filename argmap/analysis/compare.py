"""How far two maps of the same text agree: claims aligned, then the field's measures.

:func:`align` pairs the claims of map A with those of map B, one to one: first the pairs a
person fixed (``given``), then by what each claim quotes (the overlap of their spans in a
source text both maps quote: half its share of the shorter span, half its share of the two
together), then by text
similarity (rapidfuzz's token-sort ratio, 0-1). A pair is kept at :data:`THRESHOLD` or
more, the best first.

:func:`compare` measures agreement over the alignment:

- **kinds**: the kinds of aligned claims (conclusion, claim, evidence...) as a confusion
  matrix;
- **relations**: for every ordered pair of claims that either map links, the relation each
  map draws (support, attack, undercut, none), claims left unaligned counting as claims of
  their own, as a confusion matrix; the matrices' Cohen's kappa, macro F1 and accuracy
  are pycm's, as ARG-tech's reference implementation of CASS computes them;
- **segmentation**, where both maps quote one source text: the share of its words each
  marks as argument, and Fournier's segmentation similarity S and boundary similarity B
  (segeval) of the two segmentations the quotes' boundaries make;
- **CASS** (Duthie et al. 2016): ``2·M·S / (M + S)``, M the mean of the kappas above, S the
  segmentation similarity; the dialogical parts of the reference (locutions, illocutions,
  transitions) have nothing to compare in a map of one text, so M holds the propositional
  parts only;
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
    (0.0, ['other polarity'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "THRESHOLD",
    "Pair",
    "Agreement",
    "Comparison",
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


@dataclass(frozen=True)
class Pair:
    """Claim ``a`` of map A paired with claim ``b`` of map B: how alike (0-1), and by what
    (``quote``, ``text``, or ``given``: fixed by a person)."""

    a: str
    b: str
    similarity: float
    method: str


@dataclass(frozen=True)
class Agreement:
    """Agreement between two labelings of the same items: Cohen's kappa, macro F1 and
    accuracy (pycm's), over ``n`` items; the confusion matrix as ``{A: {B: count}}``."""

    kappa: float
    f1: float
    accuracy: float
    n: int
    matrix: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {"kappa": _r(self.kappa), "f1": _r(self.f1), "accuracy": _r(self.accuracy),
                "n": self.n, "matrix": self.matrix}  # fmt: skip


@dataclass(frozen=True)
class LinkDifference:
    """A link one map draws and the other draws otherwise: ``kind`` is ``reversed``,
    ``other polarity``, ``other relation``, ``only A`` or ``only B``; ``a`` and ``b`` say
    the link in each map's ids (``source relation target``), None where it has none."""

    kind: str
    a: str | None
    b: str | None


@dataclass
class Comparison:
    """What :func:`compare` finds (see the module's description)."""

    name_a: str
    name_b: str
    pairs: list[Pair]
    only_a: list[str]
    only_b: list[str]
    kinds: Agreement | None
    relations: Agreement | None
    link_differences: list[LinkDifference]
    segmentation: dict[str, Any] | None
    cass: dict[str, Any]
    conclusions: dict[str, Any]
    labels: dict[str, Any]
    texts_a: dict[str, str] = field(default_factory=dict)
    texts_b: dict[str, str] = field(default_factory=dict)
    #: Links each map draws (between any claims), and those both draw alike.
    links: dict[str, int] = field(default_factory=dict)
    #: The propositional-relations matrix as ARG-tech's reference computes it
    #: (:func:`reference_relations`).
    reference: Agreement | None = None

    def doubtful(self) -> list[Pair]:
        """Pairs made on a similarity below :data:`DOUBTFUL`, for a person to check."""
        return [p for p in self.pairs if p.method != "given" and p.similarity < DOUBTFUL]

    def to_data(self) -> dict[str, Any]:
        return {
            "a": self.name_a,
            "b": self.name_b,
            "aligned": len(self.pairs),
            "claims": {
                "a": len(self.pairs) + len(self.only_a),
                "b": len(self.pairs) + len(self.only_b),
            },  # fmt: skip
            "pairs": [
                {"a": p.a, "b": p.b, "similarity": _r(p.similarity), "method": p.method}
                for p in self.pairs
            ],  # fmt: skip
            "only_a": self.only_a,
            "only_b": self.only_b,
            "kinds": self.kinds.to_dict() if self.kinds else None,
            "relations": self.relations.to_dict() if self.relations else None,
            "link_differences": [
                {"kind": d.kind, "a": d.a, "b": d.b} for d in self.link_differences
            ],  # fmt: skip
            "segmentation": self.segmentation,
            "cass": self.cass,
            "conclusions": self.conclusions,
            "labels": self.labels,
            "links": self.links,
            "reference_relations": self.reference.to_dict() if self.reference else None,
        }

    def ids(self) -> list[str]:
        """The claims of A left unpaired, then those of B (as ``B:ID``)."""
        return [*self.only_a, *(f"B:{i}" for i in self.only_b)]


def _r(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def align(
    a: Any,
    b: Any,
    *,
    spans_a: dict[str, Span] | None = None,
    spans_b: dict[str, Span] | None = None,
    given: list[tuple[str, str]] = (),
    threshold: float = THRESHOLD,
) -> list[Pair]:
    """Pair the claims of documents ``a`` and ``b`` one to one (see the module's
    description); ``spans_*`` say where each claim's quote stands, ``given`` the pairs a
    person fixed. Pairs come in the order of A's claims."""
    from rapidfuzz import fuzz, process, utils

    claims_a = {c.id: c for c in a.model.claims}
    claims_b = {c.id: c for c in b.model.claims}
    pairs: dict[str, Pair] = {}
    taken_b: set[str] = set()
    for x, y in given:
        if x in claims_a and y in claims_b and x not in pairs and y not in taken_b:
            pairs[x] = Pair(x, y, 1.0, "given")
            taken_b.add(y)
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
    if rest_a and rest_b:
        scores = process.cdist(
            [claims_a[x].text for x in rest_a],
            [claims_b[y].text for y in rest_b],
            scorer=fuzz.token_sort_ratio,
            processor=utils.default_process,
            score_cutoff=threshold * 100,
            workers=-1,
        )
        for i, j in zip(*scores.nonzero(), strict=True):
            x, y = rest_a[i], rest_b[j]
            if x in spans_a and y in spans_b and spans_a[x][0] == spans_b[y][0]:
                continue  # both quote the same text, in different places: not one claim
            candidates.append((scores[i, j] / 100, 0, x, y, "text"))
    # What the claims quote first, then their wording; the most alike first in each.
    candidates.sort(key=lambda t: (-t[1], -t[0], t[2], t[3]))
    for share, _, x, y, method in candidates:
        if share < threshold or x in pairs or y in taken_b:
            continue
        pairs[x] = Pair(x, y, share, method)
        taken_b.add(y)
    return [pairs[x] for x in claims_a if x in pairs]


def _agreement(actual: list[str], predicted: list[str]) -> Agreement | None:
    """pycm's kappa, macro F1 and overall accuracy of two labelings (None: no items).
    Where pycm leaves one undefined (one class only, as when all agree on one kind), the
    reference's fallbacks apply: kappa without prevalence, F1 1."""
    if not actual:
        return None
    cm = _confusion(actual_vector=list(actual), predict_vector=list(predicted))
    kappa, f1 = _kappa_f1(cm)
    matrix = {str(k): {str(j): int(n) for j, n in row.items()} for k, row in cm.table.items()}
    return Agreement(kappa, f1, float(cm.Overall_ACC), len(actual), matrix)


def _confusion(**given: Any) -> Any:
    """pycm's confusion matrix of ``given`` (its own keywords), its warnings kept quiet."""
    import contextlib
    import io

    from pycm import ConfusionMatrix

    with contextlib.redirect_stdout(io.StringIO()):  # pycm may print a warning
        return ConfusionMatrix(**given)


def _number(x: Any, fallback: float | None = None) -> float | None:
    """A measure pycm gives, or ``fallback`` where it gives none ("None", NaN)."""
    import math

    return x if isinstance(x, (int, float)) and not math.isnan(x) else fallback


def _kappa_f1(cm: Any) -> tuple[float, float]:
    """Cohen's kappa and macro F1, with the reference's fallbacks where pycm leaves them
    undefined (one class only): kappa without prevalence (0 if that too is undefined),
    F1 1."""
    kappa = _number(cm.Kappa)
    if kappa is None:
        kappa = _number(cm.KappaNoPrevalence, 0.0)
    return kappa, _number(cm.F1_Macro, 1.0)


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

    cuts = set()
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
    parts = []
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
    to_b = {p.a: p.b for p in pairs}
    to_a = {p.b: p.a for p in pairs}
    ids_a = [c.id for c in a.model.claims]
    ids_b = [c.id for c in b.model.claims]
    kinds = _agreement(
        [Ga.nodes[p.a]["claim"].kind.value for p in pairs],
        [Gb.nodes[p.b]["claim"].kind.value for p in pairs],
    )
    # Relations in one space: A's ids, B's claims named by their partner in A (or B:ID).
    rel_a = _relations(Ga)
    rel_b = {(to_a.get(u, f"B:{u}"), to_a.get(v, f"B:{v}")): k
             for (u, v), k in _relations(Gb).items()}  # fmt: skip
    keys = sorted(set(rel_a) | set(rel_b))
    relations = _agreement([rel_a.get(k, "none") for k in keys],
                           [rel_b.get(k, "none") for k in keys])  # fmt: skip

    def b_name(x: str) -> str:
        return x[2:] if x.startswith("B:") else to_b.get(x, x)

    differences = []
    seen: set[tuple[str, str]] = set()
    for u, v in keys:
        if (u, v) in seen:
            continue
        ka, kb = rel_a.get((u, v)), rel_b.get((u, v))
        if ka == kb:
            continue
        in_a = f"{u} {ka} {v}" if ka else None
        in_b = f"{b_name(u)} {kb} {b_name(v)}" if kb else None
        back = rel_b.get((v, u)) if ka else None
        if ka and kb is None and back is not None:
            seen.add((v, u))
            differences.append(LinkDifference("reversed", in_a,
                                              f"{b_name(v)} {back} {b_name(u)}"))  # fmt: skip
        elif ka and kb:
            polar = {ka, kb} & {"support"} and ({ka, kb} - {"support"})
            differences.append(LinkDifference("other polarity" if polar else "other relation",
                                              in_a, in_b))  # fmt: skip
        elif ka:
            differences.append(LinkDifference("only A", in_a, None))
        else:
            differences.append(LinkDifference("only B", None, in_b))
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
    else:
        value = 2 * m * s / (m + s) if (m + s) else 0.0
        cass = {"CASS": _r(value), "M": _r(m), "S": _r(s)}
    conc_a, conc_b = set(conclusions(Ga)), set(conclusions(Gb))
    found = sorted(c for c in conc_a if to_b.get(c) in conc_b)
    labels_a, labels_b = evaluate(Ga).labels, evaluate(Gb).labels
    same = [p for p in pairs if labels_a.get(p.a) == labels_b.get(p.b)]
    return Comparison(
        a.name, b.name, pairs,
        [x for x in ids_a if x not in to_b], [y for y in ids_b if y not in to_a],
        kinds, relations, differences, segmentation, cass,
        {"a": len(conc_a), "b": len(conc_b), "shared": found,
         "agreement": _r(2 * len(found) / (len(conc_a) + len(conc_b)))
         if conc_a or conc_b else None},
        {"same": len(same), "of": len(pairs),
         "agreement": _r(len(same) / len(pairs)) if pairs else None,
         "differ": [{"a": p.a, "b": p.b, "label_a": labels_a.get(p.a),
                     "label_b": labels_b.get(p.b)} for p in pairs if p not in same]},
        {c.id: c.text for c in a.model.claims}, {c.id: c.text for c in b.model.claims},
        {"a": len(rel_a), "b": len(rel_b),
         "same": sum(1 for k, v in rel_a.items() if rel_b.get(k) == v)},
        reference_relations(a, b, Ga, Gb),
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

    made: list[tuple[str | None, str | None]] = []
    for j in range(len(cols)):
        if not any(ratio(i, j) for i in range(len(rows))):
            made.append((None, cols[j][0]))
    left = list(range(len(rows)))
    for i in range(len(rows)):
        if not any(ratio(i, j) for j in range(len(cols))):
            left.remove(i)
            made.append((rows[i][0], None))
    # The reference scans the whole matrix for its largest value each round; the same pair
    # is found by refining upper bounds (difflib's quick ratios) only as far as needed: a
    # heap of (-bound, row, column, how exact) pops a pair once its value is exact and no
    # other pair could be larger, or as large and earlier in row order.
    heap = []
    for i, s in enumerate(low_r):
        for j, t in enumerate(low_c):
            if (i, j) in exact or s == t:
                heap.append((-ratio(i, j), i, j, 2))
            else:
                bound = 2 * min(len(s), len(t)) / ((len(s) + len(t)) or 1)
                heap.append((-int(round(100 * bound)), i, j, 0))
    heapq.heapify(heap)
    taken_rows: set[int] = set()
    taken_cols: set[int] = set()
    rounds = 0
    while heap and rounds < len(cols):
        value, i, j, level = heapq.heappop(heap)
        if i in taken_rows or j in taken_cols:
            continue
        if level == 0:
            bound = SequenceMatcher(None, low_r[i], low_c[j]).quick_ratio()
            heapq.heappush(heap, (-int(round(100 * bound)), i, j, 1))
            continue
        if level == 1:
            heapq.heappush(heap, (-ratio(i, j), i, j, 2))
            continue
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
    accuracies = [_number(v, 1.0) for v in cm.ACC.values()]
    names = ["agree", "disagree"]
    return Agreement(kappa, f1, sum(accuracies) / len(accuracies), sum(map(sum, matrix)),
                     {names[i]: {names[j]: n for j, n in enumerate(row)}
                      for i, row in enumerate(matrix)})  # fmt: skip


def _f1(found: int, of_key: int, of_answer: int) -> dict[str, float | None]:
    recall = found / of_key if of_key else 1.0
    precision = found / of_answer if of_answer else (1.0 if not of_key else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": _r(precision), "recall": _r(recall), "f1": _r(f1)}


#: Letter grades by score (percent, at least).
GRADES = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))


def grade(result: Comparison) -> dict[str, Any]:
    """Map B graded against map A, the key: its claims found (paired with the key's),
    missed (the key's left unpaired) and extra (B's left unpaired), its links drawn as the
    key draws them; the score is the mean of the two F1s, in percent, with a letter
    (:data:`GRADES`)."""
    claims = _f1(len(result.pairs), len(result.pairs) + len(result.only_a),
                 len(result.pairs) + len(result.only_b))  # fmt: skip
    links = _f1(result.links.get("same", 0), result.links.get("a", 0), result.links.get("b", 0))
    score = round(50 * ((claims["f1"] or 0) + (links["f1"] or 0)), 1)
    letter = next(g for floor, g in GRADES if score >= floor)
    return {"score": score, "letter": letter, "claims": claims, "links": links,
            "found": [p.a for p in result.pairs], "missed": result.only_a,
            "extra": result.only_b}  # fmt: skip

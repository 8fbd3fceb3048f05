"""Carneades 4 example graphs with hand-asserted labels (CAES, grounded), imported and
evaluated by argmap. Where argmap differs, it does so on purpose, for the reasons below."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT

from argmap.errors import MapError
from argmap.formats import carneades
from argmap.graph import build_graph
from argmap.semantics.evaluate import evaluate

CORPUS = ROOT.parent / "shared" / "corpora" / "carneades-yaml"
FILES = sorted(CORPUS.glob("*.yml"))
pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpora/carneades-yaml is absent")

# Same labels as Carneades.
AGREE = {
    "dung-attack-cycle",
    "dung-reinstatement",
    "frisian",
    "jogging2",
    "linked-convergent",
    "pollock-red-light",
    "prakken-sartor-murder",
    "sherlock",
    "snake",
    "tandem",
    "toulmin",
    "trivial",
    "tweety",
    "unreliable-witness",
    "unsupported",
    "vacation",
}
# Different on purpose:
# - rival positions of an issue that both have an applicable argument: Carneades weighs
#   them under the proof standard (a tie proves neither: both out; weights and
#   "factorized" schemes can make one win); argmap reads rival positions as attacking each
#   other, a standoff that grounded semantics leaves undecided;
# - assumptions that contradict each other (paraconsistency): Carneades keeps both in;
# - "cumulative" arguments, which apply with some premises missing: argmap reads every
#   argument's premises as linked.
DIFFER_ON_PURPOSE = {
    "bachelor": "tied rival positions",
    "caminada1": "tied rival positions",
    "jogging": "positions weighed by argument weight",
    "library": "positions weighed by argument weight",
    "reinstatement": "factorized scheme weighs the rival positions",
    "risky-operation": "positions weighed by argument weight",
    "paraconsistency": "contradicting assumptions",
    "mandatory-sentences": "cumulative scheme",
}
# Refused with a clear message: rule languages and schemes argmap does not evaluate.
REFUSED = {
    "abduction",
    "basic_event_calculus",
    "chr-leq",
    "constant_weight",
    "defeasible-modus-ponens",
    "empty",
    "family-law",
    "family-law2",
    "lex",
    "mcda-porsche",
    "rebuttal",
    "self-defeat",
    "walton",
}
# Import, but argmap's validation rejects them: circular support, or a claim that both
# supports and attacks another, is an error in a map.
CIRCULAR = {"even-loop", "odd-loop", "independent-support-loop", "support-loop", "unsupported2"}


def expected(path):
    tests = yaml.safe_load(path.read_text(encoding="utf-8")).get("tests") or {}
    out = {}
    for label, key in (("in", "in"), ("out", "out"), ("undec", "undecided")):
        for s in tests.get(key) or []:
            out[carneades.slug(s)] = label
    return out


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_carneades_example(path):
    text = path.read_text(encoding="utf-8")
    if path.stem in REFUSED:
        with pytest.raises(MapError, match="does not evaluate|no 'statements'"):
            carneades.parse(text, str(path))
        return
    model = carneades.parse(text, str(path))
    if path.stem in CIRCULAR:
        with pytest.raises(MapError):
            _validate(model)
        return
    labels = evaluate(build_graph(model)).labels
    want = expected(path)
    differences = {k: (v, labels.get(k)) for k, v in want.items() if labels.get(k) != v}
    if path.stem in DIFFER_ON_PURPOSE:
        assert differences, f"{path.stem} now agrees with Carneades: move it to AGREE"
    else:
        assert path.stem in AGREE or not want
        assert differences == {}


def _validate(model):
    from argmap.analysis.validate import validate
    from argmap.errors import MapError
    from argmap.model.document import Document

    errors = [d for d in validate(Document(model)) if d.severity == "error"]
    if errors:
        raise MapError(errors)


def test_every_corpus_file_is_classified():
    known = AGREE | set(DIFFER_ON_PURPOSE) | REFUSED | CIRCULAR | {"legalization-of-marijuana"}
    assert {p.stem for p in FILES} == known


def test_an_alias_bomb_is_refused_not_expanded(yaml_builds):
    from argmap.errors import MapError
    from argmap.formats import carneades

    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev = "a" if i == 1 else "b" * (i - 1)
        bomb += f"{'b' * i}: &{'b' * i} [{', '.join(['*' + prev] * 10)}]\n"
    with pytest.raises(MapError) as caught:
        carneades.parse(bomb, "g.yml")
    assert caught.value.diagnostics[0].code == "too_large"
    assert yaml_builds[0] <= 10_001  # stopped at the budget, of 10^9 values

"""Dung semantics against stored ICCMA solutions and a brute-force enumerator; argmap's
reading of support on small worked examples."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED
from hypothesis import given, settings
from strategies import frameworks as random_frameworks

from argmap.formats import iccma
from argmap.formats.native import loads
from argmap.graph import build_graph
from argmap.operations.loading import read_map
from argmap.semantics.dung import extensions, grounded, labels_from_extensions
from argmap.semantics.evaluate import changes, critical, evaluate, evaluate_framework
from argmap.semantics.framework import Framework

CORPUS = ROOT.parent / "shared" / "corpora" / "iccma"
SOLVED = sorted((CORPUS / "asgl-small-with-solutions").glob("*.apx")) + sorted(
    (CORPUS / "probo-examples-with-solutions").glob("*.apx")
)
CODES = {"grounded": "GR", "complete": "CO", "preferred": "PR", "stable": "ST"}


def solution(apx: Path, semantics: str) -> list[list[str]]:
    code = CODES[semantics]
    path = apx.with_suffix(f".EE-{code}")
    if not path.exists():
        path = apx.parent / "solutions" / f"{apx.name}.EE-{code}"
    text = path.read_text().strip()
    exts = re.findall(r"\[([^\[\]]*)\]", text[1:-1]) if text != "[]" else []
    return sorted(sorted(a.strip() for a in e.split(",") if a.strip()) for e in exts)


@pytest.mark.skipif(not SOLVED, reason="../shared/corpora/iccma is not present")
@pytest.mark.parametrize("semantics", list(CODES))
@pytest.mark.parametrize("apx", SOLVED, ids=lambda p: p.stem)
def test_iccma_solutions(apx, semantics):
    F = iccma.parse_apx(apx.read_text(), str(apx))
    assert evaluate_framework(F, semantics=semantics).extensions == solution(apx, semantics)


@pytest.mark.skipif(not SOLVED, reason="../shared/corpora/iccma is not present")
@pytest.mark.parametrize("name", ["ex1", "ex2", "ex3"])
def test_the_three_syntaxes_of_one_framework_agree(name):
    folder = CORPUS / "probo-examples-with-solutions"
    apx = iccma.parse_apx((folder / f"{name}.apx").read_text())
    tgf = iccma.parse_tgf((folder / f"{name}.tgf").read_text())
    assert sorted(apx.attack_pairs()) == sorted(tgf.attack_pairs())
    assert sorted(apx.names) == sorted(tgf.names)


# --- brute force -------------------------------------------------------------------------


def brute_force(F: Framework) -> dict[str, list[list[int]]]:
    """Every subset: conflict-free + defended = admissible; complete; grounded = least
    complete; preferred = maximal complete; stable = attacks everything outside."""
    n = F.n
    att = set(F.attacks)

    def conflict_free(S):
        return not any((a, b) in att for a in S for b in S)

    def defends(S, x):
        return all(any((d, a) in att for d in S) for a in F.attackers[x])

    complete = []
    for r in range(n + 1):
        for S in itertools.combinations(range(n), r):
            S = set(S)
            if not conflict_free(S) or not all(defends(S, x) for x in S):
                continue
            if all(x in S for x in range(n) if defends(S, x)):
                complete.append(S)
    grounded_ext = min(complete, key=len)
    preferred = [S for S in complete if not any(S < T for T in complete)]
    stable = [
        S for S in complete if all(any((a, x) in att for a in S) for x in range(n) if x not in S)
    ]
    as_lists = lambda sets: sorted(sorted(s) for s in sets)  # noqa: E731
    return {
        "grounded": [sorted(grounded_ext)],
        "complete": as_lists(complete),
        "preferred": as_lists(preferred),
        "stable": as_lists(stable),
    }


def assert_encoding_agrees_with_brute_force(G):
    """A map's framework gives, under every semantics, what brute force finds."""
    from argmap.semantics.bipolar import encode

    F = encode(G).framework
    for semantics, exts in brute_force(F).items():
        assert extensions(F, semantics) == exts, semantics


frameworks = random_frameworks(max_arguments=10, max_attacks=25)


@settings(max_examples=120, deadline=None)
@given(frameworks)
def test_semantics_agree_with_brute_force(F):
    expected = brute_force(F)
    for semantics, exts in expected.items():
        assert extensions(F, semantics) == exts, semantics


@settings(max_examples=120, deadline=None)
@given(frameworks)
def test_grounded_labelling_is_sound_and_its_rounds_explain_it(F):
    g = grounded(F)
    for x in range(F.n):
        attackers = F.attackers[x]
        if g.labels[x] == "in":
            assert all(g.labels[a] == "out" and g.rounds[a] < g.rounds[x] for a in attackers)
        elif g.labels[x] == "out":
            assert any(g.labels[a] == "in" and g.rounds[a] < g.rounds[x] for a in attackers)
        else:
            assert not any(g.labels[a] == "in" for a in attackers)
            assert any(g.labels[a] == "undec" for a in attackers)


def test_acceptance_labels():
    F = Framework.from_pairs("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    exts = extensions(F, "preferred")
    assert exts == [[0, 2], [1]]
    assert labels_from_extensions(F, exts, acceptance="sceptical") == ["undec"] * 3
    assert labels_from_extensions(F, exts, acceptance="credulous") == ["in"] * 3
    no_stable = Framework.from_pairs("a", [("a", "a")])
    assert extensions(no_stable, "stable") == []
    assert labels_from_extensions(no_stable, [], acceptance="sceptical") == ["undec"]


# --- the reading of support --------------------------------------------------------------


def labels(text, **kw):
    return evaluate(build_graph(loads("title: t\nclaims:\n" + text)), **kw).labels


def test_one_refuted_reason_does_not_topple_a_claim_with_another():
    got = labels(
        "  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: q, text: Q, supports: [c]}\n  - {id: o, text: O, attacks: [p]}\n"
    )
    assert got == {"c": "in", "p": "out", "q": "in", "o": "in"}


def test_a_claim_falls_when_all_its_reasons_fall():
    got = labels(
        "  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: o, text: O, attacks: [p]}\n"
    )
    assert got == {"c": "out", "p": "out", "o": "in"}


def test_a_linked_group_needs_every_premise():
    text = (
        "  - {id: c, text: C}\n  - {id: p, text: P}\n  - {id: q, text: Q}\n"
        "  - {id: o, text: O, attacks: [q]}\nlinks:\n"
        "  - {source: p, target: c, group: g}\n  - {source: q, target: c, group: g}\n"
    )
    assert labels(text) == {"c": "out", "p": "in", "q": "out", "o": "in"}


def test_an_undercut_stops_the_support_not_the_premise():
    got = labels(
        "  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: u, text: U, undercuts: [p.support.c]}\n"
    )
    assert got == {"c": "out", "p": "in", "u": "in"}


def test_reinstatement_and_cycles():
    assert labels(
        "  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [c]}\n"
        "  - {id: c, text: C}\n"
    ) == {"a": "in", "b": "out", "c": "in"}
    assert labels("  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [a]}\n") == {
        "a": "undec",
        "b": "undec",
    }
    cycle = "  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [a]}\n"
    preferred = evaluate(build_graph(loads("title: t\nclaims:\n" + cycle)), semantics="preferred")
    assert preferred.extensions == [["a"], ["b"]]


def test_retract_and_assume():
    text = (
        "  - {id: c, text: C, kind: conclusion}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: o, text: O, attacks: [c]}\n  - {id: r, text: R, attacks: [o]}\n"
    )
    G = build_graph(loads("title: t\nclaims:\n" + text))
    before = evaluate(G)
    assert before.labels["c"] == "in"
    after = evaluate(G, retract=["r"])
    assert [(ch.id, ch.before, ch.after) for ch in changes(before, after)] == [
        ("c", "in", "out"),
        ("o", "out", "in"),
        ("r", "in", None),
    ]
    # Retracting a claim's only reason leaves it with nothing to stand on.
    assert evaluate(G, retract=["p"]).labels["c"] == "out"
    # Taking the objection as given beats the reply.
    assert evaluate(G, assume=["o"]).labels == {"c": "out", "p": "in", "o": "in", "r": "in"}


def test_shipped_map_says_what_the_essay_says():
    doc = read_map(SHIPPED)
    G = build_graph(doc)
    labels = evaluate(G).labels
    # The conclusions stand; the essay's central question stays open ("The coming months
    # will tell"): a renewed China focus and a retrenchment from Asia are rival readings.
    assert [labels[c] for c in ("hedge", "plan-for-america-first", "deepen-ties")] == ["in"] * 3
    assert (labels["china-focus"], labels["retrenchment-risk"]) == ("undec", "undec")
    # What the essay asserts or concedes stands; the inferences it rejects do not.
    assert labels["nk-engagement-risk"] == "in"
    assert (labels["biden-normalcy"], labels["return-to-equilibrium"]) == ("in", "out")
    assert (labels["first-term-failure"], labels["caution-after-failure"]) == ("in", "out")
    # None of the essay's three final conclusions hangs on a step the mapper added: each
    # single point of failure is a claim the essay states (it carries a quote).
    stated = {c.id for c in doc.model.claims if c.quote}
    reconstructed = {c.id for c in doc.model.claims if c.reconstructed}
    assert len(reconstructed) == 8 and not reconstructed & stated
    crit = critical(G)
    assert crit["hedge"] == crit["deepen-ties"] == []  # several independent reasons
    assert [k.id for k in crit["plan-for-america-first"]] == ["irreversible-since-2016"]
    finals = ("hedge", "plan-for-america-first", "deepen-ties")
    assert all(k.id in stated for c in finals for k in crit[c])
    # No conclusion the essay states rests on a step the mapper added: retracting any
    # reconstructed claim leaves every stated conclusion's label as it is.
    conclusions = [c.id for c in doc.model.claims if c.kind.value == "conclusion" and c.quote]
    assert {"manage-the-us", "defence-self-sufficiency"} <= set(conclusions)
    for added in sorted(reconstructed):
        after = evaluate(G, retract=[added]).labels
        assert [after[c] for c in conclusions] == [labels[c] for c in conclusions], added
    # Every claim a stated conclusion's label hangs on alone is one the essay states.
    assert all(k.id in stated for c in conclusions if c in crit for k in crit[c])
    # Both halves of the hedge bear on ¶13's two steps.
    assert crit["defence-self-sufficiency"] == []  # the 2022 strategy, and preparing
    assert crit["manage-the-us"] == []  # focusing on what Japan controls, and investing


def test_an_undercut_attack_no_longer_defeats_its_target():
    text = (
        "  - {id: c, text: C}\n  - {id: o, text: O, attacks: [c]}\n"
        "  - {id: u, text: U, undercuts: [o.attack.c]}\n"
    )
    assert labels(text) == {"c": "in", "o": "in", "u": "in"}
    # Without the undercut the attack stands; with the undercut itself attacked, again.
    assert labels(text, retract=["u"])["c"] == "out"
    assert labels(text + "  - {id: r, text: R, attacks: [u]}\n")["c"] == "out"


def test_undercut_attacks_agree_with_brute_force():
    text = (
        "  - {id: a, text: A, attacks: [b]}\n  - {id: b, text: B, attacks: [a]}\n"
        "  - {id: u, text: U, undercuts: [a.attack.b]}\n  - {id: v, text: V, attacks: [u]}\n"
        "  - {id: w, text: W, attacks: [v]}\n"
    )
    G = build_graph(loads("title: t\nclaims:\n" + text))
    assert_encoding_agrees_with_brute_force(G)
    # w defeats v, so u stands and stops a's attack; b's attack on a then wins.
    assert evaluate(G).labels == {"a": "out", "b": "in", "u": "in", "v": "out", "w": "in"}


def test_an_undercut_of_an_undercut_reinstates_the_support():
    text = (
        "  - {id: c, text: C}\n  - {id: p, text: P, supports: [c]}\n"
        "  - {id: u, text: U, undercuts: [p.support.c]}\n"
        "  - {id: w, text: W, undercuts: [u.undercut.p.support.c]}\n"
    )
    assert labels(text) == {"c": "in", "p": "in", "u": "in", "w": "in"}
    assert labels(text, retract=["w"])["c"] == "out"
    G = build_graph(loads("title: t\nclaims:\n" + text))
    assert_encoding_agrees_with_brute_force(G)

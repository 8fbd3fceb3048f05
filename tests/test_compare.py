"""argmap compare: two maps of one text, claims paired by what they quote and by wording,
agreement measured (pycm's kappa, F1 and accuracy; segeval's S; CASS), and the
differences listed as a coach would read them out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CONGESTION, DATA, HARBOUR, HARBOUR_REPLY, MAPS, ROOT, SHIPPED, run

from argmap.analysis.compare import align, compare
from argmap.model import ArgMap
from argmap.model.document import Document
from argmap.operations.loading import read_map

STUDENT = DATA / "harbour-student.yaml"
CORPUS = ROOT.parent / "shared" / "corpora"


def _scores(result) -> tuple:
    return (result.relations.f1, result.relations.accuracy, result.kinds.accuracy,
            len(result.pairs))  # fmt: skip


def _doc(data: dict) -> Document:
    return Document(ArgMap.model_validate(data), "changed.yaml")


def _plain(path: Path) -> dict:
    """A map as data, every link written under links: (so each can be changed alone)."""
    model = read_map(path).model
    data = model.model_dump(mode="json", exclude_none=True)
    links = [lk.model_dump(mode="json", exclude_none=True) for lk in model.all_links()]
    for c in data["claims"]:
        for key in ("supports", "attacks", "undercuts", "answers"):
            c.pop(key, None)
    for lk in links:
        lk.pop("id", None)
    data["links"] = [lk for lk in links if lk.get("kind") != "undercut"]
    data.pop("sources", None)
    for c in data["claims"]:
        for key in ("source", "quote", "locator"):
            c.pop(key, None)
    return data


@pytest.mark.parametrize("path", [HARBOUR, CONGESTION, HARBOUR_REPLY, *MAPS],
                         ids=lambda p: p.name)  # fmt: skip
def test_a_map_against_itself_scores_perfectly(path):
    result = run("compare", path, path, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["only_a"] == data["only_b"] == [] and data["link_differences"] == []
    for part in ("kinds", "relations"):
        assert data[part]["kappa"] == data[part]["f1"] == data[part]["accuracy"] == 1.0
    assert data["labels"]["agreement"] == 1.0 and data["conclusions"]["agreement"] == 1.0
    if data["segmentation"] is not None:
        assert data["segmentation"]["S"] == 1.0 and data["cass"]["CASS"] == 1.0


def test_a_corpus_map_against_itself_scores_perfectly():
    files = sorted((CORPUS / "aif-araucariadb").glob("nodeset1*.json"))[:3]
    if not files:
        pytest.skip("../shared/corpora is not beside the repository")
    for path in files:
        data = json.loads(run("compare", path, path, "-f", "json").stdout)
        assert data["relations"] is None or data["relations"]["kappa"] == 1.0
        assert data["only_a"] == [] and data["link_differences"] == []


def test_scores_fall_as_links_are_removed_one_at_a_time():
    base = _plain(HARBOUR)
    a = _doc(base)
    before = _scores(compare(a, a, align(a, a)))
    for k in range(1, 6):
        changed = {**base, "links": base["links"][k:]}
        b = _doc(changed)
        now = _scores(compare(a, b, align(a, b)))
        assert now[0] < before[0] and now[1] < before[1], (k, now, before)
        before = now


def test_scores_fall_as_relations_are_flipped_one_at_a_time():
    base = _plain(HARBOUR)
    a = _doc(base)
    before = _scores(compare(a, a, align(a, a)))
    links = [dict(lk) for lk in base["links"]]
    flipped = 0
    for k in range(len(links)):
        if links[k].get("kind", "support") != "support" or "group" in links[k]:
            continue
        links[k] = {**links[k], "kind": "attack"}
        flipped += 1
        b = _doc({**base, "links": links})
        result = compare(a, b, align(a, b))
        now = _scores(result)
        assert now[0] < before[0] and now[1] < before[1]
        assert sum(d.kind == "other polarity" for d in result.link_differences) == flipped
        before = now
    assert flipped >= 3


def test_scores_fall_as_claims_are_merged_one_at_a_time():
    base = _plain(HARBOUR)
    a = _doc(base)
    before = _scores(compare(a, a, align(a, a)))
    data = base
    steps = [("cost-figure", "queues-cost"), ("same-cargo", "other-ports"),
             ("vote-predates-pay", "members-voted-against")]  # fmt: skip
    for merged, (gone, into) in enumerate(steps, 1):
        claims = [c for c in data["claims"] if c["id"] != gone]
        for c in claims:
            if c["id"] == into:
                c["text"] = c["text"] + " " + next(x["text"] for x in data["claims"]
                                                   if x["id"] == gone)  # fmt: skip
        links = [{**lk, "source": into if lk["source"] == gone else lk["source"],
                  "target": into if lk["target"] == gone else lk["target"]}
                 for lk in data["links"]]  # fmt: skip
        once = {(lk["source"], lk["target"], lk.get("kind")): lk for lk in links}
        links = [lk for lk in once.values() if lk["source"] != lk["target"]]
        data = {**data, "claims": claims, "links": links}
        b = _doc(data)
        result = compare(a, b, align(a, b))
        now = _scores(result)
        # The claim written into another is read as a merge, not a miss: every claim of A
        # is still paired, one more group is a merge, and no score rises (the links
        # rerouted through the merged claim are the same links between the groups).
        assert len(result.merges()) == merged and not result.only_a, result.merges()
        assert now[0] <= before[0] and now[1] <= before[1] and now[2] <= before[2]
        before = now


def test_two_maps_of_one_text_are_paired_by_what_they_quote():
    data = json.loads(run("compare", HARBOUR, STUDENT, "-f", "json").stdout)
    pairs = {p["a"]: (p["b"], p["method"]) for p in data["pairs"]}
    # A longer quote of the same passage pairs, though the wording differs.
    assert pairs["cost-figure"] == ("waiting-cost", "quote")
    assert pairs["open-at-night"] == ("open-harbour", "quote")
    # Both maps quote one text: segmentation and CASS are measured.
    seg = data["segmentation"]
    assert seg["texts"] == 1 and 0 < seg["S"] < 1 and seg["share_a"] > seg["share_b"]
    cass = data["cass"]
    assert cass["CASS"] == pytest.approx(2 * cass["M"] * cass["S"] / (cass["M"] + cass["S"]),
                                         abs=1e-3)  # fmt: skip


def test_the_report_lists_what_differs_in_words_a_coach_can_read_out():
    out = run("compare", HARBOUR, STUDENT).stdout
    lines = out.splitlines()
    assert lines[0] == f"A: {HARBOUR}" and lines[1] == f"B: {STUDENT}"
    assert "kinds" in out and "relations" in out and "CASS" in out
    only_a = out[out.index("only in A") : out.index("only in B")]
    assert "fund-cranes" in only_a and "The harbour board should fund quieter" in only_a
    assert "queues-expensive" in out[out.index("only in B") :]
    # The student reads the cranes as supporting the objection the op-ed says they answer.
    assert any(line.startswith("other polarity") and "cranes-quieter attack noise-keeps-awake"
               in line and "quiet-cranes support residents-awake" in line
               for line in lines)  # fmt: skip


def test_a_key_grades_the_other_map_and_lists_what_it_missed():
    result = run("compare", HARBOUR, STUDENT, "--key")
    assert result.exit_code == 0
    out = result.stdout
    grade = next(line for line in out.splitlines() if line.startswith("grade: "))
    data = json.loads(run("compare", HARBOUR, STUDENT, "--key", "-f", "json").stdout)["grade"]
    assert grade.startswith(f"grade: {data['letter']} ({data['score']}%)")
    assert "fund-cranes" in data["missed"] and "queues-expensive" in data["extra"]
    missed = out[out.index("missed (") : out.index("extra (")]
    assert "fund-cranes" in missed and "The board should publish its noise" in missed
    # The key against itself: full marks.
    same = json.loads(run("compare", HARBOUR, HARBOUR, "--key", "-f", "json").stdout)["grade"]
    assert (same["letter"], same["score"], same["missed"]) == ("A", 100.0, [])


def test_the_pairing_is_written_then_read_back_with_a_persons_corrections(tmp_path):
    pairing = tmp_path / "pairs.tsv"
    first = run("compare", HARBOUR, STUDENT, "--align", pairing, "-f", "json")
    assert first.exit_code == 0 and "pairs written to" in first.stderr
    rows = pairing.read_text().splitlines()
    assert rows[0] == "a\tb\tsimilarity\tmethod"
    # A person pairs the safety claim with the harbour master's, and drops the rest.
    pairing.write_text("a\tb\nnight-is-safe\tharbour-master\n")
    again = json.loads(run("compare", HARBOUR, STUDENT, "--align", pairing, "-f", "json").stdout)
    given = [p for p in again["pairs"] if p["method"] == "given"]
    assert given == [{"a": "night-is-safe", "b": "harbour-master", "similarity": 1.0,
                      "method": "given"}]  # fmt: skip
    assert "master-says-safe" in again["only_a"]  # its partner went to the person's pair


def test_machine_readable_forms_and_bad_input():
    tsv = run("compare", HARBOUR, STUDENT, "-f", "tsv").stdout.splitlines()
    assert tsv[0].split("\t")[:4] == ["a", "b", "similarity", "method"]
    assert any(row.startswith("cost-figure\twaiting-cost\t") for row in tsv)
    ids = run("compare", HARBOUR, STUDENT, "-f", "ids").stdout.split()
    assert "fund-cranes" in ids and "B:queues-expensive" in ids
    piped = run("compare", "-", HARBOUR, "-f", "json", input=HARBOUR.read_text())
    assert piped.exit_code == 0 and json.loads(piped.stdout)["only_a"] == []
    both_stdin = run("compare", "-", "-", input="")
    assert both_stdin.exit_code == 2 and "at most one map from standard input" in both_stdin.output
    missing = run("compare", HARBOUR, DATA / "no-such.yaml")
    assert missing.exit_code == 2 and "no-such.yaml" in missing.output
    broken = run("compare", HARBOUR, DATA / "bad-dangling-ref.yaml")
    assert broken.exit_code == 1 and "bad-dangling-ref.yaml:" in broken.output


def test_a_bad_pairing_file_is_a_located_usage_error(tmp_path):
    pairing = tmp_path / "pairs.tsv"
    pairing.write_text("a\tb\nfund-cranes\n")
    result = run("compare", HARBOUR, STUDENT, "--align", pairing)
    assert result.exit_code == 2 and f"{pairing}:2:" in result.output
    pairing.write_text("nobody\tharbour-master\n")
    result = run("compare", HARBOUR, STUDENT, "--align", pairing)
    assert result.exit_code == 2 and "nobody" in result.output


# --- the reference implementation's propositional-relations matrix -------------------------


def test_the_reference_relations_of_a_small_case_computed_by_hand():
    """A: c, p supports c, q attacks c. B: c, p supports c. Pairs c-c, p-p, q unpaired:
    c's counts (1 inference, 1 conflict, 0 rephrases) against (1, 0, 0) give two agreements
    and one A-more; p's (0, 0, 0) three agreements; q unpaired one A-more; n = 3 pairs, so
    9 cells: [[5, 0], [2, 2]]. kappa = (7/9 - 43/81) / (1 - 43/81) = 20/38."""
    from argmap.analysis.compare import reference_relations

    a = _small([{"id": "c", "text": "We build it", "kind": "conclusion"},
              {"id": "p", "text": "It pays", "supports": ["c"]},
              {"id": "q", "text": "It floods the valley", "attacks": ["c"]}])  # fmt: skip
    b = _small([{"id": "c2", "text": "We build it", "kind": "conclusion"},
              {"id": "p2", "text": "It pays", "supports": ["c2"]}])  # fmt: skip
    got = reference_relations(a, b)
    assert got.matrix == {"agree": {"agree": 5, "disagree": 0},
                          "disagree": {"agree": 2, "disagree": 2}}  # fmt: skip
    assert got.kappa == pytest.approx(20 / 38)
    assert got.accuracy == pytest.approx(7 / 9)
    # Linked premises are one inference, as one RA node is.
    linked = _small([{"id": "c", "text": "We build it", "kind": "conclusion"},
                   {"id": "p", "text": "It pays"}, {"id": "r", "text": "It is cheap"}],
                    links=[{"source": x, "target": "c", "kind": "support", "group": "g"}
                           for x in ("p", "r")])  # fmt: skip
    single = _small([{"id": "c", "text": "We build it", "kind": "conclusion"},
                   {"id": "p", "text": "It pays", "supports": ["c"]},
                   {"id": "r", "text": "It is cheap"}])  # fmt: skip
    assert reference_relations(linked, single).matrix["agree"]["agree"] == 9


def test_the_reference_relations_agree_with_arg_techs_implementation(tmp_path):
    """ARG-tech's amf-evaluation-metrics, run beside argmap (bench/peers/amf/record.py
    made tests/data/amf-reference.json) on QT30 maps against changed copies of themselves
    and against each other: the propositional-relations matrix, kappa, F1 and accuracy
    agree on every pair whose paired propositions have as many rephrases (MA nodes: argmap
    keeps none) on both sides."""
    import subprocess
    import sys

    from argmap.analysis.compare import _reference_pairs, reference_relations
    from argmap.operations.compare import read_any

    qt30 = CORPUS / "aif-qt30-dialam2024"
    if not qt30.is_dir():
        pytest.skip("../shared/corpora is not beside the repository")
    recorded = json.loads((DATA / "amf-reference.json").read_text(encoding="utf-8"))["pairs"]
    checked = 0
    for pair in recorded:
        ref = pair["reference"]
        a = qt30 / f"{pair['a']}.json"
        if "change" in pair:
            b = tmp_path / f"{pair['a']}-{pair['change']}.json"
            subprocess.run([sys.executable, str(ROOT / "bench" / "peers" / "amf" / "perturb.py"),
                            str(a), str(b), pair["change"]], check=True)  # fmt: skip
        else:
            b = qt30 / f"{pair['b']}.json"
        doc_a, doc_b = read_any(a), read_any(b)
        # The propositions are paired as the reference pairs them, every time.
        paired = _reference_pairs([(c.id, c.text) for c in doc_a.model.claims],
                                  [(c.id, c.text) for c in doc_b.model.claims])  # fmt: skip
        assert sorted([x or "0", y or "0"] for x, y in paired) == ref["pairs"], pair
        if ref["rephrases_differ"]:
            continue
        got = reference_relations(doc_a, doc_b)
        want = ref["propositional_relations"]
        m = got.matrix
        rows = [[m[x]["agree"], m[x]["disagree"]] for x in ("agree", "disagree")]
        assert rows == want["matrix"], pair
        assert got.kappa == pytest.approx(want["kappa"], abs=0.01)
        assert got.f1 == pytest.approx(want["F1"], abs=0.01)
        assert got.accuracy == pytest.approx(want["accuracy"], abs=0.01)
        checked += 1
    assert checked >= 20


def _small(claims: list[dict], links: list[dict] = ()) -> Document:
    return _doc({"title": "t", "claims": claims, **({"links": list(links)} if links else {})})


# --- pairing that sees overlaps and merges; relations over every pair; CASS in range ------

TEXT = (
    "The council should build the bridge this year. Traffic on the old road will double by "
    "2030, and the detour already costs commuters forty minutes a day. Critics say the "
    "bridge would spoil the river view, but the design keeps the towers below the tree line."
)


#: The conclusion both maps of TEXT state alike.
BRIDGE = {
    "id": "c",
    "text": "The council should build the bridge this year.",
    "kind": "conclusion",
    "source": "s",
    "quote": "The council should build the bridge this year.",
}


def _quoted(tmp_path, name: str, claims: list[dict]) -> Path:
    """A map of TEXT (in tmp_path/text.txt) whose claims quote it."""
    (tmp_path / "text.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / name
    path.write_text(
        json.dumps(
            {
                "argmap": 1,
                "title": "t",
                "sources": [{"id": "s", "title": "S", "path": "text.txt"}],
                "claims": claims,
            }
        ),
        encoding="utf-8",
    )
    return path


def test_claims_whose_quotes_overlap_pair_by_their_wording(tmp_path):
    a = _quoted(
        tmp_path,
        "a.json",
        [
            BRIDGE,
            {
                "id": "t",
                "text": "Traffic on the old road will double by 2030.",
                "supports": ["c"],
                "source": "s",
                "quote": "Traffic on the old road will double by 2030, and the detour "
                "already costs commuters forty minutes a day.",
            },
        ],
    )
    b = _quoted(
        tmp_path,
        "b.json",
        [
            BRIDGE,
            {
                "id": "t",
                "text": "Traffic on the old road is going to double by 2030.",
                "supports": ["c"],
                "source": "s",
                "quote": "Traffic on the old road will double",
            },
        ],
    )
    data = json.loads(run("compare", a, b, "-f", "json").stdout)
    assert {(p["a"], p["b"]) for p in data["pairs"]} == {("c", "c"), ("t", "t")}
    assert data["only_a"] == [] and data["only_b"] == [] and data["link_differences"] == []


def test_a_claim_split_in_two_pairs_as_a_merge_and_its_links_count_as_found(tmp_path):
    whole = (
        "Traffic on the old road will double by 2030, and the detour already costs "
        "commuters forty minutes a day."
    )
    a = _quoted(
        tmp_path,
        "a.json",
        [
            BRIDGE,
            {
                "id": "t",
                "text": "Traffic will double and the detour costs forty minutes a day.",
                "supports": ["c"],
                "source": "s",
                "quote": whole,
            },
            {
                "id": "o",
                "text": "The bridge would spoil the river view.",
                "kind": "objection",
                "attacks": ["c"],
                "source": "s",
                "quote": "the bridge would spoil the river view",
            },
        ],
    )
    b = _quoted(
        tmp_path,
        "b.json",
        [
            {
                "id": "bridge",
                "text": "Build the bridge this year.",
                "kind": "conclusion",
                "source": "s",
                "quote": "The council should build the bridge this year.",
            },
            {
                "id": "double",
                "text": "Traffic will double by 2030.",
                "supports": ["bridge"],
                "source": "s",
                "quote": "Traffic on the old road will double by 2030",
            },
            {
                "id": "detour",
                "text": "The detour costs commuters forty minutes a day.",
                "supports": ["bridge"],
                "source": "s",
                "quote": "the detour already costs commuters forty minutes a day",
            },
            {
                "id": "view",
                "text": "It spoils the view.",
                "kind": "objection",
                "attacks": ["bridge"],
                "source": "s",
                "quote": "the bridge would spoil the river view",
            },
        ],
    )
    data = json.loads(run("compare", a, b, "--key", "-f", "json").stdout)
    methods = {(p["a"], p["b"]): p["method"] for p in data["pairs"]}
    assert ("t", "double") in methods and ("t", "detour") in methods
    assert "merge" in methods.values()
    assert data["only_a"] == [] and data["only_b"] == []
    # The links through the halves are the key's link, found.
    assert data["links"] == {"a": 2, "b": 2, "same": 2}
    assert data["link_differences"] == []
    g = data["grade"]
    assert g["merged"] == ["t"] and g["missed"] == [] and g["letter"] == "A"
    out = run("compare", a, b, "--key").stdout
    assert "merged (1)" in out and "double + detour" in out


def _linked(n: int, links: list[tuple[int, int, str]]) -> Document:
    claims = [{"id": f"c{i}", "text": f"Claim number {i} says something of its own {i * 7}"}
              for i in range(n)]  # fmt: skip
    return _doc(
        {
            "title": "t",
            "claims": claims,
            "links": [{"source": f"c{u}", "target": f"c{v}", "kind": k} for u, v, k in links],
        }
    )


def test_relations_kappa_counts_agreement_on_no_link_so_maps_that_mostly_agree_score_high():
    same = [(i, i - 1, "support") for i in range(1, 10)] + [(11, 0, "attack")]
    a = _linked(12, same)
    # Eight of the ten links drawn alike; one dropped, one drawn elsewhere, one extra.
    b = _linked(12, same[:8] + [(9, 2, "support"), (10, 0, "attack")])
    result = compare(a, b, align(a, b))
    assert result.relations.n == 12 * 11
    assert result.relations.matrix["none"]["none"] > 100
    assert result.relations.kappa > 0.6


def test_cass_stays_within_its_range_for_random_map_pairs():
    import random

    kinds = ["support", "attack"]
    rng = random.Random(42)
    for _ in range(1000):
        n = rng.randint(2, 6)
        la = [(u, v, rng.choice(kinds)) for u in range(n) for v in range(n)
              if u != v and rng.random() < 0.3]  # fmt: skip
        lb = [(u, v, rng.choice(kinds)) for u in range(n) for v in range(n)
              if u != v and rng.random() < 0.3]  # fmt: skip
        a, b = _linked(n, la), _linked(n, lb)
        pairs = align(a, b)
        spans = {f"c{i}": ("k", rng.randint(0, 50), rng.randint(51, 120)) for i in range(n)}
        other = {f"c{i}": ("k", rng.randint(0, 50), rng.randint(51, 120)) for i in range(n)}
        result = compare(a, b, pairs, spans_a=spans, spans_b=other, texts={"k": TEXT})
        value = result.cass.CASS
        assert value is None or -1 <= value <= 1, result.cass
        if result.cass.M is not None and result.cass.M <= 0:
            assert value is None and "n/a" in result.cass.why


def _brute_reference_pairs(claims_a, claims_b):
    """The reference's pairing written as it is: the whole matrix, its largest value
    found by scanning rows then columns, each round."""
    from difflib import SequenceMatcher

    swapped = len(claims_a) < len(claims_b)
    rows, cols = (claims_b, claims_a) if swapped else (claims_a, claims_b)

    def ratio(s, t):
        s, t = s.lower(), t.lower()
        if s == t:
            return 100
        if not s or not t:
            return 0
        return int(round(100 * SequenceMatcher(None, s, t).ratio()))

    m = [[ratio(r, c) for _, c in cols] for _, r in rows]
    made = [
        (None, cols[j][0]) for j in range(len(cols)) if not any(m[i][j] for i in range(len(rows)))
    ]
    left = [i for i in range(len(rows)) if any(m[i])]
    made += [(rows[i][0], None) for i in range(len(rows)) if not any(m[i])]
    for _ in range(len(cols)):
        best = max(((m[i][j], -i, -j) for i in left for j in range(len(cols)) if m[i][j] >= 0),
                   default=None)  # fmt: skip
        if best is None or best[0] == 0:
            break
        i, j = -best[1], -best[2]
        made.append((rows[i][0], cols[j][0]))
        left.remove(i)
        for r in range(len(rows)):
            m[r][j] = -1
    made += [(rows[i][0], None) for i in left]
    return [(y, x) for x, y in made] if swapped else made


def test_the_quick_reference_pairing_is_the_reference_pairing_on_random_texts():
    import random

    from argmap.analysis.compare import _reference_pairs

    rng = random.Random(7)
    words = ["the", "alliance", "japan", "should", "invest", "war", "cost", "trade", "deter",
             "bases", "troops", "a", "of"]  # fmt: skip
    for _ in range(300):

        def claims(prefix):
            return [(f"{prefix}{k}", " ".join(rng.choice(words) for _ in range(rng.randint(0, 6))))
                    for k in range(rng.randint(1, 7))]  # fmt: skip

        a, b = claims("a"), claims("b")
        got = sorted(_reference_pairs(a, b), key=lambda p: (p[0] or "", p[1] or ""))
        want = sorted(_brute_reference_pairs(a, b), key=lambda p: (p[0] or "", p[1] or ""))
        assert got == want, (a, b)


def _split(claim: dict, cut: str) -> tuple[dict, dict]:
    """A claim written as two, at ``cut`` (text and quote both)."""
    first, second = dict(claim), dict(claim)
    text = claim["text"]
    k = text.index(cut)
    first["text"], second["text"] = text[:k].rstrip(" ,;") + ".", text[k:].strip()
    first["id"], second["id"] = claim["id"] + "-1", claim["id"] + "-2"
    for part in (first, second):
        part.pop("quote", None)
        part.pop("locator", None)
    return first, second


def test_a_second_map_of_the_shipped_essay_with_splits_and_merges_reads_as_merges(tmp_path):
    """The essay's map written again as another analyst might: two claims split in two (a
    link to each goes to its first half); the rest as the key has it. compare reads the
    splits as merges, finds every claim and every link, and grades the map B or better."""
    data = _plain(SHIPPED)
    claims = {c["id"]: c for c in data["claims"]}
    splittable = [c for c in data["claims"] if c["text"].count(" ") > 14 and ", " in c["text"]
                  and c.get("kind") != "conclusion"][:2]  # fmt: skip
    assert len(splittable) == 2
    renamed = {}
    out = []
    for c in data["claims"]:
        if c in splittable:
            cut = c["text"].split(", ", 1)[1][:12]
            first, second = _split(c, cut)
            out += [first, second]
            renamed[c["id"]] = (first["id"], second["id"])
        else:
            out.append(c)
    links = []
    for lk in data["links"]:
        for end in ("source", "target"):
            if lk[end] in renamed:  # a link to a split claim goes to its first half
                lk = {**lk, end: renamed[lk[end]][0]}
        links.append(lk)
    second = tmp_path / "second.yaml"
    import yaml

    second.write_text(yaml.safe_dump({**data, "claims": out, "links": links}), encoding="utf-8")
    first = tmp_path / "key.yaml"
    first.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = json.loads(run("compare", first, second, "--key", "-f", "json").stdout)
    g = result["grade"]
    assert sorted(g["merged"]) == sorted(renamed), g
    assert g["missed"] == [] and g["extra"] == []
    assert g["letter"] in ("A", "B") and result["links"]["same"] == result["links"]["a"]
    text = run("compare", first, second, "--key").stdout
    for one, two in renamed.values():
        assert f"{one} + {two}" in text
    assert len(claims) == len(data["claims"])


def test_large_maps_are_paired_by_their_rarest_words_and_the_report_says_so(monkeypatch):
    from argmap.analysis import compare as module

    a, b = read_map(HARBOUR), read_map(STUDENT)
    everything = align(a, b)
    monkeypatch.setattr(module, "WORDING_PAIRS_BOUND", 4)
    notes: list[str] = []
    blocked = align(a, b, notes=notes)
    assert [(p.a, p.b) for p in blocked] == [(p.a, p.b) for p in everything]
    assert notes and "rarest words" in notes[0]
    out = run("compare", HARBOUR, STUDENT)
    assert "rarest words" in out.stderr


def test_arg_techs_matrix_is_left_out_for_maps_over_its_bound_with_a_line_that_says_so(
    monkeypatch,
):
    from argmap.analysis import compare as module

    monkeypatch.setattr(module, "REFERENCE_PAIRS_BOUND", 10)
    data = json.loads(run("compare", HARBOUR, STUDENT, "-f", "json").stdout)
    assert data["reference_relations"] is None
    assert "over the bound of 10" in data["reference_left_out"]
    assert "ARG-tech's propositional matrix left out" in run("compare", HARBOUR, STUDENT).stdout

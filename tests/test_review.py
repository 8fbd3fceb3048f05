"""argmap review, driven as a person drives it: through a pseudo-terminal, a letter and
Enter at each proposal; every decision is in the map as soon as it is made."""

from __future__ import annotations

import os
import re
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import DATA, run

from argmap.operations.loading import read_map


@pytest.fixture
def drafted(tmp_path):
    (tmp_path / "sources").mkdir()
    shutil.copy(DATA / "sources" / "harbour-op-ed.txt", tmp_path / "sources")
    out = tmp_path / "draft.yaml"
    done = run("draft", tmp_path / "sources" / "harbour-op-ed.txt", "-o", out)
    assert done.exit_code == 0, done.output
    return out


class Terminal:
    """argmap run on a pseudo-terminal: what it printed so far, and keys typed to it."""

    def __init__(self, *args: str, cwd: Path, spinner: bool = False) -> None:
        self.master, slave = os.openpty()
        env = {**os.environ, "NO_COLOR": "1", "ARGMAP_NO_PROGRESS": "1"}
        if spinner:  # as a person has it: a sign of life for long work
            del env["ARGMAP_NO_PROGRESS"]
        self.proc = subprocess.Popen([sys.executable, "-m", "argmap", *args], stdin=slave,
                                     stdout=slave, stderr=slave, cwd=cwd, env=env)  # fmt: skip
        os.close(slave)
        self.seen = ""

    def wait_for(self, text: str, seconds: float = 60) -> str:
        end = time.monotonic() + seconds
        while text not in self.seen:
            assert time.monotonic() < end, f"never printed {text!r}: {self.seen[-500:]!r}"
            ready, _, _ = select.select([self.master], [], [], 0.2)
            if ready:
                try:
                    self.seen += os.read(self.master, 65536).decode("utf-8", "replace")
                except OSError:  # the program ended
                    break
        return self.seen

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def finish(self, seconds: float = 60) -> int:
        code = self.proc.wait(timeout=seconds)
        try:
            while True:
                chunk = os.read(self.master, 65536)
                if not chunk:
                    break
                self.seen += chunk.decode("utf-8", "replace")
        except OSError:
            pass
        os.close(self.master)
        return code


def test_accept_reject_retarget_merge_and_quit_midway(drafted):
    before = read_map(drafted).model
    claims = {c.id for c in before.claims}
    central = next(c.id for c in before.claims if c.kind.value == "conclusion")
    term = Terminal("review", drafted.name, cwd=drafted.parent)
    # 1: a claim, accepted.
    first = term.wait_for("> ")
    accepted = first.split("[1/", 1)[1].split()[2]
    term.type("a")
    # 2: its link, drawn to the central claim instead.
    shown = term.wait_for("[2/")
    link = shown.rsplit("[2/", 1)[1].split()[2]  # "[2/N] link ID": the id may have a line
    term.wait_for("> ", 5) and term.type("t")
    term.wait_for("claim id> ")
    term.type("no-such-claim")  # refused, asked again
    term.wait_for("no claim 'no-such-claim'")
    term.type("t")
    term.wait_for("claim id> ")
    # A claim with no path of links back to the link's source: no circle is closed.
    import networkx as nx

    from argmap.graph import build_graph

    G = build_graph(before)
    # (the last such in the map: the next proposals, merged and rejected below, come early)
    leaf = [c.id for c in before.claims if c.id not in (accepted, central)
            and not nx.has_path(G, c.id, accepted)][-1]  # fmt: skip
    term.type(leaf)
    # 3: a claim, merged into the first (merging it into the central claim would make a
    # circle of supports: refused whole, and asked again).
    third = term.wait_for("[3/")
    merged = third.rsplit("[3/", 1)[1].split()[2]
    term.type("m")
    term.wait_for("claim id> ")
    term.type(central)
    term.wait_for("support cycle")
    assert merged in {c.id for c in read_map(drafted).model.claims}  # nothing written
    term.type("m")
    term.wait_for("claim id> ")
    term.type(accepted)
    fourth = term.wait_for("[4/")
    rejected = fourth.rsplit("[4/", 1)[1].split()[1:3]
    term.type("r")
    term.wait_for("[5/")
    term.type("q")
    assert term.finish() == 0
    assert "1 accepted, 1 rejected, 1 retargeted, 1 merged" in term.seen
    after = read_map(drafted).model
    by_id = {c.id: c for c in after.claims}
    assert by_id[accepted].drafted is None  # accepted: the mark is gone
    assert merged not in by_id and merged in claims  # merged: gone, its links moved
    links = {lk.key: lk for lk in after.all_links()}
    assert link not in links
    moved = [lk for lk in links.values() if lk.source == accepted and lk.target == leaf]
    assert moved and moved[0].drafted is None  # retargeted, and so accepted
    what, ident = rejected
    assert ident not in (by_id if what == "claim" else links)
    # Everything not reached is still drafted, and the map validates.
    assert sum(c.drafted is not None for c in after.claims) >= len(after.claims) - 4
    assert run("validate", drafted).exit_code == 0


def test_piped_decisions_and_nothing_left(drafted):
    every = "a\n" * 200
    done = subprocess.run([sys.executable, "-m", "argmap", "review", str(drafted)], input=every,
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    model = read_map(drafted).model
    assert all(c.drafted is None for c in model.claims)
    assert all(lk.drafted is None for lk in model.all_links())
    again = run("review", drafted)
    assert again.exit_code == 0 and "nothing drafted is left" in again.stderr


def test_the_list_of_what_is_left_in_every_format(drafted):
    import json

    ids = run("review", drafted, "--list", "-f", "ids").stdout.split()
    model = read_map(drafted).model
    assert ids[0] == next(c.id for c in model.claims if c.drafted is not None)
    assert len(ids) == sum(c.drafted is not None for c in model.claims) + sum(
        lk.drafted is not None for lk in model.all_links()
    )
    data = json.loads(run("review", drafted, "-f", "json").stdout)
    assert [d["id"] for d in data] == ids and {d["what"] for d in data} == {"claim", "link"}
    assert run("review", drafted, ids[0], "--list", "-f", "ids").stdout.split() == [ids[0]]
    table = run("review", drafted, "--list", env={"COLUMNS": "80"}).stdout
    assert ids[0] in table


def test_the_list_matches_its_published_schema(drafted):
    import json

    from jsonschema import Draft202012Validator

    schema = json.loads(run("schema", "--of", "review").stdout)
    data = json.loads(run("review", drafted, "-f", "json").stdout)
    assert data and not list(Draft202012Validator(schema).iter_errors(data))
    assert list(Draft202012Validator(schema).iter_errors([{**data[0], "extra": 1}]))


def test_a_claim_is_shown_in_its_paragraph_and_rekinded_reworded_and_a_link_reversed(drafted):
    before = read_map(drafted).model
    first = next(c for c in before.claims if c.drafted is not None)
    link = next(lk for lk in before.all_links() if lk.drafted is not None and
                lk.source == first.id and lk.kind.value != "undercut")  # fmt: skip
    paragraph = (drafted.parent / "sources" / "harbour-op-ed.txt").read_text()
    term = Terminal("review", drafted.name, cwd=drafted.parent, spinner=True)
    shown = term.wait_for("> ")
    time.sleep(2.5)  # past the moment after which long work shows a spinner
    # The paragraph around the quote, fitted to the terminal at spaces.
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)  # bold, underlined: the quote
    words = " ".join(plain.split("[1/", 1)[1].split("\n", 1)[1].split("[a]ccept")[0].split())
    assert first.quote in words and len(words) > len(first.quote)
    assert words.split(first.quote)[0].strip() in " ".join(paragraph.split())
    term.type("k")
    term.wait_for("kind> ")
    term.type("nonsense")  # refused, asked again
    term.wait_for("no kind of claim")
    term.type("k")
    term.wait_for("kind> ")
    term.type("evidence")
    term.wait_for("(evidence, drafted")  # shown again with its kind, still to decide
    term.type("e")
    term.wait_for("text> ")
    term.type("The harbour queues cost hauliers dearly.")
    term.wait_for("[2/")
    term.wait_for("re[v]erse")
    term.type("v")
    term.wait_for("[3/")
    term.type("q")
    assert term.finish() == 0
    assert "1 reversed, 1 rekinded, 1 reworded" in term.seen
    # No spinner while a question waits (rich draws it with braille dots and the time).
    assert not re.search("[\u2800-\u28ff]", term.seen) and "0:00:0" not in term.seen
    after = read_map(drafted).model
    claim = next(c for c in after.claims if c.id == first.id)
    assert claim.kind.value == "evidence" and claim.text.startswith("The harbour queues")
    assert claim.quote == first.quote and claim.drafted is None  # reworded: reviewed
    turned = [lk for lk in after.all_links()
              if (lk.source, lk.target) == (link.target, link.source)]  # fmt: skip
    assert turned and turned[0].drafted is None
    assert link.key not in {lk.key for lk in after.all_links()}
    assert run("validate", drafted).exit_code == 0


def test_control_characters_in_a_drafted_map_reach_the_terminal_as_text(tmp_path):
    m = tmp_path / "draft.yaml"
    m.write_text(
        "argmap: 1\ntitle: T\nclaims:\n"
        '  - {id: a, text: "Ports \\e[2J\\e]0;pwned\\a should open.", drafted: 0.5}\n'
        "  - {id: b, text: Night work pays., drafted: 0.5, supports: [a]}\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, "-m", "argmap", "review", str(m)], input="s\ns\nq\n",
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout
    assert "Ports" in done.stdout and "should open." in done.stdout


def test_a_claim_joined_with_the_next_quotes_both_and_takes_its_links(drafted):
    from argmap.analysis.provenance import SourceText

    before = read_map(drafted).model
    text = SourceText((drafted.parent / "sources" / "harbour-op-ed.txt").read_text())
    # The first drafted claim whose paragraph quotes another claim after it.
    spots = {c.id: text.find(c.quote) for c in before.claims if c.quote}
    first, nxt = next(
        (c, min((spots[d.id].start, d) for d in before.claims if d.id != c.id and d.quote and
                spots[d.id].paragraph == spots[c.id].paragraph
                and spots[d.id].start >= spots[c.id].end)[1])
        for c in before.claims
        if c.drafted is not None and c.quote and any(
            d.quote and d.id != c.id and spots[d.id].paragraph == spots[c.id].paragraph
            and spots[d.id].start >= spots[c.id].end for d in before.claims)
    )  # fmt: skip
    linked = {
        (lk.source, lk.target) for lk in before.all_links() if nxt.id in (lk.source, lk.target)
    }
    done = subprocess.run([sys.executable, "-m", "argmap", "review", str(drafted), first.id],
                          input="j\nq\n", capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "1 joined" in done.stderr
    after = read_map(drafted).model
    claims = {c.id: c for c in after.claims}
    assert nxt.id not in claims
    joined = claims[first.id]
    assert joined.quote.startswith(first.quote) and joined.quote.endswith(nxt.quote)
    assert joined.drafted is not None  # joined, still to be decided
    for source, target in linked:  # the next claim's links now the joined claim's
        source, target = (first.id if x == nxt.id else x for x in (source, target))
        if source != target:
            assert any((lk.source, lk.target) == (source, target) for lk in after.all_links())
    assert run("validate", drafted).exit_code == 0  # the joined quote is in the text
    # The last claim of a paragraph has nothing to join: refused, asked again.
    last = max((c for c in after.claims if c.quote and c.drafted is not None),
               key=lambda c: text.find(c.quote).start)  # fmt: skip
    done = subprocess.run([sys.executable, "-m", "argmap", "review", str(drafted), last.id],
                          input="j\nq\n", capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0 and "no claim's quote follows it" in done.stderr


def test_the_kinds_offered_are_the_kinds_a_claim_may_have():
    from argmap.cli.review import _ASKED
    from argmap.model import ClaimKind

    offered = (_ASKED["k"][0] or "").split(": ", 1)[1].split(", ")
    assert sorted(offered) == sorted(k.value for k in ClaimKind)


def test_with_no_answer_to_read_review_is_refused_and_names_what_to_run(drafted):
    before = drafted.read_bytes()
    done = subprocess.run([sys.executable, "-m", "argmap", "review", str(drafted)], input="",
                          capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 2
    assert "no answer to read" in done.stderr
    assert "--list" in done.stderr and "drafted false" in done.stderr
    assert drafted.read_bytes() == before

"""Printing by pages (``export --paper``) and short labels (``--text short``): what the
PDF prints is read back from the PDF itself, its text runs' sizes as they land on the
paper (font size times the page's transformation), not from argmap's own figures."""

from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import pytest
from conftest import ROOT, SHIPPED, run

pypdf = pytest.importorskip("pypdf")

DATA = Path(__file__).parent / "data"
DEBATE = DATA / "paged-debate.yaml"
COUNTER = ROOT / "maps" / "alliance-ballast.yaml"


def _plain(text: str) -> str:
    """Text as read: ligatures (ﬃ) undone, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def printed_runs(pdf: Path) -> list[tuple[tuple[float, float], list[tuple[float, str]]]]:
    """Each page's size in points and its text runs as (size on the paper, text)."""
    pages = []
    for page in pypdf.PdfReader(pdf).pages:
        runs: list[tuple[float, str]] = []

        def seen(text, cm, tm, font, size, runs=runs):
            if text.strip():
                # The vertical scale of the text matrix times the page's matrix.
                c = tm[2] * cm[0] + tm[3] * cm[2]
                d = tm[2] * cm[1] + tm[3] * cm[3]
                runs.append((size * math.hypot(c, d), _plain(text)))

        page.extract_text(visitor_text=seen)
        pages.append(((float(page.mediabox.width), float(page.mediabox.height)), runs))
    return pages


def printed_lines(pdf: Path) -> list[list[str]]:
    """Each page's lines of text as extracted from the PDF."""
    return [
        [_plain(line) for line in page.extract_text().splitlines() if line.strip()]
        for page in pypdf.PdfReader(pdf).pages
    ]


def claim_text_sizes(runs: list[tuple[float, str]], texts: list[str]) -> list[float]:
    """The sizes of the runs that are claim text: at least two words found in some claim's
    text (spaces aside: an older pypdf joins a box's lines into one run without one)."""
    flat = [_plain(t).replace(" ", "") for t in texts]
    return [size for size, line in runs
            if " " in line and any(line.replace(" ", "") in t for t in flat)]  # fmt: skip


def texts_of(path: Path) -> list[str]:
    from argmap.operations.loading import read_map

    return [c.text for c in read_map(path).model.claims]


def export(*args: str):
    result = run("export", *args)
    assert result.exit_code == 0, result.output
    return result


def check_pages(pdf: Path, texts: list[str], paper: tuple[float, float]) -> list:
    pages = printed_runs(pdf)
    for number, (size, runs) in enumerate(pages, start=1):
        assert sorted(size) == sorted(paper), (number, size)
        sizes = claim_text_sizes(runs, texts)
        if number > 1 or len(pages) == 1:
            assert sizes, f"p. {number} prints no claim text"
        assert min(sizes, default=99) >= 7.95, (number, min(sizes))
    return pages


def test_a_map_too_large_for_one_page_prints_by_pages_at_8_points(dot_program, tmp_path):
    out = tmp_path / "debate.pdf"
    result = export(str(DEBATE), "-o", str(out), "--paper", "a4")
    pages = check_pages(out, texts_of(DEBATE), (595, 842))
    assert len(pages) >= 3
    assert f"{len(pages)} pages (an overview and {len(pages) - 1}" in result.stderr
    # Page 1 is the overview: a box for every other page, and the legend.
    lines_of = printed_lines(out)
    overview = " ".join(lines_of[0])
    for number in range(2, len(pages) + 1):
        assert f"p. {number}" in overview
    assert "Legend" in overview
    # Every claim is printed whole on exactly one page (as claim text), and every marker
    # names a page that holds its claim.
    from argmap.operations.loading import read_map

    model = read_map(DEBATE).model
    homes: dict[str, int] = {}
    for number, lines in enumerate(lines_of[1:], start=2):
        for line in lines:  # a box's header: "KIND · id"
            m = re.fullmatch(r"[A-Z]+ · (\S+)", line)
            if m:
                assert m.group(1) not in homes, f"{m.group(1)} printed twice"
                homes[m.group(1)] = number
    assert set(homes) == {c.id for c in model.claims}
    markers = 0
    for number, lines in enumerate(lines_of[1:], start=2):
        for i, line in enumerate(lines):
            m = re.fullmatch(r"(?:continues on|see) p\. (\d+)", line)
            if m:
                markers += 1
                ident = lines[i - 1]  # a reference: its id, then where it is
                assert homes[ident] == int(m.group(1)), (number, ident, line)
                assert int(m.group(1)) != number
    assert markers >= len(pages) - 1
    assert any("continues on p." in line for lines in lines_of[1:] for line in lines)


def test_a_map_that_fits_prints_on_one_page_without_an_overview(dot_program, tmp_path):
    out = tmp_path / "small.pdf"
    small = DATA / "paged-debate.yaml"
    result = export(str(small), "-o", str(out), "--paper", "a3", "--text", "short")
    from argmap.formats.dot import short_label
    from argmap.operations.loading import read_map

    labels = [short_label(c) for c in read_map(small).model.claims]
    pages = check_pages(out, labels, (842, 1191))
    assert len(pages) == 1
    assert "one page" in result.stderr
    assert "Legend" in " ".join(line for _, line in pages[0][1])


def test_pages_of_svg_are_numbered_files_and_stdout_is_refused(dot_program, tmp_path):
    out = tmp_path / "debate.svg"
    result = export(str(DEBATE), "-o", str(out), "--paper", "a4")
    count = int(re.search(r"(\d+) pages", result.stderr).group(1))
    files = sorted(tmp_path.glob("debate-*.svg"), key=lambda f: int(f.stem.split("-")[1]))
    assert [f.name for f in files] == [f"debate-{n}.svg" for n in range(1, count + 1)]
    assert count >= 3
    assert all(f.read_text(encoding="utf-8").lstrip().startswith("<?xml") for f in files)
    assert "continues on p." in files[1].read_text(encoding="utf-8")
    assert not out.exists()
    # Fewer pages than last time: the files left over are named, not removed.
    (tmp_path / f"debate-{count + 1}.svg").write_text("old")
    again = export(str(DEBATE), "-o", str(out), "--paper", "a4")
    assert f"debate-{count + 1}.svg and any after it are from an earlier export" in again.stderr
    refused = run("export", str(DEBATE), "--to", "svg", "--paper", "a4")
    assert refused.exit_code == 2 and "a file a page" in refused.stderr
    refused = run("export", str(DEBATE), "-o", str(tmp_path / "m.json"), "--paper", "a4")
    assert refused.exit_code == 2 and "--paper prints pictures" in refused.stderr
    refused = run("export", str(DEBATE), "--to", "argdown", "--text", "short")
    assert refused.exit_code == 2 and "--text short draws pictures" in refused.stderr


def test_short_labels_use_the_label_field_else_whole_first_words(dot_program, tmp_path):
    from argmap.formats import export as export_map
    from argmap.formats.native import loads

    doc = loads(
        "title: t\nclaims:\n"
        "  - {id: c, kind: conclusion, label: The fee, text: The city should charge a fee "
        "to enter the centre at peak hours}\n"
        "  - {id: p, text: 'Incontrovertibly overwhelming administrative considerations "
        "favour it', supports: [c]}\n"
    )
    dot_text = export_map(doc, "dot", short=True)
    assert ">The fee<" in dot_text
    assert "charge a fee" not in dot_text.split("tooltip")[0]  # the label, not the text
    # First words, whole: a long word is never split, and "…" says words were left out.
    assert ">Incontrovertibly…<" in dot_text
    assert "Incontrovertib<" not in dot_text and "Incontrovertibl<" not in dot_text
    # The whole text stays in the tooltip.
    assert 'tooltip="The city should charge a fee to enter the centre at peak hours"' in dot_text
    svg = export_map(doc, "svg", short=True).decode()
    assert "The city should charge a fee to enter the centre at peak hours" in svg


def test_a_label_too_long_is_refused_with_its_line(tmp_path):
    bad = tmp_path / "m.yaml"
    bad.write_text("title: t\nclaims:\n  - id: c\n    text: T\n    label: " + "x" * 61 + "\n")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "m.yaml:5" in result.output and "label" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("path", [SHIPPED, COUNTER], ids=["essay", "counter-essay"])
def test_the_shipped_maps_print_on_a4_at_8_points_with_markers(dot_program, tmp_path, path):
    out = tmp_path / "map.pdf"
    export(str(path), "-o", str(out), "--paper", "a4")
    pages = check_pages(out, texts_of(path), (595, 842))
    if len(pages) > 1:
        assert any("continues on p." in line for _, r in pages[1:] for _, line in r)


@pytest.mark.slow
@pytest.mark.parametrize("path", [SHIPPED, COUNTER], ids=["essay", "counter-essay"])
def test_the_shipped_maps_in_short_labels_fit_one_a4_page_at_8_points(dot_program, tmp_path,
                                                                      path):  # fmt: skip
    out = tmp_path / "short.pdf"
    result = export(str(path), "-o", str(out), "--paper", "a4", "--text", "short")
    assert "one page" in result.stderr
    pages = printed_runs(out)
    assert len(pages) == 1
    from argmap.formats.dot import short_label
    from argmap.operations.loading import read_map

    claims = list(read_map(path).model.claims)  # a used map's claims with them
    labels = [_plain(short_label(c)).replace(" ", "") for c in claims]
    runs = [(size, _plain(line).replace(" ", "")) for size, line in pages[0][1]]
    # Every claim's label printed (a line of it at least), each run of it at 8 pt or more.
    for label in labels:
        found = [size for size, line in runs if len(line) > 3 and line in label]
        assert found and min(found) >= 7.95, (label, found)

"""The one table of formats: every format argmap writes is dispatched by it alone, through
a writer of one signature, and declares what it cannot carry."""

from __future__ import annotations

import importlib
import inspect

import pytest
from conftest import DATA, run

from argmap.formats import EXPORT_FORMATS, FEATURES, losses
from argmap.formats.registry import FORMATS, Drawing
from argmap.operations.loading import read_map


@pytest.mark.parametrize("spec", [f for f in FORMATS if f.writes], ids=lambda f: f.name)
def test_every_written_format_has_a_module_a_writer_of_one_signature_and_its_losses(spec):
    module = importlib.import_module(f"argmap.formats.{spec.module}")
    write = getattr(module, spec.writer)
    assert list(inspect.signature(write).parameters) == ["doc", "drawing"]
    declared = module.LOSSES.get(spec.name) if isinstance(module.LOSSES, dict) else module.LOSSES
    assert declared is not None and set(declared) <= set(FEATURES)


@pytest.mark.parametrize("fmt", [f for f in EXPORT_FORMATS if f not in ("png", "pdf", "svg")])
def test_the_table_dispatches_each_text_format_to_its_writer(fmt):
    from argmap.formats import export

    doc = read_map(DATA / "harbour.yaml")
    out = export(doc, fmt)
    assert isinstance(out, str) and out.strip()
    spec = next(f for f in FORMATS if f.name == fmt)
    module = importlib.import_module(f"argmap.formats.{spec.module}")
    assert out == getattr(module, spec.writer)(doc, Drawing())


def test_a_picture_says_what_it_leaves_out(dot_program, tmp_path):
    doc = read_map(DATA / "harbour.yaml")
    assert "quotes" in losses(doc, "dot") and "sources" in losses(doc, "svg")
    assert "link notes and weights" not in losses(doc, "svg") or any(
        lk.note or lk.weight is not None for lk in doc.model.all_links()
    )
    result = run("export", DATA / "harbour.yaml", "-o", tmp_path / "map.svg")
    assert result.exit_code == 0
    assert "warning: svg does not carry quotes, sources" in result.stderr
    assert losses(doc, "json") == [] and losses(doc, "yaml") == []

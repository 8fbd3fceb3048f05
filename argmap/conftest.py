"""What every doctest in the package may use without importing it (as networkx shares
``nx`` with its doctests): argmap's reader and graph builder, and one example map.

The example map, ``doc`` (its graph ``G``)::

    title: t
    claims:
      - {id: c, text: C, kind: conclusion}
      - {id: p, text: P, supports: [c]}
      - {id: o, text: O, kind: objection, attacks: [c]}
      - {id: r, text: R, attacks: [o]}
"""

import pytest

EXAMPLE = """\
title: t
claims:
  - {id: c, text: C, kind: conclusion}
  - {id: p, text: P, supports: [c]}
  - {id: o, text: O, kind: objection, attacks: [c]}
  - {id: r, text: R, attacks: [o]}
"""


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    from argmap.formats.native import loads
    from argmap.graph import build_graph

    doc = loads(EXAMPLE, "m.yaml")
    doctest_namespace.update(loads=loads, build_graph=build_graph, doc=doc, G=build_graph(doc))

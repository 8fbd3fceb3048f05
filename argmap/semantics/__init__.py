"""Which claims stand: Dung semantics, argmap's reading of support, gradual strength.

- :mod:`~argmap.semantics.framework`: abstract frameworks (arguments, attacks);
- :mod:`~argmap.semantics.dung`: grounded, complete, preferred, stable;
- :mod:`~argmap.semantics.bipolar`: a map (supports, attacks, undercuts) as a framework;
- :mod:`~argmap.semantics.evaluate`: labels and extensions of a map, and what-ifs;
- :mod:`~argmap.semantics.gradual`: DF-QuAD and quadratic-energy strengths;
- :mod:`~argmap.semantics.explain`: why a claim has its label, as a tree.
"""

"""Text for XML formats (GraphML, microtexts) and Graphviz's HTML-like labels: XML 1.0
cannot hold most control characters, so they are written as U+FFFD.

Examples:
    >>> xml_safe("a\\x00b\\tc")
    'a\\ufffdb\\tc'
"""

from __future__ import annotations

import re

__all__ = ["NOT_XML", "xml_safe"]

#: Characters XML 1.0 cannot hold (control characters but tab and line ends, U+FFFE,
#: U+FFFF, and the surrogates, which a Python string may hold alone but no UTF-8 can).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", text) if NOT_XML.search(text) else text

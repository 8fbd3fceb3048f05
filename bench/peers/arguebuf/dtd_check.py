"""Validate XML files against a DTD with lxml; print "ok FILE" or "error FILE: MESSAGE"
per file and exit 1 when any is invalid. Usage: python dtd_check.py DTD FILE..."""

import sys

from lxml import etree

dtd = etree.DTD(sys.argv[1])
failed = 0
for path in sys.argv[2:]:
    doc = etree.parse(path)
    if dtd.validate(doc):
        print(f"ok {path}")
    else:
        failed += 1
        print(f"error {path}: {dtd.error_log.filter_from_errors()[:3]}")
sys.exit(1 if failed else 0)

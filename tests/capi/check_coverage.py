"""Every function declared in ocop.h is exported (capi/abi/symbols.txt), documented in
docs/c-api.md, declared in the Python bindings' signature table, and called by the C test program;
and each of those lists names only functions of the header. Usage: check_coverage.py <source dir>"""

import os
import re
import sys

root = sys.argv[1]


def read(*path):
    with open(os.path.join(root, *path), encoding="utf-8") as f:
        return f.read()


header = set(re.findall(r"^OCOP_API\s+[^;(]*?\b(ocop_\w+)\s*\(", read("capi", "include", "ocop", "ocop.h"), re.M))
symbols = set(re.findall(r"^[A-Za-z] (ocop_\w+)@@", read("capi", "abi", "symbols.txt"), re.M))
docs = {name for span in re.findall(r"`([^`\n]+)`", read("docs", "c-api.md")) for name in re.findall(r"\b(ocop_\w+)\(", span)}
python = set(re.findall(r'^\s*"(ocop_\w+)":', read("bindings", "python", "ocop", "_native.py"), re.M))
c_test = set(re.findall(r"\b(ocop_\w+)\s*\(", read("tests", "capi", "capi_test.c")))

problems = []
for name, found in (("capi/abi/symbols.txt", symbols), ("docs/c-api.md", docs), ("bindings/python/ocop/_native.py", python),
                    ("tests/capi/capi_test.c", c_test)):
    for f in sorted(header - found):
        problems.append("%s: missing %s" % (name, f))
    for f in sorted(found - header):
        problems.append("%s: %s is not declared in ocop.h" % (name, f))
if len(header) < 10:
    problems.append("ocop.h: found only %d functions: the pattern is broken" % len(header))
for p in problems:
    print(p)
if problems:
    sys.exit(1)
print("coverage: %d functions, each exported, documented, bound in Python and called by the C test" % len(header))

"""Runs the ```python blocks of a Markdown page in order, as one script (docs/python.md in ctest),
so that the documentation's examples cannot drift from the bindings. Usage: python_doc.py PAGE.md"""

import re
import sys

page = sys.argv[1]
with open(page, encoding="utf-8") as f:
    blocks = re.findall(r"^```python\n(.*?)^```", f.read(), re.S | re.M)
if not blocks:
    sys.exit("%s: no python block" % page)
code = "\n".join(blocks)
exec(compile(code, page, "exec"), {"__name__": "__main__"})
print("ran %d python blocks of %s" % (len(blocks), page))

#!/usr/bin/env python3
"""Lists the C and C++ functions longer than a limit, longest first.

Usage: tools/function_lengths.py [--limit N] [--all] PATH...
  PATH: files or directories (*.cpp, *.hpp, *.c, *.h found recursively).
  --limit N: report functions of more than N lines (default 60); exit status 1 when there is one.
  --all: print every function with its length, longest first (exit status 0).

A function is a brace block at namespace or class scope whose header has a parameter list; its
length runs from the header's first line to the closing brace. Lambdas and blocks inside a
function count towards that function. Comments, strings and preprocessor lines are skipped.
"""

import argparse
import os
import re
import sys

SOURCE_SUFFIXES = (".cpp", ".hpp", ".c", ".h")


def strip_code(text):
    """The text with comments, string and character literals blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith('R"', i) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            m = re.match(r'R"([^(\s]*)\(', text[i:])
            end = text.find(")" + m.group(1) + '"', i) if m else -1
            j = n if end < 0 else end + len(m.group(1)) + 2
            out.append('""' + re.sub(r"[^\n]", " ", text[i + 2:j]))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            out.append(c + " " * (min(j, n) - i - 1) + (c if j < n else ""))
            i = j + 1
        else:
            out.append(c)
            i += 1
    text = "".join(out)
    # Preprocessor lines (with continuations) carry no braces that matter.
    return re.sub(r"(?m)^[ \t]*#(?:[^\n]*\\\n)*[^\n]*", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def functions(path):
    """Yields (name, first_line, length) for each function defined in the file."""
    with open(path, encoding="utf-8") as f:
        code = strip_code(f.read())
    stack = []  # (kind, name, first_line)
    header_start = 0
    line = 1
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        if c not in "{};":
            continue
        if c == ";":
            header_start = i + 1
            continue
        if c == "}":
            if stack:
                kind, name, first = stack.pop()
                if kind == "function":
                    yield name, first, line - first + 1
            header_start = i + 1
            continue
        header = code[header_start:i]
        in_function = any(kind in ("function", "block") for kind, _, _ in stack)
        kind, name = "block", ""
        if not in_function:
            if re.search(r"\bnamespace\b|\bextern\s*\"", header):
                kind = "namespace"
            elif re.search(r"\b(struct|class|union|enum)\b", header) and "(" not in header.split(":")[0]:
                kind = "class"
            elif ")" in header and not re.search(r"=\s*$", header.strip()):
                kind = "function"
                m = re.search(r"([~\w:]+(?:<[^()]*>)?|operator\s*[^\s(]+)\s*\(", header)
                name = m.group(1) if m else header.strip().split("\n")[0]
        lead = header[: len(header) - len(header.lstrip())].count("\n")
        first = line - header.count("\n") + lead
        stack.append((kind, name, first))
        header_start = i + 1


def sources(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for f in sorted(files):
                    if f.endswith(SOURCE_SUFFIXES):
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=60)
    parser.add_argument("--all", action="store_true")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    found = []
    for path in sources(args.paths):
        for name, first, length in functions(path):
            found.append((length, f"{path}:{first}", name))
    found.sort(key=lambda x: (-x[0], x[1]))
    shown = found if args.all else [f for f in found if f[0] > args.limit]
    for length, where, name in shown:
        print(f"{length:5d}  {where}  {name}")
    return 0 if args.all or not shown else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Builds the Python wheel of bindings/python with libocop.so.1 inside, standard library only (no
pip, setuptools or network): the package and the library are staged in a temporary copy and
packed by the package's own PEP 517 backend (bindings/python/_build/ocop_build.py).

    python3 tools/build_wheel.py [--library build/capi/libocop.so.1] [--out dist] [--no-strip]

Prints the wheel's path. The wheel is tagged for this platform (py3-none-linux_x86_64); the library
inside still needs the system's Boost.JSON and OpenSSL (libboost-json1.81.0, libssl3 on Debian 12),
so the wheel is for machines of the distribution it was built on (docs/packaging.md)."""

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(ROOT, "bindings", "python")


def stage(tmp, library, strip):
    """A copy of bindings/python with the library as ocop/libocop.so.<ABI>; returns its path."""
    staged = os.path.join(tmp, "python")
    shutil.copytree(PACKAGE, staged, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "tests", "libocop.*"))
    with open(os.path.join(PACKAGE, "ocop", "_native.py"), encoding="utf-8") as f:
        abi = re.search(r"^ABI_VERSION = (\d+)", f.read(), re.M).group(1)
    target = os.path.join(staged, "ocop", "libocop.so." + abi)  # where ocop/_native.py looks first
    shutil.copyfile(library, target)
    if strip and shutil.which("strip"):
        subprocess.run(["strip", "--strip-unneeded", target], check=True)  # debug information stays out of the wheel
    return staged


def build(staged, out):
    spec = importlib.util.spec_from_file_location("ocop_build", os.path.join(staged, "_build", "ocop_build.py"))
    backend = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(backend)
    os.makedirs(out, exist_ok=True)
    return os.path.join(out, backend.build_wheel(out))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", default=os.path.join(ROOT, "build", "capi", "libocop.so.1"),
                        help="the built C ABI library (default: build/capi/libocop.so.1)")
    parser.add_argument("--out", default=os.path.join(ROOT, "dist"), help="directory of the wheel (default: dist/)")
    parser.add_argument("--no-strip", dest="strip", action="store_false", help="keep the library's debug information")
    args = parser.parse_args()
    if not os.path.isfile(args.library):
        sys.exit("build_wheel: no library at %s (build it first: cmake --build build --target ocop_c)" % args.library)
    with tempfile.TemporaryDirectory() as tmp:
        print(build(stage(tmp, args.library, args.strip), os.path.abspath(args.out)))


if __name__ == "__main__":
    main()

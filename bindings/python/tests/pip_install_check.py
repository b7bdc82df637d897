"""Checks that the package installs offline into a fresh venv (pip install --no-index) and imports
from outside the source tree. Run by ctest; not a unittest module. Exit 77 (skip) without venv/ensurepip.

    pip_install_check.py            installs ./bindings/python; the library comes from OCOP_LIBRARY
    pip_install_check.py WHEEL_DIR  installs the one wheel of WHEEL_DIR (tools/build_wheel.py), with
                                    OCOP_LIBRARY unset: the library must be the one inside the wheel"""

import glob
import os
import subprocess
import sys
import tempfile
import venv

package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
env.pop("PYTHONPATH", None)
if len(sys.argv) > 1:
    wheels = glob.glob(os.path.join(sys.argv[1], "ocop-*.whl"))
    if len(wheels) != 1:
        sys.exit("expected one ocop-*.whl in %s, found %s" % (sys.argv[1], wheels))
    target, what = wheels[0], "wheel"
    env.pop("OCOP_LIBRARY", None)
else:
    target, what = package, "pip install"
answers = {
    "1.1": "c", "1.2": "b", "1.3": "c", "1.4": "b", "1.5": "c", "1.6": "b", "2.1": "d", "2.2": "c", "2.3": "b",
    "3.1": "c", "3.2": {"case": "1", "level": "b"}, "3.3": "b", "3.4": "b", "3.5": "b", "4.1": "c", "4.2": "c",
    "4.3": "c", "5.1": "d", "5.2": "d", "5.3": "b", "6.1": "c", "6.2": "e", "6.3": "c", "6.4": "c", "6.5": "b",
    "7": "b", "8": "c", "9.1": "c", "9.2": "d", "10": "d", "11": "a",
}
check = ("import ocop; print(ocop.__file__); print(ocop.library_path()); c = ocop.Catalog.embedded(); "
         "print(c.in_force('2021-10-20')); s = c.sheet('1048-781', 'rau-cu-qua-hat-tuoi'); "
         "a = %r; print(s.score([s.row(a)]).totals[0] == c.score({'edition': '1048-781', "
         "'set': 'rau-cu-qua-hat-tuoi', 'answers': a})['total'])" % answers)
with tempfile.TemporaryDirectory() as tmp:
    try:
        import ensurepip  # noqa: F401  (Debian ships it in python3-venv)
        venv.EnvBuilder(with_pip=True).create(os.path.join(tmp, "venv"))
    except (ImportError, subprocess.CalledProcessError, OSError) as e:
        print("skipped: cannot create a venv with pip (%s); install python3-venv" % e)
        sys.exit(77)
    python = os.path.join(tmp, "venv", "bin", "python")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-index", target], check=True, env=env, cwd=tmp)
    out = subprocess.run([python, "-c", check], check=True, env=env, cwd=tmp, stdout=subprocess.PIPE,
                         universal_newlines=True).stdout
    print(out, end="")
    module, library, edition, batch_equals_json = out.splitlines()
    if not module.startswith(tmp) or edition != "1048-781" or batch_equals_json != "True":
        sys.exit("the installed package was not the one imported, or it failed")
    if what == "wheel" and not (library.startswith(os.path.dirname(module)) and os.path.basename(library) == "libocop.so.1"):
        sys.exit("the wheel's package did not load the library inside it: %s" % library)
print("%s: ok" % what)

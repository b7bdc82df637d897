"""Checks that `pip install ./bindings/python` works offline: a fresh venv, pip install --no-index
of the package, then import it from outside the source tree and score with the library given by
OCOP_LIBRARY. Run by ctest (python_pip_install); not a unittest module. Exit 77 (skip) without venv/ensurepip."""

import os
import subprocess
import sys
import tempfile
import venv

package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
env.pop("PYTHONPATH", None)
with tempfile.TemporaryDirectory() as tmp:
    try:
        import ensurepip  # noqa: F401  (Debian ships it in python3-venv)
        venv.EnvBuilder(with_pip=True).create(os.path.join(tmp, "venv"))
    except (ImportError, subprocess.CalledProcessError, OSError) as e:
        print("skipped: cannot create a venv with pip (%s); install python3-venv" % e)
        sys.exit(77)
    python = os.path.join(tmp, "venv", "bin", "python")
    subprocess.run([python, "-m", "pip", "install", "-q", "--no-index", package], check=True, env=env, cwd=tmp)
    out = subprocess.run([python, "-c", "import ocop; print(ocop.__file__); print(ocop.Catalog.embedded().in_force('2021-10-20'))"],
                         check=True, env=env, cwd=tmp, stdout=subprocess.PIPE, universal_newlines=True).stdout
    print(out, end="")
    if not out.splitlines()[0].startswith(tmp) or out.splitlines()[1] != "1048-781":
        sys.exit("the installed package was not the one imported, or it failed")
print("pip install: ok")

"""A PEP 517 build backend in the standard library only, so that `pip install ./bindings/python`
works offline on any Python 3.8+ (setuptools older than 70.1 cannot build wheels without the
separate `wheel` package, which many offline machines lack). It packs ocop/*.py, plus any
libocop shared library copied into ocop/, into a wheel; metadata comes from pyproject.toml."""

import base64
import hashlib
import io
import os
import re
import sysconfig
import tarfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _project():
    with open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("[project]", 1)[1].split("\n[", 1)[0]
    get = lambda key: re.search(r'^%s\s*=\s*"([^"]*)"' % key, section, re.M).group(1)
    return {"name": get("name"), "version": get("version"), "summary": get("description"),
            "requires_python": get("requires-python")}


def _files():
    pkg = os.path.join(ROOT, "ocop")
    out = []
    for name in sorted(os.listdir(pkg)):
        path = os.path.join(pkg, name)
        if os.path.isfile(path) and (name.endswith(".py") or name.startswith("libocop.") or name == "ocop.dll"):
            out.append(("ocop/" + name, path))
    return out


def _metadata(p):
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    return ("Metadata-Version: 2.1\nName: %s\nVersion: %s\nSummary: %s\nRequires-Python: %s\n"
            "Description-Content-Type: text/markdown\n\n%s" % (p["name"], p["version"], p["summary"], p["requires_python"], readme))


def _tag(files):
    native = any("/libocop." in arc or arc.endswith(".dll") for arc, _ in files)
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_") if native else "any"
    return "py3-none-" + plat


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    p = _project()
    files = _files()
    tag = _tag(files)
    dist_info = "%s-%s.dist-info" % (p["name"], p["version"])
    wheel_name = "%s-%s-%s.whl" % (p["name"], p["version"], tag)
    records = []

    def add(zf, arcname, data, mode=0o644):
        info = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
        info.external_attr = (mode | 0o100000) << 16
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        records.append("%s,sha256=%s,%d" % (arcname, digest, len(data)))

    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w") as zf:
        for arcname, path in files:
            with open(path, "rb") as f:
                add(zf, arcname, f.read(), 0o755 if "/libocop." in arcname else 0o644)
        add(zf, dist_info + "/METADATA", _metadata(p).encode("utf-8"))
        add(zf, dist_info + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: ocop_build\nRoot-Is-Purelib: %s\nTag: %s\n"
                                       % ("true" if tag.endswith("-any") else "false", tag)).encode())
        add(zf, dist_info + "/top_level.txt", b"ocop\n")
        records.append(dist_info + "/RECORD,,")
        zf.writestr(zipfile.ZipInfo(dist_info + "/RECORD", date_time=(2020, 1, 1, 0, 0, 0)), "\n".join(records) + "\n")
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    p = _project()
    base = "%s-%s" % (p["name"], p["version"])
    name = base + ".tar.gz"
    with tarfile.open(os.path.join(sdist_directory, name), "w:gz") as tf:
        for rel in ["pyproject.toml", "README.md", "_build/ocop_build.py"] + [arc for arc, _ in _files() if arc.endswith(".py")]:
            tf.add(os.path.join(ROOT, rel), arcname=base + "/" + rel)
        data = _metadata(p).encode("utf-8")
        info = tarfile.TarInfo(base + "/PKG-INFO")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
    return name

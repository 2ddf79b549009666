"""Installs as an office would do them: offline from a wheelhouse, and from the sdist alone.

These build real distributions and fresh virtual environments (about a
minute in all), so they carry the ``install`` mark; ``.ci/run`` runs them,
``-m "not install"`` leaves them out.  Making the wheelhouse needs the
package index (as it would on the connected machine); the offline install
then runs with the network switched off:

- as root with ``unshare -n`` (a new network namespace holding only a downed
  loopback: nothing at all can be reached), when that works;
- otherwise with ``pip --isolated --no-index`` alone, which also proves the
  point: ``--no-index`` makes pip consult no index and ``--isolated`` makes it
  ignore pip.conf and PIP_* variables (where a find-links or index could hide),
  so every file must come from the wheelhouse.
"""
import os
import shutil
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "建议答复函.txt"

pytestmark = pytest.mark.install


def run(cmd, **kw):
    p = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=600, **kw)
    assert p.returncode == 0, f"{cmd}\n{p.stdout}\n{p.stderr}"
    return p


def offline_prefix() -> list[str]:
    """``unshare -n`` when it works here, else nothing (see the module docstring)."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-n"]
    return []


def new_venv(path: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(path)
    return path / ("Scripts" if os.name == "nt" else "bin")


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory):
    if not (ROOT / "tools" / "wheelhouse.py").exists():
        pytest.skip("not a source tree")
    dest = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, ROOT / "tools" / "wheelhouse.py", "--dest", dest])
    return dest


def test_offline_install_from_the_wheelhouse(wheelhouse, tmp_path):
    names = {w.name.split("-")[0].lower().replace("_", "-") for w in wheelhouse.glob("*.whl")}
    assert {"letterlint", "rich"} <= names  # and whatever else pyproject.toml requires (the install proves it)
    assert (wheelhouse / "requirements.txt").read_text(encoding="utf-8").count("==") == len(names)
    bin_dir = new_venv(tmp_path / "venv")
    prefix = offline_prefix()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    run([*prefix, bin_dir / "python", "-m", "pip", "install", "--isolated", "--no-index", "--find-links", wheelhouse,
         "--disable-pip-version-check", "letterlint"], env=env)
    if prefix:  # really offline: the network is gone for this step
        probe = subprocess.run([*prefix, sys.executable, "-c",
                                "import socket; socket.create_connection(('pypi.org', 443), timeout=3)"],
                               capture_output=True)
        assert probe.returncode != 0
    p = subprocess.run([*prefix, bin_dir / "letterlint", "--no-color", EXAMPLE], capture_output=True, text=True,
                       env=dict(env, LETTERLINT_CACHE_DIR=str(tmp_path / "cache")))
    assert p.returncode == 0, p.stdout + p.stderr
    assert "未发现问题" in p.stdout


def test_sdist_tests_pass_when_unpacked(wheelhouse, tmp_path):
    """The sdist alone (no git checkout around it) carries what its own tests need."""
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--sdist", "--outdir", dist, ROOT])
    (sdist,) = dist.glob("letterlint-*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path / "src", filter="data")
    (src,) = (tmp_path / "src").iterdir()
    for needed in ("LICENSE", "tests/letters", "tests/golden", "docs/rules.md", "examples/建议答复函.txt"):
        assert (src / needed).exists(), needed
    bin_dir = new_venv(tmp_path / "venv")
    # Install the unpacked sdist with its test extras; dependencies from the index.
    run([bin_dir / "python", "-m", "pip", "install", "--quiet", f"{src}[test]"])
    env = dict(os.environ, LETTERLINT_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("PYTHONPATH", None)
    p = subprocess.run([bin_dir / "python", "-m", "pytest", "-p", "no:cacheprovider",
                        "-m", "not install and not precommit"], cwd=src, capture_output=True, text=True,
                       timeout=600, env=env)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    assert " passed" in p.stdout

#!/usr/bin/env python3
"""Make a wheelhouse: letterlint and every dependency as wheels, for machines without internet (内网).

Run on a machine that reaches a package index, with the Python version and
platform of the machines that will install (wheels of rpds-py and the like
are built per platform; letterlint's own runtime dependencies are pure Python):

    python tools/wheelhouse.py                    # → wheelhouse/ (letterlint and its dependencies)
    python tools/wheelhouse.py --extras test      # also what the test suite needs
    python tools/wheelhouse.py --dest D --from dist/letterlint-0.2.0-py3-none-any.whl

Carry the folder over (USB stick, file share), then on the offline machine:

    pip install --no-index --find-links wheelhouse letterlint

``--no-index`` makes pip look nowhere but the folder: the install either
finds everything there or fails at once naming what is missing.  The script
ends by listing the wheels and writing ``wheelhouse/requirements.txt`` with
the exact versions, so that the install is repeatable
(``pip install --no-index --find-links wheelhouse -r wheelhouse/requirements.txt``).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dest", default=str(ROOT / "wheelhouse"), help="folder for the wheels (default: wheelhouse/)")
    p.add_argument("--from", dest="source", default=str(ROOT),
                   help="what to build letterlint from: this checkout (default), an sdist or a built wheel")
    p.add_argument("--extras", default="", help="extras to include too, comma separated (e.g. test)")
    args = p.parse_args(argv)

    dest = Path(args.dest)
    dest.mkdir(parents=True, exist_ok=True)
    source = args.source + (f"[{args.extras}]" if args.extras else "")
    # `pip wheel` builds letterlint's wheel and fetches (or builds) a wheel for
    # every dependency, recursively: exactly what an offline install needs.
    cmd = [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(dest), source]
    done = subprocess.run(cmd)
    if done.returncode != 0:
        print(f"wheelhouse: pip wheel failed (exit {done.returncode})", file=sys.stderr)
        return done.returncode
    wheels = sorted(dest.glob("*.whl"))
    pins = []
    for w in wheels:
        name, version = w.name.split("-")[:2]
        pins.append(f"{name.replace('_', '-')}=={version}")
    (dest / "requirements.txt").write_text("\n".join(pins) + "\n", encoding="utf-8")
    for w in wheels:
        print(w.name)
    print(f"{len(wheels)} wheels in {dest}; install offline with:\n"
          f"  pip install --no-index --find-links {dest} letterlint")
    return 0


if __name__ == "__main__":
    sys.exit(main())

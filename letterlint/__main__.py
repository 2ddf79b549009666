"""``python -m letterlint`` runs the command line.

``-m`` puts the current folder first on ``sys.path``; in CI that folder is a
checkout of someone's pull request, whose ``rich.py`` or ``*.dist-info`` would
then be imported as a dependency or a rule plugin.  It is taken off again,
unless letterlint itself is being run from there (a source checkout).
"""
import os
import sys

import letterlint


def _drop_current_folder() -> None:
    try:
        here = os.getcwd()
    except OSError:  # the current folder was removed: nothing to drop
        return
    package_root = os.path.dirname(os.path.dirname(os.path.abspath(letterlint.__file__)))
    if os.path.normcase(package_root) == os.path.normcase(here):
        return
    sys.path[:] = [p for p in sys.path if p and os.path.normcase(os.path.abspath(p)) != os.path.normcase(here)]


_drop_current_folder()

from letterlint.cli import run  # noqa: E402

run()

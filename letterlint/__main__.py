"""``python -m letterlint`` runs the command line."""
import sys

from letterlint.cli import main

sys.exit(main())

"""``python -m backprop_companion`` runs the command line."""

import sys

from backprop_companion.cli import main

sys.exit(main())

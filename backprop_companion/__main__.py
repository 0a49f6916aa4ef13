"""``python -m backprop_companion`` runs the command line."""

import sys

from backprop_companion.launch import main

sys.exit(main())

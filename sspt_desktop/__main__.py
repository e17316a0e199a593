"""``python -m sspt_desktop``."""

import sys

from sspt_desktop.app import main

sys.exit(main())

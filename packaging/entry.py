"""Launcher that PyInstaller freezes: the same entry point as the ``sspt-desktop`` script."""

import sys

from sspt_desktop.app import main

sys.exit(main())

"""PyInstaller runtime hook (see tierslieu.spec): give a windowed build real streams.

A windowed executable on Windows starts with ``sys.stdout`` and ``sys.stderr`` set to
None; code that calls ``sys.stderr.isatty()`` or ``.write()`` would then crash before
the window opens. Point them at the null device instead.
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115

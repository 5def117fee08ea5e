"""``python -m factcheck``: the command line. The garbage collector is tuned for a short run (cli._gc_for_a_run)
before the command line's modules are imported, not after: importing them alone ran some 30 young collections
(~2.5 ms of a one-release check) that freed next to nothing."""

import gc

from . import gctune

gctune.for_a_run(gc)

from .cli import main  # noqa: E402 - after the collector is tuned

main()

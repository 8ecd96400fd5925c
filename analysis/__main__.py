"""``python -m analysis``: the workbook's command line."""

from analysis.cli import main

raise SystemExit(main())

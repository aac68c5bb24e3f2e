"""``python -m extract PATH ...``: see extract/cli.py."""
from .cli import main

raise SystemExit(main())

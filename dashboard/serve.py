"""Start the dashboard's Streamlit server with its heavy modules already imported.

    .venv/bin/python -m dashboard.serve run dashboard/app.py [streamlit options]

Streamlit imports a page's modules when the first visitor's session runs it, so the first
visit after a start paid for pandas, DuckDB, Arrow and plotly (about 0.6 s of a 3.1 s first
page with 100,000 figures). Importing them here, before the server starts listening, moves
that wait to start-up. The arguments are Streamlit's own.
"""
import sys

import plotly.graph_objects  # noqa: F401  (the charts)
from streamlit.web import cli

# third-party modules and the store only: the dashboard's own modules define Streamlit caches,
# which must be created inside the running server
import extract.store  # noqa: F401  (pandas, DuckDB, Arrow)

if __name__ == "__main__":
    sys.exit(cli.main())

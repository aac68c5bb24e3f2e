"""Browser tests: the app started by the test on a free port, Debian's Chromium driven
by Playwright. Skipped, with the reason, only when /usr/bin/chromium is absent."""
from __future__ import annotations

import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = pathlib.Path(__file__).resolve().parent / "screenshots"

if not os.path.exists(CHROMIUM):
    pytest.skip(f"{CHROMIUM} is absent: apt-get install -y chromium fonts-wqy-microhei",
                allow_module_level=True)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # playwright cannot download its own browsers here: use Debian's, offline
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "headless": True,
            "args": ["--headless", "--no-sandbox", "--disable-gpu",
                     "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--disable-quic"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Streamlit scrolls an inner container: a tall viewport shows the whole page
    return {**browser_context_args, "viewport": {"width": 1400, "height": 2200},
            "accept_downloads": True}


@pytest.fixture(scope="module")
def screenshots() -> pathlib.Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS

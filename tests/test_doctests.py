"""The examples in the extractor's docstrings (separator policy, the clean view, detection) run."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["extract", "extract.numbers", "extract.textview", "extract.detect"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0, result

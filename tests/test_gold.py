"""The extractor against gold: the seeds, the peers' suites and our own articles.

The numbers the issues ask for, held as a floor so a change that lowers them fails:
seeds exactly right, every peer suite at least 0.85 full F1, our articles at least 0.9.
The shared gold lives beside the checkout (../shared), as it does in CI.
"""
from __future__ import annotations

import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import score_suites  # noqa: E402

pytestmark = pytest.mark.skipif(not (score_suites.SHARED / "tools/score.py").exists(),
                                reason="../shared (gold, peers, score.py) is not beside this checkout")

FLOORS = {"duckling-vi": 0.85, "duckling-zh": 0.85, "recognizers-zh": 0.85, "recognizers-en": 0.85,
          "quantulum3-en": 0.85, "user-reports-zh": 0.85, "user-reports-en": 0.85, "articles": 0.9}


def test_seeds_are_exactly_right():
    r = score_suites.score_suite("seeds")
    assert r["full"]["f1"] == 1.0 and r["full"]["p"] == 1.0, (r["_misses"], r["_extras"], r["_wrong"])
    assert (r["approx_acc"], r["series_acc"], r["period_acc"], r["exact_slice"]) == (1.0, 1.0, 1.0, 1.0)


@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_suite_holds_its_floor(suite):
    r = score_suites.score_suite(suite)
    assert r["exact_slice"] in (None, 1.0)  # every figure's text is its document's slice
    assert r["full"]["f1"] >= FLOORS[suite], (suite, r["full"], r["_misses"][:5], r["_extras"][:5])

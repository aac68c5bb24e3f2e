"""The one result type shared by extractor, store, dashboard and downloads.

Field names and meanings are fixed by ``shared/figures-contract.md``; fields may
be added, never renamed or dropped.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

KINDS = ("count", "money", "percent", "area", "length", "mass", "volume", "energy",
         "power", "duration", "speed", "temperature", "other")
APPROX = ("exact", "about", "nearly", "more_than", "less_than", "at_least", "at_most")
ROLES = ("", "from", "to", "low", "high")


@dataclass(frozen=True, slots=True)  # slots: a 50 MB document yields ~10^5 figures
class Figure:
    doc: str
    start: int
    end: int
    text: str
    value: float
    unit: str = ""
    kind: str = "count"
    entity: str = ""
    approx: str = "exact"
    series: str = ""
    role: str = ""
    period: str = ""
    lang: str = ""
    sentence: str = ""
    # added fields (the contract allows additions)
    sentence_start: int = 0   # offset of the sentence in the document's text
    sentence_end: int = 0

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, row: dict) -> "Figure":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in row.items() if k in names})


FIELDS = tuple(f.name for f in dataclasses.fields(Figure))

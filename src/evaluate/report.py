"""Scores, the table printed for people, and the JSON written for tools."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from evaluate.matching import is_missing


@dataclass(frozen=True)
class Score:
    """One metric: `hits` out of `total` (a share or a mean), or a plain count if total is None."""
    key: str  # stable JSON name, e.g. "attack_recall"
    label: str  # what the table shows
    hits: float
    total: int | None = None
    percent: bool = True  # a share (shown as %) rather than a mean such as rows per event
    note: str = ""

    @property
    def value(self) -> float | None:
        if self.total is None:
            return self.hits
        return None if self.total == 0 else self.hits / self.total

    def shown(self) -> str:
        value = self.value
        if value is None:
            return "n/a"
        if self.total is None:
            return f"{value:g}"
        return f"{100 * value:.1f}%" if self.percent else f"{value:.2f}"


@dataclass
class Section:
    """The scores of one data set (gold, acled), what was left out and why, and per-item details."""
    name: str
    scores: list[Score] = field(default_factory=list)
    skipped: str | None = None  # why the whole section did not run
    failed: bool = False  # it did not run because something broke (not because data is absent)
    notes: list[str] = field(default_factory=list)
    details: dict = field(default_factory=dict)


def format_table(sections: list[Section]) -> str:
    lines: list[str] = []
    for section in sections:
        lines.append(f"== {section.name} ==")
        if section.skipped:
            lines.append(f"  skipped: {section.skipped}")
        width = max((len(s.label) for s in section.scores), default=0)
        for score in section.scores:
            count = "" if score.total is None else f"({score.hits:g}/{score.total})"
            line = f"  {score.label:<{width}}  {score.shown():>7}  {count:<11}"
            lines.append((line + f"  {score.note}" if score.note else line).rstrip())
        lines += [f"  note: {note}" for note in section.notes]
        lines.append("")
    return "\n".join(lines)


def to_json(sections: list[Section], context: dict) -> dict:
    out: dict = dict(context)
    for section in sections:
        out[section.name] = {
            "skipped": section.skipped,
            "failed": section.failed,
            "notes": section.notes,
            "scores": {
                s.key: {"label": s.label, "value": s.value, "hits": s.hits, "total": s.total}
                for s in section.scores
            },
            "details": section.details,
        }
    return out


def write_json(path: Path, payload: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(plain(payload), indent=2, ensure_ascii=False) + "\n")


def plain(value: object) -> object:
    """JSON-ready: NaN/NA become null, numpy numbers Python numbers, anything else odd a string."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [plain(v) for v in value]
    if is_missing(value):
        return None
    if isinstance(value, (str, bool, int, float)):
        return value
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return str(value)

"""Terminal views of the capex-language commands (`aicycle language classify|scan|tone|evaluate`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table


def classified_table(rows: Iterable[dict[str, Any]]) -> Table:
    table = Table("id", "label", "conf", "cues", "text")
    for row in rows:
        table.add_row(row["id"], row["label"], f"{row['confidence']:.2f}", ", ".join(row["cues"]),
                      row["text"][:100])
    return table


def print_scan(console: Console, scans: dict[str, dict[str, Any]]) -> None:
    """One summary line per document, its watch-term hits, then example sentences per label."""
    for name, s in scans.items():
        score = "n/a" if s["score"] is None else f"{s['score']:+.2f}"
        counts = " ".join(f"{k}={v}" for k, v in s["counts"].items())
        watch = " ".join(f"{k}={v}" for k, v in s["watch_terms"].items() if v)
        console.print(f"[bold]{name}[/]: {s['sentences']} sentences, score {score}; {counts}", highlight=False)
        console.print(f"  watch terms: {watch or 'none'}", highlight=False)
        for label, rows in s.get("examples", {}).items():
            for row in rows:
                console.print(f"  {label:<8} {row['text'][:110]}", highlight=False, markup=False)


def print_tone(console: Console, quarters: list[dict[str, Any]]) -> None:
    for q in quarters:
        score = "n/a" if q["score"] is None else f"{q['score']:+.2f}"
        shift = "" if q["shift"] is None else f" ({q['shift']:+.2f})"
        flag = " [date estimated]" if q["flags"] else ""
        console.print(f"{q['period']:<10} {q['date']}  {score}{shift}{flag}", highlight=False, markup=False)


def print_evaluation(console: Console, results: dict[str, dict[str, Any]]) -> None:
    """Macro-F1 and accuracy per labeller, then precision, recall and F1 per class."""
    for name, r in results.items():
        console.print(f"[bold]{name}[/]: macro-F1 {r['macro_f1']:.3f}, accuracy {r['accuracy']:.3f} (n={r['n']})")
        for label, c in r["per_class"].items():
            console.print(f"  {label:<9} P {c['precision']:.3f}  R {c['recall']:.3f}  F1 {c['f1']:.3f}  "
                          f"n={c['support']}")

"""Terminal views of the capex-language commands (`aicycle language classify|scan|tone|evaluate`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table

from aicycle.language.labels import LABELS


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


SCORERS = (("model", "model"), ("rules", "rules alone"), ("loughran_mcdonald", "LM dictionary"))


def print_evaluation(console: Console, result: dict[str, Any]) -> None:
    """How it was measured, macro-F1 per scorer, per-label precision/recall/F1, the model's confusion matrix."""
    held = f"{result.get('companies')} companies, each held out in turn" if result.get("companies") else ""
    console.print(f"{result.get('sentences')} sentences ({result.get('data', '')}); {result['method']}"
                  + (f": {held}" if held else ""), highlight=False, markup=False)
    table = Table("scorer", "macro-F1", *LABELS, title="F1 per label", title_justify="left")
    for key, name in SCORERS:
        if key in result:
            r = result[key]
            table.add_row(name, f"{r['macro_f1']:.3f}", *(f"{r['per_class'][k]['f1']:.2f}" for k in LABELS))
    console.print(table)
    model = result["model"]
    detail = Table("label", "precision", "recall", "n", title="stance model, per label", title_justify="left")
    for label in LABELS:
        c = model["per_class"][label]
        detail.add_row(label, f"{c['precision']:.3f}", f"{c['recall']:.3f}", str(c["support"]))
    console.print(detail)
    if "confusion" in model:
        matrix = Table("gold \\ predicted", *LABELS, title="confusion matrix (stance model)", title_justify="left")
        for gold in LABELS:
            matrix.add_row(gold, *(str(model["confusion"][gold][p]) for p in LABELS))
        console.print(matrix)
    if "ece" in model:
        console.print(f"calibration: expected calibration error {model['ece']:.3f} "
                      f"(temperature {model['temperature']:.2f})", highlight=False)
    written = result.get("written")
    if written:
        shapes = Table("scorer", "macro-F1", *LABELS, title_justify="left",
                       title=f"the definitions' shapes: {written['sentences']} written sentences, "
                             f"{written['method']} ({written['writers']} writers)")
        for key, name in (("model", "model"), ("rules", "rules alone")):
            r = written[key]
            shapes.add_row(name, f"{r['macro_f1']:.3f}", *(f"{r['per_class'][k]['f1']:.2f}" for k in LABELS))
        console.print(shapes)


def evaluation_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per scorer and label (csv / parquet)."""
    rows = [{"scorer": key, "label": label, "macro_f1": result[key]["macro_f1"], **scores}
            for key, _ in SCORERS if key in result for label, scores in result[key]["per_class"].items()]
    written = result.get("written") or {}
    return rows + [{"scorer": f"written_{key}", "label": label, "macro_f1": written[key]["macro_f1"], **scores}
                   for key in ("model", "rules") if key in written
                   for label, scores in written[key]["per_class"].items()]

"""Terminal view of the compute and capacity contracts (`aicycle contracts`)."""

from __future__ import annotations

import datetime as dt

from rich.table import Table

from aicycle.contracts import Contract, Total


def _value(c: Contract) -> str:
    if c.value_usd is None:
        return "not stated"
    return f"${c.value_usd / 1e9:,.1f}B"


def contracts_table(rows: list[Contract], day: dt.date, total: Total) -> Table:
    table = Table(title=f"{len(rows)} contracts public by {day}", title_justify="left",
                  caption=_caption(total), caption_justify="left")
    for col in ("date", "buyer → seller", "value", "source"):
        table.add_column(col, overflow="fold", justify="right" if col == "value" else "left",
                         no_wrap=col in ("date", "value"))
    for c in rows:
        marks = [c.kind.replace("_", " "), c.source_type.replace("_", " ")]
        if c.flag:
            marks.append(c.flag.replace("_", " "))
        if c.overlap_group:
            marks.append(f"overlaps: {c.overlap_group}")
        table.add_row(c.announced_text, f"{c.buyer} → {c.seller}", _value(c),
                      f"{'; '.join(marks)}\n{c.url or c.source}")
    return table


def _caption(total: Total) -> str:
    text = (f"Stated values, counted once per overlapping commitment: ${total.value_usd / 1e9:,.1f}B over "
            f"{total.counted} contract(s); {total.without_value} without a stated value.")
    if total.left_out:
        text += " Not added: " + " | ".join(total.left_out)
    return text

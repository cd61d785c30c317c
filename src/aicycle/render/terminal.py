"""The report as a Rich dashboard: verdict panel, one row per checkpoint, then each checkpoint's key
metrics. Text from the data is printed as text (never parsed as Rich markup)."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aicycle.checkpoints.base import Reading
from aicycle.render.numbers import fmt

STYLES = {"expanding": "bold green", "steady": "bold blue", "slowing": "bold yellow",
          "contracting": "bold red", "insufficient_data": "dim"}


def _state(state: str) -> Text:
    return Text(state.replace("_", " "), style=STYLES.get(state, ""))


def verdict_panel(report: Any) -> Panel:
    v = report.verdict
    title = Text.assemble("AI build-out as of ", (str(report.as_of), "bold"))
    head = Text.assemble(_state(v.state), "   ",
                         f"composite {v.score:+.2f}" if v.score is not None else "no composite",
                         f"   diffusion {v.diffusion['index']:.0f}" if v.diffusion.get("index") is not None else "",
                         f"   confidence {getattr(v, 'confidence_label', 'n/a')}")
    lines = [head, Text(v.summary), Text("\n".join(f"· {line}" for line in v.reasoning[-2:]), style="dim")]
    if getattr(report, "beyond_data", None):
        lines.insert(1, Text(f"Note: {report.beyond_data}; nothing later is known.", style="yellow"))
    if getattr(report, "latest_event", None):
        lines.append(Text(event_line(report.latest_event), style="italic"))
    body = Group(*lines)
    return Panel(body, title=title, border_style=STYLES.get(v.state, "").replace("bold ", "") or "white")


def event_line(ev: dict[str, Any]) -> str:
    """One line: the latest event studied, the market's reaction, what came next, the command."""
    car = ev.get("portfolio_car")
    test = ev.get("bmp_kp") or {}
    reaction = f"portfolio CAR {car:+.1%}" if car is not None else "portfolio CAR n/a"
    if test.get("p") is not None:
        reaction += f" (BMP-KP p={test['p']:.2f})"
    nxt = (ev.get("fundamentals_next") or {}).get("summary", "")
    return (f"Latest event {ev['date']}: {ev.get('headline') or ev['id']} — {reaction}; next: {nxt}. "
            f"Study it: {ev['command']}")


def checkpoints_table(report: Any) -> Table:
    table = Table(expand=True, show_lines=False, header_style="bold")
    table.add_column("Checkpoint", no_wrap=True)
    table.add_column("State", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    table.add_column("Headline", ratio=1)
    for r in report.checkpoints:
        cov = (r.coverage or {}).get("text")
        headline = r.headline if not cov or "confidence:" in r.headline else f"{r.headline} ({cov})"
        table.add_row(Text(r.id), _state(r.state), "—" if r.score is None else f"{r.score:+.2f}", Text(headline))
    return table


def metrics_table(reading: Reading, limit: int = 12) -> Table:
    table = Table(title=Text(reading.title, style="bold"), title_justify="left", expand=True, box=None)
    table.add_column("Metric", ratio=2)
    table.add_column("Period", no_wrap=True)
    table.add_column("Value", justify="right", no_wrap=True)
    for m in reading.metrics[:limit]:
        table.add_row(Text(m.label), Text(m.period or ""), fmt(m.value, m.unit))
    if len(reading.metrics) > limit:
        table.add_row(Text(f"… {len(reading.metrics) - limit} more (--json or --html for all)", style="dim"), "", "")
    return table


def render(report: Any, console: Console) -> None:
    console.print(verdict_panel(report))
    console.print(checkpoints_table(report))
    for r in report.checkpoints:
        if r.metrics:
            console.print(metrics_table(r))
    n = sum(len(r.evidence) for r in report.checkpoints)
    console.print(Text(f"{n} evidence items with sources: aicycle report --json or --html PATH", style="dim"))

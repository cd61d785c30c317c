"""`aicycle store check` and `aicycle store repair` on the terminal: a line per table, then advice."""

from __future__ import annotations

from typing import Any

from rich.console import Console


def print_store_check(console: Console, result: dict[str, Any]) -> None:
    console.print(f"store: {result['path']}", highlight=False, soft_wrap=True)
    for table, info in result["tables"].items():
        if info.get("ok"):
            console.print(f"  {table:<14} {info['rows']:>8,} rows  ok", highlight=False)
        else:
            console.print(f"  {table:<14} [red]damaged[/]: {info.get('problem')}", highlight=False, soft_wrap=True)
    snapshot = result["snapshot"]
    same = result.get("built_from_snapshot") == snapshot["sha256"]
    console.print(f"  bundled snapshot {snapshot['sha256'][:16]}"
                  + ("" if not result.get("tables") else
                     " (the store was built from it)" if same else " (the store was built from another)"),
                  highlight=False)
    console.print(f"  journal: {result['journal']['entries']} import(s) kept for a rebuild", highlight=False)
    for problem in result["problems"]:
        console.print(f"  [red]problem[/]: {problem}", highlight=False, soft_wrap=True)
    colour = {"ok": "green", "warnings": "yellow"}.get(result["status"], "red")
    console.print(f"[{colour}]{result['status']}[/]: {result['advice']}", highlight=False, soft_wrap=True)


def print_store_repair(console: Console, result: dict[str, Any]) -> None:
    if not result["repaired"]:
        console.print(result["message"], highlight=False, soft_wrap=True)
        return
    if result["moved_to"]:
        console.print(f"moved the old store aside: {result['moved_to']}", highlight=False, soft_wrap=True)
    rows = sum(result["snapshot_rows"].values())
    console.print(f"rebuilt {result['path']} from the bundled snapshot ({rows:,} rows)", highlight=False,
                  soft_wrap=True)
    for line in result["reapplied"]:
        console.print(f"  re-applied: {line}", highlight=False, soft_wrap=True)
    for entry, reason in result["not_reapplied"].items():
        console.print(f"  [red]not re-applied[/]: {entry}: {reason}", highlight=False, soft_wrap=True)
    console.print(result["message"], highlight=False, soft_wrap=True)

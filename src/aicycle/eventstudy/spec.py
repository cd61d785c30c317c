"""What a study asks for: windows, model, market. Defaults live in rules.py (documented in docs/event_study.md)."""

from __future__ import annotations

from dataclasses import dataclass

from aicycle import rules
from aicycle.errors import InputError
from aicycle.eventstudy.core import MODELS


@dataclass(frozen=True)
class Spec:
    window: tuple[int, int] = rules.EVENT_WINDOW
    estimation: int = rules.ESTIMATION_DAYS
    gap: int = rules.ESTIMATION_GAP
    model: str = rules.EVENT_MODEL
    market: str = rules.EVENT_MARKET
    after: int = rules.EVENT_AFTER_DAYS

    @property
    def estimation_window(self) -> tuple[int, int]:
        """Days relative to day 0: the estimation window ends `gap` + 1 sessions before day 0."""
        return (-(self.gap + self.estimation), -(self.gap + 1))

    @property
    def width(self) -> int:
        return self.window[1] - self.window[0] + 1

    def validate(self) -> Spec:
        a, b = self.window
        if a > b:
            raise InputError(f"--window {a},{b}: the first day must not be after the last")
        if self.model not in MODELS:
            raise InputError(f"--model {self.model!r}: choose one of {', '.join(MODELS)}")
        if self.estimation < rules.MIN_ESTIMATION_DAYS:
            raise InputError(f"--estimation {self.estimation}: too short, at least "
                             f"{rules.MIN_ESTIMATION_DAYS} trading days are needed")
        if self.gap < 0:
            raise InputError(f"--gap {self.gap}: must be 0 or more")
        if a <= self.estimation_window[1]:
            raise InputError(f"--window {a},{b} overlaps the estimation window "
                             f"{self.estimation_window[0]}..{self.estimation_window[1]}; raise --gap")
        if self.after < 0:
            raise InputError("--after must be 0 or more")
        return self


def parse_window(text: str) -> tuple[int, int]:
    """'-1,5' -> (-1, 5); a clear error for anything else."""
    parts = [p.strip() for p in text.replace(";", ",").split(",")]
    try:
        if len(parts) != 2:
            raise ValueError
        a, b = int(parts[0]), int(parts[1])
    except ValueError:
        raise InputError(f"--window {text!r}: expected two whole days 'a,b', e.g. -1,1 or -1,5") from None
    if a > b:
        raise InputError(f"--window {text!r}: the first day must not be after the last")
    return (a, b)

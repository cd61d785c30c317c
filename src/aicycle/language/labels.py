"""The five capex-stance labels (docs/stance_labels.md) and a sentence's answer."""

from __future__ import annotations

from dataclasses import dataclass, field

LABELS = ("expand", "maintain", "moderate", "cut", "none")


@dataclass(frozen=True)
class Stance:
    """A sentence's label, how sure the classifier is (0–1), and the cue phrases behind it."""

    label: str
    confidence: float
    cues: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, object]:
        return {"label": self.label, "confidence": self.confidence, "cues": list(self.cues)}


NONE_OFF_TOPIC = Stance("none", 0.95, ())

"""Capex language: the stance of sentences about AI / data-center capex, per document and per company.

    from aicycle.language import classify, scan_document
    classify("We are not slowing down our investment in AI infrastructure.").label  # 'expand'
"""

from __future__ import annotations

from aicycle.language.document import DocumentSummary, scan_document
from aicycle.language.stance import LABELS, Stance, classify

__all__ = ["LABELS", "DocumentSummary", "Stance", "classify", "scan_document"]

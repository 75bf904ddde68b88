"""Measure and compare: a piece's measures (each defined once, in `measures`), the comparison with
wire copy (`comparison`), paragraphs aligned with it, distinctive terms, and the neutral rewrite."""

from .align import align_paragraphs
from .comparison import arcs, compare, excludes_zero
from .distinctive import distinctive_terms
from .measures import VoiceSummary, piece_measures, voice_summary
from .rewrite import RewriteSummary, neutral_rewrite, rewrite_summary
from .where import hit_positions, loaded_by_part

__all__ = ["RewriteSummary", "VoiceSummary", "align_paragraphs", "arcs", "compare", "distinctive_terms",
           "excludes_zero", "hit_positions", "loaded_by_part", "neutral_rewrite", "piece_measures", "rewrite_summary",
           "voice_summary"]

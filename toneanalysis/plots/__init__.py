"""Plot: axes-level charts (seaborn style) of the tables of an analysed article and its comparison.

`plots.article` (tone arc, loaded terms), `plots.comparison` (arcs against wire copy, distinctive
terms), `plots.voice` (whose words, attribution verbs, actors, the neutral rewrite).
"""

from .article import hit_positions, plot_loaded_categories, plot_loaded_weights, plot_tone_arc, style_paragraphs
from .comparison import plot_arc, plot_distinctive_terms
from .voice import plot_actor_tone, plot_reporting_verbs, plot_tone_change, plot_voice_shares

__all__ = ["hit_positions", "plot_actor_tone", "plot_arc", "plot_distinctive_terms", "plot_loaded_categories", "plot_loaded_weights",
           "plot_reporting_verbs", "plot_tone_arc", "plot_tone_change", "plot_voice_shares", "style_paragraphs"]

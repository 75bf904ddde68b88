"""Plot: axes-level charts (seaborn style) of the tables of an analysed article and its comparison.

`plots.article` (tone arc, loaded terms), `plots.comparison` (arcs against wire copy, distinctive
terms), `plots.voice` (whose words, attribution verbs, actors, the neutral rewrite), `plots.corpus`
(outlets across a corpus); `plots.common`
holds what they share (the Axes, the table check, the palette). `plots.chart(fig)` draws a figure
as inline SVG that shows more on hover without any script (`plots.hover`; the texts are
`plots.tooltips`'), with alt text saying what the chart shows.

Every `plot_*` function takes its table first (or, where one article is enough, the analysed
article from `ta.analyse`), `ax` by keyword only, passes further keyword arguments on to the
matplotlib call that draws the data, and returns the Axes it drew on.
"""

from .article import (
    category_colours,
    hit_positions,
    plot_loaded_categories,
    plot_loaded_weights,
    plot_tone_arc,
    style_paragraphs,
)
from .common import DIVERGING_CMAP, FRAMING_COLOURS
from .comparison import plot_arc, plot_distinctive_terms
from .corpus import plot_by_period, plot_group_differences, plot_term_scatter
from .hover import Chart, chart, describe, description, tip, tips
from .voice import plot_actor_tone, plot_reporting_verbs, plot_tone_change, plot_voice_shares, voice_counts

__all__ = ["DIVERGING_CMAP", "FRAMING_COLOURS", "Chart", "category_colours", "chart", "describe", "description",
           "hit_positions", "plot_actor_tone", "plot_arc",
           "plot_by_period", "plot_distinctive_terms", "plot_group_differences", "plot_loaded_categories",
           "plot_loaded_weights", "plot_reporting_verbs", "plot_term_scatter", "plot_tone_arc", "plot_tone_change",
           "plot_voice_shares", "style_paragraphs", "tip", "tips", "voice_counts"]

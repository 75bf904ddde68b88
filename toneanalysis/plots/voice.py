"""Axes-level charts for whose words the loaded language is: voice shares, attribution verbs, tone
per actor, and the neutral rewrite.

Each function takes a DataFrame the package returns, or the analysed article (`ta.analyse`) and
builds that table itself; it draws on `ax` (a new figure's Axes when None), passes extra keyword
arguments on to the matplotlib call that draws the data, and returns the Axes. matplotlib is
imported inside the functions, so `import toneanalysis` stays light; the notebooks set the theme.

>>> import toneanalysis as ta
>>> from toneanalysis import plots
>>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"}}
>>> piece = ta.analyse('The tyrant came. "A tyrant," Kirby said.', lexicon=lexicon)
>>> [float(bar.get_width()) for bar in plots.plot_voice_shares(piece).patches]
[0.5, 0.0, 0.5]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pandas as pd

from ..analyse import AnalysedArticle, actor_tone, reporting_verbs
from ..measure import VoiceSummary, neutral_rewrite, voice_summary
from .common import DIVERGING_CMAP, HITS, NEGATIVE, POSITIVE, axes, plain, table
from .hover import describe, tip, tips

if TYPE_CHECKING:
    from matplotlib.axes import Axes

VOICE_LABELS = {"editorial": "editorial (outlet's text)", "scare_quote": "scare quotes", "quoted": "quoted sources"}
VOICE_COLOURS = {"editorial": NEGATIVE, "scare_quote": "#ef8a62", "quoted": "#67a9cf"}
VERB_COLOURS = {"neutral": "#969696", "colouring": NEGATIVE}
SUMMARY_COLUMNS = [f"loaded_{v}" for v in VOICE_LABELS]
VOICES = f"{HITS} or a table of VoiceSummary rows"
VERBS = "the verb table from reporting_verbs()"
ACTORS = "the actor table from actor_tone()"
REWRITE = "the rewrite table from neutral_rewrite()"


def voice_counts(frame: pd.DataFrame | VoiceSummary | AnalysedArticle, *, what: str = "voice_counts") -> pd.DataFrame:
    """Loaded-term counts by voice, one row per piece: from a hit table or an analysed article (one
    row), a `VoiceSummary` (one row), or a table of `VoiceSummary` rows (`loaded_editorial`,
    `loaded_scare_quote`, `loaded_quoted`). `what` names the caller in errors."""
    order = list(VOICE_LABELS)
    if isinstance(frame, AnalysedArticle):  # the piece's measure: its body, as `voice_summary` counts
        frame = voice_summary(frame)
    if isinstance(frame, VoiceSummary):
        frame = pd.DataFrame([frame._asdict()], index=["this piece"])
    if isinstance(frame, pd.DataFrame) and "voice" in frame.columns:
        counts = frame["voice"].value_counts().reindex(order, fill_value=0)
        return pd.DataFrame([counts.to_numpy()], columns=order, index=["this piece"])
    out = table(frame, SUMMARY_COLUMNS, what, f"{VOICES} (or an analysed article from ta.analyse())")
    out = out[SUMMARY_COLUMNS].astype(float)
    out.columns = order
    return out


def plot_voice_shares(frame: pd.DataFrame | VoiceSummary | AnalysedArticle, *, ax: Axes | None = None,
                      **kwargs: Any) -> Axes:
    """100% bars: the share of loaded terms in the outlet's own words, scare quotes, and quotes.

    `frame` is an analysed article or a `VoiceSummary` (one bar: the body, as `voice_summary` counts
    it), a table of `VoiceSummary` rows, one per piece (`pd.DataFrame({name:
    ta.voice_summary(a).to_series() for ...}).T`, one bar each), or a hit table (one bar: the hits
    it holds, whichever rows you kept). `kwargs` go to `ax.barh` of each voice's segments.
    """
    counts = voice_counts(frame, what="plot_voice_shares")
    totals = counts.sum(axis=1)
    shares = counts.div(totals.where(totals > 0), axis=0).fillna(0)
    ax = axes(ax, (7, 0.6 + 0.5 * len(shares)))
    left = pd.Series(0.0, index=shares.index)
    labels = plain(f"{name} (n={int(n)})" for name, n in totals.items())
    for voice, label in VOICE_LABELS.items():
        bars = ax.barh(labels, shares[voice], left=left, **{"color": VOICE_COLOURS[voice], "label": label, **kwargs})
        for bar, name, n, share in zip(bars, shares.index, counts[voice], shares[voice]):
            tip(bar, f"{name}: {int(n)} of {int(totals[name])} loaded terms ({share:.0%}) are {label}")
        for y, (x0, w) in enumerate(zip(left, shares[voice])):
            if w >= 0.08:
                ax.text(x0 + w / 2, y, f"{w:.0%}", ha="center", va="center", fontsize=9, color="white")
        left += shares[voice]
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of loaded terms")
    # Beside the axis, clear of the bars, the x label and a title set afterwards.
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=9)
    own = (shares["editorial"] + shares["scare_quote"]).round(2)
    describe(ax, f"100% bars, one per piece ({len(shares)}): the share of its loaded terms in the outlet's own "
                 "words, in scare quotes and quoted from sources. Own voice (own words and scare quotes): "
                 + ", ".join(f"{name} {share:.0%}" for name, share in own.items()) + ".")
    return ax


def plot_reporting_verbs(verbs: pd.DataFrame | AnalysedArticle, *, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Counts of each attribution verb (lemma), coloured neutral or colouring, most frequent first.

    `verbs` is `reporting_verbs`' table or an analysed article; `kwargs` go to `ax.barh`
    (`color` replaces the kind colours).

    >>> import toneanalysis as ta
    >>> ax = plot_reporting_verbs(ta.analyse("Kirby said it. Kuleba claimed it. Lee said so."))
    >>> [(t.get_text(), float(bar.get_width())) for t, bar in zip(ax.get_yticklabels(), ax.patches)]
    [('say', 2.0), ('claim', 1.0)]
    """
    verbs = table(verbs, ["verb", "kind"], "plot_reporting_verbs", VERBS, build=reporting_verbs)
    counts = verbs.groupby(["verb", "kind"]).size().sort_values(ascending=False, kind="stable")
    ax = axes(ax, (6, 0.6 + 0.3 * max(len(counts), 1)))
    if counts.empty:
        ax.text(0.5, 0.5, "no attribution verbs found", ha="center", va="center", transform=ax.transAxes)
        return ax
    names = [verb for verb, _ in counts.index]
    colours = [VERB_COLOURS.get(kind, "0.5") for _, kind in counts.index]
    bars = ax.barh(plain(names), counts.to_numpy(dtype=float), **{"color": colours, **kwargs})
    for bar, ((verb, kind), n) in zip(bars, counts.items()):
        found = verbs[verbs["verb"] == verb]
        forms = ", ".join(found["text"].drop_duplicates().head(5)) if "text" in found else ""
        tip(bar, f"{verb} ({kind}): {n}×" + (f" · as written: {forms}" if forms else ""))
    ax.invert_yaxis()
    ax.set_xlabel("occurrences outside quotes")
    colouring = int(counts[[kind == "colouring" for _, kind in counts.index]].sum())
    describe(ax, f"Counts of {len(counts)} attribution verbs outside quotes, most frequent first: "
                 f"{int(counts.sum()) - colouring} neutral and {colouring} colouring uses.")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=k) for k, c in VERB_COLOURS.items()], frameon=False, fontsize=9)
    return ax


def plot_actor_tone(actors: pd.DataFrame | AnalysedArticle, *, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Mean tone of the sentences mentioning each actor (bars, coloured on a diverging scale centred
    on 0), labelled with the number of sentences and of loaded words describing the actor.

    `actors` is `actor_tone`'s table or an analysed article (its `default_actors`); `kwargs` go to
    `ax.barh` (`color` replaces the diverging colours).
    """
    import matplotlib as mpl

    actors = table(actors, ["actor", "tone_mean", "n_sentences", "n_describing"], "plot_actor_tone", ACTORS,
                   build=actor_tone)
    ax = axes(ax, (6, 0.6 + 0.45 * max(len(actors), 1)))
    limit = max(float(actors["tone_mean"].abs().max()) if len(actors) else 0.0, 0.05)
    norm = mpl.colors.Normalize(-limit, limit)
    cmap = mpl.colormaps[DIVERGING_CMAP]
    values = actors["tone_mean"].astype(float).fillna(0)
    bars = {"color": [cmap(norm(v)) for v in values], "edgecolor": "#444444", "linewidth": 0.5}
    drawn = ax.barh(plain(actors["actor"]), values, **{**bars, **kwargs})
    for bar, row in zip(drawn, actors.itertuples()):
        terms = getattr(row, "describing_terms", "")
        tip(bar, f"{row.actor}: mean tone {row.tone_mean:+.2f} over {row.n_sentences} sentences · "
                 f"{row.n_describing} loaded words describe them" + (f": {terms}" if terms else ""))
    for y, (x, row) in enumerate(zip(values, actors.itertuples())):
        # On the empty side of 0, so the note never sits on its bar.
        ax.text(-0.04 * limit if x >= 0 else 0.04 * limit, y, f"{row.n_sentences} sentences, {row.n_describing} loaded",
                va="center", ha="right" if x >= 0 else "left", fontsize=8)
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_xlim(-limit * 1.8, limit * 1.8)
    ax.invert_yaxis()
    ax.set_xlabel("mean tone of sentences mentioning the actor")
    describe(ax, f"Mean tone of the sentences mentioning each of {len(actors)} actors, as bars either side of 0"
                 + (f"; the lowest is {actors.loc[values.idxmin(), 'actor']} ({values.min():+.2f})." if len(actors)
                    else "."))
    return ax


def plot_tone_change(rewrite: pd.DataFrame | AnalysedArticle, *, ax: Axes | None = None, **kwargs: Any) -> Axes:
    """Per block, the tone as written (dot) and after the neutral rewrite (diamond, arrowed from the
    dot where words were replaced), in reading order.

    `rewrite` is `neutral_rewrite`'s table or an analysed article; `kwargs` go to both
    `ax.scatter` calls (as written, rewritten).
    """
    rewrite = table(rewrite, ["block", "tone", "tone_rewritten", "n_replaced"], "plot_tone_change", REWRITE,
                    build=neutral_rewrite)
    ax = axes(ax, (9, 4))
    x = range(len(rewrite))
    said = [f"Block {row.block} ({row.role}): tone {row.tone:+.2f} as written, {row.tone_rewritten:+.2f} rewritten"
            + (f" · {row.replacements}" if row.n_replaced and isinstance(row.replacements, str) else "")
            for row in rewrite.itertuples()]
    tips(ax.scatter(x, rewrite["tone"], **{"color": NEGATIVE, "s": 18, "label": "as written", "zorder": 3,
                                           **kwargs}), said)
    tips(ax.scatter(x, rewrite["tone_rewritten"],
                    **{"color": POSITIVE, "s": 18, "marker": "D", "label": "neutral rewrite", "zorder": 3, **kwargs}),
         said)
    for i, row in zip(x, rewrite.itertuples()):
        if row.n_replaced:
            ax.annotate("", xy=(i, row.tone_rewritten), xytext=(i, row.tone),
                        arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 0.8})
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.set_xticks(list(x)[::5], rewrite["block"].iloc[::5])
    ax.set_xlabel("block (reading order)")
    ax.set_ylabel("tone")
    ax.legend(frameon=False, fontsize=9)
    describe(ax, f"Tone of each of {len(rewrite)} blocks in reading order as written (dots) and after the neutral "
                 f"rewrite (diamonds); {int((rewrite['n_replaced'] > 0).sum())} blocks have words replaced. "
                 "Hover a point for its block.")
    return ax

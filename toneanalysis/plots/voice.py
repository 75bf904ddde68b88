"""Axes-level charts for whose words the loaded language is: voice shares, attribution verbs, tone
per actor, and the neutral rewrite.

Each function takes a DataFrame the package returns, draws on `ax` (a new figure's Axes when
None) and returns the Axes. matplotlib and seaborn are imported inside the functions, so
`import toneanalysis` stays light; the notebooks set the theme.

>>> import toneanalysis as ta
>>> from toneanalysis import voice_plots
>>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"}}
>>> hits = ta.find_loaded_terms('The tyrant came. "A tyrant," Kirby said.', lexicon=lexicon)
>>> voice_plots.plot_voice_shares(hits).get_xlabel()
'share of loaded terms'
"""

from __future__ import annotations

import pandas as pd

from ..errors import ToneAnalysisError

VOICE_LABELS = {"editorial": "editorial (outlet's text)", "scare_quote": "scare quotes", "quoted": "quoted sources"}
VOICE_COLOURS = {"editorial": "#b2182b", "scare_quote": "#ef8a62", "quoted": "#67a9cf"}
VERB_COLOURS = {"neutral": "#969696", "colouring": "#b2182b"}
DIVERGING_CMAP = "RdBu"  # red for negative tone, blue for positive, white at 0


def _axes(ax, size=None):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=size)
    return ax


def _need(frame, columns, what):
    if not isinstance(frame, pd.DataFrame):
        raise ToneAnalysisError(f"{what}: expected a DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ToneAnalysisError(f"{what}: the table has no column {missing[0]!r}")


def voice_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Loaded-term counts by voice, one row per piece: from a hit table (one row) or from a table of
    `VoiceSummary` rows (`loaded_editorial`, `loaded_scare_quote`, `loaded_quoted`)."""
    order = list(VOICE_LABELS)
    if isinstance(frame, pd.DataFrame) and "voice" in frame.columns:
        counts = frame["voice"].value_counts().reindex(order, fill_value=0)
        return pd.DataFrame([counts.to_numpy()], columns=order, index=["this piece"])
    _need(frame, [f"loaded_{v}" for v in order], "voice_counts")
    out = frame[[f"loaded_{v}" for v in order]].astype(float)
    out.columns = order
    return out


def plot_voice_shares(frame: pd.DataFrame, ax=None):
    """100% bars: the share of loaded terms in the outlet's own words, scare quotes, and quotes.

    `frame` is `find_loaded_terms`' table (one bar) or a table of `VoiceSummary` rows, one per piece
    (`pd.DataFrame({name: ta.voice_summary(a).to_series() for ...}).T`), one bar each.
    """
    counts = voice_counts(frame)
    totals = counts.sum(axis=1)
    shares = counts.div(totals.where(totals > 0), axis=0).fillna(0)
    ax = _axes(ax, (7, 0.6 + 0.5 * len(shares)))
    left = pd.Series(0.0, index=shares.index)
    labels = [f"{name} (n={int(n)})" for name, n in totals.items()]
    for voice, label in VOICE_LABELS.items():
        ax.barh(labels, shares[voice], left=left, color=VOICE_COLOURS[voice], label=label)
        for y, (x0, w) in enumerate(zip(left, shares[voice])):
            if w >= 0.08:
                ax.text(x0 + w / 2, y, f"{w:.0%}", ha="center", va="center", fontsize=9, color="white")
        left += shares[voice]
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of loaded terms")
    # Beside the axis, clear of the bars, the x label and a title set afterwards.
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), frameon=False, fontsize=9)
    return ax


def plot_reporting_verbs(verbs: pd.DataFrame, ax=None):
    """Counts of each attribution verb (lemma), coloured neutral or colouring, most frequent first."""
    _need(verbs, ["verb", "kind"], "plot_reporting_verbs")
    counts = verbs.groupby(["verb", "kind"]).size().sort_values(ascending=False)
    ax = _axes(ax, (6, 0.6 + 0.3 * max(len(counts), 1)))
    if counts.empty:
        ax.text(0.5, 0.5, "no attribution verbs found", ha="center", va="center", transform=ax.transAxes)
        return ax
    names = [verb for verb, _ in counts.index]
    ax.barh(names, counts.to_numpy(), color=[VERB_COLOURS[kind] for _, kind in counts.index])
    ax.invert_yaxis()
    ax.set_xlabel("occurrences outside quotes")
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=c, label=k) for k, c in VERB_COLOURS.items()], frameon=False, fontsize=9)
    return ax


def plot_actor_tone(table: pd.DataFrame, ax=None):
    """Mean tone of the sentences mentioning each actor (bars, coloured on a diverging scale centred
    on 0), labelled with the number of sentences and of loaded words describing the actor."""
    import matplotlib as mpl

    _need(table, ["actor", "tone_mean", "n_sentences", "n_describing"], "plot_actor_tone")
    ax = _axes(ax, (6, 0.6 + 0.45 * max(len(table), 1)))
    limit = max(float(table["tone_mean"].abs().max()) if len(table) else 0.0, 0.05)
    norm = mpl.colors.Normalize(-limit, limit)
    cmap = mpl.colormaps[DIVERGING_CMAP]
    values = table["tone_mean"].fillna(0)
    ax.barh(table["actor"], values, color=[cmap(norm(v)) for v in values], edgecolor="#444444", linewidth=0.5)
    for y, row in enumerate(table.itertuples()):
        note = f"{row.n_sentences} sentences, {row.n_describing} loaded"
        # On the empty side of 0, so the note never sits on its bar.
        x = values.iloc[y]
        ax.text(-0.04 * limit if x >= 0 else 0.04 * limit, y, note, va="center",
                ha="right" if x >= 0 else "left", fontsize=8)
    ax.axvline(0, color="#444444", linewidth=0.8)
    ax.set_xlim(-limit * 1.8, limit * 1.8)
    ax.invert_yaxis()
    ax.set_xlabel("mean tone of sentences mentioning the actor")
    return ax


def plot_tone_change(table: pd.DataFrame, ax=None):
    """Per block, the tone as written (dot) and after the neutral rewrite (arrow head), in reading order."""
    _need(table, ["block", "tone", "tone_rewritten", "n_replaced"], "plot_tone_change")
    ax = _axes(ax, (9, 4))
    x = range(len(table))
    ax.scatter(x, table["tone"], color="#b2182b", s=18, label="as written", zorder=3)
    ax.scatter(x, table["tone_rewritten"], color="#2166ac", s=18, marker="D", label="neutral rewrite", zorder=3)
    for i, row in zip(x, table.itertuples()):
        if row.n_replaced:
            ax.annotate("", xy=(i, row.tone_rewritten), xytext=(i, row.tone),
                        arrowprops={"arrowstyle": "->", "color": "#555555", "lw": 0.8})
    ax.axhline(0, color="#444444", linewidth=0.8)
    ax.set_xticks(list(x)[::5])
    ax.set_xticklabels(table["block"].iloc[::5])
    ax.set_xlabel("block (reading order)")
    ax.set_ylabel("tone")
    ax.legend(frameon=False, fontsize=9)
    return ax

"""Chart functions: they draw the data they are given, on the Axes they are given, and leave the theme alone."""

import ast
import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from conftest import ROOT
from matplotlib.collections import Collection
from matplotlib.lines import Line2D

import toneanalysis as ta
from toneanalysis import plots
from toneanalysis.errors import ToneAnalysisError
from toneanalysis.study.terms import group_terms

LEX = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "axis of evil": {"category": "loaded_metaphor", "weight": 3, "framing": "negative", "neutral": "allies"},
    "snarling": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "smiling"},
    "brutal": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "violent"},
    "ardently": {"category": "puffery", "weight": 1, "framing": "positive", "neutral": "warmly"},
}

PIECE = """Tyrants forge an axis of evil

The snarling tyrant Kim Jong Un greeted Vladimir Putin in Pyongyang on Tuesday, and the brutal pair embraced ardently.

"He is a tyrant and a liar," Kirby said. Officials said the talks were calm and friendly.

Putin claimed the deal was a happy day for peace. Kim insisted the treaty ended the so-called ‘tyrant’ era.

The two leaders signed a treaty and left the capital as the brutal rain began.
"""

WIRE = """Leaders sign treaty in Pyongyang

North Korean leader Kim Jong Un met Russian President Vladimir Putin in Pyongyang on Tuesday.

Officials said the talks covered trade. Putin said the treaty was a good step, Kim told reporters.

The two leaders signed a treaty and left the capital.
"""


@pytest.fixture(scope="module")
def piece():
    return ta.analyse(PIECE, lexicon=LEX)


@pytest.fixture(scope="module")
def scored(sample):
    return ta.score_paragraphs(sample, lexicon=LEX), ta.find_loaded_terms(sample, lexicon=LEX)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def rounded(values):
    return [round(float(v), 9) for v in values]


def bars(ax):
    """{tick label: bar width} of a horizontal bar chart."""
    return {t.get_text(): round(float(p.get_width()), 9) for t, p in zip(ax.get_yticklabels(), ax.patches)}


def offsets(ax):
    """Each scatter's points, as (x, y) lists."""
    return [[rounded(c) for c in np.asarray(s.get_offsets()).T] for s in ax.collections]


def paragraph_dots(ax):
    return [line for line in ax.get_lines() if line.get_label().endswith(" per paragraph")]


# What each chart draws, read back from the Axes, and the same computed from its tables.

def arc_drawn(ax):
    tone = next(line for line in paragraph_dots(ax) if line.get_label() == "tone per paragraph")
    ticks = [x for line in ax.get_lines() if line.get_label().startswith("loaded term") for x in line.get_xdata()]
    return rounded(tone.get_xdata()), rounded(tone.get_ydata()), sorted(rounded(ticks))


def arc_truth(paragraphs, hits):
    body = paragraphs[paragraphs["role"] == "paragraph"].sort_values("position")
    return rounded(body["position"]), rounded(body["tone"]), sorted(rounded(plots.hit_positions(paragraphs, hits)))


def weights_truth(hits):
    totals = hits.groupby("term")["weight"].sum().reset_index().sort_values(["weight", "term"], ascending=[False, True])
    return {term: float(w) for term, w in zip(totals["term"], totals["weight"])}


def shares_truth(hits):
    counts = hits["voice"].value_counts()
    return [round(counts.get(v, 0) / len(hits), 9) for v in ("editorial", "scare_quote", "quoted")]


def pieces_truth(arcs):
    return [[rounded(p["position_pct"]), rounded(p["tone"])] for _, p in arcs.groupby(["side", "source"], sort=False)]


def widths(ax):
    return rounded(p.get_width() for p in ax.patches)


def terms_truth(terms):
    """The z of the bars top to bottom: the 12 most article-like, then the 12 most baseline-like.
    Only the values: many terms tie on z, and which of them is shown is the sort's to choose."""
    z = terms["z"].sort_values(ascending=False)
    return rounded([*z[z > 0].head(12), *z[z < 0].tail(12)])


@functools.cache
def corpus_tables():
    """The demo corpus's comparison, period and term tables (scored once, for the corpus charts)."""
    corpus = ta.score_corpus(ROOT / "data" / "corpus")
    return (ta.compare_groups(corpus, reference="Central Wire", n_boot=200, n_perm=200),
            ta.by_period(corpus, n_boot=200),
            group_terms(corpus, group="Daily Clarion", reference="Central Wire", min_count=2))


def differences_truth(comparison):
    rows = comparison[comparison["measure"] == "loaded_weight_per_1000_words"]
    return [[rounded(rows["difference"]), rounded(range(len(rows)))]]


def period_lines(ax):
    return [[rounded(line.get_xdata()), rounded(line.get_ydata())] for line in ax.get_lines()]


def period_truth(summary):
    rows = summary[summary["measure"] == "loaded_weight_per_1000_words"]
    periods = sorted(rows["period"].unique())
    return [[rounded(periods.index(p) for p in part["period"]), rounded(part["value"])]
            for _, part in rows.sort_values("period").groupby("group", sort=True)]


def scatter_truth(terms):
    x, y = terms["per_1000_reference"].to_numpy(float), terms["per_1000_group"].to_numpy(float)
    floor = np.concatenate([x[x > 0], y[y > 0]]).min() / 2
    return [[rounded(np.where(x > 0, x, floor)), rounded(np.where(y > 0, y, floor))]]


@dataclass
class Case:
    plot: Callable
    tables: Callable  # analysed article -> the positional arguments (tables) the chart takes
    expected: str     # what the error must say the chart expects
    drawn: Callable   # Axes -> the data drawn
    truth: Callable   # the tables -> the same data, computed from them
    artists: Callable  # Axes -> the artists that draw the data (those **kwargs reach)
    analysed: bool = True  # takes an analysed article in place of its tables


CASES = [
    Case(plots.plot_tone_arc, lambda a: (ta.score_paragraphs(a), ta.find_loaded_terms(a)),
         "the paragraph table from score_paragraphs()", arc_drawn, arc_truth, paragraph_dots),
    Case(plots.plot_loaded_categories, lambda a: (ta.find_loaded_terms(a),), "the hit table from find_loaded_terms()",
         bars, lambda h: {c.replace("_", " "): float(n) for c, n in h.groupby("category").size().items()},
         lambda ax: ax.patches),
    Case(plots.plot_loaded_weights, lambda a: (ta.find_loaded_terms(a),), "the hit table from find_loaded_terms()",
         bars, weights_truth, lambda ax: ax.patches),
    # The body's hits: the bar of an analysed article is its voice summary, the piece's measure.
    Case(plots.plot_voice_shares, lambda a: (ta.find_loaded_terms(a).query("role == 'paragraph'"),),
         "the hit table from find_loaded_terms() or a table of VoiceSummary rows",
         widths, shares_truth, lambda ax: ax.patches),
    Case(plots.plot_reporting_verbs, lambda a: (ta.reporting_verbs(a),), "the verb table from reporting_verbs()",
         bars, lambda v: {verb: float(n) for verb, n in v.groupby("verb").size().items()}, lambda ax: ax.patches),
    Case(plots.plot_actor_tone, lambda a: (ta.actor_tone(a),), "the actor table from actor_tone()",
         bars, lambda t: dict(zip(t["actor"], rounded(t["tone_mean"].fillna(0)))), lambda ax: ax.patches),
    Case(plots.plot_tone_change, lambda a: (ta.neutral_rewrite(a),), "the rewrite table from neutral_rewrite()",
         offsets, lambda r: [[rounded(range(len(r))), rounded(r[c])] for c in ("tone", "tone_rewritten")],
         lambda ax: ax.collections),
    Case(plots.plot_arc, lambda a: (ta.arcs(a, WIRE, lexicon=LEX),), "the frame from arcs(article, baselines)",
         offsets, pieces_truth, lambda ax: ax.collections, analysed=False),
    Case(plots.plot_distinctive_terms, lambda a: (ta.distinctive_terms(a, WIRE, min_count=1),),
         "the frame from distinctive_terms(article, baselines)", widths, terms_truth, lambda ax: ax.patches,
         analysed=False),
    Case(plots.plot_group_differences, lambda a: corpus_tables()[:1], "the comparison table from compare_groups()",
         offsets, differences_truth, lambda ax: ax.collections, analysed=False),
    Case(plots.plot_by_period, lambda a: corpus_tables()[1:2], "the period table from by_period()",
         period_lines, period_truth, lambda ax: ax.get_lines(), analysed=False),
    Case(plots.plot_term_scatter, lambda a: corpus_tables()[2:], "the term table from group_terms()",
         offsets, scatter_truth, lambda ax: ax.collections, analysed=False),
]
ids = [case.plot.__name__ for case in CASES]
ANALYSED = [case for case in CASES if case.analysed]


def test_every_chart_is_covered():
    charts = {name for name in plots.__all__ if name.startswith("plot_")}
    assert charts == set(ids)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_signature_is_data_first_ax_keyword_only_then_kwargs(case):
    params = list(inspect.signature(case.plot).parameters.values())
    ax = inspect.signature(case.plot).parameters["ax"]
    assert params[0].name != "ax" and params[0].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert ax.kind is inspect.Parameter.KEYWORD_ONLY and ax.default is None
    assert params[-1].kind is inspect.Parameter.VAR_KEYWORD
    hints = case.plot.__annotations__
    assert "return" in hints and "ax" in hints and params[0].name in hints


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_draws_the_table_on_the_given_axes(case, piece):
    tables = case.tables(piece)
    _, ax = plt.subplots()
    assert case.plot(*tables, ax=ax) is ax
    drawn = case.drawn(ax)
    assert drawn and drawn == case.truth(*tables)
    new = case.plot(*tables)
    assert new is not ax and new.figure is not ax.figure and case.drawn(new) == drawn


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_ax_is_keyword_only(case, piece):
    _, ax = plt.subplots()
    with pytest.raises(TypeError):
        case.plot(*case.tables(piece), ax)
    with pytest.raises(ToneAnalysisError, match="ax: expected a matplotlib Axes"):
        case.plot(*case.tables(piece), ax="left")


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_extra_keywords_reach_the_drawn_artists(case, piece):
    tables = case.tables(piece)
    artists = case.artists(case.plot(*tables, alpha=0.3))
    assert artists and all(a.get_alpha() == 0.3 for a in artists)
    green = matplotlib.colors.to_rgb("green")
    for artist in case.artists(case.plot(*tables, color="green")):
        if isinstance(artist, Line2D):
            colour = matplotlib.colors.to_rgb(artist.get_color())
        elif isinstance(artist, Collection):
            colour = tuple(artist.get_facecolor()[0][:3])
        else:
            colour = tuple(artist.get_facecolor()[:3])
        assert colour == pytest.approx(green)
    # The defaults the keywords replace are still there without them.
    assert case.drawn(case.plot(*tables)) == case.truth(*tables)


def wrong_inputs(piece):
    return [(piece.article, "got Article"), (PIECE, "got str"), (None, "got None"), ([1, 2], "got list"),
            (pd.DataFrame({"x": [1]}), "got a DataFrame without the column")]


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_wrong_input_names_the_expected_table(case, piece):
    wrong = wrong_inputs(piece)
    if not case.analysed:
        wrong.append((piece, "got AnalysedArticle"))
    for value, given in wrong:
        with pytest.raises(ToneAnalysisError) as error:
            case.plot(value)
        message = str(error.value)
        assert message.startswith(f"{case.plot.__name__}: expected {case.expected}") and given in message
        assert ("an analysed article from ta.analyse()" in message) == case.analysed


def test_wrong_input_message_in_full(piece):
    with pytest.raises(ToneAnalysisError) as error:
        plots.plot_tone_arc(piece.article)
    assert str(error.value) == ("plot_tone_arc: expected the paragraph table from score_paragraphs() "
                                "(or an analysed article from ta.analyse()), got Article")
    with pytest.raises(ToneAnalysisError, match="without the columns 'block', 'role'"):
        plots.plot_tone_arc(pd.DataFrame({"position": [0.5]}))
    with pytest.raises(ToneAnalysisError, match="without the column 'tone'"):
        plots.plot_arc(ta.arcs(piece, WIRE).drop(columns="tone"))
    with pytest.raises(ToneAnalysisError, match="expected the hit table from find_loaded_terms"):
        plots.plot_tone_arc(ta.score_paragraphs(piece), "tyrant")


@pytest.mark.parametrize("case", ANALYSED, ids=[c.plot.__name__ for c in ANALYSED])
def test_analysed_article_draws_what_its_tables_draw(case, piece):
    _, ax = plt.subplots()
    assert case.plot(piece, ax=ax) is ax
    assert case.drawn(ax) == case.truth(*case.tables(piece)) == case.drawn(case.plot(*case.tables(piece)))


def test_tone_arc_draws_each_measure_in_reading_order(scored):
    paragraphs, hits = scored
    _, ax = plt.subplots()
    assert plots.plot_tone_arc(paragraphs, hits, ax=ax, smooth=5) is ax
    body = paragraphs[paragraphs["role"] == "paragraph"]
    lines = {line.get_label(): line for line in ax.get_lines()}
    dots = lines["tone per paragraph"]
    assert np.allclose(dots.get_xdata(), body["position"]) and np.allclose(dots.get_ydata(), body["tone"])
    assert np.allclose(lines["VADER compound per paragraph"].get_ydata(), body["vader_compound"])
    smoothed = lines["tone, rolling mean of 5"].get_ydata()
    assert np.allclose(smoothed, body["tone"].rolling(5, center=True, min_periods=1).mean())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "headline" in legend and "caption" in legend and "loaded term (negative)" in legend
    assert "loaded term (positive)" in legend  # "ardently" is framed positive


def test_tone_arc_labels_every_hit_where_it_falls(scored):
    paragraphs, hits = scored
    ax = plots.plot_tone_arc(paragraphs, hits)
    labels = sorted(t.get_text() for t in ax.texts)
    assert labels == sorted(hits["text"])
    xs = plots.hit_positions(paragraphs, hits)
    span = paragraphs.set_index("block")
    half = span["n_words"] / span["n_words"].sum() / 2
    for index, block in hits["block"].items():
        assert span.at[block, "position"] - half[block] <= xs[index] <= span.at[block, "position"] + half[block]
    assert len(plots.plot_tone_arc(paragraphs, hits, label_hits=False).texts) == 0


def test_tone_arc_without_hits_or_smoothing(scored):
    paragraphs, _ = scored
    ax = plots.plot_tone_arc(paragraphs, smooth=0)
    assert not any("rolling" in line.get_label() for line in ax.get_lines())
    assert not any("loaded" in line.get_label() for line in ax.get_lines())
    with pytest.raises(ToneAnalysisError, match="smooth must be a whole number"):
        plots.plot_tone_arc(paragraphs, smooth=-1)


def test_hits_of_another_article_are_refused(scored, piece):
    _, hits = scored
    with pytest.raises(ToneAnalysisError, match="another article"):
        plots.plot_tone_arc(piece, hits)


def test_two_hits_in_one_paragraph_get_two_places():
    article = ta.analyse("The tyrant met another tyrant and a third tyrant later that day in the capital.", lexicon=LEX)
    xs = plots.hit_positions(ta.score_paragraphs(article), ta.find_loaded_terms(article))
    assert xs.is_monotonic_increasing and xs.is_unique and xs.between(0, 1).all()


def test_loaded_categories_and_weights(scored):
    _, hits = scored
    ax = plots.plot_loaded_categories(hits)
    expected = hits.groupby("category").size()
    assert bars(ax) == {c.replace("_", " "): n for c, n in expected.items()}
    weighted = plots.plot_loaded_categories(hits, weighted=True)
    assert sorted(p.get_width() for p in weighted.patches) == sorted(hits.groupby("category")["weight"].sum())

    ax = plots.plot_loaded_weights(hits, top=3)
    widths = [p.get_width() for p in ax.patches]
    totals = hits.groupby("term")["weight"].sum().sort_values(ascending=False)
    assert len(widths) == 3 and widths == sorted(widths, reverse=True) and widths[0] == totals.iloc[0]
    # One colour per category, the same in both charts.
    colours = plots.category_colours()
    heaviest = hits.loc[hits["term"] == totals.index[0], "category"].iloc[0]
    assert tuple(ax.patches[0].get_facecolor()[:3]) == pytest.approx(colours[heaviest])


def test_voice_shares_of_summaries_one_bar_per_piece(piece):
    summaries = pd.DataFrame({"this piece": ta.voice_summary(piece).to_series(),
                              "wire": ta.voice_summary(WIRE, lexicon=LEX).to_series()}).T
    ax = plots.plot_voice_shares(summaries)
    summary = ta.voice_summary(piece)
    # The body's, without the headline's two; "so-called" is not in LEX, and the rated-word model gives
    # it p 0.29, under its threshold (0.3; it was just over before the v0.8 refit).
    n = summary.n_loaded
    assert n == 7 and [t.get_text() for t in ax.get_yticklabels()] == [f"this piece (n={n})", "wire (n=0)"]
    # Patches go voice by voice (editorial, scare quotes, quoted), one per piece each.
    widths = rounded(p.get_width() for p in ax.patches)
    assert widths[0::2] == rounded([summary.loaded_editorial / n, summary.loaded_scare_quote / n,
                                    summary.loaded_quoted / n])
    assert summary.loaded_scare_quote == 1 and summary.loaded_quoted == 1
    assert widths[1::2] == [0.0, 0.0, 0.0]
    assert rounded(p.get_width() for p in plots.plot_voice_shares(summary).patches) == widths[0::2]


def test_distinctive_terms_label_each_bar_with_its_term(piece):
    terms = ta.distinctive_terms(piece, WIRE, min_count=1)
    ax = plots.plot_distinctive_terms(terms, top=3)
    z = dict(zip(terms["term"], rounded(terms["z"])))
    assert len(ax.patches) == 6 and all(z[term] == width for term, width in bars(ax).items())
    colours = [matplotlib.colors.to_hex(p.get_facecolor()) for p in ax.patches]
    assert colours == ["#b2182b"] * 3 + ["#4d4d4d"] * 3
    with pytest.raises(ToneAnalysisError, match="top must be a whole number"):
        plots.plot_distinctive_terms(terms, top=0)


def test_reporting_verbs_are_coloured_by_kind(piece):
    ax = plots.plot_reporting_verbs(piece)
    colours = {t.get_text(): matplotlib.colors.to_hex(p.get_facecolor())
               for t, p in zip(ax.get_yticklabels(), ax.patches)}
    assert colours == {"say": "#969696", "claim": "#b2182b", "insist": "#b2182b"}
    empty = plots.plot_reporting_verbs(ta.analyse("Nobody spoke.", lexicon=LEX))
    assert [t.get_text() for t in empty.texts] == ["no attribution verbs found"]


def test_style_paragraphs_diverges_around_zero(scored, piece):
    paragraphs, _ = scored
    html = plots.style_paragraphs(paragraphs).to_html()
    assert "VADER" in html and "<style" in html and "<script" not in html
    # Centred on 0 whatever the data: with only 0 and +0.5 in the column, 0 is the scale's middle
    # colour (not its red end) and +0.5 is a blue.
    two = paragraphs.head(2).assign(tone=[0.0, 0.5])
    cmap = matplotlib.colormaps[plots.DIVERGING_CMAP]
    styles = plots.style_paragraphs(two, columns=["block", "tone"])
    styles._compute()
    colours = [styles.ctx[(row, 1)] for row in range(2)]
    assert ("background-color", matplotlib.colors.to_hex(cmap(0.5))) in colours[0]
    assert ("background-color", matplotlib.colors.to_hex(cmap(0.75))) in colours[1]
    assert plots.style_paragraphs(piece).data.equals(plots.style_paragraphs(ta.score_paragraphs(piece)).data)
    with pytest.raises(ToneAnalysisError, match=r"style_paragraphs: expected the paragraph table.*got Article"):
        plots.style_paragraphs(piece.article)


def test_library_never_sets_the_theme(scored, piece):
    paragraphs, hits = scored
    before = dict(matplotlib.rcParams)
    plots.plot_tone_arc(paragraphs, hits)
    plots.plot_loaded_categories(hits)
    plots.plot_loaded_weights(hits)
    for case in ANALYSED:
        case.plot(piece)
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()
    package = Path(ta.__file__).parent
    assert [p.name for p in package.rglob("*.py") if "set_theme(" in p.read_text()] == []


def test_plot_modules_share_one_helper_and_no_private_names():
    folder = Path(plots.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text())
        private = [a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level
                   for a in node.names if a.name.startswith("_")]
        assert private == [], f"{path.name} imports private names {private}"
        defined = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        assert not defined & {"_axes", "_need", "axes", "table"} or path.name == "common.py", path.name
        for function in (n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)):
            own = [n for n in ast.walk(function) if isinstance(n, ast.ImportFrom)
                   and (n.level or (n.module or "").startswith("toneanalysis"))]
            assert own == [], f"{path.name}:{function.name} imports the package inside a function"

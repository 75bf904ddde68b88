"""Chart functions: they draw the data they are given, on the Axes they are given, and leave the theme alone."""

import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import toneanalysis as ta  # noqa: E402
from toneanalysis import plots  # noqa: E402

LEX = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "axis of evil": {"category": "loaded_metaphor", "weight": 3, "framing": "negative", "neutral": "allies"},
    "snarling": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "smiling"},
    "brutal": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "violent"},
    "ardently": {"category": "puffery", "weight": 1, "framing": "positive", "neutral": "warmly"},
}


@pytest.fixture(scope="module")
def scored(sample):
    return ta.score_paragraphs(sample, lexicon=LEX), ta.find_loaded_terms(sample, lexicon=LEX)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_tone_arc_draws_each_measure_in_reading_order(scored):
    paragraphs, hits = scored
    fig, ax = plt.subplots()
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


def test_two_hits_in_one_paragraph_get_two_places():
    article = ta.article_from_text("The tyrant met another tyrant and a third tyrant later that day in the capital.")
    xs = plots.hit_positions(ta.score_paragraphs(article, lexicon=LEX), ta.find_loaded_terms(article, lexicon=LEX))
    assert xs.is_monotonic_increasing and xs.is_unique and xs.between(0, 1).all()


def test_loaded_categories_and_weights(scored):
    _, hits = scored
    ax = plots.plot_loaded_categories(hits)
    bars = {t.get_text(): p.get_width() for t, p in zip(ax.get_yticklabels(), ax.patches)}
    expected = hits.groupby("category").size()
    assert bars == {c.replace("_", " "): n for c, n in expected.items()}
    weighted = plots.plot_loaded_categories(hits, weighted=True)
    assert sorted(p.get_width() for p in weighted.patches) == sorted(hits.groupby("category")["weight"].sum())

    ax = plots.plot_loaded_weights(hits, top=3)
    widths = [p.get_width() for p in ax.patches]
    totals = hits.groupby("term")["weight"].sum().sort_values(ascending=False)
    assert len(widths) == 3 and widths == sorted(widths, reverse=True) and widths[0] == totals.iloc[0]
    # One colour per category, the same in both charts.
    colours = plots.category_colours()
    assert tuple(ax.patches[0].get_facecolor()[:3]) == pytest.approx(colours[hits.loc[hits["term"] == totals.index[0], "category"].iloc[0]])


def test_style_paragraphs_diverges_around_zero(scored):
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


def test_library_never_sets_the_theme(scored):
    paragraphs, hits = scored
    before = dict(matplotlib.rcParams)
    plots.plot_tone_arc(paragraphs, hits)
    plots.plot_loaded_categories(hits)
    plots.plot_loaded_weights(hits)
    after = dict(matplotlib.rcParams)
    assert {k for k in before if before[k] != after[k]} == set()
    package = Path(ta.__file__).parent
    assert [p.name for p in package.glob("*.py") if "set_theme(" in p.read_text()] == []


def test_score_command_does_not_import_matplotlib(tmp_path):
    lexicon = tmp_path / "lex.csv"
    lexicon.write_text("term,category,weight,framing,neutral\ntyrant,name_calling,3,negative,leader\n")
    article = tmp_path / "a.txt"
    article.write_text("The tyrant smiled.\n")
    code = ("import sys; from toneanalysis.cli import main; "
            f"rc = main(['score', {str(article)!r}, '--format', 'csv', '--lexicon', {str(lexicon)!r}]); "
            "print('MPL', 'matplotlib' in sys.modules, 'seaborn' in sys.modules, rc)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "MPL False False 0"

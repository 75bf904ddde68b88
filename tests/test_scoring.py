"""Paragraph, sentence and corpus scores: columns, aggregation, offsets, bad input."""

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toneanalysis as ta
from toneanalysis.analyse import sentiment

PARAGRAPH_COLUMNS = [
    "block", "role", "line", "position", "text", "n_words", "n_sentences", "vader_compound", "vader_pos",
    "vader_neg", "vader_neu", "textblob_polarity", "textblob_subjectivity", "tone", "loaded_p", "loaded_count",
    "loaded_weight", "loaded_per_100_words", "loaded_terms", "loaded_editorial", "loaded_quoted",
    "loaded_scare_quote", "attributions", "source", "outlet", "date", "url",
]


def test_paragraph_table(sample):
    table = ta.score_paragraphs(sample)
    assert table.columns.tolist() == PARAGRAPH_COLUMNS
    assert len(table) == 44  # headline + 37 paragraphs + 6 captions
    assert table["position"].is_monotonic_increasing
    assert table["position"].min() > 0 and table["position"].max() < 1
    assert table["tone"].between(-1, 1).all()
    assert table["vader_compound"].between(-1, 1).all()
    hits = ta.find_loaded_terms(sample)
    assert table["loaded_count"].sum() == len(hits)
    assert table["loaded_weight"].sum() == pytest.approx(hits["weight"].sum())
    row = table.set_index("block").loc[4]  # "Tyrants Kim, 40, and Putin, 71, ..."
    assert row["loaded_count"] >= 2
    assert row["loaded_per_100_words"] == pytest.approx(100 * row["loaded_count"] / row["n_words"])


def test_include_unscored_keeps_every_block(sample):
    table = ta.score_paragraphs(sample, include_unscored=True)
    assert table["block"].tolist() == list(range(len(sample.blocks)))
    credits = table[table["role"] == "credit"]
    assert credits["tone"].isna().all() and credits["reason"].notna().all()


def test_typographic_quotes_do_not_hide_words_from_vader():
    curly = ta.score_texts(["his \u2018Axis of Evil\u2019 ally"])["vader_compound"].iloc[0]
    straight = ta.score_texts(["his 'Axis of Evil' ally"])["vader_compound"].iloc[0]
    assert curly == straight == pytest.approx(-0.6597)


def test_paragraph_scores_are_word_weighted_sentence_means():
    text = "The plan is wonderful and everyone loves it. Taxes rise."
    sentences = ta.score_sentences(text)
    assert sentences["text"].tolist() == ["The plan is wonderful and everyone loves it.", "Taxes rise."]
    weights = sentences["n_words"]
    expected = (sentences["vader_compound"] * weights).sum() / weights.sum()
    assert ta.score_paragraphs(text)["vader_compound"].iloc[0] == pytest.approx(expected)


def test_long_paragraph_does_not_saturate():
    one = "The minister said the talks were useful. "
    text = one * 40
    raw_vader = sentiment.vader().polarity_scores(text)["compound"]
    assert raw_vader > 0.99  # the saturation this design avoids
    assert ta.score_paragraphs(text)["vader_compound"].iloc[0] == pytest.approx(
        sentiment.vader().polarity_scores(one.strip())["compound"])


def test_offsets_index_the_block_text():
    text = "   Critics slammed the \u2018brutal\u2019 regime."
    article = ta.analyse(text)
    [block] = article.scored_blocks
    assert block.text == text.strip()
    hits = ta.find_loaded_terms(article)
    for row in hits.itertuples():
        assert block.text[row.start:row.end] == row.text
    assert hits["term"].tolist()[:2] == ["slam", "brutal"]


def test_score_texts_corpus_column():
    series = pd.Series(["Tyrants met in secret.", None, math.nan, "", "A calm, orderly meeting."], index=list("abcde"))
    table = ta.score_texts(series)
    assert table.index.tolist() == list("abcde")
    assert table.loc[["b", "c", "d"], "n_words"].tolist() == [0, 0, 0]
    assert table.loc[["b", "c", "d"], "tone"].isna().all()
    assert table.loc["a", "loaded_count"] >= 1
    same = ta.score_paragraphs("Tyrants met in secret.").iloc[0]
    for column in ["vader_compound", "textblob_polarity", "tone", "loaded_weight"]:
        assert table.loc["a", column] == pytest.approx(same[column])


@pytest.mark.parametrize("bad", [[1, "text"], ["text", b"bytes"], [["nested"]]])
def test_score_texts_rejects_non_strings(bad):
    with pytest.raises(ta.ToneAnalysisError, match="item"):
        ta.score_texts(bad)


def test_score_texts_rejects_a_bare_string():
    with pytest.raises(ta.ToneAnalysisError, match="list or Series"):
        ta.score_texts("one text")


@pytest.mark.parametrize("bad", ["", "   ", 42, None])
def test_score_paragraphs_bad_input(bad):
    with pytest.raises(ta.ToneAnalysisError):
        ta.score_paragraphs(bad)


def test_loaded_language_lowers_tone():
    plain = ta.score_texts(["The two leaders met in Pyongyang."])["tone"].iloc[0]
    loaded = ta.score_texts(["The two tyrants met in Pyongyang."])["tone"].iloc[0]
    assert loaded < plain


def _stock_vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


def test_vader_fast_path_gives_vaders_own_scores():
    """`sentiment.vader()` skips VADER's emoji pass when a text has no emoji: every sentence of the
    bundled articles, and cases written for each branch of VADER's rules, score exactly as the stock
    analyzer scores them."""
    from pathlib import Path

    from toneanalysis.text import split_sentences

    stock, ours = _stock_vader(), sentiment.vader()
    root = Path(__file__).resolve().parent.parent / "data"
    sentences = [s for path in sorted(root.rglob("*.txt")) for s in split_sentences(path.read_text(encoding="utf-8"))]
    assert len(sentences) > 150
    written = ["", "   ", "  Tyrants met.  ", "It was kind of good.", "The plan is VERY bad, but it works!",
               "Not great :) at all", "He was extremely happy \U0001F600 today", "\U0001F600", "sad\U0001F622face",
               "The food was not bad at all.", "never so good", "Without a doubt, it was great.", "ok?? ok!!!",
               "The ''reforms'' failed - badly.", "\u00e9l\u00e8ve na\u00efve \u2764 caf\u00e9"]
    for text in sentences + written:
        assert ours.polarity_scores(text) == stock.polarity_scores(text), text


_STOCK = _stock_vader()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["good", "bad", "not", "very", "kind", "of", "but", "GREAT", "awful", "no",
                                 "!", "?", ".", ",", ":)", "\U0001F600", "\u2764", "\U0001F622", " ", "  ",
                                 "least", "without", "doubt", "n't", "hate", "love", "x"]), max_size=25))
def test_vader_fast_path_matches_stock_on_any_mix(words):
    text = " ".join(words) if len(words) % 2 else "".join(words)
    assert sentiment.vader().polarity_scores(text) == _STOCK.polarity_scores(text)

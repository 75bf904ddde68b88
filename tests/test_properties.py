"""Property tests: any Unicode input loads and scores without crashing, offsets stay in the text,
and every input line is accounted for."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toneanalysis as ta
from toneanalysis.load.inputs import looks_like_path
from toneanalysis.load.roles import ALL_ROLES

WORDS = st.sampled_from(["tyrant", "Tyrants", "\u2018Axis of Evil\u2019", "slammed", "regime", "tax regime", "said",
                         "ADVERTISEMENT", "Reuters", "[/caption]", "\u201cquote\u201d", "Read Entire Article", "\n",
                         "\n\n", ".", "Mr.", "\u2013", "\u00a0", "\r\n", "\u2028", "\u2029", "\x85", "\x0b",
                         "\x0c", "\x1c", "\x1d", "\x1e", '[caption id="x" caption="The tyrant smiled"]',
                         '[caption id="x" align="c"]'])
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(WORDS, st.text(max_size=12)), max_size=40).map(" ".join))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXT)
def test_any_text_is_accounted_for_line_by_line(text):
    article = ta.article_from_text(text)
    lines = article.lines()
    # Item 12: line N is what `str.split("\n")` gives (a final newline ends the last line; "\r\n" is one
    # line end), not `splitlines()`, which also breaks at U+2028, U+0085, \x0b, \x0c and \x1c-\x1e.
    expected = text.split("\n")[:-1] if text.endswith("\n") or not text else text.split("\n")
    assert lines["raw"].tolist() == [line.removesuffix("\r") for line in expected]
    for block in article.blocks:
        assert text.split("\n")[block.line - 1].removesuffix("\r") == block.raw
    nonblank = lines["raw"].str.strip() != ""
    assert lines.loc[nonblank, "block"].notna().all()
    assert set(lines.loc[nonblank, "role"]) <= set(ALL_ROLES)
    for block in article.blocks:
        assert block.text == block.raw[block.raw_start:block.raw_start + len(block.text)]


@SETTINGS
@given(TEXT)
def test_any_text_scores_and_offsets_stay_inside(text):
    article = ta.article_from_text(text)
    texts = {b.index: b.text for b in article.blocks}
    hits = ta.find_loaded_terms(article)
    for row in hits.itertuples():
        assert 0 <= row.start < row.end <= len(texts[row.block])
        assert texts[row.block][row.start:row.end] == row.text
    table = ta.score_paragraphs(article)
    assert table["tone"].dropna().between(-1, 1).all()
    scores = ta.score_texts([text])
    assert len(scores) == 1


@settings(SETTINGS, max_examples=60)
@given(TEXT.filter(lambda t: t.strip() and not looks_like_path(t)))
def test_hit_offsets_point_into_the_original_input(text):
    """Item 17: a hit's offsets, with its block's place in its line, find it in the input as given, not
    only somewhere its words also occur (`text[start:end]` alone cannot tell)."""
    article = ta.analyse(text)
    lines = text.split("\n")
    blocks = {b.index: b for b in article.article.blocks}
    for row in ta.find_loaded_terms(article).itertuples():
        block = blocks[row.block]
        at = sum(len(line) + 1 for line in lines[:block.line - 1]) + block.raw_start + row.start
        assert text[at:at + len(row.text)] == row.text
        assert block.text[row.start:row.end] == row.text


def test_a_caption_hit_is_where_the_caption_text_is():
    text = '[caption id="x" caption="The tyrant smiled"]The tyrant smiled[/caption]'
    article = ta.analyse(text)
    [hit] = ta.find_loaded_terms(article).itertuples()
    [block] = article.article.blocks
    assert block.raw_start + hit.start == text.index("tyrant smiled[") == 48  # not 29, inside the attribute


@SETTINGS
@given(st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and not looks_like_path(t)))
def test_hit_offsets_index_their_block_text(text):
    article = ta.analyse(text)
    blocks = {b.index: b.text for b in article.article.blocks}
    for row in ta.find_loaded_terms(article).itertuples():
        assert blocks[row.block][row.start:row.end] == row.text


@SETTINGS
@given(TEXT)
def test_paragraph_word_count_is_the_sum_of_its_sentences(text):
    from toneanalysis.text import count_words, normalise

    for row in ta.score_texts([text]).itertuples():
        assert row.n_words == count_words(normalise(text))


HTML_BITS = st.sampled_from(["<p>", "</p>", "<article>", "</article>", "<h1>", "</h1>", "<br>", "<div class='ad'>",
                             "</div>", "<figcaption>", "</figcaption>", "<script>x()</script>", "<!-- c -->",
                             "&amp;", "&#8217;", "<header>", "</header>", "<span class='credit'>PA</span>"])


@SETTINGS
@given(st.lists(st.one_of(HTML_BITS, st.text(max_size=15)), max_size=30).map("".join))
def test_any_html_loads_and_scores_without_crashing(html):
    article = ta.article_from_html(html)
    assert all(b.role in ALL_ROLES and b.reason for b in article.blocks)
    if article.scored_blocks():
        table = ta.score_paragraphs(article)
        assert len(table) == len(article.scored_blocks())


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("aB é,'\"\u25a1\u00a0\u2009\u3000\t\x1c\x85\u2028\u200b")), max_size=20))
def test_the_last_word_read_from_the_end_is_the_last_of_the_words(text):
    # The verb rules read a sentence's last word from its end (`last_word`) instead of splitting it
    # all (`word_tokens`): the two must agree on every kind of space, mask and quote mark.
    from toneanalysis.analyse.speakers import last_word, word_tokens

    words = word_tokens(text)
    assert last_word(text) == (words[-1] if words else "")

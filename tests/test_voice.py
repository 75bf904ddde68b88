"""Whose words: quotations and speakers, scare quotes, voice on every hit, attribution verbs."""

import csv
import re

import pandas as pd
import pytest
from conftest import FIXTURES

import toneanalysis as ta

LEXICON = {
    "tyrant": {"category": "name_calling", "weight": 3, "framing": "negative", "neutral": "leader"},
    "reckless": {"category": "emotive_adjective", "weight": 2, "framing": "negative", "neutral": "risky"},
    "opine": {"category": "doubt_verb", "weight": 2, "framing": "negative", "neutral": "say"},
}


def quotes_of(text):
    return [tuple(r) for r in ta.find_quotes(text)[["text", "kind", "speaker"]].itertuples(index=False)]


# ---------------------------------------------------------------- the answer key


def test_quote_answer_key():
    article = ta.load_article(FIXTURES / "quotes.txt", headline=False)
    key = pd.read_csv(FIXTURES / "quotes.expected.tsv", sep="\t", quoting=csv.QUOTE_NONE, dtype=str,
                      keep_default_na=False)
    lines = {b.index: b.line for b in article.blocks}
    found = ta.find_quotes(article)
    got = [(lines[r.block], r.text, r.kind, r.speaker) for r in found.itertuples()]
    expected = [(int(r.line_no), r.quoted_text, r.kind, r.speaker) for r in key.itertuples()]
    assert len(expected) == 22
    assert [g[:3] for g in got] == [e[:3] for e in expected]
    # Surnames, as the key's README suggests (the key writes names as the paragraph does).
    assert [g[3].split()[-1:] for g in got] == [e[3].split()[-1:] for e in expected]


def test_answer_key_offsets_index_the_original_line():
    article = ta.load_article(FIXTURES / "quotes.txt", headline=False)
    blocks = {b.index: b for b in article.blocks}
    for row in ta.find_quotes(article).itertuples():
        assert blocks[row.block].text[row.start:row.end] == row.text


# ---------------------------------------------------------------- quote forms


def test_attribution_after_the_quote_both_orders():
    assert quotes_of('"The deal is off," Kirby said.') == [("The deal is off,", "direct", "Kirby")]
    assert quotes_of("\u201cThe deal is off,\u201d said White House spokeswoman Jane Roe.") == [
        ("The deal is off,", "direct", "Jane Roe")]
    assert quotes_of('"Who pays?" asked Tom Hale, who chairs the group.') == [("Who pays?", "direct", "Tom Hale")]


def test_attribution_before_a_colon():
    assert quotes_of("Foreign Minister Anna Berg said: \u201cWe are ready.\u201d") == [
        ("We are ready.", "direct", "Anna Berg")]


def test_partial_quotes_take_the_subject_of_the_reporting_verb():
    text = "Union boss Rob Kane called the offer \u2018insulting\u2019 and \u2018late\u2019."
    assert quotes_of(text) == [("insulting", "direct", "Rob Kane"), ("late", "direct", "Rob Kane")]
    text = "Dr Sara Mills, the trust\u2019s chief, said waits were \u201cunacceptable\u201d."
    assert quotes_of(text) == [("unacceptable", "direct", "Sara Mills")]


def test_split_quote_and_pronoun_resolved_to_the_last_named_speaker():
    text = "Council leader Anna Reyes spoke on Monday.\n\n\"We will not back down,\" she said, \"whatever it costs.\""
    assert quotes_of(text) == [("We will not back down,", "direct", "Anna Reyes"),
                               ("whatever it costs.", "direct", "Anna Reyes")]


def test_appositions_pick_the_name_not_the_description_or_a_prepositional_object():
    assert quotes_of("Shopkeeper Dev Patel, 49, whose shop is in the zone, said trade was \u201cdead\u201d.") == [
        ("dead", "direct", "Dev Patel")]
    assert quotes_of("The opposition's Treasury spokesman, David Orme, said it was \"a tax\".") == [
        ("a tax", "direct", "David Orme")]
    assert quotes_of("Anita Shah, director of the Fair Bills Campaign, fumed: \u201cIt is wrong.\u201d") == [
        ("It is wrong.", "direct", "Anita Shah")]
    assert quotes_of("Peter Quinn, of the Rail Users Forum, hit out: \"Enough.\"") == [
        ("Enough.", "direct", "Peter Quinn")]


def test_possessive_after_the_quote_does_not_cut_the_attribution():
    text = '"It is the wrong way," said the federation\'s chief executive, Claire Dunmore.'
    assert quotes_of(text) == [("It is the wrong way,", "direct", "Claire Dunmore")]


def test_unresolvable_pronoun_is_kept():
    assert quotes_of('"It is over," she said.') == [("It is over,", "direct", "she")]


def test_quote_running_over_paragraphs():
    text = ("Mayor Joan Pike said: \u201cWe listened to residents.\n\n"
            "\u201cWe will review the scheme.\n\n"
            "\u201cAnd we will report in May.\u201d\n\n"
            "The \u201cconsultation\u201d was short.")
    found = ta.find_quotes(ta.article_from_text(text, headline=False))
    assert found["text"].tolist() == ["We listened to residents.", "We will review the scheme.",
                                      "And we will report in May.", "consultation"]
    assert found["speaker"].tolist() == ["Joan Pike"] * 3 + [""]
    assert found["continued"].tolist() == [False, True, True, False]
    assert found["kind"].tolist() == ["direct"] * 3 + ["scare"]


def test_scare_quotes_straight_and_typographic():
    assert quotes_of("The government's 'reforms' hit the workers' 'consultation'.") == [
        ("reforms", "scare", ""), ("consultation", "scare", "")]
    assert quotes_of("Moscow pushed its so-called \u201cpeace plan\u201d, officials said.") == [
        ("peace plan", "scare", "")]
    assert quotes_of("Both men share \u201cshort man syndrome\u201d.") == [("short man syndrome", "scare", "")]


def test_naming_verb_with_a_thing_as_subject_is_a_scare_quote():
    assert quotes_of("A campaign called \u2018Save Our Buses\u2019 began.") == [("Save Our Buses", "scare", "")]


def test_passive_attribution_names_the_agent():
    text = "The pair were described as having a \u2018lonely bromance\u2019 by the mayor, Joan Pike."
    assert quotes_of(text) == [("lonely bromance", "direct", "Joan Pike")]


def test_apostrophes_are_not_quotes():
    text = ("Russia\u2019s economy since the \u201990s, Russia\u2018s rouble, Brits' trips, don\u2019t, "
            "rock \u2019n\u2019 roll, rock 'n' roll, two days\u2019 notice and the Smiths' and the Joneses' gardens.")
    assert quotes_of(text) == []


def test_nested_quote_is_part_of_the_outer_one():
    text = "\u201cHe said \u2018you\u2019re finished\u2019 and left,\u201d said owner Karen Doyle."
    assert quotes_of(text) == [("He said \u2018you\u2019re finished\u2019 and left,", "direct", "Karen Doyle")]


def test_offsets_index_the_block_text():
    text = "   Critics called it \u2018brutal\u2019, said Kirby."
    found = ta.find_quotes(text)
    assert [text.strip()[r.start:r.end] for r in found.itertuples()] == ["brutal"] == found["text"].tolist()


def test_bad_input():
    with pytest.raises(ta.ToneAnalysisError, match="expected an Article"):
        ta.find_quotes(42)
    with pytest.raises(ta.ToneAnalysisError, match="empty"):
        ta.find_quotes("   ")


# ---------------------------------------------------------------- voice on every hit


def test_voice_on_hits_and_counts_in_the_paragraph_table():
    text = ("The tyrant arrived.\n\n"
            "\u201cHe is a tyrant,\u201d Kirby said, calling the plan \u2018reckless\u2019.\n\n"
            "Critics fear the \u2018reckless\u2019 plan.")
    hits = ta.find_loaded_terms(text, lexicon=LEXICON)
    assert list(zip(hits["text"], hits["voice"], hits["speaker"])) == [
        ("tyrant", "editorial", ""), ("tyrant", "quoted", "Kirby"), ("reckless", "quoted", "Kirby"),
        ("reckless", "scare_quote", "")]
    assert hits.columns.tolist()[-6:-4] == ["voice", "speaker"]
    table = ta.score_paragraphs(text, lexicon=LEXICON)
    assert table[["loaded_editorial", "loaded_quoted", "loaded_scare_quote"]].values.tolist() == [
        [1, 0, 0], [0, 2, 0], [0, 0, 1]]
    assert (table[["loaded_editorial", "loaded_quoted", "loaded_scare_quote"]].sum(axis=1)
            == table["loaded_count"]).all()


def test_sample_whose_words(sample):
    hits = ta.find_loaded_terms(sample)
    by_text = hits.groupby(hits["text"].str.lower())["voice"].agg(set).to_dict()
    for own in ["tyrants", "snarling grin", "brutal", "chilling"]:
        assert by_text[own] == {"editorial"}, own
    for scare in ["axis of evil", "short man syndrome"]:
        assert by_text[scare] == {"scare_quote"}, scare
    bromance = hits[hits["text"] == "lonely bromance"]
    assert bromance["role"].tolist() == ["caption", "paragraph"]
    assert set(bromance["voice"]) == {"quoted"}
    assert all(s.endswith("Kuleba") for s in bromance["speaker"])


def test_sample_quotes(sample):
    quotes = ta.find_quotes(sample)
    kirby = quotes[quotes["text"].str.startswith("We know North Korean")]
    assert kirby["speaker"].tolist() == ["John Kirby"]
    he = quotes[quotes["text"].str.startswith("Their closest friends")]
    assert he["speaker"].tolist() == ["Jens Stoltenberg"]  # "he said", resolved
    assert set(quotes.loc[quotes["text"] == "Axis of Evil", "kind"]) == {"scare"}
    speakers = dict(zip(quotes["text"], quotes["speaker"]))
    assert speakers["concern"] == "US"  # "But the US has voiced “concern”"
    assert speakers["absurd"] == "North Korea"
    assert speakers["firmly supporting"] == "Putin"  # "He thanked ...", he = Putin
    scare = set(quotes.loc[quotes["kind"] == "scare", "text"].str.lower())
    assert {"new world order", "axis of evil", "short man syndrome"} <= scare


def test_voice_summary_counts_and_shares():
    text = ("The tyrant arrived.\n\n\u201cHe is a tyrant,\u201d Kirby claimed.\n\n"
            "Critics fear the \u2018reckless\u2019 plan, officials said.")
    summary = ta.voice_summary(text, lexicon=LEXICON)
    counts = (summary.n_loaded, summary.loaded_editorial, summary.loaded_quoted, summary.loaded_scare_quote)
    assert counts == (3, 1, 1, 1)
    assert summary.own_voice_share == pytest.approx(2 / 3)
    assert summary.own_voice_weight_share == pytest.approx((3 + 2) / (3 + 3 + 2))
    assert (summary.quotes_direct, summary.quotes_scare) == (1, 1)
    assert (summary.verbs_neutral, summary.verbs_colouring) == (1, 1)
    assert summary.colouring_share == pytest.approx(0.5)
    assert summary.to_series()["n_loaded"] == 3


def test_voice_summary_of_the_sample_is_mostly_the_outlets_own_words(sample):
    summary = ta.voice_summary(sample)
    hits = ta.find_loaded_terms(sample)
    hits = hits[hits["role"] == "paragraph"]  # the body: the headline and captions are always the outlet's
    assert summary.n_loaded == len(hits)
    assert summary.own_voice_share == pytest.approx(hits["voice"].isin(["editorial", "scare_quote"]).mean())
    assert summary.own_voice_share > 0.75
    assert summary.loaded_quoted >= 2  # the lonely bromance, twice


# ---------------------------------------------------------------- reporting verbs


def test_reporting_verbs_inflections_and_kinds():
    text = ("Kirby said the talks failed. Anna Berg claims they worked. Tom Hale has admitted it, "
            "according to aides. The minister insisted: \u201cIt was said in error.\u201d She opines daily.")
    verbs = ta.reporting_verbs(text, lexicon=LEXICON)
    assert list(zip(verbs["text"], verbs["verb"], verbs["kind"])) == [
        ("said", "say", "neutral"), ("claims", "claim", "colouring"), ("admitted", "admit", "colouring"),
        ("according to", "according to", "neutral"), ("insisted", "insist", "colouring"),
        ("opines", "opine", "colouring")]
    assert verbs["speaker"].tolist()[:4] == ["Kirby", "Anna Berg", "Tom Hale", "aides"]
    for row in verbs.itertuples():
        assert text[row.start:row.end] == row.text


def test_speakers_of_verbs_span_organisation_names_and_skip_relative_pronouns():
    text = ("Firefighters reached the car, Cornwall Fire and Rescue Service said. Mary Jago slammed the delay, "
            "which residents say was first reported three years ago.")
    verbs = ta.reporting_verbs(text, lexicon=LEXICON)
    assert list(zip(verbs["text"], verbs["speaker"])) == [
        ("said", "Cornwall Fire and Rescue Service"), ("slammed", "Mary Jago"), ("say", "residents"),
        ("reported", "")]  # a passive with no agent has no speaker


def test_lexicon_doubt_verbs_join_the_colouring_list():
    text = "She opines daily."
    assert ta.reporting_verbs(text, lexicon=LEXICON)["kind"].tolist() == ["colouring"]
    plain = {"tyrant": LEXICON["tyrant"]}
    assert ta.reporting_verbs(text, lexicon=plain).empty


def test_nouns_and_names_are_not_reporting_verbs():
    text = "The claims were denied. Russia's claims grew. The United States said nothing."
    verbs = ta.reporting_verbs(text, lexicon=LEXICON)
    assert verbs["text"].tolist() == ["said"]
    assert verbs["speaker"].tolist() == ["United States"]


def test_sample_reporting_verbs(sample):
    verbs = ta.reporting_verbs(sample)
    assert set(verbs["kind"]) <= {"neutral", "colouring"}
    kirby = verbs[verbs["speaker"] == "John Kirby"]
    assert kirby["verb"].tolist() == ["say"]
    assert "according to" in set(verbs["verb"])


# ---------------------------------------------------------------- any input

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(['"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "said", "she said", "Kirby said:",
                          "so-called", "Russia\u2019s", "Brits'", ",", ".", "\n\n", "the tyrant", "by", "Kim"])
ANY_TEXT = st.one_of(st.text(max_size=200), st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_gives_quotes_and_verbs_inside_their_blocks(text):
    article = ta.article_from_text(text)
    texts = {b.index: b.text for b in article.blocks}
    quotes = ta.find_quotes(article)
    for row in quotes.itertuples():
        assert 0 < row.start <= row.end <= len(texts[row.block])
        assert texts[row.block][row.start:row.end] == row.text
        assert row.kind in ("direct", "scare") and (row.kind == "direct") == bool(row.speaker)
    for row in ta.reporting_verbs(article).itertuples():
        assert texts[row.block][row.start:row.end] == row.text


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_rewrites_and_follows_actors(text):
    article = ta.article_from_text(text)
    table = ta.neutral_rewrite(article)
    assert len(table) == len(article.scored_blocks())
    assert table["tone_rewritten"].dropna().between(-1, 1).all()
    actors = ta.actor_tone(article, {"Kim": ["Kim"]})
    mentions = sum(len(re.findall(r"(?<![\w\-])kim(?![\w\-])", ta.normalise(b.text), re.I))
                   for b in article.scored_blocks())
    assert actors["n_mentions"].iloc[0] == mentions
    assert actors["n_sentences"].iloc[0] <= mentions
    summary = ta.voice_summary(article)
    assert summary.loaded_editorial + summary.loaded_quoted + summary.loaded_scare_quote == summary.n_loaded


# ---------------------------------------------------------------- charts


def test_voice_share_bars_are_the_shares():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from toneanalysis import plots as voice_plots

    text = ("The tyrant arrived.\n\n\u201cHe is a tyrant,\u201d Kirby said.\n\n"
            "Critics fear the \u2018reckless\u2019 plan.\n\nThe tyrant left.")
    hits = ta.find_loaded_terms(text, lexicon=LEXICON)
    _, ax = plt.subplots()
    assert voice_plots.plot_voice_shares(hits, ax=ax) is ax
    widths = [round(p.get_width(), 6) for p in ax.patches]
    assert widths == [0.5, 0.25, 0.25]  # editorial, scare quotes, quoted: 2, 1, 1 of 4
    plt.close("all")


def test_actor_and_rewrite_charts_draw_their_numbers(sample):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from toneanalysis import plots as voice_plots

    actors = ta.actor_tone(sample, {"Putin": ["Putin"], "Kim": ["Kim"]})
    ax = voice_plots.plot_actor_tone(actors)
    assert [p.get_width() for p in ax.patches] == pytest.approx(actors["tone_mean"].tolist())
    rewrite = ta.neutral_rewrite(sample)
    ax = voice_plots.plot_tone_change(rewrite)
    before, after = ax.collections[:2]
    assert [y for _, y in before.get_offsets()] == pytest.approx(rewrite["tone"].tolist())
    assert [y for _, y in after.get_offsets()] == pytest.approx(rewrite["tone_rewritten"].tolist())
    with pytest.raises(ta.ToneAnalysisError, match="actor table from actor_tone"):
        voice_plots.plot_actor_tone(rewrite)
    plt.close("all")


# ---------------------------------------------------------------- the paired accounts


@pytest.mark.parametrize("event", ["rail_strike", "energy_bonus", "council_ltn", "channel_swim"])
def test_paired_accounts_quote_the_same_words_but_attribute_them_differently(event):
    words, colouring = {}, {}
    for version in ("loaded", "plain"):
        article = ta.load_article(FIXTURES / "pairs" / f"{event}_{version}.txt")
        quotes = ta.find_quotes(article)
        direct = ta.normalise(" ".join(quotes.loc[quotes["kind"] == "direct", "text"])).lower()
        words[version] = sorted(re.findall(r"[a-z0-9']+", direct))
        colouring[version] = (ta.reporting_verbs(article)["kind"] == "colouring").sum()
    assert words["loaded"] == words["plain"] and words["plain"]  # README: same quotations in both
    assert colouring["plain"] == 0  # README: the plain versions attribute with "said"
    assert colouring["loaded"] >= 1


def test_a_description_is_looked_up_once_per_article(monkeypatch):
    # Issue 13, item 8: each quote attributed to "the spokesman" searched every block for the name
    # that goes with it, so 1,000 quoted paragraphs took 7.8 s and 2,000 took 24.4 s (quadratic).
    from toneanalysis.analyse import attribution

    calls = []
    real = attribution._resolve_description
    monkeypatch.setattr(attribution, "_resolve_description", lambda d, t: calls.append(d) or real(d, t))
    text = "The spokesman, Joan Pike, spoke first.\n" + "\n".join(
        f'"The tyrant lied about {i}," the spokesman said.' for i in range(300))
    quotes = ta.find_quotes(ta.analyse(text))
    assert len(calls) == 1 and set(quotes["speaker"]) == {"Joan Pike"} and len(quotes) == 300


# ---------------------------------------------------------------- speech that names, titles, agents


@pytest.mark.parametrize("text, quoted, speaker", [
    # X called Y "Z": words between the verb and the quote make it speech, not a name for a thing.
    ('The union called the offer "an insult to every driver".', "an insult to every driver", "The union"),
    # A relative clause: its antecedent speaks, even as the object of a preposition.
    ('The march was led by Ama Osei, who called the cuts a "slow betrayal".', "slow betrayal", "Ama Osei"),
    # A passive agent after the quote: "told to ... by X".
    ('Traders say they were told to "keep their heads down" by market managers.', "keep their heads down",
     "market managers"),
])
def test_speech_verbs_with_objects_relatives_and_agents(text, quoted, speaker):
    found = ta.find_quotes(text)
    assert found[["text", "kind", "speaker"]].values.tolist() == [[quoted, "direct", speaker]]


def test_a_title_after_a_quote_is_the_person_named_with_it_earlier():
    text = ("Harbour fees to rise\n\nCouncil leader Mina Patel defended the rise on Monday.\n\n"
            "\u201cThe harbour has to pay its way,\u201d the leader said.")
    found = ta.find_quotes(text)
    assert found["speaker"].tolist() == ["Mina Patel"]


def test_a_naming_verb_right_before_a_quote_still_names_a_thing():
    found = ta.find_quotes('A campaign called "Save Our Ferry" has started.')
    assert found["kind"].tolist() == ["scare"]


@pytest.mark.parametrize("text, quoted, speaker", [
    # A time phrase or a bracketed aside between the subject and its verb.
    ("The senator on Saturday said the levy was \u2018a disgrace\u2019.", "a disgrace", "The senator"),
    ("Ministers last week described the deal as \u2018historic\u2019.", "historic", "Ministers"),
    ("Ms Ortiz (D-NM) claimed during the hearing that she had been \u2018consistent\u2019.", "consistent", "Ortiz"),
    # The second verb of a clause shares its subject; so does a participle after a comma.
    ("At a briefing, Mr Okafor defended the plan and said staff were \u2018ready\u2019.", "ready", "Okafor"),
    ("Mr Okafor praised the crews, saying \u2018fewer homes\u2019 had flooded.", "fewer homes", "Okafor"),
    # A progressive verb; a passive "quoted as"; "according to" later in the sentence.
    ("The tenants are now describing the repairs as \u2018cosmetic\u2019.", "cosmetic", "The tenants"),
    ("A council member was quoted as claiming the wardens were \u2018brutal\u2019.", "brutal", "A council member"),
    ("The couple live in \u2018prime real estate\u2019 rent-free, according to the landlord.", "prime real estate",
     "the landlord"),
])
def test_partial_quotes_with_the_subject_or_source_away_from_the_verb(text, quoted, speaker):
    assert quotes_of(text) == [(quoted, "direct", speaker)]


@pytest.mark.parametrize("text", [
    "A group demanding \u2018justice\u2019 marched to the depot.",
    "The crew \u2018mutinied\u2019 at dawn.",  # "crew" is lemminflect's past of "crow", but it follows "the"
    "The so-called \u2018reforms\u2019 closed the library, the mayor said.",
])
def test_a_verb_with_no_speaker_leaves_a_scare_quote(text):
    assert [kind for _, kind, _ in quotes_of(text)] == ["scare"]


@pytest.mark.parametrize("text", [
    "\u201cWe will go,\u201d Marlowe said. \u201csoon.\u201d The \u2018reforms\u2019 came.",
    "The \u2018reforms\u2019 came. \u201cNever,\u201d she said. \u201cnot now.\u201d Ms Lal urged \u2018action\u2019.",
    "\u201cA long quotation that a source spoke at length here,\u201d Kirby said. \u201cthen more.\u201d",
])
def test_deciding_some_quotations_gives_the_answers_of_deciding_all(text):
    from toneanalysis.analyse.quoted import attributed
    from toneanalysis.analyse.quotes import quote_spans
    from toneanalysis.analyse.verbs import verb_table
    from toneanalysis.text import nlp, normalise, sentence_spans

    normal = normalise(text)
    spans, sentences = quote_spans(text, normal), sentence_spans(nlp()(normal), normal)
    every = attributed(text, normal, sentences, spans, verb_table())
    assert every == [kind == "direct" for _, kind, _ in quotes_of(text)]
    for i in range(len(spans)):
        assert attributed(text, normal, sentences, spans, verb_table(), [i])[i] == every[i]


def test_a_long_run_of_quotations_each_following_the_last_is_decided_without_recursion():
    from toneanalysis.analyse.quoted import attributed
    from toneanalysis.analyse.quotes import quote_spans
    from toneanalysis.analyse.verbs import verb_table
    from toneanalysis.text import nlp, normalise, sentence_spans

    text = "\u201cGo,\u201d Marlowe said. " + " ".join(["\u201cnow.\u201d"] * 3000)
    normal = normalise(text)
    spans, sentences = quote_spans(text, normal), sentence_spans(nlp()(normal), normal)
    assert len(spans) == 3001 and len(sentences) == 3001
    assert attributed(text, normal, sentences, spans, verb_table(), [len(spans) - 1])[-1] is True

"""`loaded_p`, scare-quote hits and the issue-12 lexicon kinds, on minimal pairs written for these tests
(invented events: a harbour bridge vote, a school-meals bill, a water board); no evaluation sentence."""

import math

import numpy as np
import pandas as pd
import pytest
from conftest import FIXTURES, SAMPLE

import toneanalysis as ta
from toneanalysis.analyse import loaded, rated

# (loaded, plain): the same fact, once in loaded words and once as a wire editor would write it.
PAIRS = [
    ("The radical-left council rammed through its harbour bridge toll.",
     "The council approved its harbour bridge toll."),
    ("Hard-line senators caved in on the school-meals bill.",
     "Senators agreed to changes in the school-meals bill."),
    ("The water board's 'consultation' lasted a single afternoon.",
     "The water board's consultation lasted a single afternoon."),
    ("The mayor insists that the disgraceful fare rise is fair.",
     "The mayor says that the fare rise is fair."),
    ("Critics say the anti-science lobby weaponized the ferry dispute.",
     "Critics say the lobby group used the ferry dispute."),
    ("The minister maintains that the sham inquiry was independent.",
     "The minister says that the inquiry was independent."),
]


@pytest.mark.parametrize("loaded_text, plain_text", PAIRS)
def test_loaded_member_scores_higher(loaded_text, plain_text):
    table = ta.score_texts([loaded_text, plain_text])
    assert table["loaded_weight"].iloc[0] > table["loaded_weight"].iloc[1]
    assert table["loaded_p"].iloc[0] > table["loaded_p"].iloc[1]


def test_scare_quote_around_a_plain_word_is_a_hit_with_every_field():
    hits = ta.find_loaded_terms("The water board's 'consultation' lasted a single afternoon.")
    assert hits[["text", "term", "category", "voice"]].values.tolist() == [
        ["consultation", "scare quotes", "scare_quote", "scare_quote"]]
    row = hits.iloc[0]
    assert row["weight"] > 0 and row["framing"] and row["neutral"]


@pytest.mark.parametrize("text", [
    "The board met 'Ferry Friends' campaigners on Monday.",        # a name in quotes, all capitals
    "Harbour staff read \u201cThe Tide Turns\u201d aloud.",          # a title
    "The 'brutal' cuts were announced.",                           # a loaded term: its own hit, not two
    "\u201cWe will build the bridge and we will pay for it,\u201d the mayor said.",  # a long quotation
])
def test_quotes_that_are_not_scare_quotes_around_plain_words(text):
    assert "scare quotes" not in set(ta.find_loaded_terms(text)["term"])


def test_scare_quotes_and_their_hits_agree_with_the_corpus_path():
    text = "The water board's 'consultation' was brief. Its 'reforms' were not."
    assert ta.score_texts([text])["loaded_count"].iloc[0] == len(ta.find_loaded_terms(text)) == 2


def test_rewrite_drops_the_marks_and_keeps_the_word():
    table = ta.neutral_rewrite("The water board's 'consultation' lasted an afternoon.")
    assert table["rewritten"].iloc[0] == "The water board's consultation lasted an afternoon."


@pytest.mark.parametrize("text, term", [
    ("The demonise-the-critics strategy.", "demonise"),
    ("They demonize the critics.", "demonize"),
    ("She weaponised the inquiry.", "weaponised"),
    ("He contends the fares are fair.", "contends"),
    ("Hardliners walked out.", "hardliner"),
    ("The ultra-left caucus met.", "ultra-left"),
])
def test_kinds_the_issue_lists_are_covered(text, term):
    assert term in set(ta.find_loaded_terms(text)["term"])


@pytest.mark.parametrize("text", [
    "The contract maintains the ferry timetable.",   # "maintains" without "that" is not a said-verb
    "Farm animals grazed by the harbour.",
    "A swarm of bees closed the bridge.",
])
def test_innocent_uses_do_not_fire(text):
    assert ta.find_loaded_terms(text).empty


def test_generic_intensifiers_weigh_less_than_loaded_words():
    weights = ta.default_lexicon().entries.set_index("term")["weight"]
    assert weights["very"] < 1 and weights["crisis"] < 1 and weights["great"] < 1
    assert weights["sham"] >= 2


def test_every_entry_has_a_source():
    assert (ta.default_lexicon().entries["source"] != "").all()


def test_features_explain_the_probability():
    table = ta.loaded_p_features("The sham inquiry met. The inquiry met.")
    assert table["text"].tolist() == ["The sham inquiry met.", "The inquiry met."]
    for row in table.itertuples():
        z = loaded.INTERCEPT + sum(loaded.COEFFICIENTS[f] * getattr(row, f) for f in loaded.FEATURES)
        assert row.loaded_p == pytest.approx(1 / (1 + math.exp(-z)))
    assert table["charged"].iloc[0] > 0 == table["charged"].iloc[1]
    assert table["loaded_p"].iloc[0] > table["loaded_p"].iloc[1]


def test_sentence_and_paragraph_loaded_p_aggregate_by_words():
    text = "The sham inquiry met on a long grey Tuesday in the harbour hall. It ended."
    sentences = ta.score_sentences(text)
    paragraph = ta.score_paragraphs(text)["loaded_p"].iloc[0]
    expected = (sentences["loaded_p"] * sentences["n_words"]).sum() / sentences["n_words"].sum()
    assert paragraph == pytest.approx(expected)
    assert ta.score_texts([text])["loaded_p"].iloc[0] == pytest.approx(paragraph)


def test_piece_loaded_p_is_the_body_mean_by_words():
    text = "Harbour vote\n\nThe sham inquiry met on a long grey Tuesday in the harbour hall.\n\nIt ended."
    paragraphs = ta.score_paragraphs(text)
    body = paragraphs[paragraphs["role"] == "paragraph"]
    expected = (body["loaded_p"] * body["n_words"]).sum() / body["n_words"].sum()
    assert ta.piece_measures(text)["loaded_p"] == pytest.approx(expected)
    assert "loaded_p" in set(ta.compare(text, "The inquiry met.\n\nIt ended.", n_boot=100, n_perm=100)["measure"])


def test_minimal_pairs_fixture_loaded_member_scores_higher():
    pairs = pd.read_csv(FIXTURES / "minimal_pairs.tsv", sep="\t")
    assert len(pairs) >= 30 and pairs["kind"].nunique() >= 10
    loaded, plain = ta.score_texts(pairs["loaded"]), ta.score_texts(pairs["plain"])
    higher = loaded["loaded_p"].to_numpy() > plain["loaded_p"].to_numpy()
    assert higher.all(), pairs.loc[~higher, "loaded"].tolist()


def test_light_matches_are_cues_that_raise_loaded_p_but_are_not_hits():
    # "very" (weight 0.5) and a quoted two-word phrase are cues: not shown, counted or rewritten, still read
    # by `loaded_p` (its amplifier and scare-quote features), so the plain sentence scores lower.
    light, plain = "The very late ferry carried 'harbour friends' home.", "The late ferry carried harbour friends home."
    assert ta.find_loaded_terms(light).empty
    table = ta.score_texts([light, plain])
    assert table["loaded_count"].tolist() == [0, 0] and table["loaded_terms"].tolist() == ["", ""]
    assert table["loaded_p"].iloc[0] > table["loaded_p"].iloc[1]
    features = ta.loaded_p_features(light).iloc[0]
    assert features["amplifier"] > 0 and features["scare_quotes"] > 0
    assert ta.neutral_rewrite(light)["rewritten"].iloc[0] == light


def test_a_one_word_scare_quote_is_a_hit_and_a_longer_one_is_not():
    hits = ta.find_loaded_terms("The 'reforms' of the 'harbour plan' were brief.")
    assert hits["text"].tolist() == ["reforms"]


def test_a_describing_word_the_lexicon_lacks_is_a_rated_word_with_every_field():
    text = "The harbour board published a scurrilous leaflet about the ferry crews."
    hits = ta.find_loaded_terms(text)
    assert hits[["text", "term", "category", "weight"]].values.tolist() == [
        ["scurrilous", "rated word", "rated_word", 1.0]]
    assert hits["framing"].iloc[0] == "mixed" and hits["neutral"].iloc[0] == "(no alternative in the lexicon)"
    assert ta.score_texts([text])["loaded_count"].iloc[0] == 1
    # In `loaded_p`'s charged group at its weight (since v0.6), and the rewrite keeps the word.
    features = ta.loaded_p_features(text).iloc[0]
    assert features["charged"] == pytest.approx(math.log1p(1.0))
    assert features[["hedge", "amplifier", "scare_quotes"]].to_numpy().sum() == 0
    rewrite = ta.neutral_rewrite(text).iloc[0]
    assert rewrite["rewritten"] == text and "kept: no alternative in the lexicon" in rewrite["replacements"]


@pytest.mark.parametrize("text", [
    "The Malicious Ferry Company published a leaflet about the crews.",  # a name
    "The tyrant smiled.",                                                # a verb form VADER rates is not a candidate
    "The harbour board published a leaflet about the ferry crews.",
])
def test_plain_words_and_names_are_not_rated(text):
    assert "rated word" not in set(ta.find_loaded_terms(text)["term"])


@pytest.mark.parametrize("name", ["Kuleba", "Ostrovska", "Vantongeren"])
def test_a_capitalised_word_the_frequency_list_lacks_is_a_name_not_a_rated_word(name):
    # Beside a hit, in a short sentence, such a name scored p 0.30 before (a rated word): the model's
    # features could not tell a name from a rare loaded word, so names are not candidates.
    sentence = f'"He is a tyrant," {name} claimed.'
    assert rated.explain(sentence, [(9, 15)]) and name not in [w["word"] for w in rated.explain(sentence, [(9, 15)])]
    assert name not in set(ta.find_loaded_terms(sentence)["text"])


def test_a_possessive_is_read_as_its_noun():
    # wordfreq lists "peer's" far rarer than "peer" (Zipf 1.7 against 4.1), which made it a rated word.
    possessive = {w["word"]: w for w in rated.explain("The peer's friends won the contract.")}["peer's"]
    plain = {w["word"]: w for w in rated.explain("The peer friends won the contract.")}["peer"]
    assert possessive["p"] == pytest.approx(plain["p"]) and possessive["p"] < rated.THRESHOLD


def test_a_rare_disparaging_noun_is_rated_and_a_common_one_in_its_place_is_not():
    # Nouns are candidates since word frequency (wordfreq) tells a rare, loaded noun from a plain one;
    # read around no lexicon match, so a lexicon that later lists the word does not change the answer.
    loaded_text = "The harbour board dismissed the ferry report as poppycock."
    assert [loaded_text[s:e] for s, e, _ in rated.rated_words(loaded_text, [])] == ["poppycock"]
    assert rated.rated_words("The harbour board dismissed the ferry report as a draft.", []) == []
    assert rated.zipf("poppycock") < rated.zipf("draft")


def test_a_rated_word_raises_loaded_p_where_the_lexicon_has_nothing():
    # A pair the lexicon ties (no entry in either) is told apart by the rated word.
    loaded_text, plain_text = ("The harbour board dismissed the ferry report as poppycock.",
                               "The harbour board dismissed the ferry report as a draft.")
    assert ta.loaded_p_features(plain_text)["charged"].iloc[0] == 0
    assert ta.score_texts([loaded_text])["loaded_p"].iloc[0] > ta.score_texts([plain_text])["loaded_p"].iloc[0]


def test_word_frequency_is_wordfreqs_own():
    # rated.py reads wordfreq's table itself (its import is slow): it must give wordfreq's own answer.
    wordfreq = pytest.importorskip("wordfreq")
    for word in ("the", "senator", "harbour", "callous", "poppycock", "brutalist", "zzzzqx"):
        assert round(rated.zipf(word), 2) == wordfreq.zipf_frequency(word, "en"), word


@pytest.mark.parametrize("text", [
    "The central bank raised interest rates by a quarter point on Wednesday, citing persistent inflation in services.",
    "Officials said the bridge would reopen to traffic on Monday after repairs to its northern span were completed.",
    "Shares in the mining company fell 4 percent after it reported lower output at two copper mines in Chile.",
    "Police said three people were taken to hospital after a car collided with a delivery van on the ring road.",
    "The ministry said talks with the union would resume next week and that both sides had agreed to meet.",
])
def test_a_plain_wire_sentence_has_no_rated_word(text):
    assert rated.rated_words(text, []) == []
    assert "rated word" not in set(ta.find_loaded_terms(text)["term"])


@pytest.mark.parametrize("sentence, matches", [
    ("The council's callous plan was approved on Tuesday.", []),
    ("A callous, hopeless and utterly reckless plan, the so-called reform, was pushed through.", [(2, 9)]),
    ('Residents called it "a shameless, dangerous land grab" at the crowded public meeting last night.', [(22, 31)]),
    ("The harbour board published a leaflet about the ferry crews and their long-awaited pay deal, "
     "which officials described as generous, fair and overdue after months of bitter talks.", [(130, 136)]),
])
def test_the_fast_rated_words_are_the_model_applied_to_word_features(sentence, matches):
    # The engine's fast path (`rated_words`) and the model's readable definition (`word_features`,
    # what benchmarks/word_model.py fits on) must mark the same words.
    assert rated.rated_words(sentence, matches) == _rated_by_definition(sentence, matches)
    # `explain` gives the same decision, with contributions that add up to its p.
    explained = rated.explain(sentence, matches)
    assert [(w["start"], w["end"]) for w in explained if w["rated"]] == [
        (s, e) for s, e, _ in rated.rated_words(sentence, matches)]
    for w in explained:
        z = rated.INTERCEPT + sum(w[f] for f in rated.FEATURES)
        assert w["p"] == pytest.approx(1 / (1 + math.exp(-z)))


def test_the_fast_rated_words_agree_on_every_sentence_of_the_sample():
    piece = ta.analyse(SAMPLE)
    sentences = [p.normal[s.start:s.end] for p in piece.parsed for s in p.sentences]
    marked = 0
    for sentence in sentences:
        found = rated.rated_words(sentence, [])
        assert found == _rated_by_definition(sentence, [])
        marked += len(found)
    assert marked > 0  # the check compares words marked, not only empty lists


@pytest.mark.parametrize("sentence, matches", [
    ("The council's callous plan was approved on Tuesday.", []),
    ("The tyrant's callous plan was approved on Tuesday.", [(4, 12)]),   # the match covers "tyrant's"
    ("A 'scurrilous' leaflet reached the harbour.", []),                 # quoted: its place is left out
    ("Scurrilous leaflets reached the harbour.", []),                    # first word: the same
    ("The plan was approved.", [(0, 22)]),                               # every word covered: 0
    ("It was on the way.", []),                                          # stop words only: 0
])
def test_rated_max_is_the_best_p_of_an_uncovered_word_without_its_place(sentence, matches):
    # `loaded_p`'s `rated_max` (`rated.scan`'s second answer), by its definition: the model applied to
    # `word_features` with `near_hit`, `quoted` and `first_word` set to 0, best over the words no match covers.
    place = [rated.FEATURES.index(f) for f in ("near_hit", "quoted", "first_word")]
    expected = max((_word_p([0.0 if i in place else v for i, v in enumerate(f)])
                    for _, _, f in rated.word_features(sentence, matches)), default=0.0)
    found, best = rated.scan(sentence, matches)
    assert best == pytest.approx(expected) and found == _rated_by_definition(sentence, matches)


def test_rated_max_reaches_loaded_p_on_every_path():
    piece = ta.analyse(SAMPLE)
    features = ta.loaded_p_features(piece)
    best = [s.rated_max for p in piece.parsed for s in p.sentences]
    assert features["rated_max"].tolist() == pytest.approx(best) and max(best) > 0.1
    # A sentence's loaded_p reads it: the same sentence with rated_max 0 scores lower.
    row = features.iloc[int(np.argmax(best))]
    z = loaded.INTERCEPT + sum(loaded.COEFFICIENTS[f] * row[f] for f in loaded.FEATURES)
    assert row["loaded_p"] == pytest.approx(1 / (1 + math.exp(-z)))
    assert loaded.COEFFICIENTS["rated_max"] > 0


def _word_p(features):
    # The rated-word model written out from its coefficients, apart from the code under test.
    z = rated.INTERCEPT + sum(rated.COEFFICIENTS[f] * v for f, v in zip(rated.FEATURES, features))
    return 1 / (1 + math.exp(-z))


def _rated_by_definition(sentence, matches):
    return [(s, e, rated.direction(sentence[s:e])) for s, e, f in rated.word_features(sentence, matches)
            if _word_p(f) >= rated.THRESHOLD]


def test_the_rated_words_cache_is_bounded(monkeypatch):
    monkeypatch.setattr(rated, "_LOGITS_MAX", 3)
    monkeypatch.setattr(rated, "_LOGITS", {})
    sentence = "A callous, hopeless, reckless and shameless plan."
    first = rated.rated_words(sentence, [])
    assert len(rated._LOGITS) <= 3 and rated.rated_words(sentence, []) == first == _rated_by_definition(sentence, [])


def test_a_short_quotation_with_a_speaker_is_found_but_is_not_a_hit():
    # Measured as a hit class and not kept (BABE precision far below half the F1; VALIDATION §3): the
    # quotation is someone's words, so it is neither a scare quote nor any other hit.
    from toneanalysis.analyse.engine import short_quotes
    from toneanalysis.text import normalise

    text = "The mayor said the ferry plan was 'a gift' to the harbour."
    spoken = [(text[a:b], s) for a, b, s in short_quotes(text, normalise(text), [])]
    assert spoken == [("a gift", True)]
    assert ta.find_loaded_terms(text).empty
    unspoken = "The ferry plan was 'a gift' to the harbour."
    assert [s for *_, s in short_quotes(unspoken, normalise(unspoken), [])] == [False]


def test_a_word_a_speaker_voiced_is_theirs_not_a_scare_quote():
    # The bundled article: the report called "concern" a scare quote "quoted from US" at once.
    text = "But the US has voiced \u201cconcern\u201d about the trip."
    hits = ta.find_loaded_terms(text)
    assert "scare_quote" not in set(hits["category"])
    assert ta.find_quotes(text)[["kind", "speaker"]].values.tolist() == [["direct", "US"]]


@pytest.mark.parametrize("text", [
    "The mayor said the ferry plan was 'a gift' to the harbour. The 'reforms' closed the library.",
    "Residents met the council\u2019s \u2018thugs\u2019 at the gate, \u201cand then they left,\u201d she wrote.",
    "\u201cThe plan helps every family on the harbour,\u201d the leaflet read. Its \u2018free\u2019 ferry was late.",
    "His \u2018Axis of Evil\u2019 ally arrived. \u201cWe will win,\u201d he said. And the \u2018talks\u2019 began",
])
def test_the_engine_reuses_its_spoken_quotes_for_the_scare_quote_rule_with_the_same_answer(text):
    # parse() finds a paragraph's spoken quotations once and hands them to the scare-quote rule, which
    # otherwise searches each sentence itself: both ways must give the same quotations.
    from toneanalysis.analyse import engine

    parsed = next(engine.parse([text], ta.default_lexicon()))
    spans = [(s.start, s.end) for s in parsed.sentences]
    quotes = engine.quote_spans(text, parsed.normal)
    searched = engine.short_quotes(text, parsed.normal, [], spans, quotes)
    reused = engine.short_quotes(text, parsed.normal, [], spans, quotes,
                                 set(engine.spoken_quotes(parsed.normal, quotes, spans)))
    assert searched == reused and searched
    assert parsed.spoken == engine.spoken_quotes(parsed.normal, quotes, spans)


@pytest.mark.parametrize("text, attributed", [
    ("The mayor said the bridge would close.", 1.0),
    ("According to the council, the bridge will close.", 1.0),
    ("The bridge, officials told reporters, will close.", 1.0),
    ("The state report on the bridge was late.", 0.0),  # base forms are nouns here: no attribution
    ("The bridge will close in May.", 0.0),
])
def test_attributed_reads_neutral_reporting_verbs(text, attributed):
    assert ta.loaded_p_features(text)["attributed"].tolist() == [attributed]


def test_the_same_loaded_words_attributed_read_as_reporting():
    # Two sentences of the same length and hits: the one that reports speech has the lower loaded_p,
    # by exactly the attributed coefficient in log-odds.
    own, reported = ta.loaded_p_features("The thugs wrecked the square, the crowd heard.\n\n"
                                         "The thugs wrecked the square, the mayor said.")["loaded_p"]
    logit = lambda p: math.log(p / (1 - p))
    assert reported < own
    assert logit(reported) - logit(own) == pytest.approx(loaded.COEFFICIENTS["attributed"], abs=0.05)


def test_loaded_words_inside_quotation_marks_are_the_speakers_not_the_outlets():
    # The same words, quoted and not: the hit is found either way (with its voice), but `loaded_p`
    # reads the outlet's own words, so the quoted sentence's groups are empty and its loaded_p lower
    # (a quotation of more than four words is someone's words, whoever the sentence names).
    frame = ta.loaded_p_features("The thugs wrecked the square last night, the crowd heard.\n\n"
                                 "\u201cThe thugs wrecked the square last night,\u201d the crowd heard.")
    own, quoted = frame.to_dict("records")
    assert own["charged"] > 0 and quoted["charged"] == 0.0
    # The table says what was left out, so the hit a reader sees is explained.
    quoted_hits = ta.find_loaded_terms("\u201cThe thugs wrecked the square last night,\u201d the crowd heard.")
    assert (own["quoted_weight"], quoted["quoted_weight"]) == (0.0, quoted_hits["weight"].sum()) != (0.0, 0.0)
    assert quoted["loaded_p"] < own["loaded_p"]
    hits = ta.find_loaded_terms("\u201cThe thugs wrecked the square,\u201d she said.")
    assert hits[["text", "voice", "speaker"]].values.tolist() == [["thugs", "quoted", "she"]]


def test_a_quotation_that_runs_to_the_paragraphs_end_is_still_quoted():
    # News style: a quotation that goes on into the next paragraph has no closing mark in this one.
    row = ta.loaded_p_features("\u201cThese thugs wrecked our square and nobody stopped them.")
    assert row["charged"].tolist() == [0.0]


@pytest.mark.parametrize("text", [
    "Residents met the council\u2019s \u2018thugs\u2019 at the gate.",  # the writer's own marks: a scare quote
    "The mayor and his \u201cfat cat\u201d friends met again on Friday.",
])
def test_a_loaded_word_in_the_writers_own_quotation_marks_still_counts(text):
    # No speaker, a short phrase: the outlet's scare quotes around its own loaded word (the sample's
    # 'Axis of Evil' ally), so loaded_p counts it, as the voice analysis calls it `scare_quote`.
    row = ta.loaded_p_features(text).iloc[0]
    assert row["charged"] > 0 and row["quoted_weight"] == 0.0
    assert set(ta.find_loaded_terms(text)["voice"]) == {"scare_quote"}


@pytest.mark.parametrize("text", [
    "The mayor called the protesters \u2018thugs\u2019 on Friday.",  # a speech or naming verb: a partial quote
    "\u201cThe thugs wrecked our square again,\u201d a resident wrote.",
])
def test_a_loaded_word_in_someones_quoted_words_is_theirs(text):
    row = ta.loaded_p_features(text).iloc[0]
    assert row["charged"] == 0.0 and row["quoted_weight"] > 0


def test_scare_quotes_and_unquoted_hits_beside_a_quotation_still_count():
    # The marks of a scare quote are the outlet's; a hit outside a quotation in the same sentence counts.
    scare = ta.loaded_p_features("The council\u2019s \u2018reforms\u2019 closed the library.")
    assert scare["scare_quotes"].iloc[0] > 0
    beside = ta.loaded_p_features("The thugs wrecked what the mayor called \u201cour square\u201d.")
    assert beside["charged"].iloc[0] > 0


def test_tone_still_counts_quoted_loaded_words():
    # `tone` was fitted with every match, quoted or not: only loaded_p reads the voice.
    quoted = ta.score_texts(["\u201cThe thugs wrecked the square,\u201d the crowd heard."])
    plain = ta.score_texts(["\u201cThe men walked across the square,\u201d the crowd heard."])
    assert quoted["tone"].iloc[0] < plain["tone"].iloc[0]


def _scare_hits_and_quotes(text):
    hits = ta.find_loaded_terms(text)
    scare_hits = sorted(hits.loc[hits["category"] == "scare_quote", "text"])
    quotes = ta.find_quotes(text)
    return scare_hits, sorted(quotes.loc[quotes["kind"] == "scare", "text"])


def test_a_scare_quote_hit_is_exactly_a_one_word_quote_the_voice_analysis_leaves_unattributed():
    # One rule decides whose words a quotation is (quoted.attributed): every verb the voice analysis
    # attributes by, past tense, and the report never calls a source's word a scare quote.
    from toneanalysis.analyse.verbs import table_for
    from toneanalysis.lexicon import default_lexicon

    table, _ = table_for(default_lexicon())
    forms = sorted(f for f, (_, _, tag) in table.items() if tag == "VBD")
    assert len(forms) > 100
    found = {form: _scare_hits_and_quotes(f"The mayor {form} \u2018concern\u2019 about the plan.") for form in forms}
    assert [form for form, (hits, quotes) in found.items() if hits != quotes] == []
    assert found["pledged"] == ([], [])  # the bundled report once showed such a word as a scare quote


@pytest.mark.parametrize("text", [
    "The council\u2019s \u2018reforms\u2019 closed the library. Ms Lal pledged \u2018action\u2019 on Monday.",
    "\u201cWe will go,\u201d Marlowe said. \u201cSoon.\u201d The \u2018consultation\u2019 ended, the board slammed.",
    "Critics derided the \u2018plan\u2019; the mayor, on Friday, said it was \u2018bold\u2019.",
])
def test_scare_quote_hits_and_the_voice_analysis_agree_on_hand_written_paragraphs(text):
    scare_hits, scare_quotes = _scare_hits_and_quotes(text)
    assert scare_hits == scare_quotes

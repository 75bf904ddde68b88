"""The loaded-term lexicon: coverage, matching rules, extension, and errors naming row and column."""

import pandas as pd
import pytest

import toneanalysis as ta


def terms_in(text, **kwargs):
    return ta.find_loaded_terms(text, **kwargs)["term"].tolist()


def entry_terms_in(text):
    """The terms of the lexicon's own entries that match `text`: the matcher's rules, rated words
    (analyse/rated.py, a model's call, not an entry's) apart."""
    return [t for t in terms_in(text) if t != "rated word"]


def test_default_lexicon_is_large_and_valid():
    lex = ta.default_lexicon()
    assert len(lex) >= 500
    entries = lex.entries
    assert set(entries["category"]) >= {"name_calling", "emotive_adjective", "loaded_verb", "loaded_metaphor",
                                        "exaggeration", "doubt_verb", "puffery", "scare_phrase"}
    assert set(entries["framing"]) == {"negative", "positive", "mixed"}
    assert entries["term"].is_unique
    assert (entries.loc[entries["category"] != "exaggeration", "neutral"] != "").all()


def test_sample_loaded_language_is_found(sample):
    hits = ta.find_loaded_terms(sample)
    found = set(hits["text"].str.lower())
    for expected in ["tyrants", "axis of evil", "snarling grin", "brutal", "chilling", "bromance",
                     "dictatorship", "short man syndrome", "tyrant"]:
        assert any(expected in f for f in found), expected
    # Offsets point at the matched text in the block's original (typographic) text.
    blocks = {b.index: b.text for b in sample.blocks}
    for row in hits.itertuples():
        assert blocks[row.block][row.start:row.end] == row.text


@pytest.mark.parametrize(
    "text, term",
    [
        ("The tyrants met.", "tyrant"),
        ("TYRANT meets tyrant", "tyrant"),
        ("The minister slammed the plan.", "slam"),
        ("Critics are slamming the plan.", "slam"),
        ("a \u2018brutal\u2019 crackdown", "brutal"),
        ("his \u2018Axis of Evil\u2019 ally", "axis of evil"),
        ("the so\u2011called deal", "so-called"),
    ],
)
def test_matching_is_case_inflection_and_typography_proof(text, term):
    assert term in terms_in(text)


def test_whole_words_only():
    # The matcher's rule, so rated words (analyse/rated.py) apart: the model rates "brutalist", a rare -ist word.
    assert entry_terms_in("Tyrannosaurus bones and brutalist buildings were shown.") == []


def test_innocent_uses_do_not_fire():
    assert "regime" not in terms_in("The new tax regime starts in April.")
    assert "regime" in terms_in("The regime jailed its critics.")


def test_longest_match_wins():
    hits = ta.find_loaded_terms("Putin formed an axis of evil.")
    assert hits["term"].tolist() == ["axis of evil"]


def test_replace_and_extend_with_a_dict():
    custom = {"jackboot": {"category": "loaded_metaphor", "weight": 3, "framing": "negative", "neutral": "force"}}
    assert terms_in("Jackboots marched; the tyrant watched.", lexicon=custom) == ["jackboot"]
    extended = ta.default_lexicon().extend(custom)
    assert terms_in("Jackboots marched; the tyrant watched.", lexicon=extended) == ["jackboot", "tyrant"]
    assert len(extended) == len(ta.default_lexicon()) + 1


def test_csv_lexicon(tmp_path):
    path = tmp_path / "lex.csv"
    path.write_text("term,category,weight,framing,neutral\nfat cat,name_calling,2,negative,executive\n")
    hits = ta.find_loaded_terms("Fat cats got bonuses.", lexicon=path)
    assert hits[["text", "term", "weight"]].values.tolist() == [["Fat cats", "fat cat", 2.0]]


@pytest.mark.parametrize(
    "body, row, column",
    [
        ("fat cat,name_calling,heavy,negative,executive\n", 2, "weight"),
        ("fat cat,name_calling,2,negative,executive\nthug,insult,3,negative,person\n", 3, "category"),
        ("fat cat,name_calling,2,bad,executive\n", 2, "framing"),
        (",name_calling,2,negative,executive\n", 2, "term"),
        ("fat cat,name_calling,2,negative,\n", 2, "neutral"),
        ("fat cat,name_calling,2,negative,executive\nFat  Cat,name_calling,1,negative,boss\n", 3, "term"),
    ],
)
def test_malformed_csv_names_row_and_column(tmp_path, body, row, column):
    path = tmp_path / "bad.csv"
    path.write_text("term,category,weight,framing,neutral\n" + body)
    with pytest.raises(ta.ToneAnalysisError, match=rf"row {row}, column '{column}'"):
        ta.load_lexicon(path)


def test_malformed_header_and_ragged_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("term,category,weight\nx,name_calling,2\n")
    with pytest.raises(ta.ToneAnalysisError, match="column 'framing'"):
        ta.load_lexicon(path)
    path.write_text("term,category,weight,framing,neutral\nx,name_calling,2,negative,y,extra,more\n")
    with pytest.raises(ta.ToneAnalysisError, match="row 2"):
        ta.load_lexicon(path)
    with pytest.raises(ta.ToneAnalysisError, match="no such file"):
        ta.load_lexicon(tmp_path / "missing.csv")


def test_dict_errors_name_the_term():
    with pytest.raises(ta.ToneAnalysisError, match="row 1, column 'weight'"):
        ta.load_lexicon({"thug": {"category": "name_calling", "weight": -1, "framing": "negative", "neutral": "man"}})
    with pytest.raises(ta.ToneAnalysisError, match="column 'framing'"):
        ta.load_lexicon({"thug": {"category": "name_calling", "weight": 1, "neutral": "man"}})


def test_dataframe_lexicon():
    frame = pd.DataFrame([{"term": "fat cat", "category": "name_calling", "weight": 2, "framing": "negative",
                           "neutral": "executive"}])
    assert len(ta.load_lexicon(frame)) == 1


@pytest.mark.parametrize("text, term", [
    ("The board rubber-stamped the plan.", "rubber-stamp"),
    ("He flip-flopped on tariffs.", "flip-flop"),
    ("They demonized the strikers.", "demonize"),
    ("She called them fascists.", "fascist"),
    ("The mayor recklessly spent the reserve.", "recklessly"),
    ("The senator is claiming that the count was wrong.", "claiming that"),
    ("Councillors bickered over the bins.", "bicker"),
    ("The board dragged its feet on repairs.", "drag its feet"),
    ("The firm rightsized its depot.", "rightsize"),
    ("The plant is right-sizing its staff.", "right-size"),
    ("The mayor splashed out on a launch.", "splash out"),
    ("The minister brushed off the flooding report.", "brush off"),
    ("Costs ballooned after the delay.", "ballooned"),
    ("The committee watered it down before the vote.", "water down"),  # a pronoun object goes between
    ("The chief constable brushed them off.", "brush off"),
    ("Ministers rammed it through the Lords.", "ram through"),
])
def test_every_form_of_an_entry_matches(text, term):
    # Hyphenated entries inflect like their last part; unknown -ize verbs as verbs; -ist labels have plurals.
    assert term in terms_in(text)


def test_a_separated_phrasal_verb_needs_a_pronoun_and_a_transitive_sense():
    # A noun object between verb and particle is not matched (the span would mark the object's words),
    # and "hit back" (retaliate) takes no object: "hit it back" is a ball.
    assert terms_in("The committee watered the motion down.") == []
    assert terms_in("She hit it back over the net.") == []
    assert terms_in("The keeper fired them back into the box.") == []
    assert terms_in("The council hit back at the report.") == ["hit back"]


def test_a_new_entry_keeps_its_innocent_uses_out():
    assert terms_in("The cafe served grilled chicken and grilled cheese.") == []
    assert terms_in("Negotiators were hammering out a deal on the ferry.") == []
    assert terms_in("Seals bask in the sun on the harbour wall.") == []
    assert terms_in("Staff joined the pension scheme in March.") == []
    assert terms_in("The senators grilled the harbour chief.") == ["grilled"]
    assert terms_in("Snowflakes fell on the village overnight.") == []
    assert terms_in("Officers held a knife amnesty in the town.") == []


@pytest.mark.parametrize("text, expected", [
    ("She claims that the count was wrong.", ["claims that"]),
    ("He denied claims that he had lied.", ["lied"]),  # the noun "claims" never counts; "lied" is a v0.6 entry
    ("The council is alleging that the contract was void.", ["alleging"]),
    ("The lawsuit alleges that the firm was negligent.", []),
])
def test_said_verbs_count_in_every_tense_and_nouns_do_not(text, expected):
    assert terms_in(text) == expected


@pytest.mark.parametrize("text, term", [
    ("The councillor vigorously denied the ferry report.", "vigorously"),
    ("Relations between the two harbour boards are frosty.", "frosty"),
    ("The mayor gave an icy reply to the parish council.", "icy"),
    ("The board was complicit in the cover-up of the depot accounts.", "complicit"),
    ("The two councils locked horns over the bypass.", "lock horns"),
    ("The aides were thrown under the bus after the vote.", "thrown under the bus"),
    ("The governor rode roughshod over the planning committee.", "ride roughshod over"),
    ("The ministry cherry-picked the figures on waiting lists.", "cherry-pick"),
    ("The complaints were swept under the carpet by the trust.", "sweep under the carpet"),
    ("The launch descended into a kerfuffle over seating.", "kerfuffle"),
])
def test_v07_families_match(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize("text", [
    # Innocent uses of v0.7 entries: weather, law, buildings, fiction, sport.
    "Icy roads closed the pass on a frosty morning.",
    "The court heard a charge of culpable homicide against the driver.",
    "The derelict building on Mill Lane will be demolished in May.",
    "Prickly pears grow on the south wall of the museum garden.",
    "The village fete ended with a tug of war contest on the green.",
    "The pilot took evasive action to avoid the flock of birds.",
    "The former soap opera star opened the library extension.",
    "Workers scrubbed a stubborn stain from the town hall steps.",
])
def test_v07_innocent_uses_do_not_fire(text):
    assert entry_terms_in(text) == []


@pytest.mark.parametrize("text, term", [
    # v0.8: idioms and phrasal verbs, written after minimal pairs on new events failed on them.
    ("The ferry company ripped off its passengers with booking fees.", "rip off"),
    ("The union is holding the county to ransom over the bus contract.", "to ransom"),
    ("The defendant walked free on a technicality.", "on a technicality"),
    ("The planning board kicked the can down the road again.", "kick the can down the road"),
    ("The harbour trust is haemorrhaging cash.", "haemorrhaging"),
    ("The regulator was asleep at the wheel.", "asleep at the wheel"),
    ("The chairman threw his deputy to the wolves.", "to the wolves"),
    ("The party hung its candidate out to dry.", "out to dry"),
    ("Bosses forked out for a new office.", "fork out"),
    ("Reporters are hounding the councillor.", "hound"),
    ("The bank hiked its mortgage rates.", "hiked"),
    ("The county's high street has become a ghost town.", "ghost town"),
    ("The ferry firm's greenwashing campaign backfired.", "greenwashing"),
    ("The scheme was a dog's dinner.", "dog's dinner"),
    ("The landlord claims the flats are dry.", "claims the"),
    ("The mayor claims he was never told.", "claims he"),
])
def test_v08_families_match(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize("text", [
    # Innocent uses of v0.8 entries: storms, surgery, cooking, walking, hunting, laundry, sport, law.
    "The storm ripped off the roof of the sports hall.",
    "Surgeons stitched up the wound in theatre.",
    "The chef carved up the turkey for the guests.",
    "She hiked through the forest to the summit.",
    "The hounds chased the fox across the field.",
    "He coughed up blood and was taken to hospital.",
    "The winner said she felt humbled by the support.",
    "She hung the washing out to dry in the garden.",
    "Kidnappers tried to ransom the hostages.",
    "The number of claims the agency handled fell.",
    "The disease claims the lives of thousands every year.",
    "The firm hopes to keep output up and maintained that level all year.",
])
def test_v08_innocent_uses_do_not_fire(text):
    assert entry_terms_in(text) == []


@pytest.mark.parametrize("text, marked, term", [
    ("The landlord claims the flats are dry.", "claims", "claims the"),
    ("The mayor claims he was never told.", "claims", "claims he"),
    ("The minister claims that the plan works.", "claims", "claims that"),
    ("A flood of complaints reached the council.", "flood", "flood of"),
    ("Rivals preyed on the weakest firms.", "preyed", "prey on"),
    ("Officials scrambled to explain the delay.", "scrambled", "scramble to"),
])
def test_a_hit_marks_its_loaded_words_not_the_word_that_gives_their_sense(text, marked, term):
    # "claims that" is an entry so that the noun "claims" stays out; the loaded word is "claims", and
    # experts do not mark the "that" (docs/VALIDATION.md §3: word F1 0.457 -> 0.461).
    hits = ta.find_loaded_terms(text)
    row = hits[hits["term"] == term].iloc[0]
    assert (row["text"], text[row["start"]:row["end"]]) == (marked, marked)


def test_a_users_entry_with_a_context_word_marks_the_words_before_it_and_others_mark_all():
    lexicon = {"war on": {"category": "loaded_metaphor", "weight": 2, "framing": "negative",
                          "neutral": "campaign against"},
               "drag its feet": {"category": "loaded_metaphor", "weight": 2, "framing": "negative",
                                 "neutral": "delay"}}
    hits = ta.find_loaded_terms("The war on waste began while the council dragged its feet.", lexicon=lexicon)
    # (The rated-word model may add a word of its own, "waste"; this test is about the entries' spans.)
    assert hits.loc[hits["term"] != "rated word", "text"].tolist() == ["war", "dragged its feet"]
    # The rewrite still replaces the whole match: no "campaign against on waste".
    rewritten = ta.neutral_rewrite("The war on waste began.", lexicon=lexicon)["rewritten"].iloc[0]
    assert rewritten == "The campaign against waste began."


@pytest.mark.parametrize("text, term", [
    # v0.9: idioms of insult, infighting, collapse, greed and anger, in the forms news writes them.
    ("The pay offer is a slap in the face for nurses.", "slap in the face"),
    ("The two candidates traded barbs at the hustings.", "trade barbs"),
    ("The party is tearing itself apart over the budget.", "tear itself apart"),
    ("Ministers poured scorn on the report.", "pour scorn on"),
    ("The rail operator is on its last legs.", "on its last legs"),
    ("The chairman went ballistic when the figures leaked.", "go ballistic"),
    ("The coach spat the dummy after the draw.", "spit the dummy"),
    ("Taxpayers were taken for a ride by the contractor.", "take for a ride"),
    ("The club left the pitch with its tail between its legs.", "tail between its legs"),
    ("Shareholders saw red at the bonus.", "see red"),
    ("The council's plans are in tatters.", "in tatters"),
    ("Another miserable afternoon for the home side.", "miserable"),
    # v0.9's second group, written after a batch of minimal pairs on new events (F) missed these kinds.
    ("The closure has left parents terrified.", "terrified"),
    ("Every single tenant has complained.", "every single"),
    ("Passengers have waited forever for the new line.", "forever"),
    ("Forty staff were transitioned out of the business.", "transition out of the business"),
    ("The minister's office went into damage-control mode.", "damage-control"),
    ("The platform's tech overlords changed the rules.", "overlord"),
    # and its third, after batch G missed these.
    ("The bakery has thrown in the towel.", "throw in the towel"),
    ("Feral youths smashed the bus shelter.", "feral"),
    ("The striker scored a wonder goal.", "wonder goal"),
    ("The agency buried the findings in an appendix.", "bury the findings"),
])
def test_v09_families_match(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize("text", [
    # Innocent uses near v0.9 entries: road safety, plumbing, markets, costumes, water, museums, energy, animals.
    "Drivers who see red lights must stop at the junction.",
    "The engineers traced the leak to a pipe under the toilet.",
    "Traders sold apples and pears at the market.",
    "The grim reaper costume won the fancy-dress prize.",
    "Regulators set limits for forever chemicals in tap water.",
    "The museum shows a slab of petrified wood.",
    "The country will transition out of coal by 2030.",
    "Volunteers trapped feral cats on the estate.",
])
def test_v09_innocent_uses_do_not_fire(text):
    assert entry_terms_in(text) == []


@pytest.mark.parametrize("text, term", [
    # v0.10: idioms of collusion and abandonment, war metaphors of a dispute, euphemisms, cronyism.
    ("The mayor was in league with the developers.", "in league with"),
    ("Regulators are in cahoots with the banks.", "in cahoots with"),
    ("The senator is in the pocket of the oil lobby.", "in the pocket of"),
    ("The closure left the charity high and dry.", "high and dry"),
    ("Shopkeepers are at war with the council over parking.", "at war with"),
    ("The mayor declared war on potholes.", "declare war on"),
    ("Hospitals are waging war on winter flu.", "wage war on"),
    ("Two inmates passed away after the disturbance.", "pass away"),
    ("The contract went to a golfing buddy of the leader.", "golfing buddy"),
    ("The firm was run by a pal of the minister.", "pal"),
    ("Residents found killer mould in the flats.", "killer mould"),
    ("The high street is in its death throes.", "death throes"),
    ("The midfielder was tired and emotional at the dinner.", "tired and emotional"),
    ("A has-been singer will headline the concert.", "has-been"),
    # An open compound also matches its hyphenated spelling.
    ("The plan was drafted by Treasury bean-counters.", "bean counter"),
])
def test_v010_families_match(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize("text", [
    # Innocent uses near v0.10 entries: literal wars, illness, pen friends, a session of Congress.
    "Britain declared war on Germany in September 1939.",
    "The United States declared war on Japan the next day.",
    "Russia has been at war with Ukraine since 2022.",
    "The coalition waged war on Iraq in 1991.",
    # The set of belligerents follows every form of each war metaphor, and "war on" too.
    "Britain declares war on Germany.",
    "Israel's war on Hamas entered its second year.",
    "The minister spent the week in bed with flu.",
    "The girl wrote to her pen pal in Ghana.",
    "The lame-duck session of Congress opens on Monday.",
])
def test_v010_innocent_uses_do_not_fire(text):
    assert entry_terms_in(text) == []


def test_an_exception_can_cite_a_phrase_set_and_an_unknown_set_is_named():
    entry = {"category": "loaded_metaphor", "weight": 2, "framing": "negative", "neutral": "dispute with"}
    lexicon = {"go to war with": {**entry, "exceptions": "@belligerents"}}
    assert ta.find_loaded_terms("The mayor went to war with the Taliban.", lexicon=lexicon).empty
    hits = ta.find_loaded_terms("The mayor went to war with the unions.", lexicon=lexicon)
    assert hits.loc[hits["term"] != "rated word", "term"].tolist() == ["go to war with"]
    with pytest.raises(ta.ToneAnalysisError, match=r"row 1, column 'exceptions': '@enemies' names no phrase set"):
        ta.load_lexicon({"go to war with": {**entry, "exceptions": "war games;@enemies"}})


@pytest.mark.parametrize("text, term", [
    # v0.11: hyperbole of money, size and time; euphemisms of dismissal, force and removal; waste.
    ("The new stadium cost the city a fortune.", "a fortune"),
    ("Queues for the ferry stretched for miles.", "stretch for miles"),
    ("Hundreds upon hundreds of letters arrived.", "hundreds upon hundreds"),
    ("The planning appeal took an eternity.", "an eternity"),
    # Without an object between (passive), as the matcher has no gap for one: "released nurses from" is missed.
    ("Nine nurses were released from their positions.", "release from their positions"),
    ("A trooper discharged her firearm at the checkpoint.", "discharge her firearm"),
    ("Forty men were returned to their country of origin.", "return to their country of origin"),
    ("The grants scheme leaks like a sieve.", "leak like a sieve"),
    ("The council treats the pension fund as a personal piggy bank.", "personal piggy bank"),
    # An idiom with its object inside: the literal uses are excepted (below).
    ("The coach threw his own captain under the bus.", "under the bus"),
    ("The reporters were sold down the river.", "sell down the river"),
    ("A politically connected developer won the tender.", "politically connected"),
    ("She landed a plum appointment at the regulator.", "plum appointment"),
    ("The retailer is caught in a doom loop.", "doom loop"),
    ("The new rules gutted protections for renters.", "gutted"),
    ("A bed-blocking crisis has closed two wards.", "bed blocking"),
    ("The keeper made a superhuman save.", "superhuman"),
])
def test_v011_families_match(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize("text", [
    # Innocent uses near v0.11 entries: road accidents, fire, laundry, fortune tellers, orchards.
    "A pensioner fell under the bus as it pulled away.",
    "Firefighters found a dog trapped under the bus.",
    "The old mill was gutted by fire in 1998.",
    "The fishmonger gutted the fish for a customer.",
    "The washing hung out to dry in the yard.",
    "A fortune teller set up a stall at the fair.",
    "She works for a Fortune 500 company.",
    "The orchard grows plum trees on the south slope.",
])
def test_v011_innocent_uses_do_not_fire(text):
    assert entry_terms_in(text) == []


@pytest.mark.parametrize("text, term", [
    # v0.12: landlords and crooks, concealment, "-ridden", "of the century", tech alarm, war metaphors.
    ("A slum landlord let the flats fall apart.", "slum landlord"),
    ("The light-fingered treasurer was jailed.", "light-fingered"),
    ("The results were kept under wraps until May.", "under wraps"),
    ("Inspectors found a rat-ridden kitchen.", "rat-ridden"),
    ("Pundits called it the trial of the century.", "trial of the century"),
    ("The app hoovered up contact lists.", "hoovered up"),
    ("The senator mounted an all-out assault on the budget.", "all-out assault on"),
])
def test_v012_families_match(text, term):
    assert term in terms_in(text)


@pytest.mark.parametrize("text", [
    # Innocent uses near v0.12 entries: cooking, sewage works, a battle in a war.
    "Press the berries through a sieve.",
    "The works dries sewage sludge for farmers.",
    "The army launched a frontal assault on the capital.",
    "Rebels began an all-out assault on government positions.",
])
def test_v012_innocent_uses_do_not_fire(text):
    assert entry_terms_in(text) == []

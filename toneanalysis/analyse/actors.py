"""Tone per actor: the sentences that mention a person (or country, or party) and the loaded words
that describe them.

An actor is a label and its aliases (`{"Putin": ["Putin", "Vladimir Putin", "Vlad"]}`); aliases
match whole words, case-insensitively ("VLADIMIR Putin"), the longest first, so "Kim Jong-un" is
one mention, not also "Kim". A loaded term *describes* a mention when it sits in the same clause
(no comma, semicolon, colon, bracket or spaced dash between them) with at most `window` words
between: "Tyrants Kim", "Putin's snarling grin", "‘Axis of Evil’ ally Kim Jong-un".

With no actors given, the most frequent proper names are used (`default_actors`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import pandas as pd

from ..errors import ToneAnalysisError
from ..lexicon import LexiconLike
from ..text import normalise, stop_words
from .analysed import ArticleLike, analyse
from .speakers import TITLE_WORDS, dictionary_words, strip_titles
from .tables import find_loaded_terms, score_sentences, with_metadata

ACTOR_COLUMNS = ["actor", "kind", "aliases", "n_mentions", "n_sentences", "tone_mean", "tone_min", "tone_max",
                 "loaded_in_sentences", "n_describing", "describing_weight", "describing_terms"]

_MONTHS_DAYS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
_TOKEN = re.compile(r"[^\W\d_][\w\-]*(?:'s)?")
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]]|\s[\-]\s|[.!?]")
_DEMONYM = re.compile(r"(?:ean|ian|ese|ish)$")
# "Moscow-backed", "tyrant-led": an adjective made from a name, not a name.
_NAME_ADJECTIVE = re.compile(r"-(?:backed|led|based|born|style|era|linked|funded|owned|run|made|friendly|"
                             r"controlled|occupied|allied|inspired|supporting|leaning)$")


def _name_runs(text: str, spans) -> list[tuple[list[str], bool, int, int]]:
    """(tokens, starts a sentence, start, end) for each run of capitalised words in a normalised text."""
    starts = {a for a, _ in spans}
    runs, current, first, begin, end = [], [], False, 0, 0

    def close():
        if current:
            runs.append((list(current), first, begin, end))
        current.clear()

    for m in _TOKEN.finditer(text):
        word = m.group(0)
        possessive = word.endswith("'s")
        bare = word[:-2] if possessive else word
        gap = text[end:m.start()] if current else None
        name_like = bare[:1].isupper() and not _NAME_ADJECTIVE.search(bare)
        if not name_like or (current and gap != " "):
            close()
        if not name_like:
            continue
        if not current:
            before = text[:m.start()].rstrip("\"' ")
            first = m.start() in starts or len(before) == 0 or before[-1:] in ".!?" or \
                (text[m.start() - 1:m.start()] in "\"'" and m.start() > 0)
            begin = m.start()
        current.append(bare)
        end = m.start() + len(bare)
        if possessive:
            close()
    close()
    return runs


def default_actors(article: ArticleLike, *, top: int = 6, lexicon: LexiconLike = None) -> dict[str, list[str]]:
    """The `top` most mentioned proper names, each with the forms it appears in.

    Capitalised words at the start of a sentence count only when the same word is capitalised
    elsewhere mid-sentence; titles ("President", "Mr") are dropped; a one-word name joins the most
    frequent longer name it is part of ("Putin" and "Vladimir Putin", "Kim" and "Kim Jong-un").

    >>> default_actors("Vladimir Putin met Kim. Putin smiled. Kim Jong-un waved at Putin.", top=2)
    {'Putin': ['Putin', 'Vladimir Putin'], 'Kim': ['Kim', 'Kim Jong-un']}
    """
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ToneAnalysisError(f"default_actors: top must be a positive whole number, got {top!r}")
    a = analyse(article, lexicon=lexicon)
    texts = [p.normal for p in a.parsed]
    spans = [[(s.start, s.end) for s in p.sentences] for p in a.parsed]
    quoted = {b.index: [(q.start, q.end) for q in a.quotes if q.block == b.index] for b in a.scored_blocks}
    # Names in the outlet's text: words inside quotation marks are someone else's (or scare quotes).
    found = [(run, text) for block, text, s in zip(a.scored_blocks, texts, spans) for run in _name_runs(text, s)
             if not any(start <= run[2] < end for start, end in quoted[block.index])]
    mid_sentence = {t.lower() for (tokens, first, _, _), _ in found for t in tokens[1 if first else 0:]}
    lower_words = {w for text in texts for w in re.findall(r"\b[a-z][\w\-]*", text)}
    stops = stop_words()
    counts: Counter = Counter()
    for (tokens, first, _, end), text in found:
        word = tokens[0].lower()
        if first and word not in mid_sentence and (word in lower_words or word in dictionary_words()):
            tokens = tokens[1:]  # "Tyrants Kim" at the start of a sentence; not "Vladimir Putin"
        # Capitals for emphasis: "MONSTER waves" is a word; "VLADIMIR Putin" and "US" are names.
        tokens = [t for t in tokens if not (t.isupper() and len(t) > 3 and t.lower() in dictionary_words())]
        tokens = [t.title() if t.isupper() and len(t) > 3 else t for t in tokens]
        while tokens and tokens[0].lower() in stops and not tokens[0].isupper():
            tokens = tokens[1:]
        tokens = strip_titles(tokens) if tokens else tokens
        if not tokens or all(t.lower() in TITLE_WORDS | _MONTHS_DAYS for t in tokens):
            continue
        following = text[end:end + 20].split()[:1]
        if _DEMONYM.search(tokens[-1]) and following and following[0][:1].islower():
            continue  # "North Korean capital": an adjective
        counts[" ".join(tokens)] += 1
    groups: dict[str, Counter] = {}
    longer = sorted((n for n in counts if " " in n), key=lambda n: -counts[n])
    for name, n in counts.most_common():
        if " " in name:
            home = name
        else:
            home = next((m for m in longer if name in m.split() or name in m.split("-")), name)
        groups.setdefault(home, Counter())[name] += n
    ranked = sorted(groups.items(), key=lambda item: -sum(item[1].values()))[:top]
    # The label is the form used most often, the shorter on a tie ("Putin"); the aliases every form seen.
    return {min(forms, key=lambda form: (-forms[form], len(form))): sorted(forms) for _, forms in ranked}


def _check_actors(actors) -> dict[str, list[str]]:
    if not isinstance(actors, Mapping) or not actors:
        raise ToneAnalysisError("actors: expected a non-empty dict of actor -> list of aliases, "
                                f"got {type(actors).__name__}")
    out = {}
    for label, aliases in actors.items():
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(label, str) or not label.strip():
            raise ToneAnalysisError(f"actors: the actor name {label!r} is not text")
        if not isinstance(aliases, (list, tuple, set)) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ToneAnalysisError(
                f"actors: aliases of {label!r} must be a list of non-empty strings, got {aliases!r}")
        out[label] = sorted({label, *aliases}, key=len, reverse=True)
    return out


def _mentions(text: str, aliases: list[str]) -> list[tuple[int, int]]:
    pattern = r"(?<![\w\-])(?:" + "|".join(re.escape(normalise(a)).replace(r"\ ", r"\s+") for a in aliases) \
        + r")(?![\w\-])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, re.I)]


def _distance(text: str, hit: tuple[int, int], mention: tuple[int, int], window: int) -> int | None:
    """Words between a loaded term and a mention in the same clause, or None when it does not describe it.

    A possessive mention describes only what follows it: "Putin's snarling grin", but not the
    "‘lonely bromance’ by Ukraine's foreign minister".
    """
    if hit[1] <= mention[0]:
        a, b = hit[1], mention[0]
        if text[mention[1]:mention[1] + 2] == "'s":
            return None
    elif mention[1] <= hit[0]:
        a, b = mention[1], hit[0]
    else:
        return 0  # overlapping
    between = text[a:b]
    if _CLAUSE_BREAK.search(between):
        return None
    n = len(re.findall(r"[^\W_]+", between.replace("'s", "")))
    return n if n <= window else None


# A name after one of these is where something happens ("residents in Fenmoor vowed"), not who acts.
_LOCATIVE = re.compile(r"\b(?:in|at|to|from|near|across|into|outside|inside|around|throughout|of)\s+(?:the\s+)?$",
                       re.I)
_VERB_CATEGORIES = {"loaded_verb", "doubt_verb"}


def _quote_of(quotes: list[tuple[int, int]], position: int) -> int | None:
    return next((i for i, (a, b) in enumerate(quotes) if a <= position < b), None)


def _owners(hits: pd.DataFrame, texts: dict, mentions_of: dict, window: int, quotes: dict) -> dict[int, set[str]]:
    """hit row → the actor(s) it describes: those with the nearest qualifying mention.

    A mention qualifies when it is in the same clause (`_distance`), inside the same attributed
    quotation as the hit or outside all of them (a speaker's words describe what the speaker
    describes; scare quotes are the outlet's own), and, for a
    verb, when it can be the verb's subject: not the place after a preposition ("residents in Fenmoor
    vowed" is the residents' vow).
    """
    owners = {}
    for hit in hits.itertuples():
        best, who = None, set()
        for label, mentions in mentions_of.items():
            for block, span in mentions:
                if block != hit.block:
                    continue
                text = texts[block]
                if _quote_of(quotes[block], hit.start) != _quote_of(quotes[block], span[0]):
                    continue
                if hit.category in _VERB_CATEGORIES and _LOCATIVE.search(text[:span[0]]):
                    continue
                d = _distance(text, (hit.start, hit.end), span, window)
                if d is None:
                    continue
                if best is None or d < best:
                    best, who = d, {label}
                elif d == best:
                    who.add(label)
        owners[hit.Index] = who
    return owners


def _kind(mentions: list, texts: dict) -> str:
    """`place` when at least half the mentions follow a locative preposition ("in Fenmoor", "to
    Pyongyang"), else `name`."""
    located = sum(bool(_LOCATIVE.search(texts[block][:start])) for block, (start, _) in mentions)
    return "place" if mentions and located * 2 >= len(mentions) else "name"


def actor_tone(article: ArticleLike, actors: Mapping[str, list[str] | str] | None = None, *,
               lexicon: LexiconLike = None, top: int = 6, window: int = 3) -> pd.DataFrame:
    """One row per actor: the tone of the sentences that mention them, and the loaded words near them.

    `actors` maps a label to its aliases; None uses `default_actors(article, top=top)` (an empty
    table when the article names no one).
    Columns: `actor`, `kind` (`place` when half the mentions or more follow "in", "to", "from"...:
    where things happen rather than who acts; else `name`), `aliases` ("; "-joined), `n_mentions`,
    `n_sentences` (mentioning sentences),
    `tone_mean`/`tone_min`/`tone_max` (of those sentences' `tone`), `loaded_in_sentences` (loaded
    terms anywhere in them), `n_describing`, `describing_weight`, `describing_terms` (loaded terms in
    the same clause as a mention, at most `window` words away).

    >>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative",
    ...                       "neutral": "leader"}}
    >>> table = actor_tone("Tyrant Kim met Putin in Pyongyang.", {"Kim": ["Kim"], "Putin": ["Putin"]},
    ...                    lexicon=lexicon)
    >>> table[["actor", "n_sentences", "describing_terms"]].values.tolist()
    [['Kim', 1, 'Tyrant'], ['Putin', 1, '']]
    """
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ToneAnalysisError(f"actor_tone: window must be a whole number of words >= 0, got {window!r}")
    a = analyse(article, lexicon=lexicon)
    if actors is None:
        actors = default_actors(a, top=top)
        if not actors:  # no proper names to follow (lower-case prose, a script without capitals)
            return with_metadata(pd.DataFrame(columns=ACTOR_COLUMNS), a)
    actors = _check_actors(actors)
    sentences = score_sentences(a)
    hits = find_loaded_terms(a)
    texts = {b.index: p.normal for b, p in zip(a.scored_blocks, a.parsed)}
    mentions_of = {label: [(block, span) for block, text in texts.items() for span in _mentions(text, aliases)]
                   for label, aliases in actors.items()}
    # Attributed quotations only: scare quotes are the outlet's own words, in its own clause.
    quotes = {b.index: [(q.start, q.end) for q in a.quotes if q.block == b.index and q.kind == "direct"]
              for b in a.scored_blocks}
    owners = _owners(hits, texts, mentions_of, window, quotes)
    rows = []
    for label, aliases in actors.items():
        mentions = mentions_of[label]
        in_sentence = set()
        for block, (start, _) in mentions:
            rows_here = sentences[(sentences["block"] == block) & (sentences["start"] <= start)
                                  & (sentences["end"] > start)]
            in_sentence.update(rows_here.index)
        chosen = sentences.loc[sorted(in_sentence)]
        keys = set(zip(chosen["block"], chosen["sentence"]))
        sentence_hits = hits[[k in keys for k in zip(hits["block"], hits["sentence"])]]
        describing = [hit for hit in hits.itertuples() if owners.get(hit.Index) and label in owners[hit.Index]]
        rows.append((
            label, _kind(mentions, texts), "; ".join(sorted(aliases)), len(mentions), len(chosen),
            float(chosen["tone"].mean()) if len(chosen) else float("nan"),
            float(chosen["tone"].min()) if len(chosen) else float("nan"),
            float(chosen["tone"].max()) if len(chosen) else float("nan"),
            len(sentence_hits), len(describing), float(sum(h.weight for h in describing)),
            "; ".join(h.text for h in describing),
        ))
    return with_metadata(pd.DataFrame(rows, columns=ACTOR_COLUMNS), a)

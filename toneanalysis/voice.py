"""Whose words: quotations, their speakers, scare quotes, and the verbs that attribute speech.

Rule-based and offline. Quote-attribution libraries either need a parsed spaCy model (textacy's
`direct_quotations`) that cannot be downloaded here, or are not for English news, so the rules
below follow news-writing conventions:

- Quotation marks are read on the *original* characters where they are typographic (“ ” ‘ ’), and
  by position where they are straight (" '): a mark after a space opens, a mark before a space or
  punctuation closes. ’ and ' between letters (Russia’s, don't, and the odd Russia‘s) or before a
  digit (’90s) are apostrophes; a closing-looking ’ with no open ‘ (Brits’, two days’ notice) too.
- Only outermost quotes are reported; a quote nested inside another is part of its text.
- A paragraph that ends inside an open “ continues into the next paragraph that opens with “.
- `kind` is `direct` when the quote is attributed, `scare` when it is not (the writer's own marks,
  and always after "so-called"). Attribution, in this order: a reporting verb right after the quote
  (`," Kirby said` / `," said ... John Kirby`), one before it ending in a colon (`Kuleba said: “`),
  then the nearest speech verb earlier in the same sentence with a subject (`Priya Lal said the
  figures were ‘deeply worrying’`, `what he called “the lonely bromance”`), or an agent after a
  passive one (`described as ‘lonely bromance’ by Ukraine's foreign minister`).
- Speakers are names without job titles. A pronoun becomes the nearest named speaker (the subject
  of an earlier speech verb in the sentence, else the last one named before it); a description
  ("Ukraine's foreign minister") becomes a name when the article pairs the two elsewhere
  ("Ukraine's Foreign Minister Dmytro Kuleba").

All positions are computed on `text.normalise(block.text)`, which keeps offsets, so they index the
block's original text.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pandas as pd

from .errors import ToneAnalysisError
from .text import normalise

QUOTE_COLUMNS = ["block", "role", "start", "end", "text", "kind", "speaker", "continued"]
VERB_COLUMNS = ["block", "role", "start", "end", "text", "verb", "kind", "speaker"]

# Attribution a reporter uses when not taking a view of the speaker.
NEUTRAL_VERBS = ("say", "tell", "add", "state", "according to", "report", "note", "explain", "ask",
                 "reply", "write", "announce", "confirm")
# Verbs that cast doubt on, or colour, what was said. The lexicon's `doubt_verb` entries join these.
COLOURING_VERBS = ("claim", "admit", "insist", "boast", "blast", "slam", "concede", "allege", "brag",
                   "confess", "fume", "rage", "rant", "gloat", "moan", "whine", "snap", "sneer", "scoff",
                   "bleat", "gush", "rave", "bemoan", "grumble", "splutter", "seethe", "hit out", "lash out")
# Verbs that attribute words to a speaker but say what was done with them (urged, warned, called):
# used to find speakers, not counted as attribution style.
SPEECH_VERBS = ("urge", "warn", "call", "describe", "brand", "dub", "label", "promise", "pledge", "vow",
                "thank", "praise", "condemn", "criticise", "criticize", "accuse", "voice", "argue",
                "suggest", "predict", "demand", "hail", "threaten", "declare", "stress", "reveal",
                "recall", "respond", "tweet", "quip", "joke", "dismiss", "deny", "mutter", "shout",
                "scream", "whisper", "exclaim", "continue", "agree", "maintain", "acknowledge",
                "remark", "retort", "complain", "lament", "term", "speak", "hit back")
# Naming verbs: "a campaign called ‘X’" names a thing, so these need a named or pronoun subject.
NAMING_VERBS = {"call", "describe", "brand", "dub", "label", "term"}

PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# Job titles and honorifics dropped from the front of a name ("NATO Secretary General Jens Stoltenberg").
TITLE_WORDS = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "president",
    "vice", "prime", "minister", "secretary", "general", "foreign", "defence", "defense", "home", "health",
    "deputy", "chancellor", "mayor", "governor", "senator", "sen", "rep", "congressman", "congresswoman",
    "mp", "councillor", "cllr", "leader", "chief", "executive", "director", "spokesman", "spokeswoman",
    "spokesperson", "chairman", "chairwoman", "chair", "king", "queen", "prince", "princess", "pope",
    "judge", "justice", "inspector", "detective", "sergeant", "constable", "officer", "commander",
    "colonel", "captain", "admiral", "ambassador", "envoy", "commissioner", "boss", "manager", "coach",
    "opposition", "shadow", "supreme", "premier", "chief", "head",
}
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "your", "my", "this", "that",
                "these", "those", "some", "many", "several", "two", "three"}
_AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "would", "will",
                "could", "may", "might", "did", "does", "do", "not", "never", "also", "then", "later",
                "once", "again", "today", "yesterday", "earlier", "previously", "just", "only", "already",
                "reportedly", "tonight", "repeatedly", "since", "first", "widely", "publicly", "privately"}
_NAME_CONNECTORS = {"of", "for", "and", "&"}
_PARTICLES = {"out", "up", "off", "back", "down", "on", "in"}
_FUNCTION_WORDS = {"and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that",
                   "which", "who", "than", "into", "about", "over", "after", "before"}
_PREPOSITIONS = _FUNCTION_WORDS - {"and", "or", "but", "that", "which", "who", "than"}
_PASSIVE = {"was", "were", "is", "are", "be", "been", "being"}
_LY_NOUNS = {"family", "ally", "rally", "assembly", "supply", "reply", "anomaly", "italy", "july", "bully"}
# Words before a verb form that make it a noun ("the claims", "a blast") or an infinitive ("to say").
_NOT_VERB_BEFORE = _DETERMINERS | {"to", "of", "in", "on", "for", "with", "by", "new", "no", "any",
                                   "such", "whose", "which", "what", "latest", "recent", "false", "wild"}

_OPEN_DOUBLE = "\u201c\u201e\u201f\u00ab"
_CLOSE_DOUBLE = "\u201d\u00bb"
_OPEN_SINGLE = "\u2018\u201a\u201b"
_CLOSE_SINGLE = "\u2019"
_MASK = "\u25a1"
_NAME_TOKEN = re.compile(r"^[A-Z][\w'\-]*$")


class Quote(NamedTuple):
    block: int
    start: int
    end: int
    kind: str
    speaker: str
    continued: bool


class Verb(NamedTuple):
    block: int
    start: int
    end: int
    lemma: str
    kind: str
    speaker: str


# ---------------------------------------------------------------- quotation marks


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _mark(original: str, normal: str, i: int) -> tuple[str, str] | None:
    """(`"` or `'`, `open`/`close`/`either`/`close?`) for a quotation mark at i, None for an apostrophe."""
    ch, kind = original[i], normal[i]
    if kind not in "\"'":
        return None
    before = original[i - 1] if i > 0 else ""
    after = original[i + 1] if i + 1 < len(original) else ""
    space_before = before == "" or before.isspace() or before in "([{\u2014\u2013-/" + _OPEN_DOUBLE + _OPEN_SINGLE
    space_after = after == "" or after.isspace() or after in ".,;:!?)]}\u2014\u2013-" + _CLOSE_DOUBLE + _CLOSE_SINGLE
    if kind == '"':
        if ch in _OPEN_DOUBLE:
            return '"', "open"
        if ch in _CLOSE_DOUBLE:
            return '"', "close"
        if space_before and space_after:
            return '"', "either"
        return '"', "open" if space_before else "close" if space_after else "either"
    # A single mark between letters (Russia’s, don't, Russia‘s) or before a digit (’90s) is an apostrophe.
    if _is_word(before) and _is_word(after):
        return None
    if after.isdigit():
        return None
    if ch in _OPEN_SINGLE:
        return "'", "open"
    if ch in _CLOSE_SINGLE and not _is_word(before) and _is_word(after):
        return None  # ’n’, ’em: a typographic opening quote would be ‘
    if space_before and _is_word(after):
        return "'", "open"
    if not space_before and space_after:
        return "'", "close?"  # closes an open ‘ if there is one, else an apostrophe (Brits’)
    return None


def quote_spans(original: str) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of each outermost quotation in a text, marks excluded.

    An unclosed double quote runs to the end of the text (`closed` False).

    >>> text = "The government's 'reforms' left Brits' buses \u2018in tatters\u2019."
    >>> [text[a:b] for a, b, _ in quote_spans(text)]
    ['reforms', 'in tatters']
    """
    normal = normalise(original)
    stack: list[tuple[str, int]] = []  # (mark, index of the opening mark)
    spans = []
    for i, ch in enumerate(normal):
        if ch not in "\"'":
            continue
        found = _mark(original, normal, i)
        if found is None:
            continue
        mark, role = found
        open_here = [j for j, (m, _) in enumerate(stack) if m == mark]
        if role == "either":
            role = "close" if open_here else "open"
        if role == "open":
            stack.append((mark, i))
            continue
        if not open_here:
            continue  # a stray closing mark, or an apostrophe after a plural (Brits')
        depth = open_here[-1]
        start = stack[depth][1] + 1
        del stack[depth:]  # unmatched single opens inside were apostrophes ('em)
        if depth == 0 and i - start > 1:  # 'n' is an elision, not a quotation
            spans.append((start, i, True))
    doubles = [start for mark, start in stack if mark == '"']
    if doubles:
        end = len(original.rstrip())
        if doubles[0] + 1 < end and not any(a <= doubles[0] < b for a, b, _ in spans):
            spans.append((doubles[0] + 1, end, False))
    return sorted(spans)


# ---------------------------------------------------------------- verbs


def _forms(lemma: str) -> dict[str, str]:
    """Surface form → tag for a verb lemma or phrase (first word inflected: "lashed out")."""
    from lemminflect import getAllInflections

    first, *rest = lemma.split()
    tail = " ".join(rest)
    inflections = getAllInflections(first, upos="VERB") or {"VB": (first,)}
    out = {}
    # A form that is several tags ("hit", "put") is taken for the past tense, the reporter's tense.
    for tag in sorted(inflections, key=lambda tag: tag not in ("VBD", "VBN")):
        for form in inflections[tag]:
            out.setdefault(f"{form} {tail}".strip(), tag)
    out.setdefault(lemma, "VB")
    return out


@functools.lru_cache(maxsize=8)
def _verb_table(extra_colouring: tuple[str, ...] = ()) -> tuple[dict, re.Pattern]:
    """form → (lemma, kind, tag) and one compiled pattern for every attribution verb."""
    table: dict[str, tuple[str, str, str]] = {}
    for kind, lemmas in (("colouring", (*COLOURING_VERBS, *extra_colouring)), ("neutral", NEUTRAL_VERBS),
                         ("speech", SPEECH_VERBS)):
        for lemma in lemmas:
            for form, tag in _forms(lemma).items():
                table.setdefault(form, (lemma, kind, tag))
    # "according to" is a preposition phrase, not a verb: only its one form counts.
    table = {f: v for f, v in table.items() if v[0] != "according to" or f == "according to"}
    alternatives = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'\-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in alternatives)
                         + r")(?![\w\-])")  # lower case only: "the United States" is no verb
    return table, pattern


def _lexicon_doubt_verbs(lexicon) -> tuple[str, ...]:
    """The lexicon's `doubt_verb` entries that are verbs of saying ("claimed", "point out").

    The category also holds adverbs ("reportedly"), adjectives ("dubious", "supposed") and phrases
    ("it is claimed"); those are loaded terms, not attribution verbs, so they are left out here.
    """
    from lemminflect import getAllLemmas

    from . import lexicon as lexicon_module

    entries = lexicon_module.resolve(lexicon).entries
    out = set()
    for term in entries.loc[entries["category"] == "doubt_verb", "term"]:
        words = term.split()
        if len(words) == 2 and words[1] == "that":
            words = words[:1]  # "asserted that"
        if len(words) > 2 or (len(words) == 2 and words[1] not in _PARTICLES):
            continue
        lemmas = getAllLemmas(words[0])
        if "VERB" not in lemmas or "ADJ" in lemmas:
            continue
        out.add(" ".join([lemmas["VERB"][0], *words[1:]]))
    return tuple(sorted(out))


# ---------------------------------------------------------------- names


_NAME_ADJECTIVE = re.compile(r"-(?:owned|backed|led|based|born|run|funded|controlled|made|linked|style)$", re.I)


def _strip_titles(tokens: list[str]) -> list[str]:
    """Drop job titles, acronyms, possessives and name-adjectives ("Japanese-owned") from the front of a name."""
    last_title = -1
    for i, token in enumerate(tokens[:-1]):
        bare = token.lower().rstrip(".")
        if (bare in TITLE_WORDS or token.endswith("'s") or (token.isupper() and len(token) > 1 and i == 0)
                or _NAME_ADJECTIVE.search(token)):
            last_title = i
    return tokens[last_title + 1:]


def _stop_word(token: str) -> bool:
    from spacy.lang.en.stop_words import STOP_WORDS

    return token.lower() in STOP_WORDS and not token.isupper()  # "The", "But"; not "US"


def _name_run(tokens: list[str]) -> list[str]:
    """The capitalised words that end `tokens` (a name), or []."""
    run: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        # "Cornwall Fire and Rescue Service", "Bank of England": a connector between capitalised words.
        bridge = token in _NAME_CONNECTORS and run and i > 0 and _NAME_TOKEN.match(tokens[i - 1])
        if not (_NAME_TOKEN.match(token) or bridge):
            break
        run.insert(0, token)
    while run and _stop_word(run[0]) and len(run) > 1:
        run.pop(0)  # "The US", "But Putin"
    if len(run) == 1 and _stop_word(run[0]):
        return []
    if len(run) >= 3 and len(run) == len(tokens) and _common_word(run[0]):
        run.pop(0)  # a common word capitalised only because it starts the sentence: "Shopkeeper Dev Patel"
    return run


def _common_word(token: str) -> bool:
    from lemminflect import getAllLemmas

    return bool(getAllLemmas(token.lower())) and token.lower() not in TITLE_WORDS


def _subject_run(tokens: list[str]) -> list[str]:
    """The name that ends `tokens`, unless it is the object of a preposition ("director of the Fair Bills Campaign")."""
    run = _name_run(tokens)
    before = [t.lower() for t in tokens[:len(tokens) - len(run)]]
    if before and before[-1] in _DETERMINERS:
        before.pop()
    if run and before and before[-1] in _PREPOSITIONS:
        return []
    return run


def _words(text: str) -> list[str]:
    return re.findall(r"[^\s\u25a1\"]+", text)


def _subject_before(head: str) -> tuple[str, str] | None:
    """(speaker, how) for the subject that ends `head` (the text up to a verb): how is name/pronoun/description."""
    tokens = [t for t in head.split() if t]
    while tokens and (tokens[-1].lower() in _AUXILIARIES
                      or (tokens[-1].islower() and tokens[-1].endswith("ly") and len(tokens[-1]) > 4
                          and tokens[-1] not in _LY_NOUNS)):
        tokens.pop()
    if tokens and tokens[-1].endswith(","):
        # Appositions: "Jens Stoltenberg, the NATO secretary general, said", "The opposition's
        # spokesman, David Orme, said", "Dev Patel, 49, whose shop is in the zone, said": the
        # nearest comma-separated stretch that ends in a name or pronoun is the subject.
        tokens[-1] = tokens[-1][:-1]
        cuts = [len(tokens)] + [i + 1 for i in reversed(range(len(tokens) - 1)) if tokens[i].endswith(",")]
        stretches = [tokens[:cut] for cut in cuts]
        stretches = [st[:-1] + [st[-1].rstrip(",")] for st in stretches]
        named = [st for st in stretches if st[-1].lower() in PRONOUNS or _subject_run(st)]
        if not named and len(stretches) == 1:
            return None
        tokens = named[0] if named else stretches[-1]
    if not tokens or _MASK in tokens[-1] or not re.search(r"\w$", tokens[-1]):
        return None
    if tokens[-1].lower() in PRONOUNS:
        return tokens[-1], "pronoun"
    run = _subject_run(tokens)
    if run:
        return " ".join(_strip_titles(run)), "name"
    if tokens[-1].lower() in _FUNCTION_WORDS:
        return None  # "... of a loyal workforce and"
    description: list[str] = []
    for token in reversed(tokens):
        if (token.islower() and token.isalpha() and token not in _DETERMINERS and token not in _FUNCTION_WORDS
                and len(description) < 3):
            description.insert(0, token)
            continue
        if description and (token.lower() in _DETERMINERS or token.endswith("'s")
                            or (_NAME_TOKEN.match(token) and len(description) < 3 and token is not tokens[0])):
            description.insert(0, token)  # "the mayor", "Ukraine's foreign minister", "Union leaders"
        break
    if not description:
        return None
    if len(description) == 1 and not description[0].endswith("s"):
        return None  # a lone singular noun ("plan said") is more likely not a speaker
    return " ".join(description), "description"


def _speaker_after(tail: str) -> tuple[str, str] | None:
    """(speaker, how) for the noun phrase that starts `tail` ("said the mayor, Joan Pike.")."""
    first = re.split(r"[.;:!?()]|,|\s(?:in|on|at|after|before|during|from|with|to|who|which|as|when)\s",
                     tail, maxsplit=1)[0]
    tokens = _words(first)
    if not tokens:
        return None
    if tokens[0].lower() in PRONOUNS and len(tokens) == 1:
        return tokens[0], "pronoun"
    run = _name_run(tokens)
    if run:
        return " ".join(_strip_titles(run)), "name"
    rest = tail[len(first):]
    appositive = re.match(r",\s*((?:[A-Z][\w'\-]*\s?)+)", rest)
    if appositive:
        run = _name_run(appositive.group(1).split())
        if run:
            return " ".join(_strip_titles(run)), "name"
    if len(tokens) <= 5 and (tokens[0].lower() in _DETERMINERS or tokens[0].endswith("'s")):
        return " ".join(tokens), "description"
    if len(tokens) == 1 and tokens[0].islower() and tokens[0].endswith("s"):
        return tokens[0], "description"  # "according to aides"
    return None


# ---------------------------------------------------------------- one block


class _Text(NamedTuple):
    block: object
    normal: str
    masked: str
    spans: list[tuple[int, int, bool]]
    sentence_starts: list[int]


def _prepare(block) -> _Text:
    original = block.text
    normal = normalise(original)
    spans = quote_spans(original)
    chars = list(normal)
    for a, b, _ in spans:
        chars[a:b] = _MASK * (b - a)
    masked = "".join(chars)
    starts = [0]
    starts += [m.end() for m in re.finditer(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])", masked)]
    # A quote that ends a sentence inside its marks ("... Ukraine.") ends the writer's sentence too.
    for a, b, closed in spans:
        if closed and normal[a:b].rstrip()[-1:] in (".", "!", "?"):
            after = re.match(r"[\"']\s+(?=[\"'(\[]?[A-Z0-9])", normal[b:])
            if after:
                starts.append(b + after.end())
    return _Text(block, normal, masked, spans, sorted(set(starts)))


def _sentence_start(t: _Text, pos: int) -> int:
    return max(s for s in t.sentence_starts if s <= pos)


def _sentence_end(t: _Text, pos: int) -> int:
    later = [s for s in t.sentence_starts if s > pos]
    return later[0] if later else len(t.normal)


def _verbs_in(t: _Text, table: dict, pattern: re.Pattern) -> list[tuple[int, int, str, str, str]]:
    """(start, end, lemma, kind, tag) of attribution verbs outside quotes."""
    out = []
    for m in pattern.finditer(t.masked):
        form = " ".join(m.group(0).lower().split())
        lemma, kind, tag = table[form]
        before = _words(t.masked[_sentence_start(t, m.start()):m.start()])
        previous = before[-1].lower() if before else ""
        if lemma != "according to":
            if previous in _NOT_VERB_BEFORE or previous.endswith("'s"):
                continue  # "the claims", "Russia's claims", "to say"
            if tag in ("VB", "VBP") and not (previous in PRONOUNS or previous.endswith("s")):
                continue  # a bare form after a singular noun is a noun ("the dictatorship state")
        out.append((m.start(), m.end(), lemma, kind, tag))
    return out


def _agent(text: str) -> tuple[str, str] | None:
    by = re.match(r"[^\w\u25a1]*by\s+(.*)", text, re.S)
    return _speaker_after(by.group(1)) if by else None


def _verb_speaker(t: _Text, start: int, end: int, lemma: str, tag: str, *, quote_end: int | None = None):
    """The speaker of one attribution verb: its subject, its agent if passive, or what follows it."""
    sentence = _sentence_start(t, start)
    head = t.masked[sentence:start]
    words = _words(head)
    after = t.masked[end:_sentence_end(t, end)]
    if lemma == "according to":
        return _speaker_after(after)
    bare = [w.lower() for w in words]
    while bare and bare[-1] in _AUXILIARIES - _PASSIVE:
        bare.pop()  # "was first reported", "has also been said"
    if bare and bare[-1] in _PASSIVE and tag in ("VBN", "VBD"):
        return _agent(after) or (_agent(t.masked[quote_end + 1:]) if quote_end is not None else None)
    # A verb straight after a closing quote mark, or at the start, is inverted: `," said Kirby`.
    k = start
    while k > sentence and t.masked[k - 1] in " ,":
        k -= 1
    if not head.strip() or any(closed and b == k - 1 for _, b, closed in t.spans):
        return _speaker_after(after)
    found = _subject_before(head)
    if found and lemma in NAMING_VERBS and found[1] == "description":
        # "a campaign called ‘Save Our Bus’" names a thing; "locals have branded", "campaigners
        # called" are people speaking (an auxiliary or a plural subject).
        if not (words and words[-1].lower() in ("has", "have", "had")) and not found[0].endswith("s"):
            return None
    return found


def _attribute(t: _Text, start: int, end: int, closed: bool, verbs, table, pattern):
    """(speaker, how) attributing the quote at [start, end), or None for a scare quote."""
    normal, masked = t.normal, t.masked
    if re.search(r"so[\s\-]called\s*$", normal[:start - 1], re.I):
        return None
    if closed:
        # Attribution right after the quote: `," Kirby said.` / `," said John Kirby.` / `”, it added.`
        next_quote = min([a - 1 for a, _, _ in t.spans if a - 1 > end] + [len(masked)])
        stop = re.search(r"[.!?](?:\s|$)", masked[end + 1:next_quote])
        tail = masked[end + 1:end + 1 + stop.start() if stop else next_quote]
        tail = re.sub(r"^[\s,;]+", " ", tail)
        m = pattern.search(tail)
        first_word = _words(tail)[:1]
        if m and not (first_word and first_word[0].lower() in _FUNCTION_WORDS):
            lemma, _, tag = table[" ".join(m.group(0).lower().split())]
            if tag != "VBG" and not tail[:m.start()].strip():
                found = _speaker_after(tail[m.end():])
                if found:
                    return found
            elif tag != "VBG" and len(_words(tail[:m.start()])) <= 6 and "," not in tail[:m.start()]:
                found = _subject_before(tail[:m.start()])
                if found and (lemma not in NAMING_VERBS or found[1] != "description"):
                    return found
    sentence = _sentence_start(t, start - 1)
    for v_start, v_end, lemma, _, tag in reversed([v for v in verbs if sentence <= v[0] < start - 1]):
        if tag == "VBG":
            continue
        found = _verb_speaker(t, v_start, v_end, lemma, tag, quote_end=end if closed else None)
        if found:
            return found
    return None


def _resolve_pronoun(t: _Text, pos: int, verbs_named, last_named: str | None) -> str | None:
    """A name for a pronoun: a named subject earlier in the same sentence, else the last named speaker."""
    sentence = _sentence_start(t, pos)
    earlier = [name for p, name in verbs_named if sentence <= p < pos]
    return earlier[-1] if earlier else last_named


def _resolve_description(description: str, texts: list[str]) -> str | None:
    """The name the article pairs with a description: "Ukraine's Foreign Minister Dmytro Kuleba",
    "Dmytro Kuleba, Ukraine's foreign minister", "the mayor, Joan Pike"."""
    wanted = re.sub(r"^(?:the|a|an)\s+", "", description, flags=re.I)
    said = re.escape(wanted).replace(r"\ ", r"\s+")
    name = r"((?:[A-Z][\w'\-]+\s)*[A-Z][\w'\-]+)"
    for text in texts:
        m = re.search(rf"(?i:{said}),?\s+{name}", text) or re.search(rf"{name},\s+(?:the\s+)?(?i:{said})\b", text)
        if m:
            run = _strip_titles(m.group(1).split())
            if run:
                return " ".join(run)
    return None


def analyse_voice(article, *, lexicon=None) -> tuple[list[Quote], list[Verb]]:
    """Quotes and attribution verbs of an `Article`, in reading order (offsets into each block's text).

    `lexicon` adds its `doubt_verb` verbs to the colouring verbs (None: the default lexicon);
    `False` uses the built-in verb lists only, which is all that finding quotes needs.
    """
    extra = _lexicon_doubt_verbs(lexicon) if lexicon is not False else ()
    table, pattern = _verb_table(extra)
    pairs = None
    quotes: list[Quote] = []
    verbs_out: list[Verb] = []
    last_named: str | None = None
    open_speaker: str | None = None  # speaker of a quote still open at the end of the last paragraph

    def finish(found, t, pos, verbs_named):
        nonlocal pairs
        speaker, how = found
        if how == "pronoun":
            speaker = _resolve_pronoun(t, pos, verbs_named, last_named) or speaker
        elif how == "description":
            pairs = [normalise(b.text) for b in article.scored_blocks()] if pairs is None else pairs
            speaker = _resolve_description(speaker, pairs) or speaker
            how = "name" if speaker != found[0] else how
        return speaker, how

    for block in article.scored_blocks():
        t = _prepare(block)
        verbs = _verbs_in(t, table, pattern)
        verbs_named: list[tuple[int, str]] = []  # named subjects of speech verbs, for pronouns
        verbs_found: list[tuple[int, tuple[str, str]]] = []  # every subject found, for "and said"
        events = []  # (position, "verb"|"quote", item) in reading order
        events += [(v[0], "verb", v) for v in verbs]
        events += [(s, "quote", (s, e, closed)) for s, e, closed in t.spans]
        continuing = open_speaker is not None and block.text.lstrip()[:1] in ('"', *_OPEN_DOUBLE)
        if block.role == "paragraph":
            open_speaker = open_speaker if continuing else None
            still_open = bool(t.spans) and not t.spans[-1][2]
        first_char = len(block.text) - len(block.text.lstrip())
        for pos, what, item in sorted(events, key=lambda e: e[0]):
            if what == "verb":
                v_start, v_end, lemma, kind, tag = item
                found = _verb_speaker(t, v_start, v_end, lemma, tag)
                if found is None and re.search(r"\b(?:and|but)\s+$", t.masked[:v_start]):
                    # "The South's military said ... but said some were wounded": the same subject.
                    earlier = [f for p, f in verbs_found if _sentence_start(t, v_start) <= p < v_start]
                    found = earlier[-1] if earlier else None
                speaker = ""
                if found:
                    speaker, how = finish(found, t, v_start, verbs_named)
                    verbs_found.append((v_start, (speaker, how)))
                    if how == "name":
                        verbs_named.append((v_start, speaker))
                        last_named = speaker
                if kind != "speech":
                    verbs_out.append(Verb(block.index, v_start, v_end, lemma, kind, speaker))
                continue
            start, end, closed = item
            continued = continuing and start == first_char + 1
            if continued:
                found = (open_speaker, "name") if open_speaker else None
            else:
                found = _attribute(t, start, end, closed, verbs, table, pattern)
            kind, speaker = "scare", ""
            if found and found[0]:
                kind = "direct"
                speaker, how = finish(found, t, start, verbs_named)
                if how == "name":
                    last_named = speaker
            quotes.append(Quote(block.index, start, end, kind, speaker, continued))
            if not closed and block.role == "paragraph":
                open_speaker = speaker or None
        if block.role == "paragraph" and not still_open:
            open_speaker = None
    return quotes, verbs_out


# ---------------------------------------------------------------- public


def _article(article_or_text):
    from .scoring import _as_article

    return _as_article(article_or_text)


def _shift(article_or_text, art) -> int:
    from .scoring import string_offset

    return string_offset(article_or_text, art)


def find_quotes(article_or_text) -> pd.DataFrame:
    """One row per quotation, in reading order.

    Columns: `block`, `role`, `start`/`end` (offsets of the quoted text, marks excluded, into the
    block's original text; into the string itself for a one-paragraph string), `text` (as written,
    without the marks), `kind` (`direct` or `scare`), `speaker` (a name, a pronoun or description
    that could not be resolved, or "" for scare quotes), `continued` (a quote carried over from the
    previous paragraph).

    >>> find_quotes('"We will not back down," Anna Reyes said.')[["text", "kind", "speaker"]].values.tolist()
    [['We will not back down,', 'direct', 'Anna Reyes']]
    >>> find_quotes("Moscow's so-called \u2018peace plan\u2019 stalled.")[["text", "kind"]].values.tolist()
    [['peace plan', 'scare']]
    """
    art = _article(article_or_text)
    quotes, _ = analyse_voice(art, lexicon=False)
    blocks = {b.index: b for b in art.blocks}
    shift = _shift(article_or_text, art)
    rows = [(q.block, blocks[q.block].role, q.start + shift, q.end + shift, blocks[q.block].text[q.start:q.end],
             q.kind, q.speaker, q.continued) for q in quotes]
    return pd.DataFrame(rows, columns=QUOTE_COLUMNS)


def reporting_verbs(article_or_text, *, lexicon=None) -> pd.DataFrame:
    """One row per attribution verb outside quotes: neutral ("said", "told", "according to") or
    colouring ("claimed", "insisted", "slammed", and the lexicon's `doubt_verb` entries).

    Columns: `block`, `role`, `start`, `end`, `text` (as written), `verb` (the lemma), `kind`
    (`neutral` or `colouring`), `speaker` (as for `find_quotes`; "" when none is found).

    >>> reporting_verbs("Kirby said the talks failed. Kuleba claimed they worked.")[
    ...     ["text", "kind", "speaker"]].values.tolist()
    [['said', 'neutral', 'Kirby'], ['claimed', 'colouring', 'Kuleba']]
    """
    art = _article(article_or_text)
    _, verbs = analyse_voice(art, lexicon=lexicon)
    blocks = {b.index: b for b in art.blocks}
    shift = _shift(article_or_text, art)
    rows = [(v.block, blocks[v.block].role, v.start + shift, v.end + shift, blocks[v.block].text[v.start:v.end],
             v.lemma, v.kind, v.speaker) for v in verbs]
    return pd.DataFrame(rows, columns=VERB_COLUMNS)


VOICES = ("editorial", "quoted", "scare_quote")


def voice_of(quotes: list[Quote], block: int, start: int, end: int) -> tuple[str, str]:
    """(voice, speaker) of the span [start, end) of a block: inside a direct quote, a scare quote, or neither."""
    for q in quotes:
        if q.block == block and q.start <= start < q.end:
            return ("quoted", q.speaker) if q.kind == "direct" else ("scare_quote", "")
    return "editorial", ""


def check_voices(voices) -> tuple[str, ...]:
    if isinstance(voices, str):
        voices = (voices,)
    voices = tuple(voices)
    unknown = [v for v in voices if v not in VOICES]
    if unknown:
        raise ToneAnalysisError(f"unknown voice {unknown[0]!r}: choose from {', '.join(VOICES)}")
    return voices


class VoiceSummary(NamedTuple):
    """Whose words the loaded language is, and how speech is attributed, for one article.

    `own_voice_share` is the share of loaded-term hits in the outlet's own voice: editorial text
    plus scare quotes (the outlet chose to print the words, and no one else is on record saying
    them), against hits inside attributed quotes. `own_voice_weight_share` is the same by lexicon
    weight. `colouring_share` is colouring verbs over all counted attribution verbs. Shares are NaN
    when there is nothing to divide.
    """

    n_loaded: int
    loaded_editorial: int
    loaded_quoted: int
    loaded_scare_quote: int
    own_voice_share: float
    own_voice_weight_share: float
    quotes_direct: int
    quotes_scare: int
    verbs_neutral: int
    verbs_colouring: int
    colouring_share: float

    def to_series(self) -> pd.Series:
        return pd.Series(self._asdict(), dtype=object)


def _share(part: float, whole: float) -> float:
    return float(part / whole) if whole else float("nan")


def voice_summary(article_or_text, *, lexicon=None) -> VoiceSummary:
    """Loaded terms by voice, quotes by kind, attribution verbs by kind, for one article.

    >>> lexicon = {"tyrant": {"category": "name_calling", "weight": 3, "framing": "negative",
    ...                       "neutral": "leader"}}
    >>> s = voice_summary('The tyrant arrived. "He is a tyrant," Kuleba claimed.', lexicon=lexicon)
    >>> (s.loaded_editorial, s.loaded_quoted, s.own_voice_share, s.verbs_colouring)
    (1, 1, 0.5, 1)
    """
    from .scoring import find_loaded_terms

    art = _article(article_or_text)
    hits = find_loaded_terms(art, lexicon=lexicon)
    quotes = find_quotes(art)
    verbs = reporting_verbs(art, lexicon=lexicon)
    counts = hits["voice"].value_counts()
    own = hits["voice"].isin(["editorial", "scare_quote"])
    n_neutral = int((verbs["kind"] == "neutral").sum())
    n_colouring = int((verbs["kind"] == "colouring").sum())
    return VoiceSummary(
        n_loaded=len(hits),
        loaded_editorial=int(counts.get("editorial", 0)),
        loaded_quoted=int(counts.get("quoted", 0)),
        loaded_scare_quote=int(counts.get("scare_quote", 0)),
        own_voice_share=_share(own.sum(), len(hits)),
        own_voice_weight_share=_share(hits.loc[own, "weight"].sum(), hits["weight"].sum()),
        quotes_direct=int((quotes["kind"] == "direct").sum()),
        quotes_scare=int((quotes["kind"] == "scare").sum()),
        verbs_neutral=n_neutral,
        verbs_colouring=n_colouring,
        colouring_share=_share(n_colouring, n_neutral + n_colouring),
    )

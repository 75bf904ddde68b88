"""Rules that give one line of a scraped article its role.

A role is one of `headline`, `paragraph`, `caption`, `credit`, `boilerplate`. The rules describe
kinds of scraping debris (ad markers, "N hours ago" stamps, read-more links, agency credits,
caption shortcodes), not the strings of one article, so they carry over to other sites.
"""

from __future__ import annotations

import re

SCORED_ROLES = ("headline", "paragraph", "caption")

# Picture desks and wire agencies that appear alone on a line as a photo credit.
AGENCIES = {
    "ap", "associated press", "ap:associated press", "reuters", "afp", "agence france-presse", "getty",
    "getty images", "pa", "pa media", "pa wire", "pa images", "pa archive", "epa", "epa-efe", "efe", "alamy",
    "alamy live news", "alamy stock photo", "shutterstock", "rex", "rex features", "rex/shutterstock",
    "bloomberg", "kyodo", "xinhua", "yonhap", "kcna", "tass", "sputnik", "ria novosti", "anadolu",
    "anadolu agency", "sipa", "sipa usa", "nurphoto", "sopa images", "zuma", "zuma press", "zuma wire",
    "backgrid", "splash", "splash news", "wenn", "swns", "mercury press", "cascade news", "bav media",
    "ap photo", "reuters pictures", "afp photo", "imago", "dpa", "picture alliance", "abaca",
    "sky news", "bbc", "itv", "itv news", "cnn", "fox news", "nbc", "cbs", "abc", "al jazeera",
    "supplied", "handout", "pool", "file photo", "x", "twitter", "instagram", "facebook", "tiktok",
    "youtube", "telegram", "the sun", "news group newspapers", "nypost", "ap images", "sun pictures",
    "storyful", "youtube/screenshot",
}

_AD = re.compile(
    r"^(?:article\s+)?ad(?:vert(?:isement)?)?(?:\s+box)?$"
    r"|^(?:story|article) continues (?:below|after)(?: (?:this|the))? (?:advert(?:isement)?|ad)$"
    r"|^(?:sponsored(?: content| links?)?|promoted(?: stories)?|advertisement feature)$",
    re.I,
)
_TIMESTAMP = re.compile(
    r"^\d+\s+(?:sec(?:ond)?|min(?:ute)?|hour|hr|day|week|month|year)s?\s+ago(?:\s+\d+)?$"
    r"|^(?:published|updated|posted|last updated)\s*:?\s.{0,80}\d.{0,60}$"
    r"|^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]+\s+\d{4}.{0,20}$"
    r"|^\d{1,2}:\d{2}(?:\s*[ap]m)?,?\s+\d{1,2}\s+[a-z]{3,9},?\s+\d{4}.{0,40}$",
    re.I,
)
_NAVIGATION = re.compile(
    r"^read (?:entire|full|the full|more|next)(?: (?:article|story|here|below))?\b.{0,200}$"
    r"|^read\b.{0,80}\b(?:here|below|in full|online)[.:]?$"
    r"|^read more\s*:.*$|^more\s*:\s.*$|^(?:related|recommended|trending|most read|also read|see also)\s*:?.{0,120}$"
    r"|^(?:sign up|subscribe|register)\b.{0,160}$|^click here\b.{0,160}$"
    r"|^follow (?:us|@\w+|\S+ on (?:twitter|x|facebook|instagram|tiktok)).{0,80}$"
    r"|^(?:share|share this|share this (?:article|story|page)|tweet|email|print|copy link|comments?|"
    r"\d+\s+comments?|view comments|join the conversation|listen to (?:this|the) article.{0,40})$"
    r"|^(?:we use cookies|accept (?:all )?cookies|cookie (?:settings|policy)).{0,200}$"
    r"|^(?:watch|video)\s*:?\s*$|^(?:loading|skip (?:to|advert).{0,30})\.{0,3}$",
    re.I,
)
_CREDIT_PREFIX = re.compile(
    r"^(?:credits?|pictures?|pics?|photos?|photographs?|images?|source|footage|video)\s*[:\-]\s*\S.{0,80}$"
    r"|^(?:©|\(c\)|copyright\b).{1,80}$",
    re.I,
)
_CAPTION_PREFIX = re.compile(r"^(?:pictured|above|below|left|right|top|inset|main image)\s*:\s*\S", re.I)
_CAPTION_SHORTCODE = re.compile(r"\[caption[^\]]*\]|\[/caption\]", re.I)
_TRAILING_CREDIT = re.compile(
    r"\s*[\(\[](?:image|picture|photo|credit|pic|photograph|footage)s?\s*:\s*[^\)\]]{1,80}[\)\]]\s*$", re.I
)
_CREDIT_SPLIT = re.compile(r"\s*(?:/|:|;|,|\bvia\b|\band\b|&|\|)\s*", re.I)
_NAME = re.compile(r"^[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,3}$")


def credit_reason(line: str) -> str | None:
    """Why `line` is a photo or footage credit, or None when it is not one."""
    text = line.strip()
    if len(text) > 100:
        return None
    if _CREDIT_PREFIX.match(text):
        return "photo credit"
    if text.lower() in AGENCIES:
        return "agency name on its own line"
    parts = [p for p in _CREDIT_SPLIT.split(text) if p]
    if len(parts) < 2:
        return None
    agency_parts = [p for p in parts if p.lower() in AGENCIES]
    if agency_parts and all(p.lower() in AGENCIES or _NAME.match(p) for p in parts) and len(text.split()) <= 8:
        return "agency credit"
    return None


def boilerplate_reason(line: str) -> str | None:
    """Why `line` is scraping debris (ad marker, time stamp, link or button), or None."""
    text = line.strip()
    if not any(ch.isalpha() for ch in text):
        return "no words"
    if _AD.match(text):
        return "ad marker"
    if _TIMESTAMP.match(text):
        return "time stamp"
    if _NAVIGATION.match(text):
        return "link, button or sign-up prompt"
    return None


def caption_parts(line: str) -> tuple[int, int, str] | None:
    """If `line` is marked as a caption, return (start, end, reason): the caption's span without markup."""
    start, end = 0, len(line)
    reason = None
    if _CAPTION_SHORTCODE.search(line):
        # Keep the caption text: drop an opening shortcode before it and a closing one after it.
        opening = re.match(r"\s*\[caption[^\]]*\]", line, re.I)
        if opening:
            start = opening.end()
        closing = re.search(r"\[/caption\]\s*$", line, re.I)
        if closing:
            end = closing.start()
        reason = "caption shortcode"
    elif _CAPTION_PREFIX.match(line.strip()):
        reason = "caption prefix"
    # Its pattern needs a bracket: most lines have none, and searching them cost more than the rest here.
    credit = _TRAILING_CREDIT.search(line, start, end) if "(" in line or "[" in line else None
    if credit:
        end = credit.start()
        reason = (reason + ", " if reason else "") + "ends in a photo credit"
    if reason is None:
        return None
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end, reason


def looks_like_headline(line: str) -> bool:
    """A first line short enough for a headline and not closed by a full stop."""
    text = line.strip()
    return 0 < len(text.split()) <= 30 and not text.endswith(".")


# Page furniture inside the article (issue 10): bylines, time stamps, datelines, kickers and the debris
# around a story. Roles of their own, none of them scored.
FURNITURE_ROLES = ("byline", "timestamp", "dateline", "kicker", "standfirst")
# Every role a block can have: scored, credits, furniture, debris, and a text file's metadata header.
ALL_ROLES = (*SCORED_ROLES, "credit", *FURNITURE_ROLES, "boilerplate", "metadata")

_PERSON = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|la|le|bin|al))*"
# "By Monday, ..." and "By Christmas the ..." are sentences, not bylines.
_NOT_A_NAME = (r"(?i:mon|tues|wednes|thurs|fri|satur|sun)day|(?i:january|february|march|april|may|june|july|august|"
               r"september|october|november|december|christmas|easter|noon|midnight|then|now|dawn|nightfall|lunchtime)")
_BYLINE = re.compile(
    rf"^(?i:(?:words|story|report(?:ing)?|written|interview)\s+)?[Bb][Yy]:?\s+(?!{_NOT_A_NAME}\b){_PERSON}"
    rf"(?:\s*(?:,|and|&)\s*{_PERSON})*"  # several authors
    r"(?:\s*(?:,|\||-|–|—)\s*[\w'’ ,&]{1,60})?$",  # ", Chief Reporter", "| Political Editor", ", in Leeds"
)
_SIGN_OFF = re.compile(
    r"^\(?(?:(?i:(?:additional )?(?:reporting|writing|editing|compiled|research|graphics)(?: and \w+)?)\s+by\s+"
    r"[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*(?:\s*(?:,|and|&|in)\s*[A-Z][\w'’.\-]*(?:\s+[A-Z][\w'’.\-]*)*)*"
    r"(?:;\s*|\)?\s*$)){1,4}\)?$"
)
_COUNT = re.compile(
    r"^(?:comments?|replies|reactions|shares?|views?)\s*[(\[]?\s*\d[\d,.]*\s*[km]?\s*[)\]]?$"
    r"|^\d[\d,.]*\s*[km]?\s+(?:comments?|replies|reactions|shares?|views?)$",
    re.I,
)
_MEDIA_POINTER = re.compile(
    r"^(?:watch|see|view|listen(?: to)?|play|click to (?:play|watch|view)|scroll (?:down|up) (?:to|for))\b"
    r".{0,60}\b(?:video|clip|footage|gallery|pictures|photos|podcast|audio|player)\b.{0,40}$"
    r"|^(?:watch|see|view)\b.{0,40}\b(?:above|below)[.!]?$",
    re.I,
)
_DISCLOSURE = re.compile(
    r"\baffiliate links?\b|\bwe (?:may )?(?:earn|receive) (?:a )?(?:small )?commission\b"
    r"|\bindependently (?:chosen|selected) by (?:our )?editors?\b|\bsponsored by\b.{0,60}$",
    re.I,
)
_APPEAL = re.compile(
    r"^(?:got|have you got|do you have|know|are you|were you|did you)\b[^?]{0,80}\?\s*"
    r"(?:e-?mail|contact|call|ring|message|whatsapp|dm|tell|get in touch|send)\b"
    r"|^(?:e-?mail|contact|tell)\s+(?:us|the (?:news ?desk|team))\b.{0,120}$",
    re.I,
)
# A notice is the outlet speaking of itself; an appeal asks readers to write to the outlet (not to the police).
_FIRST_PERSON = re.compile(r"\b(?:we|our|us|this (?:article|page|post|story|guide|review|site))\b", re.I)
_TO_THE_OUTLET = re.compile(r"\S+@\S+\.\w+|\b(?:us|our|news ?desk|story|stories|tips?|pictures|photos|videos?)\b", re.I)
# An address, or a news desk or tip line. The address is looked for only where there is an "@": searched
# for in every paragraph, `\S+@` tried each word at every one of its letters.
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_DESK = re.compile(r"\b(?:news ?desk|tips?line)\b", re.I)
_BRACKETED = re.compile(r"^[(\[](.*)[)\]]$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4}(?:[+-]\d{1,2})?)?"
# A date (and time) alone on a line, in the orders pages print them: "May 19, 2025 4:40 PM UTC", "2 June 2025".
_DATE_ALONE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?)"
    rf"\s+\d{{4}}(?:\s*(?:,|\||·|-|–|at)?\s*{_CLOCK})?$",
    re.I,
)
# An ad slot's label with its prompt ("Advertisement · Scroll to continue"), and an outlet's standards notice.
_AD_PROMPT = re.compile(r"^(?:advert(?:isement)?|sponsored)\s*[·•|\-–—]\s*.{0,40}$", re.I)
_STANDARDS = re.compile(
    r"^(?:our (?:editorial )?standards|editorial standards|corrections? policy)\s*(?::\s*.{0,100})?$"
    r"|^(?:the )?[\w ]{0,30}\btrust principles\.?$",
    re.I,
)


def furniture_reason(line: str) -> tuple[str, str] | None:
    """(role, reason) when `line` is page furniture that sits inside an article: a byline, a time
    stamp, a photo credit in brackets, or debris (counts, pointers to media elsewhere on the page,
    affiliate notices, appeals for stories). None for anything else.

    >>> furniture_reason("By Kev Brannigan, Chief Reporter")
    ('byline', 'a writer named after "By"')
    >>> furniture_reason("Comments (42)"), furniture_reason("(Image: Getty Images)")[0]
    (('boilerplate', 'a count of comments or shares'), 'credit')
    """
    text = line.strip()
    words = len(text.split())
    if not text:
        return None
    if _TIMESTAMP.match(text):
        return "timestamp", "time stamp"
    if _DATE_ALONE.match(text):
        return "timestamp", "a date alone on its line"
    if _AD_PROMPT.match(text):
        return "boilerplate", "ad marker"
    if words <= 20 and _STANDARDS.match(text):
        return "boilerplate", "the outlet's standards notice"
    if words <= 16 and _BYLINE.match(text):
        return "byline", 'a writer named after "By"'
    if words <= 30 and _SIGN_OFF.match(text):
        return "byline", "the wire's sign-off (who reported, wrote and edited it)"
    if (inner := _BRACKETED.match(text)) and credit_reason(inner.group(1)):
        return "credit", "photo credit in brackets"
    if _COUNT.match(text):
        return "boilerplate", "a count of comments or shares"
    if words <= 14 and _MEDIA_POINTER.match(text):
        return "boilerplate", "points to a video or gallery elsewhere on the page"
    if words <= 60 and _DISCLOSURE.search(text) and _FIRST_PERSON.search(text):
        return "boilerplate", "affiliate or sponsorship notice"
    asks = _APPEAL.match(text) and _TO_THE_OUTLET.search(text)
    writes_in = (not text.endswith("?") and (("@" in text and _EMAIL.search(text)) or _DESK.search(text))
                 and re.search(r"\b(?:story|stories|tips?|exclusive)\b", text, re.I)
                 and re.search(r"\b(?:e-?mail|contact|send)\b", text, re.I))
    if words <= 40 and (asks or writes_in):
        return "boilerplate", "an appeal to readers for stories or tips"
    return None


_SPLIT_CREDIT = re.compile(
    r"(?<=[.!?’”\"'])\s+((?:credits?|pictures?|pics?|photos?|photographs?|images?|footage)\s*:\s*[^.]{1,80}\.?)\s*$",
    re.I,
)


def caption_credit_split(line: str) -> int | None:
    """Where an unbracketed credit after a caption's last sentence starts ("Caption. Picture: X"), or None."""
    match = _SPLIT_CREDIT.search(line)
    return match.start(1) if match and line[:match.start()].strip() else None


_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){0,3})"
    r"(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}\s*(?:\([A-Z][\w&\- ]{1,20}\))?|\s*\([A-Z][\w&\- ]{1,20}\))"
    r"\s*[-–—]+)\s+(?=\S)"
)


def dateline_end(text: str) -> int | None:
    """End of a wire dateline opening a paragraph ("LONDON (Reuters) - ", "KYIV, June 3 (AP) — "), or None."""
    match = _DATELINE.match(text)
    if not match or len(match.group(1)) > 60:
        return None
    return match.end()


_LINK_LIST = re.compile(
    r"^(?:read more|related(?: articles| stories| links)?|more on this(?: story)?|most read|trending(?: now)?|"
    r"recommended(?: for you)?|you may also like|(?:more|latest) from [\w ]{1,30}|see also|also read)\s*:?$",
    re.I,
)


def link_list_label(line: str) -> bool:
    """A bare label that heads a list of links to other stories ("READ MORE", "Related")."""
    return bool(_LINK_LIST.match(line.strip()))


def link_in_list(line: str) -> bool:
    """A line shaped like another story's headline, as in a list of links (short, no final stop)."""
    text = line.strip()
    return 0 < len(text.split()) <= 15 and not text.endswith((".", "!", "?", ":", '"', "”", "’"))


def kicker_reason(line: str, next_line: str | None) -> str | None:
    """Why a line right above a headline is a kicker (a short label in capitals), or None."""
    text = line.strip()
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 3 or len(text.split()) > 5 or text.endswith((".", "!", "?")):
        return None
    if not all(ch.isupper() for ch in letters) or next_line is None or not looks_like_headline(next_line):
        return None
    nxt = [ch for ch in next_line if ch.isalpha()]
    return "a short label in capitals above the headline" if not all(ch.isupper() for ch in nxt) else None

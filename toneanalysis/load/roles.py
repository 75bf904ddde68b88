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
    credit = _TRAILING_CREDIT.search(line, start, end)
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

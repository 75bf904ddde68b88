"""What a report calls an article: a web page by its address, a file by its name, never a path.

>>> import toneanalysis as ta
>>> display_names([ta.article_from_text("A.", source="/home/me/news/piece.txt"),
...                ta.article_from_text("B.", source="https://example.org/news/story")])
['piece.txt', 'https://example.org/news/story']
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analyse import source_labels
from ..load.url import is_url


def display_names(articles: Sequence) -> list[str]:
    """One name per article, as its user gave it: an address as it is; a file by its name, with as
    many of its folders as tell it from another of the same name (`source_labels`)."""
    labels = source_labels(articles, reserved=())
    return [a.source if is_url(a.source) else label for a, label in zip(articles, labels)]

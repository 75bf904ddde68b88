"""Load: a file, a page or a string becomes an `Article` of blocks, each with a role and a reason."""

from .article import Article, Block
from .files import load_article
from .html import article_from_html
from .inputs import as_article
from .plain import article_from_text

__all__ = ["Article", "Block", "article_from_html", "article_from_text", "as_article", "load_article"]

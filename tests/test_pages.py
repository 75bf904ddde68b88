"""Real pages in: answer-keyed pages of several publishing systems, the furniture roles of issue 10 in
text and HTML, and the same story as a page and as pasted text scoring the same."""

import csv

import pandas as pd
import pytest
from conftest import FIXTURES

import toneanalysis as ta

PAGES = FIXTURES / "pages"
KEYED = sorted(p.name.removesuffix(".key.tsv") for p in PAGES.glob("*.key.tsv"))


def key(name):
    with open(PAGES / f"{name}.key.tsv", encoding="utf-8", newline="") as handle:
        return [tuple(row) for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)][1:]


def test_there_are_pages_of_several_publishing_systems():
    assert len(KEYED) >= 5


@pytest.mark.parametrize("name", KEYED)
def test_page_matches_what_a_reader_sees(name):
    article = ta.load_article(PAGES / f"{name}.html")
    got = [(b.role, b.text) for b in article.blocks if b.role != "boilerplate"]
    assert got == key(name)
    for block in article.blocks:
        assert block.reason and block.role in ta.load.roles.ALL_ROLES


@pytest.mark.parametrize("name, n_paragraphs", [("tabloid_library", 9), ("wire_treaty", 6)])
def test_same_story_as_page_and_as_text_scores_the_same(name, n_paragraphs):
    page = ta.analyse(PAGES / f"{name}.html")
    text = ta.analyse(PAGES / f"{name}.txt")
    assert [(b.role, b.text) for b in page.scored_blocks] == [(b.role, b.text) for b in text.scored_blocks]
    assert len([b for b in page.scored_blocks if b.role == "paragraph"]) == n_paragraphs
    unscored = {"byline", "timestamp", "dateline", "credit"}  # furniture the text copy has too
    assert [(b.role, b.text) for b in page.article.blocks if b.role in unscored] == [
        (b.role, b.text) for b in text.article.blocks if b.role in unscored]
    pd.testing.assert_series_equal(pd.Series(ta.piece_measures(page)), pd.Series(ta.piece_measures(text)),
                                  check_names=False)
    columns = ["role", "text", "tone", "loaded_count", "vader_compound"]
    assert ta.score_paragraphs(page)[columns].equals(ta.score_paragraphs(text)[columns])
    assert len(ta.find_loaded_terms(page)) == len(ta.find_loaded_terms(text))


@pytest.mark.parametrize("line, role", [
    ("By Kev Brannigan, Chief Reporter", "byline"),
    ("By Ama Owusu and Tom Reddy", "byline"),
    ("Comments (42)", "boilerplate"),
    ("1,204 shares", "boilerplate"),
    ("Watch the video above", "boilerplate"),
    ("Scroll down for video", "boilerplate"),
    ("This article contains affiliate links, which means we may earn a commission.", "boilerplate"),
    ("Got a story? Email news@gazette.example", "boilerplate"),
    ("Do you have a story to share? Contact our newsdesk.", "boilerplate"),
    ("14:32, 3 Mar 2025", "timestamp"),
    ("May 19, 2025 4:40 PM UTC", "timestamp"),
    ("Advertisement · Scroll to continue", "boilerplate"),
    ("Our Standards: The Meridian Trust Principles.", "boilerplate"),
    ("Our standards of care have slipped, the nurse said.", "paragraph"),
    ("May 19, 2025, the day the talks failed, was a Monday.", "paragraph"),
    ("(Image: Getty Images)", "credit"),
    # traps: sentences that start like debris
    ("By Monday, the water had gone.", "paragraph"),
    ("By the time police arrived the crowd had gone.", "paragraph"),
    ("Comments made by the minister angered residents.", "paragraph"),
    ("Watch out for falling branches, the council warned.", "paragraph"),
    ("She emailed the council twice about the cracked wall.", "paragraph"),
    ("Critics say the site's affiliate links earn it millions a year.", "paragraph"),
    ("Did you see the crash? Call police on 101 quoting incident 42.", "paragraph"),
    ("Were you affected? Email us at news@gazette.example", "boilerplate"),
])
def test_furniture_rules_in_text(line, role):
    text = f"A headline about something else\n\nThe first paragraph of the story.\n\n{line}\n\nThe last paragraph."
    article = ta.article_from_text(text)
    assert next(b.role for b in article.blocks if b.line == 5) == role


def test_a_caption_and_its_credit_split_and_a_credit_alone_is_no_empty_caption():
    article = ta.article_from_text("Headline here\n\nBody text.\n\nProtesters outside the town hall. Picture: Alamy"
                                   "\n\n(Image: Getty Images)\n\nMore body text.")
    blocks = [(b.role, b.text, b.line) for b in article.blocks]
    assert blocks[2:5] == [("caption", "Protesters outside the town hall.", 5), ("credit", "Picture: Alamy", 5),
                           ("credit", "Image: Getty Images", 7)]
    assert all(b.text for b in article.blocks)
    lines = article.lines()
    assert lines.loc[lines["line"] == 5, "role"].item() == "caption"


def test_html_byline_is_one_block_and_a_kicker_above_the_headline_is_not_scored():
    html = """<html><body><article><p>FENMOOR FURY</p><h1>Council shuts the library</h1>
    <div class="byline">By <a href="/kev">Kev Brannigan</a>, Chief Reporter
    <time datetime="2025-03-03">3 March 2025</time></div>
    <p>The library will close in June after a vote by councillors on Tuesday night.</p></article></body></html>"""
    blocks = [(b.role, b.text) for b in ta.article_from_html(html).blocks]
    assert blocks == [("kicker", "FENMOOR FURY"), ("headline", "Council shuts the library"),
                      ("byline", "By Kev Brannigan, Chief Reporter"), ("timestamp", "3 March 2025"),
                      ("paragraph", "The library will close in June after a vote by councillors on Tuesday night.")]
    assert [b.role for b in ta.article_from_html(html).scored_blocks()] == ["headline", "paragraph"]


def test_wire_dateline_is_split_from_its_paragraph_in_text_and_html():
    text = ta.article_from_text("Talks stall\n\nLONDON (Reuters) - Talks on the new treaty stalled on Monday.")
    html = ta.article_from_html("<article><h1>Talks stall</h1>"
                                "<p>LONDON (Reuters) - Talks on the new treaty stalled on Monday.</p></article>")
    for article in (text, html):
        assert [(b.role, b.text) for b in article.blocks][1:] == [
            ("dateline", "LONDON (Reuters) -"), ("paragraph", "Talks on the new treaty stalled on Monday.")]
    body = text.blocks[2]
    assert body.raw[body.raw_start:body.raw_start + len(body.text)] == body.text


def test_text_metadata_from_a_header_and_from_keywords(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Outlet: The Fenmoor Gazette\nAuthor: Kev Brannigan\nDate: 2025-03-03\n"
                    "URL: https://gazette.example/library\n---\nLibrary to close\n\nThe library will close.\n")
    article = ta.load_article(path)
    assert article.metadata.outlet == "The Fenmoor Gazette" and article.metadata.authors == ("Kev Brannigan",)
    assert article.headline == "Library to close"
    assert [b.role for b in article.blocks][:4] == ["metadata"] * 4
    table = ta.score_paragraphs(article)
    assert table[["source", "outlet", "date", "url"]].drop_duplicates().values.tolist() == [
        [str(path), "The Fenmoor Gazette", "2025-03-03", "https://gazette.example/library"]]
    other = ta.load_article(path, outlet="Gazette", date="2025-03-04")
    assert (other.metadata.outlet, other.metadata.date, other.metadata.authors) == (
        "Gazette", "2025-03-04", ("Kev Brannigan",))
    with pytest.raises(ta.ToneAnalysisError, match="unknown metadata field"):
        ta.load_article(path, publisher="x")


def test_metadata_reaches_every_table(sample):
    analysed = ta.analyse(ta.load_article(PAGES / "tabloid_library.html"))
    tables = [ta.score_paragraphs(analysed), ta.score_sentences(analysed), ta.find_loaded_terms(analysed),
              ta.find_quotes(analysed), ta.reporting_verbs(analysed), ta.actor_tone(analysed),
              ta.neutral_rewrite(analysed)]
    for table in tables:
        assert table.columns.tolist()[-4:] == ["source", "outlet", "date", "url"]
        assert set(table["outlet"]) <= {"The Daily Clarion"}


def test_html_lines_and_the_headline_keyword():
    path = PAGES / "wire_treaty.html"
    article = ta.load_article(path)
    lines = article.lines()
    assert len(lines) == len(path.read_text(encoding="utf-8").splitlines())
    assert set(lines["role"]) >= {"headline", "paragraph", "markup"}
    assert lines.loc[lines["raw"].str.strip() == "", "role"].eq("blank").all()
    assert "headline" not in {b.role for b in ta.load_article(path, headline=False).blocks}


@pytest.mark.parametrize("name", KEYED)
def test_nothing_on_a_page_vanishes(name):
    # Every word a browser would show is in some block (boilerplate included), as often as it is shown.
    from collections import Counter

    from bs4 import BeautifulSoup

    soup = BeautifulSoup((PAGES / f"{name}.html").read_text(encoding="utf-8"), "html.parser")
    for hidden in soup(["script", "style", "head", "template"]):
        hidden.decompose()
    words = Counter(w.strip("()[]") for w in soup.get_text(" ").split())  # a credit's text drops its brackets
    blocks = Counter(w.strip("()[]") for w in " ".join(b.text for b in ta.load_article(PAGES / f"{name}.html").blocks)
                     .split())
    missing = words - blocks
    # Words glued to their neighbours inside one element ("By Kev" + "," -> "Brannigan,") count as present.
    assert not [w for w in missing if not any(w in b for b in blocks)], missing


def test_the_article_is_found_when_teasers_come_first():
    teasers = "".join(f"<article class='teaser'><h2>Other story {i}</h2><p>Teaser text {i}.</p></article>"
                      for i in range(3))
    body = "".join(f"<p>Paragraph {i} of the real story, about the flood defences on the Ouse and their cost.</p>"
                   for i in range(8))
    html = (f"<html><body><div class='rail'>{teasers}</div><div class='story'><h1>Flood defences to be raised</h1>"
            f"{body}</div></body></html>")
    article = ta.article_from_html(html)
    assert article.headline == "Flood defences to be raised"
    # The first <article> is a teaser: the body is read from where the main text is. (The teasers
    # themselves are trafilatura's call; on a page this small it keeps them.)
    paragraphs = [b.text for b in article.blocks if b.role == "paragraph" and "real story" in b.text]
    assert len(paragraphs) == 8


def test_htmldate_finds_a_date_the_page_does_not_mark_up():
    html = ("<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>"
            "<p class='meta'>Published 5 November 2024</p>"
            "<p>The bridge closed on Tuesday after an inspection found cracks in the deck.</p></article></body></html>")
    article = ta.article_from_html(html)
    assert article.metadata.date == "2024-11-05"
    assert {b.text: b.role for b in article.blocks}["Published 5 November 2024"] == "timestamp"


def test_page_metadata_from_open_graph_and_meta_tags_without_json_ld():
    html = """<html lang="fr"><head><title>Le pont ferme | Courrier</title>
    <meta property="og:site_name" content="Le Courrier"><meta property="og:title" content="Le pont ferme">
    <meta property="article:author" content="https://facebook.example/courrier">
    <meta name="author" content="Claire Dubois"><meta property="og:url" content="https://courrier.example/pont">
    <meta property="article:published_time" content="2025-02-01T08:00:00+01:00"></head>
    <body><article><h1>Le pont ferme</h1><p>Le pont sera ferme pendant deux mois pour des travaux.</p></article>
    </body></html>"""
    meta = ta.article_from_html(html).metadata
    assert (meta.outlet, meta.authors, meta.date, meta.url, meta.language, meta.title) == (
        "Le Courrier", ("Claire Dubois",), "2025-02-01T08:00:00+01:00", "https://courrier.example/pont", "fr",
        "Le pont ferme")


def test_article_text_inside_an_element_named_like_furniture_is_read():
    body = "".join(f"<p>Paragraph {i} of the story says the harbour wall will be rebuilt by the spring.</p>"
                   for i in range(6))
    for wrapper in ("<form id='aspnetForm'>{}</form>", "<div class='story-body share-enabled'>{}</div>"):
        html = ("<html><body><nav><a>Home</a></nav><h1>Harbour wall to be rebuilt</h1>" + wrapper.format(body)
                + "<footer>About us</footer></body></html>")
        article = ta.article_from_html(html)
        assert article.headline == "Harbour wall to be rebuilt", wrapper
        assert len([b for b in article.blocks if b.role == "paragraph"]) == 6, wrapper


def test_a_headline_above_the_article_element_is_the_headline():
    body = "".join(f"<p>Paragraph {i} of the story says the harbour wall will be rebuilt by the spring.</p>"
                   for i in range(6))
    html = ("<html><head><title>Harbour wall to be rebuilt | The Gazette</title></head><body>"
            "<div class='masthead'><h1><a href='/'>The Gazette</a></h1></div>"
            f"<div class='page-head'><h1>Harbour wall to be rebuilt</h1></div><article>{body}</article>"
            "<footer>About us</footer></body></html>")
    article = ta.article_from_html(html)
    assert article.headline == "Harbour wall to be rebuilt"
    assert len([b for b in article.blocks if b.role == "paragraph"]) == 6
    assert {b.text: b.role for b in article.blocks}["The Gazette"] == "boilerplate"

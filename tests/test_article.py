"""Loading and cleaning: roles, reasons, encodings, HTML, and errors that name the problem."""

import pytest
from conftest import SAMPLE

import toneanalysis as ta


def roles_by_line(article):
    """Each line's role: its first block's (a caption's credit on the same line comes after it)."""
    roles = {}
    for b in article.blocks:
        roles.setdefault(b.line, b.role)
    return roles


def test_sample_roles(sample):
    roles = ("headline", "paragraph", "caption", "credit", "boilerplate")
    counts = {role: sum(b.role == role for b in sample.blocks) for role in roles}
    assert counts == {"headline": 1, "paragraph": 37, "caption": 6, "credit": 6, "boilerplate": 2}
    assert sample.headline.startswith("Putin lands in North Korea")
    boiler = [b.text for b in sample.blocks if b.role == "boilerplate"]
    assert boiler == ["ARTICLE AD BOX", "Read Entire Article"]
    assert [b.text for b in sample.blocks if b.role == "timestamp"] == ["5 months ago 5"]
    credits = [b.text for b in sample.blocks if b.role == "credit"]
    assert credits == ["AP:Associated Press", "Reuters", "Sky News", "AFP", "AFP", "Sky News"]


def test_sample_captions_lose_the_shortcode_but_keep_the_raw_line(sample):
    captions = [b for b in sample.blocks if b.role == "caption"]
    assert captions[0].text == "Vladimir Putin and Kim Jong-un meeting back in 2019"
    for block in captions:
        assert "[/caption]" not in block.text
        assert block.raw.endswith("[/caption]")
        assert block.raw[block.raw_start:block.raw_start + len(block.text)] == block.text


def test_every_sample_line_is_accounted_for(sample):
    lines = sample.lines()
    raw = SAMPLE.read_text(encoding="utf-8").splitlines()
    assert lines["line"].tolist() == list(range(1, len(raw) + 1))
    assert lines["raw"].tolist() == raw
    blank = lines["role"] == "blank"
    assert (lines.loc[blank, "raw"].str.strip() == "").all()
    assert lines.loc[~blank, "block"].notna().all()
    assert lines["reason"].str.len().gt(0).all()


def test_unscored_blocks_say_why(sample):
    for block in sample.blocks:
        assert block.reason
        assert block.scored == (block.role in ("headline", "paragraph", "caption"))


@pytest.mark.parametrize(
    "line, role",
    [
        ("ADVERTISEMENT", "boilerplate"),
        ("Story continues below advertisement", "boilerplate"),
        ("3 hours ago 12", "timestamp"),
        ("Published: 14:32, 3 Mar 2025 | Updated: 15:01, 3 Mar 2025", "timestamp"),
        ("READ MORE: Council votes on bins", "boilerplate"),
        ("Sign up to our free newsletter", "boilerplate"),
        ("Share this article", "boilerplate"),
        ("PA", "credit"),
        ("Getty Images", "credit"),
        ("Alamy", "credit"),
        ("EPA-EFE", "credit"),
        ("AFP via Getty Images", "credit"),
        ("Credit: Jane Smith/PA Wire", "credit"),
        ("Picture: Alamy", "credit"),
        ("© Kyodo", "credit"),
        ("Reuters reported that the talks stalled.", "paragraph"),
        ("Readers wrote in their hundreds.", "paragraph"),
        ("Police were called.", "paragraph"),
        ("Pictured: the flooded high street", "caption"),
        ("Firefighters at the scene (Image: PA)", "caption"),
    ],
)
def test_line_rules_generalise(line, role):
    text = f"A headline about something else\n\nThe first paragraph of the story.\n\n{line}\n\nThe last paragraph."
    article = ta.article_from_text(text)
    assert roles_by_line(article)[5] == role


def test_caption_after_a_credit_line_without_shortcode():
    text = "Storm hits town\n\nWaves broke over the wall.\n\nGetty Images\nResidents watch the sea\n\nMore rain is due."
    article = ta.article_from_text(text)
    assert roles_by_line(article)[5] == "credit"
    assert roles_by_line(article)[6] == "caption"
    assert roles_by_line(article)[8] == "paragraph"


def test_trailing_credit_is_cut_from_the_caption_text():
    article = ta.article_from_text("Headline here\n\nFirefighters at the scene (Image: PA)\n\nBody text.")
    caption, credit = article.blocks[1:3]
    assert caption.role == "caption"
    assert caption.text == "Firefighters at the scene"
    assert "(Image: PA)" in caption.raw
    assert (credit.role, credit.text, credit.line) == ("credit", "Image: PA", caption.line)
    assert credit.raw[credit.raw_start:credit.raw_start + len(credit.text)] == credit.text


def test_headline_choice():
    assert ta.article_from_text("Storm hits coast\n\nHomes were flooded.").blocks[0].role == "headline"
    # A single line, or a first line ending in a full stop, is body text.
    assert ta.article_from_text("Storm hits coast").blocks[0].role == "paragraph"
    assert ta.article_from_text("Homes were flooded.\n\nRoads closed.").blocks[0].role == "paragraph"
    assert ta.article_from_text("Homes were flooded.\n\nRoads closed.", headline=True).blocks[0].role == "headline"
    assert ta.article_from_text("Storm hits coast\n\nRoads closed.", headline=False).blocks[0].role == "paragraph"


def test_cp1252_and_latin1_files(tmp_path):
    cp = tmp_path / "cp.txt"
    cp.write_bytes("Storm \u201cbatters\u201d coast \u2013 \u00a3 caf\u00e9\n\nBody.".encode("cp1252"))
    with pytest.warns(ta.DecodingWarning, match=r"cp\.txt: not UTF-8 and no charset declared: read as cp1252"):
        article = ta.load_article(cp)
    assert article.encoding == "cp1252 (detected)"
    assert article.headline == "Storm \u201cbatters\u201d coast \u2013 \u00a3 caf\u00e9"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("M\u00fcller wins\n\nThe caf\u00e9 cost \u00a35.".encode("latin-1"))
    with pytest.warns(ta.DecodingWarning, match="read as cp1252"):
        assert ta.load_article(latin).blocks[1].text == "The caf\u00e9 cost \u00a35."


def test_html_page():
    html = """<!doctype html><html><head><title>Site | Storm</title><script>var tracking = 1;</script></head>
    <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <div class="cookie-banner">We use cookies to improve your experience</div>
    <article><h1>Storm batters coast</h1>
    <p>Homes were <b>flooded</b> on Tuesday.</p>
    <div class="ad-slot">ADVERTISEMENT</div>
    <figure><img src="x.jpg"><figcaption>Waves hit the wall <span class="credit">Credit: PA</span></figcaption></figure>
    <p>Police were called.</p></article>
    <aside><h2>Most read</h2><ul><li>Other story</li></ul></aside><footer>Copyright 2025</footer></body></html>"""
    article = ta.article_from_html(html)
    shown = [(b.role, b.text) for b in article.blocks if b.scored]
    assert shown == [
        ("headline", "Storm batters coast"),
        ("paragraph", "Homes were flooded on Tuesday."),
        ("caption", "Waves hit the wall"),
        ("paragraph", "Police were called."),
    ]
    others = {b.text: b.role for b in article.blocks if not b.scored}
    assert others["Credit: PA"] == "credit"
    assert others["ADVERTISEMENT"] == "boilerplate"
    assert any("Most read" in t for t in others)
    assert all(b.line is not None for b in article.blocks)


def test_html_file_is_detected(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><article><h1>Title</h1><p>One paragraph.</p></article></body></html>")
    article = ta.load_article(page)
    assert [b.role for b in article.blocks] == ["headline", "paragraph"]


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"  \n\n  ", "empty"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (b"ADVERTISEMENT\n\nRead Entire Article\n3 hours ago\n", "no article text"),
    ],
)
def test_bad_files_raise_a_named_error(tmp_path, content, message):
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ta.ToneAnalysisError, match=message) as info:
        ta.load_article(path)
    assert str(path) in str(info.value)


def test_load_article_never_reads_a_string_as_text():
    with pytest.raises(ta.ToneAnalysisError, match="no such file"):
        ta.load_article("Putin lands in North Korea")
    with pytest.raises(ta.ToneAnalysisError, match="file path"):
        ta.load_article(42)


def test_html_article_header_holds_the_headline_and_site_furniture_is_boilerplate():
    html = """<html><body><header class="site-header"><nav>Home News</nav><div>The Daily Example</div></header>
    <article><header class="article-header"><h1>Vote passes</h1><p class="standfirst">MPs back the tax</p></header>
    <p>The bill <b>passed</b> by 20 votes.</p><footer class="article-footer"><a>Tags:</a><a>politics</a></footer>
    </article></body></html>"""
    blocks = [(b.role, b.text) for b in ta.article_from_html(html).blocks]
    assert blocks == [
        ("boilerplate", "Home News The Daily Example"),
        ("headline", "Vote passes"),
        ("standfirst", "MPs back the tax"),
        ("paragraph", "The bill passed by 20 votes."),
        ("boilerplate", "Tags: politics"),
    ]


def test_html_page_without_an_article_element():
    html = """<html><head><title>Storm | Site</title></head><body><div class="header"><a>Home</a></div>
    <div class="story-body"><h1>Storm hits town</h1><p>Rivers burst their banks.</p>
    <div>Loose text about the flood.</div><p>ADVERTISEMENT</p></div><div class="footer">About us</div></body></html>"""
    roles = {b.text: b.role for b in ta.article_from_html(html).blocks}
    assert roles == {"Home": "boilerplate", "Storm hits town": "headline", "Rivers burst their banks.": "paragraph",
                     "Loose text about the flood.": "paragraph", "ADVERTISEMENT": "boilerplate",
                     "About us": "boilerplate"}

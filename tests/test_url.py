"""URLs: fetched from a server on 127.0.0.1 that the test starts; nothing here touches another address."""

import contextlib
import http.server
import re
import threading
import time

import pytest

import toneanalysis as ta
from toneanalysis.load import url as url_module

PAGE = """<!doctype html><html lang="en-GB"><head><meta charset="iso-8859-1">
<title>Caf\u00e9 row | The Fenmoor Gazette</title>
<link rel="canonical" href="https://gazette.example/news/cafe-row">
<meta property="og:site_name" content="The Fenmoor Gazette">
<meta property="article:published_time" content="2025-03-03T09:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Caf\u00e9 owner fights council over pavement tables</h1>
<div class="byline">By <a href="/kev">Kev Brannigan</a>, Chief Reporter</div>
<p>A caf\u00e9 owner in Fenmoor has been told to remove the tables outside her shop by the end of the month.</p>
<p>The council said the tables blocked the pavement for wheelchair users and people with prams.</p>
<p>Maria Costa, who has run the caf\u00e9 for twelve years, said she would appeal against the decision.</p>
</article><footer>About us</footer></body></html>"""


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass

    def send(self, status, body: bytes, kind: str):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client stopped reading (size cap)
            self.wfile.write(body)

    def do_GET(self):
        if self.path == "/story":
            # latin-1 bytes, the charset in the header only: decoding as UTF-8 would garble "café"
            self.send(200, PAGE.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/story")
            self.end_headers()
        elif self.path == "/report.pdf":
            self.send(200, b"%PDF-1.4 ...", "application/pdf")
        elif self.path == "/slow":
            time.sleep(2)
            self.send(200, PAGE.encode("latin-1"), "text/html; charset=iso-8859-1")
        elif self.path == "/huge":
            self.send(200, b"<html><body>" + b"<p>word</p>" * 20000 + b"</body></html>", "text/html")
        else:
            self.send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_a_url_loads_with_its_charset_metadata_and_roles(server):
    article = ta.load_article(f"{server}/story")
    assert article.source == f"{server}/story"
    assert article.headline == "Caf\u00e9 owner fights council over pavement tables"
    roles = {b.text: b.role for b in article.blocks}
    assert roles["By Kev Brannigan, Chief Reporter"] == "byline"
    assert next(b.text for b in article.blocks if b.role == "paragraph").startswith("A caf\u00e9 owner")
    meta = article.metadata
    assert (meta.outlet, meta.date, meta.language) == ("The Fenmoor Gazette", "2025-03-03T09:00:00Z", "en-GB")
    assert meta.url == "https://gazette.example/news/cafe-row"  # the page's canonical URL
    assert meta.authors == ("Kev Brannigan",)


def test_redirects_are_followed_and_every_public_function_takes_a_url(server):
    article = ta.as_article(f"{server}/moved")
    assert article.headline.startswith("Caf\u00e9 owner")
    table = ta.score_paragraphs(f"{server}/moved")
    assert set(table["url"]) == {"https://gazette.example/news/cafe-row"}
    assert set(table["outlet"]) == {"The Fenmoor Gazette"}


def test_metadata_keywords_win_over_the_page(server):
    article = ta.load_article(f"{server}/story", outlet="Gazette", date="2025-03-04")
    assert (article.metadata.outlet, article.metadata.date) == ("Gazette", "2025-03-04")


@pytest.mark.parametrize("path, message", [
    ("/report.pdf", "not an HTML page (content type application/pdf)"),
    ("/nowhere", "HTTP error 404"),
])
def test_bad_urls_are_one_line_errors(server, path, message):
    with pytest.raises(ta.ToneAnalysisError, match=re.escape(f"{server}{path}: {message}")) as info:
        ta.load_article(server + path)
    assert "\n" not in str(info.value)


def test_timeout_and_size_cap(server, monkeypatch):
    monkeypatch.setattr(url_module, "TIMEOUT", 0.3)
    with pytest.raises(ta.ToneAnalysisError, match=r"timed out after 0\.3 s"):
        ta.load_article(f"{server}/slow")
    monkeypatch.setattr(url_module, "MAX_BYTES", 50_000)
    with pytest.raises(ta.ToneAnalysisError, match="larger than the 50,000-byte limit"):
        ta.load_article(f"{server}/huge")


def test_nothing_listens_there_is_a_one_line_error(server):
    port = int(server.rsplit(":", 1)[1])
    with pytest.raises(ta.ToneAnalysisError, match="cannot be fetched"):
        ta.load_article(f"http://127.0.0.1:{port + 1 if port < 65535 else port - 1}/story")


def test_the_command_scores_a_url_with_its_metadata_columns(server, cli):
    ran = cli("score", f"{server}/story", "--format", "csv")
    assert ran.returncode == 0, ran.stderr
    header = ran.stdout.splitlines()[0].split(",")
    assert header[-4:] == ["source", "outlet", "date", "url"]
    assert "The Fenmoor Gazette" in ran.stdout and "https://gazette.example/news/cafe-row" in ran.stdout
    ran = cli("score", f"{server}/report.pdf")
    assert ran.returncode == 2 and ran.stderr.count("\n") == 1 and "not an HTML page" in ran.stderr


def test_the_report_takes_a_url_as_its_article(server):
    from toneanalysis.report import build

    parameters = build.check_inputs(f"{server}/story")  # fetched once here; each notebook reads the URL
    assert parameters["article_path"] == f"{server}/story"
    assert build.report_target(f"{server}/story").name == "story.html"


def test_a_list_of_urls_is_a_corpus(server, tmp_path):
    urls = [f"{server}/story", f"{server}/moved", "not a url", f"{server}/story"]
    with pytest.warns(UserWarning, match="skipped 2 bad rows"):
        corpus = ta.score_corpus(urls, errors="skip", out=tmp_path / "kept")
    assert corpus.skipped[["origin", "problem"]].values.tolist() == [
        ["URL list item 3", "is not an http(s) URL"], ["URL list item 4", "repeats a URL listed above it"]]
    articles = corpus.articles.set_index("article")
    assert list(articles.index) == [f"{server}/story", f"{server}/moved"]
    assert set(articles["outlet"]) == {"The Fenmoor Gazette"}  # from the page: the list gives none
    expected = ta.piece_measures(f"{server}/story")
    assert articles.loc[f"{server}/story", "tone"] == pytest.approx(expected["tone"])
    # Kept, and not fetched or scored again: the same list is read back from the folder.
    again = ta.score_corpus(urls[:2], out=tmp_path / "kept")
    assert (again.n_scored, again.n_reused) == (0, 2)

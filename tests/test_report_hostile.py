"""Issue 13, items 1-3 and 13: markup, links and Markdown in an article, a lexicon or a file name stay text
in the report (checked in headless Chromium) and in every notebook output (as JupyterLab shows it)."""

import re

import nbconvert.filters
import pytest
from conftest import HOSTILE_BASELINE_NAMES, SAMPLE

from toneanalysis.report import build

# Checked on the tags (an escaped `&lt;img onerror=…&gt;` is text, and fine) and on whole elements.
TAGS = [r"<(textarea|form|input|button|svg|math|iframe|script|object)\b",
        r"<img src=.?x", r"href=.?(https?:|javascript|www)",
        r"\son\w+="]
ELEMENTS = [r"<h1[^>]*>\s*(x|N|shown)\s*</h1>", r"<strong>bold</strong>", r"<code>backtick</code>",
            r"<a [^>]*>(click me|x|X|win a prize|leader|a)</a>"]


def _live(html):
    tags = " ".join(re.findall(r"<[a-zA-Z][^>]*>", html))
    styles = " ".join(re.findall(r"<style[^>]*>(.*?)</style>", html, re.S))
    return ([p for p in TAGS if re.search(p, tags)] + [p for p in ELEMENTS if re.search(p, html)]
            + ["display:none in a <style>"] * ("display:none" in styles.replace(" ", "")))


def _outputs(notebook):
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if "text/html" in data:
                yield "html", data["text/html"]
            if "text/markdown" in data:
                yield "markdown", nbconvert.filters.markdown2html(data["text/markdown"])


@pytest.mark.slow
def test_no_markup_from_untrusted_text_in_any_notebook_output(hostile_run):
    _, done = hostile_run
    for path, notebook in zip(done.paths, done.notebooks):
        for kind, html in _outputs(notebook):
            assert _live(html) == [], f"{path.name} {kind} output: {html[:300]}"


@pytest.mark.slow
def test_every_baseline_is_its_own_row_and_names_are_text(hostile_run):
    _, done = hostile_run
    text = re.sub(r"<[^>]+>", "", done.html)
    import html as html_module

    text = html_module.unescape(text)
    for name in ["d1/wire.txt", "d2/wire.txt", "[X](https:evil.example).txt", "wire_$\\frac{$_c.txt"]:
        assert name in text, name
    assert "this piece.txt" in text
    assert "[click me](javascript:alert(1)) **bold** tyrant <h1>shown</h1>" in text
    assert "q&quot;uote&#x27;s and `backtick` $x$" in text


@pytest.mark.slow
def test_hostile_report_in_headless_chromium(hostile_run, tmp_path, chromium):
    _, done = hostile_run
    page = tmp_path / "hostile.html"
    page.write_text(done.html, encoding="utf-8")
    chromium.get(page.as_uri())
    found = chromium.execute_script("""
        const all = Array.from(document.body.querySelectorAll('*'));
        return {
          tags: [...new Set(all.map(e => e.tagName.toLowerCase()))],
          handlers: all.filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
          links: Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href') || ''),
          images: Array.from(document.images).map(i => i.getAttribute('src') || ''),
          headings: Array.from(document.querySelectorAll('h1,h2,h3,h4')).map(h => h.textContent.trim()),
          strong: Array.from(document.querySelectorAll('strong,b,em,code')).map(e => e.textContent),
          styles: Array.from(document.body.querySelectorAll('style')).map(s => s.textContent),
          hidden: getComputedStyle(document.body).display,
          text: document.body.innerText,
        };""")
    logs = chromium.get_log("browser")
    assert not {"textarea", "form", "input", "svg", "math", "iframe", "script", "button", "object"} & set(found["tags"])
    assert found["handlers"] == 0 and found["hidden"] != "none"
    assert all(href.startswith("#") for href in found["links"]), found["links"]
    assert found["images"] and all(src.startswith("data:image/png") for src in found["images"])
    assert not {"x", "N", "shown"} & set(found["headings"])
    assert not {"bold", "backtick", "click me"} & {s.strip() for s in found["strong"]}
    assert not any("display:none" in s.replace(" ", "") for s in found["styles"])
    body = found["text"]
    assert "[click me](javascript:alert(1)) **bold** tyrant <h1>shown</h1>" in body
    assert '</td></tr></table><h1 style="color:red">x</h1>' in body and "<textarea>" in body
    assert "[X](https:evil.example).txt" in body and "wire_$\\frac{$_c.txt" in body
    assert [entry for entry in logs if entry["level"] == "SEVERE"] == []


@pytest.mark.slow
def test_an_article_naming_no_one_takes_the_no_names_branch(hostile_run):
    # Item 9: the hostile article is lower case throughout; notebook 03 says so instead of failing.
    _, done = hostile_run
    [notebook] = [nb for path, nb in zip(done.paths, done.notebooks) if path.name.startswith("03-")]
    shown = "".join(o.get("data", {}).get("text/markdown", "") for c in notebook.cells for o in c.get("outputs", []))
    assert "No proper names were found to follow." in shown


def test_a_captions_only_article_is_refused_before_any_notebook(tmp_path):
    captions = tmp_path / "captions.txt"
    captions.write_text("Photo: Reuters\nA man walks past a poster in the capital.\n")
    with pytest.raises(build.ToneAnalysisError, match=r"captions\.txt: the article has no body paragraph"):
        build.check_inputs(captions)
    with pytest.raises(build.ToneAnalysisError, match=r"captions\.txt: the baseline has no body paragraph"):
        build.check_inputs(SAMPLE, [captions])


def test_baseline_names_cover_the_cases_of_the_issue():
    assert {"d1/wire.txt", "d2/wire.txt", "this piece.txt"} <= set(HOSTILE_BASELINE_NAMES)

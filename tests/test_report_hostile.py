"""Issue 13, items 1-3 and 13: markup, links and Markdown in an article, a lexicon or a file name stay text
in the report (checked in headless Chromium) and in every notebook output (as JupyterLab shows it)."""

import re

import nbconvert.filters
import pytest
from conftest import HOSTILE_BASELINE_NAMES, SAMPLE

from toneanalysis.report import build

# Checked on the tags (an escaped `&lt;img onerror=…&gt;` is text, and fine) and on whole elements.
TAGS = [r"<(textarea|form|input|button|math|iframe|script|object|use|image|foreignObject)\b",
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


def _opened(hostile_run, tmp_path, chromium):
    """The hostile report, open in headless Chromium."""
    _, done = hostile_run
    page = tmp_path / "hostile.html"
    page.write_text(done.html, encoding="utf-8")
    chromium.get(page.as_uri())
    return chromium


@pytest.mark.slow
def test_hostile_report_in_headless_chromium(hostile_run, tmp_path, chromium):
    found = _opened(hostile_run, tmp_path, chromium).execute_script("""
        const all = Array.from(document.body.querySelectorAll('*'));
        return {
          tags: [...new Set(all.map(e => e.tagName.toLowerCase()))],
          handlers: all.filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
          links: Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href') || ''),
          images: Array.from(document.images).map(i => i.getAttribute('src') || ''),
          headings: Array.from(document.querySelectorAll('h1,h2,h3,h4')).map(h => h.textContent.trim()),
          // The hits' notes name each term in <b> (rated words there: "bold", "backtick"): not markup.
          strong: Array.from(document.querySelectorAll('strong,b,em,code')).filter(e => !e.closest('.ta-notes'))
            .map(e => e.textContent),
          styles: Array.from(document.body.querySelectorAll('style')).map(s => s.textContent),
          hidden: getComputedStyle(document.body).display,
          text: document.body.innerText,
        };""")
    logs = chromium.get_log("browser")
    assert not {"textarea", "form", "input", "math", "iframe", "script", "button", "object", "use", "image",
                "foreignobject"} & {tag.lower() for tag in found["tags"]}
    assert found["handlers"] == 0 and found["hidden"] != "none"
    assert all(href.startswith("#") for href in found["links"]), found["links"]
    assert all(src.startswith("data:image/png") for src in found["images"])
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


TOOLTIP = '</title><script>alert(1)</script> then "><img src=x onerror=alert(1)> then ]]> in full.'


@pytest.mark.slow
def test_chart_tooltips_show_hostile_text_as_text_on_the_point_in_chromium(hostile_run, tmp_path, chromium):
    # Issue 14: hovering a point of the tone arc shows its paragraph: the browser's tooltip is the
    # text of an SVG <title>, here one that tries to close it and open a script.
    found = _opened(hostile_run, tmp_path, chromium).execute_script("""
        const arc = Array.from(document.querySelectorAll('svg')).find(
            s => (s.getAttribute('aria-label') || '').startsWith('Tone through the piece'));
        const titled = e => { while (e && !(e.firstElementChild && e.firstElementChild.tagName === 'title')) {
            e = e.parentElement; } return e; };
        const points = Array.from(arc.querySelectorAll('title'))
            .filter(t => t.textContent.startsWith('Paragraph ')).map(t => {
                // elementFromPoint sees only the window: bring the dot into it first.
                t.parentElement.scrollIntoView({block: 'center', inline: 'center'});
                const box = t.parentElement.getBoundingClientRect();
                const hit = titled(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
                return {said: t.textContent, shown: hit ? hit.firstElementChild.textContent : null,
                        size: [box.width, box.height], self: hit === t.parentElement};
            });
        return {points, scripts: document.scripts.length, label: arc.getAttribute('aria-label'),
                role: arc.getAttribute('role'), titles: arc.querySelectorAll('title').length};""")
    points = found["points"]
    assert found["scripts"] == 0 and found["role"] == "img" and "paragraphs in reading order" in found["label"]
    hostile = [p for p in points if TOOLTIP in p["said"]]
    assert len(hostile) == 3  # one dot per measure, each with the text as written
    assert all(p["size"][0] > 2 and p["size"][1] > 2 for p in points)  # drawn, not hidden
    # The element under a dot's centre is that dot, or one of the same paragraph drawn over it.
    numbers = [p["said"].split(" (", 1)[0] for p in points]
    same = [p["shown"] is not None and p["shown"].split(" (", 1)[0] == n for p, n in zip(points, numbers)]
    assert hostile[-1]["self"] and hostile[-1]["shown"] == hostile[-1]["said"]
    assert sum(same) >= 0.8 * len(points), [p for p, ok in zip(points, same) if not ok]
    assert sorted(set(numbers)) == sorted({f"Paragraph {k}" for k in range(1, len(points) // 3 + 1)})
    assert [entry for entry in chromium.get_log("browser") if entry["level"] == "SEVERE"] == []

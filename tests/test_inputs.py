"""One way in: every public function that takes an article (or baselines) reads what it is given the same way."""

import inspect
from pathlib import Path

import pandas as pd
import pytest
from conftest import ROOT, SAMPLE

import toneanalysis as ta

WIRE = ROOT / "data" / "baseline" / "wire_a_putin_pyongyang.txt"
TEXT = ("Tyrants meet in secret\n\nThe tyrant smiled as the two leaders met.\n\n"
        "\"It was a brutal day,\" the minister said.\n\nOfficials said talks would go on.")

# Every public function whose first argument is an article, with the extra arguments it needs.
ARTICLE_FUNCTIONS = {
    "analyse": {}, "as_article": {}, "score_paragraphs": {}, "find_loaded_terms": {}, "score_sentences": {},
    "find_quotes": {}, "loaded_p_features": {},
    "reporting_verbs": {}, "actor_tone": {}, "default_actors": {}, "voice_summary": {},
    "piece_measures": {}, "loaded_by_part": {}, "neutral_rewrite": {}, "highlight_html": {}, "highlighted": {},
    "compare": {"baselines": WIRE, "n_boot": 100, "n_perm": 100}, "arcs": {"baselines": WIRE},
    "distinctive_terms": {"baselines": WIRE}, "align_paragraphs": {"baselines": WIRE},
}
BASELINE_FUNCTIONS = {"compare": {"n_boot": 100, "n_perm": 100}, "arcs": {}, "distinctive_terms": {},
                      "align_paragraphs": {}}


def public_functions():
    return {name: getattr(ta, name) for name in ta.__all__ if inspect.isfunction(getattr(ta, name))}


def test_every_public_function_taking_an_article_is_tested_here():
    taking = {name for name, f in public_functions().items()
              if next(iter(inspect.signature(f).parameters), None) == "article"}
    assert taking == set(ARTICLE_FUNCTIONS), "add the new function to ARTICLE_FUNCTIONS"
    with_baselines = {name for name, f in public_functions().items() if "baselines" in inspect.signature(f).parameters}
    assert with_baselines == set(BASELINE_FUNCTIONS) | {"analyse_baselines"}
    # One name for the same thing everywhere.
    for name, f in public_functions().items():
        assert not {"article_or_text", "baseline", "text_or_article"} & set(inspect.signature(f).parameters), name


def result_of(name, article, **extra):
    out = getattr(ta, name)(article, **{**ARTICLE_FUNCTIONS[name], **extra})
    if isinstance(out, ta.AnalysedArticle):
        return ta.score_paragraphs(out)
    if isinstance(out, ta.Article):
        return out.to_frame()
    return out


def same(a, b):
    if isinstance(a, pd.DataFrame):
        a, b = a.drop(columns=["source"], errors="ignore"), b.drop(columns=["source"], errors="ignore")
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, check_names=False)
    else:
        assert str(a) == str(b)


@pytest.mark.parametrize("name", sorted(ARTICLE_FUNCTIONS))
@pytest.mark.parametrize("missing", ["no/such/piece.txt", "nope.html", "missing.htm", "../data/raw/gone",
                                     Path("no/such/piece.txt")])
def test_a_path_that_names_no_file_is_an_error_naming_it(name, missing):
    with pytest.raises(ta.ToneAnalysisError, match=f"{Path(missing)}: no such file"):
        getattr(ta, name)(missing, **ARTICLE_FUNCTIONS[name])


@pytest.mark.parametrize("name", sorted(ARTICLE_FUNCTIONS))
def test_a_path_string_a_path_an_article_and_an_analysis_give_one_answer(name):
    article = ta.load_article(SAMPLE)
    expected = result_of(name, article)
    same(result_of(name, str(SAMPLE)), expected)
    same(result_of(name, SAMPLE), expected)
    same(result_of(name, ta.analyse(article)), expected)


@pytest.mark.parametrize("name", sorted(ARTICLE_FUNCTIONS))
def test_text_is_read_as_text(name, tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text(TEXT, encoding="utf-8")
    same(result_of(name, TEXT), result_of(name, path))


@pytest.mark.parametrize("name", sorted(ARTICLE_FUNCTIONS))
@pytest.mark.parametrize("bad, message", [(None, "got NoneType"), (42, "got int"), (b"bytes", "got bytes"),
                                          ("   ", "the text is empty")])
def test_anything_else_is_an_error_naming_it(name, bad, message):
    with pytest.raises(ta.ToneAnalysisError, match=message):
        getattr(ta, name)(bad, **ARTICLE_FUNCTIONS[name])


@pytest.mark.parametrize("name", sorted(BASELINE_FUNCTIONS))
@pytest.mark.parametrize("baselines, message", [
    ("no/such/wire.txt", r"baselines: no/such/wire\.txt: no such file"),
    ([WIRE, "gone.txt"], r"baselines\[1\]: gone\.txt: no such file"),
    ([], "the list is empty"),
    (3.5, "got float"),
])
def test_bad_baselines_are_named(name, baselines, message):
    with pytest.raises(ta.ToneAnalysisError, match=message):
        getattr(ta, name)(SAMPLE, baselines, **BASELINE_FUNCTIONS[name])


@pytest.mark.parametrize("text", ["The 24/7 news cycle rolls on.", "Sales fell 5/6 of the way.",
                                  "Prices and/or wages: a tyrant's choice.", "He said: see notes.txt later"])
def test_one_line_texts_that_only_contain_a_slash_or_a_suffix_are_text(text):
    assert ta.as_article(text).blocks[0].text == text


def test_a_folder_is_named():
    with pytest.raises(ta.ToneAnalysisError, match="is a folder"):
        ta.score_paragraphs(str(ROOT / "data"))


def test_the_public_api_has_type_hints():
    import typing

    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from pandas.io.formats.style import Styler

    from toneanalysis import plots

    # Imported by the plot modules for type checkers only.
    drawing = {"Axes": Axes, "Styler": Styler, "Figure": Figure, "Artist": Artist}

    for module in (ta, plots):
        for name in module.__all__:
            function = getattr(module, name)
            if not inspect.isfunction(function):
                continue
            hints = typing.get_type_hints(function, localns=drawing)  # resolves every annotation: a typo fails
            named = [p.name for p in inspect.signature(function).parameters.values()
                     if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
            assert set(named) <= set(hints) and "return" in hints, f"{module.__name__}.{name}"

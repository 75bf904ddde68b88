"""Issue 13, item 13: baseline names in tables and charts: distinct, never 'this piece', never mathtext."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

import toneanalysis as ta
from toneanalysis import plots
from toneanalysis.analyse import source_labels


def test_same_file_names_in_two_folders_stay_two(tmp_path):
    for folder in ("d1", "d2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "wire.txt").write_text(f"Officials in {folder} said the talks went well.\n")
    (tmp_path / "this piece.txt").write_text("Officials said the talks went well.\n")
    wires = ta.analyse_baselines([tmp_path / "d1" / "wire.txt", tmp_path / "d2" / "wire.txt",
                                  tmp_path / "this piece.txt"])
    labels = source_labels(wires)
    assert labels[:2] == ["d1/wire.txt", "d2/wire.txt"] and len(set(labels)) == 3
    assert "this piece" not in labels and labels[2] == "this piece.txt"
    assert source_labels([ta.article_from_text("x", source="this piece")]) == ["this piece (this piece)"]
    same = [ta.article_from_text("x", source="a.txt")] * 2
    assert source_labels(same) == ["a.txt", "a.txt [2]"]


def test_dollar_signs_in_names_are_drawn_as_written(tmp_path):
    article = ta.analyse("Officials said the tyrant smiled.")
    name = r"wire_$\frac{$_c.txt"
    frame = pd.DataFrame({"this piece": ta.voice_summary(article).to_series(),
                          name: ta.voice_summary(article).to_series()}).T
    ax = plots.plot_voice_shares(frame)
    ax.figure.savefig(tmp_path / "x.png")  # mathtext would raise here (ValueError: unknown symbol)
    assert [t.get_text() for t in ax.get_yticklabels()][1].startswith(name.replace("$", r"\$"))
    plt.close("all")
    hits = ta.find_loaded_terms(article).assign(term=name, text=name)
    ax = plots.plot_loaded_weights(hits)
    ax.figure.savefig(tmp_path / "y.png")
    plt.close("all")
    ax = plots.plot_tone_arc(ta.score_paragraphs(article), hits)
    ax.figure.savefig(tmp_path / "y.png")
    plt.close("all")

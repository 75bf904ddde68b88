"""Charts as inline SVG that tell more on hover, with no script: each point or bar carries an SVG
`<title>` (the browser's own tooltip), and the chart an `aria-label` and `<title>` saying what it shows.

The report runs no script (its Content-Security-Policy forbids it), so a tooltip has to be markup.
A chart function marks what a reader may point at (`tip`: one text for an artist, or one per
marker of a line) and says what the chart shows (`describe`); `chart(fig)` draws the figure with
matplotlib's SVG backend and puts the texts in. The SVG is made plain enough for a strict
sanitiser (`report.defuse`): no `<use>` (each marker is written out where it is drawn), no
stylesheet, no metadata, no ids but the clip paths', prefixed per chart so that two charts on one
page never share one. Every text reaches the markup through `report.escape.element_html`: a
tooltip is article text.

>>> import matplotlib.pyplot as plt
>>> fig, ax = plt.subplots()
>>> [bar] = ax.bar(["a"], [1])
>>> tip(bar, "a </title><script>x()</script>")
>>> describe(ax, "One bar.")
>>> shown = chart(fig)
>>> "<title>a &lt;/title&gt;&lt;script&gt;x()&lt;/script&gt;</title>" in shown.html, shown.alt
(True, 'One bar.')
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import io
import re
import weakref
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..report.escape import element_html

if TYPE_CHECKING:
    from matplotlib.artist import Artist
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_URL = re.compile(r"url\(#([^)]+)\)")
# What XML 1.0 cannot carry (matplotlib writes a label's control characters as they are): shown as
# the replacement character, as a browser shows a character it cannot draw.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The reader points at these; the chart says what it is. Weak keys: a figure that is closed and
# dropped takes its texts with it.
_TIPS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_DESCRIPTIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# Fixed, so that the same figure gives the same bytes (matplotlib salts its clip-path ids at random).
RC = {"svg.fonttype": "none", "svg.hashsalt": "toneanalysis"}


def tip(artist: Artist, text: str) -> None:
    """Hovering `artist` (a bar, a label, a line) shows `text`."""
    _TIPS[artist] = str(text)


def tips(points: Artist, texts: Sequence[str]) -> None:
    """Hovering the i-th point of `points` (a Line2D of markers, or a scatter's collection) shows
    `texts[i]`; NaN points are not drawn, and their texts are skipped with them."""
    _TIPS[points] = [str(t) for t in texts]


def describe(ax: Axes, text: str) -> None:
    """What the chart on `ax` shows, in a sentence or two: its alt text, with the Axes' title."""
    _DESCRIPTIONS[ax] = str(text)


def description(fig: Figure) -> str:
    """What the figure shows: each Axes' title and description (`describe`), else its title and axis labels."""
    parts = []
    for ax in fig.axes:
        title, said = ax.get_title(), _DESCRIPTIONS.get(ax)
        if said is None:
            said = f"x: {ax.get_xlabel() or 'unlabelled'}; y: {ax.get_ylabel() or 'unlabelled'}."
        parts.append(f"{title}: {said}" if title else said)
    suptitle = fig.get_suptitle() if hasattr(fig, "get_suptitle") else ""
    return " ".join(([f"{suptitle}."] if suptitle else []) + parts) or "A chart."


@dataclasses.dataclass(frozen=True)
class Chart:
    """A chart as inline SVG markup; displays in Jupyter (`_repr_html_`), `str()` is the markup."""

    html: str
    alt: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def chart(fig: Figure, *, alt: str | None = None, close: bool = True) -> Chart:
    """`fig` as a `Chart`: inline SVG with the hover texts of its artists (`tip`, `tips`) and `alt`
    (by default `description(fig)`) as its accessible name. The figure is closed (`close`), so that
    a notebook shows it once, as this chart, not a second time as matplotlib's PNG. Vector shapes and
    text only: the report's sanitiser lets no `<image>` through, so a raster (`imshow`) would be
    missing there; show such a figure with `plt.show()`."""
    import matplotlib as mpl
    import matplotlib.pyplot as plt

    alt = _NOT_XML.sub("\ufffd", description(fig) if alt is None else str(alt))
    marked = [(artist, _TIPS[artist]) for artist in fig.findobj() if artist in _TIPS]
    saved = [artist.get_gid() for artist, _ in marked]
    try:
        for number, (artist, _) in enumerate(marked):
            artist.set_gid(f"ta-tip-{number}")
        buffer = io.BytesIO()
        with mpl.rc_context(RC):
            fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    finally:
        for (artist, _), gid in zip(marked, saved):
            artist.set_gid(gid)
    if close:
        plt.close(fig)
    data = buffer.getvalue()
    # matplotlib's own output, its text escaped by its writer; a control character in a label (an
    # outlet's name, a lexicon term) would make it ill-formed.
    root = ET.fromstring(_NOT_XML.sub("\ufffd", data.decode("utf-8")))
    texts = {}
    for number, (artist, said) in enumerate(marked):
        texts.update(_titles(root, f"ta-tip-{number}", artist, said))
    _inline_uses(root, texts)
    for element, said in texts.items():
        element.insert(0, _title(said))
        # Only what has something to say takes the pointer: a line or grid drawn over a dot does not hide it.
        element.set("style", "; ".join(filter(None, [element.get("style"), "pointer-events: visiblePainted"])))
    _plain_svg(root, alt, "c" + hashlib.sha1(data).hexdigest()[:8])
    return Chart(element_html(root), alt)


def _title(text: str):
    title = ET.Element(f"{SVG}title")
    title.text = _NOT_XML.sub("\ufffd", text)
    return title


def _titles(root, gid: str, artist, said) -> dict:
    """The SVG element(s) to title for one marked artist: its group, or the markers of a line, in order."""
    group = next((e for e in root.iter() if e.get("id") == gid), None)
    if group is None:  # not drawn (invisible, or outside the figure)
        return {}
    if isinstance(said, str):
        return {group: said}
    points = artist.get_xydata() if hasattr(artist, "get_xydata") else artist.get_offsets()
    drawn = np.isfinite(np.asarray(points, dtype=float)).all(axis=1)
    said = [text for text, shown in zip(said, drawn) if shown]
    # One marker per point, in order; matplotlib writes a lone scatter point as a plain path.
    markers = list(group.iter(f"{SVG}use")) or ([group] if len(said) == 1 else [])
    if len(markers) != len(said):  # markers clipped away: no text rather than a wrong one
        return {}
    return dict(zip(markers, said))


def _inline_uses(root, texts: dict) -> None:
    """Each `<use>` replaced by what it draws: a group moved to (x, y), holding a copy of the
    referenced shape, as SVG defines `<use>`. A title meant for the `<use>` moves to its group."""
    defined = {e.get("id"): e for e in root.iter() if e.get("id")}
    parents = {child: parent for parent in root.iter() for child in parent}
    used = set()
    for use in list(root.iter(f"{SVG}use")):
        ref = (use.get(XLINK_HREF) or use.get("href") or "").removeprefix("#")
        group = ET.Element(f"{SVG}g", {"transform": f"translate({use.get('x', '0')} {use.get('y', '0')})"})
        if use.get("style"):
            group.set("style", use.get("style"))
        if ref in defined:
            shape = copy.deepcopy(defined[ref])
            shape.attrib.pop("id", None)
            group.append(shape)
            used.add(ref)
        parent = parents[use]
        parent[list(parent).index(use)] = group
        group.tail = use.tail
        if use in texts:
            texts[group] = texts.pop(use)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.get("id") in used:
                parent.remove(child)


def _plain_svg(root, alt: str, prefix: str) -> None:
    """No metadata or stylesheet; clip-path ids prefixed, other ids dropped; sized for the page; named."""
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in (f"{SVG}metadata", f"{SVG}style"):
                parent.remove(child)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag == f"{SVG}defs" and len(child) == 0:
                parent.remove(child)
    referenced = {m for e in root.iter() for value in e.attrib.values() for m in _URL.findall(value)}
    for element in root.iter():
        name = element.get("id")
        if name is not None:
            if name in referenced:
                element.set("id", f"{prefix}-{name}")
            else:
                del element.attrib["id"]
        for key, value in element.attrib.items():
            if "url(#" in value:
                element.set(key, _URL.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value))
    width, height = (float(root.get(k, "0").removesuffix("pt")) * 4 / 3 for k in ("width", "height"))
    root.attrib.pop("version", None)
    root.set("width", f"{width:.0f}")
    root.set("height", f"{height:.0f}")
    # matplotlib's stylesheet said this of every element; inherited from the root, it still does.
    root.set("style", "max-width: 100%; height: auto; stroke-linejoin: round; stroke-linecap: butt; "
                      "pointer-events: none")
    root.set("role", "img")
    root.set("aria-label", alt)
    root.set("class", "ta-chart")
    root.insert(0, _title(alt))

"""Bytes to text, never garbled silently.

In order: a byte-order mark (UTF-8, UTF-16, UTF-32); a charset the caller was told (an HTTP header:
`load_article(..., encoding=)`) or the file declares (`<meta charset>`, `<meta http-equiv
content="…; charset=…">`, `<?xml encoding=…?>`); UTF-8; and where nothing is declared and UTF-8 does
not fit, `charset-normalizer`'s detection. A file of UTF-8 lines with some Windows-1252 ones (copy and
paste) is read line by line. Binary content anywhere in the file (NUL bytes, control characters) is
refused. Whenever anything but the declared encoding or plain UTF-8 was used, a `DecodingWarning` says
so, and `Decoded.encoding` / `.repaired_lines` say how and where.
"""

from __future__ import annotations

import codecs
import re
import warnings
from typing import NamedTuple

import charset_normalizer

from ..errors import DecodingWarning, ToneAnalysisError


class Decoded(NamedTuple):
    text: str
    encoding: str
    repaired_lines: tuple[int, ...] = ()


_BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
_DECLARED = [re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I),
             re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)]
# Encodings of scripts other than Latin: when charset-normalizer names one, the file is in it. Any other
# guess for a single-byte file (cp852, latin-1, mac_roman…) is a Latin text, and those are Windows-1252.
_NON_LATIN = re.compile(r"1251|koi8|866|855|cyrillic|8859_5|1253|8859_7|greek|1255|8859_8|hebrew|1256|8859_6|"
                        r"arabic|874|tis|thai|gb|big5|hz|jis|932|euc|2022|johab|949|950|1258|utf|ptcp154|kz1048")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x7f]")


def _lookup(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML file declares in its first 4 KB, if a known one."""
    head = data[:4096]
    for pattern in _DECLARED:
        if (match := pattern.search(head)) is not None:
            return _lookup(match.group(1).decode("ascii", "replace"))
    return None


def _check_text(text: str, source: str, encoding: str) -> None:
    """Binary content anywhere in the text: NUL bytes, or more control characters than text has."""
    if (at := text.find("\x00")) >= 0:
        line = text.count("\n", 0, at) + 1
        raise ToneAnalysisError(f"{source}: binary content (a NUL byte) at line {line}: not an article")
    for start in range(0, len(text), 4096):  # each stretch, not just the first 8 KB
        chunk = text[start:start + 4096]
        controls = len(_CONTROLS.findall(chunk))
        if controls > max(8, len(chunk) // 50):
            line = text.count("\n", 0, start) + 1
            raise ToneAnalysisError(f"{source}: binary content ({controls} control characters from line {line}, "
                                    f"read as {encoding}): not an article")


def _by_line(data: bytes, source: str) -> Decoded:
    """UTF-8 lines with some in Windows-1252 (undefined bytes as U+FFFD), each repaired line named."""
    lines, repaired = [], []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("cp1252", errors="replace"))
            repaired.append(number)
    shown = ", ".join(map(str, repaired[:10])) + (" …" if len(repaired) > 10 else "")
    warnings.warn(f"{source}: mixed encodings: {len(repaired)} line(s) are not UTF-8 and were read as "
                  f"Windows-1252 (lines {shown})", DecodingWarning, stacklevel=4)
    return Decoded("\n".join(lines), "utf-8 and cp1252, line by line", tuple(repaired))


def _legacy(data: bytes, source: str) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    detected = _lookup(best.encoding) if best is not None else None
    if detected is None or not _NON_LATIN.search(detected):
        detected = "cp1252"
    text = data.decode(detected, errors="replace")
    repaired = () if "\ufffd" not in text else tuple(
        i for i, line in enumerate(text.split("\n"), start=1) if "\ufffd" in line)
    note = f"; bytes undefined in {detected} on lines {', '.join(map(str, repaired[:10]))} are shown as \ufffd" \
        if repaired else ""
    warnings.warn(f"{source}: not UTF-8 and no charset declared: read as {detected} (detected){note}",
                  DecodingWarning, stacklevel=4)
    return Decoded(text, f"{detected} (detected)", repaired)


def decode(data: bytes, source: str, *, encoding: str | None = None) -> Decoded:
    """`data` as text (see the module's note); `ToneAnalysisError` for empty or binary data."""
    if not data.strip():
        raise ToneAnalysisError(f"{source}: the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                decoded = Decoded(data.decode(name), name)
            except UnicodeDecodeError as error:
                raise ToneAnalysisError(f"{source}: starts with a {name} byte-order mark but is not {name} "
                                        f"(at byte {error.start})") from None
            break
    else:
        decoded = None
        given = encoding is not None
        charset = (_lookup(encoding) if given else None) or declared_charset(data)
        if given and _lookup(encoding) is None:
            raise ToneAnalysisError(f"{source}: unknown encoding {encoding!r}")
        if charset is not None and charset not in ("utf-8", "utf-16", "utf-32"):
            try:
                decoded = Decoded(data.decode(charset), f"{charset} (declared)")
            except UnicodeDecodeError:
                warnings.warn(f"{source}: declared {charset} but not valid {charset}: decoding it otherwise",
                              DecodingWarning, stacklevel=3)
        if decoded is None:
            if b"\x00" in data:
                line = data.count(b"\n", 0, data.index(b"\x00")) + 1
                raise ToneAnalysisError(f"{source}: binary content (a NUL byte) at line {line}: not an article")
            try:
                decoded = Decoded(data.decode("utf-8"), "utf-8")
            except UnicodeDecodeError:
                utf8_lines = sum(1 for line in data.split(b"\n") if not line.isascii() and _is_utf8(line))
                decoded = _by_line(data, source) if utf8_lines else _legacy(data, source)
    _check_text(decoded.text, source, decoded.encoding)
    return decoded


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True

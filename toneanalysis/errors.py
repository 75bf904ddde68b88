"""The one exception type users catch."""


class ToneAnalysisError(ValueError):
    """Bad input (file, text, lexicon, arguments), with a message that names the problem and where it is."""


class DecodingWarning(UserWarning):
    """A file was read with a fallback (a detected encoding, some lines decoded otherwise): it says which."""

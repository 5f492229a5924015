"""The language of an article (its markup's claim checked against its text) and its length
in words for every script.

Word count rule: a word is what spaces separate, when it holds a letter or a digit ("3,000"
and "well-known" are one word each, a lone dash none), except in the scripts written without
spaces between words (Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar), where each
character counts as one word, the convention of CJK word counters. So eight paragraphs of
Japanese count in the thousands, not 8, and "Tokyo 東京" counts 3.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from ._settings import LANGUAGE_MIN_CONFIDENCE, LANGUAGE_SAMPLE_CHARS, LANGUAGE_TEXT_MIN_CHARS

_UNSPACED = (
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"  # Thai, Lao, Myanmar, Khmer
    "\u3040-\u30ff\u31f0-\u31ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
)
# One character of an unspaced script, or a run of other non-space characters holding a
# letter or a digit ("3,000", "well-known" and "it's" are one word; a lone dash is none):
# what comes before its first letter or digit, that one, then the rest (written so, not
# as "any run, then a letter", the run is read once rather than backtracked over).
_WORD = re.compile(rf"[{_UNSPACED}]|[^\w\s{_UNSPACED}]*[^\W{_UNSPACED}][^\s{_UNSPACED}]*")


_UNSPACED_CHAR = re.compile(f"[{_UNSPACED}]")


def count_words(text: str) -> int:
    """Words in `text`, by the rule of the module's docstring."""
    return len(_WORD.findall(text))


def unspaced_chars(text: str) -> int:
    """How many characters of `text` belong to scripts written without spaces."""
    return len(_UNSPACED_CHAR.findall(text))


def latin_width(text: str) -> int:
    """The length of `text` as so much Latin-script text: a character of a script written
    without spaces counts three (a Chinese or Japanese word is one or two characters, an
    English one five or six with its space), so that length thresholds read the same in
    every script."""
    return len(text) if text.isascii() else len(text) + 2 * unspaced_chars(text)


@cache
def identifier() -> Any:
    """py3langid's identifier, loaded once per process (~0.5 s), or None when it cannot be:
    py3langid unpacks its model into a temporary file, which a full disk refuses. Language
    then comes from the markup alone, and extraction goes on."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    try:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except OSError:
        return None


def detect_language(text: str) -> tuple[str, float] | None:
    """The language of `text` (ISO 639-1) and the identifier's confidence, by py3langid on
    the first `LANGUAGE_SAMPLE_CHARS` characters; None for a text too short to tell."""
    if len(text) < LANGUAGE_TEXT_MIN_CHARS or (model := identifier()) is None:
        return None
    language, confidence = model.classify(text[:LANGUAGE_SAMPLE_CHARS])
    return str(language), float(confidence)


def article_language(declared: str | None, text: str) -> str | None:
    """The markup's language (`<html lang>`, `og:locale`...) unless the text says otherwise
    with confidence; the text's language when the markup declares none."""
    detected = detect_language(text)
    if detected is None:
        return declared
    language, confidence = detected
    if declared is None or (declared != language and confidence >= LANGUAGE_MIN_CONFIDENCE):
        return language
    return declared

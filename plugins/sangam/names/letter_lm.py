"""How likely a string of letters is as a name spelled in Latin script.

A letter n-gram model (``data/latin-letters-lm.tsv``, built by
``bench/build_letter_lm.py`` from the public name lists of ``latin-names.tsv``) in
back-off form.  The romanizer weighs its candidate spellings by it: English writes
names by patterns (-ck, -ss, ph, -ow) a phonetic model of Hindi cannot see, and the
letter model carries them to names no list contains.
"""

from __future__ import annotations

import functools
import math

from .tables import DATA

LM_PATH = DATA / "latin-letters-lm.tsv"
BOS, EOS = "^", "$"
LN10 = math.log(10)
# Every letter is credited about what a letter of a name outside the lists costs (log10 p is
# -1.1 on average on the English side of the training pairs), so the model judges how a
# spelling looks, not how long it is: uncredited, it would drop letters (Kemar -> Kmar).
# 1.0 chosen on the dev CER among 0.8-1.5 (0.8: 0.130, 1.0: 0.127, 1.5: 0.131).
LETTER_CREDIT = 1.0


class LetterLM:
    def __init__(self, order: int, prob: dict[str, float], backoff: dict[str, float]):
        self.order = order
        self.prob = prob
        self.backoff = backoff
        self._cache: dict[str, float] = {}

    def letter_logprob(self, history: str, letter: str) -> float:
        """log10 p(letter | the order-1 letters before it)."""
        penalty = 0.0
        while True:
            p = self.prob.get(history + letter)
            if p is not None:
                return penalty + p
            if not history:
                return penalty - 6.0  # a letter the lists never use
            penalty += self.backoff.get(history, 0.0)
            history = history[1:]

    def extend(self, text: str, letters: str) -> float:
        """Natural log-probability, each letter credited ``LETTER_CREDIT``, of ``letters``
        (``$``: the end of the word) following the start of a spelling ``text``; cached, as
        the decoder asks the same often."""
        n = self.order - 1
        s = (BOS * n + text)[-n:] + letters  # the context is always n letters: s is the key
        hit = self._cache.get(s)
        if hit is None:
            hit = LN10 * sum(self.letter_logprob(s[i - n : i], s[i]) + LETTER_CREDIT for i in range(n, len(s)))
            if len(self._cache) > 50000:
                self._cache.clear()
            self._cache[s] = hit
        return hit

    def logprob(self, word: str) -> float:
        """Natural log-probability of the lower-case spelling ``word`` as a whole word."""
        s = BOS * (self.order - 1) + word + EOS
        n = self.order - 1
        return LN10 * sum(self.letter_logprob(s[i - n : i], s[i]) for i in range(n, len(s)))


@functools.lru_cache(maxsize=1)
def letter_lm() -> LetterLM | None:
    if not LM_PATH.exists():
        return None
    order = 0
    prob: dict[str, float] = {}
    backoff: dict[str, float] = {}
    values: dict[str, float] = {}  # one float object per distinct value (10 MiB, not 12.7)
    for line in LM_PATH.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if line.startswith("# order\t"):
                order = int(line.split("\t")[1])
            continue
        gram, p, b = line.split("\t")
        if p != "-":
            prob[gram] = values.setdefault(p, float(p))
        if b != "-":
            backoff[gram] = values.setdefault(b, float(b))
    return LetterLM(order, prob, backoff)


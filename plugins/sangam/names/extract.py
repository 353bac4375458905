"""Name extraction and entity resolution over a set of sources.

No trained NER model: a name is taken only on evidence, which keeps common
words out of the event pages (a wrong name is worse than a missed one):

1. lexicon spellings (``content/data/lexicon.tsv``);
2. acronyms spelled out letter by letter (केसीएनए, કેસીએનએ) or written in
   Latin capitals (KCNA) - organisations;
3. words next to a title or role (श्री, राष्ट्रपति, विदेश मंत्री, નેતા, ``X शहर``,
   ``X समाचार एजेंसी``; ``data/names-roles.tsv``), up to three words that are
   not common words (``data/names-stopwords.tsv``); after a weak role word, as often
   an adjective (प्रमुख भूकंप, a major earthquake), only a word that is a name by its
   own evidence; and a spelling known only this way must have a role word beside a
   fair share of its occurrences (``MIN_ANNOUNCED_SHARE``: हर शहर, "every city", does not
   make हर a city), and one that no title before it announces, its first word too
   (न सिर्फ बागेश्वर ज़िले, "not only Bageshwar district");
4. known places: a word that looks foreign (the romanizer's foreignness score) and
   romanizes onto one of the best-known place names of the romanizer's prior
   (countries, large cities, states and provinces, ``PLACE_TOP``): मेक्सिको, મૈક્સિકો,
   टेक्सास, પેરિસ - places; with a word next to it that makes a longer place name
   (``data/names-place-affixes.tsv``: वेस्ट वर्जिनिया, મેક્સિકો સિટી);
5. foreign persons without a title (पैट्रिक रीड, પૈટ્રિક રીડ): a foreign-looking word that
   romanizes onto a common given name (``GIVEN_TOP``), then a word the pair's foreignness
   still carries (जस्टिन थॉमस: Thomas alone looks as Indian as foreign) - taken
   when sources in both scripts spell the pair alike, or when the second word romanizes onto
   a known surname (``SURNAME_TOP``: लुइस हैमिल्टन in one source), since on its own the
   pattern also catches loanwords (ग्रीन कार्ड) and common words (मेरा आग्रह, खाना चाहिये);
6. recurrence: a spelling established by 1-5 anywhere is recognised in every
   source, in either script (Gujarati folded onto Devanagari, Gujarati case
   endings stripped: ``data/names-case-endings.tsv``, or a shorter ending or none where
   the sources write that longer stem and never the table's: પુતિને is પુતિન + ે, "Putin
   said", not પુતિ + ને; હસીના is Hasina, not હસી + ના);
7. short forms: in a source that names a person in full, the first or last
   word of that name alone (किम after किम जोंग-उन) is the same person.

Spellings whose keys (``keys.name_key``) agree are one entity.  Everything is
linear in the number of sources: one pass to collect evidence, one to match.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from ..model import Entity, Mention, Source
from ..script import devanagari_to_gujarati, fold, gujarati_to_devanagari
from . import tables
from .keys import name_key as _name_key
from .lexicon import Lexicon
from .romanize import JH
from .romanize import model as _romanizer
from .romanize import romanize as _romanize
from .romanize import rule_word
from .spellings import known_names, known_skeletons, nearest_known, skeleton
from .to_indic import latin_to_deva
from .units import units

# Romanization and keys are pure functions of a spelling, asked for again and again (every
# mention, every part of a name): cached here, whatever their own modules do.
name_key = functools.lru_cache(maxsize=200_000)(_name_key)
romanize = functools.lru_cache(maxsize=50_000)(_romanize)

MAX_NAME_WORDS = 3
_SEGMENTS = re.compile(r"[,;:!?()\[\]{}\"“”‘’'|\u0964\u0965…—–]|\.(?=\s|$)")
_WORD_EDGE = re.compile(r"^[^\w\u0900-\u0aff]+|[^\w\u0900-\u0aff]+$")
_LATIN_THEN_INDIC = re.compile(r"^([A-Za-z]+)([\u0900-\u0aff]+)$")
_HYPHENS = re.compile(r"[\-\u2010\u2011]+")


class Word:
    """One word as the names stage sees it. Never changed once made: ``_word`` hands out one
    shared instance per (word, language, joined), so a source's words cost a pointer each."""

    __slots__ = ("raw", "surface", "folded", "stem", "ended", "latin", "lang", "joined")

    def __init__(self, raw: str, lang: str, joined: bool = False):
        self.raw, self.lang = raw, lang
        self.joined = joined  # written after a hyphen: part of the previous word (जोंग-उन)
        self.surface, self.folded, self.stem, self.ended, self.latin = _analyse(raw, lang)

    def __reduce__(self):
        # Unpickled through ``_word``: words coming back from a worker process or the cache
        # are the shared instances again, not one copy per source.
        return _word, (self.raw, self.lang, self.joined)


@functools.lru_cache(maxsize=200_000)
def _analyse(raw: str, lang: str) -> tuple[str, str, str, bool, bool]:
    """(surface, folded, stem, ended, latin) of one word; cached, words recur across sources."""
    ended = False
    m = _LATIN_THEN_INDIC.match(raw)
    if m:  # KCNAના, KCNAએ
        raw, ended = m.group(1), True
    surface = raw
    folded = fold(raw)
    stem = folded
    latin = raw.isascii()
    if not latin and (lang == "gu" or any("\u0a80" <= c <= "\u0aff" for c in raw)):
        for end in tables.case_endings():
            if not folded.endswith(end) or len(folded) - len(end) < 2:
                continue
            rest = folded[: -len(end)]
            if end.startswith(_PLURAL) and rest.endswith(_SHORT_I):
                continue  # -io is a name's (પોમ્પિઓને: Pompeo + ને, not પોમ્પિ + plural ઓને)
            if tables.spell_acronym(folded) and not tables.spell_acronym(rest):
                continue  # letters spelled out keep a letter's name whole (એપીજે, APJ, not એપીજ + ે)
            stem = rest
            surface = raw[: len(raw) - len(end)] if len(raw) >= len(folded) else raw
            ended = True
            break
    if (
        not latin and _GLUED_HONORIFIC.search(stem) and len(stem) - 2 >= MIN_HONORED_LETTERS
        and not tables.spell_acronym(stem)
    ):
        stem = stem[:-2]
    return surface, folded, stem, ended, latin


# The honorific जी / જી glued to a name (मोदीजी, કલામજી, तेंदुलकरजी) is left out of the word's
# stem, by which spellings are matched and keyed: मोदीजी is मोदी. The surface keeps it, and the
# name does not end there: in मोरारजी देसाई and प्रेमजी it is part of the name, whose key
# then meets a name without it only by rare chance. Never after a virama (बनर्जी, चटर्जी),
# nor after ा or ो (बालाजी, शिवाजी, रामोजी), nor in a spelled acronym (एलपीजी, LPG), and
# only when three letters or more remain (राजी, हाजी, ताजी are words).
HONORIFIC = "जी"  # folded: Gujarati જી too
# The plural ઓ of the endings (નેતાઓને) follows a noun's consonant or long vowel; after a
# short i it ends a name (મારિઓ, એન્ટોનિઓ, પોમ્પિઓ). Folded.
_PLURAL, _SHORT_I = "ओ", "\u093f"
_GLUED_HONORIFIC = re.compile("(?<=[^\u094d\u093e\u094b])" + HONORIFIC + "$")
MIN_HONORED_LETTERS = 3


@functools.lru_cache(maxsize=400_000)
def _word(raw: str, lang: str, joined: bool) -> Word:
    return Word(raw, lang, joined)


# The endings table strips the longest ending a Gujarati word has, which is not always the
# word's: પુતિને is પુતિન + ે ("Putin said") as well as પુતિ + ને, and હસીના (Hasina) may be a
# bare name as well as હસી + ના. The sources decide (``_reread_endings``): where the stem the
# table made is written nowhere else but a longer reading is (पुतिन, હસીના in Hindi as
# हसीना, પુતિનના), the word takes the longest shorter ending whose stem they write, or none.
class _RereadWord(Word):
    """A Gujarati word read with a shorter ending than the table's, or none (see
    ``_reread_endings``)."""

    __slots__ = ()

    def __init__(self, raw: str, lang: str, joined: bool, stem: str):
        super().__init__(raw, lang, joined)
        cut = len(self.folded) - len(stem)
        self.stem, self.ended = stem, cut > 0
        self.surface = raw[: len(raw) - cut] if len(raw) >= len(self.folded) else raw

    def __reduce__(self):
        return _reread_word, (self.raw, self.lang, self.joined, self.stem)


@functools.lru_cache(maxsize=20_000)
def _reread_word(raw: str, lang: str, joined: bool, stem: str) -> Word:
    return _RereadWord(raw, lang, joined, stem)


@functools.lru_cache(maxsize=50_000)
def _longer_readings(folded: str, stem: str) -> tuple[str, ...]:
    """The longer stems a word the table cut to ``stem`` could have, shortest first: those
    left by the table's shorter endings, then the whole word."""
    out = [folded[: -len(end)] for end in tables.case_endings() if folded.endswith(end)]
    return tuple(sorted({x for x in out if len(x) >= 2 and len(x) > len(stem)}, key=len)) + (folded,)


def _reread_endings(segmented: Mapping[str, list[list[Word]]]) -> dict[str, list[list[Word]]]:
    """``segmented`` with each Gujarati word whose stem the sources write nowhere else read
    with the longest shorter ending whose stem they do write (or none); a segment with no
    such word is the same list (its evidence stands)."""
    # Words by what they are, not by object (a word is one shared object only while the
    # ``_word`` cache holds it); spellings that fold alike (પાંડે, પાન્ડે) are one word.
    every: set[Word] = set()
    for segments in segmented.values():
        for words in segments:
            every.update(words)
    first: dict[str, str] = {}  # stem -> the first word (folded) seen with it
    shared: set[str] = set()  # stems that two or more different words (folded) have
    cut: dict[tuple[str, str, bool], Word] = {}  # words the table cut an ending from
    for w in every:
        if first.setdefault(w.stem, w.folded) != w.folded:
            shared.add(w.stem)
        if w.ended and not w.latin and w.stem != w.folded and not isinstance(w, _RereadWord):
            cut[(w.raw, w.lang, w.joined)] = w
    reread: dict[tuple[str, str, bool], Word] = {}
    for what, w in sorted(cut.items()):
        if w.stem in shared or not w.folded.startswith(w.stem):  # another word writes it; an honorific cut
            continue
        stem = next((x for x in _longer_readings(w.folded, w.stem) if x in first), None)
        if stem is not None:
            reread[what] = _reread_word(w.raw, w.lang, w.joined, stem)
    if not reread:
        return dict(segmented)
    changed = {w for w in every if (w.raw, w.lang, w.joined) in reread}
    out = {}
    for path, segments in segmented.items():
        if any(not changed.isdisjoint(words) for words in segments):
            segments = [
                [reread.get((w.raw, w.lang, w.joined), w) for w in words] if not changed.isdisjoint(words) else words
                for words in segments
            ]
        out[path] = segments
    return out


def _segments(text: str, lang: str) -> list[list[Word]]:
    out = []
    if "." in text:
        text = _DOTTED.sub(_undotted, text)
    for seg in _SEGMENTS.split(text):
        words = []
        for chunk in seg.split():
            for raw, after_hyphen in _chunk_words(chunk):
                words.append(_word(raw, lang, after_hyphen and bool(words)))
        if words:
            out.append(words)
    return out


_DOTTED = re.compile(r"[\u0900-\u0aff]\S*\.\S*")


@functools.lru_cache(maxsize=50_000)
def _undotted_token(token: str) -> str:
    """A dotted token with initials or a title, written as English news writes the name: the
    initials run together, the dots neither end a sentence nor part words (ए.पी.जे. अब्दुल कलाम:
    एपीजे अब्दुल कलाम, APJ Abdul Kalam; सी.एल.रूवाला: सीएल रूवाला; डॉ. मनमोहन: डॉ मनमोहन).
    Any other token is returned as it is."""
    *head, end = token.split(".")
    if not head or not all(head):
        return token
    title = head[0] if fold(head[0]) in tables.triggers() else None
    letters = head[1:] if title else head
    if not all(tables.spell_acronym(p, minimum=1) for p in letters):
        return token
    if end and tables.spell_acronym(end, minimum=1):
        letters, end = letters + [end], ""
    if not letters and (not title or end):
        return token  # a title glued to a word by a dot is left alone
    return " ".join(filter(None, [title, "".join(letters), end]))


def _undotted(match: re.Match) -> str:
    return _undotted_token(match.group(0))


@functools.lru_cache(maxsize=200_000)
def _chunk_words(chunk: str) -> tuple[tuple[str, bool], ...]:
    """The words of one whitespace-separated chunk, split at hyphens, edges trimmed:
    (word, written after a hyphen); cached, chunks recur across sources."""
    out = []
    for n, raw in enumerate(_HYPHENS.split(chunk)):
        raw = _WORD_EDGE.sub("", raw)
        if raw:
            out.append((raw, n > 0))
    return tuple(out)


def _is_name_word(w: Word, continuing: bool = False) -> bool:
    if w.latin:
        return False
    stem = w.stem
    stop = tables.stopwords(w.lang)
    if continuing and w.joined and len(stem) >= 2:
        return True  # किम जोंग-उन, चोई सोन-हुई: उन and हुई are common words on their own
    if len(stem) < 2 or stem in stop or w.folded in stop:
        return False
    if stem in tables.triggers():
        return False
    return not any(c.isdigit() for c in stem)


MAX_SYLLABLE_WORD = 4  # letters of a one-syllable name word: किम, जोंग, मून, योंग, चोई


def _syllable_ends_name(taken: list[Word], words: list[Word], j: int) -> bool:
    """Whether word j, a function word that is also an East Asian name's syllable (उन, इन, हो),
    is the third syllable of the name ``taken`` (two short words, neither ended) ends: a
    postposition or the clause's end follows it (``names-syllable-words.tsv``)."""
    table = tables.syllable_words()
    if j >= len(words) or words[j].folded not in table["syllable"] or words[j].latin:
        return False
    if any(w.ended or w.latin or len(w.stem) > MAX_SYLLABLE_WORD for w in taken):
        return False
    return j + 1 == len(words) or words[j + 1].folded in table["after"]


def _after_person_title(words: list[Word], i: int) -> bool:
    """Whether word i follows a title that announces a person (डॉ, श्री)."""
    for j in range(max(0, i - 3), i):
        t = _trigger_at(words, j)
        if t and j + t[0] == i and t[1:] == ("person", "before"):
            return True
    return False


def _trigger_at(words: list[Word], i: int) -> tuple[int, str, str] | None:
    """(length, kind, position) of a role trigger starting at word i."""
    trig = tables.triggers()
    if words[i].folded not in _trigger_firsts() and words[i].stem not in _trigger_firsts():
        compound = _compound_trigger(words[i].folded)
        return (1,) + compound if compound else None
    for n in (3, 2, 1):
        if i + n > len(words):
            continue
        phrase = " ".join(w.folded for w in words[i : i + n])
        stem_phrase = " ".join([w.folded for w in words[i : i + n - 1]] + [words[i + n - 1].stem])
        for p in (phrase, stem_phrase):
            if p in trig:
                kind, pos = trig[p]
                return n, kind, pos
    # A Gujarati compound ending in a person title: વિદેશમંત્રી
    compound = _compound_trigger(words[i].folded)
    return (1,) + compound if compound else None


@functools.lru_cache(maxsize=1)
def _trigger_firsts() -> frozenset[str]:
    return frozenset(t.split()[0] for t in tables.triggers())


@functools.lru_cache(maxsize=200_000)
def _compound_trigger(folded: str) -> tuple[str, str] | None:
    """(kind, position) of the first one-word "before" trigger (in table order) that ends
    ``folded`` without being all of it; looked up by suffix length, not by a scan."""
    by_length = _compound_suffixes()
    best = None
    for length, suffixes in by_length.items():
        if length >= len(folded):
            continue
        hit = suffixes.get(folded[-length:])
        if hit is not None and (best is None or hit[0] < best[0]):
            best = hit
    return best[1] if best else None


@functools.lru_cache(maxsize=1)
def _compound_suffixes() -> dict[int, dict[str, tuple[int, tuple[str, str]]]]:
    out: dict[int, dict[str, tuple[int, tuple[str, str]]]] = {}
    weak = tables.weak_triggers()  # मनोवैज्ञानिक (psychological) ends in वैज्ञानिक
    for order, (t, (kind, pos)) in enumerate(tables.triggers().items()):
        if pos == "before" and " " not in t and len(t) >= 4 and t not in weak:
            out.setdefault(len(t), {}).setdefault(t, (order, (kind, pos)))
    return out


# Known-place evidence: the place must rank among the PLACE_TOP best-known (countries and
# cities by population), one of the romanizer's best spellings must reach it by the English
# conventions at a cost of at most PLACE_COST (meksiko -> mexico, not
# khana -> china), and the word must look foreign by at least FOREIGN_MIN log-odds: Indian
# and Gujarati words that happen to spell like a city (सागर Sagar, મળ્યો) are left to the
# other evidence.
# Places of fewer than MIN_PLACE_CONSONANTS consonants (Mali, Peru, China) are too easily
# spelled by a common word (मिली, केले, खाना): the lexicon carries the well-known ones.
PLACE_TOP = 2000
PLACE_COST = 1.5
FOREIGN_MIN = 1.0
MIN_PLACE_LETTERS = 4
MIN_PLACE_CONSONANTS = 3
PLACE_BEAM = 4


@functools.lru_cache(maxsize=200_000)
def _known_place(stem: str, gujarati: bool = False) -> str | None:
    """The well-known foreign place a (folded, Devanagari) word spells, if any (lower case);
    ``gujarati``: the word was written in Gujarati, whose ઝ may be a z (romanize.JH)."""
    m = _romanizer()
    if m is None or len(stem) < MIN_PLACE_LETTERS:
        return None
    seq = units(stem)
    if not seq:
        return None
    foreign = m.foreignness(seq)
    if foreign < FOREIGN_MIN:
        return None
    places = known_skeletons("place", PLACE_TOP)
    # Conventions never change a skeleton. First the table romanization's skeleton, j and g
    # taken as one (the model writes ज as either: Belgium): most words stop here, undecoded.
    if _table_skeleton(stem) not in _loose_places():
        return None
    # Then the model's best spelling alone (a tenth of the cost of the full beam).
    f = 1 / (1 + math.exp(-foreign))
    best = m.decode(seq, f, beam=1)
    # A candidate a cheap convention away from a top place (meksiko -> mexico) ...
    if best and any(_consonants(b) >= MIN_PLACE_CONSONANTS and skeleton(b) in places for b in best):
        candidates = m.decode(seq, f, beam=PLACE_BEAM)
        found = nearest_known(candidates, "place", PLACE_COST, PLACE_TOP) if candidates else None
        if found and _consonants(found) >= MIN_PLACE_CONSONANTS:  # not वारसो (heritage): Warsaw has two
            return found
    # ... or the romanizer's own answer, which the letter model and the known spellings
    # steer further than PLACE_COST allows (मैक्सिको: maiksiko -> Mexico).
    spelled = romanize(to_gujr(stem) if gujarati and JH in stem else stem, "place").lower()
    rank = known_names("place").get(spelled)
    if rank is not None and rank <= PLACE_TOP and _consonants(spelled) >= MIN_PLACE_CONSONANTS:
        return spelled
    return None


# Name pairs: a known given name followed by a known surname is a person (Indian names, by
# ``tables.indian_names``). Foreign pairs were tried (a foreign-looking first word romanizing
# onto a common known person name): on the unannotated dev sources about half of what they took
# were common words (लाख हैक्टेयर, हार्ट एटेक), so they are left out.


def _person_pair(words: list[Word], i: int, used: list[bool]) -> int:
    """Number of words (2 or 3) of a given name + surname starting at word i, else 0."""
    a, b = words[i], words[i + 1]
    given, surnames = tables.indian_names()
    if a.stem not in given:
        return 0  # most words stop here
    if used[i] or used[i + 1] or a.ended or a.joined or b.latin or b.joined:
        return 0
    if not _is_name_word(a) or not _is_name_word(b):
        return 0
    if b.stem in surnames:
        if _trigger_at(words, i) or _trigger_at(words, i + 1):
            return 0
        return 2
    # given, middle, surname: कनक चंद्र सूत
    if (
        b.stem in given
        and not b.ended
        and i + 2 < len(words)
        and not used[i + 2]
        and words[i + 2].stem in surnames
        and _is_name_word(words[i + 2])
        and not any(_trigger_at(words, j) for j in (i, i + 1, i + 2))
    ):
        return 3
    return 0


# Foreign given name + surname (see the module docstring, 5). Rank 2,000 is class 7 of
# nam_dict, a name common in its country (Kirsti); rarer given names are mostly false friends.
GIVEN_TOP = 2000
MIN_PAIR_UNITS = 3  # phonetic units per word, the final schwa included: टॉम, रीड


@functools.lru_cache(maxsize=200_000)
def _foreignness(stem: str) -> float | None:
    """The romanizer's log-odds that a word is a foreign name; None for words of fewer than
    MIN_PAIR_UNITS units, too short to judge (or without the model)."""
    m = _romanizer()
    seq = units(stem)
    return m.foreignness(seq) if m is not None and len(seq) >= MIN_PAIR_UNITS else None


def _foreign_word(stem: str) -> bool:
    odds = _foreignness(stem)
    return odds is not None and odds >= FOREIGN_MIN


def _foreign_pair(first: str, second: str) -> bool:
    """Whether two words look like a foreign name together: the evidence of both adds up
    (Thomas and Jordan alone look as Indian as foreign, थॉमस 0.25, जॉर्डन 0.11)."""
    a, b = _foreignness(first), _foreignness(second)
    return a is not None and b is not None and a + b >= FOREIGN_MIN


def _names_itself(word: Word) -> bool:
    """Whether a word after a weak trigger (प्रमुख) is a name by its own evidence: Latin
    letters or an acronym, a given name or surname of the Indian list, a foreign spelling,
    or a spelling the known person names have (मर्फ़ी Murphy; not भूकंप, earthquake)."""
    if word.latin or tables.spell_acronym(word.stem):
        return True
    given, surnames = tables.indian_names()
    if word.stem in given or word.stem in surnames or _foreign_word(word.stem):
        return True
    return _romanize(word.stem, "person").lower() in known_names("person")


@functools.lru_cache(maxsize=200_000)
def _known_given(stem: str) -> bool:
    """Whether a (folded, Devanagari) word spells a common foreign given name, not an Indian
    one (अटल: Indian pairs are ``_person_pair``'s) nor a well-known place (इंडिया गेट)."""
    if not _foreign_word(stem) or stem in tables.indian_names()[0] or stem in tables.place_affixes()["before"]:
        return False
    # The table romanization's skeleton first, as for places: most words stop here, undecoded.
    if _table_skeleton(stem) not in _loose_given():
        return False
    spelled = romanize(stem, "person").lower()
    rank = known_names("given").get(spelled)
    if rank is None or rank > GIVEN_TOP:
        return False
    # Nor a word that, read as a place, is a well-known one: चाइना is Chana as a person, China
    # as a place (चाइना डेली, China Daily).
    places = known_names("place")
    return all(places.get(p, PLACE_TOP + 1) > PLACE_TOP for p in (spelled, romanize(stem, "place").lower()))


@functools.lru_cache(maxsize=1)
def _loose_given() -> frozenset[str]:
    return frozenset(_loose(sk) for sk in known_skeletons("given", GIVEN_TOP))


def _pair_starts(words: list[Word], spans: list[_Span]) -> list[int]:
    """Where a candidate foreign person (a foreign-looking first word and another name word,
    foreign-looking together) starts in a segment, outside ``spans``; cheap tests only, the
    given name is checked once corroborated. Candidates may overlap (बैकबेंचर पीटर बोन: पीटर
    बोन; क्रिस लेस्ली नॉटिंघम): corroboration chooses."""
    covered = {x for sp in spans for x in range(sp.start, sp.start + len(sp.words))} if spans else ()
    starts = set()
    for i in range(len(words) - 1):
        a, b = words[i], words[i + 1]
        if not (
            a.latin or b.latin or a.ended or a.joined or b.joined or a.stem == b.stem
            or not _foreign_pair(a.stem, b.stem)
            or i in covered or i + 1 in covered
            or not _is_name_word(a) or not _is_name_word(b)
            or _trigger_at(words, i) or _trigger_at(words, i + 1)
            or not _foreign_word(a.stem)
        ):
            starts.add(i)
    return sorted(starts)


# Long and short i and u are one for comparing spellings across scripts (डस्टिन, ડસ્ટીન).
_VOWEL_LENGTH = str.maketrans("ीूईऊ", "िुइउ")
_LANG_BIT = {"hi": 1, "gu": 2}


def _corroborated_pairs(
    sources: Sequence[Source], segmented: Mapping[str, list[list[Word]]], evidence: Mapping[str, list[list[_Span]]]
) -> tuple[frozenset[str], frozenset[str]]:
    """Spellings of the foreign given name + surname pairs whose first word is a common given
    name: those that sources in both scripts write alike (folded, vowel length aside), and
    the others whose second word is a known surname. Spellings must agree, not only keys:
    मेरा आग्रह and મારો આગ્રહ (my request) share a key. Of two overlapping pairs both taken,
    the later one is the name, a surname ending it (स्टार पैट्रिक मिडलटन: Patrick Middleton):
    a pair is dropped when it is always so followed."""
    seen: dict[str, list] = {}  # loose spelling -> [script bits, spellings]
    # loose spelling -> the loose spellings of the pairs that start on its second word (None: none)
    followers: dict[str, set] = defaultdict(set)
    for src in sources:
        bit = _LANG_BIT.get(src.lang, 0)
        for words, spans in zip(segmented[src.path], evidence[src.path]):
            starts = _pair_starts(words, spans)
            loose = {i: (words[i].folded + " " + words[i + 1].stem) for i in starts}
            for i, spelling in loose.items():
                entry = seen.setdefault(spelling.translate(_VOWEL_LENGTH), [0, set()])
                entry[0] |= bit
                entry[1].add(spelling)
                after = loose.get(i + 1)
                followers[spelling.translate(_VOWEL_LENGTH)].add(after and after.translate(_VOWEL_LENGTH))
    taken: dict[str, str] = {}  # loose spelling -> "alike" or "surname"
    for loose_spelling, (bits, _) in seen.items():
        given, surname = loose_spelling.split()
        # The cheap skeleton tests first: each of the others romanizes a word.
        if bits == 3 and _known_given(given):
            taken[loose_spelling] = "alike"
        elif bits != 3 and _may_be_surname(surname) and _known_given(given) and _known_surname(surname):
            taken[loose_spelling] = "surname"
    alike, by_surname = set(), set()
    for loose_spelling, how in taken.items():
        if all(after in taken for after in followers[loose_spelling]):
            continue  # always the start of a longer name's later pair
        (alike if how == "alike" else by_surname).update(seen[loose_spelling][1])
    return frozenset(alike), frozenset(by_surname)


# A surname this common in the census and name lists (rank 10,000: Feinstein, Hamilton 103,
# Reed 55) after a common given name makes a person in one script alone. On the dev corpus the
# pairs it adds were names but for लडाई लड (a fight: "Larry Ladd") and चाइना डेली (China Daily,
# an organisation); rarer surnames, or none, took mostly common words (खाना चाहिये, पैतृक घर).
SURNAME_TOP = 10_000


@functools.lru_cache(maxsize=200_000)
def _known_surname(stem: str) -> bool:
    """Whether a (folded, Devanagari) word romanizes onto a known surname of rank SURNAME_TOP or
    better, and one better known as a surname than as a place (Washington, Hamilton; not
    Nottingham, London: क्रिस लेस्ली नॉटिंघम ईस्ट is not Leslie Nottingham)."""
    spelled = _romanize(stem, "person").lower()
    rank = known_names("surname").get(spelled)
    place_rank = known_names("place").get(spelled)
    return rank is not None and rank <= SURNAME_TOP and (place_rank is None or place_rank > rank)


@functools.lru_cache(maxsize=1)
def _loose_surnames() -> frozenset[str]:
    return frozenset(_loose(sk) for sk in known_skeletons("surname", SURNAME_TOP))


def _may_be_surname(stem: str) -> bool:
    """The cheap first test of ``_known_surname``: the table romanization's skeleton is a
    common surname's (conventions never change a skeleton)."""
    return _table_skeleton(stem) in _loose_surnames()


@functools.lru_cache(maxsize=200_000)
def _table_skeleton(stem: str) -> str:
    """The loose skeleton of a (folded) word's table romanization: the cheap first test of the
    known places, given names and surnames (conventions never change a skeleton)."""
    return _loose(skeleton(rule_word(stem)))


def _loose(skeleton_: str) -> str:
    return skeleton_.replace("j", "g")


@functools.lru_cache(maxsize=1)
def _loose_places() -> frozenset[str]:
    return frozenset(
        _loose(skeleton(w)) for w, rank in known_names("place").items()
        if rank <= PLACE_TOP and _consonants(w) >= MIN_PLACE_CONSONANTS
    )


def _consonants(latin: str) -> int:
    """Consonant letters of a Latin spelling, doubles once and h, w, y not counted: Nevada 3
    (its skeleton, nt, reads v as the vowel-like w), China 2."""
    return len(re.sub(r"(.)\1+", r"\1", re.sub(r"[^bcdfgjklmnpqrstvxz]", "", latin)))


class _Span:
    __slots__ = ("words", "kind", "evidence", "start")

    def __init__(self, words: list[Word], kind: str, evidence: str, start: int):
        self.words, self.kind, self.evidence = words, kind, evidence
        self.start = start  # index of the first word in its segment (words are shared objects)

    @property
    def spelling(self) -> str:
        """Folded spelling, case ending removed from the last word."""
        return " ".join([w.folded for w in self.words[:-1]] + [self.words[-1].stem])

    @property
    def surface(self) -> str:
        parts = [w.surface for w in self.words]
        return " ".join(parts)


_FIRSTS: dict[int, tuple[Lexicon, frozenset[str]]] = {}


def _lexicon_firsts(lexicon: Lexicon) -> frozenset[str]:
    """First words of the lexicon's spellings (folded), to skip most words at once."""
    cached = _FIRSTS.get(id(lexicon))
    if cached is None or cached[0] is not lexicon or len(cached[1]) == 0 and lexicon.by_spelling:
        cached = (lexicon, frozenset(k.split()[0] for k in lexicon.by_spelling if k))
        _FIRSTS[id(lexicon)] = cached
    return cached[1]


def _capitals(word: Word) -> bool:
    """A Latin word of two or more capital letters (KCNA, ARMED)."""
    return bool(word.latin) and len(word.surface) >= 2 and word.surface.isalpha() and word.surface.isupper()


def _evidence_spans(words: list[Word], lexicon: Lexicon) -> list[_Span]:
    """Spans found on direct evidence: lexicon, acronyms, role triggers."""
    spans: list[_Span] = []
    n = len(words)
    used = [False] * n
    # lexicon, longest first
    firsts = _lexicon_firsts(lexicon)
    for i in range(n):
        if words[i].folded not in firsts and words[i].stem not in firsts:
            continue
        for k in range(min(lexicon.max_words, n - i), 0, -1):
            if any(used[i : i + k]):
                continue
            sp = _Span(words[i : i + k], "", "lexicon", i)
            if words[i].latin and not words[i].surface[:1].isupper():
                continue  # gujarat-patrika.example is a URL, not Gujarat
            entry = lexicon.by_spelling.get(sp.spelling) or lexicon.by_spelling.get(
                " ".join(w.folded for w in sp.words)
            )
            if entry:
                sp.kind = entry.kind
                spans.append(sp)
                for j in range(i, i + k):
                    used[j] = True
                break
    # acronyms; a run of capitals is English words written in capitals (ARMED FORCES, WORLD
    # HEALTH DAY, PAPUA NEW GUINEA), not acronyms, but a hyphen makes one name (KSWB-TV)
    for i, w in enumerate(words):
        if used[i]:
            continue
        if (
            _capitals(w) and len(w.surface) <= 6
            and not (i > 0 and _capitals(words[i - 1]) and not w.joined)
            and not (i + 1 < n and _capitals(words[i + 1]) and not words[i + 1].joined)
        ):
            spans.append(_Span([w], "org", "acronym", i))
            used[i] = True
        elif (
            not w.latin and tables.spell_acronym(w.stem) and w.stem not in tables.stopwords(w.lang)
            and not _after_person_title(words, i)  # डॉ. ए.पी.जे. अब्दुल कलाम: initials, the title's
        ):
            spans.append(_Span([w], "org", "acronym", i))
            used[i] = True
    # role triggers
    i = 0
    while i < n:
        t = _trigger_at(words, i)
        if not t:
            i += 1
            continue
        length, kind, pos = t
        last = words[i + length - 1]
        if pos == "before" and (last.ended or last.stem != last.folded):
            pass  # प्रधानને, નેતાઓએ, प्रधानमंत्रीजी: the role word is declined or addressed, no name follows
        elif pos == "before":
            j, taken = i + length, []
            while j < n and len(taken) < MAX_NAME_WORDS and not used[j] and _is_name_word(words[j], bool(taken)):
                if _trigger_at(words, j):
                    break
                taken.append(words[j])
                j += 1
                if taken[-1].ended:
                    break
            given, surnames = tables.indian_names()
            complete = len(taken) == 3 and taken[0].stem in given and taken[1].stem in surnames
            if complete and taken[2].stem not in surnames:
                taken.pop()  # the name is complete: डॉ. सुरेन्द्र मिश्र बोल रहा हूँ, "Dr Surendra Mishra speaking"
            if len(taken) == 2 and _syllable_ends_name(taken, words, j):
                taken.append(words[j])  # किम जोंग उन ने कहा: उन ("those") is the name's third syllable
            weak = length == 1 and words[i].folded in tables.weak_triggers()
            # An initial alone (श्रीमान एस., the S of S. Sundar) names no one.
            initial_only = len(taken) == 1 and len(tables.spell_acronym(taken[0].stem, minimum=1) or "") == 1
            if taken and not initial_only and (not weak or _names_itself(taken[0])):
                spans.append(_Span(taken, kind, "weak trigger" if weak else "trigger", i + length))
                for x in range(i + length, i + length + len(taken)):
                    used[x] = True
        else:
            j, taken = i - 1, []
            while j >= 0 and len(taken) < 2 and not used[j] and _is_name_word(words[j]):
                if words[j].ended and taken:
                    break
                taken.insert(0, words[j])
                j -= 1
            if taken and not taken[-1].ended:
                spans.append(_Span(taken, kind, "suffix trigger", j + 1))
                for x in range(j + 1, i):
                    used[x] = True
        i += length
    # a given name followed by a surname
    i = 0
    while i < n - 1:
        length = _person_pair(words, i, used)
        if length:
            spans.append(_Span(words[i : i + length], "person", "pair", i))
            for x in range(i, i + length):
                used[x] = True
            i += length
        else:
            i += 1
    # known foreign places, with a word that makes a longer name of one (वेस्ट वर्जीनिया)
    affixes = tables.place_affixes()
    for i, w in enumerate(words):
        if (
            not used[i] and not w.latin and _is_name_word(w) and not _trigger_at(words, i)
            and _known_place(w.stem, w.lang == "gu")
        ):
            start, end = i, i + 1
            before = words[i - 1] if i > 0 else None
            if before is not None and not used[i - 1] and not before.ended and before.folded in affixes["before"]:
                start = i - 1
            if not w.ended and end < n and not used[end] and words[end].stem in affixes["after"]:
                end += 1
            spans.append(_Span(words[start:end], "place", "gazetteer", start))
            for x in range(start, end):
                used[x] = True
    # A person's title before a scheme's name (प्रधानमंत्री मुद्रा योजना) announces no person.
    programmes = tables.programme_words()
    for sp in spans:
        if sp.kind == "person" and len(sp.words) > 1 and {sp.words[-1].folded, sp.words[-1].stem} & programmes:
            sp.kind = "org"
    return spans


def _place_latin(folded: str) -> str | None:
    """The atlas's Latin form of a known place, alone or with the words that make a longer
    name of it (मैक्सिको सिटी -> Mexico City), if every word is one or the other."""
    parts = folded.split()
    affixes = tables.place_affixes()
    out = []
    for n, part in enumerate(parts):
        if n == 0 and len(parts) > 1 and part in affixes["before"]:
            out.append(affixes["before"][part])
        elif n == len(parts) - 1 and n > 0 and part in affixes["after"]:
            out.append(affixes["after"][part])
        elif place := _known_place(part):
            out.append(place.capitalize())  # as the atlas spells it: Denver, not Denwar
        else:
            return None
    return " ".join(out) or None


class FirstPass(NamedTuple):
    """What the names stage finds in one source on its own: its words cut into segments,
    and per segment the spans found on direct evidence (lexicon, acronyms, role words).
    Depends only on the source's language, title and text and on the lexicon, so the
    pipeline may keep it between builds (``cache.py``); never changed once made."""

    segments: list[list[Word]]
    evidence: list[list[_Span]]


def first_pass(source: Source, lexicon: Lexicon) -> FirstPass:
    segments: list[list[Word]] = []
    for para in ([source.title] if source.title else []) + list(source.text):
        segments.extend(_segments(para, source.lang))
    return FirstPass(segments, [_evidence_spans(words, lexicon) for words in segments])


def lexicon_fingerprint(lexicon: Lexicon) -> str:
    """What of the lexicon ``first_pass`` reads, as one string (part of its cache key)."""
    rows = sorted((s, e.latin, e.kind, e.hi, e.gu) for s, e in lexicon.by_spelling.items())
    return repr((lexicon.max_words, rows))


# A one-word name's key of fewer consonant classes than this (bn, m) is too common to join
# a full name by key alone.
MIN_MERGE_KEY = 3
# A spelling known only because a role word stood next to it (हर शहर "every city",
# प्रधानमंत्री जी, राष्ट्रपति पद "the president's post") is a common word when the sources
# write it far more often without one: a name has its title or role beside it a fair share
# of the times it is written (राष्ट्रपति पुतिन). Judged only on enough occurrences.
MIN_ANNOUNCED_SHARE = 0.05
MIN_OCCURRENCES_JUDGED = 20


_LONG_VOWELS = str.maketrans({"ई": "इ", "ऊ": "उ", "\u0940": "\u093f", "\u0942": "\u0941"})


@functools.lru_cache(maxsize=200_000)
def _short_vowels(folded: str) -> str:
    """A folded spelling with its long i and u made short."""
    return folded.translate(_LONG_VOWELS)


def _rarely_announced(
    hits: Mapping[str, Counter],
    pair_persons: frozenset[str],
    surname_pairs: frozenset[str],
    segmented: Mapping[str, list[list[Word]]],
) -> frozenset[str]:
    """Spellings whose only evidence is role words, beside too few of their occurrences; a
    weak role word (प्रमुख, वैज्ञानिक: as often adjectives) announces nothing here.  A
    spelling no title before it announces (only a word after it, or a weak role word) is
    judged by its first word too, wherever the sources write it: in न सिर्फ बागेश्वर ज़िले
    ("not only Bageshwar district") and प्रमुख भूमिका निभाई ("played a major role"), सिर्फ
    and भूमिका are written everywhere and announced almost nowhere.  (After a title, a
    common first word is a given name as often: मंत्री विकास यादव.)  A pair taken in one
    script for its known surname (``surname_pairs``, among ``pair_persons``) is judged by
    its second word: લાવી ("brought") is written everywhere, માર્ક લાવી ("brought marks") once."""
    announcing = ("trigger", "suffix trigger")
    judged = {
        s: by for s, by in hits.items()
        if not set(by) - {*announcing, "weak trigger", "known"} and s not in pair_persons
    }
    firsts = {s.split()[0] for s in judged if not judged[s]["trigger"]}
    seconds = {s.split()[-1] for s in surname_pairs}
    written: Counter = Counter()  # first words, by their folded spelling
    written_seconds: Counter = Counter()  # second words of surname pairs, by their stem
    for segments in segmented.values():
        for words in segments:
            for w in words:
                if w.folded in firsts:
                    written[w.folded] += 1
                if w.stem in seconds:
                    written_seconds[w.stem] += 1
    announced: Counter = Counter()
    for spelling, by in hits.items():
        announced[spelling.split()[0]] += sum(by[e] for e in announcing)
    out = set()
    for spelling, by in judged.items():
        total = sum(by[e] for e in (*announcing, "weak trigger", "known"))
        first = spelling.split()[0]
        if _rare_share(sum(by[e] for e in announcing), total) or (
            not by["trigger"] and _rare_share(announced[first], written[first])
        ):
            out.add(spelling)
    for spelling in surname_pairs:
        if _rare_share(sum(hits[spelling].values()), written_seconds[spelling.split()[-1]]):
            out.add(spelling)
    return frozenset(out)


def _rare_share(announced: int, total: int) -> bool:
    return total >= MIN_OCCURRENCES_JUDGED and announced < MIN_ANNOUNCED_SHARE * total


def find_names(
    sources: Sequence[Source],
    lexicon: Lexicon,
    first_passes: Mapping[str, FirstPass] | None = None,
    romanizer: Callable[[str, str | None], str] | None = None,
) -> tuple[dict[str, list[Mention]], dict[str, Entity]]:
    """Mentions per source path and entities by key (see the module docstring).
    ``first_passes`` (path -> ``first_pass``) and ``romanizer`` (a stand-in for ``romanize``)
    let the pipeline answer per-source work from its cache; the result is the same."""
    ordered = sorted(sources, key=lambda s: s.path)
    passes = {src.path: (first_passes or {}).get(src.path) or first_pass(src, lexicon) for src in ordered}
    segmented = _reread_endings({path: found.segments for path, found in passes.items()})

    # Pass 1: evidence.  Known spellings (folded) -> kind votes.
    known: dict[str, Counter] = defaultdict(Counter)
    evidence: dict[str, list[list[_Span]]] = {
        path: found.evidence if segmented[path] is found.segments
        else [
            spans if words is before else _evidence_spans(words, lexicon)
            for words, before, spans in zip(segmented[path], found.segments, found.evidence)
        ]
        for path, found in passes.items()
    }
    for src in ordered:
        for sp_list in evidence[src.path]:
            for sp in sp_list:
                if sp.evidence != "lexicon":
                    known[sp.spelling][sp.kind] += 1
    alike_pairs, surname_pairs = _corroborated_pairs(ordered, segmented, evidence)
    pair_persons = alike_pairs | surname_pairs
    for spelling in pair_persons:
        known[spelling]["person"] += 1
    max_known = max((len(s.split()) for s in known), default=1)
    # The same names with a long vowel for a short one (કિમ જોંગ ઊન, किम जोंग उन): the scripts'
    # spellings of foreign names disagree on vowel length more than on anything else. (A
    # known spelling's own first word is among ``short_vowel_firsts`` too.)
    by_short_vowels: dict[str, str] = {}
    for spelling in sorted(known):
        by_short_vowels.setdefault(_short_vowels(spelling), spelling)
    short_vowel_firsts = frozenset(s.split()[0] for s in by_short_vowels if s)
    # Multi-word spellings voted persons: only sequences starting with one of their first
    # words can be one (the rest of the 2-4 word sequences of a source need not be built).
    persons = [s.split() for s, votes in known.items() if len(s.split()) > 1 and _kind(votes) == "person"]
    person_firsts = frozenset(parts[0] for parts in persons)
    max_person = max((len(parts) for parts in persons), default=1)

    # Pass 2: match every source against lexicon + known spellings.
    per_source: dict[str, list[tuple[str, str, str]]] = {}  # path -> [(spelling, surface, lang)]
    kinds: dict[str, Counter] = defaultdict(Counter)
    hits: dict[str, Counter] = defaultdict(Counter)  # spelling -> evidence -> times matched
    lex_of: dict[str, object] = {}
    for src in ordered:
        found: list[tuple[str, str, str]] = []
        # Short forms, this source only: the first and last word of a multi-word person
        # name found here (किम after किम जोंग-उन, લાવરૉવે after સર્ગેઈ લાવરૉવ).
        short: set[str] = set()
        for sp_list in evidence[src.path]:
            for sp in sp_list:
                if sp.kind == "person" and len(sp.words) > 1:
                    short.update(w.stem for w in (sp.words[0], sp.words[-1]) if _is_name_word(w))
        for spelling in _spellings_in(segmented[src.path], person_firsts, max_person):
            votes = known.get(spelling)
            if votes and _kind(votes) == "person":
                parts = spelling.split()
                short.update((parts[0], parts[-1]))
        for words, spans in zip(segmented[src.path], evidence[src.path]):
            spans = list(spans)
            respelled: dict[int, str] = {}  # start of a span matched by _short_vowels -> the known spelling
            covered = set()
            for sp in spans:
                covered.update(range(sp.start, sp.start + len(sp.words)))
            n = len(words)
            i = 0
            while i < n:
                if i in covered:
                    i += 1
                    continue
                if (
                    words[i].stem not in short
                    and _short_vowels(words[i].folded) not in short_vowel_firsts
                    and _short_vowels(words[i].stem) not in short_vowel_firsts
                ):
                    i += 1
                    continue
                for k in range(min(max_known, n - i), 0, -1):
                    if any(x in covered for x in range(i, i + k)):
                        continue
                    sp = _Span(words[i : i + k], "", "known", i)
                    known_as = sp.spelling if sp.spelling in known else by_short_vowels.get(_short_vowels(sp.spelling))
                    hit = known_as is not None or (k == 1 and sp.spelling in short)
                    if hit and (k > 1 or _is_name_word(words[i]) or words[i].latin):
                        spans.append(sp)
                        covered.update(range(i, i + k))
                        if known_as and known_as != sp.spelling:
                            respelled[sp.start] = known_as
                        break
                i += 1
            for sp in spans:
                spelling = respelled.get(sp.start, sp.spelling) if sp.evidence == "known" else sp.spelling
                hits[spelling][sp.evidence] += 1
                entry = lexicon.by_spelling.get(spelling) if sp.evidence == "lexicon" else None
                if entry is None and sp.evidence == "lexicon":
                    entry = lexicon.by_spelling.get(" ".join(w.folded for w in sp.words))
                if entry is not None:
                    lex_of[spelling] = entry
                    kinds[spelling][entry.kind] += 100
                elif sp.kind:
                    kinds[spelling][sp.kind] += 1
                elif spelling in pair_persons:
                    kinds[spelling]["person"] += 1
                found.append((spelling, sp.surface, src.lang))
        per_source[src.path] = found
    common = _rarely_announced(hits, pair_persons, surname_pairs, segmented)
    if common:
        per_source = {path: [f for f in found if f[0] not in common] for path, found in per_source.items()}

    # Keys: lexicon entries key by their Latin form, other spellings by name_key. A key too
    # short to join names by (MIN_MERGE_KEY) that a lexicon entry holds is that entry's own
    # spellings' only: सीहोर (Sehore) keys like Syria, किन्हाई (Qinghai) like Kenya, and stays
    # itself.
    lexicon_keys = frozenset(entry.key for entry in lexicon.entries)

    def key_of(spelling: str) -> str:
        entry = lex_of.get(spelling)
        if entry is not None:
            return entry.key
        key = _acronym_key(spelling) or name_key(spelling)
        return f"{key}|{spelling}" if len(key) < MIN_MERGE_KEY and key in lexicon_keys else key

    # Short forms: one word of a multi-word person name in the same source.
    mentions: dict[str, list[Mention]] = {}
    surfaces: dict[str, Counter] = defaultdict(Counter)  # key -> (lang, surface) counts
    kind_votes: dict[str, Counter] = defaultdict(Counter)
    short_votes: dict[str, Counter] = defaultdict(Counter)  # key -> (lang, stem) of its short-form mentions
    latin_lex: dict[str, object] = {}
    for src in ordered:
        found = per_source[src.path]
        full: dict[str, set[str]] = defaultdict(set)  # single word -> keys of multi-word persons
        for spelling, _, _ in found:
            parts = spelling.split()
            if len(parts) > 1 and _kind(kinds[spelling]) == "person":
                for part in (parts[0], parts[-1]):
                    full[part].add(key_of(spelling))
        counts: Counter = Counter()
        best_surface: dict[str, Counter] = defaultdict(Counter)
        for spelling, surface, lang in found:
            key = key_of(spelling)
            if " " not in spelling and len(full.get(spelling, ())) == 1 and spelling not in lex_of:
                key = next(iter(full[spelling]))
                short_votes[key][(lang, spelling)] += 1
            else:
                surfaces[key][(lang if not surface.isascii() else "latin", surface)] += 1
                kind_votes[key].update(kinds[spelling])
            if spelling in lex_of:
                latin_lex[key] = lex_of[spelling]
            counts[key] += 1
            best_surface[key][surface] += 1
        mentions[src.path] = []
        for key, c in counts.items():
            surface = sorted(best_surface[key].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
            mentions[src.path].append(Mention(key, surface, "", c))

    # Single-word entities that are the last (or first) word of exactly one multi-word person
    # merge into it: anywhere when the word's key is distinctive (पुतिन joins व्लादिमीर पुतिन),
    # only where a source names both when it is short (बोन, key bn, is not बेन क्रेनशो's Ben).
    paths_of: dict[str, set[str]] = defaultdict(set)
    for path, ms in mentions.items():
        for m in ms:
            paths_of[m.key].add(path)
    multi = [k for k in surfaces if _kind(kind_votes[k]) == "person" and any(" " in s for (_, s) in surfaces[k])]
    part_index: dict[str, set[str]] = defaultdict(set)
    for k in multi:
        for (_, s) in surfaces[k]:
            words = s.replace("-", " ").split()
            if len(words) > 1:
                for w in (words[0], words[-1]):
                    part_index[_acronym_key(w) or name_key(w)].add(k)
    merge: dict[str, str] = {}
    for k in list(surfaces):
        if k in latin_lex or all(" " in s for (_, s) in surfaces[k]):
            continue
        targets = part_index.get(k, set()) - {k}
        if len(targets) == 1 and _kind(kind_votes[k]) in ("person", ""):
            target = next(iter(targets))
            if len(k) >= MIN_MERGE_KEY or paths_of[k] & paths_of[target]:
                merge[k] = target
    for k, t in sorted(merge.items()):
        surfaces[t].update(surfaces.pop(k))
        kind_votes[t].update(kind_votes.pop(k))

    def entity(key: str) -> Entity:
        return _entity(
            key, surfaces[key], _kind(kind_votes[key]) or "person", latin_lex.get(key), short_votes.get(key),
            romanizer or romanize,
        )

    entities: dict[str, Entity] = {key: entity(key) for key in sorted(surfaces)}
    # One page per name, whatever the keys: a name written only with the honorific जी glued on
    # where the sources also write it bare (करिया मुंडाजी, करिया मुंडा), then entities of a kind
    # whose Latin forms agree (डेनवर / डेन्वर, keys dnvr / dnr, are both Denver).
    same_name: dict[str, str] = {}
    for find in (_honorific_forms, _same_latin):
        found = find(entities, surfaces, latin_lex)
        for k, t in sorted(found.items()):
            surfaces[t].update(surfaces.pop(k))
            kind_votes[t].update(kind_votes.pop(k))
            if k in short_votes:
                short_votes.setdefault(t, Counter()).update(short_votes.pop(k))
            del entities[k]
        for t in sorted(set(found.values())):
            entities[t] = entity(t)
        same_name = {k: found.get(t, t) for k, t in same_name.items()} | found

    out: dict[str, list[Mention]] = {}
    for path, ms in mentions.items():
        merged: Counter = Counter()
        surf: dict[str, str] = {}
        for m in ms:
            key = merge.get(m.key, m.key)
            key = same_name.get(key, key)
            merged[key] += m.count
            surf.setdefault(key, m.surface)
        out[path] = sorted(
            (Mention(k, surf[k], entities[k].kind, c) for k, c in merged.items() if k in entities),
            key=lambda m: (-m.count, m.key),
        )
    return out, entities


def _honorific_forms(
    entities: Mapping[str, Entity], surfaces: Mapping[str, Counter], latin_lex: Mapping
) -> dict[str, str]:
    """Key -> the key of the entity it joins: an entity every spelling of which ends in a glued
    जी / જી that the stem keeps (after ा: मुंडाजी, as in बालाजी), when the sources write the
    spellings bare as another entity of its kind (करिया मुंडा)."""
    by_spelling: dict[str, str] = {}
    for key in sorted(entities):
        for lang, spelling in surfaces[key]:
            if lang != "latin":
                by_spelling.setdefault(fold(spelling), key)
    out = {}
    for key in sorted(entities):
        spellings = {fold(s) for lang, s in surfaces[key] if lang != "latin"}
        if key in latin_lex or not spellings or not all(s.endswith(HONORIFIC) for s in spellings):
            continue
        targets = {by_spelling.get(s[: -len(HONORIFIC)]) for s in spellings}
        target = next(iter(targets))
        if len(targets) == 1 and target not in (None, key) and entities[target].kind == entities[key].kind:
            out[key] = target
    return out


def _same_latin(
    entities: Mapping[str, Entity], surfaces: Mapping[str, Counter], latin_lex: Mapping
) -> dict[str, str]:
    """Key -> the key of the entity it joins: of the entities of one kind whose Latin forms
    agree (case aside), a lexicon entry's, else the most mentioned one's (ties: the smallest key)."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, e in entities.items():
        groups[(e.kind, e.latin.casefold())].append(key)
    out = {}
    for keys in groups.values():
        if len(keys) > 1:
            keys.sort(key=lambda k: (k not in latin_lex, -sum(surfaces[k].values()), k))
            out.update({k: keys[0] for k in keys[1:]})
    return out


def _spellings_in(
    segments: list[list[Word]], firsts: frozenset[str] | None = None, longest: int = 4
) -> set[str]:
    """Every 2-4 word folded sequence of a source (stems at the end), to spot known full names;
    with ``firsts``, only the sequences starting with one of those words and at most
    ``longest`` words long."""
    out = set()
    longest = min(4, longest)
    for words in segments:
        for i in range(len(words)):
            if firsts is not None and words[i].folded not in firsts:
                continue
            for k in range(2, min(longest, len(words) - i) + 1):
                out.add(" ".join([w.folded for w in words[i : i + k - 1]] + [words[i + k - 1].stem]))
    return out


def _acronym_key(spelling: str) -> str | None:
    if " " in spelling:
        return None
    if spelling.isascii() and spelling.isalpha() and 2 <= len(spelling) <= 6:
        return spelling.upper()
    return tables.spell_acronym(spelling)


def _kind(votes: Counter) -> str:
    if not votes:
        return ""
    return sorted(votes.items(), key=lambda kv: (-kv[1], ("person", "place", "org").index(kv[0])))[0][0]


def _top(counter: Counter, lang: str) -> list[str]:
    items = [(s, c) for (l, s), c in counter.items() if l == lang]
    return [s for s, _ in sorted(items, key=lambda sc: (-sc[1], -len(sc[0]), sc[0]))]


def _support(surface: str, lang: str, surfaces: Counter, short_votes: Counter) -> int:
    """Mentions that spell a full name this way: its own, and the short forms and one-word
    spellings (चोए alone) written like one of its words."""
    stems = {_word(w, lang, False).stem for w in surface.replace("-", " ").split()}
    alone = sum(c for (l, s), c in surfaces.items() if l == lang and " " not in s and _word(s, lang, False).stem in stems)
    return surfaces[(lang, surface)] + alone + sum(c for (l, w), c in short_votes.items() if l == lang and w in stems)


def _bare(spelling: str, written: set[str]) -> str:
    """``spelling`` without the honorific glued to its last word, if one of ``written`` (the
    folded spellings of the same entity, which share its key) goes without."""
    if spelling[-2:] in ("जी", "જી") and any(not w.endswith(HONORIFIC) for w in written):
        return spelling[:-2]
    return spelling


def _length(spelling: str) -> int:
    """Words in a spelling, hyphenated parts counted apart (किम जोंग-उन: 3)."""
    return len(spelling.replace("-", " ").split())


def _best_romanization(spellings: list[str], kind: str, romanize: Callable[[str, str | None], str]) -> str:
    """The romanization of the first spelling (Hindi before Gujarati), unless it is no known
    name and the other script's spelling romanizes to one of as many words: म्यूयेलर gives
    Myuyelar, મુલર Muller. The other is romanized only then: romanizing is the costly step."""
    first = romanize(spellings[0], kind)
    if len(spellings) < 2 or _is_known_latin(first, kind):
        return first
    other = romanize(spellings[1], kind)
    same_length = len(other.split()) == len(first.split())  # not a short or longer form
    return other if same_length and _is_known_latin(other, kind) else first


def _is_known_latin(latin: str, kind: str) -> bool:
    """Whether every word of a Latin form is a known spelling of a name of ``kind``."""
    known = known_names(kind if kind in ("person", "place") else None)
    words = latin.lower().split()
    return bool(words) and all(w in known for w in words)


def _entity(
    key: str, surfaces: Counter, kind: str, entry, short_votes: Counter | None = None,
    romanize: Callable[[str, str | None], str] = romanize,
) -> Entity:
    hi, gu, latin = _top(surfaces, "hi"), _top(surfaces, "gu"), _top(surfaces, "latin")
    short_votes = short_votes or Counter()

    # Display the fullest form: a short form (किम) never names the entity when the full one is
    # known; among full forms, the one whose words the sources write most (short forms count).
    def fullest(xs, lang):
        return sorted(
            xs,
            key=lambda s: (-len(s.replace("-", " ").split()), -_support(s, lang, surfaces, short_votes), xs.index(s)),
        )

    hi, gu = fullest(hi, "hi"), fullest(gu, "gu")
    # A glued honorific is left off where the entity is also written without it: the Gujarati
    # source's અબ્દુલ કલામજી shows as અબ્દુલ કલામ, like the Hindi अब्दुल कलाम (मोरारजी, never
    # written without, keeps it).
    written = {fold(s) for s in hi + gu}
    hi, gu = [_bare(s, written) for s in hi], [_bare(s, written) for s in gu]
    if entry is not None:
        lat, deva, gujr, kind = entry.latin, entry.deva, entry.gujr, entry.kind
    else:
        # A script whose spellings are all shorter than the other's fullest (a short form
        # merged in: डेविस into ગુરુ નાનક દેવજી) shows the other's, transliterated.
        if hi and gu and _length(gu[0]) > _length(hi[0]):
            hi = [to_deva(gu[0])]
        elif hi and gu and _length(hi[0]) > _length(gu[0]):
            gu = [to_gujr(hi[0])]
        deva = hi[0] if hi else to_deva(gu[0]) if gu else ""
        gujr = gu[0] if gu else to_gujr(hi[0]) if hi else ""
        acr = _acronym_key(fold(deva) or (latin[0] if latin else ""))
        if acr and acr == key:
            lat = acr
        elif kind == "place" and (place := _place_latin(fold(deva))):
            lat = place
        elif hi or gu:
            lat = _best_romanization(hi[:1] + gu[:1], kind, romanize)
        else:
            lat = latin[0]
        if not deva and latin:
            deva = tables.acronym_to_deva(latin[0]) or latin_to_deva(latin[0])
            gujr = to_gujr(deva) if deva else ""
    spellings = {
        "hi": sorted({sp for (lang, sp) in surfaces if lang == "hi"}),
        "gu": sorted({sp for (lang, sp) in surfaces if lang == "gu"}),
        "latin": sorted(set(latin) | {lat}),
    }
    return Entity(key=key, latin=lat, hi=deva, gu=gujr, kind=kind, spellings=spellings)


# ---------------------------------------------------------------- the missing script

_GU_FROM_NUKTA = {"ज़": "ઝ", "फ़": "ફ", "क़": "ક", "ख़": "ખ", "ग़": "ગ", "ड़": "ડ", "ढ़": "ઢ", "य़": "ય"}


def to_gujr(deva: str) -> str:
    """A Gujarati spelling for a name seen only in Devanagari (ज़ -> ઝ, no nukta in Gujarati)."""
    import unicodedata

    text = unicodedata.normalize("NFC", deva)
    for a, b in _GU_FROM_NUKTA.items():
        text = text.replace(unicodedata.normalize("NFC", a), b)
    text = text.replace("\u093c", "")
    return devanagari_to_gujarati(text)


def to_deva(gujr: str) -> str:
    """A Devanagari spelling for a name seen only in Gujarati (ળ -> ल)."""
    text = gujarati_to_devanagari(gujr.replace("ળ", "લ"))
    return text

// Search keys: the browser half of plugins/sangam/search.py. Keep the two identical
// (tests/test_search_browser.py compares them word by word).
// A key is a phonetic skeleton in Devanagari letters: Gujarati -> Devanagari, vowel signs,
// virama, nukta dropped, nasals as one letter, aspirate/retroflex/sibilant variants folded,
// doubled consonants written once. Latin words are first written in Devanagari by rule.

const KEY = new Map();
const set = (chars, value) => { for (const c of chars) KEY.set(c.codePointAt(0), value); };
for (let cp = 0x093a; cp < 0x0950; cp++) KEY.set(cp, "");
for (let cp = 0x0951; cp < 0x0958; cp++) KEY.set(cp, "");
for (const cp of [0x0903, 0x0962, 0x0963, 0x093d]) KEY.set(cp, "");
set("\u0901\u0902", "न");
set("ऄअआॲ", "अ");
set("इईऍऎएऐ", "इ");
set("उऊऑऒओऔ", "उ");
set("ऋॠ", "र");
set("ऌॡ", "ल");
set("कख\u0958\u0959", "क");
set("गघ\u095a", "ग");
set("ङञणनऩ", "न");
set("चछ", "च");
set("जझ\u095b", "ज");
set("टठतथ", "त");
set("डढदध\u095c\u095d", "द");
set("पफ\u095e", "प");
set("बभ", "ब");
set("म", "म");
set("य\u095f", "य");
set("रऱ", "र");
set("लळऴ", "ल");
set("व", "व");
set("शषस", "स");
set("ह", "ह");
for (let i = 0; i < 10; i++) KEY.set(0x0966 + i, String(i));
KEY.set(0x093c, ""); // nukta

const NASALS = new Set("ङञणनम");
const VIRAMA = "\u094d";
const CONSONANT = /^[\u0915-\u0939\u0958-\u095f]$/;

function indicKey(text) {
  const chars = [];
  for (const c of text) {
    let cp = c.codePointAt(0);
    if (cp >= 0x0a80 && cp <= 0x0aff) cp -= 0x180;
    chars.push(String.fromCodePoint(cp));
  }
  const out = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const before = i ? chars[i - 1] : "";
    const beforeCp = before ? before.codePointAt(0) : 0;
    let value;
    if (NASALS.has(c) && i + 2 < chars.length && chars[i + 1] === VIRAMA && CONSONANT.test(chars[i + 2])) {
      value = "न";
    } else if (c === "य" && i === chars.length - 1 && beforeCp >= 0x093e && beforeCp <= 0x094c) {
      value = "इ";
    } else {
      value = KEY.get(c.codePointAt(0));
      if (value === undefined) value = "";
    }
    // A doubled consonant (X + virama + X, or anusvara + nasal) is written once.
    if (value && out.length && value === out[out.length - 1] && (before === VIRAMA || before === "\u0901" || before === "\u0902")) continue;
    if (value) out.push(value);
  }
  return out.join("");
}

const LATIN_CONSONANTS = {
  chh: "छ", sch: "श", tch: "च",
  kh: "ख", gh: "घ", ch: "च", jh: "झ", th: "थ", dh: "ध", ph: "फ", bh: "भ",
  sh: "श", zh: "ज", ck: "क", qu: "कव",
  b: "ब", c: "क", d: "द", f: "फ", g: "ग", h: "ह", j: "ज", k: "क", l: "ल",
  m: "म", n: "न", p: "प", q: "क", r: "र", s: "स", t: "त", v: "व", w: "व",
  x: "कस", y: "य", z: "ज",
};
const LATIN_VOWELS = { aa: "आ", ee: "ई", oo: "ऊ", a: "अ", e: "ए", i: "इ", o: "ओ", u: "उ" };
const VOWEL_LETTERS = new Set("aeiou");
const LETTER_NAMES = {
  a: "ए", b: "बी", c: "सी", d: "डी", e: "ई", f: "एफ", g: "जी", h: "एच", i: "आई",
  j: "जे", k: "के", l: "एल", m: "एम", n: "एन", o: "ओ", p: "पी", q: "क्यू", r: "आर",
  s: "एस", t: "टी", u: "यू", v: "वी", w: "डब्ल्यू", x: "एक्स", y: "वाई", z: "जेड",
};
const MARK = "\u0001";
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

export function latinToDevanagari(word) {
  const w = word.toLowerCase();
  const out = [];
  let i = 0;
  let prev = "start";
  while (i < w.length) {
    if (w[i] === "y" && prev === "vowel" && (i + 1 === w.length || !VOWEL_LETTERS.has(w[i + 1]))) {
      out.push("इ");
      i += 1;
      continue;
    }
    if (w[i] === "y" && prev === "consonant" && i + 1 === w.length) {
      out.push(MARK);
      prev = "vowel";
      i += 1;
      continue;
    }
    let size = 0;
    for (const s of [3, 2, 1]) {
      const chunk = w.slice(i, i + s);
      if (chunk.length < s) continue;
      if (has(LATIN_VOWELS, chunk)) {
        out.push(prev === "consonant" ? MARK : LATIN_VOWELS[chunk]);
        prev = "vowel";
        size = s;
        break;
      }
      if (has(LATIN_CONSONANTS, chunk)) {
        if (prev === "consonant") out.push(VIRAMA);
        let letter = LATIN_CONSONANTS[chunk];
        if (chunk === "c" && ["e", "i", "y"].includes(w.slice(i + 1, i + 2))) letter = "स";
        const nxt = w.slice(i + s, i + s + 1);
        if ((chunk === "n" || chunk === "m") && prev === "vowel" && nxt && !VOWEL_LETTERS.has(nxt) && nxt !== "y") {
          letter = "\u0902";
        }
        out.push(letter);
        prev = letter === "\u0902" ? "nasal" : "consonant";
        size = s;
        break;
      }
    }
    if (!size) {
      out.push(/[0-9]/.test(w[i]) ? w[i] : "");
      prev = "start";
      size = 1;
    }
    i += size;
  }
  return out.join("").split(MARK).join("");
}

const ONSETS = new Set(
  "sh ch th kh ph bh gh dh jh zh tr pr br kr gr dr st sp sk sm sn sl sw pl bl kl gl fl fr py ky my ny tw kw dw vl sv sc sr wr".split(" ")
);

function isAcronym(run) {
  const lower = run.toLowerCase();
  if (lower.length < 2 || lower.length > 5) return false;
  if (!/[aeiouy]/.test(lower)) return true;
  return !"aeiouy".includes(lower[0]) && !"aeiouy".includes(lower[1]) && !ONSETS.has(lower.slice(0, 2));
}

function latinVariants(run) {
  const spelled = [...run.toLowerCase()].map((c) => LETTER_NAMES[c] || "").join("");
  const plain = latinToDevanagari(run);
  return isAcronym(run) ? [spelled, plain] : [plain];
}

const RUN = /[A-Za-z]+|[0-9]+|[^A-Za-z0-9]+/g;
const ZERO_WIDTH = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;

export function keyVariants(word) {
  let text = word.normalize("NFC").replace(ZERO_WIDTH, "");
  text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  let keys = [""];
  for (const run of text.match(RUN) || []) {
    let options;
    if (/^[A-Za-z]+$/.test(run)) options = latinVariants(run).map(indicKey);
    else if (/^[0-9]+$/.test(run)) options = [run];
    else options = [indicKey(run)];
    const next = [];
    for (const k of keys) for (const o of options) next.push(k + o);
    keys = next.slice(0, 4);
  }
  const out = [];
  for (const k of keys) {
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

const WORD = /[\p{L}\p{N}_\u0900-\u097f\u0a80-\u0aff\u200c\u200d]+/gu;

export function words(text) {
  return (text || "").normalize("NFC").match(WORD) || [];
}

export function searchKey(word) {
  const v = keyVariants(word);
  return v.length ? v[0] : "";
}

export function searchKeys(text) {
  const out = [];
  for (const w of words(text)) out.push(...keyVariants(w));
  return out.join(" ");
}

// The keyed queries to run for one typed query: every word's variants combined (at most 4 queries).
export function queryVariants(text) {
  let queries = [[]];
  for (const w of words(text)) {
    const variants = keyVariants(w);
    if (!variants.length) continue;
    const next = [];
    for (const q of queries) for (const v of variants) next.push([...q, v]);
    queries = next.slice(0, 4);
  }
  return queries.filter((q) => q.length).map((q) => q.join(" "));
}

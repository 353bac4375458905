/* Sangam: interface language and script switches (progressive enhancement; deferred).
 * The page is complete without this file. Choices are remembered in localStorage and
 * applied before the first paint by the small inline script in <head>.
 * The script switch TRANSLITERATES source text (letters only, the words stay Hindi or
 * Gujarati); it never translates. Gujarati and Devanagari are laid out in parallel
 * (offset 0x180); Latin is a simplified IAST with word-final schwa dropped. */
(function () {
  "use strict";
  var root = document.documentElement, UI = "sangam-ui", SCRIPT = "sangam-script";
  function load(k) { try { return localStorage.getItem(k); } catch (e) { return null; } }
  function save(k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode: not remembered */ } }

  // Gujarati code points that exist (so a Devanagari letter maps only onto an assigned twin).
  var GU = [[0xA81, 0xA83], [0xA85, 0xA8D], [0xA8F, 0xA91], [0xA93, 0xAA8], [0xAAA, 0xAB0], [0xAB2, 0xAB3],
    [0xAB5, 0xAB9], [0xABC, 0xAC5], [0xAC7, 0xAC9], [0xACB, 0xACD], [0xAD0, 0xAD0], [0xAE0, 0xAE3], [0xAE6, 0xAF0]];
  function isGu(cp) { for (var i = 0; i < GU.length; i++) if (cp >= GU[i][0] && cp <= GU[i][1]) return true; return false; }
  function mapChars(s, f) { var o = ""; for (var i = 0; i < s.length; i++) o += f(s.charCodeAt(i), s[i]); return o; }
  function toDeva(s) { return mapChars(s.normalize("NFD"), function (cp, ch) { return isGu(cp) ? String.fromCharCode(cp - 0x180) : ch; }); }
  function toGujr(s) {
    return mapChars(s.normalize("NFD"), function (cp, ch) {
      return cp >= 0x900 && cp <= 0x97F && isGu(cp + 0x180) ? String.fromCharCode(cp + 0x180) : ch;
    }).normalize("NFC");
  }
  var V = { "अ": "a", "आ": "ā", "इ": "i", "ई": "ī", "उ": "u", "ऊ": "ū", "ऋ": "ṛ", "ए": "e", "ऐ": "ai", "ओ": "o", "औ": "au", "ऑ": "ŏ", "ऍ": "ê", "ॐ": "om" };
  var M = { "ा": "ā", "ि": "i", "ी": "ī", "ु": "u", "ू": "ū", "ृ": "ṛ", "े": "e", "ै": "ai", "ो": "o", "ौ": "au", "ॉ": "ŏ", "ॅ": "ê", "ॄ": "ṝ" };
  var C = { "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "ṅ", "च": "c", "छ": "ch", "ज": "j", "झ": "jh", "ञ": "ñ",
    "ट": "ṭ", "ठ": "ṭh", "ड": "ḍ", "ढ": "ḍh", "ण": "ṇ", "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
    "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r", "ल": "l", "ळ": "ḷ", "व": "v",
    "श": "ś", "ष": "ṣ", "स": "s", "ह": "h" };
  var NUKTA = { "क": "q", "ख": "x", "ग": "ġ", "ज": "z", "ड": "ṛ", "ढ": "ṛh", "फ": "f", "य": "ẏ" };
  var LABIAL = /^(p|ph|b|bh|m)$/;
  function toLatn(s) {
    s = toDeva(s);
    var out = "", word = [], i, c, n;
    function flush() {
      // Drop the inherent vowel at the end of a word of two or more syllables (Hindi/Gujarati speech).
      var vowels = 0;
      for (var k = 0; k < word.length; k++) if (word[k].v) vowels++;
      var last = word[word.length - 1];
      if (last && last.schwa && vowels > 1) last.t = last.t.slice(0, -1);
      for (k = 0; k < word.length; k++) {
        if (word[k].anus) { var nx = word[k + 1]; word[k].t = nx && LABIAL.test(nx.c || "") ? "m" : "n"; }
        out += word[k].t;
      }
      word = [];
    }
    for (i = 0; i < s.length; i++) {
      c = s[i]; n = s[i + 1];
      if (C[c]) {
        var base = C[c];
        if (n === "़") { base = NUKTA[c] || base; i++; n = s[i + 1]; }
        if (n === "्") { word.push({ t: base, c: base }); i++; }
        else if (M[n]) { word.push({ t: base + M[n], c: base, v: 1 }); i++; }
        else word.push({ t: base + "a", c: base, v: 1, schwa: 1 });
      } else if (V[c]) word.push({ t: V[c], v: 1 });
      else if (c === "ं" || c === "ँ") word.push({ t: "n", anus: 1 });
      else if (c === "ः") word.push({ t: "ḥ" });
      else if (c === "़" || c === "्" || c === "\u200c" || c === "\u200d") { /* marks without a letter */ }
      else if (c >= "०" && c <= "९") { flush(); out += String.fromCharCode(c.charCodeAt(0) - 0x966 + 48); }
      else if (c === "।" || c === "॥") { flush(); out += "."; }
      else if (M[c]) word.push({ t: M[c], v: 1 });
      else { flush(); out += c; }
    }
    flush();
    return out;
  }
  var CONVERT = { deva: toDeva, gujr: toGujr, latn: toLatn };
  var SUBTAG = { deva: "Deva", gujr: "Gujr", latn: "Latn" };
  var NATIVE = { hi: "deva", gu: "gujr" };

  var originals = new WeakMap();
  function textNodes(el) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), nodes = [], n;
    while ((n = walker.nextNode())) nodes.push(n);
    return nodes;
  }
  function transliterate(script) {
    var els = document.querySelectorAll("[data-tr]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i], state = originals.get(el);
      if (!state) {
        var owner = el.closest("[lang]");
        state = { lang: el.getAttribute("data-lang") || (owner ? owner.getAttribute("lang") : "") || "", had: el.hasAttribute("lang"), nodes: textNodes(el) };
        state.texts = state.nodes.map(function (t) { return t.nodeValue; });
        originals.set(el, state);
      }
      var base = state.lang.split("-")[0];
      var convert = script !== "orig" && NATIVE[base] !== script ? CONVERT[script] : null;
      for (var k = 0; k < state.nodes.length; k++) state.nodes[k].nodeValue = convert ? convert(state.texts[k]) : state.texts[k];
      if (convert) { el.setAttribute("lang", base + "-" + SUBTAG[script]); el.setAttribute("data-transliterated", ""); }
      else {
        if (state.had) el.setAttribute("lang", state.lang); else el.removeAttribute("lang");
        el.removeAttribute("data-transliterated");
      }
    }
  }
  function press(attr, value) {
    var buttons = document.querySelectorAll("[" + attr + "]");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute(attr) === value));
  }
  function setUI(lang, remember) {
    root.setAttribute("data-ui", lang);
    press("data-set-ui", lang);
    if (remember) save(UI, lang);
  }
  function setScript(script, remember) {
    if (!CONVERT[script]) script = "orig";
    root.setAttribute("data-script", script);
    press("data-set-script", script);
    transliterate(script);
    if (remember) save(SCRIPT, script);
  }
  var switches = document.querySelector(".switches");
  if (switches) {
    switches.hidden = false;
    switches.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b) return;
      if (b.hasAttribute("data-set-ui")) setUI(b.getAttribute("data-set-ui"), true);
      if (b.hasAttribute("data-set-script")) setScript(b.getAttribute("data-set-script"), true);
    });
  }
  var ui = load(UI);
  if (ui === "hi" || ui === "gu") setUI(ui, false);
  setScript(load(SCRIPT) || "orig", false);
  window.sangamTransliterate = { deva: toDeva, gujr: toGujr, latn: toLatn };
})();

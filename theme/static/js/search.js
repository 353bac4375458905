// Search page: query from the box or the URL (search.html?q=...), folded to cross-script keys
// (search-key.js), searched with the Pagefind bundle written by the build, results rendered here.
// Everything is loaded relative to the page, so the site works under a sub-path and offline.
import { queryVariants, keyVariants, words } from "./search-key.js";

const MAX_RESULTS = 10;
const MAX_NAMES = 5;
const KEYS_MARKER = "zzsangamkeys";
const TEXT = {
  hi: {
    searching: "खोज रहे हैं…", none: "कुछ नहीं मिला", results: (n) => `${n} परिणाम`, sources: (n) => `${n} स्रोत`,
    name: "नाम", events: (n) => `${n} घटनाएँ`, undated: "तारीख अज्ञात", failed: "खोज लोड नहीं हुई",
  },
  gu: {
    searching: "શોધી રહ્યા છીએ…", none: "કંઈ મળ્યું નહીં", results: (n) => `${n} પરિણામ`, sources: (n) => `${n} સ્ત્રોત`,
    name: "નામ", events: (n) => `${n} ઘટનાઓ`, undated: "તારીખ અજ્ઞાત", failed: "શોધ લોડ ન થઈ",
  },
};

const root = document.getElementById("search");
const input = document.getElementById("search-q");
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const siteRoot = new URL(root.dataset.root || "./", document.baseURI);
const bundleUrl = new URL(root.dataset.bundle || "pagefind/pagefind.js", document.baseURI).href;

let pagefindPromise = null;
function pagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(bundleUrl).then(async (pf) => {
      await pf.options({ baseUrl: "/" });
      await pf.init();
      // A large site's index comes in shards (plugins/sangam/search.py): the others are merged in.
      const listed = await fetch(new URL("sangam-shards.json", bundleUrl)).then((r) => (r.ok ? r.json() : { shards: [] }));
      for (const folder of listed.shards || []) {
        await pf.mergeIndex(new URL(folder, bundleUrl).href, { baseUrl: "/" });
      }
      return pf;
    });
  }
  return pagefindPromise;
}

function uiLanguage(query) {
  const chosen = document.documentElement.getAttribute("data-ui");
  if (chosen === "hi" || chosen === "gu") return chosen;
  if (/[\u0a80-\u0aff]/.test(query)) return "gu";
  if (/[\u0900-\u097f]/.test(query)) return "hi";
  return (navigator.language || "").toLowerCase().startsWith("gu") ? "gu" : "hi";
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// A snippet from the original text (the page's "text" metadata: only the keys are indexed)
// around the first word whose key matches a query key.
function snippet(text, queryKeys) {
  const all = (text || "").split(/\s+/).filter(Boolean);
  let hit = -1;
  for (let i = 0; i < all.length && hit < 0; i++) {
    for (const w of words(all[i])) {
      if (keyVariants(w).some((k) => queryKeys.some((q) => k.startsWith(q)))) { hit = i; break; }
    }
  }
  const at = Math.max(0, hit);
  const start = Math.max(0, at - 10);
  const end = Math.min(all.length, at + 18);
  const parts = all.slice(start, end).map((w, j) => (start + j === hit ? `<mark>${escapeHtml(w)}</mark>` : escapeHtml(w)));
  return (start > 0 ? "… " : "") + parts.join(" ") + (end < all.length ? " …" : "");
}

// Pagefind cuts a word it cannot find back to its longest indexed prefix ("कमन" finds "कम",
// Kim, for કિમના), but a sharded index does so shard by shard: a shard without the word would
// add pages holding only its first letters. As one index would, a query variant that some page
// holds (each of its words starts one of the page's search keys) keeps only such pages; a
// variant no page holds keeps Pagefind's cut-back matches.
function searchKeys(content) {
  return (content || "").split(KEYS_MARKER)[1]?.split(/\s+/).filter(Boolean) || [];
}

function holds(keys, variant) {
  return variant.split(" ").every((term) => keys.some((k) => k.startsWith(term)));
}

// The first `limit` results, best first, by the rule above; data is loaded a batch at a time,
// at most four batches.
async function genuine(ranked, limit) {
  const loaded = [];
  const held = new Set(); // variants some loaded page holds
  const kept = () => loaded.filter(({ c, holding }) => c.variants.some((v) => holding.has(v) || !held.has(v)));
  for (let at = 0; at < ranked.length && at < limit * 4; at += limit) {
    const batch = await Promise.all(ranked.slice(at, at + limit).map(async (c) => ({ c, data: await c.result.data() })));
    for (const item of batch) {
      const keys = searchKeys(item.data.content);
      item.holding = new Set(item.c.variants.filter((v) => holds(keys, v)));
      item.holding.forEach((v) => held.add(v));
      loaded.push(item);
    }
    if (held.size && kept().length >= limit) break;
  }
  return kept().slice(0, limit).map(({ c, data }) => ({ score: c.result.score, data }));
}

function resultUrl(url) {
  return new URL(String(url).replace(/^\/+/, ""), siteRoot).href;
}

function render(items, query, lang) {
  const t = TEXT[lang];
  const queryKeys = queryVariants(query).flatMap((q) => q.split(" "));
  list.innerHTML = "";
  items.forEach(({ data }, index) => {
    const m = data.meta || {};
    const headline = m[`title_${lang}`] || m.title_hi || m.title_gu || m.title || data.url;
    const headlineLang = m[`title_${lang}`] ? lang : m.title_hi ? "hi" : m.title_gu ? "gu" : "";
    const li = document.createElement("li");
    li.className = `search-result ${m.kind === "name" ? "is-name" : "is-event"}`;
    const details = m.kind === "name"
      ? `<span class="kind">${t.name}</span> · ${t.events(Number(m.events || 0))}`
      : `${m.date ? `<time datetime="${escapeHtml(m.date)}">${escapeHtml(m.date)}</time>` : t.undated} · <span class="count">${t.sources(Number(m.sources || 0))}</span>`;
    li.innerHTML =
      `<a class="result-link" href="${escapeHtml(resultUrl(data.url))}" data-rank="${index + 1}"` +
      `${headlineLang ? ` lang="${headlineLang}"` : ""}>${escapeHtml(headline)}</a>` +
      `<p class="result-meta">${details}</p>` +
      `<p class="result-snippet">${snippet(m.text, queryKeys)}</p>`;
    list.appendChild(li);
  });
  status.textContent = items.length ? t.results(items.length) : t.none;
  status.setAttribute("lang", lang);
}

let generation = 0;
async function run(query) {
  const mine = ++generation;
  const lang = uiLanguage(query);
  const variants = queryVariants(query);
  if (!variants.length) {
    list.innerHTML = "";
    status.textContent = "";
    root.dataset.state = "idle";
    return;
  }
  root.dataset.state = "searching";
  status.textContent = TEXT[lang].searching;
  let pf;
  try {
    pf = await pagefind();
  } catch (error) {
    status.textContent = TEXT[lang].failed;
    root.dataset.state = "error";
    throw error;
  }
  // Every keyed variant of the query (acronyms have two readings); a page keeps its best score.
  // Events first (the digest's unit), then the name pages that matched.
  const items = [];
  for (const [kind, limit] of [["event", MAX_RESULTS], ["name", MAX_NAMES]]) {
    const best = new Map();
    for (const variant of variants) {
      // Only name pages carry a filter: one filter value keeps the bundle byte-identical
      // between builds (Pagefind writes several values in hash order).
      const filters = kind === "name" ? { kind: "name" } : { not: { kind: "name" } };
      const found = await pf.search(variant, { filters });
      if (mine !== generation) return;
      for (const r of (found && found.results) || []) {
        const seen = best.get(r.id);
        if (!seen) best.set(r.id, { result: r, variants: [variant] });
        else {
          seen.variants.push(variant);
          if (r.score > seen.result.score) seen.result = r;
        }
      }
    }
    const ranked = [...best.values()].sort((a, b) => b.result.score - a.result.score);
    items.push(...(await genuine(ranked, limit)));
    if (mine !== generation) return;
  }
  if (mine !== generation) return;
  render(items, query, lang);
  root.dataset.state = "done";
  root.dataset.query = query;
}

let timer = null;
function schedule(query) {
  clearTimeout(timer);
  timer = setTimeout(() => {
    const url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url);
    run(query);
  }, 120);
}

input.addEventListener("input", () => schedule(input.value.trim()));
input.form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(timer);
  run(input.value.trim());
});

// Keyboard: arrows move between the box and the result links, Escape goes back to the box.
function links() { return [...list.querySelectorAll("a.result-link")]; }
input.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
});
list.addEventListener("keydown", (event) => {
  const all = links();
  const at = all.indexOf(document.activeElement);
  if (at < 0) return;
  if (event.key === "ArrowDown" && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
  else if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? all[at - 1] : input).focus(); }
  else if (event.key === "Escape") { event.preventDefault(); input.focus(); }
});

const initial = new URLSearchParams(location.search).get("q") || "";
input.value = initial;
const header = document.getElementById("q");
if (header && header !== input) header.value = initial;
if (initial) run(initial.trim()); else root.dataset.state = "idle";
if (!initial) input.focus();

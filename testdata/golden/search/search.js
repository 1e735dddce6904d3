// Pamphlet site search. One file, no requests but to this site's own
// index, no cookies, no storage. It matches words exactly as the Go
// Searcher does (generator/search/query.go): keep the two in step.
//
// It enhances every <form data-search> that has an <input name="q">
// (an ARIA 1.2 combobox with a list of results as you type) and, on the
// search page, fills <div data-search-results> from ?q=. See
// docs/search.md for the markup.
//
// One script serves every language of a site. A form's action is its
// language's search page, which is also the folder of that language's
// index ("/es/search/"); without a form, the index is the script's own
// folder. The site's root is meta.json's root, relative to that folder.
// The words it shows come from the form's data-search-words (JSON), in
// English where that says nothing.
(() => {
  "use strict";
  const script = document.currentScript;
  if (!script || !window.fetch || !("normalize" in String.prototype)) return;
  const scriptDir = new URL(".", script.src);
  const VERSION = 1, MAX_KEY = 6, CRISIS = "=crisis";
  const Q = { exact: 1, ending: 0.9, typo: [1, 0.7, 0.5], prefix: 0.6 };
  // English's endings (query.go); another language's come in meta.json.
  const ENDINGS = [["ies", "y"], ["ied", "y"], ["es", ""], ["s", ""], ["ing", ""], ["ing", "e"],
    ["ed", ""], ["ed", "e"], ["ly", ""], ["er", ""], ["ers", ""]];
  const SNIPPET_WORDS = 28, SNIPPET_BEFORE = 8, MAX_WORDS = 12;
  const WORDS = {
    search_results_label: "Search results",
    search_unavailable: "Search is not available right now.",
    search_no_results: "No results for {query}",
    "search_count.one": "{n} result for {query}",
    "search_count.other": "{n} results for {query}",
  };
  const runes = (s) => Array.from(s).length;

  // ---- words, as the index folds and splits them (normalize.go, tokenize.go) ----
  // fold folds one character: marks dropped after NFKD, lower case, й
  // kept, and the letters of appendLetter spelt out.
  const SPELL = { "ł": "l", "ß": "ss", "\u0649": "\u064a", "\u0629": "\u0647", "\u0640": "" };
  const fold = (c) => c === "й" || c === "Й" ? "й" : c.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase()
    .replace(/[\u0142\u00df\u0649\u0629\u0640\u0660-\u0669\u06f0-\u06f9]/gu, (x) => x in SPELL ? SPELL[x] : String.fromCharCode(48 + (x.charCodeAt(0) & 15)));
  const isWordRune = (c) => /[\p{L}\p{Nd}\p{M}]/u.test(c);
  const isHyphen = (c) => c === "-" || c === "\u2010" || c === "\u2011";
  const isApos = (c) => c === "'" || c === "\u2019";
  // compounds returns the words of text: {parts, joined, start, end}.
  function compounds(text) {
    const out = [], cs = Array.from(text);
    let i = 0, off = 0;
    const offs = []; // UTF-16 offsets of each char
    for (const c of cs) { offs.push(off); off += c.length; }
    offs.push(off);
    while (i < cs.length) {
      if (!isWordRune(cs[i])) { i++; continue; }
      const start = i, parts = [];
      let cur = "";
      while (i < cs.length) {
        const c = cs[i];
        if (isWordRune(c)) { cur += fold(c); i++; continue; }
        if ((isHyphen(c) || isApos(c)) && i + 1 < cs.length && isWordRune(cs[i + 1])) {
          if (isHyphen(c)) { if (cur) parts.push(cur); cur = ""; }
          i++; continue;
        }
        break;
      }
      if (cur) parts.push(cur);
      if (parts.length) out.push({ parts, joined: parts.length > 1 ? parts.join("") : "", start: offs[start], end: offs[i] });
    }
    return out;
  }

  // ---- shards (layout.go) ----
  const prefix = (s, n) => Array.from(s).slice(0, n).join("");
  function shardOf(s, keys) {
    for (let n = Math.min(Array.from(s).length, MAX_KEY); n > 0; n--) {
      const k = prefix(s, n);
      if (keys.has(k)) return k;
    }
    return "";
  }
  const fileName = (k) => /^[a-z0-9]+$/.test(k) ? k
    : "_" + Array.from(new TextEncoder().encode(k), (b) => b.toString(16).padStart(2, "0")).join("");

  function decodePostings(buf) {
    const b = new Uint8Array(buf), out = new Map(), td = new TextDecoder();
    let at = 0;
    const next = () => {
      let v = 0, shift = 0, c;
      do { if (at >= b.length) throw new Error("postings shard cut short"); c = b[at++]; v += (c & 127) * 2 ** shift; shift += 7; } while (c & 128);
      return v;
    };
    for (let n = next(); n > 0; n--) {
      const len = next(), term = td.decode(b.subarray(at, at + len));
      at += len;
      const df = next(), ps = new Array(df);
      let page = 0;
      for (let i = 0; i < df; i++) { page += next(); ps[i] = [page, b[at++]]; }
      out.set(term, ps);
    }
    return out;
  }

  // ---- matching (query.go) ----
  function units(m, text) {
    const parts = [];
    for (const c of compounds(text)) {
      c.parts.forEach((w, i) => parts.push(i === 0 && c.joined ? { w, joined: c.joined, n: c.parts.length } : { w }));
    }
    if (parts.length > MAX_WORDS) {
      parts.length = MAX_WORDS;
      parts.forEach((p, i) => { if (p.n && i + p.n > MAX_WORDS) parts[i] = { w: p.w }; });
    }
    const lastP = parts[parts.length - 1];
    const last = lastP ? (lastP.joined || lastP.w) : "";
    const us = [];
    for (let i = 0; i < parts.length;) {
      let best = 0, concepts = [];
      for (const ph of m.phrases) {
        const n = ph.w.length;
        if (n < best || i + n > parts.length || !ph.w.every((alts, k) => alts.includes(parts[i + k].w))) continue;
        if (n > best) { best = n; concepts = []; }
        concepts.push([ph.c]);
      }
      if (best > 0) {
        us.push({ options: [...concepts, parts.slice(i, i + best).map((p) => p.w)] });
        i += best;
      } else if (parts[i].joined) {
        us.push({ options: [[parts[i].joined], parts.slice(i, i + parts[i].n).map((p) => p.w)] });
        i += parts[i].n;
      } else {
        us.push({ options: [[parts[i].w]], single: true });
        i++;
      }
    }
    return { us, last };
  }

  function editDistance(a, b, max) {
    const ra = Array.from(a), rb = Array.from(b);
    if (Math.abs(ra.length - rb.length) > max) return max + 1;
    let prev = rb.map((_, j) => j + 1); prev.unshift(0);
    for (let i = 1; i <= ra.length; i++) {
      const cur = [i];
      let best = i;
      for (let j = 1; j <= rb.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ra[i - 1] === rb[j - 1] ? 0 : 1));
        best = Math.min(best, cur[j]);
      }
      if (best > max) return max + 1;
      prev = cur;
    }
    return Math.min(prev[rb.length], max + 1);
  }

  function idf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }

  // ---- an index: its files, fetched as a query needs them, and its search ----
  function openIndex(base) {
    let metaP = null;
    const files = new Map(), dicts = new Map(), posts = new Map();
    const meta = () => metaP || (metaP = fetch(new URL("meta.json", base), { credentials: "omit", cache: "no-cache" })
      .then((r) => r.json()).then((m) => {
        if (m.version !== VERSION) throw new Error("search index version " + m.version);
        m.dictKeys = new Set(m.dict); m.postKeys = new Set(m.post); m.crisisSet = new Set(m.crisis);
        m.endings = m.endings || ENDINGS;
        m.rootURL = new URL(m.root || "../", base);
        return m;
      }));
    const get = (path, kind) => {
      if (!files.has(path)) {
        files.set(path, meta().then((m) => fetch(new URL(path + "?v=" + m.hash, base), { credentials: "omit" }))
          .then((r) => { if (!r.ok) throw new Error(path + ": " + r.status); return kind === "bin" ? r.arrayBuffer() : r.json(); }));
      }
      return files.get(path);
    };

    async function loadDict(m, w) {
      if (w[0] === "=") return;
      const k = shardOf(w, m.dictKeys);
      if (k && !dicts.has(k)) dicts.set(k, await get("w/" + fileName(k) + ".json"));
    }
    const dictOf = (m, w) => dicts.get(shardOf(w, m.dictKeys)) || {};
    const exact = (m, w) => Object.prototype.hasOwnProperty.call(dictOf(m, w), w) ? dictOf(m, w)[w] : undefined;

    // lookup returns [hits, stop]; hits is a Map of term -> quality.
    function lookup(m, w, typing) {
      const hits = new Map();
      if (w[0] === "=") { hits.set(w, Q.exact); return [hits, false]; }
      const add = (terms, q) => { for (const t of terms) if (!(hits.get(t) >= q)) hits.set(t, q); };
      const terms = exact(m, w);
      if (terms && terms.length === 0) return [hits, true];
      if (terms) add(terms, Q.exact);
      const n = runes(w), d = dictOf(m, w);
      if (!hits.size) {
        for (const [e, r] of m.endings) {
          if (n >= runes(e) + 3 && w.endsWith(e)) { const v = exact(m, w.slice(0, w.length - e.length) + r); if (v) add(v, Q.ending); }
        }
      }
      if (!hits.size && n >= 5) {
        const max = n >= 8 ? 2 : 1;
        for (const c of Object.keys(d).sort()) {
          if (!d[c].length) continue;
          const k = editDistance(w, c, max);
          if (k <= max) add(d[c], Q.typo[k]);
        }
      }
      if (typing && n >= 3) {
        const more = Object.keys(d).filter((c) => c.length > w.length && c.startsWith(w) && d[c].length)
          .sort((a, b) => runes(a) - runes(b) || (a < b ? -1 : a > b ? 1 : 0));
        for (const c of more.slice(0, 50)) add(d[c], Q.prefix);
      }
      return [hits, false];
    }

    async function search(text, limit, typing) {
      const m = await meta();
      let { us, last } = units(m, text);
      await Promise.all(us.flatMap((u) => u.options.flat()).map((w) => loadDict(m, w)));
      const joined = [];
      for (let i = 0; i < us.length; i++) {
        const u = us[i];
        if (u.single && i + 1 < us.length && us[i + 1].single) {
          const a = u.options[0][0], b = us[i + 1].options[0][0];
          await loadDict(m, a + b);
          const t = exact(m, a + b);
          if (t && t.length) { joined.push({ options: [[a, b], [a + b]] }); i++; continue; }
        }
        joined.push(u);
      }
      const hits = new Map(), found = [];
      let crisis = false;
      for (const u of joined) {
        const options = [];
        for (const o of u.options) {
          const words = [];
          let all = true;
          for (const w of o) {
            if (!hits.has(w)) {
              const [h, stop] = lookup(m, w, typing && w === last);
              if (stop) continue;
              hits.set(w, h);
            }
            words.push(w);
            all = all && hits.get(w).size > 0;
          }
          if (words.length && all) options.push(words);
        }
        if (!options.length) continue;
        found.push(options);
        for (const o of options) for (const w of o) if (hits.get(w).has(CRISIS)) crisis = true;
      }
      const keys = new Set();
      for (const h of hits.values()) for (const t of h.keys()) if (t !== CRISIS) { const k = shardOf(t, m.postKeys); if (k) keys.add(k); }
      await Promise.all([...keys].filter((k) => !posts.has(k)).map(async (k) => posts.set(k, decodePostings(await get("p/" + fileName(k) + ".bin", "bin")))));
      const ranked = rank(m, found, hits, crisis).slice(0, limit);
      const marks = marksOf(m, hits);
      return Promise.all(ranked.map(async (r) => result(m, r, await get("x/" + r.page + ".json"), marks)));
    }

    function rank(m, found, hits, crisis) {
      const n = m.pages;
      const unitScores = found.map((options) => {
        const best = new Map();
        for (const o of options) {
          let sum = null;
          for (const w of o) {
            const word = new Map();
            for (const [t, q] of hits.get(w)) {
              const ps = (posts.get(shardOf(t, m.postKeys)) || new Map()).get(t) || [];
              const f = q * idf(ps.length, n) / 255;
              for (const [p, wt] of ps) word.set(p, Math.max(word.get(p) || 0, f * wt));
            }
            if (sum === null) sum = word;
            else { const s2 = new Map(); for (const [p, v] of sum) if (word.has(p)) s2.set(p, v + word.get(p)); sum = s2; }
          }
          for (const [p, v] of sum || []) best.set(p, Math.max(best.get(p) || 0, v));
        }
        return best;
      });
      const total = (all) => {
        const out = new Map(), counts = new Map();
        for (const us of unitScores) for (const [p, v] of us) { out.set(p, (out.get(p) || 0) + v); counts.set(p, (counts.get(p) || 0) + 1); }
        if (all) for (const p of [...out.keys()]) if (counts.get(p) < unitScores.length) out.delete(p);
        return out;
      };
      let pages = total(true);
      if (!pages.size) pages = total(false);
      const cp = m.crisisPage;
      const out = [...pages].map(([page, score]) => ({ page, score, crisis: m.crisisSet.has(page) }));
      if (crisis && cp >= 0 && !pages.has(cp)) out.push({ page: cp, score: 0, crisis: true });
      const tier = (r) => (crisis && r.page === cp ? 0 : r.crisis || r.page === cp ? 1 : 2);
      return out.sort((a, b) => tier(a) - tier(b) || b.score - a.score || a.page - b.page);
    }

    function marksOf(m, hits) {
      const terms = new Set(), out = new Set();
      for (const [w, h] of hits) {
        if (h.size && w[0] !== "=") out.add(w);
        for (const t of h.keys()) { terms.add(t); for (const x of m.marks[t] || []) out.add(x); }
      }
      for (const d of dicts.values()) for (const w in d) if (d[w].some((t) => t !== CRISIS && terms.has(t))) out.add(w);
      return out;
    }

    return { search, meta };
  }

  // ---- results and snippets (snippet.go) ----
  function markedWords(text, marks) {
    const ws = compounds(text).map((c) => ({ start: c.start, end: c.end, marked: c.parts.some((p) => marks.has(p)) || (c.joined && marks.has(c.joined)) }));
    return [ws.filter((w) => w.marked).length, ws];
  }
  // result makes a page's result; its href is resolved against the
  // site's root (meta.json's root, from the index's folder).
  function result(m, r, x, marks) {
    const res = { url: x.u, title: x.t, section: (m.sections && m.sections[x.s]) || "", heading: "", anchor: "", crisis: r.crisis, score: r.score };
    let best = -1, text = x.d || "";
    if (x.d && markedWords(x.d, marks)[0] > 0) best = markedWords(x.d, marks)[0];
    for (const [h, a, t] of x.b || []) {
      const n = markedWords(t, marks)[0];
      if (n > best) { best = n; text = t; res.heading = h; res.anchor = a; }
    }
    if (best <= 0) { text = x.d || (x.b && x.b.length ? x.b[0][2] : ""); res.heading = res.anchor = ""; }
    res.snippet = snippet(text, marks);
    res.href = new URL(res.url, m.rootURL).href + (res.anchor ? "#" + res.anchor : "");
    return res;
  }
  // snippet returns [[text, marked], ...] pieces, to put in the page as
  // text nodes and <mark>s, never as HTML.
  function snippet(text, marks) {
    const ws = markedWords(text, marks)[1];
    if (!ws.length) return [[text, false]];
    const first = Math.max(0, ws.findIndex((w) => w.marked));
    const from = Math.max(0, first - SNIPPET_BEFORE), to = Math.min(ws.length, from + SNIPPET_WORDS);
    const out = from > 0 ? [["… ", false]] : [];
    let at = ws[from].start;
    for (const w of ws.slice(from, to)) {
      out.push([text.slice(at, w.start), false], [text.slice(w.start, w.end), w.marked]);
      at = w.end;
    }
    out.push(to < ws.length ? [" …", false] : [text.slice(at), false]);
    return out;
  }

  // ---- the page ----
  const el = (tag, props, ...kids) => { const e = document.createElement(tag); Object.assign(e, props); e.append(...kids); return e; };
  // Results take the page's direction (dir is inherited, not "auto"):
  // they are in the index's language, the page's, and dir="auto" would
  // set an Arabic snippet that starts with "MBT" left to right. The
  // separator › is mirrored in right-to-left text.
  function snippetNode(pieces) {
    const p = el("span", { className: "search-snippet" });
    for (const [t, mk] of pieces) p.append(mk ? el("mark", {}, t) : t);
    return p;
  }
  const where = (r) => [r.section, r.heading].filter(Boolean).join(" › ");

  // folderOf returns the folder of a form's index: its action (the
  // search page of its language, "/es/search/"), or the script's folder.
  function folderOf(form) {
    const action = form && form.getAttribute("action");
    if (!action) return scriptDir;
    const u = new URL(action, document.baseURI);
    u.search = ""; u.hash = "";
    if (!u.pathname.endsWith("/") && !/\.[^/]*$/.test(u.pathname)) u.pathname += "/";
    return new URL(".", u);
  }
  const indexes = new Map();
  const indexOf = (form) => {
    const base = folderOf(form);
    if (!indexes.has(base.href)) indexes.set(base.href, openIndex(base));
    return indexes.get(base.href);
  };
  const langOf = (m) => document.documentElement.lang || (m && m.lang) || "en";
  function pluralOf(n, lang) {
    try { return new Intl.PluralRules(lang).select(n); } catch (e) { return n === 1 ? "one" : "other"; }
  }
  function numberOf(n, lang) {
    try { return n.toLocaleString(lang); } catch (e) { return String(n); }
  }
  // wordsOf returns the words a form's results are told in: its
  // data-search-words (a JSON object), in English for any key it lacks.
  function wordsOf(form) {
    let own = {};
    try {
      const v = JSON.parse((form && form.getAttribute("data-search-words")) || "{}");
      if (v && typeof v === "object" && !Array.isArray(v)) own = v;
    } catch (e) { /* English, then */ }
    const has = (k) => typeof own[k] === "string";
    const say = (k) => has(k) ? own[k] : WORDS[k];
    return {
      label: say("search_results_label"),
      unavailable: say("search_unavailable"),
      // status returns what to say of n results for q, as nodes: the
      // query in a <bdi>, which keeps its own direction in the sentence.
      status(n, q, lang) {
        let text = say("search_no_results"), numLang = lang;
        if (n) {
          const k = "search_count." + pluralOf(n, lang);
          if (has(k)) text = own[k];
          else if (has("search_count.other")) text = own["search_count.other"];
          else { text = WORDS[n === 1 ? "search_count.one" : "search_count.other"]; numLang = "en"; }
        }
        return text.split(/(\{n\}|\{query\})/).filter(Boolean)
          .map((p) => p === "{n}" ? numberOf(n, numLang) : p === "{query}" ? el("bdi", {}, q) : p);
      },
    };
  }

  let uid = 0;
  function combobox(form) {
    const input = form.querySelector("input[name=q]");
    if (!input) return;
    const ix = indexOf(form), words = wordsOf(form);
    const id = "search-" + ++uid;
    const list = el("ul", { id: id + "-list", className: "search-list", hidden: true });
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", words.label);
    const status = el("p", { className: "search-status" });
    status.setAttribute("role", "status");
    form.append(list, status);
    for (const [k, v] of [["role", "combobox"], ["aria-autocomplete", "list"], ["aria-expanded", "false"], ["aria-controls", list.id], ["autocomplete", "off"]]) input.setAttribute(k, v);
    let results = [], active = -1, timer = 0, seq = 0;
    const open = (yes) => { list.hidden = !yes; input.setAttribute("aria-expanded", String(yes)); if (!yes) setActive(-1); };
    function setActive(i) {
      active = i;
      [...list.children].forEach((li, j) => li.setAttribute("aria-selected", String(j === i)));
      if (i >= 0) { input.setAttribute("aria-activedescendant", list.children[i].id); list.children[i].scrollIntoView({ block: "nearest" }); }
      else input.removeAttribute("aria-activedescendant");
    }
    async function run() {
      const q = input.value.trim(), mine = ++seq;
      if (!q) { results = []; list.replaceChildren(); open(false); status.textContent = ""; return; }
      let rs, m;
      try { rs = await ix.search(q, 8, true); m = await ix.meta(); } catch (e) { if (mine === seq) status.textContent = words.unavailable; return; }
      if (mine !== seq) return; // a later query is on its way
      results = rs;
      list.replaceChildren(...rs.map((r, i) => {
        const li = el("li", { id: id + "-opt-" + i, className: r.crisis ? "search-option search-crisis" : "search-option" },
          el("span", { className: "search-title" }, r.title), el("span", { className: "search-where" }, where(r)), snippetNode(r.snippet));
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.addEventListener("mousedown", (e) => e.preventDefault()); // keep focus in the box
        li.addEventListener("click", () => { location.href = r.href; });
        return li;
      }));
      open(rs.length > 0);
      status.replaceChildren(...words.status(rs.length, q, langOf(m)));
    }
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(run, 200); });
    input.addEventListener("keydown", (e) => {
      const n = list.children.length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!n) return;
        e.preventDefault();
        if (list.hidden) open(true);
        setActive(e.key === "ArrowDown" ? (active + 1) % n : (active - 1 + n) % n);
      } else if (e.key === "Enter" && active >= 0 && !list.hidden) {
        e.preventDefault();
        location.href = results[active].href;
      } else if (e.key === "Escape") {
        if (!list.hidden) { e.preventDefault(); open(false); } else if (input.value) { e.preventDefault(); input.value = ""; status.textContent = ""; }
      }
    });
    // Enter on a chosen result opens it, however the key reaches the form.
    form.addEventListener("submit", (e) => {
      if (active >= 0 && !list.hidden) { e.preventDefault(); location.href = results[active].href; }
    });
    input.addEventListener("blur", () => setTimeout(() => open(false), 100));
    return input;
  }

  // resultsPage fills the search page's box from ?q=, with the index and
  // words of the page's (first) search form.
  async function resultsPage(box) {
    const q = (new URLSearchParams(location.search).get("q") || "").trim();
    for (const n of document.querySelectorAll("[data-search-nojs]")) n.hidden = true;
    for (const i of document.querySelectorAll("form[data-search] input[name=q]")) if (!i.value) i.value = q;
    if (!q) return;
    const form = document.querySelector("form[data-search]"), ix = indexOf(form), words = wordsOf(form);
    const status = el("p", { className: "search-status" });
    status.setAttribute("role", "status");
    const ol = el("ol", { className: "search-results" });
    box.replaceChildren(status, ol);
    let rs, m;
    try { rs = await ix.search(q, 30, false); m = await ix.meta(); } catch (e) { status.textContent = words.unavailable; return; }
    ol.replaceChildren(...rs.map((r) => el("li", { className: r.crisis ? "search-crisis" : "" },
      el("a", { href: r.href }, r.title), " ", el("span", { className: "search-where" }, where(r)), " ", snippetNode(r.snippet))));
    status.replaceChildren(...words.status(rs.length, q, langOf(m)));
  }

  const start = () => {
    document.querySelectorAll("form[data-search]").forEach(combobox);
    const box = document.querySelector("[data-search-results]");
    if (box) resultsPage(box);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
  // For tests: the same matching as the boxes, on the index of the
  // page's (first) search form, without the page.
  window.pamphletSearch = (text, limit, typing) => indexOf(document.querySelector("form[data-search]")).search(text, limit, typing);
})();

// live.js: the `pamphlet serve` live-reload client. The dev server adds it to
// every HTML page it serves (never to the built files):
//
//   <script src="/__pamphlet/live.js" data-build="N"></script>
//
// where N is the build the page came from. It listens to /__pamphlet/events
// and, on each build event:
//   - "errors": shows an overlay with the diagnostics; the page stays as it is.
//   - "update": removes the overlay, then reloads the page if it changed (or
//     if a script or image did), keeping the scroll position; swaps the
//     stylesheets in place if only CSS changed; otherwise does nothing.
// After each (re)connection the server replays its last event, and the
// first "update" is checked against the build the page came from. Good
// builds are numbered one after another, so:
//   - the same build: the tab missed nothing;
//   - the next build: the tab missed exactly that one update (its page was
//     fetched just before the update, the stream opened just after, as
//     after every reload): it is handled like a live one, so a CSS-only
//     change restyles and a change to another page leaves the tab still;
//   - any other build: the tab missed more than one update, or the server
//     restarted: its lists cannot tell what changed, so the tab reloads once.
//
// Plain ES2017 for Chromium, Firefox and Safari; no dependencies. The only
// global is window.__pamphletLive, for browser tests: {events: N, the
// events handled; build: the build the tab's content matches; live: true
// once the stream is open and the tab is in step with the server, false
// while it reconnects and for good once it is reloading}.
(function () {
  "use strict";
  if (window.__pamphletLive) return; // injected twice: one client is enough

  var script = document.currentScript ||
    document.querySelector('script[src^="/__pamphlet/live.js"]');
  var pageBuild = script ? parseInt(script.getAttribute("data-build"), 10) : NaN;
  var current = pageBuild; // the build this tab's content matches
  var synced = false;      // reset on every (re)connection
  var leaving = false;     // a reload is under way

  var state = { events: 0, build: current, live: false };
  window.__pamphletLive = state;

  var SCROLL_KEY = "pamphlet-scroll:" + normalise(location.pathname);
  var RELOAD_KEY = "pamphlet-sync-reload";

  function normalise(p) {
    try {
      p = decodeURI(p);
    } catch (e) { /* keep it encoded */ }
    if (/\/index\.html$/.test(p)) p = p.slice(0, -"index.html".length);
    return p || "/";
  }

  function storage() {
    try {
      return window.sessionStorage;
    } catch (e) {
      return null; // storage disabled: reloads just lose the scroll position
    }
  }

  function reload() {
    leaving = true;
    state.live = false;
    var s = storage();
    if (s) {
      try {
        s.setItem(SCROLL_KEY, JSON.stringify([window.scrollX, window.scrollY]));
      } catch (e) { /* full or disabled */ }
    }
    location.reload();
  }

  function restoreScroll() {
    var s = storage();
    var saved = s && s.getItem(SCROLL_KEY);
    if (!saved) return;
    var xy;
    try {
      xy = JSON.parse(saved);
    } catch (e) {
      s.removeItem(SCROLL_KEY);
      return;
    }
    window.scrollTo(xy[0], xy[1]);
    // Images above the fold may still be loading and change the height:
    // scroll again once they are in, then forget the position.
    if (document.readyState === "complete") {
      s.removeItem(SCROLL_KEY);
    } else {
      window.addEventListener("load", function () {
        window.scrollTo(xy[0], xy[1]);
        s.removeItem(SCROLL_KEY);
      }, { once: true });
    }
  }

  // syncReload reloads a tab whose page is from another build than the
  // server's. If the page that comes back still disagrees about the same
  // build (the server's numbering is off), it does not reload again: a
  // reload loop would make the tab unusable.
  function syncReload(build) {
    var s = storage();
    if (s) {
      if (s.getItem(RELOAD_KEY) === String(build)) {
        s.removeItem(RELOAD_KEY);
        return false;
      }
      try {
        s.setItem(RELOAD_KEY, String(build));
      } catch (e) {
        return false; // cannot guard against a loop: stay
      }
    }
    reload();
    return true;
  }

  // refreshCSS re-fetches each same-origin stylesheet by adding a clone with
  // ?pamphlet=<build>, and removes the old link only once the new one has
  // loaded, so the page never shows unstyled.
  var pending = new WeakMap(); // old link -> its loading replacement
  var replacements = new WeakSet();

  function refreshCSS(build) {
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    Array.prototype.forEach.call(links, function (old) {
      if (replacements.has(old)) return; // still loading: its old link is redone
      var url;
      try {
        url = new URL(old.getAttribute("href"), document.baseURI);
      } catch (e) {
        return;
      }
      if (url.origin !== location.origin) return;
      url.searchParams.set("pamphlet", String(build));

      var before = pending.get(old);
      if (before && before.parentNode) before.parentNode.removeChild(before);

      var next = old.cloneNode(false);
      next.href = url.href;
      replacements.add(next);
      pending.set(old, next);
      next.addEventListener("load", function () {
        if (pending.get(old) !== next) return; // superseded
        pending.delete(old);
        replacements.delete(next);
        if (old.parentNode) old.parentNode.removeChild(old);
      });
      next.addEventListener("error", function () {
        if (pending.get(old) !== next) return;
        pending.delete(old);
        if (next.parentNode) next.parentNode.removeChild(next);
      });
      old.parentNode.insertBefore(next, old.nextSibling);
    });
  }

  // The overlay. Built with textContent only: messages hold file names and
  // source text, which must never become markup.
  var OVERLAY_ID = "pamphlet-overlay";

  function removeOverlay() {
    var el = document.getElementById(OVERLAY_ID);
    if (el) el.parentNode.removeChild(el);
    document.removeEventListener("keydown", onKey, true);
  }

  function onKey(ev) {
    if (ev.key === "Escape" || ev.key === "Esc") removeOverlay();
  }

  function css(el, rules) {
    for (var k in rules) el.style.setProperty(k, rules[k], "important");
    return el;
  }

  function make(tag, text, rules) {
    var el = document.createElement(tag);
    if (text) el.textContent = text;
    return css(el, rules || {});
  }

  function format(d) {
    var pos = d.file || "";
    if (pos && d.line > 0) {
      pos += ":" + d.line;
      if (d.col > 0) pos += ":" + d.col;
    }
    var sev = d.severity || "error";
    return (pos ? pos + ": " : "") + sev + ": " + (d.message || "");
  }

  var styleAdded = false;

  function addStyle() {
    if (styleAdded) return;
    styleAdded = true;
    var style = document.createElement("style");
    style.textContent =
      "#" + OVERLAY_ID + " button:focus-visible{outline:3px solid #ffd23f;outline-offset:2px}" +
      "@media (prefers-reduced-motion: no-preference){#" + OVERLAY_ID +
      "{animation:pamphlet-overlay-in .15s ease-out}}" +
      "@keyframes pamphlet-overlay-in{from{transform:translateY(-1rem);opacity:0}}";
    (document.head || document.documentElement).appendChild(style);
  }

  function showOverlay(diagnostics) {
    var hadFocus = false;
    var old = document.getElementById(OVERLAY_ID);
    if (old) {
      hadFocus = old.contains(document.activeElement);
      old.parentNode.removeChild(old);
    }
    addStyle();

    var box = make("div", "", {
      position: "fixed", top: "0", left: "0", right: "0",
      "z-index": "2147483647", "max-height": "100vh", overflow: "auto",
      "box-sizing": "border-box", margin: "0", padding: "1rem 1.25rem",
      background: "#1b1b1b", color: "#ffffff",
      "border-bottom": "4px solid #ff6b6b",
      font: "16px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif",
      "text-align": "left", "box-shadow": "0 2px 12px rgba(0,0,0,.5)"
    });
    box.id = OVERLAY_ID;
    box.setAttribute("role", "alert");
    box.setAttribute("lang", "en");

    var close = make("button", "Close", {
      float: "right", margin: "0 0 .5rem 1rem", padding: ".25rem .75rem",
      background: "#ffffff", color: "#1b1b1b", border: "2px solid #ffffff",
      "border-radius": "4px", font: "inherit", cursor: "pointer"
    });
    close.type = "button";
    close.setAttribute("aria-label", "Close the build errors (Escape)");
    close.addEventListener("click", removeOverlay);

    var title = make("p", "Pamphlet: the last change did not build", {
      margin: "0 0 .75rem", "font-size": "1.125rem", "font-weight": "700", color: "#ffffff"
    });

    var list = make("ul", "", {
      margin: "0 0 .75rem", padding: "0", "list-style": "none"
    });
    (diagnostics || []).forEach(function (d) {
      list.appendChild(make("li", format(d), {
        margin: "0 0 .25rem", padding: "0", color: "#ffffff",
        font: "14px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
        "white-space": "pre-wrap", "overflow-wrap": "anywhere"
      }));
    });

    var note = make("p",
      "This page shows the last good version. Fix the file and save: the page updates by itself.",
      { margin: "0", color: "#ffffff" });

    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(list);
    box.appendChild(note);
    (document.body || document.documentElement).appendChild(box);
    document.addEventListener("keydown", onKey, true);
    if (hadFocus) close.focus();
  }

  function handle(e) {
    if (e.kind === "errors") {
      showOverlay(e.diagnostics);
      return;
    }
    if (e.kind !== "update") return;
    removeOverlay();

    if (!synced) {
      synced = true;
      var missedOne = !isNaN(current) && e.build === current + 1;
      if (!missedOne && !isNaN(current) && e.build !== current && syncReload(e.build)) return;
      var s = storage();
      if (s) s.removeItem(RELOAD_KEY);
      if (!missedOne) {
        current = e.build;
        return;
      }
      // The one update missed: handle it as below.
    }
    if (e.build === current) return; // already seen
    current = e.build;

    var here = normalise(location.pathname);
    var changed = (e.pages || []).some(function (p) { return normalise(p) === here; });
    if (changed || e.other) {
      reload();
    } else if (e.css) {
      refreshCSS(e.build);
    }
  }

  function connect() {
    var es = new EventSource("/__pamphlet/events");
    es.onopen = function () {
      synced = false;
      state.live = false;
    };
    es.onmessage = function (msg) {
      var e;
      try {
        e = JSON.parse(msg.data);
      } catch (err) {
        return;
      }
      try {
        handle(e);
      } finally {
        state.events++;
        state.build = current;
        state.live = synced && !leaving;
      }
    };
    es.onerror = function () {
      state.live = false;
      // EventSource retries by itself after a dropped connection (a server
      // restart). It gives up only on an answer it cannot use (a 503 while
      // the server shuts down): then start again, quietly, a little later.
      if (es.readyState === EventSource.CLOSED) {
        es.close();
        setTimeout(connect, 2000);
      }
    };
  }

  restoreScroll();
  connect();
})();

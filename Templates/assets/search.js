/* Gloss search (docs/search.md). Loads the index as classic scripts, each
   calling GlossSearch.meta/shard/doc, so that it works from any host, under
   a sub-path and from file://, with Content-Security-Policy script-src 'self':
   no fetch, no modules, no eval, no inline script. */
(function () {
  'use strict';
  var root = document.getElementById('search');
  if (!root) return;
  var form = document.getElementById('search-form');
  var input = document.getElementById('search-query');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  var base = root.getAttribute('data-index') || './';
  var GROUPS = 10;      // transcripts shown per step
  var SHOWN = 3;        // passages shown per transcript
  var K1 = 1.2;         // BM25 term-frequency saturation
  // From file:// a folder's URL opens a listing, not its page.
  var INDEX = window.location.protocol === 'file:' ? 'index.html' : '';
  function pageURL(url) { return /\/$/.test(url) ? url + INDEX : url; }

  // ---- What the index files call ----
  var data = { meta: null, shards: {}, docs: {} };
  window.GlossSearch = {
    meta: function (m) { data.meta = m; },
    shard: function (name, body) { data.shards[name] = parseShard(body); },
    doc: function (position, d) { data.docs[position] = d; }
  };

  function parseShard(body) {
    var terms = Object.create(null);
    var position = -1;
    var lines = String(body).split('\n');
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (!line) continue;
      if (line.charAt(0) === '@') { position = parseInt(line.slice(1), 10); continue; }
      var tab = line.indexOf('\t');
      if (tab < 1 || position < 0) continue;
      var term = line.slice(0, tab);
      (terms[term] || (terms[term] = [])).push(position, line.slice(tab + 1));
    }
    return terms;
  }

  var loading = {};
  function load(path, ready) {
    if (loading[path]) return loading[path];
    loading[path] = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = base + path;
      script.async = true;
      script.onload = function () { ready() ? resolve() : reject(new Error(path + ' is malformed')); };
      script.onerror = function () { reject(new Error(path + ' could not be loaded')); };
      document.head.appendChild(script);
    });
    loading[path].catch(function () { delete loading[path]; });
    return loading[path];
  }
  function loadMeta() {
    return load('meta.js', function () { return !!(data.meta && typeof data.meta.shards === 'string'); }).then(function () {
      if (!data.shardSet) data.shardSet = new Set(data.meta.shards.split(' '));
    });
  }
  function loadShard(name) {
    if (!data.shardSet.has(name)) return Promise.resolve();
    return load('index/' + name + '.js', function () { return !!data.shards[name]; });
  }
  function loadDoc(position) {
    return load('doc/' + position + '.js', function () {
      var d = data.docs[position];
      return !!(d && typeof d.u === 'string' && Array.isArray(d.p));
    });
  }

  // ---- Text: the same folding, words and stemmer as the build (GlossSearch) ----
  var STOP = new Set(('a an and are as at be but by for from has have he i in is it its of on or so that the their ' +
    'there they this to was we were which will with you').split(' '));
  function fold(text) {
    return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/(\d)[.,](?=\d)/g, '$1');
  }
  function words(text) { return fold(text).match(/[\p{L}\p{N}]+/gu) || []; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function stem(word) {
    var w = word;
    if (w.length <= 3 || !/^[a-z]+$/.test(w)) return w;
    if (ends(w, 'ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (ends(w, 'sses')) w = w.slice(0, -2);
    else if (ends(w, 'es') && w.length > 4 && /(s|x|z|ch|sh)$/.test(w.slice(0, -2))) w = w.slice(0, -2);
    else if (ends(w, 's') && !ends(w, 'ss') && !ends(w, 'us') && !ends(w, 'is')) w = w.slice(0, -1);
    var cut = false;
    if (ends(w, 'ing') && w.length - 3 >= 3 && /[aeiouy]/.test(w.slice(0, -3))) { w = w.slice(0, -3); cut = true; }
    else if (ends(w, 'ed') && !ends(w, 'eed') && w.length - 2 >= 3 && /[aeiouy]/.test(w.slice(0, -2))) { w = w.slice(0, -2); cut = true; }
    if (cut && w.length >= 2 && w.charAt(w.length - 1) === w.charAt(w.length - 2) && 'aeioulsz'.indexOf(w.charAt(w.length - 1)) < 0) w = w.slice(0, -1);
    if (w.length > 3 && w.charAt(w.length - 1) === 'e') w = w.slice(0, -1);
    return w;
  }
  var encoder = new TextEncoder();
  function shardName(term) {
    var bytes = encoder.encode(term);
    var name = '';
    for (var i = 0; i < 3; i++) {
      var b = i < bytes.length ? bytes[i] : 0x5F;
      name += (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) ? String.fromCharCode(b) : '_';
    }
    return name;
  }

  // ---- Queries ----
  var FIELDS = { speaker: 's', topic: 't', year: 'y', kind: 'k' };
  /** Clauses (each: terms that satisfy it, or a prefix) and phrases (word lists) of a query. */
  function parse(query) {
    var clauses = [], phrases = [], highlight = [];
    var re = /"([^"]*)"?|(\S+)/g, m;
    var endsInSpace = /\s$/.test(query);
    var items = [];
    while ((m = re.exec(query))) items.push({ phrase: m[1], word: m[2], end: re.lastIndex });
    items.forEach(function (item, index) {
      if (item.phrase !== undefined) { addPhrase(item.phrase); return; }
      var word = item.word;
      var field = /^([a-z]+):(.+)$/i.exec(word);
      if (field && FIELDS[field[1].toLowerCase()]) {
        clauses.push({ terms: [FIELDS[field[1].toLowerCase()] + ':' + words(field[2]).join('-')], field: true });
        return;
      }
      var ws = words(word);
      if (ws.length > 1) { addPhrase(word); return; }
      if (ws.length === 0) return;
      var w = ws[0];
      var last = index === items.length - 1 && !endsInSpace;
      if (STOP.has(w) && !last) return;
      var clause = { terms: [stem(w)] };
      if (last && w.length >= 3) clause.prefix = w;
      else if (STOP.has(w)) return;
      clauses.push(clause);
      highlight.push(clause);
    });
    function addPhrase(text) {
      var ws = words(text);
      if (!ws.length) return;
      if (ws.length > 1) phrases.push(ws);
      ws.forEach(function (w) {
        if (STOP.has(w)) return;
        var clause = { terms: [stem(w)] };
        clauses.push(clause);
        highlight.push(clause);
      });
    }
    return { clauses: clauses, phrases: phrases, highlight: highlight };
  }

  function postingsOf(clause) {
    // position -> {ords: Map(ordinal -> count), title: count}
    var byDoc = new Map();
    var shard = data.shards[shardName(clause.prefix || clause.terms[0])];
    if (!shard) return byDoc;
    var names = clause.terms.filter(function (t) { return shard[t]; });
    if (clause.prefix) {
      for (var t in shard) if (t.indexOf(clause.prefix) === 0 && names.indexOf(t) < 0) names.push(t);
    }
    names.forEach(function (t) {
      var list = shard[t];
      for (var i = 0; i < list.length; i += 2) {
        var entry = byDoc.get(list[i]);
        if (!entry) byDoc.set(list[i], entry = { ords: new Map(), title: 0 });
        list[i + 1].split(',').forEach(function (p) {
          var dot = p.indexOf('.');
          var ord = parseInt(dot < 0 ? p : p.slice(0, dot), 10);
          var count = dot < 0 ? 1 : parseInt(p.slice(dot + 1), 10);
          if (ord === 0) entry.title += count;
          else entry.ords.set(ord, (entry.ords.get(ord) || 0) + count);
        });
      }
    });
    clause.names = names;
    return byDoc;
  }

  /** Every passage that has all clauses, scored, grouped by transcript, best first. */
  function rank(parsed) {
    var n = data.meta.n || 1;
    var lists = parsed.clauses.map(postingsOf);
    var groups = [];
    if (!lists.length) return groups;
    var order = lists.map(function (l, i) { return i; }).sort(function (a, b) { return lists[a].size - lists[b].size; });
    lists[order[0]].forEach(function (_, position) {
      var entries = [];
      for (var i = 0; i < lists.length; i++) {
        var e = lists[i].get(position);
        if (!e) return;
        entries.push(e);
      }
      var candidates = new Set();
      entries.forEach(function (e) { e.ords.forEach(function (_, ord) { candidates.add(ord); }); });
      if (!candidates.size) candidates.add(0);
      var passages = [];
      candidates.forEach(function (ord) {
        var score = 0;
        for (var i = 0; i < entries.length; i++) {
          var e = entries[i], tf = ord ? (e.ords.get(ord) || 0) : 0;
          if (!tf && !e.title) return;
          if (parsed.clauses[i].field) continue;
          var df = lists[i].size;
          var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          score += idf * (tf * (K1 + 1)) / (tf + K1) + (e.title ? idf * 0.5 : 0);
        }
        passages.push({ ord: ord, score: score });
      });
      if (!passages.length) return;
      passages.sort(function (a, b) { return b.score - a.score || a.ord - b.ord; });
      groups.push({ position: position, passages: passages, score: passages[0].score });
    });
    groups.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return groups;
  }

  function hasPhrase(text, phrase) {
    var ws = words(text);
    outer: for (var i = 0; i + phrase.length <= ws.length; i++) {
      for (var j = 0; j < phrase.length; j++) if (ws[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }

  // ---- Showing results ----
  function clock(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return (h ? h + ':' + (m < 10 ? '0' : '') : '') + m + ':' + (s < 10 ? '0' : '') + s;
  }
  function matches(word, parsed) {
    var w = fold(word), st = stem(w);
    return parsed.highlight.some(function (c) {
      return c.terms.indexOf(st) >= 0 || (c.prefix && (w.indexOf(c.prefix) === 0 || (c.names || []).indexOf(st) >= 0));
    });
  }
  function snippet(text, parsed, into) {
    var re = /[\p{L}\p{N}\p{M}]+(?:[.,]\d+)*/gu, m, marks = [];
    while ((m = re.exec(text))) if (matches(m[0], parsed)) marks.push([m.index, m.index + m[0].length]);
    var start = 0, end = text.length, limit = 320;
    if (text.length > limit) {
      start = marks.length ? Math.max(0, marks[0][0] - 100) : 0;
      if (start > 0) { var space = text.indexOf(' ', start); start = space >= 0 && space < marks[0][0] ? space + 1 : start; }
      end = Math.min(text.length, start + limit);
      if (end < text.length) { var back = text.lastIndexOf(' ', end); if (back > start) end = back; }
    }
    if (start > 0) into.appendChild(document.createTextNode('… '));
    var at = start;
    marks.forEach(function (r) {
      if (r[0] < at || r[1] > end) return;
      into.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(r[0], r[1]);
      into.appendChild(mark);
      at = r[1];
    });
    into.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) into.appendChild(document.createTextNode(' …'));
  }
  function element(name, className, text) {
    var e = document.createElement(name);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function groupElement(group, doc, shown, parsed) {
    var li = element('li', 'search-group');
    var heading = element('h2', 'search-transcript');
    var link = element('a', null, doc.t);
    link.href = pageURL(doc.u);
    heading.appendChild(link);
    li.appendChild(heading);
    var facts = [doc.d, doc.k].filter(Boolean).join(' · ');
    if (facts) li.appendChild(element('p', 'search-facts', facts));
    var list = element('ol', 'search-passages');
    shown.forEach(function (p) {
      var passage = doc.p[p.ord - 1];
      var item = element('li', 'search-passage');
      var a = element('a');
      a.href = pageURL(doc.u) + (passage ? '#' + passage[0] : '');
      if (passage) {
        var who = passage[1] && doc.s[passage[1]];
        var line = element('span', 'search-who');
        if (who) line.textContent = who[0] + (who[1] ? ' (' + who[1] + ')' : '');
        else if (passage[1]) line.textContent = passage[1];
        if (typeof passage[2] === 'number') line.appendChild(element('span', 'search-time', (line.textContent ? ' · ' : '') + clock(passage[2])));
        if (line.textContent) a.appendChild(line);
        var text = element('span', 'search-text');
        snippet(String(passage[3]), parsed, text);
        a.appendChild(text);
      } else {
        a.appendChild(element('span', 'search-text', 'The transcript matches.'));
      }
      item.appendChild(a);
      list.appendChild(item);
    });
    li.appendChild(list);
    var more = group.passages.length - shown.length;
    if (more > 0 && !parsed.phrases.length) li.appendChild(element('p', 'search-more-passages', more + (more === 1 ? ' more passage' : ' more passages') + ' in this transcript'));
    return li;
  }

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  // When the last search started and showed its results, in ms from the
  // page's start (bench/search reads them).
  function stamp(name) { root.setAttribute('data-' + name, String(Math.round(performance.now()))); }

  var generation = 0;
  function search(query) {
    var mine = ++generation;
    stamp('started');
    var parsed = parse(query);
    results.textContent = '';
    if (!parsed.clauses.length) {
      status.textContent = query.trim() ? 'Type a word of three letters or more, or a phrase in quotes.' : '';
      return Promise.resolve();
    }
    status.textContent = 'Searching…';
    return loadMeta().then(function () {
      var names = new Set(parsed.clauses.map(function (c) { return shardName(c.prefix || c.terms[0]); }));
      return Promise.all(Array.from(names).map(loadShard));
    }).then(function () {
      if (mine !== generation) return;
      var groups = rank(parsed);
      var list = element('ol', 'search-groups');
      results.appendChild(list);
      var next = 0, found = 0, passages = 0;
      if (!parsed.phrases.length) groups.forEach(function (g) { passages += g.passages.length; });
      function step() {
        if (mine !== generation) return Promise.resolve();
        var batch = groups.slice(next, next + GROUPS);
        next += batch.length;
        return Promise.all(batch.map(function (g) { return loadDoc(g.position); })).then(function () {
          if (mine !== generation) return;
          batch.forEach(function (g) {
            var doc = data.docs[g.position];
            var kept = g.passages;
            if (parsed.phrases.length) {
              kept = kept.filter(function (p) {
                var passage = doc.p[p.ord - 1];
                return passage && parsed.phrases.every(function (ph) { return hasPhrase(String(passage[3]), ph); });
              });
              passages += kept.length;
            }
            if (!kept.length) return;
            found++;
            list.appendChild(groupElement(g, doc, kept.slice(0, SHOWN), parsed));
          });
          // A phrase is checked on the text: keep loading until a screenful is found.
          if (parsed.phrases.length && found < GROUPS && next < groups.length && next < 100) return step();
          report();
        });
      }
      function report() {
        stamp('done');
        var old = results.querySelector('.search-more');
        if (old) old.remove();
        if (!groups.length || (parsed.phrases.length && !found && next >= groups.length)) {
          status.textContent = 'No passages match.';
          return;
        }
        var exact = !parsed.phrases.length || next >= groups.length;
        status.textContent = (exact ? '' : 'At least ') + plural(passages, 'passage', 'passages') + ' in ' +
          plural(exact && parsed.phrases.length ? found : (parsed.phrases.length ? found : groups.length), 'transcript', 'transcripts') + '.';
        if (next < groups.length) {
          var button = element('button', 'search-more', 'Show more transcripts');
          button.type = 'button';
          button.addEventListener('click', function () { button.disabled = true; step(); });
          results.appendChild(button);
        }
      }
      return step();
    }).catch(function () {
      if (mine !== generation) return;
      results.textContent = '';
      status.textContent = 'Search is unavailable: part of its index could not be loaded.';
    });
  }

  // ---- The query in the URL ----
  function queryFromURL() {
    try { return new URLSearchParams(window.location.search).get('q') || ''; } catch (e) { return ''; }
  }
  function setURL(query, push) {
    try {
      var url = window.location.pathname + (query ? '?q=' + encodeURIComponent(query) : '') + window.location.hash;
      if (push) history.pushState(null, '', url); else history.replaceState(null, '', url);
    } catch (e) { /* some file:// pages refuse; the search still runs */ }
  }
  // Typing a new query adds one history entry, which each key then
  // updates: back returns to the query before it, not to each keystroke.
  var timer = 0, typing = false;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      setURL(input.value, !typing);
      typing = true;
      search(input.value);
    }, 120);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clearTimeout(timer);
    if (input.value !== queryFromURL()) setURL(input.value, !typing);
    typing = false;
    search(input.value);
  });
  window.addEventListener('popstate', function () {
    clearTimeout(timer);
    typing = false;
    input.value = queryFromURL();
    search(input.value);
  });
  input.value = queryFromURL();
  if (input.value) search(input.value);
})();

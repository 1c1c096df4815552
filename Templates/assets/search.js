/* Gloss search (docs/search.md). Loads the index as classic scripts, each
   calling GlossSearch.meta/shard/doc, so that it works from any host, under
   a sub-path and from file://, with Content-Security-Policy script-src 'self':
   no fetch, no modules, no eval, no inline script. Shards, parts and chunks
   of passages are raw deflate in base64, read with DecompressionStream. */
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
  var data = { meta: null, shards: {}, parts: {}, docs: {}, texts: {}, packed: {} };
  window.GlossSearch = {
    meta: function (m) { data.meta = m; },
    shard: function (name, packed) { data.packed['index/' + name] = packed; },
    part: function (name, packed) { data.packed['index/' + name] = packed; },
    doc: function (position, d) { data.docs[position] = d; },
    text: function (position, chunk, packed) { data.packed['doc/' + position + '-' + chunk] = packed; }
  };

  /** The text of a file's packed string (raw deflate in base64), which
      its script left under `key`; rejects if it is missing or corrupt. */
  function unpack(key) {
    var packed = data.packed[key];
    delete data.packed[key];
    if (typeof packed !== 'string') return Promise.reject(new Error(key + ' is malformed'));
    if (typeof DecompressionStream !== 'function') return Promise.reject(new Error('no DecompressionStream'));
    var binary = atob(packed), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    return new Response(stream).text();
  }

  /** A shard: its terms' postings ([position, postings, …]) and its big
      terms, whose postings are in parts, best transcripts first. */
  function parseShard(body) {
    var terms = Object.create(null), big = Object.create(null);
    var position = -1;
    var lines = String(body).split('\n');
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (!line) continue;
      if (line.charAt(0) === '@') { position = parseInt(line.slice(1), 10); continue; }
      var fields = line.split('\t');
      if (line.charAt(0) === '!' && fields.length === 5) {
        // !term TAB index TAB transcripts TAB passages TAB each part's best entry (count, "t" for the title)
        big[fields[0].slice(1)] = {
          index: parseInt(fields[1], 10), df: parseInt(fields[2], 10), passages: parseInt(fields[3], 10),
          heads: fields[4].split(',').map(function (h) { return { tf: parseInt(h, 10), title: /t$/.test(h) }; })
        };
        continue;
      }
      if (fields.length !== 2 || !fields[0] || position < 0) continue;
      (terms[fields[0]] || (terms[fields[0]] = [])).push(position, fields[1]);
    }
    return { terms: terms, big: big };
  }
  function parsePart(body) {
    var list = [];
    String(body).split('\n').forEach(function (line) {
      var tab = line.indexOf('\t');
      if (tab > 0) list.push(parseInt(line.slice(0, tab), 10), line.slice(tab + 1));
    });
    return list;
  }

  var loading = {};
  function load(path, ready) {
    if (loading[path]) return loading[path];
    loading[path] = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = base + path;
      script.async = true;
      // `ready` says (or promises) whether the file gave what it should.
      script.onload = function () {
        Promise.resolve().then(ready).then(function (ok) {
          if (ok) resolve(); else reject(new Error(path + ' is malformed'));
        }, reject);
      };
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
    return load('index/' + name + '.js', function () {
      return unpack('index/' + name).then(function (body) { data.shards[name] = parseShard(body); return true; });
    });
  }
  function loadPartFile(name) {
    return load('index/' + name + '.js', function () {
      return unpack('index/' + name).then(function (body) { data.parts[name] = parsePart(body); return true; });
    });
  }
  function partName(state, k) { return state.shard + '-' + state.big.index + '-' + k; }
  /** The next part of a big term's postings. */
  function loadPart(state) {
    var name = partName(state, state.loaded);
    return loadPartFile(name).then(function () {
      state.loaded = Math.max(state.loaded, parseInt(name.slice(name.lastIndexOf('-') + 1), 10) + 1);
    });
  }
  function loadDoc(position) {
    return load('doc/' + position + '.js', function () {
      var d = data.docs[position];
      return !!(d && typeof d.u === 'string' && Array.isArray(d.c) && d.c.length > 0);
    });
  }
  /** The chunk of a transcript's passages that holds passage `ord` (from 1). */
  function chunkOf(doc, ord) {
    var k = 0;
    for (var i = 0; i < doc.c.length; i++) if (doc.c[i] <= ord) k = i;
    return k;
  }
  /** The chunks that hold these passages of a transcript, loaded. */
  function loadPassages(position, ords) {
    var doc = data.docs[position], chunks = new Set();
    ords.forEach(function (ord) { if (ord > 0) chunks.add(chunkOf(doc, ord)); });
    return Promise.all(Array.from(chunks).map(function (k) {
      var key = position + '-' + k;
      return load('doc/' + key + '.js', function () {
        return unpack('doc/' + key).then(function (json) {
          data.texts[key] = JSON.parse(json);
          return Array.isArray(data.texts[key]);
        });
      });
    }));
  }
  /** Passage `ord` of a transcript as [id, speaker, seconds, text], if loaded. */
  function passageOf(position, ord) {
    var doc = data.docs[position];
    if (!doc || ord < 1) return null;
    var k = chunkOf(doc, ord), list = data.texts[position + '-' + k];
    var passage = list && list[ord - doc.c[k]];
    return Array.isArray(passage) ? passage : null;
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

  /** What a clause's terms are in the loaded shards: each term with its
      postings so far and, for a big term, how many of its parts are loaded. */
  function resolve(clause) {
    var shard = shardName(clause.prefix || clause.terms[0]);
    var found = data.shards[shard];
    clause.states = [];
    clause.names = [];
    if (!found) return;
    var names = clause.terms.filter(function (t) { return found.terms[t] || found.big[t]; });
    if (clause.prefix) {
      [found.terms, found.big].forEach(function (set) {
        for (var t in set) if (t.indexOf(clause.prefix) === 0 && names.indexOf(t) < 0) names.push(t);
      });
    }
    clause.names = names;
    clause.states = names.map(function (t) {
      return { term: t, shard: shard, small: found.terms[t] || null, big: found.terms[t] ? null : found.big[t], loaded: 0 };
    });
  }
  function complete(state) { return !state.big || state.loaded >= state.big.heads.length; }
  /** The parts a clause still needs, all of them (a filter, or a phrase to check). */
  function loadAll(clause) {
    return Promise.all(clause.states.filter(function (st) { return !complete(st); }).map(function (st) {
      var ks = [];
      for (var k = st.loaded; k < st.big.heads.length; k++) ks.push(k);
      return Promise.all(ks.map(function (k) {
        var name = partName(st, k);
        return loadPartFile(name);
      })).then(function () { st.loaded = st.big.heads.length; });
    }));
  }

  function saturate(tf) { return tf * (K1 + 1) / (tf + K1); }
  function idfOf(df, n) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }
  function parsePostings(text) {
    var entry = { ords: new Map(), title: false, best: 0 };
    text.split(',').forEach(function (p) {
      var dot = p.indexOf('.');
      var ord = parseInt(dot < 0 ? p : p.slice(0, dot), 10);
      var count = dot < 0 ? 1 : parseInt(p.slice(dot + 1), 10);
      if (ord === 0) entry.title = true;
      else { entry.ords.set(ord, count); if (count > entry.best) entry.best = count; }
    });
    return entry;
  }

  /** The passages of the loaded postings that have every clause, scored and
      grouped by transcript, best first; with how sure the order is: a
      transcript not settled (some of its postings may be in parts not
      loaded) scores at most `bound`. A passage's score is BM25 summed over
      the clauses, each clause counting its best term in the passage (a
      prefix can match several); a term in the title adds half its weight. */
  function rank(parsed) {
    var n = data.meta.n || 1;
    var clauses = parsed.clauses.map(function (clause) {
      var byDoc = new Map(), incomplete = [];
      clause.states.forEach(function (st, k) {
        var idf = idfOf(st.small ? st.small.length / 2 : st.big.df, n);
        var weight = clause.field ? 0 : idf;
        function add(list) {
          for (var i = 0; i < list.length; i += 2) {
            var e = parsePostings(list[i + 1]);
            e.term = k;
            e.weight = weight;
            e.impact = weight * (saturate(e.best) + (e.title ? 0.5 : 0));
            var at = byDoc.get(list[i]);
            if (!at) byDoc.set(list[i], at = []);
            at.push(e);
          }
        }
        if (st.small) add(st.small);
        else for (var p = 0; p < st.loaded; p++) add(data.parts[partName(st, p)] || []);
        if (!complete(st)) {
          var head = st.big.heads[st.loaded];
          incomplete.push({ term: k, bound: weight * (saturate(head.tf) + (head.title ? 0.5 : 0)) });
        }
      });
      return { byDoc: byDoc, incomplete: incomplete };
    });
    var whole = clauses.every(function (c) { return !c.incomplete.length; });
    var groups = [], bound = -Infinity;
    if (!clauses.length) return { groups: groups, bound: bound, whole: true };
    var positions;
    if (whole) {
      positions = clauses.reduce(function (a, b) { return a.byDoc.size <= b.byDoc.size ? a : b; }).byDoc;
    } else {
      positions = new Map();
      clauses.forEach(function (c) { c.byDoc.forEach(function (_, p) { positions.set(p, true); }); });
      // A transcript in no loaded postings can still match if no clause is whole.
      var unseen = 0;
      for (var i = 0; i < clauses.length; i++) {
        if (!clauses[i].incomplete.length) { unseen = -Infinity; break; }
        unseen += Math.max.apply(null, clauses[i].incomplete.map(function (x) { return x.bound; }));
      }
      bound = unseen;
    }
    positions.forEach(function (_, position) {
      var entries = [], settled = true, most = 0;
      for (var i = 0; i < clauses.length; i++) {
        var c = clauses[i], es = c.byDoc.get(position) || [];
        var best = -Infinity;
        es.forEach(function (e) { if (e.impact > best) best = e.impact; });
        c.incomplete.forEach(function (x) {
          if (!es.some(function (e) { return e.term === x.term; })) {
            settled = false;
            if (x.bound > best) best = x.bound;
          }
        });
        if (best === -Infinity) return;  // in no term of a whole clause: no match
        most += best;
        entries.push(es);
      }
      if (!settled) { if (most > bound) bound = most; return; }
      var candidates = new Set();
      entries.forEach(function (es) { es.forEach(function (e) { e.ords.forEach(function (_, ord) { candidates.add(ord); }); }); });
      if (!candidates.size) candidates.add(0);
      var passages = [];
      candidates.forEach(function (ord) {
        var score = 0;
        for (var i = 0; i < entries.length; i++) {
          var best = -1;
          entries[i].forEach(function (e) {
            var tf = ord ? (e.ords.get(ord) || 0) : 0;
            if (tf || e.title) best = Math.max(best, e.weight * (saturate(tf) + (e.title ? 0.5 : 0)));
          });
          if (best < 0) return;
          score += best;
        }
        passages.push({ ord: ord, score: score });
      });
      if (!passages.length) return;
      passages.sort(function (a, b) { return b.score - a.score || a.ord - b.ord; });
      groups.push({ position: position, passages: passages, score: passages[0].score });
    });
    groups.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    // Among equal scores the parts of one term are in site order, so with
    // one term a tie with what is not loaded yet cannot come first.
    var single = clauses.length === 1 && parsed.clauses[0].states.length === 1;
    return { groups: groups, bound: bound, whole: whole, single: single, clauses: clauses };
  }

  /** Ranks with more parts loaded until the first `count` transcripts are
      certain: each loaded one scores above anything not yet settled. */
  function rankFirst(parsed, count) {
    var ranked = rank(parsed);
    var k = Math.min(count, ranked.groups.length);
    var kth = k ? ranked.groups[k - 1].score : -Infinity;
    var sure = ranked.whole || ranked.bound === -Infinity ||
      (ranked.groups.length >= count && (kth > ranked.bound || (ranked.single && kth >= ranked.bound)));
    if (sure) return Promise.resolve(ranked);
    // The part that could raise a score most.
    var next = null, top = -Infinity;
    parsed.clauses.forEach(function (clause, i) {
      ranked.clauses[i].incomplete.forEach(function (x) {
        if (x.bound > top) { top = x.bound; next = clause.states[x.term]; }
      });
    });
    return loadPart(next).then(function () { return rankFirst(parsed, count); });
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
    var position = group.position;
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
      var passage = passageOf(position, p.ord);
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
      // Filters, and every word of a query with a phrase to check, need all
      // their postings; other words start with their best part.
      return Promise.all(parsed.clauses.map(function (clause) {
        resolve(clause);
        // data-parts="all" (scripts/check-search) loads every part, to compare the rankings.
        if (clause.field || parsed.phrases.length || root.getAttribute('data-parts') === 'all') return loadAll(clause);
        return Promise.all(clause.states.filter(function (st) { return !complete(st) && !st.loaded; }).map(loadPart));
      }));
    }).then(function () {
      if (mine !== generation) return;
      var ranked = null, groups = [];
      var list = element('ol', 'search-groups');
      results.appendChild(list);
      var next = 0, found = 0, passages = 0;
      function count() {
        if (parsed.phrases.length) return;
        passages = 0;
        groups.forEach(function (g) { passages += g.passages.length; });
      }
      function step() {
        if (mine !== generation) return Promise.resolve();
        return rankFirst(parsed, next + GROUPS).then(function (now) {
          ranked = now;
          groups = now.groups;
          count();
          var batch = groups.slice(next, next + GROUPS);
          next += batch.length;
          // Each transcript's own file, then the chunks of the passages it shows
          // (of every passage with the words, for a phrase to check).
          return Promise.all(batch.map(function (g) {
            return loadDoc(g.position).then(function () {
              var ords = (parsed.phrases.length ? g.passages : g.passages.slice(0, SHOWN)).map(function (p) { return p.ord; });
              return loadPassages(g.position, ords);
            });
          })).then(function () { return batch; });
        }).then(function (batch) {
          if (mine !== generation) return;
          batch.forEach(function (g) {
            var doc = data.docs[g.position];
            var kept = g.passages;
            if (parsed.phrases.length) {
              kept = kept.filter(function (p) {
                var passage = passageOf(g.position, p.ord);
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
        var transcripts = parsed.phrases.length ? found : groups.length;
        var exact = parsed.phrases.length ? next >= groups.length : ranked.whole;
        if (!ranked.whole && ranked.single) {
          // One word: its head line counts what its parts hold.
          var big = parsed.clauses[0].states[0].big;
          transcripts = big.df;
          passages = big.passages;
          exact = true;
        }
        status.textContent = (exact ? '' : 'At least ') + plural(passages, 'passage', 'passages') + ' in ' +
          plural(transcripts, 'transcript', 'transcripts') + '.';
        if (next < groups.length || !ranked.whole) {
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
      status.textContent = typeof DecompressionStream === 'function'
        ? 'Search is unavailable: part of its index could not be loaded.'
        : 'Search is unavailable: this browser cannot read its index (it lacks DecompressionStream).';
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

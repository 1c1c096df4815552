import GlossContent
import GlossMarkdown
import GlossModel
import GlossQuotes
import GlossRender
import GlossSearch
import GlossSite

/// One quotation of the site as `gloss check --quotes` lists it.
public struct QuoteListing: Sendable, Hashable {
    public var location: SourceLocation
    /// The quotation's words.
    public var text: String
    /// Who the text around it credits, as written.
    public var credit: String?
    /// `verbatim`, `trimmed`, `altered`, `not found`, or `not checked`
    /// (credited to someone who is not a speaker on this site).
    public var verdict: String
    /// The passage it was found in, as a site path: `2025/slug/#p-3f2a1c`.
    public var source: String?
    /// What was left out or changed, one line each.
    public var details: [String]
    /// The front matter entry that ruled on it, if one did.
    public var override: String?

    /// The verdict of a quotation the front matter marks as from a source
    /// the site does not hold.
    public static let unpublished = "unpublished source"

    public init(location: SourceLocation, text: String, credit: String?, verdict: String, source: String?, details: [String], override: String? = nil) {
        self.location = location
        self.text = text
        self.credit = credit
        self.verdict = verdict
        self.source = source
        self.details = details
        self.override = override
    }

    /// Altered or not found: what `--strict` fails on.
    public var fails: Bool { verdict == "altered" || verdict == "not found" }
}

/// Every checked quotation of a build, and the warnings they give.
struct SiteQuotes: Sendable {
    var listings: [QuoteListing] = []
    var diagnostics: [Diagnostic] = []
    /// What each transcript's page shows, by slug: the quotations an
    /// article makes, and the passages of a transcript others quote.
    var pages: [String: PageQuotes] = [:]
    /// What the check found, for the next rebuild in `gloss serve` to start from.
    var memory: QuoteScanMemory?

    /// Which quotations of a transcript are checked: in an article, every
    /// one but those credited to a name that is no speaker on the site
    /// (`— Reuters`: the site holds nothing to check them against); in any
    /// other transcript, only those credited to one of the site's speakers
    /// (a speech quoting a poet is not a quotation to check).
    ///
    /// A name may answer to several ids (a person in `speakers.yaml` and
    /// again in an imported article's own `speakers:`): the passages of each
    /// count.
    static func speakers(
        for quotation: LocatedQuotation, isArticle: Bool, named: (String) -> Set<String>
    ) -> (checked: Bool, speakers: Set<String>?) {
        guard let credit = quotation.quotation.attribution, !credit.isPronoun else { return (isArticle, nil) }
        let speakers = named(credit.name)
        guard !speakers.isEmpty else { return (false, nil) }
        return (true, speakers)
    }
}

extension SiteBuilder {
    /// Checks every quotation the transcripts' surveys found against every
    /// other transcript's passages (articles are not sources), following the
    /// editors' overrides (`quotes:` in the front matter). The passages
    /// are read again only when there is a quotation to check, so a site
    /// without any costs nothing; the whole check is made again on every
    /// build, so a rebuild after an edit reports what a clean build would.
    ///
    /// - Parameter listingUnchecked: whether quotations that cannot be
    ///   checked are listed too (`gloss check --quotes`); a build leaves them
    ///   out, as no page or warning shows them.
    ///
    /// Transcripts are reached by position, never iterated: a rebuild in
    /// `gloss serve` makes these passes over every transcript on each save,
    /// and a loop variable would copy each one.
    ///
    /// - Parameter quotations: each transcript's quotations, in the order of `transcripts`.
    /// - Parameter body: a transcript's remembered body by its place in
    ///   `transcripts`, if known (asked only when there is work): a candidate's passages are read from
    ///   what the search index keeps of it instead of rendered again.
    func checkQuotes(
        _ transcripts: [Document], quotations: [[LocatedQuotation]], rendering: BodyRendering, speakers: [Speaker],
        listingUnchecked: Bool = true, body: @escaping @Sendable (Int) -> RememberedBody? = { _ in nil }, memory: QuoteScanMemory? = nil
    ) -> SiteQuotes {
        // Most sites quote nothing: they pay for one look at each survey and
        // at each front matter's overrides.
        let hasOverrides = transcripts.indices.contains { !transcripts[$0].quoteOverrides.isEmpty }
        guard hasOverrides || quotations.contains(where: { !$0.isEmpty }) else { return SiteQuotes() }
        // The registry, and the speakers each transcript declares with a name of its own.
        var everyone = speakers
        for position in transcripts.indices {
            for appearance in transcripts[position].speakers where appearance.name != nil {
                everyone.append(Speaker(id: appearance.id, name: appearance.name ?? appearance.id, role: appearance.role, aliases: appearance.aliases))
            }
        }
        let names = SpeakerNames(everyone)
        var result = SiteQuotes()
        // The quotations the editors ruled on, by page and place in its survey.
        var rulings: [String: [Int: QuoteOverride]] = [:]
        if hasOverrides {
            for position in transcripts.indices where !transcripts[position].quoteOverrides.isEmpty {
                rulings[transcripts[position].path] = Self.quotationsRuled(
                    by: transcripts[position].quoteOverrides, in: quotations[position], into: &result.diagnostics
                )
            }
        }
        var work: [(document: Document, quotation: LocatedQuotation, speakers: Set<String>?)] = []
        var ruled: [(document: Document, quotation: LocatedQuotation, override: QuoteOverride)] = []
        var unchecked: [(LocatedQuotation)] = []
        // A site's quotations credit a few names many times over, often one
        // after another (a wire service's block quotes).
        var namesByCredit: [String: Set<String>] = [:]
        var lastCredit: (name: String, speakers: Set<String>)?
        for position in transcripts.indices where !quotations[position].isEmpty {
            let isArticle = transcripts[position].kind == "article"
            let overrides = rulings.isEmpty ? nil : rulings[transcripts[position].path]
            for index in quotations[position].indices {
                if let override = overrides?[index] {
                    ruled.append((transcripts[position], quotations[position][index], override))
                    continue
                }
                let (checked, credited) = SiteQuotes.speakers(for: quotations[position][index], isArticle: isArticle) { name in
                    if let lastCredit, lastCredit.name == name { return lastCredit.speakers }
                    let found = namesByCredit[name] ?? names.speakers(named: name)
                    namesByCredit[name] = found
                    lastCredit = (name, found)
                    return found
                }
                if checked {
                    work.append((transcripts[position], quotations[position][index], credited))
                } else if listingUnchecked, quotations[position][index].quotation.attribution != nil {
                    unchecked.append(quotations[position][index])
                }
            }
        }
        result.listings = unchecked.map { quotation in
            QuoteListing(location: quotation.location, text: quotation.quotation.text, credit: quotation.quotation.attribution?.name,
                         verdict: "not checked", source: nil, details: ["credited to someone who is not a speaker on this site"])
        }

        /// One checked quotation's listing, page entry and backlink.
        func record(_ document: Document, _ quotation: LocatedQuotation, _ outcome: QuoteResult, source: Document?,
                    details: [String], override: QuoteOverride? = nil) {
            let passage = outcome.match?.passageIDs.first
            var listing = QuoteListing(
                location: quotation.location, text: quotation.quotation.text, credit: quotation.quotation.attribution?.name,
                verdict: outcome.verdict.name, source: source.flatMap { source in passage.map { SiteURL.pageDirectory(forSlug: source.slug) + "#" + $0 } },
                details: details
            )
            listing.override = override.map { "pinned to this passage by the front matter at \($0.location)" }
            result.listings.append(listing)
            var checked = CheckedQuote(
                text: quotation.quotation.text, verdict: outcome.verdict.name, sourceSlug: source?.slug,
                sourceTitle: source?.frontMatter.title, passageID: passage, details: details, location: quotation.location
            )
            checked.isPinned = override != nil
            result.pages[document.slug, default: PageQuotes()].checked.append(checked)
            if let source, let passage {
                result.pages[source.slug, default: PageQuotes()].quotedIn.append(QuotedPassage(
                    passageID: passage, fromSlug: document.slug, fromTitle: document.frontMatter.title, verdict: outcome.verdict.name
                ))
            }
        }

        if !ruled.isEmpty {
            for pinned in checkRuled(ruled, transcripts: transcripts, rendering: rendering, into: &result) {
                record(pinned.document, pinned.quotation, pinned.outcome, source: pinned.source,
                       details: Self.details(of: pinned.outcome), override: pinned.override)
            }
        }
        if !work.isEmpty {
            let sourcePositions = transcripts.indices.filter { transcripts[$0].frontMatter.kind != "article" }
            let sourceDocuments = sourcePositions.map { transcripts[$0] }
            let sourceBodies = sourcePositions.map(body)
            var picked = Self.candidates(
                for: work.map(\.quotation.quotation.text), among: sourceDocuments, bodies: sourceBodies, rendering: rendering, memory: memory
            )
            // Only the candidates are read as passages and cut into words:
            // first each quotation's best, which settles most quotations
            // (``QuoteChecker/isUnbeatable(_:text:date:sourceDate:)``), then
            // all the candidates of the others.
            var outcomes = [QuoteResult?](repeating: nil, count: work.count)
            // A verdict found before stands while its quotation and its
            // candidates are as they were.
            let keys = work.indices.map { index in
                QuoteScanMemory.OutcomeKey(
                    text: work[index].quotation.quotation.text, speakers: work[index].speakers, date: work[index].document.frontMatter.date,
                    excluding: work[index].document.path, candidates: picked.candidates[index]
                )
            }
            if let earlier = picked.memory.outcomes {
                for index in work.indices {
                    guard let outcome = earlier[keys[index]], !keys[index].candidates.contains(where: picked.changed) else { continue }
                    outcomes[index] = outcome
                }
            }
            // Round 1 aligns only the candidates after the best, whose
            // verdict round 0 found, and merges the two.
            var firstOutcomes = [QuoteResult?](repeating: nil, count: work.count)
            for round in 0 ..< 2 {
                let open = work.indices.filter { outcomes[$0] == nil }
                let wanted = open.map { round == 0 ? Array(picked.candidates[$0].prefix(1)) : Array(picked.candidates[$0].dropFirst()) }
                let unread = Array(Set(wanted.joined()).filter { picked.passages[$0] == nil }).sorted()
                let reader = picked.read
                let read = unread.parallelMap { reader($0) }
                for (position, source) in zip(unread, read) { picked.passages[position] = source }
                let order = Array(picked.passages.keys).sorted()
                let checker = QuoteChecker(library: QuoteLibrary(sources: order.map { picked.passages[$0] ?? QuoteSource(id: "", passages: []) }, filters: false))
                let local = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
                let jobs = open.indices.map { (index: open[$0], item: work[open[$0]], candidates: wanted[$0].compactMap { local[$0] }) }
                let earlier = firstOutcomes
                let checked = jobs.parallelMap { job -> (Int, QuoteResult, settled: Bool) in
                    let item = job.item
                    let date = item.document.frontMatter.date
                    if round == 1, let first = earlier[job.index], job.candidates.isEmpty { return (job.index, first, true) }
                    let outcome = checker.check(
                        item.quotation.quotation.text, speakers: item.speakers, date: date, excluding: item.document.path,
                        candidates: job.candidates
                    )
                    // Mapped back from the library's order to the sources'.
                    var mapped = outcome
                    if let match = outcome.match { mapped.match?.sourceIndex = order[match.sourceIndex] }
                    if round == 0 {
                        guard let match = mapped.match, QuoteChecker.isUnbeatable(
                            mapped, text: item.quotation.quotation.text, date: date,
                            sourceDate: sourceDocuments[match.sourceIndex].frontMatter.date
                        ) else { return (job.index, mapped, false) }
                        return (job.index, mapped, true)
                    }
                    guard let first = earlier[job.index] else { return (job.index, mapped, true) }
                    return (job.index, QuoteChecker.merged(first, mapped, date: date) { sourceDocuments[$0].frontMatter.date }, true)
                }
                for (index, outcome, settled) in checked {
                    if settled { outcomes[index] = outcome } else { firstOutcomes[index] = outcome }
                }
            }
            let checked = work.indices.map { (work[$0], outcomes[$0] ?? QuoteResult.notFound) }
            var kept = picked.memory
            kept.passages = picked.passages
            kept.outcomes = Dictionary(zip(keys, checked.map(\.1)), uniquingKeysWith: { first, _ in first })
            result.memory = kept
            for (item, outcome) in checked {
                let quotation = item.quotation
                var details = Self.details(of: outcome)
                if case .notFound = outcome.verdict {
                    let whose = item.speakers.map { ids in
                        ids.sorted().map { id in everyone.first { $0.id == id }?.name ?? id }.reduce(into: [String]()) { names, name in
                            if !names.contains(name) { names.append(name) }
                        }.joined(separator: " or ") + "’s passages"
                    } ?? "the transcripts on this site"
                    details = [Self.notFoundDetail(outcome, whose: whose)]
                    result.diagnostics.append(.warning(
                        at: quotation.location, "quotation not found in the transcripts on this site",
                        note: (quotation.quotation.attribution.map { "credited to \($0.name); " } ?? "") + details[0]
                            + "; see docs/quotes.md"
                    ))
                }
                record(item.document, quotation, outcome, source: outcome.match.map { sourceDocuments[$0.sourceIndex] }, details: details)
            }
        }
        result.listings.sort { $0.location < $1.location }
        // In an order that does not depend on the order of the work.
        for (slug, page) in result.pages {
            var page = page
            page.checked.sort { a, b in
                let (x, y) = (a.location ?? SourceLocation(file: ""), b.location ?? SourceLocation(file: ""))
                return (x.line, x.column, a.text) < (y.line, y.column, b.text)
            }
            page.quotedIn.sort { ($0.passageID, $0.fromSlug, $0.verdict) < ($1.passageID, $1.fromSlug, $1.verdict) }
            result.pages[slug] = page
        }
        return result
    }

    /// The sources worth aligning each quotation with, as the pair filters
    /// of every source once picked them: those holding at least a third of
    /// the quotation's distinct pairs of words (of words some source holds),
    /// most first, at most eight. Found by one scan of each source's
    /// Markdown for the quotations' words and pairs (``QuoteProbe``), the
    /// passages read only of the sources whose Markdown may hide a pair and
    /// of the candidates.
    ///
    /// - Returns: each quotation's candidates, by place in `sources`; the
    ///   places of every candidate, ascending; and their passages.
    static func candidates(
        for quotations: [String], among sources: [Document], bodies: [RememberedBody?], rendering: BodyRendering,
        memory earlier: QuoteScanMemory? = nil
    ) -> PickedCandidates {
        /// A source's passages: those the search index keeps, else rendered again.
        @Sendable func read(_ position: Int) -> QuoteSource {
            let document = sources[position]
            var passages: [SourcePassage]?
            if position < bodies.count, let body = bodies[position] {
                switch body.survey.searchPassages {
                case .inMemory(let stored): passages = Self.sourcePassages(stored: stored)
                case .stored(let location): passages = rendering.store?.read(location).flatMap(Self.sourcePassages(stored:))
                case .dropped: break
                }
            }
            return QuoteSource(
                id: document.path, date: document.frontMatter.date, speakerIDs: document.frontMatter.speakers.map(\.id),
                passages: passages ?? rendering.render(rendering.loaded(document)).passages.map { SourcePassage(id: $0.id, speakerID: $0.speakerID, text: $0.text) }
            )
        }
        @Sendable func scan(_ probe: QuoteProbe, _ position: Int) -> QuoteProbe.Hits {
            let document = rendering.loaded(sources[position])
            if let hits = probe.scan(markdown: document.body) { return hits }
            return probe.scan(passages: read(position).passages.map(\.text))
        }
        let paths = sources.map(\.path)
        let revisions = sources.map(\.revision)
        // In `gloss serve`, what the last rebuild scanned stands for the
        // transcripts whose words are as they were, if the quotations hold
        // no word or pair it did not look for (an edit of an article's
        // other words, or one that drops a quotation).
        // The sources changed since the last rebuild (nil: all of them).
        let sinceLast: [Int]? = earlier.flatMap { earlier in
            earlier.paths == paths ? sources.indices.filter { earlier.revisions[$0] != revisions[$0] } : nil
        }
        var reused: (memory: QuoteScanMemory, probe: QuoteProbe, changed: [Int])?
        if let earlier, let changed = sinceLast {
            if earlier.quotations == quotations {
                reused = (earlier, earlier.probe, changed)
            } else {
                let widened = QuoteProbe(quotations: earlier.probeQuotations + quotations)
                if widened.wordCount == earlier.probe.wordCount, widened.pairCount == earlier.probe.pairCount {
                    reused = (earlier, widened, changed)
                }
            }
        }
        var memory: QuoteScanMemory
        var changed: Set<Int> = []
        if let reused {
            memory = reused.memory
            memory.probe = reused.probe
            let rescanned = reused.changed.parallelMap { scan(reused.probe, $0) }
            for (position, hits) in zip(reused.changed, rescanned) { memory.hits[position] = hits }
            changed = Set(reused.changed)
            memory.passages = memory.passages.filter { !changed.contains($0.key) }
        } else {
            let probe = QuoteProbe(quotations: quotations)
            memory = QuoteScanMemory(
                probeQuotations: quotations, probe: probe, paths: paths,
                hits: Array(sources.indices).parallelMap { scan(probe, $0) }
            )
            memory.outcomes = earlier?.outcomes
            // Passages read before stand for the sources not changed since.
            if let earlier, let changed = sinceLast.map(Set.init) {
                memory.passages = earlier.passages.filter { !changed.contains($0.key) }
            }
        }
        memory.revisions = revisions
        // The quotations' pairs: the last ones of the probe's (a widened
        // probe numbers the earlier quotations' words first).
        let quotationPairs = Array(memory.probe.quotationPairs.suffix(quotations.count))
        let hits = memory.hits
        var passages = memory.passages
        // Which quotation words some source's passages hold: those of the
        // sources read exactly, then, for each word seen only in Markdown
        // (where it may be a heading's or a label's), the passages of the
        // sources it was seen in, until one holds it.
        var known = [Bool](repeating: false, count: memory.probe.wordCount)
        for position in hits.indices where hits[position].exact {
            for word in hits[position].words { known[Int(word)] = true }
        }
        var seenIn = [[Int]](repeating: [], count: memory.probe.wordCount)
        for position in hits.indices where !hits[position].exact {
            for word in hits[position].words where !known[Int(word)] && seenIn[Int(word)].count < Self.confirmingReads {
                seenIn[Int(word)].append(position)
            }
        }
        // The reads only tell which words are known: each source's own
        // count stays its Markdown's, so that the candidates do not depend
        // on which sources happened to be read.
        for word in seenIn.indices where !known[word] && !seenIn[word].isEmpty {
            for position in seenIn[word] {
                let source = passages[position] ?? read(position)
                passages[position] = source
                for word in memory.probe.scan(passages: source.passages.map(\.text)).words { known[Int(word)] = true }
                if known[word] { break }
            }
            // Seen in more Markdown than is worth reading: taken as known.
            if !known[word], seenIn[word].count >= Self.confirmingReads { known[word] = true }
        }
        // Each quotation's known pairs, and which quotations own each pair.
        var needed = [Int](repeating: 1, count: quotations.count)
        var owners = [[Int32]](repeating: [], count: memory.probe.pairCount)
        for (quotation, pairs) in quotationPairs.enumerated() {
            var count = 0
            for pair in pairs where known[Int(pair.first)] && known[Int(pair.second)] {
                count += 1
                owners[Int(pair.pair)].append(Int32(quotation))
            }
            needed[quotation] = count == 0 ? Int.max : max(1, count / 3)
        }
        // Each quotation's sources holding enough of its pairs, best first.
        func score(_ position: Int, into scored: inout [[QuoteScanMemory.Scored]]) {
            let found = Self.scored(sources: position..<(position + 1), hits: hits, owners: owners, needed: needed)
            for (quotation, entries) in found.enumerated() {
                for entry in entries {
                    var low = 0, high = scored[quotation].count
                    while low < high {
                        let middle = (low + high) / 2
                        if scored[quotation][middle].precedes(entry) { low = middle + 1 } else { high = middle }
                    }
                    scored[quotation].insert(entry, at: low)
                }
            }
        }
        if reused != nil, memory.quotations == quotations, known == memory.known {
            // Only the changed sources' entries are made again.
            var scored = memory.scored
            if !changed.isEmpty {
                for quotation in scored.indices where scored[quotation].contains(where: { changed.contains($0.source) }) {
                    scored[quotation].removeAll { changed.contains($0.source) }
                }
                for position in changed.sorted() { score(position, into: &scored) }
            }
            memory.scored = scored
        } else {
            // In stretches of sources at once, each stretch's entries in
            // the order of its sources, joined in the stretches' order.
            let (owned, least) = (owners, needed)
            let stretch = max(64, hits.count / 16)
            let stretches = stride(from: 0, to: hits.count, by: stretch).map { $0 ..< min($0 + stretch, hits.count) }
            let parts = stretches.parallelMap { Self.scored(sources: $0, hits: hits, owners: owned, needed: least) }
            memory.scored = quotations.indices.map { quotation in
                QuoteScanMemory.Scored.ordered(parts.flatMap { $0[quotation] })
            }
        }
        memory.quotations = quotations
        memory.known = known
        memory.passages = passages
        let candidates = memory.scored.map { $0.prefix(8).map(\.source) }
        if sinceLast == nil { memory.outcomes = nil }
        return PickedCandidates(candidates: candidates, passages: passages, read: read, memory: memory, changedSources: sinceLast.map(Set.init))
    }

    /// The sources among `range` holding enough of each quotation's pairs
    /// (at least `needed[quotation]` of those `owners` gives it), each
    /// quotation's in the order of the sources.
    static func scored(sources range: Range<Int>, hits: [QuoteProbe.Hits], owners: [[Int32]], needed: [Int]) -> [[QuoteScanMemory.Scored]] {
        var scored = [[QuoteScanMemory.Scored]](repeating: [], count: needed.count)
        var counts = [Int](repeating: 0, count: needed.count)
        var touched: [Int] = []
        // The owners in one array, each pair's from `first[pair]` to
        // `first[pair + 1]`: the inner loop below runs for every pair every
        // source holds, and an array of arrays costs a retain and a release
        // each time it is indexed.
        var first = [Int](repeating: 0, count: owners.count + 1)
        for pair in owners.indices { first[pair + 1] = first[pair] + owners[pair].count }
        let owning = owners.flatMap { $0 }
        owning.withUnsafeBufferPointer { owning in
            first.withUnsafeBufferPointer { first in
                counts.withUnsafeMutableBufferPointer { counts in
                    for position in range {
                        for pair in hits[position].pairs {
                            for k in first[Int(pair)] ..< first[Int(pair) + 1] {
                                let quotation = Int(owning[k])
                                if counts[quotation] == 0 { touched.append(quotation) }
                                counts[quotation] += 1
                            }
                        }
                        for quotation in touched {
                            if counts[quotation] >= needed[quotation] {
                                scored[quotation].append(QuoteScanMemory.Scored(source: position, hits: counts[quotation]))
                            }
                            counts[quotation] = 0
                        }
                        touched.removeAll(keepingCapacity: true)
                    }
                }
            }
        }
        return scored
    }

    /// Each quotation's candidates, by place among the sources, best
    /// first; the passages of those read so far; how to read the others;
    /// what to keep for the next rebuild, and the sources changed since
    /// the last (nil: all of them).
    struct PickedCandidates {
        var candidates: [[Int]]
        var passages: [Int: QuoteSource]
        var read: @Sendable (Int) -> QuoteSource
        var memory: QuoteScanMemory
        var changedSources: Set<Int>?

        /// Whether a source changed since the last rebuild.
        func changed(_ position: Int) -> Bool { changedSources?.contains(position) ?? true }
    }

    /// A transcript's passages as the search index keeps them, for the check.
    static func sourcePassages(fromJSON json: String) -> [SourcePassage]? {
        SearchIndex.passages(fromJSON: Array(json.utf8))?.map { SourcePassage(id: $0.id, speakerID: $0.speakerID, text: $0.text) }
    }

    /// A transcript's passages as the body store keeps them: the search
    /// index's JSON, or ``storedPassages(_:)``'s form when search is off.
    static func sourcePassages(stored: String) -> [SourcePassage]? {
        stored.utf8.first == UInt8(ascii: "Q") ? sourcePassages(fromStored: stored) : sourcePassages(fromJSON: stored)
    }

    /// Passages as the body store keeps them for the quote check when search
    /// is off (a site with articles): `Q`, then each passage's id, speaker
    /// id (`~` for none) and text, each as its length in UTF-8 bytes, `:`
    /// and its bytes. Quicker to write and read than JSON, which escapes.
    static func storedPassages(_ passages: [Passage]) -> String {
        var out = "Q"
        out.reserveCapacity(passages.reduce(1) { $0 + $1.text.utf8.count + $1.id.utf8.count + 24 })
        func field(_ text: String) {
            out += String(text.utf8.count)
            out += ":"
            out += text
        }
        for passage in passages {
            field(passage.id)
            if let speaker = passage.speakerID { field(speaker) } else { out += "~" }
            field(passage.text)
        }
        return out
    }

    /// ``storedPassages(_:)`` read back; nil if it is not that form.
    static func sourcePassages(fromStored stored: String) -> [SourcePassage]? {
        var stored = stored
        return stored.withUTF8 { bytes -> [SourcePassage]? in
            guard bytes.first == UInt8(ascii: "Q") else { return nil }
            var i = 1
            func field() -> String? {
                var length = 0
                var digits = 0
                while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9"), digits < 12 {
                    length = length * 10 + Int(bytes[i] - UInt8(ascii: "0"))
                    digits += 1
                    i += 1
                }
                guard digits > 0, i < bytes.count, bytes[i] == UInt8(ascii: ":"), length <= bytes.count - i - 1 else { return nil }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1) ..< (i + 1 + length)]), as: UTF8.self)
                i += 1 + length
                return text
            }
            var passages: [SourcePassage] = []
            while i < bytes.count {
                guard let id = field() else { return nil }
                var speaker: String?
                if i < bytes.count, bytes[i] == UInt8(ascii: "~") {
                    i += 1
                } else {
                    guard let read = field() else { return nil }
                    speaker = read
                }
                guard let text = field() else { return nil }
                passages.append(SourcePassage(id: id, speakerID: speaker, text: text))
            }
            return passages
        }
    }

    /// How many sources' passages are read to find whether a quotation's
    /// word seen in their Markdown is in a passage.
    static let confirmingReads = 32

    /// What a verdict found left out or changed, one line each.
    static func details(of outcome: QuoteResult) -> [String] {
        switch outcome.verdict {
        case .verbatim, .notFound: []
        case .trimmed(let omitted): omitted.map { "left out: “\($0)”" }
        case .altered(let changes):
            changes.map { change in
                change.quoted.isEmpty ? "left out: “\(change.said)”"
                    : change.said.isEmpty ? "added: “\(change.quoted)”"
                    : "said “\(change.said)”, quoted “\(change.quoted)”"
            }
        }
    }

    /// `not in Pete Hegseth’s passages: …`, with how near the nearest came.
    static func notFoundDetail(_ outcome: QuoteResult, whose: String) -> String {
        let percent = { (share: Double) in "\(Int((share * 100).rounded())) %" }
        return outcome.similarity == 0 ? "not in \(whose): no passage has its words in that order" : "not in \(whose): the nearest passage has \(percent(outcome.coverage)) of its words (\(percent(QuoteChecker.minimumCoverage)) needed) and a similarity of \(Self.format(outcome.similarity)) (\(Self.format(QuoteChecker.minimumSimilarity)) needed)"
    }

    // MARK: Overrides

    /// Which of a page's quotations each override names, by place in the
    /// page's survey. An override names the quotations whose words begin
    /// with its words; one that names none, or two different quotations
    /// (neither of them word for word), is an error, as is a second
    /// override of a quotation: the check never guesses which was meant.
    static func quotationsRuled(
        by overrides: [QuoteOverride], in quotations: [LocatedQuotation], into diagnostics: inout [Diagnostic]
    ) -> [Int: QuoteOverride] {
        let quotationWords = quotations.map { QuoteText.words($0.quotation.text) }
        var ruled: [Int: QuoteOverride] = [:]
        for override in overrides {
            let words = QuoteText.words(override.quote)
            let shown = Self.opening(override.quote)
            var named = quotationWords.indices.filter { !words.isEmpty && quotationWords[$0].starts(with: words) }
            let exact = named.filter { quotationWords[$0] == words }
            if !exact.isEmpty { named = exact }
            if named.isEmpty {
                let listed = quotations.prefix(5).map { "“\(Self.opening($0.quotation.text))” (line \($0.location.line))" }
                diagnostics.append(.error(
                    at: override.location, "quotes: no quotation on this page begins with “\(shown)”",
                    note: "an entry names a quotation of \(QuoteFinder.minimumWords) words or more by its words or its first words; "
                        + (listed.isEmpty ? "this page has none: remove the entry"
                            : "fix the entry, or remove it if the quotation is gone; the page's quotations: " + listed.joined(separator: ", ")
                            + (quotations.count > 5 ? ", …" : ""))
                ))
                continue
            }
            if Set(named.map { quotationWords[$0] }).count > 1 {
                diagnostics.append(.error(
                    at: override.location, "quotes: “\(shown)” begins \(named.count) different quotations on this page",
                    note: "quote more of the words, so that the entry names one: "
                        + named.prefix(5).map { "“\(Self.opening(quotations[$0].quotation.text))” (line \(quotations[$0].location.line))" }.joined(separator: ", ")
                ))
                continue
            }
            for index in named {
                if let earlier = ruled[index] {
                    diagnostics.append(.error(
                        at: override.location, "quotes: “\(shown)” names a quotation that the entry at line \(earlier.location.line) names already",
                        note: "keep one entry for each quotation"
                    ))
                } else {
                    ruled[index] = override
                }
            }
        }
        return ruled
    }

    /// The quotations an editor ruled on: those from an unpublished source
    /// listed as such, those pinned to a passage checked against that
    /// passage alone. A pin whose transcript or passage is gone, or whose
    /// passage no longer holds the quotation, is an error at the entry.
    ///
    /// - Returns: the pinned quotations with their verdicts, for the caller
    ///   to record as it records the others.
    func checkRuled(
        _ ruled: [(document: Document, quotation: LocatedQuotation, override: QuoteOverride)], transcripts: [Document],
        rendering: BodyRendering, into result: inout SiteQuotes
    ) -> [(document: Document, quotation: LocatedQuotation, outcome: QuoteResult, source: Document, override: QuoteOverride)] {
        var pinnedOutcomes: [(document: Document, quotation: LocatedQuotation, outcome: QuoteResult, source: Document, override: QuoteOverride)] = []
        var bySlug: [String: Document] = [:]
        for document in transcripts where bySlug[document.slug] == nil { bySlug[document.slug] = document }
        // Each pinned transcript's passages, read once however many pins name it.
        var passagesByPath: [String: [Passage]] = [:]
        for item in ruled {
            let quotation = item.quotation
            switch item.override.ruling {
            case .unpublished(let description):
                result.listings.append(QuoteListing(
                    location: quotation.location, text: quotation.quotation.text, credit: quotation.quotation.attribution?.name,
                    verdict: QuoteListing.unpublished, source: nil, details: ["source: \(description)"],
                    override: "marked as from an unpublished source by the front matter at \(item.override.location)"
                ))
                var checked = CheckedQuote(text: quotation.quotation.text, verdict: QuoteListing.unpublished, location: quotation.location)
                checked.unpublishedSource = description
                result.pages[item.document.slug, default: PageQuotes()].checked.append(checked)
            case .passage(let slug, let passageID):
                let named = "\(slug)#\(passageID)"
                let at = item.override.sourceLocation ?? item.override.location
                guard let source = bySlug[slug] else {
                    let suggestion = ClosestMatch.closest(to: slug, among: bySlug.keys).map(ClosestMatch.note)
                    result.diagnostics.append(.error(
                        at: at, "quotes: “\(Self.opening(quotation.quotation.text))” is pinned to \(named), but there is no published transcript \"\(slug)\"",
                        note: [suggestion, "a source names a transcript by its path without .md, and a passage: `source: 2025/speech#p-3f2a1c`"]
                            .compactMap { $0 }.joined(separator: "; ")
                    ))
                    continue
                }
                guard source.path != item.document.path else {
                    result.diagnostics.append(.error(
                        at: at, "quotes: “\(Self.opening(quotation.quotation.text))” is pinned to \(named), a passage of the quoting page itself",
                        note: "pin it to a passage of the transcript it quotes"
                    ))
                    continue
                }
                let rendered = passagesByPath[source.path] ?? rendering.render(source).passages
                passagesByPath[source.path] = rendered
                let whole = QuoteSource(
                    id: source.path, date: source.frontMatter.date, speakerIDs: source.frontMatter.speakers.map(\.id),
                    passages: rendered.map { SourcePassage(id: $0.id, speakerID: $0.speakerID, text: $0.text) }
                )
                // A paragraph by its id, or a turn's paragraphs by the turn's
                // timestamp anchor, which survives edits of their words.
                let pinned = rendered.filter { $0.id == passageID || $0.turnID == passageID }
                guard !pinned.isEmpty else {
                    // Where the quotation is now, if the passage was edited
                    // (its id is a hash of its words) and still holds it.
                    let now = QuoteChecker(library: QuoteLibrary(sources: [whole])).check(quotation.quotation.text, speakers: nil)
                    let moved = now.match?.passageIDs.first.map { "the quotation is in \(slug)#\($0) now: `source: \(slug)#\($0)`" }
                    result.diagnostics.append(.error(
                        at: at, "quotes: “\(Self.opening(quotation.quotation.text))” is pinned to \(named), but \(slug) has no passage \"\(passageID)\"",
                        note: moved ?? "a paragraph's id changes when its words do; pin the quotation to the passage's id or its turn's timestamp (`#t-00-01-12`) as the page shows them now, or remove the entry"
                    ))
                    continue
                }
                var single = whole
                single.passages = pinned.map { SourcePassage(id: $0.id, speakerID: $0.speakerID, text: $0.text) }
                let outcome = QuoteChecker(library: QuoteLibrary(sources: [single])).check(quotation.quotation.text, speakers: nil)
                if case .notFound = outcome.verdict {
                    result.diagnostics.append(.error(
                        at: item.override.location,
                        "quotes: “\(Self.opening(quotation.quotation.text))” is pinned to \(named), which no longer holds it",
                        note: Self.notFoundDetail(outcome, whose: named) + "; the passage reads “\(Self.opening(pinned.map(\.text).joined(separator: " ")))”"
                            + "; pin the quotation to the passage that holds it, or remove the entry"
                    ))
                    continue
                }
                pinnedOutcomes.append((item.document, quotation, outcome, source, item.override))
            }
        }
        return pinnedOutcomes
    }

    /// A quotation's first twelve words, for messages.
    static func opening(_ text: String) -> String {
        let words = text.split(whereSeparator: \.isWhitespace)
        return words.prefix(12).joined(separator: " ") + (words.count > 12 ? " …" : "")
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths >= 100 { return "1.00" }
        return "0." + (hundredths < 10 ? "0" : "") + String(hundredths % 100)
    }
}

extension SiteBuilder {
    /// A transcript's Markdown body read again from its file (the quote
    /// check reads every transcript's again), without decoding the front
    /// matter: nil unless the file is plain UTF-8 text with `\n` line
    /// endings and no byte order mark, which loading took as it is, and its
    /// body starts on the line the document's did, so that it is the body
    /// loading found. Otherwise the caller reads the whole document again.
    func markdownBody(of document: Document) -> String? {
        guard let bytes = try? fileSystem.readFile(at: settings.contentDirectory + "/" + document.path),
              !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.contains(where: { $0 == 0 || $0 == UInt8(ascii: "\r") }),
              let text = String(validating: bytes, as: UTF8.self),
              case .success(let split) = FrontMatterSplitter.split(text), split.yaml != nil, split.bodyFirstLine == document.bodyStartLine
        else { return nil }
        return split.body
    }
}

/// What the quote check keeps from one rebuild to the next in `gloss serve`
/// (``SiteBuilder/candidates(for:among:bodies:rendering:memory:)``): each
/// source's scan, each quotation's scored sources, the passages read, the
/// verdicts. A rebuild after a transcript edit scans that transcript alone
/// and checks again only the quotations it was or is a candidate of.
struct QuoteScanMemory: Sendable {
    /// The quotations the probe was made from, and the probe.
    var probeQuotations: [String]
    var probe: QuoteProbe
    /// The sources by path, and each one's revision when scanned.
    var paths: [String]
    var revisions: [UInt64] = []
    var hits: [QuoteProbe.Hits]
    /// The quotations checked last, which quotation words are known, and
    /// each quotation's sources holding enough of its pairs, best first.
    var quotations: [String] = []
    var known: [Bool] = []
    var scored: [[Scored]] = []
    var passages: [Int: QuoteSource] = [:]
    var outcomes: [OutcomeKey: QuoteResult]?

    struct Scored: Sendable, Hashable {
        var source: Int
        var hits: Int

        /// More pairs first, then the earlier source.
        func precedes(_ other: Scored) -> Bool {
            (hits, -source) > (other.hits, -other.source)
        }

        /// `entries` in the order of ``precedes(_:)``: a counting sort by
        /// pairs held when they come in the order of their sources, as a
        /// scan of the sources gives them (a sort otherwise).
        static func ordered(_ entries: [Scored]) -> [Scored] {
            guard entries.count > 1 else { return entries }
            var most = 0
            for index in entries.indices {
                if index > 0, entries[index - 1].source >= entries[index].source { return entries.sorted { $0.precedes($1) } }
                most = max(most, entries[index].hits)
            }
            guard entries.allSatisfy({ $0.hits >= 0 }) else { return entries.sorted { $0.precedes($1) } }
            // Bucket `most - hits`: the most pairs first.
            var next = [Int](repeating: 0, count: most + 2)
            for entry in entries { next[most - entry.hits + 1] += 1 }
            for bucket in 1 ..< next.count { next[bucket] += next[bucket - 1] }
            var result = entries
            for entry in entries {
                result[next[most - entry.hits]] = entry
                next[most - entry.hits] += 1
            }
            return result
        }
    }

    /// What a verdict depends on beside its candidates' passages.
    struct OutcomeKey: Sendable, Hashable {
        var text: String
        var speakers: Set<String>?
        var date: CalendarDate?
        var excluding: String
        var candidates: [Int]
    }
}

import GlossModel
import GlossQuotes
import GlossRender
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
    /// other transcript's passages (articles are not sources). The passages
    /// are read again only when there is a quotation to check, so a site
    /// without any costs nothing; the whole check is made again on every
    /// build, so a rebuild after an edit reports what a clean build would.
    ///
    /// - Parameter listingUnchecked: whether quotations that cannot be
    ///   checked are listed too (`gloss check --quotes`); a build leaves them
    ///   out, as no page or warning shows them.
    func checkQuotes(
        _ transcripts: [Document], bodies: [String: RememberedBody], rendering: BodyRendering, speakers: [Speaker],
        listingUnchecked: Bool = true
    ) -> SiteQuotes {
        // Most sites quote nothing: they pay for one look at each survey.
        guard bodies.values.contains(where: { !$0.survey.quotations.isEmpty }) else { return SiteQuotes() }
        // The registry, and the speakers each transcript declares with a name of its own.
        var everyone = speakers
        for document in transcripts {
            for appearance in document.speakers where appearance.name != nil {
                everyone.append(Speaker(id: appearance.id, name: appearance.name ?? appearance.id, aliases: appearance.aliases))
            }
        }
        let names = SpeakerNames(everyone)
        var work: [(document: Document, quotation: LocatedQuotation, speakers: Set<String>?)] = []
        var unchecked: [(LocatedQuotation)] = []
        // A site's quotations credit a few names many times over.
        var namesByCredit: [String: Set<String>] = [:]
        for document in transcripts {
            let isArticle = document.frontMatter.kind == "article"
            for quotation in bodies[document.path]?.survey.quotations ?? [] {
                let (checked, credited) = SiteQuotes.speakers(for: quotation, isArticle: isArticle) { name in
                    if let known = namesByCredit[name] { return known }
                    let found = names.speakers(named: name)
                    namesByCredit[name] = found
                    return found
                }
                if checked {
                    work.append((document, quotation, credited))
                } else if listingUnchecked, quotation.quotation.attribution != nil {
                    unchecked.append(quotation)
                }
            }
        }
        var result = SiteQuotes()
        result.listings = unchecked.map { quotation in
            QuoteListing(location: quotation.location, text: quotation.quotation.text, credit: quotation.quotation.attribution?.name,
                         verdict: "not checked", source: nil, details: ["credited to someone who is not a speaker on this site"])
        }
        guard !work.isEmpty else {
            result.listings.sort { $0.location < $1.location }
            return result
        }
        let sourceDocuments = transcripts.filter { $0.frontMatter.kind != "article" }
        let sources = sourceDocuments.parallelMap { document in
            QuoteSource(
                id: document.path, date: document.frontMatter.date, speakerIDs: document.frontMatter.speakers.map(\.id),
                passages: rendering.render(document).passages.map { SourcePassage(id: $0.id, speakerID: $0.speakerID, text: $0.text) }
            )
        }
        let checker = QuoteChecker(library: QuoteLibrary(sources: sources))
        let checked = work.parallelMap { item in
            (item, checker.check(item.quotation.quotation.text, speakers: item.speakers, date: item.document.frontMatter.date, excluding: item.document.path))
        }
        for (item, outcome) in checked {
            let quotation = item.quotation
            var source: String?
            if let match = outcome.match, let passage = match.passageIDs.first {
                source = SiteURL.pageDirectory(forSlug: sourceDocuments[match.sourceIndex].slug) + "#" + passage
            }
            var details: [String] = []
            switch outcome.verdict {
            case .verbatim: break
            case .trimmed(let omitted):
                details = omitted.map { "left out: “\($0)”" }
            case .altered(let changes):
                details = changes.map { change in
                    change.quoted.isEmpty ? "left out: “\(change.said)”"
                        : change.said.isEmpty ? "added: “\(change.quoted)”"
                        : "said “\(change.said)”, quoted “\(change.quoted)”"
                }
            case .notFound:
                let whose = item.speakers.map { ids in
                    ids.sorted().map { id in everyone.first { $0.id == id }?.name ?? id }.reduce(into: [String]()) { names, name in
                        if !names.contains(name) { names.append(name) }
                    }.joined(separator: " or ") + "’s passages"
                } ?? "the transcripts on this site"
                let percent = { (share: Double) in "\(Int((share * 100).rounded())) %" }
                details = outcome.similarity == 0 ? ["not in \(whose): no passage has its words in that order"] : ["not in \(whose): the nearest passage has \(percent(outcome.coverage)) of its words (\(percent(QuoteChecker.minimumCoverage)) needed) and a similarity of \(Self.format(outcome.similarity)) (\(Self.format(QuoteChecker.minimumSimilarity)) needed)"]
                result.diagnostics.append(.warning(
                    at: quotation.location, "quotation not found in the transcripts on this site",
                    note: (quotation.quotation.attribution.map { "credited to \($0.name); " } ?? "") + details[0]
                        + "; see docs/quotes.md"
                ))
            }
            result.listings.append(QuoteListing(
                location: quotation.location, text: quotation.quotation.text, credit: quotation.quotation.attribution?.name,
                verdict: outcome.verdict.name, source: source, details: details
            ))
            let sourceDocument = outcome.match.map { sourceDocuments[$0.sourceIndex] }
            let passage = outcome.match?.passageIDs.first
            result.pages[item.document.slug, default: PageQuotes()].checked.append(CheckedQuote(
                text: quotation.quotation.text, verdict: outcome.verdict.name, sourceSlug: sourceDocument?.slug,
                sourceTitle: sourceDocument?.frontMatter.title, passageID: passage, details: details
            ))
            if let sourceDocument, let passage {
                result.pages[sourceDocument.slug, default: PageQuotes()].quotedIn.append(QuotedPassage(
                    passageID: passage, fromSlug: item.document.slug, fromTitle: item.document.frontMatter.title, verdict: outcome.verdict.name
                ))
            }
        }
        result.listings.sort { $0.location < $1.location }
        // In an order that does not depend on the order of the work.
        for (slug, page) in result.pages {
            var page = page
            page.quotedIn.sort { ($0.passageID, $0.fromSlug, $0.verdict) < ($1.passageID, $1.fromSlug, $1.verdict) }
            result.pages[slug] = page
        }
        return result
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        if hundredths >= 100 { return "1.00" }
        return "0." + (hundredths < 10 ? "0" : "") + String(hundredths % 100)
    }
}

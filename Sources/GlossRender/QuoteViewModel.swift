import GlossModel
import GlossSite
import GlossTemplate

/// What the quote check says about one transcript's page: the quotations
/// it makes (an article's), and where its passages are quoted.
public struct PageQuotes: Sendable, Hashable {
    public var checked: [CheckedQuote]
    public var quotedIn: [QuotedPassage]

    public init(checked: [CheckedQuote] = [], quotedIn: [QuotedPassage] = []) {
        self.checked = checked
        self.quotedIn = quotedIn
    }

    public var isEmpty: Bool { checked.isEmpty && quotedIn.isEmpty }
}

/// One quotation the page makes, with its verdict.
public struct CheckedQuote: Sendable, Hashable {
    public var text: String
    /// `verbatim`, `trimmed`, `altered` or `not found`.
    public var verdict: String
    /// The transcript and passage it was found in, unless not found.
    public var sourceSlug: String?
    public var sourceTitle: String?
    public var passageID: String?
    /// What was left out or changed, one sentence each.
    public var details: [String]
    /// Where the quotation is on its page, which orders the page's list.
    public var location: SourceLocation?
    /// The source was named by the page's front matter, not found by search.
    public var isPinned = false
    /// The front matter's description of the source the site does not hold.
    public var unpublishedSource: String?

    public init(
        text: String, verdict: String, sourceSlug: String? = nil, sourceTitle: String? = nil, passageID: String? = nil,
        details: [String] = [], location: SourceLocation? = nil
    ) {
        self.text = text
        self.location = location
        self.verdict = verdict
        self.sourceSlug = sourceSlug
        self.sourceTitle = sourceTitle
        self.passageID = passageID
        self.details = details
    }
}

/// A passage of this page that another page quotes.
public struct QuotedPassage: Sendable, Hashable {
    public var passageID: String
    public var fromSlug: String
    public var fromTitle: String
    public var verdict: String

    public init(passageID: String, fromSlug: String, fromTitle: String, verdict: String) {
        self.passageID = passageID
        self.fromSlug = fromSlug
        self.fromTitle = fromTitle
        self.verdict = verdict
    }
}

/// One entry of `{{#transcript.checkedQuotes}}`.
struct CheckedQuoteViewModel: TemplateObject {
    var text: String
    var verdict: String
    /// The verdict as one word for a class name: `not-found`.
    var verdictClass: String
    var isFound: Bool
    /// The passage, relative to the page (`../speech/#p-3f2a1c`).
    var url: String?
    var sourceTitle: String?
    var details: [String]
    var hasDetails: Bool
    var isPinned: Bool
    var isNotFound: Bool
    /// The description of a source the site does not hold.
    var unpublishedSource: String?
    /// The entry's id, which the verdict marked after the quotation in the body links to.
    var anchor: String

    init(_ quote: CheckedQuote, page: String, anchor: String) {
        self.anchor = anchor
        text = quote.text
        verdict = quote.verdict
        verdictClass = String(quote.verdict.map { $0 == " " ? "-" : $0 })
        isFound = quote.sourceSlug != nil
        url = quote.sourceSlug.map { SiteURL.relative(from: page, to: SiteURL.pageDirectory(forSlug: $0)) + (quote.passageID.map { "#" + $0 } ?? "") }
        sourceTitle = quote.sourceTitle
        details = quote.details
        hasDetails = !details.isEmpty
        isPinned = quote.isPinned
        isNotFound = quote.sourceSlug == nil && quote.unpublishedSource == nil
        unpublishedSource = quote.unpublishedSource
    }

    func value(named key: String) -> TemplateValue? {
        switch key {
        case "text": text.templateValue
        case "verdict": verdict.templateValue
        case "verdictClass": verdictClass.templateValue
        case "isFound": isFound.templateValue
        case "url": url.templateValue
        case "sourceTitle": sourceTitle.templateValue
        case "details": details.templateValue
        case "hasDetails": hasDetails.templateValue
        case "isPinned": isPinned.templateValue
        case "isNotFound": isNotFound.templateValue
        case "unpublishedSource": unpublishedSource.templateValue
        case "anchor": anchor.templateValue
        default: nil
        }
    }
}

/// One entry of `{{#transcript.quotedIn}}`.
struct QuotedInViewModel: TemplateObject {
    /// `#p-3f2a1c`: the passage of this page.
    var target: String
    var title: String
    /// The quoting page, relative to this one.
    var url: String
    var verdict: String

    init(_ quoted: QuotedPassage, page: String) {
        target = "#" + quoted.passageID
        title = quoted.fromTitle
        url = SiteURL.relative(from: page, to: SiteURL.pageDirectory(forSlug: quoted.fromSlug))
        verdict = quoted.verdict
    }

    func value(named key: String) -> TemplateValue? {
        switch key {
        case "target": target.templateValue
        case "title": title.templateValue
        case "url": url.templateValue
        case "verdict": verdict.templateValue
        default: nil
        }
    }
}

extension PageKey {
    mutating func add(_ quotes: PageQuotes) {
        add(quotes.checked.count)
        for quote in quotes.checked {
            add(quote.text)
            add(quote.verdict)
            add(quote.sourceSlug ?? "")
            add(quote.sourceTitle ?? "")
            add(quote.passageID ?? "")
            add(quote.details.count)
            for detail in quote.details { add(detail) }
            add(quote.isPinned ? 1 : 0)
            add(quote.unpublishedSource ?? "")
        }
        add(quotes.quotedIn.count)
        for quoted in quotes.quotedIn {
            add(quoted.passageID)
            add(quoted.fromSlug)
            add(quoted.fromTitle)
            add(quoted.verdict)
        }
    }
}

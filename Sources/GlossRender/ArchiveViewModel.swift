import GlossTemplate
import GlossSite

/// One entry of `{{#home.archive}}` and `{{#archive.years}}`: a year with transcripts.
struct ArchiveYearViewModel: TemplateObject {
    /// `2025`
    var year: String
    /// Link to `archive/YEAR/`, relative to the page being rendered.
    var url: String
    var count: Int
    /// `1 transcript`, `3 transcripts`.
    var countLabel: String
    /// True on that year's own archive page.
    var isCurrent: Bool

    init(year: Int, count: Int, page: String, current: Int? = nil) {
        self.year = String(year)
        url = SiteURL.relative(from: page, to: PageRenderer.archiveDirectory(year: year))
        self.count = count
        countLabel = Plural.label(count, "transcript")
        isCurrent = year == current
    }
}

extension ArchiveYearViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "year": year.templateValue
        case "url": url.templateValue
        case "count": count.templateValue
        case "countLabel": countLabel.templateValue
        case "isCurrent": isCurrent.templateValue
        default: nil
        }
    }
}

/// `{{#archive}}` on `archive/YEAR/index.html` and its further pages (`archive/YEAR/page/2/`).
struct ArchivePageViewModel: TemplateObject {
    var year: String
    /// This page's share of that year's transcripts, newest first.
    var transcripts: [TranscriptViewModel]
    var hasTranscripts: Bool
    /// Every year, newest first, for navigation.
    var years: [ArchiveYearViewModel]
    var pagination: PaginationViewModel

    init(year: Int, transcripts: [TranscriptViewModel], years: [ArchiveYearViewModel], pagination: PaginationViewModel) {
        self.year = String(year)
        self.transcripts = transcripts
        hasTranscripts = !transcripts.isEmpty
        self.years = years
        self.pagination = pagination
    }
}

extension ArchivePageViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "year": year.templateValue
        case "transcripts": transcripts.templateValue
        case "hasTranscripts": hasTranscripts.templateValue
        case "years": years.templateValue
        case "pagination": pagination.templateValue
        default: nil
        }
    }
}

/// `{{#pagination}}` of a paginated list (home, speaker, topic, archive): where this page is among the others.
struct PaginationViewModel: TemplateObject {
    /// 1-based.
    var number: Int
    var total: Int
    /// True when there is more than one page.
    var hasPages: Bool
    /// Links to the neighbouring pages, relative to this one; absent at the ends.
    var previous: String?
    var next: String?

    /// - Parameter directory: the output directory of page N of the list.
    init(number: Int, total: Int, page: String, directory: (Int) -> String = PageRenderer.homeDirectory(page:)) {
        self.number = number
        self.total = total
        hasPages = total > 1
        previous = number > 1 ? SiteURL.relative(from: page, to: directory(number - 1)) : nil
        next = number < total ? SiteURL.relative(from: page, to: directory(number + 1)) : nil
    }
}

extension PaginationViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "number": number.templateValue
        case "total": total.templateValue
        case "hasPages": hasPages.templateValue
        case "previous": previous.templateValue
        case "next": next.templateValue
        default: nil
        }
    }
}

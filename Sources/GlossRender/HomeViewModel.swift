import GlossTemplate
/// `{{#home}}` on the home page and its further pages (`page/2/`).
struct HomeViewModel: TemplateObject {
    /// This page's transcripts: newest first; undated transcripts last.
    var transcripts: [TranscriptViewModel]
    var hasTranscripts: Bool
    var pagination: PaginationViewModel
    /// Years with dated transcripts, newest first.
    var archive: [ArchiveYearViewModel]
    var hasArchive: Bool

    init(transcripts: [TranscriptViewModel], pagination: PaginationViewModel, archive: [ArchiveYearViewModel]) {
        self.transcripts = transcripts
        hasTranscripts = !transcripts.isEmpty
        self.pagination = pagination
        self.archive = archive
        hasArchive = !archive.isEmpty
    }
}

extension HomeViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "transcripts": transcripts.templateValue
        case "hasTranscripts": hasTranscripts.templateValue
        case "pagination": pagination.templateValue
        case "archive": archive.templateValue
        case "hasArchive": hasArchive.templateValue
        default: nil
        }
    }
}

/// `{{#home}}` on the home page and its further pages (`page/2/`).
struct HomeViewModel: ViewModel {
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
    func field(named key: String) -> Any?? {
        switch key {
        case "transcripts": transcripts
        case "hasTranscripts": hasTranscripts
        case "pagination": pagination
        case "archive": archive
        case "hasArchive": hasArchive
        default: nil
        }
    }
}

/// `{{#home}}` on the home page.
struct HomeViewModel: ViewModel {
    /// Newest first; undated transcripts last.
    var transcripts: [TranscriptViewModel]
    var hasTranscripts: Bool

    init(transcripts: [TranscriptViewModel]) {
        self.transcripts = transcripts
        hasTranscripts = !transcripts.isEmpty
    }
}

extension HomeViewModel {
    func field(named key: String) -> Any?? {
        switch key {
        case "transcripts": transcripts
        case "hasTranscripts": hasTranscripts
        default: nil
        }
    }
}

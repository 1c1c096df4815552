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

import GlossModel

/// What an import run will write, worked out before anything is written,
/// so that one bad input or one existing file stops the run with nothing
/// written at all.
public struct ImportPlan: Sendable {
    public struct File: Sendable {
        /// Where it goes: `Content/hegseth.md`.
        public var path: String
        public var markdown: String
        public var transcript: ImportedTranscript
        public var input: String
        public var format: ImportFormat
        /// True when a file is there already (only allowed with `force`).
        public var replaces: Bool
    }

    public var files: [File] = []
    /// Errors stop the run; warnings are what the importer guessed.
    public var diagnostics: [Diagnostic] = []

    /// - Parameters:
    ///   - exists: whether a path exists already, from the caller's file system.
    ///   - progress: called after each input, with how many are done.
    public static func make(
        inputs: [ImportInput], format: ImportFormat, into directory: String, force: Bool,
        exists: (String) -> Bool, progress: (Int, String) -> Void = { _, _ in }
    ) -> ImportPlan {
        var plan = ImportPlan()
        var taken: Set<String> = []
        for (index, input) in inputs.enumerated() {
            defer { progress(index + 1, input.name) }
            let result: ImportResult
            do {
                result = try Importer.read(input, as: format)
            } catch {
                plan.diagnostics.append(error.diagnostic)
                continue
            }
            let names = Importer.fileNames(for: result.transcripts, taken: taken)
            for (transcript, name) in zip(result.transcripts, names) {
                taken.insert(String(name.dropLast(3)))
                let path = directory.isEmpty || directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
                let replaces = exists(path)
                if replaces && !force {
                    plan.diagnostics.append(.error(at: SourceLocation(file: input.name), "\(path) already exists; nothing was written",
                                                   note: "pass --force to replace it, or import into another folder with --into"))
                }
                plan.diagnostics += transcript.warnings
                plan.files.append(File(path: path, markdown: TranscriptWriter.markdown(for: transcript), transcript: transcript,
                                       input: input.name, format: result.format, replaces: replaces))
            }
        }
        return plan
    }
}

extension ImportPlan.File {
    /// `Content/x.md ← x.txt (text): 2 speakers, 14 turns, 1 quote, 1 note, 3 guesses`
    public var summary: String {
        let t = transcript
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var parts = [count(t.speakers.count, "speaker", "speakers"), count(t.turnCount, "turn", "turns"),
                     count(t.quoteCount, "quote", "quotes"), count(t.noteCount, "note", "notes")]
        if !t.warnings.isEmpty { parts.append(count(t.warnings.count, "warning", "warnings")) }
        let names = t.speakers.prefix(4).map(\.name).joined(separator: ", ") + (t.speakers.count > 4 ? ", …" : "")
        return "\(path) \u{2190} \(input) (\(format.rawValue)): " + parts.joined(separator: ", ") + (names.isEmpty ? "" : " [\(names)]")
    }
}

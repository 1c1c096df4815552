import Foundation
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
    ///   - jobs: how many inputs are read at once; the plan is the same for any number.
    ///   - progress: called on the caller's thread as inputs are read, with how many are done.
    public static func make(
        inputs: [ImportInput], format: ImportFormat, into directory: String, force: Bool,
        exists: (String) -> Bool, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
        progress: (Int, String) -> Void = { _, _ in }
    ) -> ImportPlan {
        var plan = ImportPlan()
        var taken: Set<String> = []
        let results = read(inputs, as: format, jobs: jobs, progress: progress)
        // Names, clashes and diagnostics are settled in input order, so the
        // plan does not depend on which file was read first.
        for (input, outcome) in zip(inputs, results) {
            let result: ImportResult
            switch outcome {
            case .success(let read): result = read
            case .failure(let error):
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

extension ImportPlan {
    /// Reads the inputs, `jobs` at a time, each on its own: importing is pure,
    /// so the results are the same as one at a time, in the inputs' order.
    static func read(
        _ inputs: [ImportInput], as format: ImportFormat, jobs: Int, progress: (Int, String) -> Void
    ) -> [Result<ImportResult, ImportFailure>] {
        var results: [Result<ImportResult, ImportFailure>] = []
        results.reserveCapacity(inputs.count)
        // Batches let the progress bar move on the caller's thread between them.
        let batch = jobs <= 1 ? 1 : max(jobs * 8, 16)
        if jobs > 1 { FeedImporter.prepareForThreads() }
        var start = 0
        while start < inputs.count {
            let slice = Array(inputs[start..<min(start + batch, inputs.count)])
            let box = ParallelResults<Result<ImportResult, ImportFailure>>(count: slice.count)
            let read = readOne(format)
            Parallel.forEach(count: slice.count, jobs: jobs) { index in box.store(read(slice[index]), at: index) }
            results += box.values
            for index in start..<(start + slice.count) { progress(index + 1, inputs[index].name) }
            start += slice.count
        }
        return results
    }

    private static func readOne(_ format: ImportFormat) -> @Sendable (ImportInput) -> Result<ImportResult, ImportFailure> {
        { input in
            do throws(ImportFailure) {
                return .success(try Importer.read(input, as: format))
            } catch {
                return .failure(error)
            }
        }
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

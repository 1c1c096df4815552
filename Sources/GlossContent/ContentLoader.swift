#if canImport(Glibc)
import Glibc
#endif
import GlossModel
import Yams

/// Reads the content directory: `site.yaml`, `speakers.yaml` and every
/// transcript, into typed values and diagnostics.
///
/// Loading is three steps, each usable on its own so a build can spread the
/// middle one over threads: walk and read the files (`load` does it in
/// order), decode each transcript alone (`parseDocument`, pure), then check
/// the transcripts against each other and the speaker registry
/// (`checkDocuments`). Problems are collected, never thrown: a file with
/// errors is left out and the others carry on.
public struct ContentLoader: Sendable {
    private let fileSystem: any ContentFileSystem

    public init(fileSystem: some ContentFileSystem) {
        self.fileSystem = fileSystem
    }

    /// - Parameters:
    ///   - directory: the content directory as the file system names it.
    ///   - displayPath: how diagnostics name it, e.g. `Content`.
    ///   - previous: what an earlier load of the same directory found: a
    ///     transcript whose file and sidecar have the same stamps is taken
    ///     from it instead of being read and decoded again.
    ///   - changed: paths relative to the directory to read again whatever
    ///     their stamps say (a watcher's report: two saves within one tick of
    ///     the file system's clock can leave the same stamp).
    ///   - known: transcripts an earlier process decoded, by revision: a
    ///     transcript whose files have the stamps they had then is taken
    ///     without being read, its body left empty (``Document/body`` is read
    ///     again from the file by whatever needs it); one whose files hash to
    ///     one of them is read but not decoded.
    ///   - walked: the directory's listing from ``walk(directory:displayPath:)``
    ///     moments before, so that a build that looked for changes first does
    ///     not walk twice.
    public func load(
        directory: String, displayPath: String, reusing previous: LoadedContent? = nil, changed: Set<String> = [],
        known: [UInt64: KnownDocument] = [:], walked: ContentListing? = nil
    ) -> LoadedContent {
        let walker = ContentWalker(fileSystem: fileSystem, root: directory, displayRoot: displayPath)
        if let previous, let updated = update(previous, changed: changed, with: walker) { return updated }
        let listing: ContentWalker.Listing
        switch walked.map({ Result<ContentWalker.Listing, ContentWalker.Unwalkable>.success($0.listing) }) ?? walker.walk() {
        case .success(let found): listing = found
        case .failure(let problem):
            return LoadedContent(config: SiteConfig(title: ""), speakers: [], documents: [], diagnostics: [problem.diagnostic])
        }
        var settings = SiteFiles(listing: listing)

        if listing.hasSiteFile {
            if let bytes = read("site.yaml", with: walker, into: &settings.diagnostics) {
                settings.revision.combine(bytes)
                let (decoded, problems) = Self.parseSiteConfig(bytes, displayPath: walker.displayPath(of: "site.yaml"))
                settings.config = decoded
                settings.diagnostics += problems
            }
        } else {
            settings.diagnostics.append(.error(at: nil, "missing \(walker.displayPath(of: "site.yaml")): a site needs at least a title",
                                               note: "create it with a line like `title: Transcripts`"))
        }

        // A speakers.yaml that could not be read at all already has its error;
        // every transcript naming its speakers "unknown" would bury it.
        if listing.hasSpeakersFile {
            if let bytes = read("speakers.yaml", with: walker, into: &settings.diagnostics) {
                settings.revision.combine(bytes)
                let (decoded, problems) = Self.parseSpeakers(bytes, displayPath: walker.displayPath(of: "speakers.yaml"))
                settings.registry = decoded
                settings.diagnostics += problems
                settings.registryUnreadable = decoded.isEmpty && problems.hasErrors
            } else {
                settings.registryUnreadable = true
            }
        }

        // Reading and decoding are independent per file (a transcript and its
        // sidecar together): spread them over the cores.
        let sidecars = Set(listing.annotationFiles)
        var byPath: [String: KnownDocument] = [:]
        for document in known.values where document.stamp != nil { byPath[document.document.path] = document }
        let stamped = byPath
        let parsedFiles = listing.markdownFiles.parallelMap { path -> TranscriptFile in
            let sidecarPath = Self.annotationsFilePath(forTranscript: path)
            let stamp = Self.stamp(of: path, sidecar: sidecars.contains(sidecarPath) ? sidecarPath : nil, stamps: listing.stamps)
            guard !changed.contains(path), !changed.contains(sidecarPath) else {
                return TranscriptFile(stamp: stamp, parsed: readTranscript(path, sidecar: sidecars.contains(sidecarPath) ? sidecarPath : nil, with: walker, known: known))
            }
            if let earlier = previous?.transcriptFiles[path], earlier.stamp == stamp {
                return earlier
            }
            // Stamps are what tells a no-op build to do nothing at all: a
            // file that kept its stamps is trusted not to have changed.
            if let earlier = stamped[path], earlier.stamp == stamp, earlier.document.displayPath == walker.displayPath(of: path) {
                return TranscriptFile(stamp: stamp, parsed: ParsedDocument(document: earlier.document, diagnostics: [], bodyOffset: earlier.bodyOffset))
            }
            return TranscriptFile(
                stamp: stamp,
                parsed: readTranscript(path, sidecar: sidecars.contains(sidecarPath) ? sidecarPath : nil, with: walker, known: known)
            )
        }
        let transcriptFiles = Dictionary(zip(listing.markdownFiles, parsedFiles), uniquingKeysWith: { first, _ in first })
        return assemble(settings, transcriptFiles: transcriptFiles, with: walker)
    }

    /// `previous` with the files in `changed` read again, and nothing else
    /// looked at: what a file watcher's report allows. Nil when the report
    /// names what only a walk can follow (a folder, `site.yaml`,
    /// `speakers.yaml`), when there is no report, or when the last walk had
    /// problems of its own.
    private func update(_ previous: LoadedContent, changed: Set<String>, with walker: ContentWalker) -> LoadedContent? {
        guard !changed.isEmpty, var settings = previous.siteFiles, settings.listing.diagnostics.isEmpty else { return nil }
        var listing = settings.listing
        var transcriptFiles = previous.transcriptFiles
        var reread: Set<String> = []
        for path in changed where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") || $0 == ".." }) && !path.isEmpty {
            let isMarkdown = path.hasSuffix(".md"), isSidecar = path.hasSuffix(Self.annotationsFileSuffix)
            let status: FileStatus?
            do {
                status = try fileSystem.status(of: walker.diskPath(of: path))
            } catch {
                return nil
            }
            if let status, status.kind != .file {
                // A new folder, or a file that became one: only a walk finds what it holds.
                if status.kind == .directory { return nil }
                continue
            }
            guard isMarkdown || isSidecar else {
                if path == "site.yaml" || path == "speakers.yaml" { return nil }
                // Not a file Gloss reads, or a folder gone: the walk would have seen its transcripts go too.
                if status == nil, listing.markdownFiles.contains(where: { $0.hasPrefix(path + "/") }) { return nil }
                continue
            }
            listing.stamps[path] = status?.stamp
            if isMarkdown {
                Self.update(&listing.markdownFiles, path, present: status != nil)
                reread.insert(path)
            } else {
                Self.update(&listing.annotationFiles, path, present: status != nil)
                reread.insert(Self.transcriptPath(forAnnotationsFile: path))
            }
        }
        let present = Set(listing.markdownFiles)
        let sidecars = Set(listing.annotationFiles)
        // One save reads one file; a checkout of a branch, hundreds.
        let paths = Array(reread)
        let stamps = listing.stamps
        let files = paths.parallelMap { path -> TranscriptFile? in
            guard present.contains(path) else { return nil }
            let sidecarPath = Self.annotationsFilePath(forTranscript: path)
            let sidecar = sidecars.contains(sidecarPath) ? sidecarPath : nil
            return TranscriptFile(
                stamp: Self.stamp(of: path, sidecar: sidecar, stamps: stamps),
                parsed: readTranscript(path, sidecar: sidecar, with: walker, known: [:])
            )
        }
        for (path, file) in zip(paths, files) { transcriptFiles[path] = file }
        settings.listing = listing
        var content = Self.patch(previous, files: transcriptFiles, reread: reread, listing: listing)
            ?? assemble(settings, transcriptFiles: transcriptFiles, with: walker)
        content.reread = reread
        return content
    }

    /// `previous` with re-read transcripts put in place of the ones they
    /// were, when that is all that changed: the same files, each re-read one
    /// decoded cleanly before and now, with the same slug and speakers, so
    /// that no check across transcripts can come out differently. Nil when
    /// only ``assemble(_:transcriptFiles:with:)`` can tell.
    private static func patch(
        _ previous: LoadedContent, files: [String: TranscriptFile], reread: Set<String>, listing: ContentWalker.Listing
    ) -> LoadedContent? {
        guard let walked = previous.siteFiles?.listing, walked.markdownFiles == listing.markdownFiles,
              walked.annotationFiles == listing.annotationFiles else { return nil }
        var replacements: [String: Document] = [:]
        for path in reread {
            guard let before = previous.transcriptFiles[path]?.parsed, let now = files[path]?.parsed,
                  before.diagnostics.isEmpty, now.diagnostics.isEmpty,
                  let old = before.document, let new = now.document,
                  old.slug == new.slug, old.speakers == new.speakers else { return nil }
            replacements[path] = new
        }
        var content = previous
        var found = 0
        for index in content.documents.indices {
            guard let document = replacements[content.documents[index].path] else { continue }
            content.documents[index] = document
            found += 1
        }
        // A transcript the checks left out stays out only through them.
        guard found == replacements.count else { return nil }
        content.transcriptFiles = files
        content.stamps = listing.stamps
        content.siteFiles?.listing = listing
        content.reread = nil
        return content
    }

    /// Adds `path` to a list in walk order, or takes it out.
    private static func update(_ paths: inout [String], _ path: String, present: Bool) {
        // Walk order: each folder's entries by name, a folder's files where its name falls.
        func components(_ path: String) -> [Substring] { path.split(separator: "/", omittingEmptySubsequences: false) }
        let wanted = components(path)
        var low = 0, high = paths.count
        while low < high {
            let middle = (low + high) / 2
            if components(paths[middle]).lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
        }
        let place = low
        let there = place < paths.count && paths[place] == path
        if present, !there {
            paths.insert(path, at: place)
        } else if !present, there {
            paths.remove(at: place)
        }
    }

    /// The stamps of a transcript and its sidecar, combined.
    private static func stamp(of path: String, sidecar: String?, stamps: [String: UInt64]) -> UInt64 {
        var stamp = StableHasher()
        stamp.combine(stamps[path] ?? 0)
        stamp.combine(sidecar.map { stamps[$0] ?? 0 } ?? 0)
        return stamp.value
    }

    /// The content from the site's own files and every transcript as read:
    /// the transcripts in walk order, checked against each other and the
    /// speaker registry.
    private func assemble(_ settings: SiteFiles, transcriptFiles: [String: TranscriptFile], with walker: ContentWalker) -> LoadedContent {
        let listing = settings.listing
        var diagnostics = listing.diagnostics + settings.diagnostics
        // Sidecars are read with their transcript; one without is reported here.
        let transcripts = Set(listing.markdownFiles)
        for sidecar in listing.annotationFiles {
            let transcript = Self.transcriptPath(forAnnotationsFile: sidecar)
            guard !transcripts.contains(transcript) else { continue }
            let name = transcript.split(separator: "/").last.map(String.init) ?? transcript
            diagnostics.append(.warning(
                at: SourceLocation(file: walker.displayPath(of: sidecar)),
                "annotations file without a transcript: there is no \(walker.displayPath(of: transcript)), so it is ignored",
                note: "a sidecar NAME.annotations.yaml belongs to NAME.md in the same folder; rename it to match \"\(name)\" or move it next to its transcript"))
        }
        var documents: [Document] = []
        documents.reserveCapacity(listing.markdownFiles.count)
        for path in listing.markdownFiles {
            guard let file = transcriptFiles[path] else { continue }
            diagnostics += file.parsed.diagnostics
            if let document = file.parsed.document { documents.append(document) }
        }
        let speakers = Self.addingDeclaredSpeakers(to: settings.registry, from: documents)
        let checked = Self.checkDocuments(documents, speakers: speakers, reportingUnknownSpeakers: !settings.registryUnreadable)
        var content = LoadedContent(config: settings.config, speakers: speakers, documents: checked.documents,
                                    diagnostics: diagnostics + checked.diagnostics)
        content.transcriptFiles = transcriptFiles
        content.stamps = listing.stamps
        content.siteFiles = settings
        // Transcripts may declare speakers of their own: the registry as merged
        // is what every page sees.
        var configRevision = settings.revision
        for speaker in speakers {
            configRevision.combine(speaker.id)
            configRevision.combine(speaker.name)
            configRevision.combine(speaker.role)
            for alias in speaker.aliases { configRevision.combine(alias) }
            configRevision.combine(speaker.aliases.count)
            for link in speaker.links { configRevision.combine(link) }
            configRevision.combine(speaker.links.count)
        }
        content.configRevision = configRevision.value
        return content
    }

    /// One transcript read and decoded again on its own, as `load` would,
    /// sidecar included: for a build that let go of a transcript's Markdown
    /// once it was rendered and finds it needs it after all. Nil when the
    /// file cannot be read or no longer decodes.
    public func reload(_ path: String, directory: String, displayPath: String) -> Document? {
        let walker = ContentWalker(fileSystem: fileSystem, root: directory, displayRoot: displayPath)
        let sidecarPath = Self.annotationsFilePath(forTranscript: path)
        let hasSidecar = (try? fileSystem.status(of: walker.diskPath(of: sidecarPath))) != nil
        return readTranscript(path, sidecar: hasSidecar ? sidecarPath : nil, with: walker, known: [:]).document
    }

    /// Reads and decodes one transcript with its sidecar, if it has one.
    private func readTranscript(_ path: String, sidecar sidecarPath: String?, with walker: ContentWalker, known: [UInt64: KnownDocument]) -> ParsedDocument {
            var problems: [Diagnostic] = []
            let bytes = read(path, with: walker, into: &problems)
            var sidecar: AnnotationsFile?
            if let sidecarPath, let sidecarBytes = read(sidecarPath, with: walker, into: &problems) {
                sidecar = AnnotationsFile(bytes: sidecarBytes, displayPath: walker.displayPath(of: sidecarPath))
            }
            guard let bytes else { return ParsedDocument(document: nil, diagnostics: problems) }
            let displayPath = walker.displayPath(of: path)
            if problems.isEmpty, !known.isEmpty,
               let earlier = known[Self.revision(of: bytes, path: path, displayPath: displayPath, annotationsFile: sidecar)],
               earlier.bodyOffset >= 0, earlier.bodyOffset <= bytes.count {
                var document = earlier.document
                document.body = String(decoding: bytes[earlier.bodyOffset...], as: UTF8.self)
                return ParsedDocument(document: document, diagnostics: [], bodyOffset: earlier.bodyOffset)
            }
            var parsed = Self.parseDocument(bytes, path: path, displayPath: displayPath, annotationsFile: sidecar)
            if problems.hasErrors { parsed.document = nil }
            parsed.diagnostics = problems + parsed.diagnostics
            return parsed
    }

    /// Every file a load would look at, with its stamp, without reading any:
    /// enough to tell that nothing changed. Nil when there is no directory
    /// to walk or the walk had problems (the load reports them).
    public func walk(directory: String, displayPath: String) -> ContentListing? {
        let walker = ContentWalker(fileSystem: fileSystem, root: directory, displayRoot: displayPath)
        guard case .success(let listing) = walker.walk(), listing.diagnostics.isEmpty else { return nil }
        return ContentListing(listing: listing)
    }

    private func read(_ relative: String, with walker: ContentWalker, into diagnostics: inout [Diagnostic]) -> [UInt8]? {
        do {
            return try fileSystem.readFile(at: walker.diskPath(of: relative))
        } catch {
            diagnostics.append(.error(at: SourceLocation(file: walker.displayPath(of: relative)),
                                      "cannot read file: \(error.reason)"))
            return nil
        }
    }

    // MARK: One file at a time

    /// The ending that marks a sidecar: `x.annotations.yaml` holds range notes for `x.md`.
    public static let annotationsFileSuffix = ".annotations.yaml"

    /// `2025/x.annotations.yaml` for `2025/x.md`.
    public static func annotationsFilePath(forTranscript path: String) -> String {
        (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + annotationsFileSuffix
    }

    /// `2025/x.md` for `2025/x.annotations.yaml`.
    public static func transcriptPath(forAnnotationsFile path: String) -> String {
        (path.hasSuffix(annotationsFileSuffix) ? String(path.dropLast(annotationsFileSuffix.count)) : path) + ".md"
    }

    /// Decodes one transcript: text, front matter, slug, and the annotations
    /// of its front matter and of its sidecar, in that order. Pure and safe
    /// to call from many threads at once.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - path: its path relative to the content directory (`2025/x.md`),
    ///     from which the slug is made.
    ///   - displayPath: its path in diagnostics (`Content/2025/x.md`).
    ///   - annotationsFile: the sidecar `NAME.annotations.yaml` next to it,
    ///     when there is one. Its problems are the transcript's: any error
    ///     in either leaves the transcript out.
    public static func parseDocument(_ bytes: [UInt8], path: String, displayPath: String, annotationsFile: AnnotationsFile? = nil) -> ParsedDocument {
        let sidecar = annotationsFile.map { parseAnnotationsFile($0.bytes, displayPath: $0.displayPath) }
        var parsed = parseTranscript(bytes, path: path, displayPath: displayPath)
        let revision = revision(of: bytes, path: path, displayPath: displayPath, annotationsFile: annotationsFile)
        parsed.document?.revision = revision
        // The body is usually the file's last bytes as they are (no line
        // endings to normalise): compared with memcmp, not element by element.
        if var body = parsed.document?.body {
            let count = body.utf8.count
            let isTail = body.withUTF8 { tail in
                bytes.withUnsafeBytes { all in
                    guard tail.count <= all.count else { return false }
                    guard let end = all.baseAddress, let start = tail.baseAddress else { return tail.isEmpty }
                    return memcmp(end + (all.count - tail.count), start, tail.count) == 0
                }
            }
            if isTail { parsed.bodyOffset = bytes.count - count }
        }
        // Without a known body offset the front matter's extent is not
        // known either: the whole revision stands in, which only costs
        // list pages a needless render when the body changes.
        parsed.document?.listingRevision = parsed.bodyOffset.map {
            listingRevision(of: bytes[..<$0], path: path, displayPath: displayPath)
        } ?? revision
        if let (annotations, problems) = sidecar {
            parsed.diagnostics += problems
            if problems.hasErrors {
                parsed.document = nil
            } else {
                parsed.document?.annotations += annotations
            }
        }
        return parsed
    }

    /// A hash of everything a transcript is decoded from: its files and their paths.
    static func revision(of bytes: [UInt8], path: String, displayPath: String, annotationsFile: AnnotationsFile?) -> UInt64 {
        var revision = StableHasher()
        revision.combine(path)
        revision.combine(displayPath)
        revision.combine(bytes)
        revision.combine(annotationsFile?.displayPath)
        revision.combine(annotationsFile?.bytes ?? [])
        return revision.value
    }

    /// A hash of what a transcript's entry in a list is decoded from: its
    /// front matter's bytes and its paths.
    static func listingRevision(of frontMatter: ArraySlice<UInt8>, path: String, displayPath: String) -> UInt64 {
        var revision = StableHasher()
        revision.combine(path)
        revision.combine(displayPath)
        frontMatter.withUnsafeBytes { revision.combine(bytes: $0) }
        return revision.value
    }

    /// The annotations of a sidecar file, and every problem found in it;
    /// the annotations are those without errors. Pure.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - displayPath: its path in diagnostics (`Content/2025/x.annotations.yaml`),
    ///     which the annotations' locations point into.
    public static func parseAnnotationsFile(_ bytes: [UInt8], displayPath: String) -> (annotations: [Annotation], diagnostics: [Diagnostic]) {
        let name = displayPath.split(separator: "/").last.map(String.init) ?? displayPath
        var reader = NodeReader(subject: name, file: displayPath, firstLine: 1)
        guard let root = composeFile(bytes, reader: &reader) else { return ([], reader.diagnostics) }
        let annotations = AnnotationDecoder.sidecar(root, reader: &reader)
        return (annotations, reader.diagnostics)
    }

    /// The `.md` file alone: text, front matter (with its annotations), slug.
    private static func parseTranscript(_ bytes: [UInt8], path: String, displayPath: String) -> ParsedDocument {
        func failure(_ message: String, line: Int = 1, column: Int = 1, note: String? = nil) -> ParsedDocument {
            ParsedDocument(document: nil, diagnostics: [
                .error(at: SourceLocation(file: displayPath, line: line, column: column), message, note: note),
            ])
        }
        let text: String
        switch SourceText.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return failure(problem.message, line: problem.line, column: problem.column)
        }
        if text.isEmpty {
            return failure("empty file: a transcript needs front matter with at least a title", note: Self.frontMatterExample)
        }
        let split: FrontMatterSplitter.Split
        switch FrontMatterSplitter.split(text) {
        case .success(let halves): split = halves
        case .failure(let unterminated):
            return failure("unterminated front matter: expected a closing \"---\" (or \"...\") on a line of its own",
                           line: unterminated.line, note: "the front matter opened here never ends, so the whole file would be read as YAML")
        }
        guard let yaml = split.yaml else {
            return failure("missing front matter: a transcript needs at least a title", note: Self.frontMatterExample)
        }

        var reader = NodeReader(subject: "front matter", file: displayPath, firstLine: split.yamlFirstLine)
        let fence = SourceLocation(file: displayPath)
        guard let root = reader.compose(yaml),
              let decoded = FrontMatterDecoder.decode(root, fence: fence, reader: &reader)
        else { return ParsedDocument(document: nil, diagnostics: reader.diagnostics) }
        let frontMatter = decoded.frontMatter

        var diagnostics = reader.diagnostics
        let slug = frontMatter.slug ?? Slug.derived(fromPath: path)
        if frontMatter.slug == nil, let problem = Slug.problem(with: slug) {
            let unusable = slug.split(separator: "/", omittingEmptySubsequences: false).contains(where: \.isEmpty)
                && path != "index.md"
            let message = unusable
                ? "the path \"\(path)\" has a folder or file name with no letters or digits a URL can use (a-z, 0-9)"
                : "the slug \"\(slug)\" made from the file path \(problem)"
            diagnostics.append(.error(at: fence, message, note: "rename the file or set `slug:` in the front matter"))
        }
        guard !diagnostics.hasErrors else { return ParsedDocument(document: nil, diagnostics: diagnostics) }
        let document = Document(path: path, displayPath: displayPath, slug: slug, frontMatter: frontMatter,
                                body: split.body, bodyStartLine: split.bodyFirstLine, annotations: decoded.annotations)
        return ParsedDocument(document: document, diagnostics: diagnostics)
    }

    private static let frontMatterExample = "start the file with three lines:\n---\ntitle: Remarks at the Pentagon\n---"

    static func parseSiteConfig(_ bytes: [UInt8], displayPath: String) -> (SiteConfig, [Diagnostic]) {
        var reader = NodeReader(subject: "site.yaml", file: displayPath, firstLine: 1)
        guard let root = composeFile(bytes, reader: &reader) else { return (SiteConfig(title: ""), reader.diagnostics) }
        let config = SiteConfigDecoder.decode(root, reader: &reader)
        return (config, reader.diagnostics)
    }

    static func parseSpeakers(_ bytes: [UInt8], displayPath: String) -> ([Speaker], [Diagnostic]) {
        var reader = NodeReader(subject: "speakers.yaml", file: displayPath, firstLine: 1)
        guard let root = composeFile(bytes, reader: &reader) else { return ([], reader.diagnostics) }
        let speakers = SpeakerRegistryDecoder.decode(root, reader: &reader)
        return (speakers, reader.diagnostics)
    }

    private static func composeFile(_ bytes: [UInt8], reader: inout NodeReader) -> Node? {
        switch SourceText.decode(bytes) {
        case .success(let text):
            return reader.compose(text)
        case .failure(let problem):
            reader.error(problem.message, at: SourceLocation(file: reader.file, line: problem.line, column: problem.column))
            return nil
        }
    }

    // MARK: Across files

    /// The registry with the speakers that transcripts declare themselves
    /// (`speakers: [{id:, name:, aliases:}]`, as `gloss import` writes them),
    /// so an imported file builds without editing `speakers.yaml`.
    /// `speakers.yaml` wins over a declaration, and the first declaration in
    /// path order wins over later ones; aliases from every declaration are
    /// kept, so each transcript's own labels keep naming its speaker.
    public static func addingDeclaredSpeakers(to registry: [Speaker], from documents: [Document]) -> [Speaker] {
        var speakers = registry
        var index = Dictionary(speakers.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
        for document in documents {
            for appearance in document.speakers where appearance.name != nil || !appearance.aliases.isEmpty {
                if let position = index[appearance.id] {
                    let known = Set(speakers[position].aliases)
                    speakers[position].aliases += appearance.aliases.filter { !known.contains($0) }
                } else if let name = appearance.name {
                    index[appearance.id] = speakers.count
                    speakers.append(Speaker(id: appearance.id, name: name, aliases: appearance.aliases, location: appearance.location))
                }
            }
        }
        return speakers
    }

    /// Checks what no single file can: that every speaker a transcript names
    /// is in the registry, and that no two transcripts share a slug. The
    /// documents returned are those without such errors, in the same order.
    /// With `reportingUnknownSpeakers` false (speakers.yaml could not be
    /// read, and said so), a transcript naming an unknown speaker is still
    /// left out, but without an error of its own.
    public static func checkDocuments(_ documents: [Document], speakers: [Speaker],
                                      reportingUnknownSpeakers: Bool = true) -> (documents: [Document], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var failed = Set<Int>()
        let ids = Set(speakers.map(\.id))
        for (index, document) in documents.enumerated() {
            for appearance in document.speakers where !ids.contains(appearance.id) {
                failed.insert(index)
                guard reportingUnknownSpeakers else { continue }
                diagnostics.append(.error(
                    at: appearance.location ?? SourceLocation(file: document.displayPath),
                    "front matter: \"speakers\" names unknown speaker \"\(appearance.id)\"",
                    note: speakerNote(for: appearance.id, speakers: speakers)))
                failed.insert(index)
            }
        }
        // Places of the documents sharing a slug, by slug: few or none, so
        // only those get a list.
        var firstBySlug: [String: Int] = [:]
        firstBySlug.reserveCapacity(documents.count)
        var shared: [String: [Int]] = [:]
        for index in documents.indices {
            let slug = documents[index].slug
            if let first = firstBySlug[slug] {
                shared[slug, default: [first]].append(index)
            } else {
                firstBySlug[slug] = index
            }
        }
        for index in documents.indices where !shared.isEmpty {
            guard let sharing = shared[documents[index].slug] else { continue }
            let others = sharing.filter { $0 != index }.map { documents[$0].displayPath }
            diagnostics.append(.error(
                at: SourceLocation(file: documents[index].displayPath),
                "duplicate slug \"\(documents[index].slug)\": also used by \(others.joined(separator: ", "))",
                note: "rename one of the files or set `slug:` in its front matter"))
            failed.insert(index)
        }
        let kept = documents.indices.filter { !failed.contains($0) }.map { documents[$0] }
        return (kept, diagnostics)
    }

    /// The likeliest fix for an unknown speaker id: a registered speaker
    /// whose name or alias it is, else the closest id.
    private static func speakerNote(for id: String, speakers: [Speaker]) -> String {
        let lowered = id.lowercased()
        if let named = speakers.first(where: { ([$0.name] + $0.aliases).contains { $0.lowercased() == lowered } }) {
            return "\"\(id)\" is a name of speaker \"\(named.id)\"; list speakers by id"
        }
        return Suggestion.note(for: id, among: speakers.map(\.id))
            ?? "add \"\(id)\" to speakers.yaml, or use one of its ids"
    }
}

/// What a walk of the content directory found, for ``ContentLoader/load(directory:displayPath:reusing:changed:known:walked:)``.
public struct ContentListing: Sendable {
    let listing: ContentWalker.Listing

    /// The stamp of every file found, by path relative to the content directory.
    public var stamps: [String: UInt64] { listing.stamps }
}

import Foundation
import GlossContent
import GlossModel
import Synchronization
import Testing
@testable import GlossBuild

/// The disk, with a count of the files read.
final class CountingFileSystem: ContentFileSystem {
    private let disk = LocalFileSystem()
    let reads = Mutex<[String]>([])

    func status(of path: String) throws(FileSystemError) -> FileStatus? { try disk.status(of: path) }
    func contentsOfDirectory(at path: String) throws(FileSystemError) -> [String] { try disk.contentsOfDirectory(at: path) }
    func readFile(at path: String) throws(FileSystemError) -> [UInt8] {
        reads.withLock { $0.append(path) }
        return try disk.readFile(at: path)
    }
}

/// A rebuild writes only what changed, yet its output must always be exactly
/// what a clean build of the same content writes. A seeded random walk of
/// edits, creations, renames, deletions, broken files and theme changes
/// checks both kinds of rebuild against a clean build after every step.
@Suite struct IncrementalBuildTests {
    /// A tiny deterministic generator, so that a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The site as a model: transcripts by path, and what each says.
    struct Transcript {
        var title: String
        var date: String
        var speakers: [String]
        var topics: [String]
        var words: [String]
        var links: [String]
        var note: Bool
    }

    static let speakerIDs = ["hale", "okafor", "tanaka"]
    static let topicPool = ["NATO", "Trade", "Energy", "Budget"]
    static let wordPool = "peace security allies budget treaty border energy trade nation future work strength".split(separator: " ").map(String.init)

    struct Site {
        var transcripts: [String: Transcript] = [:]
        var siteTitle = "Archive"
        var footer: String?
        var broken: String?

        /// Every file of the content and templates directories.
        func files() -> [String: String] {
            var files: [String: String] = [
                "Content/site.yaml": "title: \(siteTitle)\nbase_url: https://example.org/\noptions:\n  search: true\n",
                "Content/speakers.yaml": IncrementalBuildTests.speakerIDs.map { "\($0):\n  name: \($0.capitalized) Speaker\n" }.joined(),
            ]
            for (path, transcript) in transcripts {
                var body = ""
                for (index, speaker) in transcript.speakers.enumerated() {
                    let words = transcript.words.shuffledDeterministically(by: index).joined(separator: " ")
                    // The one phrase an annotation may quote: it occurs once.
                    let remark = index == 0 ? ", and a remark to note" : ""
                    // A transcript with an even number of words has timestamps, so
                    // its caption files come and go as words are added.
                    let label = transcript.words.count % 2 == 0
                        ? "**\(speaker.capitalized) Speaker** [00:0\(index):1\(transcript.words.count % 10)]:" : "**\(speaker.capitalized) Speaker:**"
                    body += "\(label) \(words.prefix(1).uppercased() + words.dropFirst())\(remark).\n\n"
                }
                for link in transcript.links where transcripts[link] != nil {
                    // Links are relative to the citing file's folder, one level deep at most.
                    let relative = (path.contains("/") ? "../" : "") + link
                    body += "See [\(transcripts[link]?.title ?? "")](\(relative)).\n\n"
                }
                let speakers = transcript.speakers.joined(separator: ", ")
                let topics = transcript.topics.joined(separator: ", ")
                files["Content/" + path] = "---\ntitle: \(transcript.title)\ndate: \(transcript.date)\nspeakers: [\(speakers)]\ntopics: [\(topics)]\n---\n\n" + body
                if transcript.note, let word = transcript.words.first {
                    let sidecar = String(path.dropLast(3)) + ".annotations.yaml"
                    files["Content/" + sidecar] = "annotations:\n  - quote: \"a remark to note\"\n    kind: context\n    note: About \(word).\n"
                }
            }
            if let broken { files["Content/" + broken] = "---\ntitle: [unclosed\n---\nText.\n" }
            if let footer { files["Templates/partials/footer.mustache"] = footer }
            return files
        }
    }

    static func randomTranscript(_ rng: inout SplitMix, existing: [String]) -> Transcript {
        Transcript(
            title: "Remarks " + (0..<2).map { _ in wordPool.randomElement(using: &rng) ?? "" }.joined(separator: " "),
            date: "20\(Int.random(in: 20...25, using: &rng))-0\(Int.random(in: 1...9, using: &rng))-1\(Int.random(in: 0...9, using: &rng))",
            speakers: Array(speakerIDs.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng))),
            topics: Array(topicPool.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng))),
            words: (0..<Int.random(in: 3...12, using: &rng)).map { _ in wordPool.randomElement(using: &rng) ?? "" },
            links: Array(existing.shuffled(using: &rng).prefix(Int.random(in: 0...2, using: &rng))),
            note: Bool.random(using: &rng) && Bool.random(using: &rng)
        )
    }

    /// One random change to the model.
    static func mutate(_ site: inout Site, _ rng: inout SplitMix, step: Int) {
        site.broken = nil
        let paths = site.transcripts.keys.sorted()
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<30 where !paths.isEmpty:
            let path = paths.randomElement(using: &rng) ?? ""
            site.transcripts[path]?.words.append(wordPool.randomElement(using: &rng) ?? "")
        case 30..<40 where !paths.isEmpty:
            let path = paths.randomElement(using: &rng) ?? ""
            site.transcripts[path]?.title = "Retitled \(step)"
            site.transcripts[path]?.date = "2019-0\(Int.random(in: 1...9, using: &rng))-20"
        case 40..<48 where !paths.isEmpty:
            let path = paths.randomElement(using: &rng) ?? ""
            site.transcripts[path]?.topics = Array(topicPool.shuffled(using: &rng).prefix(2))
            site.transcripts[path]?.speakers = Array(speakerIDs.shuffled(using: &rng).prefix(2))
        case 48..<62:
            let folder = ["", "2024/", "2025/"].randomElement(using: &rng) ?? ""
            site.transcripts["\(folder)t\(step).md"] = randomTranscript(&rng, existing: paths)
        case 62..<72 where paths.count > 2:
            site.transcripts[paths.randomElement(using: &rng) ?? ""] = nil
        case 72..<80 where !paths.isEmpty:
            let path = paths.randomElement(using: &rng) ?? ""
            let transcript = site.transcripts.removeValue(forKey: path)
            site.transcripts["renamed-\(step).md"] = transcript
        case 80..<86 where !paths.isEmpty:
            let path = paths.randomElement(using: &rng) ?? ""
            site.transcripts[path]?.note.toggle()
            site.transcripts[path]?.links = Array(paths.shuffled(using: &rng).prefix(2))
        case 86..<90:
            site.broken = "broken-\(step).md"
        case 90..<94:
            site.siteTitle = "Archive \(step)"
        case 94..<97:
            site.footer = Bool.random(using: &rng) ? nil : "<footer><p>Footer \(step)</p></footer>\n"
        default:
            break
        }
    }

    /// Writes the model's files, removes the ones it no longer has, and
    /// returns the changed paths relative to Content/.
    static func apply(_ files: [String: String], over previous: [String: String], in temp: TemporaryDirectory, step: Int) throws -> Set<String> {
        var changed: Set<String> = []
        for (path, text) in files where previous[path] != text {
            try temp.write(text, to: path)
            // A distinct modification time per step: two writes within one tick
            // of the file system's clock could otherwise leave the same stamp.
            var times = [timespec(tv_sec: 1_700_000_000 + step, tv_nsec: 0), timespec(tv_sec: 1_700_000_000 + step, tv_nsec: 0)]
            utimensat(AT_FDCWD, temp.path + "/" + path, &times, 0)
            changed.insert(path)
        }
        for path in previous.keys where files[path] == nil {
            try FileManager.default.removeItem(atPath: temp.path + "/" + path)
            changed.insert(path)
        }
        return Set(changed.compactMap { $0.hasPrefix("Content/") ? String($0.dropFirst("Content/".count)) : nil })
    }

    func builder(_ temp: TemporaryDirectory, output: String) -> SiteBuilder {
        SiteBuilder(settings: BuildSettings(
            contentDirectory: temp.path + "/Content",
            templatesDirectory: temp.path + "/Templates",
            outputDirectory: temp.path + "/" + output
        ))
    }

    /// Files and folders of an output, the marker (which names its generation) included:
    /// the same pages make the same generation.
    func tree(_ temp: TemporaryDirectory, _ output: String) -> [String: Data?] {
        let root = temp.path + "/" + output
        var entries: [String: Data?] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return entries }
        while let entry = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + entry, isDirectory: &isDirectory)
            entries[entry] = isDirectory.boolValue ? nil : FileManager.default.contents(atPath: root + "/" + entry)
        }
        return entries
    }

    /// Paths that are in one tree only, or differ between the two.
    func differences(_ a: [String: Data?], _ b: [String: Data?]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
    }

    @Test("after every step of a random walk, rebuilds in memory and from disk equal a clean build", arguments: [1, 2, 3] as [UInt64])
    func rebuildsEqualACleanBuild(seed: UInt64) throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: seed)
        var site = Site()
        for step in 0..<6 { site.transcripts["2025/start-\(step).md"] = Self.randomTranscript(&rng, existing: Array(site.transcripts.keys).sorted()) }
        var files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        var memory = BuildMemory()
        #expect(!builder(temp, output: "Served").build(memory: &memory, changed: []).diagnostics.hasErrors)
        #expect(!builder(temp, output: "Built").build().diagnostics.hasErrors)
        var incrementalWrites = 0
        var failedSteps = 0
        var partialPlans = 0
        var exportsSeen: Set<String> = []

        for step in 1...30 {
            Self.mutate(&site, &rng, step: step)
            let next = site.files()
            let changed = try Self.apply(next, over: files, in: temp, step: step)
            files = next

            let served = builder(temp, output: "Served").build(memory: &memory, changed: changed)
            if served.transcriptPagesPlanned < site.transcripts.count { partialPlans += 1 }
            let built = builder(temp, output: "Built").build()
            try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
            try? FileManager.default.removeItem(atPath: temp.path + "/.Clean.gloss-cache")
            let clean = builder(temp, output: "Clean").build()

            let expected = clean.diagnostics.map(\.description).sorted()
            #expect(served.diagnostics.map(\.description).sorted() == expected, "step \(step)")
            #expect(built.diagnostics.map(\.description).sorted() == expected, "step \(step)")
            if clean.diagnostics.hasErrors {
                failedSteps += 1
                continue
            }
            let reference = tree(temp, "Clean")
            #expect(differences(tree(temp, "Served"), reference) == [], "step \(step): the in-memory rebuild differs from a clean build")
            #expect(differences(tree(temp, "Built"), reference) == [], "step \(step): the rebuild from disk differs from a clean build")
            #expect(served.pagesWritten < clean.pagesWritten || changed.contains("site.yaml") || changed.isEmpty || clean.pagesWritten < 10)
            incrementalWrites += served.pagesWritten
            // The data files beside each transcript are part of the comparison.
            exportsSeen.formUnion(reference.keys.map { ($0 as NSString).lastPathComponent }.filter { $0.contains("transcript.") || $0.hasSuffix(".jsonld") })
        }
        #expect(exportsSeen.isSuperset(of: [
            "annotations.jsonld", "annotation-page.jsonld", "transcript.gloss.json", "transcript.vtt", "transcript.srt", "transcript.json",
        ]), "\(exportsSeen.sorted())")
        // Broken files are a few steps of the walk, not most of it.
        #expect(failedSteps <= 8, "\(failedSteps) of 30 steps failed to build")
        #expect(incrementalWrites > 0)
        // Edits of words alone are about a third of the walk: those re-plan what they reach only.
        #expect(partialPlans >= 3, "\(partialPlans) of 30 rebuilds planned part of the site")
    }

    @Test("a new process reads only the transcripts whose stamps changed, and builds what a clean build does")
    func newProcessReadsOnlyWhatChanged() throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: 11)
        var site = Site()
        for step in 0..<12 { site.transcripts["t\(step).md"] = Self.randomTranscript(&rng, existing: []) }
        let files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        func build(_ fileSystem: some ContentFileSystem) -> BuildOutcome {
            SiteBuilder(settings: BuildSettings(
                contentDirectory: temp.path + "/Content", templatesDirectory: temp.path + "/Templates", outputDirectory: temp.path + "/Public"
            ), fileSystem: fileSystem).build()
        }
        #expect(!build(LocalFileSystem()).diagnostics.hasErrors)

        site.transcripts["t3.md"]?.words.append("treaty")
        _ = try Self.apply(site.files(), over: files, in: temp, step: 1)
        let counting = CountingFileSystem()
        let edited = build(counting)
        #expect(!edited.diagnostics.hasErrors)
        let transcriptsRead = counting.reads.withLock { $0 }.filter { $0.hasSuffix(".md") }
        #expect(transcriptsRead.map { ($0 as NSString).lastPathComponent } == ["t3.md"], "read: \(transcriptsRead)")
        #expect(edited.bodiesRendered == 1)

        _ = builder(temp, output: "Clean").build()
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
    }

    @Test("an edit of words alone re-plans only the pages it reaches, and what links to an anchor it removed is reported")
    func wordsOnlyEdit() throws {
        let temp = try TemporaryDirectory()
        let front = "speakers: [hale]\n---\n\n"
        try temp.write("title: Archive\n", to: "Content/site.yaml")
        try temp.write("hale:\n  name: Hale Speaker\n", to: "Content/speakers.yaml")
        let target = "---\ntitle: Target\ndate: 2025-01-02\n" + front + "## Opening\n\n**Hale Speaker:** We begin.\n"
        try temp.write(target, to: "Content/target.md")
        try temp.write("---\ntitle: Citing\ndate: 2025-01-03\n" + front + "See [the opening](target.md#opening).\n", to: "Content/citing.md")
        for index in 0..<5 {
            try temp.write("---\ntitle: Other \(index)\ndate: 2024-01-0\(index + 1)\n" + front + "**Hale Speaker:** Words \(index).\n", to: "Content/other-\(index).md")
        }
        var memory = BuildMemory()
        let first = builder(temp, output: "Public").build(memory: &memory, changed: [])
        #expect(first.diagnostics.isEmpty)
        #expect(first.transcriptPagesPlanned == 7)

        try temp.write(target + "\n**Hale Speaker:** And we go on.\n", to: "Content/target.md")
        let edited = builder(temp, output: "Public").build(memory: &memory, changed: ["target.md"])
        #expect(edited.diagnostics.isEmpty)
        #expect(edited.bodiesRendered == 1)
        // The target (whose anchors changed) and the transcript linking to it.
        #expect(edited.transcriptPagesPlanned == 2)
        #expect(try #require(temp.read("Public/target/index.html")).contains("And we go on."))
        // The speaker's page counts the new turn, as a clean build does.
        _ = builder(temp, output: "Edited").build()
        #expect(differences(tree(temp, "Public"), tree(temp, "Edited")) == [])

        try temp.write(target.replacingOccurrences(of: "## Opening", with: "## Start"), to: "Content/target.md")
        let broken = builder(temp, output: "Public").build(memory: &memory, changed: ["target.md"])
        #expect(broken.diagnostics.hasErrors)
        #expect(broken.diagnostics.contains { $0.description.contains("citing.md") && $0.description.contains("opening") })

        try temp.write(target, to: "Content/target.md")
        let mended = builder(temp, output: "Public").build(memory: &memory, changed: ["target.md"])
        #expect(mended.diagnostics.isEmpty)
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        let clean = builder(temp, output: "Clean").build()
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
        #expect(clean.transcriptPagesPlanned == 7)
    }

    @Test("an edit of words changes the keys of its own search file and of the shards its terms are in, no other")
    func searchIndexEdit() throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: 11)
        var site = Site()
        for step in 0..<20 { site.transcripts["t\(step).md"] = Self.randomTranscript(&rng, existing: []) }
        let files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        let first = builder(temp, output: "Public").build()
        #expect(!first.diagnostics.hasErrors)
        let shards = first.keys.keys.filter { $0.hasPrefix("search/index/") }
        #expect(shards.count > 20)
        #expect(first.keys["search/meta.js"] != nil)

        site.transcripts["t0.md"]?.words.append("zyxwvut")
        _ = try Self.apply(site.files(), over: files, in: temp, step: 1)
        let edited = builder(temp, output: "Public").build()
        let changed = Set(edited.keys.keys.filter { $0.hasPrefix("search/") && edited.keys[$0] != first.keys[$0] })
        // The new word's shard is new, so the meta file names it.
        #expect(changed.contains("search/index/zyx.js"))
        #expect(changed.contains("search/meta.js"))
        // One transcript's files: its own and its passages' chunks (`doc/N.js`, `doc/N-K.js`).
        let places = Set(changed.filter { $0.hasPrefix("search/doc/") }.map {
            $0.dropFirst("search/doc/".count).prefix { $0 != "-" && $0 != "." }
        })
        #expect(places.count == 1)
        // Only the new shard: the edit added a word to a passage whose other words stay.
        #expect(changed.filter { $0.hasPrefix("search/index/") } == ["search/index/zyx.js"], "\(changed.sorted())")
        let shard = try #require(temp.read("Public/search/index/zyx.js"))
        #expect(try #require(searchFileText(shard)).contains("zyxwvut"))
        // A new process planned from the cache: the first build keyed every
        // shard, this one only the new word's.
        #expect(first.searchShardsKeyed == shards.count)
        #expect(edited.searchShardsKeyed == 1)
        // And the whole equals a clean build.
        let clean = builder(temp, output: "Clean").build()
        #expect(!clean.diagnostics.hasErrors)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
    }

    @Test("a rebuild in a new process keys again exactly the shards whose lines an edit changed, from the search plan in the cache")
    func searchPlanFromCache() throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: 23)
        var site = Site()
        for step in 0..<16 { site.transcripts["t\(step).md"] = Self.randomTranscript(&rng, existing: []) }
        var files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        let first = builder(temp, output: "Public").build()
        #expect(!first.diagnostics.hasErrors)
        let shardCount = first.keys.keys.count { $0.hasPrefix("search/index/") }
        #expect(first.searchShardsKeyed == shardCount)
        let cachePath = temp.path + "/.Public.gloss-cache/" + SearchPlanCache.fileName
        #expect(FileManager.default.fileExists(atPath: cachePath))

        // A word that is in a shard of its own, and one already in the pool:
        // the new word's shard and the shards of the words' passage, no more.
        let previousKeys = first.keys
        site.transcripts["t3.md"]?.words.append("quokka")
        site.transcripts["t3.md"]?.words.append("treaty")
        var next = site.files()
        _ = try Self.apply(next, over: files, in: temp, step: 1)
        files = next
        let edited = builder(temp, output: "Public").build()
        #expect(!edited.diagnostics.hasErrors)
        let changedShards = Set(edited.keys.keys.filter { $0.hasPrefix("search/index/") && edited.keys[$0] != previousKeys[$0] })
        #expect(changedShards.contains("search/index/quo.js"))
        #expect(edited.searchShardsKeyed == changedShards.count, "\(changedShards.sorted())")
        #expect(edited.searchShardsKeyed < shardCount)
        _ = builder(temp, output: "Clean").build()
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])

        // A build in a new process with nothing changed keys nothing.
        var fresh = BuildMemory()
        let unchanged = builder(temp, output: "Public").build(memory: &fresh, changed: [], skipIfUnchanged: false)
        #expect(!unchanged.diagnostics.hasErrors)
        #expect(unchanged.searchShardsKeyed == 0)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])

        // One byte of the kept plan changed (a shard's key, or anything
        // else): the cache is not read, and every shard is keyed again.
        var bytes = try #require(FileManager.default.contents(atPath: cachePath))
        bytes[bytes.count - 12] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        #expect(SearchPlanCache.read(path: cachePath) == nil)
        site.transcripts["t7.md"]?.words.append("border")
        next = site.files()
        _ = try Self.apply(next, over: files, in: temp, step: 2)
        let afterDamage = builder(temp, output: "Public").build()
        #expect(!afterDamage.diagnostics.hasErrors)
        #expect(afterDamage.searchShardsKeyed == afterDamage.keys.keys.count { $0.hasPrefix("search/index/") })
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        try? FileManager.default.removeItem(atPath: temp.path + "/.Clean.gloss-cache")
        _ = builder(temp, output: "Clean").build()
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
        // And the plan is kept again, whole.
        #expect(SearchPlanCache.read(path: cachePath) != nil)
    }

    @Test("an edit of a quoted speech, or of the quoting article, is reported by a rebuild as by a clean build")
    func quoteEdit() throws {
        let temp = try TemporaryDirectory()
        try temp.write("title: Archive\n", to: "Content/site.yaml")
        try temp.write("hale:\n  name: Hale Speaker\n", to: "Content/speakers.yaml")
        let speech = "---\ntitle: Speech\ndate: 2025-01-02\nspeakers: [hale]\n---\n\n**Hale Speaker:** We will build the bridge across the river before the winter comes to the valley.\n"
        let article = "---\ntitle: Report\ndate: 2025-01-03\nkind: article\n---\n\nHale said “we will build the bridge across the river before the winter comes”.\n"
        try temp.write(speech, to: "Content/speech.md")
        try temp.write(article, to: "Content/report.md")
        var memory = BuildMemory()
        let first = builder(temp, output: "Public").build(memory: &memory, changed: [])
        #expect(first.diagnostics.isEmpty)
        #expect(first.quotes.map(\.verdict) == ["verbatim"])
        #expect(first.quotes.first?.source?.hasPrefix("speech/#p-") == true)

        // The speech no longer holds the words: the article's quotation is not found.
        try temp.write(speech.replacingOccurrences(of: "We will build the bridge across the river before the winter comes", with: "Nobody expected the spring floods this year"), to: "Content/speech.md")
        let edited = builder(temp, output: "Public").build(memory: &memory, changed: ["speech.md"])
        #expect(edited.quotes.map(\.verdict) == ["not found"])
        // The speech's words changed, and so did the article's verdict: both pages are planned again.
        #expect(edited.transcriptPagesPlanned == 2)
        #expect(try #require(temp.read("Public/report/index.html")).contains("<strong class=\"verdict\">not found</strong>"))
        #expect(edited.diagnostics.map(\.description).contains { $0.hasPrefix("\(temp.path)/Content/report.md:7:14: warning: quotation not found") })
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        let clean = builder(temp, output: "Clean").build()
        #expect(edited.diagnostics.map(\.description) == clean.diagnostics.map(\.description))
        #expect(edited.quotes == clean.quotes)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])

        // The article changed instead, to quote the new words with one altered.
        try temp.write(article.replacingOccurrences(of: "we will build the bridge across the river before the winter comes", with: "nobody expected the spring floods this season"), to: "Content/report.md")
        let mended = builder(temp, output: "Public").build(memory: &memory, changed: ["report.md"])
        #expect(mended.diagnostics.isEmpty)
        #expect(mended.quotes.map(\.verdict) == ["altered"])
        #expect(mended.quotes.first?.details == ["said “year”, quoted “season”"])
        // A new process, from the body store, reports the same.
        var fresh = BuildMemory(keepsContent: false)
        let fromDisk = builder(temp, output: "Public").build(memory: &fresh, changed: [])
        #expect(fromDisk.bodiesRendered == 0)
        #expect(fromDisk.quotes == mended.quotes)
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        try? FileManager.default.removeItem(atPath: temp.path + "/.Clean.gloss-cache")
        let cleanAgain = builder(temp, output: "Clean").build()
        #expect(mended.quotes == cleanAgain.quotes)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
    }

    @Test("the quote check reads candidates from Markdown with markup in the quoted words, and a rebuild after an edit that moves the source agrees with a clean build")
    func quoteScanThroughMarkupAndEdits() throws {
        let temp = try TemporaryDirectory()
        try temp.write("title: Archive\n", to: "Content/site.yaml")
        try temp.write("hale:\n  name: Hale Speaker\n", to: "Content/speakers.yaml")
        func speech(_ title: String, _ words: String) -> String {
            "---\ntitle: \(title)\ndate: 2025-01-02\nspeakers: [hale]\n---\n\n## Remarks\n\n**Hale Speaker** [00:00:05]: \(words)\n"
        }
        // Emphasis, a link with a title, and an entity (which sends the
        // transcript to its passages) inside the quoted words.
        try temp.write(speech("One", "We will *build* the [bridge](https://example.org/b \"the plan\") across the river before the winter comes to the valley."), to: "Content/one.md")
        try temp.write(speech("Two", "The river is wide &amp; cold, and nobody has crossed it before the winter in years."), to: "Content/two.md")
        try temp.write(speech("Three", "Crops and roads matter more to the valley than any bridge across any river."), to: "Content/three.md")
        let article = "---\ntitle: Report\ndate: 2025-01-03\nkind: article\n---\n\nHale said “we will build the bridge across the river before the winter comes”.\n"
        try temp.write(article, to: "Content/report.md")
        var memory = BuildMemory()
        let first = builder(temp, output: "Public").build(memory: &memory, changed: [])
        #expect(!first.diagnostics.hasErrors)
        #expect(first.quotes.map(\.verdict) == ["verbatim"])
        #expect(first.quotes.first?.source?.hasPrefix("one/#p-") == true)

        // The words move to the speech whose Markdown holds an entity.
        try temp.write(speech("One", "Nothing about bridges today."), to: "Content/one.md")
        try temp.write(speech("Two", "The river is wide &amp; cold. We will build the bridge across the river before the winter comes, I said."), to: "Content/two.md")
        let moved = builder(temp, output: "Public").build(memory: &memory, changed: ["one.md", "two.md"])
        #expect(moved.quotes.map(\.verdict) == ["verbatim"])
        #expect(moved.quotes.first?.source?.hasPrefix("two/#p-") == true)
        let clean = builder(temp, output: "Clean").build()
        #expect(moved.quotes == clean.quotes)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])

        // The article quotes a changed word: altered, in a rebuild as in a clean build.
        try temp.write(article.replacingOccurrences(of: "before the winter comes", with: "before the summer comes"), to: "Content/report.md")
        let altered = builder(temp, output: "Public").build(memory: &memory, changed: ["report.md"])
        #expect(altered.quotes.map(\.verdict) == ["altered"])
        #expect(altered.quotes.first?.details == ["said “winter”, quoted “summer”"])
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        try? FileManager.default.removeItem(atPath: temp.path + "/.Clean.gloss-cache")
        let cleanAgain = builder(temp, output: "Clean").build()
        #expect(altered.quotes == cleanAgain.quotes)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])

        // Edits the kept scan and verdicts must follow: the article's other
        // words (its quotation as it was), then a transcript that is no
        // candidate, then the source itself.
        try temp.write(article.replacingOccurrences(of: "before the winter comes", with: "before the summer comes")
            .replacingOccurrences(of: "Hale said", with: "At the meeting, Hale told the town"), to: "Content/report.md")
        let reworded = builder(temp, output: "Public").build(memory: &memory, changed: ["report.md"])
        #expect(reworded.quotes.map(\.verdict) == ["altered"])
        try temp.write(speech("Three", "Crops and roads matter more to the valley than any bridge."), to: "Content/three.md")
        let elsewhere = builder(temp, output: "Public").build(memory: &memory, changed: ["three.md"])
        #expect(elsewhere.quotes == reworded.quotes)
        try temp.write(speech("Two", "The river is wide &amp; cold. We will build the bridge across the river before the summer comes, I said."), to: "Content/two.md")
        let mended = builder(temp, output: "Public").build(memory: &memory, changed: ["two.md"])
        #expect(mended.quotes.map(\.verdict) == ["verbatim"])
        try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
        try? FileManager.default.removeItem(atPath: temp.path + "/.Clean.gloss-cache")
        let cleanLast = builder(temp, output: "Clean").build()
        #expect(mended.quotes == cleanLast.quotes)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
    }

    @Test("a second build with nothing changed writes nothing; one edit rewrites only the pages that show it")
    func noOpAndOneEdit() throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: 7)
        var site = Site()
        for step in 0..<30 { site.transcripts["t\(step).md"] = Self.randomTranscript(&rng, existing: []) }
        site.transcripts["t0.md"]?.topics = ["NATO"]
        site.transcripts["t0.md"]?.speakers = ["hale"]
        let files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        let first = builder(temp, output: "Public").build()
        #expect(!first.diagnostics.hasErrors)
        #expect(first.pagesWritten > 40)

        let again = builder(temp, output: "Public").build()
        #expect(again.pagesWritten == 0)
        #expect(again.pageCount == first.pageCount)

        site.transcripts["t0.md"]?.words.append("treaty")
        _ = try Self.apply(site.files(), over: files, in: temp, step: 1)
        let edited = builder(temp, output: "Public").build()
        let written = edited.pagesWritten
        // A new process: the other bodies come from the body store.
        #expect(first.bodiesRendered == 30)
        #expect(edited.bodiesRendered == 1)
        // Its page, its speaker's page(s), its topic's page, its home and archive
        // pages, the feed, and whatever cites it or lists it as related.
        #expect(written > 0 && written < first.pagesWritten / 2, "\(written) of \(first.pagesWritten)")
        let page = try #require(temp.read("Public/t0/index.html"))
        #expect(page.contains("treaty"))
    }

    @Test("an edit of words keeps the output's path list; a damaged path list or manifest is not trusted, and every page is written again")
    func outputPathList() throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: 5)
        var site = Site()
        for step in 0..<12 { site.transcripts["t\(step).md"] = Self.randomTranscript(&rng, existing: []) }
        var files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        let first = builder(temp, output: "Public").build()
        #expect(!first.diagnostics.hasErrors)
        let cache = temp.path + "/.Public.gloss-cache"
        func listed(_ prefix: String) throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasPrefix(prefix) }.sorted()
        }
        let pathLists = try listed("paths-")
        #expect(pathLists.count == 1)

        // Words only: the same paths, so the same list, and no second one.
        // (Two words, as the count's parity decides whether there are captions.)
        for round in 1...2 {
            site.transcripts["t0.md"]?.words += ["peace", "trade"]
            let next = site.files()
            _ = try Self.apply(next, over: files, in: temp, step: round)
            files = next
            let edited = builder(temp, output: "Public").build()
            #expect(edited.pagesWritten > 0 && edited.pagesWritten < first.pagesWritten / 2)
            #expect(try listed("paths-") == pathLists)
            #expect(try listed("manifest-").count == 2)
        }

        // One byte of the path list changed: neither generation is trusted.
        let list = cache + "/" + pathLists[0]
        var bytes = try #require(FileManager.default.contents(atPath: list))
        bytes[bytes.count - 3] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: list))
        site.transcripts["t1.md"]?.words += ["energy", "nation"]
        var next = site.files()
        _ = try Self.apply(next, over: files, in: temp, step: 3)
        files = next
        let afterDamage = builder(temp, output: "Public").build()
        #expect(afterDamage.pagesWritten == afterDamage.keys.count)

        // A manifest's keys changed: its generation is not trusted either.
        for manifest in try listed("manifest-") {
            var bytes = try #require(FileManager.default.contents(atPath: cache + "/" + manifest))
            bytes[bytes.count - 1] ^= 0x01
            try bytes.write(to: URL(fileURLWithPath: cache + "/" + manifest))
        }
        site.transcripts["t2.md"]?.words += ["future", "border"]
        next = site.files()
        _ = try Self.apply(next, over: files, in: temp, step: 4)
        let afterDamagedKeys = builder(temp, output: "Public").build()
        #expect(afterDamagedKeys.pagesWritten == afterDamagedKeys.keys.count)
        _ = builder(temp, output: "Clean").build()
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
    }

    @Test("a rebuild over a damaged body store renders again what it cannot trust, and equals a clean build")
    func damagedBodyStore() throws {
        let temp = try TemporaryDirectory()
        var rng = SplitMix(state: 11)
        var site = Site()
        for step in 0..<8 { site.transcripts["t\(step).md"] = Self.randomTranscript(&rng, existing: []) }
        let files = site.files()
        _ = try Self.apply(files, over: [:], in: temp, step: 0)
        #expect(!builder(temp, output: "Public").build().diagnostics.hasErrors)

        // Every stored body's bytes are overwritten; the index still names them.
        let bodies = temp.path + "/.Public.gloss-cache/bodies"
        let packs = try FileManager.default.contentsOfDirectory(atPath: bodies).filter { $0.hasPrefix("pack-") }
        #expect(!packs.isEmpty)
        for pack in packs {
            let size = try #require(FileManager.default.contents(atPath: bodies + "/" + pack)).count
            try Data(repeating: UInt8(ascii: "X"), count: size).write(to: URL(fileURLWithPath: bodies + "/" + pack))
        }
        site.transcripts["t0.md"]?.words.append("treaty")
        _ = try Self.apply(site.files(), over: files, in: temp, step: 1)
        // The output goes, the body store stays: every page is written again
        // from the stored bodies, of which only the edited one is rendered.
        try FileManager.default.removeItem(atPath: temp.path + "/Public")
        for entry in try FileManager.default.contentsOfDirectory(atPath: temp.path + "/.Public.gloss-cache") where entry != "bodies" {
            try FileManager.default.removeItem(atPath: temp.path + "/.Public.gloss-cache/" + entry)
        }
        let rebuilt = builder(temp, output: "Public").build()
        #expect(!rebuilt.diagnostics.hasErrors)
        #expect(rebuilt.bodiesRendered == 1)
        let clean = builder(temp, output: "Clean").build()
        #expect(!clean.diagnostics.hasErrors)
        #expect(differences(tree(temp, "Public"), tree(temp, "Clean")) == [])
        #expect(try #require(temp.read("Public/t1/index.html")).contains("<article"))
        #expect(!(try #require(temp.read("Public/t1/index.html")).contains("XXXX")))
    }
}

private extension Array {
    /// A rotation, so each speaker says the words in another order, the same on every run.
    func shuffledDeterministically(by offset: Int) -> [Element] {
        guard !isEmpty else { return self }
        let shift = offset % count
        return Array(self[shift...] + self[..<shift])
    }
}

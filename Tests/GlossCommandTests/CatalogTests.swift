import Foundation
import Testing

/// The bad-input catalog (`Catalog/`, described in docs/hardening.md): each
/// case is applied over a copy of `Catalog/base` whose last good build is
/// already in `Public/`, then `gloss build` runs on it.
///
/// - `Catalog/errors/NAME`: the build must fail (exit 1, no crash, no hang),
///   print every line of `expected.txt`, name a file and line:column in every
///   error, and leave `Public/` byte-identical.
/// - `Catalog/survive/NAME`: hostile but valid input that must build (exit 0)
///   in bounded time, printing every line of `expected.txt` if it has any.
@Suite struct CatalogTests {
    static let errorCases = CatalogCase.all(in: "errors")
    static let survivalCases = CatalogCase.all(in: "survive")

    @Test func theCatalogIsComplete() {
        #expect(Self.errorCases.count >= 40, "the catalog needs at least 40 error cases, found \(Self.errorCases.count)")
        #expect(Self.survivalCases.count >= 3)
        for catalogCase in Self.errorCases {
            #expect(!catalogCase.expectedLines.isEmpty, "\(catalogCase.name): an error case must expect at least one line")
            #expect(catalogCase.expectedLines.contains { $0.contains("error: ") }, "\(catalogCase.name): expects no error line")
        }
        for catalogCase in Self.errorCases + Self.survivalCases {
            #expect(catalogCase.unknownDirectives.isEmpty, "\(catalogCase.name): unknown directives \(catalogCase.unknownDirectives)")
            #expect(catalogCase.generators.allSatisfy { CatalogGenerator.named[$0] != nil },
                    "\(catalogCase.name): unknown generator in \(catalogCase.generators)")
        }
    }

    @Test(arguments: errorCases)
    func aBadInputFailsTheBuildAndKeepsThePreviousSite(_ catalogCase: CatalogCase) throws {
        guard let site = try catalogCase.prepare() else { return }
        defer { try? FileManager.default.removeItem(atPath: site) }
        let before = TreeSnapshot(of: site + "/Public")
        #expect(before.files.count > 5, "the base site's previous build is missing")

        let result = try TimedBuild.run(in: site, timeout: catalogCase.timeout)
        let context = "\(catalogCase.name): stderr:\n\(result.standardError)"
        try #require(!result.timedOut, "\(catalogCase.name): gloss build did not finish in \(Int(catalogCase.timeout)) s")
        #expect(!result.crashed, "\(catalogCase.name): gloss build was killed by signal \(result.status)\n\(context)")
        #expect(result.status == 1, "\(catalogCase.name): exit status \(result.status), expected 1\n\(context)")

        let lines = result.standardError.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for expected in catalogCase.expectedLines {
            #expect(lines.contains(expected), "\(catalogCase.name): missing line \(expected)\n\(context)")
        }
        for line in lines where line.contains(" error: ") || line.hasPrefix("error: ") {
            if catalogCase.expectedLines.contains(line) && catalogCase.allowsUnpositionedErrors { continue }
            #expect(CatalogCase.namesAFileWithPosition(line, in: site), "\(catalogCase.name): error without file:line:column of a site file: \(line)")
        }
        #expect(!lines.contains { $0.contains("Fatal error") || $0.contains("Stack dump") }, "\(context)")
        for text in catalogCase.absentTexts {
            #expect(!lines.contains { $0.contains(text) }, "\(catalogCase.name): a line says \(text)\n\(context)")
        }

        let after = TreeSnapshot(of: site + "/Public")
        #expect(after == before, "\(catalogCase.name): Public/ changed: \(before.difference(from: after))")
        let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: site))?.filter { $0.contains("gloss-staging") } ?? []
        #expect(leftovers.isEmpty, "\(catalogCase.name): staging folders left behind: \(leftovers)")
    }

    @Test(arguments: survivalCases)
    func hostileButValidInputBuilds(_ catalogCase: CatalogCase) throws {
        guard let site = try catalogCase.prepare() else { return }
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try TimedBuild.run(in: site, timeout: catalogCase.timeout)
        let context = "\(catalogCase.name): stderr:\n\(String(result.standardError.prefix(4000)))"
        try #require(!result.timedOut, "\(catalogCase.name): gloss build did not finish in \(Int(catalogCase.timeout)) s")
        #expect(!result.crashed, "\(catalogCase.name): gloss build was killed by signal \(result.status)\n\(context)")
        #expect(result.status == 0, "\(catalogCase.name): exit status \(result.status), expected 0\n\(context)")
        let lines = result.standardError.split(separator: "\n").map(String.init)
        for expected in catalogCase.expectedLines {
            #expect(lines.contains(expected), "\(catalogCase.name): missing line \(expected)\n\(context)")
        }
        for page in catalogCase.expectedPages {
            #expect(FileManager.default.fileExists(atPath: site + "/Public/" + page), "\(catalogCase.name): no Public/\(page)")
        }
    }

    /// The checks above must be able to fail: a build that changes `Public/`
    /// is noticed, and an error line without a site file and position is refused.
    @Test func theHarnessNoticesAChangedSiteAndAnUnpositionedError() throws {
        let site = try CatalogCase.copyOfBase()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let before = TreeSnapshot(of: site + "/Public")
        let text = try String(contentsOfFile: site + "/Content/2024/earlier.md", encoding: .utf8)
        try text.replacingOccurrences(of: "Trade talks", with: "Budget talks")
            .write(toFile: site + "/Content/2024/earlier.md", atomically: true, encoding: .utf8)
        let result = try TimedBuild.run(in: site, timeout: 60)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(TreeSnapshot(of: site + "/Public") != before, "a successful build with new text must change Public/")
        #expect(!CatalogCase.namesAFileWithPosition("error: content directory \"Content\" not found", in: site))
        #expect(!CatalogCase.namesAFileWithPosition("Content/nowhere.md:1:1: error: x", in: site))
        #expect(CatalogCase.namesAFileWithPosition("Content/2024/earlier.md:3:7: error: x", in: site))
    }
}

/// One case of the catalog: its folder, the lines it must print and its directives.
struct CatalogCase: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Catalog").path

    var name: String
    var directory: String
    /// Whole lines of standard error the build must print.
    var expectedLines: [String] = []
    /// `% generate NAME`: files made at test time (too large, or not storable in git).
    var generators: [String] = []
    /// `% remove PATH`: a file or folder of the base site to delete first.
    var removals: [String] = []
    /// `% unpositioned`: the expected lines may include errors with no file (a missing Content/).
    var allowsUnpositionedErrors = false
    /// `% skip-as-root`: the case needs file permissions, which root ignores.
    var skipsAsRoot = false
    /// `% page PATH`: a survival case must have written this page.
    var expectedPages: [String] = []
    /// `% absent TEXT`: no line of standard error may contain TEXT.
    var absentTexts: [String] = []
    /// `% timeout SECONDS`, 60 by default.
    var timeout: TimeInterval = 60
    var unknownDirectives: [String] = []

    var testDescription: String { name }
    var description: String { name }

    static func all(in group: String) -> [CatalogCase] {
        let folder = root + "/" + group
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        return names.map { CatalogCase(name: "\(group)/\($0)", directory: folder + "/" + $0) }
    }

    init(name: String, directory: String) {
        self.name = name
        self.directory = directory
        let text = (try? String(contentsOfFile: directory + "/expected.txt", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n").map(String.init) {
            guard line.hasPrefix("% ") else {
                expectedLines.append(line)
                continue
            }
            let words = line.dropFirst(2).split(separator: " ", maxSplits: 1).map(String.init)
            switch (words.first, words.count) {
            case ("generate", 2): generators.append(words[1])
            case ("remove", 2): removals.append(words[1])
            case ("page", 2): expectedPages.append(words[1])
            case ("absent", 2): absentTexts.append(words[1])
            case ("timeout", 2) where TimeInterval(words[1]) != nil: timeout = TimeInterval(words[1]) ?? timeout
            case ("unpositioned", 1): allowsUnpositionedErrors = true
            case ("skip-as-root", 1): skipsAsRoot = true
            default: unknownDirectives.append(line)
            }
        }
    }

    /// A temporary copy of the base site with its last good build, this case
    /// applied over it; nil when the case cannot run here (it says why).
    func prepare() throws -> String? {
        if skipsAsRoot && getuid() == 0 {
            print("catalog: skipping \(name): running as root, which reads files whatever their permissions (see errors/unreadable-proc-mem for a case that runs as root)")
            return nil
        }
        let site = try Self.copyOfBase()
        for removal in removals {
            try FileManager.default.removeItem(atPath: site + "/" + removal)
        }
        let overlay = directory + "/site"
        if let walker = FileManager.default.enumerator(atPath: overlay) {
            while let entry = walker.nextObject() as? String {
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: overlay + "/" + entry, isDirectory: &isDirectory)
                let target = site + "/" + entry
                if isDirectory.boolValue {
                    try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                } else {
                    try? FileManager.default.removeItem(atPath: target)
                    try FileManager.default.copyItem(atPath: overlay + "/" + entry, toPath: target)
                }
            }
        }
        for generator in generators {
            guard let make = CatalogGenerator.named[generator] else { throw UnknownGenerator(name: generator) }
            try make(site)
        }
        return site
    }

    struct UnknownGenerator: Error { var name: String }

    /// The base site built once per test run; each case gets its own copy.
    private static let builtBase: Result<String, BaseBuildFailed> = {
        let site = NSTemporaryDirectory() + "gloss-catalog-base-" + UUID().uuidString
        do {
            try FileManager.default.copyItem(atPath: root + "/base", toPath: site)
            let result = try TimedBuild.run(in: site, timeout: 120)
            guard result.status == 0 else { return .failure(BaseBuildFailed(reason: result.standardError)) }
            return .success(site)
        } catch {
            return .failure(BaseBuildFailed(reason: "\(error)"))
        }
    }()

    struct BaseBuildFailed: Error, CustomStringConvertible {
        var reason: String
        var description: String { "the catalog's base site does not build: \(reason)" }
    }

    static func copyOfBase() throws -> String {
        let base = try builtBase.get()
        let site = NSTemporaryDirectory() + "gloss-catalog-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: base, toPath: site)
        return site
    }

    /// `PATH:LINE:COLUMN: error: …` where PATH is an entry of the site (a
    /// link counts, even a broken one).
    static func namesAFileWithPosition(_ line: String, in site: String) -> Bool {
        guard let range = line.range(of: ": error: ") else { return false }
        let parts = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 3,
              let lineNumber = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]),
              lineNumber >= 1, column >= 1 else { return false }
        let path = parts.dropLast(2).joined(separator: ":")
        var status = stat()
        return !path.isEmpty && lstat(site + "/" + path, &status) == 0
    }
}

/// Every file and folder under a directory, with each file's bytes.
struct TreeSnapshot: Equatable {
    var files: [String: Data] = [:]
    var directories: Set<String> = []

    init(of root: String) {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return }
        while let entry = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + entry, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                directories.insert(entry)
            } else {
                files[entry] = FileManager.default.contents(atPath: root + "/" + entry) ?? Data()
            }
        }
    }

    func difference(from other: TreeSnapshot) -> String {
        let changed = Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
        let folders = directories.symmetricDifference(other.directories).sorted()
        return "files \(changed.prefix(10)), folders \(folders.prefix(10))"
    }
}

/// `gloss build` with a deadline: output goes to files, so nothing can stall
/// on a full pipe, and a build still running at the deadline is killed.
enum TimedBuild {
    struct Result {
        var status: Int32
        var crashed: Bool
        var timedOut: Bool
        var standardError: String
    }

    static func run(in site: String, arguments: [String] = ["build"], timeout: TimeInterval) throws -> Result {
        let logs = NSTemporaryDirectory() + "gloss-catalog-log-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: logs) }
        FileManager.default.createFile(atPath: logs + "/out", contents: nil)
        FileManager.default.createFile(atPath: logs + "/err", contents: nil)
        let process = try GlossProcess.process(arguments, in: site)
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: logs + "/out"))
        let error = try FileHandle(forWritingTo: URL(fileURLWithPath: logs + "/err"))
        defer { try? output.close(); try? error.close() }
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let errorText = (try? String(contentsOfFile: logs + "/err", encoding: .utf8))
            ?? String(decoding: FileManager.default.contents(atPath: logs + "/err") ?? Data(), as: UTF8.self)
        return Result(status: process.terminationStatus, crashed: process.terminationReason == .uncaughtSignal && !timedOut,
                      timedOut: timedOut, standardError: errorText)
    }
}

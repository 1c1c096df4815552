import Foundation
import Testing

@Suite struct CommandLineTests {
    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "gloss-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test func initCreatesASiteThatBuildsAtOnce() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let created = try GlossProcess.run(["init", "site"], in: root)
        #expect(created.status == 0, "\(created.standardError)")
        #expect(FileManager.default.fileExists(atPath: root + "/site/Templates/base.mustache"))
        #expect(try String(contentsOfFile: root + "/site/.gitignore", encoding: .utf8) == "Public/\n.gloss/\n")

        let built = try GlossProcess.run(["build"], in: root + "/site")
        #expect(built.status == 0, "\(built.standardError)")
        #expect(built.standardOutput.contains("Built"))
        #expect(FileManager.default.fileExists(atPath: root + "/site/Public/1863/gettysburg-address/index.html"))
    }

    /// The build's speed rests on jemalloc serving every allocation, which
    /// holds only while the linker puts it before libc in the binary's
    /// needed libraries: the dynamic linker's own log says where the Swift
    /// runtime's `malloc` went.
    @Test func swiftRuntimeAllocatesWithJemalloc() throws {
        #if os(Linux)
        let process = try GlossProcess.process(["--version"], in: NSTemporaryDirectory())
        process.environment?["LD_DEBUG"] = "bindings"
        let error = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        let log = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let mallocBindings = log.split(separator: "\n").filter { $0.contains("libswiftCore.so") && $0.contains("symbol `malloc'") }
        #expect(!mallocBindings.isEmpty, "the dynamic linker logged no binding of malloc for libswiftCore")
        #expect(mallocBindings.allSatisfy { $0.contains("libjemalloc.so") }, "\(mallocBindings)")
        #endif
    }

    @Test func initRefusesAFolderThatIsNotEmpty() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(Array("keep me".utf8), to: root + "/site/notes.txt")
        let result = try GlossProcess.run(["init", "site"], in: root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("error: cannot create a site in \"site\""))
        #expect(try String(contentsOfFile: root + "/site/notes.txt", encoding: .utf8) == "keep me")
    }

    /// Broken input of every kind: each file named, exit status 1, no crash.
    @Test func brokenFilesAreAllReportedWithoutACrash() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(Array("title: Broken inputs\n".utf8), to: root + "/Content/site.yaml")
        try write([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x3A, 0x20, 0xFF, 0xFE, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A], to: root + "/Content/invalid-utf8.md")
        try write([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00, 0x01, 0x00], to: root + "/Content/binary.md")
        try write([], to: root + "/Content/empty.md")
        try write(Array("---\ntitle: Never closed\n\nBody text.\n".utf8), to: root + "/Content/unterminated.md")
        try write(Array("---\ntitle: \"unclosed\n---\n".utf8), to: root + "/Content/bad-yaml.md")

        let result = try GlossProcess.run(["build"], in: root)
        #expect(result.status == 1)
        for name in ["invalid-utf8.md", "binary.md", "empty.md", "unterminated.md", "bad-yaml.md"] {
            #expect(result.standardError.contains("Content/\(name):"), "no diagnostic for \(name): \(result.standardError)")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/Public"))
    }

    @Test func aFiftyMegabyteTranscriptBuilds() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(Array("title: Large\n".utf8), to: root + "/Content/site.yaml")
        var text = "---\ntitle: A very long hearing\ndate: 2025-01-01\n---\n\n"
        let paragraph = String(repeating: "The committee will come to order and the witness will answer. ", count: 16) + "\n\n"
        text += String(repeating: paragraph, count: 50_000_000 / paragraph.utf8.count)
        try write(Array(text.utf8), to: root + "/Content/long.md")
        let result = try GlossProcess.run(["build"], in: root)
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test func checkPrintsDiagnosticsInCompilerFormatAndWritesNothing() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write(Array("title: Site\n".utf8), to: root + "/Content/site.yaml")
        try write(Array("---\ntitle: Remarks\ndate: Feb 12\n---\n\nText.\n".utf8), to: root + "/Content/x.md")
        let result = try GlossProcess.run(["check"], in: root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("Content/x.md:3:7: error: front matter: \"date\" must be a date like 2025-02-12, found \"Feb 12\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["Content"])
    }

    @Test(arguments: ["build", "check", "serve", "init"])
    func everyCommandHasHelpWithAnExample(command: String) throws {
        let result = try GlossProcess.run([command, "--help"], in: NSTemporaryDirectory())
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("USAGE: gloss \(command)"))
        #expect(result.standardOutput.contains("Example"))
    }

    @Test func aMissingContentFolderIsOneClearError() throws {
        let root = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try GlossProcess.run(["build"], in: root)
        #expect(result.status == 1)
        #expect(result.standardError.contains("Content"))
        #expect(!result.standardError.contains("Fatal error"))
    }
}

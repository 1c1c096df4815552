import Foundation
import Testing

/// `gloss import` as a user runs it: what it writes, what it refuses.
@Suite struct ImportCommandTests {
    private func folder() throws -> String {
        let path = NSTemporaryDirectory() + "gloss-import-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func write(_ text: String, _ path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func importsWritesAndNeverOverwritesWithoutForce() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("A Headline\n\nHEGSETH: One.\n\nQ: Two?\n", dir + "/a.txt")
        let first = try GlossProcess.run(["import", "a.txt"], in: dir)
        #expect(first.status == 0, "\(first.standardError)")
        #expect(first.standardOutput.contains("Content/a.md \u{2190} a.txt (text): 2 speakers, 2 turns, 0 quotes, 0 notes"))
        let written = try String(contentsOfFile: dir + "/Content/a.md", encoding: .utf8)
        #expect(written.hasPrefix("---\ntitle: \"A Headline\"\n"))

        try write("Edited by hand\n", dir + "/Content/a.md")
        let again = try GlossProcess.run(["import", "a.txt"], in: dir)
        #expect(again.status == 1)
        #expect(again.standardError.contains("a.txt:1:1: error: Content/a.md already exists; nothing was written"))
        #expect(try String(contentsOfFile: dir + "/Content/a.md", encoding: .utf8) == "Edited by hand\n")

        let forced = try GlossProcess.run(["import", "--force", "a.txt"], in: dir)
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: dir + "/Content/a.md", encoding: .utf8) == written)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/Content") == ["a.md"])
    }

    @Test func badInputFailsNamingTheFileAndWritesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("Fine\n\nText.\n", dir + "/good.txt")
        try write("<!DOCTYPE html>\n<html><body><p>Cut <a hre", dir + "/cut.html")
        try write("not xml", dir + "/feed.rss")
        try write("WEBVTT\n\n00:00:01.000 --> 1:2\nHi\n", dir + "/bad.vtt")
        try Data([0x89, 0x50, 0x00, 0x01]).write(to: URL(fileURLWithPath: dir + "/image.txt"))
        let result = try GlossProcess.run(["import", "good.txt", "cut.html", "feed.rss", "bad.vtt", "image.txt"], in: dir)
        #expect(result.status == 1)
        for expected in ["cut.html:2:20: error: truncated HTML", "feed.rss:1:1: error: not a valid RSS feed",
                         "bad.vtt:3:", "error: broken cue timing", "image.txt:1:3: error: binary file"] {
            #expect(result.standardError.contains(expected), "\(expected) in \(result.standardError)")
        }
        #expect(result.standardOutput.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/Content"))
    }

    @Test func dryRunAndStandardInput() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try write("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Jane Doe>Hello.\n", dir + "/c.vtt")
        let dry = try GlossProcess.run(["import", "--dry-run", "--into", "Out", "c.vtt"], in: dir)
        #expect(dry.status == 0)
        #expect(dry.standardOutput.contains("Out/c.md \u{2190} c.vtt (vtt): 1 speaker, 1 turn"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/Out"))
        let help = try GlossProcess.run(["import", "--help"], in: dir)
        #expect(help.standardOutput.contains("--dry-run") && help.standardOutput.contains("Examples:"))
    }
}

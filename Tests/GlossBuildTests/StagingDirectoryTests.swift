import Foundation
import Testing
@testable import GlossBuild

@Suite struct StagingDirectoryTests {
    @Test func nothingReachesTheOutputBeforeCommit() throws {
        let temp = try TemporaryDirectory()
        try temp.write("old", to: "Public/index.html")
        let staging = try StagingDirectory(outputPath: temp.path + "/Public")
        try staging.write(Array("new".utf8), to: "index.html")
        #expect(temp.read("Public/index.html") == "old")
        try staging.commit()
        #expect(temp.read("Public/index.html") == "new")
    }

    /// A copy or a removal cut short by a killed build must not leave a
    /// partial tree that names a generation: the next build would trust it
    /// and swap it in whole (found by `KilledBuildTests`).
    @Test func aGenerationIsNamedOnlyByAWholeTree() throws {
        let temp = try TemporaryDirectory()
        try temp.write("page", to: "Public/a/index.html")
        try temp.write("generation: 1234\n", to: "Public/" + OutputDirectoryPolicy.markerName)
        try OutputGenerations.linkTree(from: temp.path + "/Public", to: temp.path + "/Copy")
        #expect(temp.read("Copy/a/index.html") == "page")
        #expect(temp.read("Copy/" + OutputDirectoryPolicy.markerName) == nil)
        StagingDirectory.removeTree(temp.path + "/Public")
        #expect(!temp.entries().contains("Public"))
        #expect(OutputGenerations.generationID(of: temp.path + "/Copy") == nil)
    }

    @Test func commitLeavesNoSiblingsBehind() throws {
        let temp = try TemporaryDirectory()
        try temp.write("old", to: "Public/index.html")
        let staging = try StagingDirectory(outputPath: temp.path + "/Public")
        try staging.write(Array("new".utf8), to: "a/b/c.html")
        try staging.commit()
        #expect(temp.entries() == ["Public"])
        #expect(temp.read("Public/a/b/c.html") == "new")
        #expect(temp.read("Public/index.html") == nil)
    }

    @Test func discardKeepsThePreviousOutput() throws {
        let temp = try TemporaryDirectory()
        try temp.write("old", to: "Public/index.html")
        let before = temp.snapshot("Public")
        let staging = try StagingDirectory(outputPath: temp.path + "/Public")
        try staging.write(Array("new".utf8), to: "index.html")
        staging.discard()
        #expect(temp.snapshot("Public") == before)
        #expect(temp.entries() == ["Public"])
    }

    @Test func firstBuildCreatesTheOutput() throws {
        let temp = try TemporaryDirectory()
        let staging = try StagingDirectory(outputPath: temp.path + "/deep/Public")
        try staging.write(Array("x".utf8), to: "index.html")
        try staging.commit()
        #expect(temp.read("deep/Public/index.html") == "x")
        #expect(temp.read("deep/Public/.gloss-output") != nil)
    }

    @Test(arguments: ["../escape.html", "/etc/passwd", "a/../../b", "a//b", "", "a\\b", "./x"])
    func pathsThatLeaveTheOutputAreRefused(path: String) throws {
        let temp = try TemporaryDirectory()
        let staging = try StagingDirectory(outputPath: temp.path + "/Public")
        defer { staging.discard() }
        #expect(throws: (any Error).self) { try staging.write([1], to: path) }
        #expect(temp.entries().allSatisfy { !$0.contains("escape") })
    }

    @Test func aKilledBuildsStagingIsClearedByTheNext() throws {
        let temp = try TemporaryDirectory()
        try temp.write("old", to: "Public/index.html")
        let killed = try StagingDirectory(outputPath: temp.path + "/Public")
        try killed.write(Array("half".utf8), to: "index.html")
        // The process dies here: no commit, no discard.
        let next = try StagingDirectory(outputPath: temp.path + "/Public")
        #expect(!FileManager.default.fileExists(atPath: killed.path))
        try next.commit()
        #expect(temp.entries() == ["Public"])
    }

    @Test func aParkedPreviousOutputIsRestoredWhenTheSwapWasInterrupted() throws {
        let temp = try TemporaryDirectory()
        try temp.write("old", to: ".Public.gloss-previous-123/index.html")
        try temp.write("", to: ".Public.gloss-previous-123/.gloss-output")
        _ = try StagingDirectory(outputPath: temp.path + "/Public").discard()
        #expect(temp.read("Public/index.html") == "old")
    }

    @Test func lookAlikeSiblingsWithoutTheMarkerAreLeftAlone() throws {
        let temp = try TemporaryDirectory()
        try temp.write("mine", to: ".Public.gloss-staging-1/notes.txt")
        _ = try StagingDirectory(outputPath: temp.path + "/Public").discard()
        #expect(temp.read(".Public.gloss-staging-1/notes.txt") == "mine")
    }

    @Test("a page path must stay inside the output: no root, no empty, . or .. segment, no backslash or NUL", arguments: [
        ("a/index.html", true), ("2025/a.b/index.html", true), (".well-known/x", true), ("a/.../b", true), ("\u{00E9}/x", true),
        ("", false), ("/etc/passwd", false), ("a//b", false), ("a/", false), ("./a", false), ("a/./b", false),
        ("a/../b", false), ("..", false), ("a/..", false), ("a\\b", false), ("a\u{0}b", false),
    ])
    func safeRelativePaths(path: String, safe: Bool) {
        #expect(StagingDirectory.isSafeRelativePath(path) == safe)
    }
}

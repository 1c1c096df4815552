import Foundation
import Testing

/// A build killed at any moment leaves the previous output complete, and the
/// next build succeeds: the output is always one whole site or the other.
@Suite struct KilledBuildTests {
    func writeSite(in root: String, titlePrefix: String, count: Int) throws {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: root + "/Content/t", withIntermediateDirectories: true)
        try Data("title: Killed builds\n".utf8).write(to: URL(fileURLWithPath: root + "/Content/site.yaml"))
        let body = String(repeating: "The witness answered the committee's questions at length. ", count: 40)
        for index in 0..<count {
            let text = "---\ntitle: \(titlePrefix) \(index)\ndate: 2025-01-\(String(format: "%02d", index % 28 + 1))\n---\n\n\(body)\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: root + "/Content/t/\(index).md"))
        }
    }

    /// Every file of the output with its bytes.
    func snapshot(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: directory) else { return files }
        while let entry = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + entry, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[entry] = FileManager.default.contents(atPath: directory + "/" + entry)
            }
        }
        return files
    }

    @Test func theOutputIsAlwaysTheWholePreviousOrTheWholeNewSite() throws {
        let root = NSTemporaryDirectory() + "gloss-killed-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        // Two versions of the site and the output a clean build gives for each.
        var expected: [String: [String: Data]] = [:]
        for version in ["Old", "New"] {
            try writeSite(in: root, titlePrefix: version, count: 400)
            #expect(try GlossProcess.run(["build", "--output", "Expected\(version)"], in: root).status == 0)
            expected[version] = snapshot(root + "/Expected\(version)")
        }
        #expect(expected["Old"] != expected["New"])
        #expect(try GlossProcess.run(["build"], in: root).status == 0)

        var killedWhileRunning = 0
        for round in 0..<20 {
            let version = round.isMultiple(of: 2) ? "Old" : "New"
            try writeSite(in: root, titlePrefix: version, count: 400)
            let previous = snapshot(root + "/Public")
            let process = try GlossProcess.start(["build"], in: root)
            usleep(UInt32.random(in: 0...300_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killedWhileRunning += 1
            }
            process.waitUntilExit()
            let now = snapshot(root + "/Public")
            #expect(now == previous || now == expected[version], "round \(round): the output is neither the previous site nor the whole new one")
        }
        #expect(killedWhileRunning > 0, "no build was killed while running, so the test proved nothing")

        let final = try GlossProcess.run(["build"], in: root)
        #expect(final.status == 0, "\(final.standardError)")
        let entries = try FileManager.default.contentsOfDirectory(atPath: root).sorted()
        // Each output keeps its previous generation in a `.NAME.gloss-cache` beside it.
        #expect(entries == [".ExpectedNew.gloss-cache", ".ExpectedOld.gloss-cache", ".Public.gloss-cache", "Content", "ExpectedNew", "ExpectedOld", "Public"],
                "killed builds' staging directories are cleared")
    }
}

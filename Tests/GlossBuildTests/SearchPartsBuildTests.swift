import Foundation
import Testing
@testable import GlossBuild

/// A site with a word in most passages (its postings in parts, best
/// transcripts first) and long transcripts (their passages in chunks):
/// edits that move a transcript between parts, or passages between chunks,
/// rebuild in memory and from disk to exactly what a clean build writes.
@Suite struct SearchPartsBuildTests {
    /// A transcript of 40 paragraphs, `peace` in each, `times` times in the first.
    static func transcript(_ index: Int, times: Int, extra: String = "") -> String {
        var body = "---\ntitle: Remarks \(index)\ndate: 2024-01-0\(1 + index % 9)\nspeakers: [hale]\n---\n\n"
        for paragraph in 0 ..< 40 {
            let repeated = Array(repeating: "peace", count: paragraph == 0 ? times : 1).joined(separator: " and ")
            body += "**Hale Speaker:** We spoke of \(repeated) in session \(paragraph) with the delegates from the northern provinces, as agreed.\(paragraph == 3 ? extra : "")\n\n"
        }
        return body
    }

    @Test("a common word's parts and long transcripts' chunks: rebuilds equal a clean build")
    func partsAndChunks() throws {
        let temp = try TemporaryDirectory()
        try temp.write("title: Archive\nbase_url: https://example.org/\noptions:\n  search: true\n", to: "Content/site.yaml")
        try temp.write("hale:\n  name: Hale Speaker\n", to: "Content/speakers.yaml")
        for index in 0 ..< 80 { try temp.write(Self.transcript(index, times: 1 + index % 3), to: "Content/t\(index).md") }
        let run = IncrementalBuildTests()
        var memory = BuildMemory()
        #expect(!run.builder(temp, output: "Served").build(memory: &memory, changed: []).diagnostics.hasErrors)
        #expect(!run.builder(temp, output: "Built").build().diagnostics.hasErrors)
        let first = run.tree(temp, "Built")
        #expect(first["search/index/pea-0-0.js"] != nil && first["search/index/pea-0-1.js"] != nil, "\(first.keys.filter { $0.contains("pea") }.sorted())")
        #expect(first["search/doc/0-1.js"] != nil)

        // Up into the first part; a long new passage that moves the passages after it to later chunks; back down.
        let edits: [(Int, Int, String)] = [(40, 6, ""), (41, 1, String(repeating: " A long aside about the harbour.", count: 150)), (40, 1, "")]
        for (step, (index, times, extra)) in edits.enumerated() {
            try temp.write(Self.transcript(index, times: times, extra: extra), to: "Content/t\(index).md")
            var stamp = [timespec(tv_sec: 1_700_000_100 + step, tv_nsec: 0), timespec(tv_sec: 1_700_000_100 + step, tv_nsec: 0)]
            utimensat(AT_FDCWD, temp.path + "/Content/t\(index).md", &stamp, 0)
            let served = run.builder(temp, output: "Served").build(memory: &memory, changed: ["t\(index).md"])
            let built = run.builder(temp, output: "Built").build()
            try? FileManager.default.removeItem(atPath: temp.path + "/Clean")
            try? FileManager.default.removeItem(atPath: temp.path + "/.Clean.gloss-cache")
            let clean = run.builder(temp, output: "Clean").build()
            #expect(!served.diagnostics.hasErrors && !built.diagnostics.hasErrors && !clean.diagnostics.hasErrors)
            let reference = run.tree(temp, "Clean")
            #expect(run.differences(run.tree(temp, "Served"), reference) == [], "step \(step)")
            #expect(run.differences(run.tree(temp, "Built"), reference) == [], "step \(step)")
            #expect(served.pagesWritten < 60, "step \(step): \(served.pagesWritten) files written")
        }
        // The long aside gave t41 more chunks (its files are at its place in the site's order).
        let after = run.tree(temp, "Clean")
        func chunks(_ tree: [String: Data?]) throws -> Int {
            let own = try #require(tree.first { $0.key.hasPrefix("search/doc/") && !$0.key.contains("-")
                && String(decoding: $0.value ?? Data(), as: UTF8.self).contains("\"u\":\"../t41/\"") }?.key)
            let place = own.dropFirst("search/doc/".count).dropLast(".js".count)
            return tree.keys.filter { $0.hasPrefix("search/doc/\(place)-") }.count
        }
        #expect(try chunks(after) > chunks(first))
    }
}

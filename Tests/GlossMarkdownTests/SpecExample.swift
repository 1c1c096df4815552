import Foundation

/// One example from the CommonMark spec file.
struct SpecExample {
    var number: Int
    var section: String
    var markdown: String

    /// The spec beside the project (`../shared/conformance`), or in
    /// `$GLOSS_CONFORMANCE_DIR` when set; nil when neither has it.
    static func specFile() -> URL? {
        let name = "commonmark-spec-0.30.txt"
        var candidates: [URL] = []
        if let directory = ProcessInfo.processInfo.environment["GLOSS_CONFORMANCE_DIR"] {
            candidates.append(URL(fileURLWithPath: directory).appendingPathComponent(name))
        }
        let projectRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // GlossMarkdownTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        candidates.append(projectRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance/\(name)"))
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Examples in file order, as the spec's own runner reads them: between a
    /// line of 32 backticks plus ` example` and a line of 32 backticks, input
    /// before the `.` line, with `→` standing for a tab.
    static func parse(_ spec: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var input: [Substring]?
        var inOutput = false
        for line in spec.split(separator: "\n", omittingEmptySubsequences: false) {
            if var lines = input {
                if line == fence {
                    let markdown = lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                    examples.append(SpecExample(number: examples.count + 1, section: section, markdown: markdown))
                    input = nil
                } else if line == "." && !inOutput {
                    inOutput = true
                } else if !inOutput {
                    lines.append(line)
                    input = lines
                }
            } else if line == fence + " example" {
                input = []
                inOutput = false
            } else if line.hasPrefix("#"), let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }) {
                section = String(line[line.index(after: space)...])
            }
        }
        return examples
    }
}

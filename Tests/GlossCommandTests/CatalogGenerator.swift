import Foundation

/// Catalog inputs made at test time (`% generate NAME` in a case's
/// expected.txt): too large to keep in git, or links and permissions that git
/// does not store. Each takes the site's root folder.
enum CatalogGenerator {
    static let named: [String: @Sendable (String) throws -> Void] = [
        "fifty-megabyte-file": fiftyMegabyteFile,
        "one-megabyte-line": oneMegabyteLine,
        "nested-block-quotes": { try nested("> ", count: 10_000, in: $0, name: "quotes") },
        "nested-list-items": { try nested("- ", count: 10_000, in: $0, name: "lists") },
        "nested-ordered-items": { try nested("1. ", count: 10_000, in: $0, name: "ordered") },
        "many-open-brackets": manyOpenBrackets,
        "symbolic-link-loop": { try symlink("..", at: $0 + "/Content/2025/back") },
        "symbolic-link-to-root": { try symlink("/", at: $0 + "/Content/2025/everything") },
        "symbolic-link-to-site": { try symlink("../..", at: $0 + "/Content/2025/site") },
        "symbolic-link-cycle": { site in
            try symlink("b.md", at: site + "/Content/2025/a.md")
            try symlink("a.md", at: site + "/Content/2025/b.md")
        },
        "broken-symbolic-link": { try symlink("nowhere.md", at: $0 + "/Content/2025/gone.md") },
        "unreadable-file": { site in
            let path = site + "/Content/2025/secret.md"
            try Data("---\ntitle: Secret\ndate: 2025-01-01\n---\n\nText.\n".utf8).write(to: URL(fileURLWithPath: path))
            guard chmod(path, 0) == 0 else { throw GeneratorFailed(reason: "chmod 000 \(path)") }
        },
        // Root reads any file whatever its mode; /proc/self/mem refuses everyone at offset 0.
        "proc-self-mem": { try symlink("/proc/self/mem", at: $0 + "/Content/2025/mem.md") },
    ]

    struct GeneratorFailed: Error { var reason: String }

    static func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    static func symlink(_ destination: String, at path: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: destination)
    }

    /// 50 MB of speech with one byte of Latin-1 on its last line: the error
    /// must still name the line and column, found in a file that size.
    static func fiftyMegabyteFile(_ site: String) throws {
        var bytes = Array("---\ntitle: A very long hearing\ndate: 2025-01-01\n---\n\n".utf8)
        let paragraph = Array((String(repeating: "The committee will come to order and the witness will answer. ", count: 15) + "\n\n").utf8)
        // 5 lines of front matter and blank, then two lines per paragraph.
        let count = 50_000_000 / paragraph.count
        bytes.reserveCapacity(bytes.count + count * paragraph.count + 64)
        for _ in 0..<count { bytes += paragraph }
        bytes += Array("The witness said: caf".utf8) + [0xE9] + Array(" au lait.\n".utf8)
        let path = site + "/Content/2025/huge.md"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        // Line numbers the case's expected.txt relies on.
        guard count == 53_648 else { throw GeneratorFailed(reason: "paragraph count changed to \(count); update errors/fifty-megabyte-file/expected.txt") }
    }

    /// One paragraph of a single 1 MB line, and a 1 MB title.
    static func oneMegabyteLine(_ site: String) throws {
        let words = String(repeating: "Witnesses answered every question put to them. ", count: 1_048_576 / 48)
        try write("---\ntitle: \(String(repeating: "Long ", count: 200_000))title\ndate: 2025-01-02\n---\n\nHALE: \(words)\n", to: site + "/Content/2025/long-line.md")
    }

    /// 50,000 unmatched "[" and "![", and 50,000 nested brackets: each "["
    /// once searched the rest of its text for a "]", which took minutes.
    static func manyOpenBrackets(_ site: String) throws {
        let count = 50_000
        let text = "HALE: Open " + String(repeating: "[", count: count) + " and images " + String(repeating: "![", count: count)
            + "\n\nNested " + String(repeating: "[", count: count) + "x" + String(repeating: "]", count: count)
            + "\n\nNotes " + String(repeating: "[^a ", count: count) + "]\n"
        try write("---\ntitle: Brackets\ndate: 2025-01-04\nspeakers: [hale]\n---\n\n\(text)", to: site + "/Content/2025/brackets.md")
    }

    /// `marker` nested `count` times on one line: `> > > … text`.
    static func nested(_ marker: String, count: Int, in site: String, name: String) throws {
        let line = String(repeating: marker, count: count) + "the innermost words"
        try write("---\ntitle: Nested \(name)\ndate: 2025-01-03\n---\n\n\(line)\n\nAfter the nesting.\n", to: site + "/Content/2025/nested-\(name).md")
    }
}

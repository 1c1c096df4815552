import GlossContent
import GlossModel

/// A content directory with a minimal valid `site.yaml` and a small speaker
/// registry, plus the given files (paths relative to `Content/`).
func content(_ files: [String: String], speakers: String? = nil) -> InMemoryFileSystem {
    var tree = [
        "Content/site.yaml": "title: Transcripts\n",
        "Content/speakers.yaml": speakers ?? """
            hegseth:
              name: Pete Hegseth
              aliases: [HEGSETH, Secretary Hegseth]
            vance:
              name: JD Vance
            """,
    ]
    for (path, text) in files { tree["Content/\(path)"] = text }
    return InMemoryFileSystem(tree)
}

func load(_ fileSystem: some ContentFileSystem) -> LoadedContent {
    ContentLoader(fileSystem: fileSystem).load(directory: "Content", displayPath: "Content")
}

/// Parses one transcript at `Content/x.md`.
func parse(_ text: String, path: String = "x.md") -> ParsedDocument {
    ContentLoader.parseDocument(Array(text.utf8), path: path, displayPath: "Content/\(path)")
}

func parse(bytes: [UInt8]) -> ParsedDocument {
    ContentLoader.parseDocument(bytes, path: "x.md", displayPath: "Content/x.md")
}

extension Diagnostic {
    /// `file:line:column` or `-` without a location, for compact assertions.
    var place: String { location.map(\.description) ?? "-" }
}

extension [Diagnostic] {
    var errors: [Diagnostic] { filter { $0.severity == .error } }
}

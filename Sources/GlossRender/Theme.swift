import Foundation
import GlossModel

/// The templates and assets pages are rendered with.
///
/// Gloss carries a complete default theme in its binary (generated from the
/// repository's `Templates/` by `scripts/embed-theme`), so a site needs no
/// theme files at all. A site changes the look by putting files in its own
/// `Templates/`: each replaces the default of the same relative path, and
/// new files (say, a partial its overrides use) are added.
public struct Theme: Sendable {
    /// Every file of the theme by relative path (`transcript.mustache`,
    /// `partials/header.mustache`, `assets/gloss.css`), e.g. for `gloss init` to copy out.
    public private(set) var files: [String: [UInt8]]
    /// How diagnostics name each file: the site's path for an override, a
    /// `(built-in)/` path for a default.
    private(set) var displayPaths: [String: String]

    /// The default theme built into the binary.
    public static let builtIn: Theme = {
        var theme = Theme(files: [:], displayPaths: [:])
        for (path, text) in DefaultTheme.files {
            theme.files[path] = Array(text.utf8)
            theme.displayPaths[path] = "(built-in)/" + path
        }
        return theme
    }()

    /// The built-in theme with the files of a site's own templates directory laid over it.
    ///
    /// A missing directory is not a problem (most sites keep the default theme).
    /// Hidden files are skipped. A file that cannot be read, or a template that
    /// is not UTF-8, is an error and the default stays in its place. An empty
    /// template is a warning: it may be meant, to remove a partial.
    /// - Parameters:
    ///   - directory: The site's templates directory, or nil for the default theme.
    ///   - displayPath: How diagnostics name that directory (`Templates`).
    public static func load(overridesFrom directory: String?, displayPath: String) -> (Theme, [Diagnostic]) {
        var theme = builtIn
        guard let directory else { return (theme, []) }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) else { return (theme, []) }
        guard isDirectory.boolValue else {
            return (theme, [.error(at: SourceLocation(file: displayPath), "templates path is a file, not a directory")])
        }
        let prefix = displayPath.hasSuffix("/") ? displayPath : displayPath + "/"
        var diagnostics: [Diagnostic] = []
        let paths = (fileManager.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
        for path in paths.sorted() where !isHidden(path) {
            let fullPath = (directory as NSString).appendingPathComponent(path)
            var entryIsDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: fullPath, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue else {
                continue
            }
            let location = SourceLocation(file: prefix + path)
            guard let data = fileManager.contents(atPath: fullPath) else {
                diagnostics.append(.error(at: location, "cannot read template file"))
                continue
            }
            let bytes = [UInt8](data)
            if path.hasSuffix(templateExtension) {
                if let invalid = firstInvalidUTF8(in: bytes) {
                    let at = SourceLocation(file: location.file, line: invalid.line, column: invalid.column)
                    diagnostics.append(.error(at: at, "template is not valid UTF-8"))
                    continue
                }
                if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
                    diagnostics.append(.warning(
                        at: location,
                        "template is empty; what it renders will be empty",
                        note: "if that is meant (say, to remove a partial), put a comment in it: {{! left empty }}"
                    ))
                }
            }
            theme.files[path] = bytes
            theme.displayPaths[path] = prefix + path
        }
        return (theme, diagnostics)
    }

    /// Output paths and bytes of the theme's assets, which the site serves as they are.
    var assets: [String: [UInt8]] {
        files.filter { $0.key.hasPrefix(Self.assetsDirectory) }
    }

    static let templateExtension = ".mustache"
    static let assetsDirectory = "assets/"
    static let stylesheetPath = "assets/gloss.css"
    static let scriptPath = "assets/gloss.js"
    static let searchScriptPath = "assets/search.js"

    /// The line and column (counting Unicode scalars) of the first byte that is not UTF-8, or nil if all are.
    private static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                if scalar.count == 1, scalar.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                return nil
            case .error:
                return (line, column)
            }
        }
    }

    /// Editors and operating systems leave dot files (`.DS_Store`, swap files) in theme folders.
    private static func isHidden(_ path: String) -> Bool {
        path.split(separator: "/").contains { $0.hasPrefix(".") }
    }
}

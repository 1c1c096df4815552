import Foundation
import GlossModel

/// Decides whether a directory may be replaced by a build.
///
/// The build owns its output directory and swaps it wholesale, so pointing it
/// at the wrong place must be impossible: `/`, the home directory, the content
/// or templates directory, anything that contains them or lies inside the
/// content, and any non-empty directory Gloss did not write are refused.
public struct OutputDirectoryPolicy: Sendable {
    /// The file Gloss leaves in every output directory, so a later build knows
    /// the directory is its own to replace.
    public static let markerName = ".gloss-output"
    static let markerContents = Array("Written by `gloss build`; the whole directory is replaced on every build.\n".utf8)

    public var homeDirectory: String?

    public init(homeDirectory: String? = ProcessInfo.processInfo.environment["HOME"]) {
        self.homeDirectory = homeDirectory
    }

    /// The reason `output` may not be used, or nil when it may.
    /// `protected` are the directories a build reads from (content, templates).
    public func refusal(output: String, displayPath: String, protected: [(path: String, displayPath: String)]) -> String? {
        let target = Self.resolved(output)
        if target == "/" {
            return "refusing to use \"\(displayPath)\" as the output directory: it is the root of the file system"
        }
        if let home = homeDirectory, !home.isEmpty, Self.resolved(home) == target {
            return "refusing to use \"\(displayPath)\" as the output directory: it is your home directory"
        }
        for input in protected {
            let source = Self.resolved(input.path)
            if source == target {
                return "refusing to use \"\(displayPath)\" as the output directory: it is the \(input.displayPath) directory the site is built from"
            }
            if Self.isAncestor(target, of: source) {
                return "refusing to use \"\(displayPath)\" as the output directory: it contains \"\(input.displayPath)\", which the site is built from"
            }
            if Self.isAncestor(source, of: target) {
                return "refusing to use \"\(displayPath)\" as the output directory: it lies inside \"\(input.displayPath)\", which the site is built from"
            }
        }
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: target, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return "refusing to use \"\(displayPath)\" as the output directory: it is a file"
            }
            let entries = (try? fileManager.contentsOfDirectory(atPath: target)) ?? []
            if !entries.isEmpty, !entries.contains(Self.markerName) {
                return "refusing to replace \"\(displayPath)\": it is not empty and was not written by Gloss (no \(Self.markerName) file in it); remove it or choose another --output"
            }
        }
        return nil
    }

    /// Absolute, standardised, with symbolic links of the existing part resolved,
    /// so `Public/../Content` and a link to `Content` are both seen as `Content`.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var existing = URL(fileURLWithPath: absolute).standardizedFileURL.path
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing), existing != "/" {
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var resolvedPath = (existing as NSString).resolvingSymlinksInPath
        for component in missing {
            resolvedPath = (resolvedPath as NSString).appendingPathComponent(component)
        }
        return resolvedPath.isEmpty ? "/" : resolvedPath
    }

    static func isAncestor(_ ancestor: String, of path: String) -> Bool {
        let ancestorParts = ancestor.split(separator: "/")
        let pathParts = path.split(separator: "/")
        return ancestorParts.count < pathParts.count && Array(pathParts.prefix(ancestorParts.count)) == ancestorParts
    }
}

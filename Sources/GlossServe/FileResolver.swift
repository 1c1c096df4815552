import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Maps a request path onto a file inside the site's root directory, or says
/// why it must not.
///
/// The path is checked twice. First as text: anything that could climb out of
/// the root or be read differently by the file system (`..`, `.` segments,
/// hidden names, backslashes, NUL, percent-encoded slashes or backslashes,
/// invalid percent-encoding) is refused before the disk is touched. Then on
/// disk: the candidate is resolved with `realpath`, so a symbolic link that
/// points outside the root is refused however it is spelled.
public struct FileResolver: Sendable {
    public enum Resolution: Equatable, Sendable {
        /// A regular file inside the root, by its resolved absolute path.
        case file(String)
        /// A directory asked for without its trailing slash: redirect there.
        case redirect(String)
        /// Nothing to serve at that path.
        case notFound
        /// The path itself is unacceptable.
        case badRequest
    }

    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// `rawPath` is the request target's path as it came off the wire, still
    /// percent-encoded and without the query.
    public func resolve(_ rawPath: String) -> Resolution {
        guard let segments = Self.segments(of: rawPath) else { return .badRequest }
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        guard let realRoot = Self.realPath(root) else { return .notFound }
        let candidate = ([realRoot] + segments).joined(separator: "/")
        guard let resolved = Self.realPath(candidate), Self.isInside(resolved, root: realRoot) else { return .notFound }
        switch Self.kind(of: resolved) {
        case .file:
            return .file(resolved)
        case .directory:
            // Rebuilt from the segments so that `//host/dir` cannot become a
            // protocol-relative redirect to another site.
            guard rawPath.hasSuffix("/") else {
                return .redirect("/" + rawPath.split(separator: "/").joined(separator: "/") + "/")
            }
            guard let index = Self.realPath(resolved + "/index.html"), Self.isInside(index, root: realRoot),
                  Self.kind(of: index) == .file
            else { return .notFound }
            return .file(index)
        case .other:
            return .notFound
        }
    }

    /// The decoded path segments, or nil when the path is malformed or tries
    /// to say something a plain path to a file never needs to.
    static func segments(of rawPath: String) -> [String]? {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\") else { return nil }
        let lowered = rawPath.lowercased()
        for encoded in ["%2f", "%5c", "%00"] where lowered.contains(encoded) {
            return nil
        }
        guard let decoded = rawPath.removingPercentEncoding,
              !decoded.contains("\0"), !decoded.contains("\\")
        else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return nil }
        return segments
    }

    static func isInside(_ path: String, root: String) -> Bool {
        path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    enum Kind { case file, directory, other }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }
}

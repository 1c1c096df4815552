import GlossModel

/// Finds the files Gloss reads in the content directory: every `*.md` and
/// every sidecar `*.annotations.yaml` at any depth, and `site.yaml` and
/// `speakers.yaml` at the top.
///
/// Entries whose names start with `.` are skipped (editor swap files, `.git`).
/// Symbolic links are followed, but a folder that leads back into one of its
/// own ancestors is reported instead of entered, so the walk always ends.
struct ContentWalker {
    struct Listing {
        /// Paths relative to the content directory, in walk order: each
        /// folder's entries sorted by name, so every run sees the same order.
        var markdownFiles: [String] = []
        /// Sidecars (`2025/x.annotations.yaml`), in walk order, whether or
        /// not their transcript exists: the loader pairs them up.
        var annotationFiles: [String] = []
        var hasSiteFile = false
        var hasSpeakersFile = false
        /// The stamp of every file listed above, by relative path.
        var stamps: [String: UInt64] = [:]
        var diagnostics: [Diagnostic] = []
    }

    /// There is no content directory to walk.
    struct Unwalkable: Error {
        var diagnostic: Diagnostic
    }

    let fileSystem: any ContentFileSystem
    let root: String
    let displayRoot: String

    /// The listing, or the one error that there is no content directory to list.
    func walk() -> Result<Listing, Unwalkable> {
        let status: FileStatus?
        do {
            status = try fileSystem.status(of: root)
        } catch {
            return .failure(Unwalkable(diagnostic: .error(at: nil, "cannot read the content directory \"\(displayRoot)\": \(error.reason)")))
        }
        guard let status else {
            return .failure(Unwalkable(diagnostic: .error(at: nil, "content directory \"\(displayRoot)\" not found",
                                   note: "it holds site.yaml, speakers.yaml and the transcripts (*.md)")))
        }
        guard status.kind == .directory else {
            return .failure(Unwalkable(diagnostic: .error(at: nil, "\"\(displayRoot)\" is not a directory; expected the content directory")))
        }
        var listing = Listing()
        var walk = Walk(enclosing: enclosingFolders(of: status.identity))
        visit("", identity: status.identity, ancestors: [:], walk: &walk, into: &listing)
        return .success(listing)
    }

    /// At most this many folders are read: a link to a large tree (a system
    /// folder, a disk) would otherwise keep the build walking for minutes.
    static let folderLimit = 20_000

    /// What the whole walk has seen, beyond one path's ancestors.
    private struct Walk {
        /// The folders that contain the content directory, by identity: a
        /// link to one of them leads back into the content, through
        /// everything else they hold.
        var enclosing: Set<String>
        var folders = 0
        var stopped = false
    }

    /// The identities of the folders above the content directory, up to `/`.
    private func enclosingFolders(of identity: String) -> Set<String> {
        var found = Set<String>()
        var path = root
        var previous = identity
        for _ in 0..<256 {
            path += "/.."
            guard let parent = try? fileSystem.status(of: path), parent.kind == .directory,
                  parent.identity != previous, !found.contains(parent.identity) else { break }
            found.insert(parent.identity)
            previous = parent.identity
        }
        return found
    }

    /// `Content/2025/x.md` for `2025/x.md`.
    func displayPath(of relative: String) -> String {
        relative.isEmpty ? displayRoot : "\(displayRoot)/\(relative)"
    }

    func diskPath(of relative: String) -> String {
        relative.isEmpty ? root : "\(root)/\(relative)"
    }

    private func visit(_ relative: String, identity: String, ancestors: [String: String], walk: inout Walk, into listing: inout Listing) {
        walk.folders += 1
        guard walk.folders <= Self.folderLimit else {
            if !walk.stopped {
                walk.stopped = true
                listing.diagnostics.append(.error(
                    at: location(relative),
                    "too many folders: stopped after reading \(Self.folderLimit) folders in \"\(displayRoot)\"",
                    note: "a symbolic link to a large folder is the usual cause: link only the folders that hold transcripts"))
            }
            return
        }
        let names: [String]
        do {
            names = try fileSystem.contentsOfDirectory(at: diskPath(of: relative))
        } catch {
            listing.diagnostics.append(.error(at: location(relative), "cannot read directory: \(error.reason)"))
            return
        }
        var ancestors = ancestors
        ancestors[identity] = relative
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = relative.isEmpty ? name : "\(relative)/\(name)"
            let isMarkdown = name.hasSuffix(".md")
            let isSidecar = name.hasSuffix(ContentLoader.annotationsFileSuffix)
            let status: FileStatus?
            do {
                status = try fileSystem.status(of: diskPath(of: child))
            } catch {
                listing.diagnostics.append(.error(at: location(child), "cannot read: \(error.reason)"))
                continue
            }
            guard let status else {
                // Listed but not there: a symbolic link to nothing.
                if isMarkdown || isSidecar {
                    listing.diagnostics.append(.error(at: location(child), "broken symbolic link: its target does not exist"))
                }
                continue
            }
            switch status.kind {
            case .directory:
                if let loopStart = ancestors[status.identity] {
                    listing.diagnostics.append(.error(
                        at: location(child),
                        "symbolic link loop: this folder leads back to \"\(displayPath(of: loopStart))\"",
                        note: "remove the link or point it somewhere that does not lead back"))
                } else if walk.enclosing.contains(status.identity) {
                    listing.diagnostics.append(.error(
                        at: location(child),
                        "symbolic link loop: this folder contains \"\(displayRoot)\" itself",
                        note: "remove the link or point it somewhere that does not lead back"))
                } else {
                    visit(child, identity: status.identity, ancestors: ancestors, walk: &walk, into: &listing)
                }
            case .file where isMarkdown:
                listing.markdownFiles.append(child)
            case .file where isSidecar:
                listing.annotationFiles.append(child)
            case .file where relative.isEmpty && name == "site.yaml":
                listing.hasSiteFile = true
            case .file where relative.isEmpty && name == "speakers.yaml":
                listing.hasSpeakersFile = true
            default:
                continue
            }
            if status.kind == .file { listing.stamps[child] = status.stamp }
        }
    }

    private func location(_ relative: String) -> SourceLocation {
        SourceLocation(file: displayPath(of: relative))
    }
}

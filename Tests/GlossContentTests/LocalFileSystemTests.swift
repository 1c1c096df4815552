import Foundation
import GlossContent
import GlossModel
import Testing

/// The loader on a real directory, for what only a disk can show: symbolic
/// links and permissions.
@Suite struct LocalFileSystemTests {
    /// A fresh temporary directory, removed after `body`.
    private func withTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gloss-content-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func loadContent(in directory: URL) -> LoadedContent {
        ContentLoader(fileSystem: LocalFileSystem()).load(directory: directory.path, displayPath: "Content")
    }

    @Test func loadsATreeFromDisk() throws {
        try withTemporaryDirectory { root in
            try write("title: T\n", to: root.appendingPathComponent("site.yaml"))
            try write("---\ntitle: A\n---\nBody\n", to: root.appendingPathComponent("2025/a.md"))
            let loaded = loadContent(in: root)
            #expect(loaded.diagnostics.isEmpty)
            #expect(loaded.config.title == "T")
            #expect(loaded.documents.map(\.slug) == ["2025/a"])
        }
    }

    @Test func aSymbolicLinkLoopIsAnErrorNotAHang() throws {
        try withTemporaryDirectory { root in
            try write("title: T\n", to: root.appendingPathComponent("site.yaml"))
            try write("---\ntitle: A\n---\n", to: root.appendingPathComponent("a/b.md"))
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("a/back").path, withDestinationPath: "..")
            let loaded = loadContent(in: root)
            #expect(loaded.documents.map(\.path) == ["a/b.md"])
            #expect(loaded.diagnostics.map(\.description) == [
                "Content/a/back:1:1: error: symbolic link loop: this folder leads back to \"Content\""
                    + "\n    note: remove the link or point it somewhere that does not lead back",
            ])
        }
    }

    /// A link to a folder above the content (its parent, `/`) leads back into
    /// it through everything else that folder holds: a link to `/` once kept
    /// the build walking the whole disk, /proc and /sys included.
    @Test(arguments: ["..", "/"])
    func aSymbolicLinkToAFolderHoldingTheContentIsALoop(_ destination: String) throws {
        try withTemporaryDirectory { root in
            try write("title: T\n", to: root.appendingPathComponent("site.yaml"))
            try write("---\ntitle: A\n---\n", to: root.appendingPathComponent("a/b.md"))
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("a/up").path,
                withDestinationPath: destination == ".." ? "../.." : destination)
            let started = Date()
            let loaded = loadContent(in: root)
            #expect(Date().timeIntervalSince(started) < 10)
            #expect(loaded.documents.map(\.path) == ["a/b.md"])
            #expect(loaded.diagnostics.map(\.description) == [
                "Content/a/up:1:1: error: symbolic link loop: this folder contains \"Content\" itself"
                    + "\n    note: remove the link or point it somewhere that does not lead back",
            ])
        }
    }

    @Test func aSymbolicLinkToItselfIsAnErrorNamingIt() throws {
        try withTemporaryDirectory { root in
            try write("title: T\n", to: root.appendingPathComponent("site.yaml"))
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("self.md").path, withDestinationPath: "self.md")
            let loaded = loadContent(in: root)
            #expect(loaded.diagnostics.map(\.place) == ["Content/self.md:1:1"])
            #expect(loaded.diagnostics.first?.message.hasPrefix("cannot read: ") == true)
        }
    }

    @Test func symbolicLinksToFilesAreFollowed() throws {
        try withTemporaryDirectory { root in
            try write("title: T\n", to: root.appendingPathComponent("site.yaml"))
            try write("---\ntitle: Shared\n---\n", to: root.appendingPathComponent(".shared/original.md"))
            try FileManager.default.createSymbolicLink(
                atPath: root.appendingPathComponent("linked.md").path, withDestinationPath: ".shared/original.md")
            let loaded = loadContent(in: root)
            #expect(loaded.diagnostics.isEmpty)
            #expect(loaded.documents.map(\.frontMatter.title) == ["Shared"])
        }
    }

    // Root reads any file whatever its permissions, so this runs only for
    // ordinary users; the in-memory file system covers the message for root.
    @Test(.enabled(if: geteuid() != 0, "root can read unreadable files"))
    func anUnreadableFileIsAnErrorNamingIt() throws {
        try withTemporaryDirectory { root in
            try write("title: T\n", to: root.appendingPathComponent("site.yaml"))
            let file = root.appendingPathComponent("secret.md")
            try write("---\ntitle: A\n---\n", to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
            let loaded = loadContent(in: root)
            #expect(loaded.diagnostics.map(\.description) == ["Content/secret.md:1:1: error: cannot read file: Permission denied"])
        }
    }
}

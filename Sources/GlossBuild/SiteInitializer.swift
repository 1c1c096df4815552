import Foundation
import GlossModel
import GlossRender

/// Writes a new site that builds at once: configuration, one example
/// transcript, and the built-in theme copied out for editing.
public struct SiteInitializer: Sendable {
    public struct Failure: Error {
        public var diagnostic: Diagnostic
    }

    public init() {}

    /// Creates the site in `directory` and returns how many files it wrote.
    @discardableResult
    public func create(at directory: String) throws(Failure) -> Int {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: directory, isDirectory: &isDirectory) {
            let entries = (try? fileManager.contentsOfDirectory(atPath: directory)) ?? []
            guard isDirectory.boolValue, entries.isEmpty else {
                throw Failure(diagnostic: .error(
                    at: nil, "cannot create a site in \"\(directory)\": it already exists and is not empty",
                    note: "choose a new folder name; gloss init never overwrites files"
                ))
            }
        }
        var files = Self.starterContent
        for (path, bytes) in Theme.builtIn.files {
            files["Templates/" + path] = bytes
        }
        do {
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                let target = URL(fileURLWithPath: directory).appendingPathComponent(path)
                try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: target, options: .withoutOverwriting)
            }
        } catch {
            throw Failure(diagnostic: .error(at: nil, "cannot create the site in \"\(directory)\": \(error.localizedDescription)"))
        }
        return files.count
    }

    static let starterContent: [String: [UInt8]] = [
        // What gloss writes: the built site, and `gloss serve`'s preview.
        ".gitignore": Array("""
            Public/
            .gloss/

            """.utf8),
        "Content/site.yaml": Array("""
            # Settings for the whole site. See docs/format.md in the Gloss repository.
            title: My Transcript Archive
            description: Annotated transcripts of public remarks.
            language: en
            # The absolute URL the site will be published at; used only for feeds,
            # the sitemap and canonical links. Every other link is relative.
            # base_url: https://example.org/
            options:
              unsafe_html: false        # true lets raw HTML in Markdown through
              smart_punctuation: false  # true turns "quotes" into “quotes”

            """.utf8),
        "Content/speakers.yaml": Array("""
            # Everyone who speaks in a transcript, keyed by a short id.
            lincoln:
              name: Abraham Lincoln
              role: President of the United States
              aliases: [LINCOLN, President Lincoln]

            """.utf8),
        "Content/1863/gettysburg-address.md": Array("""
            ---
            title: The Gettysburg Address
            date: 1863-11-19
            kind: speech
            event: Dedication of the Soldiers' National Cemetery
            place: Gettysburg, Pennsylvania
            speakers: [lincoln]
            topics: [civil-war]
            summary: Lincoln's dedication of the cemetery at Gettysburg, in the Bliss copy.
            source:
              title: Gettysburg Address, Bliss copy
              publisher: Library of Congress
              url: https://www.loc.gov/exhibits/gettysburg-address/
            ---

            **Abraham Lincoln**: Four score and seven years ago our fathers brought forth on this continent, a
            new nation, conceived in Liberty, and dedicated to the proposition that all men
            are created equal.

            Now we are engaged in a great civil war, testing whether that nation, or any
            nation so conceived and so dedicated, can long endure.[^bliss]

            [^bliss]: The Bliss copy is the last of five known manuscripts, and the only
            one Lincoln signed.

            """.utf8),
    ]
}

import GlossModel

/// The outcome of reading one transcript on its own, before it is checked
/// against the rest of the site.
public struct ParsedDocument: Sendable {
    /// Nil when the file has errors; warnings alone keep it.
    public var document: Document?
    public var diagnostics: [Diagnostic]
    /// Where the body starts in the `.md` file when the body is exactly the
    /// file's bytes from there on (no carriage returns or byte order mark
    /// were normalised away): what lets a later build keep the decoded
    /// document and take its body from the file alone.
    public var bodyOffset: Int?

    public init(document: Document?, diagnostics: [Diagnostic], bodyOffset: Int? = nil) {
        self.document = document
        self.diagnostics = diagnostics
        self.bodyOffset = bodyOffset
    }
}

/// A transcript as an earlier build decoded it, to be used again when its
/// files hash to the same revision: its body left out, and where the body
/// starts in the `.md` file.
public struct KnownDocument: Sendable {
    public var document: Document
    public var bodyOffset: Int
    /// The stamps of its files (``TranscriptFile/stamp``) when they were
    /// read: a file with the same stamps now is taken without being read,
    /// its body left empty until something needs it.
    public var stamp: UInt64?

    public init(document: Document, bodyOffset: Int, stamp: UInt64? = nil) {
        self.document = document
        self.bodyOffset = bodyOffset
        self.stamp = stamp
    }
}

/// One transcript file as a load found it, for the next load to reuse when
/// neither it nor its sidecar has changed.
public struct TranscriptFile: Sendable {
    /// The stamps of the `.md` file and its sidecar, combined.
    public var stamp: UInt64
    public var parsed: ParsedDocument
}

/// A sidecar `NAME.annotations.yaml` as read from disk, handed to
/// ``ContentLoader/parseDocument(_:path:displayPath:annotationsFile:)`` with
/// its transcript so both are decoded in the same task.
public struct AnnotationsFile: Sendable {
    public var bytes: [UInt8]
    /// Its path in diagnostics and in the annotations' locations
    /// (`Content/2025/x.annotations.yaml`).
    public var displayPath: String

    public init(bytes: [UInt8], displayPath: String) {
        self.bytes = bytes
        self.displayPath = displayPath
    }
}

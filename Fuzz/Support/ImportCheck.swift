import GlossContent
import GlossImport

/// Imports `bytes` as each of `formats`, as a file called `name`, and reads
/// every transcript written back as a content file would be. Refusing the
/// input is fine; what must hold is that whatever the importer writes, the
/// content loader accepts.
func checkImport(_ bytes: [UInt8], as formats: (name: String, format: ImportFormat)...) {
    for (name, format) in formats {
        checkImport(bytes, name: name, as: format)
    }
}

private func checkImport(_ bytes: [UInt8], name: String, as format: ImportFormat) {
    let result: ImportResult
    do {
        result = try Importer.read(ImportInput(name: name, bytes: bytes), as: format)
    } catch {
        return
    }
    for (transcript, fileName) in zip(result.transcripts, Importer.fileNames(for: result.transcripts)) {
        let markdown = TranscriptWriter.markdown(for: transcript)
        let parsed = ContentLoader.parseDocument(Array(markdown.utf8), path: fileName, displayPath: "Content/\(fileName)")
        require(parsed.document != nil, "imported \(format.rawValue) does not load back: \(parsed.diagnostics.map(\.description))\n\(markdown)")
    }
}

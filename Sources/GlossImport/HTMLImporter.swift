enum HTMLImporter {
    static func read(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript { throw .at(input.name, "todo") }
}
enum FeedImporter {
    static func read(_ text: String, input: ImportInput, expected: ImportFormat) throws(ImportFailure) -> [ImportedTranscript] { throw .at(input.name, "todo") }
}
enum CaptionImporter {
    static func readVTT(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript { throw .at(input.name, "todo") }
    static func readSRT(_ text: String, input: ImportInput) throws(ImportFailure) -> ImportedTranscript { throw .at(input.name, "todo") }
}

import GlossImport

// Imports any bytes as a Markdown transcript with its own front matter, then loads what it writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkImport(FuzzInput(data, size).bytes, as: ("briefing.md", .markdown))
    return 0
}

import GlossImport

// Imports any bytes as an RSS feed and as an Atom feed (libxml2), then loads
// what each writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkImport(FuzzInput(data, size).bytes, as: ("feed.rss", .rss), ("feed.atom", .atom))
    return 0
}

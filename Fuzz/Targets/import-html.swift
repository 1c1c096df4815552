import GlossImport

// Imports any bytes as a HTML page, parsed by gumbo, then loads what it writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkImport(FuzzInput(data, size).bytes, as: ("page.html", .html))
    return 0
}

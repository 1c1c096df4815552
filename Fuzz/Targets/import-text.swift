import GlossImport

// Imports any bytes as a plain-text article, then loads what it writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkImport(FuzzInput(data, size).bytes, as: ("article.txt", .text))
    return 0
}

import GlossImport

// Imports any bytes as WebVTT and as SRT captions, then loads what each writes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkImport(FuzzInput(data, size).bytes, as: ("captions.vtt", .vtt), ("captions.srt", .srt))
    return 0
}

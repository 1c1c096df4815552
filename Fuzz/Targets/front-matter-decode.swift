import GlossContent
import GlossModel

// Decodes a whole transcript file, front matter and annotations, with an
// optional sidecar annotations file after a NUL byte. Beyond not crashing: a
// file that is left out always says why with an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatterDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let input = FuzzInput(data, size)
    let separator = input.bytes.firstIndex(of: 0)
    let transcript = Array(input.bytes[..<(separator ?? input.bytes.endIndex)])
    let sidecar = separator.map {
        AnnotationsFile(bytes: Array(input.bytes[input.bytes.index(after: $0)...]), displayPath: "Content/fuzz/x.annotations.yaml")
    }
    let parsed = ContentLoader.parseDocument(transcript, path: "fuzz/x.md", displayPath: "Content/fuzz/x.md", annotationsFile: sidecar)
    if parsed.document == nil {
        require(parsed.diagnostics.hasErrors, "document dropped without an error")
    }
    for diagnostic in parsed.diagnostics {
        if let location = diagnostic.location {
            require(location.line >= 1 && location.column >= 1, "diagnostic at \(location.line):\(location.column): \(diagnostic.message)")
        }
    }
    return 0
}

import GlossContent

// Splits any text into front matter and body. Beyond not crashing: the body
// is the text's tail, and `bodyFirstLine` counts the lines before it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatterSplit(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = FuzzInput(data, size).text
    switch FrontMatterSplitter.split(text) {
    case .failure(let unterminated):
        require(unterminated.line == 1, "unterminated front matter reported at line \(unterminated.line)")
    case .success(let split):
        require(text.utf8.reversed().starts(with: split.body.utf8.reversed()), "body is not the end of the text")
        if split.yaml == nil {
            require(split.body == text && split.bodyFirstLine == 1, "text without front matter changed")
        } else if !split.body.isEmpty {
            let before = text.utf8.count - split.body.utf8.count
            let newlines = text.utf8.prefix(before).reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            require(newlines == split.bodyFirstLine - 1, "body said to start on line \(split.bodyFirstLine), after \(newlines) newlines")
        }
    }
    return 0
}

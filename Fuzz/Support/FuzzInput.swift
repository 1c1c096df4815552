// Shared by every fuzz target (scripts/fuzz compiles it into each one).

#if canImport(Glibc)
import Glibc
#endif

/// The bytes libFuzzer hands a target, with the ways targets read them.
struct FuzzInput {
    let bytes: [UInt8]

    init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The bytes as text, invalid UTF-8 repaired as the content loader and
    /// importers repair it.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes split at NUL into at most `count` texts, so one input can
    /// carry a body and the quotes or files that go with it. Missing parts
    /// are empty.
    func parts(_ count: Int) -> [String] {
        var parts = bytes.split(separator: 0, maxSplits: count - 1, omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        while parts.count < count { parts.append("") }
        return parts
    }
}

/// Stops the run with a report libFuzzer saves as a crash, when a property
/// that must hold for every input does not.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fputs("fuzz property violated: \(message())\n", stderr)
        abort()
    }
}

/// A 64-bit hash that is the same in every process and on every machine,
/// unlike `Hasher`, whose seed changes per run: page keys and file stamps
/// are kept from one build to the next.
///
/// Not cryptographic: it tells a changed input from an unchanged one, where
/// nobody gains by forging a collision. It reads eight bytes a step, so
/// hashing a whole transcript costs little next to parsing it.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    public init() {}

    public var value: UInt64 {
        var mixed = state
        mixed ^= mixed >> 33
        mixed &*= 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        return mixed
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x0000_0100_0000_01B3
        state ^= state >> 29
    }

    public mutating func combine(_ value: UInt64) { mix(value) }

    public mutating func combine(_ value: Int) { mix(UInt64(bitPattern: Int64(value))) }

    public mutating func combine(_ value: Bool) { mix(value ? 1 : 2) }

    /// The bytes, preceded by their count so that `("ab", "c")` and `("a", "bc")` differ.
    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        mix(UInt64(bytes.count))
        var index = 0
        while index + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        mix(tail)
    }

    public mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }

    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(_ text: String?) {
        if let text { combine(text) } else { mix(0xA5A5) }
    }
}

/// A compact binary form for what the build caches between runs: integers
/// as variable-length numbers, strings as a length and their UTF-8 bytes.
/// Decoding is the hot path of a rebuild in a new process, and Foundation's
/// coders cost far more than the rendering they would save.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Negative numbers do not occur in what is cached (counts, offsets,
    /// lines); one would be written as its bit pattern, in ten bytes.
    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func append(_ raw: [UInt8]) { bytes.append(contentsOf: raw) }

    /// Eight bytes, little-endian: hashes, which a variable length would only lengthen.
    mutating func writeFixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ text: String?) {
        write(text != nil)
        if let text { write(text) }
    }

    mutating func write(_ value: Double?) {
        write(value != nil)
        if let value { writeFixed(value.bitPattern) }
    }

    mutating func write<Element>(_ elements: some Collection<Element>, each: (inout ByteWriter, Element) -> Void) {
        write(elements.count)
        for element in elements { each(&self, element) }
    }
}

/// Reads what ``ByteWriter`` wrote; any read past the end or any malformed
/// value throws, so that a damaged file is rejected as a whole.
struct ByteReader {
    struct Malformed: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    /// Where reading stops: the records of a file share the file's bytes.
    private let end: Int

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.init(bytes, range: offset ..< bytes.count)
    }

    /// Reads `bytes[range]` alone, without copying them.
    init(_ bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.offset = range.lowerBound
        self.end = range.upperBound
    }

    var isAtEnd: Bool { offset == end }

    mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= end - offset else { throw Malformed() }
        offset += count
    }

    mutating func readUInt64() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw Malformed() }
            let byte = bytes[offset]
            offset += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readInt() throws -> Int { Int(Int64(bitPattern: try readUInt64())) }

    /// A count of things that each take at least one byte: never more than what is left.
    mutating func readCount() throws -> Int {
        let count = try readInt()
        guard count >= 0, count <= end - offset else { throw Malformed() }
        return count
    }

    mutating func readBool() throws -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw Malformed() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func readFixed() throws -> UInt64 {
        guard end - offset >= 8 else { throw Malformed() }
        var value: UInt64 = 0
        for index in (0 ..< 8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func readString() throws -> String {
        let count = try readCount()
        defer { offset += count }
        return String(decoding: bytes[offset ..< offset + count], as: UTF8.self)
    }

    mutating func readBytes() throws -> [UInt8] {
        let count = try readCount()
        defer { offset += count }
        return Array(bytes[offset ..< offset + count])
    }

    mutating func readOptionalString() throws -> String? {
        try readBool() ? try readString() : nil
    }

    mutating func readOptionalDouble() throws -> Double? {
        try readBool() ? Double(bitPattern: try readFixed()) : nil
    }

    mutating func readArray<Element>(_ each: (inout ByteReader) throws -> Element) throws -> [Element] {
        let count = try readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0 ..< count { elements.append(try each(&self)) }
        return elements
    }
}

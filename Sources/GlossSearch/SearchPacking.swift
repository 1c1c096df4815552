import CZlib

extension SearchIndex {
    /// `bytes` as a JavaScript string literal of their raw deflate (RFC 1951)
    /// in base64: what the page gives `DecompressionStream('deflate-raw')`
    /// to read a shard, a part or a chunk of passages (docs/search.md).
    /// Level 1 and a window no larger than the input: fast, and the same
    /// bytes give the same output (zlib is deterministic for one version
    /// and the same settings).
    public static func packedString(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        base64(deflateRaw(bytes), to: &out)
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// Raw deflate of `bytes`, zlib level 1.
    public static func deflateRaw(_ bytes: [UInt8]) -> [UInt8] {
        // The smallest window (2^9 … 2^15 bytes) that spans the input: a
        // smaller window is a smaller table to clear for a 4 KB chunk.
        var windowBits: Int32 = 9
        while windowBits < 15, (1 << windowBits) < bytes.count { windowBits += 1 }
        var stream = z_stream()
        // zlib fails only when it cannot get memory for its tables: the bytes
        // are then stored as they are, which every inflater reads the same.
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -windowBits, 8, Z_DEFAULT_STRATEGY,
                            ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return storedDeflate(bytes) }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(bytes.count)))
        var out = [UInt8](repeating: 0, count: bound)
        var input = bytes
        let result = input.withUnsafeMutableBufferPointer { inBuffer in
            out.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        // The output holds deflateBound's bytes, so one call finishes; if
        // zlib ever says otherwise, the stored form is still right.
        guard result == Z_STREAM_END else { return storedDeflate(bytes) }
        out.removeLast(Int(stream.avail_out))
        return out
    }

    /// `bytes` as raw deflate without compression (RFC 1951 stored blocks
    /// of at most 65,535 bytes; the last block says it is the last).
    static func storedDeflate(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + (bytes.count / 65_535 + 1) * 5)
        var start = 0
        repeat {
            let length = min(65_535, bytes.count - start)
            let isLast = start + length == bytes.count
            out.append(isLast ? 1 : 0)
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            out.append(contentsOf: bytes[start ..< start + length])
            start += length
        } while start < bytes.count
        return out
    }

    private static let base64Alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends `bytes` in base64 (RFC 4648, with padding), as `atob` reads it.
    static func base64(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + (bytes.count + 2) / 3 * 4)
        let alphabet = base64Alphabet
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(value >> 18 & 63)])
            out.append(alphabet[Int(value >> 12 & 63)])
            out.append(alphabet[Int(value >> 6 & 63)])
            out.append(alphabet[Int(value & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest > 0 {
            let value = UInt32(bytes[index]) << 16 | (rest == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            out.append(alphabet[Int(value >> 18 & 63)])
            out.append(alphabet[Int(value >> 12 & 63)])
            out.append(rest == 2 ? alphabet[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
    }
}

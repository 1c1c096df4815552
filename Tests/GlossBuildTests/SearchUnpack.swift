import CZlib
import Foundation

/// The text of every packed string (`"BASE64"` of raw deflate) in a
/// search index file, joined: what the page reads of it. Foundation's
/// base64 and zlib's inflate, not the build's own code.
func searchFileText(_ file: String) -> String? {
    guard let open = file.lastIndex(of: "\""), let start = file[..<open].lastIndex(of: "\"") else { return nil }
    guard let data = Data(base64Encoded: String(file[file.index(after: start) ..< open])) else { return nil }
    var stream = z_stream()
    guard inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
    defer { inflateEnd(&stream) }
    var input = [UInt8](data), output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var status: Int32 = Z_OK
    input.withUnsafeMutableBufferPointer { inBuffer in
        stream.next_in = inBuffer.baseAddress
        stream.avail_in = uInt(inBuffer.count)
        while status == Z_OK {
            buffer.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
                output += outBuffer[0 ..< outBuffer.count - Int(stream.avail_out)]
            }
        }
    }
    return status == Z_STREAM_END ? String(decoding: output, as: UTF8.self) : nil
}

import Foundation
import GlossModel

#if canImport(Glibc)
import Glibc
#endif

/// A file of records that a build appends to, so that keeping what one edit
/// changed costs one record, not the whole file: the build cache's index of
/// rendered bodies and its decoded transcripts.
///
/// Each record is its length, its bytes and a hash of them. A file with any
/// record that does not match (damaged, cut short by a killed build, or
/// written by two processes at once) is not trusted at all. When most of
/// its records are outdated, the file is written anew under a temporary name
/// and renamed into place.
struct RecordLog {
    let path: String
    /// The first bytes of the file: what it holds, and in which format.
    let magic: [UInt8]

    /// Every record in order; nil when the file is missing, was written in
    /// another format, or is damaged anywhere.
    func read() -> [ByteReader]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let bytes = [UInt8](data)
        guard bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(bytes, offset: magic.count)
        var records: [ByteReader] = []
        do {
            while !reader.isAtEnd {
                let length = try reader.readCount()
                let start = reader.offset
                try reader.skip(length)
                let checksum = try reader.readFixed()
                let record = Array(bytes[start ..< start + length])
                var hasher = StableHasher()
                hasher.combine(record)
                guard hasher.value == checksum else { return nil }
                records.append(ByteReader(record))
            }
        } catch {
            return nil
        }
        return records
    }

    /// A record with its length before and its hash after, as the file holds
    /// it. Framing is the costly part of writing, and can be done on all cores.
    static func framed(_ record: [UInt8]) -> [UInt8] {
        var writer = ByteWriter(capacity: record.count + 18)
        writer.write(record.count)
        writer.append(record)
        var hasher = StableHasher()
        hasher.combine(record)
        writer.writeFixed(hasher.value)
        return writer.bytes
    }

    /// Replaces the file with these records (each ``framed(_:)``) alone.
    @discardableResult
    func rewrite(_ records: [[UInt8]]) -> Bool {
        let temporary = path + ".tmp-" + String(UInt64.random(in: 0 ... .max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        let written = Self.write([magic] + records, to: descriptor)
        close(descriptor)
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Adds records (each ``framed(_:)``) at the end of the file, which must exist.
    @discardableResult
    func append(_ records: [[UInt8]]) -> Bool {
        guard !records.isEmpty else { return true }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return Self.write([records.joined().map { $0 }], to: descriptor)
    }

    /// A record of the given kind: the kind first, then what `fill` writes.
    static func record(kind: UInt64, _ fill: (inout ByteWriter) -> Void) -> [UInt8] {
        var writer = ByteWriter()
        writer.write(kind)
        fill(&writer)
        return writer.bytes
    }

    /// Writes all of `bytes`, however many calls it takes; false on an error.
    static func writeFully(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let count = Glibc.write(descriptor, bytes.baseAddress.map { $0 + done }, bytes.count - done)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }

    /// Writes the chunks in order, a megabyte or so at a time.
    private static func write(_ chunks: [[UInt8]], to descriptor: Int32) -> Bool {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        func flush() -> Bool {
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer.withUnsafeBytes { writeFully($0, to: descriptor) }
        }
        for chunk in chunks {
            buffer += chunk
            if buffer.count >= 1 << 20, !flush() { return false }
        }
        return flush()
    }
}

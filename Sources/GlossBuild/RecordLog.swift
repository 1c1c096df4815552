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
        guard let bytes = Self.contents(of: path), bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(bytes, offset: magic.count)
        var records: [ByteReader] = []
        do {
            while !reader.isAtEnd {
                let length = try reader.readCount()
                let start = reader.offset
                try reader.skip(length)
                let checksum = try reader.readFixed()
                var hasher = StableHasher()
                bytes.withUnsafeBytes { hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: $0[start ..< start + length])) }
                guard hasher.value == checksum else { return nil }
                records.append(ByteReader(bytes, range: start ..< start + length))
            }
        } catch {
            return nil
        }
        return records
    }

    /// The whole file in one array, read straight into it: the build cache's
    /// index can be hundreds of megabytes, and each record reads its part of
    /// this one copy.
    private static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 0 else { return nil }
        let size = Int(status.st_size)
        var complete = true
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let read = Glibc.read(descriptor, buffer.baseAddress.map { $0 + count }, size - count)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else { break }
                count += read
            }
            complete = count == size
        }
        return complete ? bytes : nil
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
        rewrite(batches: CollectionOfOne(records))
    }

    /// Replaces the file with the records of each batch in turn. A lazy
    /// sequence of batches is made one batch at a time as the file is
    /// written, so that a large file is never held whole in memory.
    @discardableResult
    func rewrite<Batches: Sequence>(batches: Batches) -> Bool where Batches.Element == [[UInt8]] {
        let temporary = path + ".tmp-" + String(UInt64.random(in: 0 ... .max), radix: 16)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        var buffer = Buffer(descriptor: descriptor)
        var written = buffer.add(magic)
        for batch in batches where written {
            for record in batch where written { written = buffer.add(record) }
        }
        written = written && buffer.flush()
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
        var buffer = Buffer(descriptor: descriptor)
        for record in records where !buffer.add(record) { return false }
        return buffer.flush()
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

    /// Bytes on their way to a file, written a megabyte or so at a time.
    private struct Buffer {
        let descriptor: Int32
        var bytes: [UInt8] = []

        init(descriptor: Int32) {
            self.descriptor = descriptor
            bytes.reserveCapacity(1 << 20)
        }

        /// False when a write failed.
        mutating func add(_ chunk: [UInt8]) -> Bool {
            bytes += chunk
            return bytes.count < 1 << 20 || flush()
        }

        mutating func flush() -> Bool {
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes.withUnsafeBytes { RecordLog.writeFully($0, to: descriptor) }
        }
    }
}

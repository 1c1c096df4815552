import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What the preview server knows of a file's version: enough for validators
/// (ETag, Last-Modified) and for answering conditional requests with 304.
struct FileStamp: Equatable, Sendable {
    var size: Int
    var inode: UInt64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    init(size: Int, inode: UInt64, modifiedSeconds: Int, modifiedNanoseconds: Int) {
        self.size = size
        self.inode = inode
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(
            size: Int(info.st_size), inode: UInt64(info.st_ino),
            modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec)
        )
    }

    /// Every build writes a fresh tree, so the inode tells two builds' copies
    /// of a file apart even when size and time agree. `variant` separates a
    /// body the server altered (HTML with the reload script) from the file.
    func entityTag(variant: String = "") -> String {
        "\"" + [String(inode, radix: 16), String(size, radix: 16), String(modifiedSeconds, radix: 16), String(modifiedNanoseconds, radix: 16)]
            .joined(separator: "-") + variant + "\""
    }

    var lastModified: String { HTTPDate.format(seconds: modifiedSeconds) }

    /// RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since when both are sent.
    func isNotModified(ifNoneMatch: String?, ifModifiedSince: String?, entityTag: String) -> Bool {
        if let ifNoneMatch {
            return ifNoneMatch.split(separator: ",").contains { candidate in
                let tag = candidate.trimmingCharacters(in: .whitespaces)
                return tag == "*" || tag == entityTag || tag == "W/" + entityTag
            }
        }
        if let ifModifiedSince, let since = HTTPDate.parse(ifModifiedSince) {
            return modifiedSeconds <= since
        }
        return false
    }

    /// If-Range names the version the client holds a part of; any other version
    /// is sent whole.
    func matchesIfRange(_ ifRange: String?, entityTag: String) -> Bool {
        guard let ifRange else { return true }
        let value = ifRange.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\"") { return value == entityTag }
        return HTTPDate.parse(value) == modifiedSeconds
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the only date form servers send.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        let two = { (value: Int32) in value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
    }

    /// Seconds since the epoch, or nil for anything but an IMF-fixdate.
    static func parse(_ text: String) -> Int? {
        let fields = text.split(separator: " ")
        guard fields.count == 6, fields[5] == "GMT",
              let day = Int(fields[1]), let month = months.firstIndex(of: String(fields[2])), let year = Int(fields[3])
        else { return nil }
        let clock = fields[4].split(separator: ":").compactMap { Int($0) }
        guard clock.count == 3 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(clock[0])
        parts.tm_min = Int32(clock[1])
        parts.tm_sec = Int32(clock[2])
        return Int(timegm(&parts))
    }
}

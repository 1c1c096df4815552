import Foundation

/// A fresh directory under the system's temp folder, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gloss-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ text: String, to relativePath: String) throws {
        let target = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
    }

    func read(_ relativePath: String) -> String? {
        (try? String(contentsOfFile: path + "/" + relativePath, encoding: .utf8))
    }

    /// Every file under `relativePath` with its bytes, for byte-for-byte comparisons of whole trees.
    func snapshot(_ relativePath: String) -> [String: Data] {
        let root = path + "/" + relativePath
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let entry = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + entry, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[entry] = FileManager.default.contents(atPath: root + "/" + entry)
            }
        }
        return files
    }

    func entries() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }
}

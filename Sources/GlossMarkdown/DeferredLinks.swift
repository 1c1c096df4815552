#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import GlossModel
import Synchronization

/// A resolver that decides nothing yet: it numbers every destination it is
/// asked about, so that a body can be rendered before the site it links into
/// is known, and its holes filled afterwards.
final class LinkRecorder: LinkResolver {
    private let recorded = Mutex<[LinkReference]>([])

    var references: [LinkReference] { recorded.withLock { $0 } }

    func resolve(_ reference: LinkReference) -> LinkResolution {
        recorded.withLock { references in
            references.append(reference)
            return .deferred(slot: references.count - 1)
        }
    }
}

extension RenderedMarkdown {
    /// The HTML with every deferred destination decided by `resolver`: its URL
    /// (escaped like any destination) in place of the hole, and an error for
    /// each broken one. Without holes, the HTML as it is.
    public func resolvingLinks(with resolver: any LinkResolver) -> (html: String, diagnostics: [Diagnostic]) {
        fillingLinks(pendingLinks.map(resolver.resolve))
    }

    /// The HTML with the holes filled by `resolutions`, one per pending link in
    /// order (what a resolver said of each), and an error for each broken one.
    /// A build that decides early which pages to write computes these first.
    public func fillingLinks(_ resolutions: [LinkResolution]) -> (html: String, diagnostics: [Diagnostic]) {
        guard !pendingLinks.isEmpty else { return (html, []) }
        return htmlBytes.withUnsafeBufferPointer { fillingLinks(resolutions, in: $0) }
    }

    /// ``fillingLinks(_:)`` for this body's HTML as read back from a store,
    /// `bytes`, rather than as `html` holds it: the bytes become a string
    /// once, filled.
    public func fillingLinks(_ resolutions: [LinkResolution], in bytes: UnsafeBufferPointer<UInt8>) -> (html: String, diagnostics: [Diagnostic]) {
        guard !pendingLinks.isEmpty else { return (String(decoding: bytes, as: UTF8.self), []) }
        var output = HTMLBuffer(capacity: bytes.count + pendingLinks.count * 32)
        var diagnostics: [Diagnostic] = []
        // A note's HTML may be written twice (beside the text and as an endnote).
        var reported = Set<Int>()
        guard let base = bytes.baseAddress else { return ("", []) }
        var index = 0
        var runStart = 0
        while index < bytes.count {
            // Holes open with a NUL byte, which nothing else in the HTML has:
            // memchr finds the next one at memory speed.
            guard let found = memchr(base + index, 0, bytes.count - index) else { break }
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            guard let (slot, end) = Self.hole(in: bytes, at: index), slot < pendingLinks.count, slot < resolutions.count else {
                index += 1
                continue
            }
            output.append(raw: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            let reference = pendingLinks[slot]
            var destination = reference.destination
            switch resolutions[slot] {
            case .replace(let url): destination = url
            case .broken(let message, let note):
                if reported.insert(slot).inserted {
                    diagnostics.append(.error(at: reference.location, message, note: note))
                }
            case .keep, .deferred: break
            }
            destination.withUTF8 { output.append(escapingURL: $0) }
            index = end
            runStart = end
        }
        output.append(raw: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        return (String(decoding: output.bytes, as: UTF8.self), diagnostics)
    }

    /// The slot number of the hole `NUL digits NUL` starting at `start`, and
    /// the index after it.
    private static func hole(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (slot: Int, end: Int)? {
        var index = start + 1
        var slot = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            slot = slot &* 10 &+ Int(bytes[index] - UInt8(ascii: "0"))
            index += 1
        }
        guard index > start + 1, index < bytes.count, bytes[index] == 0 else { return nil }
        return (slot, index + 1)
    }
}

import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A deliberately small HTTP/1.1 client over a plain socket.
///
/// URL libraries normalise `..` and percent-encoding away before sending, which
/// would make the traversal tests prove nothing: this sends the request line
/// exactly as written. All blocking I/O runs on a thread of its own, never on
/// the cooperative pool the server in the same process answers from.
struct RawHTTPClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let port: Int

    /// Sends `target` as the request target, byte for byte, and reads the whole
    /// response (the connection is closed after it).
    func send(_ method: String = "GET", _ target: String, headers: [String: String] = [:]) async throws -> Response {
        var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) {
            request += "\(name): \(value)\r\n"
        }
        request += "\r\n"
        let port = port
        let bytes = Array(request.utf8)
        let raw = try await Self.offThePool {
            let socket = try Socket(port: port, timeoutSeconds: 20)
            defer { socket.close() }
            try socket.write(bytes)
            return try socket.readToEnd()
        }
        return try Self.parse(raw, method: method)
    }

    /// An open `GET /__gloss/events`, read as events arrive.
    func openEventStream() async throws -> EventStream {
        let port = port
        return try await Self.offThePool {
            let socket = try Socket(port: port, timeoutSeconds: 20)
            try socket.write(Array("GET /__gloss/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n".utf8))
            return EventStream(socket: socket)
        }
    }

    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    static func parse(_ raw: [UInt8], method: String) throws -> Response {
        guard let split = raw.firstRange(of: Array("\r\n\r\n".utf8)) else {
            throw Failure(description: "no complete response head in \(raw.count) bytes")
        }
        let head = String(decoding: raw[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst("HTTP/1.1 ".count).prefix(3))
        else { throw Failure(description: "bad status line in \(head)") }
        let headers = head.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var response = Response(status: status, headers: headers, body: Array(raw[split.upperBound...]))
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
            response.body = try dechunk(response.body).body
        }
        return response
    }

    /// The body of a chunked message, and whether its last chunk has arrived.
    static func dechunk(_ bytes: [UInt8]) throws -> (body: [UInt8], complete: Bool) {
        var body: [UInt8] = []
        var index = 0
        while let lineEnd = bytes[index...].firstRange(of: Array("\r\n".utf8)) {
            let sizeText = String(decoding: bytes[index ..< lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "bad chunk size \(sizeText)")
            }
            if size == 0 { return (body, true) }
            let start = lineEnd.upperBound
            guard start + size + 2 <= bytes.count else { break }
            body += bytes[start ..< start + size]
            index = start + size + 2
        }
        return (body, false)
    }
}

/// A connected TCP socket with blocking reads that give up after a timeout.
final class Socket: @unchecked Sendable {
    private let descriptor: Int32

    init(port: Int, timeoutSeconds: Int) throws {
        descriptor = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw RawHTTPClient.Failure(description: "socket: \(errno)") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            Glibc.close(descriptor)
            throw RawHTTPClient.Failure(description: "connect to port \(port): \(String(cString: strerror(errno)))")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress.map { $0 + sent }, buffer.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard result > 0 else { throw RawHTTPClient.Failure(description: "send: \(errno)") }
            sent += result
        }
    }

    /// Some bytes, or an empty array at the end of the stream; throws on timeout.
    func readSome() throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw RawHTTPClient.Failure(description: "recv timed out or failed: \(errno)") }
        return Array(buffer[..<count])
    }

    func readToEnd() throws -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let some = try readSome()
            if some.isEmpty { return all }
            all += some
        }
    }

    func close() {
        Glibc.close(descriptor)
    }
}

/// Server-Sent Events as they arrive on an open connection.
final class EventStream: @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let socket: Socket
    private var raw: [UInt8] = []
    private var consumed = 0

    init(socket: Socket) {
        self.socket = socket
    }

    deinit { socket.close() }

    /// The next event, waiting for it to arrive (up to the socket's timeout).
    func next() async throws -> Event {
        try await RawHTTPClient.offThePool { [self] in try nextBlocking() }
    }

    /// Events until one named `name`, which it returns; throws on timeout.
    func next(named name: String) async throws -> Event {
        while true {
            let event = try await next()
            if event.name == name { return event }
        }
    }

    private func nextBlocking() throws -> Event {
        while true {
            if let event = try takeEvent() { return event }
            let some = try socket.readSome()
            guard !some.isEmpty else { throw RawHTTPClient.Failure(description: "event stream closed") }
            raw += some
        }
    }

    /// Parses what has arrived; returns the first event not yet returned.
    private func takeEvent() throws -> Event? {
        guard let split = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { return nil }
        let body = try RawHTTPClient.dechunk(Array(raw[split.upperBound...])).body
        let text = String(decoding: body, as: UTF8.self)
        let blocks = text.components(separatedBy: "\n\n").dropLast()
        var events: [Event] = []
        for block in blocks {
            var name = "message", data = ""
            for line in block.split(separator: "\n") {
                if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                if line.hasPrefix("data: ") { data = String(line.dropFirst(6)) }
            }
            if block.contains("data: ") { events.append(Event(name: name, data: data)) }
        }
        guard consumed < events.count else { return nil }
        consumed += 1
        return events[consumed - 1]
    }
}

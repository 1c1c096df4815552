import Foundation
import GlossModel
import Hummingbird

/// Answers every HTTP request of the preview server: the site's files from
/// the preview output, the live-reload script and the event stream.
///
/// GET and HEAD only. Files are found by `FileResolver`; HTML gets the reload
/// script on its way out (the files on disk never contain it); every response
/// must be revalidated (`no-cache`) and carries an ETag and Last-Modified so
/// revalidation is a cheap 304; single byte ranges are honoured for seeking
/// in audio and video.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let resolver: FileResolver
    let broadcaster: EventBroadcaster
    let fileIO = FileIO()

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Self.text(.methodNotAllowed, "Only GET and HEAD are supported.\n", headers: headers, request: request)
        }
        let path = request.uri.path
        if path.hasPrefix("/__gloss/") {
            return await serveInternal(path, request: request)
        }
        switch resolver.resolve(path) {
        case .file(let file):
            if let response = await serve(file, status: .ok, request: request, context: context) {
                return response
            }
            return await notFound(request: request, context: context)
        case .redirect(let location):
            var headers = HTTPFields()
            headers[.location] = location + (request.uri.query.map { "?" + $0 } ?? "")
            return Self.text(.movedPermanently, "Moved to \(location)\n", headers: headers, request: request)
        case .notFound:
            return await notFound(request: request, context: context)
        case .badRequest:
            return Self.text(.badRequest, "Bad request: that path is not allowed.\n", request: request)
        }
    }

    private func serveInternal(_ path: String, request: Request) async -> Response {
        switch path {
        case LiveReloadScript.eventsPath:
            return await eventStream(request: request)
        case LiveReloadScript.path:
            var headers = HTTPFields()
            headers[.contentType] = "text/javascript; charset=utf-8"
            headers[.cacheControl] = "no-cache"
            return Self.bytes(.ok, Array(LiveReloadScript.source.utf8), headers: headers, request: request)
        default:
            return Self.text(.notFound, "Not found.\n", request: request)
        }
    }

    /// The site's own 404 page with status 404; when there is no site yet
    /// (the first build failed), a bare page whose script shows why.
    private func notFound(request: Request, context: Context) async -> Response {
        if case .file(let page) = resolver.resolve("/404.html"),
           let response = await serve(page, status: .notFound, request: request, context: context) {
            return response
        }
        guard FileResolver.kind(of: resolver.root) == .directory else {
            let page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>No site yet</title></head>"
                + "<body><h1>No site yet</h1><p>The first build has not succeeded. This page reloads when it does.</p></body></html>"
            var headers = HTTPFields()
            headers[.contentType] = "text/html; charset=utf-8"
            headers[.cacheControl] = "no-store"
            return Self.bytes(.serviceUnavailable, LiveReloadScript.inject(into: Array(page.utf8)), headers: headers, request: request)
        }
        return Self.text(.notFound, "Not found.\n", request: request)
    }

    /// nil when the file vanished between resolving and reading (a rebuild
    /// swapped the site in the meantime).
    private func serve(_ file: String, status: HTTPResponse.Status, request: Request, context: Context) async -> Response? {
        guard let stamp = FileStamp(path: file) else { return nil }
        let contentType = MediaTypes.type(forPath: file)
        let isHTML = MediaTypes.isHTML(contentType)
        let entityTag = stamp.entityTag(variant: isHTML ? "-live" : "")
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.cacheControl] = "no-cache"
        headers[.xContentTypeOptions] = "nosniff"
        if status == .ok {
            headers[.eTag] = entityTag
            headers[.lastModified] = stamp.lastModified
            headers[.acceptRanges] = "bytes"
            if stamp.isNotModified(
                ifNoneMatch: request.headers[.ifNoneMatch], ifModifiedSince: request.headers[.ifModifiedSince], entityTag: entityTag
            ) {
                return Response(status: .notModified, headers: headers)
            }
        }

        if isHTML {
            guard let data = FileManager.default.contents(atPath: file) else { return nil }
            let body = LiveReloadScript.inject(into: Array(data))
            return await ranged(body.count, status: status, stamp: stamp, entityTag: entityTag, headers: headers, request: request) { range, headers in
                Self.bytes(range == nil ? status : .partialContent, range.map { Array(body[$0]) } ?? body, headers: headers, request: request)
            }
        }
        return await ranged(stamp.size, status: status, stamp: stamp, entityTag: entityTag, headers: headers, request: request) { range, headers in
            let length = range?.count ?? stamp.size
            var headers = headers
            headers[.contentLength] = String(length)
            guard request.method != .head, length > 0 else {
                return Response(status: range == nil ? status : .partialContent, headers: headers)
            }
            do {
                let body = try await fileIO.loadFile(path: file, range: range ?? 0 ... (stamp.size - 1), context: context)
                return Response(status: range == nil ? status : .partialContent, headers: headers, body: body)
            } catch {
                return nil
            }
        }
    }

    /// Applies the Range header (for a 200 only) and lets `make` build the
    /// response for the whole body (nil range) or one range of it.
    private func ranged(
        _ length: Int, status: HTTPResponse.Status, stamp: FileStamp, entityTag: String, headers: HTTPFields, request: Request,
        _ make: (ClosedRange<Int>?, HTTPFields) async -> Response?
    ) async -> Response? {
        guard status == .ok, stamp.matchesIfRange(request.headers[.ifRange], entityTag: entityTag) else {
            return await make(nil, headers)
        }
        switch ByteRange(header: request.headers[.range], length: length) {
        case .whole:
            return await make(nil, headers)
        case .partial(let range):
            var headers = headers
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(length)"
            return await make(range, headers)
        case .unsatisfiable:
            var headers = headers
            headers[.contentRange] = "bytes */\(length)"
            return Self.text(.rangeNotSatisfiable, "Range not satisfiable.\n", headers: headers, request: request)
        }
    }

    /// Server-Sent Events: the current state at once, then every event, until
    /// the page goes away or the server stops.
    private func eventStream(request: Request) async -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        guard request.method != .head else { return Response(status: .ok, headers: headers) }
        let broadcaster = broadcaster
        let subscription = await broadcaster.subscribe()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            do {
                // Reconnect quickly when the server restarts.
                try await writer.write(ByteBuffer(string: "retry: 500\n\n"))
                for await event in subscription.events {
                    try await writer.write(ByteBuffer(string: event.wireFormat))
                }
            } catch {
                // The page went away; nothing to tell anyone.
            }
            await broadcaster.unsubscribe(subscription.id)
            try await writer.finish(nil)
        })
    }

    private static func text(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields = [:], request: Request) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        return bytes(status, Array(text.utf8), headers: headers, request: request)
    }

    /// A body from memory; HEAD gets the headers (Content-Length included) only.
    private static func bytes(_ status: HTTPResponse.Status, _ body: [UInt8], headers: HTTPFields, request: Request) -> Response {
        var headers = headers
        headers[.contentLength] = String(body.count)
        guard request.method != .head else { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

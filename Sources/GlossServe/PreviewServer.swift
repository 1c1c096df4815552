import GlossBuild
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// `gloss serve`: an HTTP server for the preview site, and a watcher that
/// rebuilds it and tells open pages, running together until stopped.
///
/// The server answers from `siteDirectory`, which only rebuilds write to and
/// which they replace atomically, so a request never sees a half-written site.
/// Stopping (SIGINT/SIGTERM when `stopsOnSignals`, or cancelling the task)
/// first ends the watcher and every open event stream, then lets the server
/// finish the requests in flight.
public struct PreviewServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 lets the system choose a free port.
        public var port: Int
        /// The directory served: where the rebuilder writes the preview site.
        public var siteDirectory: String
        /// The directories whose changes cause a rebuild (content, templates).
        public var watchedDirectories: [String]
        /// Scan for changes instead of using inotify.
        public var polling: Bool
        public var quietPeriod: Duration
        public var stopsOnSignals: Bool
        /// How long a connection may send nothing (between requests, or in
        /// the middle of a request head) before the server closes it. An
        /// open event stream is a response in progress and is never closed.
        public var idleTimeout: Duration

        public init(
            host: String = "127.0.0.1", port: Int = 8080, siteDirectory: String, watchedDirectories: [String],
            polling: Bool = false, quietPeriod: Duration = .milliseconds(30), stopsOnSignals: Bool = false,
            idleTimeout: Duration = .seconds(30)
        ) {
            self.host = host
            self.port = port
            self.siteDirectory = siteDirectory
            self.watchedDirectories = watchedDirectories
            self.polling = polling
            self.quietPeriod = quietPeriod
            self.stopsOnSignals = stopsOnSignals
            self.idleTimeout = idleTimeout
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case portInUse(host: String, port: Int)
        case cannotListen(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .portInUse(let host, let port):
                "port \(port) on \(host) is already in use"
            case .cannotListen(let host, let port, let reason):
                "cannot listen on \(host) port \(port): \(reason)"
            }
        }
    }

    public let configuration: Configuration
    /// Makes the rebuilder once the server's address is known, so the site can
    /// be built for it (its 404 page and feed use absolute URLs).
    let makeRebuilder: @Sendable (_ siteURL: String) -> any SiteRebuilding
    let onListening: @Sendable (_ siteURL: String, _ port: Int) -> Void
    let onRebuild: @Sendable (RebuildCoordinator.Report) -> Void

    public init(
        configuration: Configuration,
        makeRebuilder: @escaping @Sendable (_ siteURL: String) -> any SiteRebuilding,
        onListening: @escaping @Sendable (_ siteURL: String, _ port: Int) -> Void = { _, _ in },
        onRebuild: @escaping @Sendable (RebuildCoordinator.Report) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.makeRebuilder = makeRebuilder
        self.onListening = onListening
        self.onRebuild = onRebuild
    }

    /// Serves until stopped; throws `Failure` when it cannot listen.
    public func run() async throws {
        let quiet = Logger(label: "gloss.serve", factory: { _ in SwiftLogNoOpLogHandler() })
        let broadcaster = EventBroadcaster()
        let (ports, portFound) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let configuration = configuration
        let app = Application(
            responder: SiteResponder(resolver: FileResolver(root: configuration.siteDirectory), broadcaster: broadcaster),
            // Hummingbird's HTTP/1 limits stay as they are (a header field
            // and all headers together at most 80 KiB, at most 1,000 headers);
            // the idle timeout is Gloss's, since by default there is none.
            server: .http1(configuration: .init(idleTimeout: TimeAmount(configuration.idleTimeout))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in
                portFound.yield(channel.localAddress?.port ?? configuration.port)
                portFound.finish()
            },
            logger: quiet
        )
        let watcher: any FileWatching = configuration.polling
            ? PollingWatcher(roots: configuration.watchedDirectories)
            : InotifyWatcher(roots: configuration.watchedDirectories)
        let watching = RebuildService(
            ports: ports, host: configuration.host, watcher: watcher, quietPeriod: configuration.quietPeriod,
            broadcaster: broadcaster, makeRebuilder: makeRebuilder, onListening: onListening, onRebuild: onRebuild
        )
        // Services stop in reverse order: the watcher and the event streams
        // first, so the server has no endless response left to wait for.
        let group = ServiceGroup(
            configuration: ServiceGroupConfiguration(
                services: [.init(service: app), .init(service: watching)],
                gracefulShutdownSignals: configuration.stopsOnSignals ? [.sigint, .sigterm] : [],
                logger: quiet
            )
        )
        do {
            try await group.run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw Failure.portInUse(host: configuration.host, port: configuration.port)
        } catch let error as IOError {
            throw Failure.cannotListen(host: configuration.host, port: configuration.port, reason: String(cString: strerror(error.errnoCode)))
        }
    }

    /// `http://host:port/`, with an IPv6 address in brackets.
    public static func siteURL(host: String, port: Int) -> String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)/"
    }
}

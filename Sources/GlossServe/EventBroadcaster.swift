import GlossModel

/// Fans build events out to every open page's event stream.
///
/// It remembers the site's current state (building fine, or failing with
/// diagnostics), and a page that connects is told it at once: a page loaded
/// while the build is broken shows the overlay without waiting for the next
/// rebuild.
public actor EventBroadcaster {
    public typealias Subscription = (id: Int, events: AsyncStream<ServerEvent>)

    private var subscribers: [Int: AsyncStream<ServerEvent>.Continuation] = [:]
    private var nextID = 0
    private var state: ServerEvent = .ok
    private var closed = false

    public init() {}

    public var subscriberCount: Int { subscribers.count }

    /// A stream that starts with the current state and then carries every
    /// event, until `unsubscribe(_:)` or `close()`.
    public func subscribe() -> Subscription {
        let (events, continuation) = AsyncStream.makeStream(of: ServerEvent.self, bufferingPolicy: .bufferingNewest(16))
        nextID += 1
        continuation.yield(state)
        if closed {
            continuation.finish()
        } else {
            subscribers[nextID] = continuation
        }
        return (nextID, events)
    }

    public func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
    }

    /// A build finished and its output is in place.
    public func buildSucceeded() {
        let wasFailing = state != .ok
        state = .ok
        if wasFailing { send(.ok) }
        send(.reload)
    }

    /// A build failed; the previous output stays.
    public func buildFailed(_ diagnostics: [Diagnostic]) {
        state = .errors(diagnostics)
        send(state)
    }

    /// The current state, for pages served while there is no site at all.
    public var currentState: ServerEvent { state }

    /// Ends every stream, so open event connections finish and the server can
    /// stop without waiting on them.
    public func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    private func send(_ event: ServerEvent) {
        for continuation in subscribers.values { continuation.yield(event) }
    }
}

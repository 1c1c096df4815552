/// A table keyed by cmark node, for the dialect's facts about nodes (their
/// plans, text ranges, trimmed labels, turns).
///
/// Swift's `Dictionary` hashes every key with SipHash, which protects against
/// keys chosen to collide; node addresses are chosen by the allocator, not by
/// whoever writes the Markdown, and hashing them was about 7 % of rendering a
/// transcript. Open addressing with a multiplicative (Fibonacci) hash of the
/// address does the same job for a few instructions. Entries are never
/// removed: a table lives as long as one rendering.
struct NodeMap<Value> {
    /// Node addresses by slot; 0, never an address, marks an empty slot.
    private var keys: [UInt] = []
    private var values: [Value?] = []
    /// log2 of the slot count, once there are slots.
    private var shift = 0
    /// Slots claimed.
    private var count = 0
    /// Slots holding a value.
    private var valueCount = 0

    init() {}

    var isEmpty: Bool { valueCount == 0 }

    subscript(node: OpaquePointer) -> Value? {
        get {
            guard let slot = slot(of: node), keys[slot] != 0 else { return nil }
            return values[slot]
        }
        set {
            if newValue != nil {
                let slot = insertionSlot(of: node)
                if values[slot] == nil { valueCount += 1 }
                values[slot] = newValue
            } else if let slot = slot(of: node), keys[slot] != 0, values[slot] != nil {
                // The slot stays claimed, holding nothing: gets and iteration
                // see no entry.
                values[slot] = nil
                valueCount -= 1
            }
        }
    }

    /// The value for `node`, or `fallback` stored as it first.
    subscript(node: OpaquePointer, default fallback: @autoclosure () -> Value) -> Value {
        get { self[node] ?? fallback() }
        _modify {
            let slot = insertionSlot(of: node)
            if values[slot] == nil { valueCount += 1 }
            // Moved out of the table while it is changed, so that it is
            // uniquely referenced and changes in place.
            var value = values[slot] ?? fallback()
            values[slot] = nil
            defer { values[slot] = value }
            yield &value
        }
    }

    /// The slot holding `node`, or the empty slot where it would go; nil
    /// while there are no slots.
    private func slot(of node: OpaquePointer) -> Int? {
        guard !keys.isEmpty else { return nil }
        let key = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(node)))
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt(64 - shift)) & mask
        while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The slot of `node`, claimed for it when it had none.
    private mutating func insertionSlot(of node: OpaquePointer) -> Int {
        var slot = slot(of: node)
        if let found = slot, keys[found] != 0 { return found }
        // Kept at most half full, so that probes stay short.
        if (count + 1) * 2 > keys.count {
            grow()
            slot = self.slot(of: node)
        }
        guard let slot else { preconditionFailure("a grown table has slots") }
        keys[slot] = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(node)))
        count += 1
        return slot
    }

    private mutating func grow() {
        let oldKeys = keys
        var oldValues = values
        shift = Swift.max(shift + 1, 4)
        keys = [UInt](repeating: 0, count: 1 << shift)
        values = [Value?](repeating: nil, count: 1 << shift)
        count = 0
        for (slot, key) in oldKeys.enumerated() {
            guard let node = OpaquePointer(bitPattern: key), let value = oldValues[slot].take() else { continue }
            values[insertionSlot(of: node)] = value
        }
    }
}

extension NodeMap: Sequence {
    struct Iterator: IteratorProtocol {
        fileprivate let map: NodeMap
        fileprivate var slot = 0

        mutating func next() -> (key: OpaquePointer, value: Value)? {
            while slot < map.keys.count {
                defer { slot += 1 }
                if let node = OpaquePointer(bitPattern: map.keys[slot]), let value = map.values[slot] {
                    return (node, value)
                }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator {
        Iterator(map: self)
    }
}

/// A set of cmark nodes, hashed as ``NodeMap`` hashes them.
struct NodeSet {
    private var members = NodeMap<Bool>()

    init() {}

    func contains(_ node: OpaquePointer) -> Bool {
        members[node] != nil
    }

    mutating func insert(_ node: OpaquePointer) {
        members[node] = true
    }
}

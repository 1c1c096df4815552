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
    /// A node's address and where its entry is; a key of 0, never an
    /// address, marks an empty slot.
    private struct Slot {
        var key: UInt
        var entry: Int
    }

    /// Kept at most half full, so that probes stay short. Growing rehashes
    /// these small slots alone: the values stay where they are.
    private var slots: [Slot] = []
    /// log2 of the slot count, once there are slots.
    private var shift = 0
    /// Each entry's node address, in the order the entries were made.
    private var entryKeys: [UInt] = []
    /// Each entry's value; nil once it was removed.
    private var values: [Value?] = []
    /// Entries holding a value.
    private var valueCount = 0

    init() {}

    var isEmpty: Bool { valueCount == 0 }

    subscript(node: OpaquePointer) -> Value? {
        get {
            guard let entry = entry(of: node) else { return nil }
            return values[entry]
        }
        set {
            if newValue != nil {
                let entry = insertionEntry(of: node)
                if values[entry] == nil { valueCount += 1 }
                values[entry] = newValue
            } else if let entry = entry(of: node), values[entry] != nil {
                // The entry stays, holding nothing: gets and iteration see none.
                values[entry] = nil
                valueCount -= 1
            }
        }
    }

    /// The value for `node`, or `fallback` stored as it first.
    subscript(node: OpaquePointer, default fallback: @autoclosure () -> Value) -> Value {
        get { self[node] ?? fallback() }
        _modify {
            let entry = insertionEntry(of: node)
            if values[entry] == nil { valueCount += 1 }
            // Moved out of the table while it is changed, so that it is
            // uniquely referenced and changes in place.
            var value = values[entry] ?? fallback()
            values[entry] = nil
            defer { values[entry] = value }
            yield &value
        }
    }

    private static func key(of node: OpaquePointer) -> UInt {
        UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(node)))
    }

    /// The slot holding `key`, or the empty slot where it would go. There
    /// must be slots.
    private func slot(of key: UInt) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt(64 - shift)) & mask
        while slots[slot].key != 0, slots[slot].key != key { slot = (slot + 1) & mask }
        return slot
    }

    /// The entry of `node`, if it has one.
    private func entry(of node: OpaquePointer) -> Int? {
        guard !slots.isEmpty else { return nil }
        let found = slots[slot(of: Self.key(of: node))]
        return found.key == 0 ? nil : found.entry
    }

    /// The entry of `node`, made for it when it had none.
    private mutating func insertionEntry(of node: OpaquePointer) -> Int {
        let key = Self.key(of: node)
        if !slots.isEmpty {
            let found = slots[slot(of: key)]
            if found.key != 0 { return found.entry }
        }
        if (entryKeys.count + 1) * 2 > slots.count { grow() }
        let entry = entryKeys.count
        slots[slot(of: key)] = Slot(key: key, entry: entry)
        entryKeys.append(key)
        values.append(nil)
        return entry
    }

    private mutating func grow() {
        shift = Swift.max(shift + 1, 4)
        slots = [Slot](repeating: Slot(key: 0, entry: 0), count: 1 << shift)
        for (entry, key) in entryKeys.enumerated() {
            slots[slot(of: key)] = Slot(key: key, entry: entry)
        }
    }
}

extension NodeMap: Sequence {
    /// The entries holding a value, in the order they were made.
    struct Iterator: IteratorProtocol {
        fileprivate let map: NodeMap
        fileprivate var entry = 0

        mutating func next() -> (key: OpaquePointer, value: Value)? {
            while entry < map.entryKeys.count {
                defer { entry += 1 }
                if let node = OpaquePointer(bitPattern: map.entryKeys[entry]), let value = map.values[entry] {
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

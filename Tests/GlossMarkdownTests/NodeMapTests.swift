@testable import GlossMarkdown
import Testing

/// The dialect's node-keyed table must behave as a dictionary would.
@Suite struct NodeMapTests {
    /// Addresses spaced like allocations, never dereferenced.
    private static func node(_ index: Int, spacing: Int = 112) -> OpaquePointer {
        guard let pointer = OpaquePointer(bitPattern: 0x10_0000 + index * spacing) else { preconditionFailure("a non-zero address") }
        return pointer
    }

    @Test("stores, finds, changes in place and lists what a dictionary would", arguments: [16, 112, 4096])
    func agreesWithDictionary(spacing: Int) {
        var map = NodeMap<String>()
        var model: [Int: String] = [:]
        #expect(map.isEmpty)
        #expect(map[Self.node(1, spacing: spacing)] == nil)
        for index in 0..<3_000 {
            map[Self.node(index, spacing: spacing)] = "v\(index)"
            model[index] = "v\(index)"
        }
        for index in stride(from: 0, to: 3_000, by: 7) {
            map[Self.node(index, spacing: spacing), default: ""] += "+"
            model[index, default: ""] += "+"
        }
        for index in stride(from: 3_000, to: 3_100, by: 3) {
            map[Self.node(index, spacing: spacing), default: "new"] += "!"
            model[index, default: "new"] += "!"
        }
        #expect(!map.isEmpty)
        for index in 0..<3_200 {
            #expect(map[Self.node(index, spacing: spacing)] == model[index])
        }
        let listed = Dictionary(uniqueKeysWithValues: map.map { (Int(bitPattern: UnsafeRawPointer($0.key)), $0.value) })
        #expect(listed == Dictionary(uniqueKeysWithValues: model.map { (0x10_0000 + $0.key * spacing, $0.value) }))
    }

    @Test("lists its entries in the order they were first made, across growth")
    func insertionOrder() {
        var map = NodeMap<Int>()
        let order = (0..<200).map { ($0 * 73) % 200 }
        for index in order { map[Self.node(index)] = index }
        map[Self.node(order[5])] = nil
        map[Self.node(order[0])] = -1
        #expect(map.map(\.value) == [-1] + order[1...].filter { $0 != order[5] })
    }

    @Test("a value set to nil is gone, and the table is empty again")
    func clearing() {
        var map = NodeMap<Int>()
        map[Self.node(5)] = 1
        map[Self.node(5)] = nil
        map[Self.node(6)] = nil
        #expect(map[Self.node(5)] == nil)
        #expect(map.isEmpty)
        #expect(Array(map).isEmpty)
    }

    @Test("a set holds what was inserted and nothing else")
    func set() {
        var set = NodeSet()
        for index in stride(from: 0, to: 500, by: 2) { set.insert(Self.node(index)) }
        #expect((0..<500).filter { set.contains(Self.node($0)) } == Array(stride(from: 0, to: 500, by: 2)))
    }
}

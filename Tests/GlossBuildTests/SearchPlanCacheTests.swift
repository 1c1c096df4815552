import Foundation
import Testing
@testable import GlossBuild

@Suite struct SearchPlanCacheTests {
    func sample() -> SearchPlanCache {
        SearchPlanCache(
            seed: 42, paths: ["a.md", "b.md", "c.md"], digests: [1, 2, 3],
            locations: [BodyLocation(pack: PackID(number: 7), offset: 10, length: 20, checksum: 1), nil, nil],
            shardPositions: ["tax": [0, 2], "quo": [1]], shardKeys: ["tax": 99, "quo": 100], shardLayouts: ["tax": [3, 1]]
        )
    }

    @Test("the search plan kept in the cache reads back as written")
    func roundTrip() throws {
        let temp = try TemporaryDirectory()
        let path = temp.path + "/cache/search"
        #expect(sample().write(path: path))
        #expect(SearchPlanCache.read(path: path) == sample())
    }

    @Test("a damaged or inconsistent search plan is not read at all")
    func damaged() throws {
        let temp = try TemporaryDirectory()
        let path = temp.path + "/search"
        #expect(sample().write(path: path))
        let whole = try #require(FileManager.default.contents(atPath: path))
        // Any byte changed.
        for offset in [whole.count / 2, whole.count - 1] {
            var bytes = whole
            bytes[offset] ^= 0x40
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(SearchPlanCache.read(path: path) == nil)
        }
        // Cut short.
        try whole.prefix(whole.count - 5).write(to: URL(fileURLWithPath: path))
        #expect(SearchPlanCache.read(path: path) == nil)
        // Framed well, but a shard names a place past the last transcript.
        var wrong = sample()
        wrong.shardPositions["tax"] = [0, 3]
        #expect(wrong.write(path: path))
        #expect(SearchPlanCache.read(path: path) == nil)
        // Or no place at all.
        wrong = sample()
        wrong.shardPositions["quo"] = []
        #expect(wrong.write(path: path))
        #expect(SearchPlanCache.read(path: path) == nil)
        #expect(SearchPlanCache.read(path: temp.path + "/missing") == nil)
    }
}

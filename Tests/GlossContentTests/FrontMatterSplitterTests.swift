import GlossContent
import Testing

@Suite struct FrontMatterSplitterTests {
    @Test func splitsFrontMatterFromBodyWithTheLinesEachStartsOn() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\ndate: 2025-02-12\n---\nBody\n").get()
        #expect(split.yaml == "title: A\ndate: 2025-02-12\n")
        #expect(split.yamlFirstLine == 2)
        #expect(split.body == "Body\n")
        #expect(split.bodyFirstLine == 5)
    }

    @Test func aFileWithoutAnOpeningFenceHasNoFrontMatter() throws {
        let split = try FrontMatterSplitter.split("title: A\n---\nBody\n").get()
        #expect(split.yaml == nil)
        #expect(split.body == "title: A\n---\nBody\n")
        #expect(split.bodyFirstLine == 1)
    }

    @Test func anOpeningFenceMustBeTheVeryFirstLine() throws {
        let split = try FrontMatterSplitter.split("\n---\ntitle: A\n---\n").get()
        #expect(split.yaml == nil)
    }

    @Test func aThematicBreakInTheBodyIsBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n---\nOne\n\n---\n\nTwo\n").get()
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "One\n\n---\n\nTwo\n")
    }

    @Test func fencesMayHaveTrailingSpacesAndTheCloseMayBeDots() throws {
        let split = try FrontMatterSplitter.split("---  \ntitle: A\n... \t\nBody").get()
        #expect(split.yaml == "title: A\n")
        #expect(split.body == "Body")
    }

    @Test func aFenceWithTextAfterItIsNotAFence() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n--- b\n----\n---\nBody\n").get()
        #expect(split.yaml == "title: A\n--- b\n----\n")
        #expect(split.bodyFirstLine == 6)
    }

    @Test func aClosingFenceOnTheLastLineLeavesAnEmptyBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: A\n---").get()
        #expect(split.body == "")
        #expect(split.bodyFirstLine == 4)
    }

    @Test func emptyFrontMatterIsEmptyYAML() throws {
        let split = try FrontMatterSplitter.split("---\n---\nBody\n").get()
        #expect(split.yaml == "")
        #expect(split.bodyFirstLine == 3)
    }

    @Test func anOpeningFenceWithoutAClosingOneIsUnterminated() {
        #expect(throws: FrontMatterSplitter.UnterminatedFrontMatter(line: 1)) {
            try FrontMatterSplitter.split("---\ntitle: A\n\nBody\n").get()
        }
        #expect(throws: FrontMatterSplitter.UnterminatedFrontMatter(line: 1)) {
            try FrontMatterSplitter.split("---").get()
        }
    }
}

import Foundation
import Testing
@testable import GlossBuild

@Suite struct OutputDirectoryPolicyTests {
    let policy = OutputDirectoryPolicy(homeDirectory: "/home/editor")

    func refusal(_ output: String, in temp: TemporaryDirectory) -> String? {
        policy.refusal(
            output: temp.path + "/" + output, displayPath: output,
            protected: [(temp.path + "/Content", "Content"), (temp.path + "/Templates", "Templates")]
        )
    }

    @Test func anOrdinaryOutputDirectoryIsAccepted() throws {
        let temp = try TemporaryDirectory()
        try temp.write("", to: "Content/site.yaml")
        #expect(refusal("Public", in: temp) == nil)
    }

    @Test func theRootIsRefused() {
        #expect(policy.refusal(output: "/", displayPath: "/", protected: [])?.contains("root of the file system") == true)
        #expect(policy.refusal(output: "/tmp/..", displayPath: "/tmp/..", protected: []) != nil)
    }

    @Test func theHomeDirectoryIsRefused() {
        #expect(policy.refusal(output: "/home/editor/", displayPath: "~", protected: [])?.contains("home directory") == true)
    }

    @Test func theContentDirectoryItsParentsAndChildrenAreRefused() throws {
        let temp = try TemporaryDirectory()
        try temp.write("", to: "Content/site.yaml")
        #expect(refusal("Content", in: temp)?.contains("is the Content directory") == true)
        #expect(refusal(".", in: temp)?.contains("contains \"Content\"") == true)
        #expect(refusal("Content/out", in: temp)?.contains("inside \"Content\"") == true)
        #expect(refusal("Public/../Templates", in: temp)?.contains("Templates") == true)
    }

    @Test func aSymbolicLinkToTheContentIsSeenThrough() throws {
        let temp = try TemporaryDirectory()
        try temp.write("", to: "Content/site.yaml")
        try FileManager.default.createSymbolicLink(atPath: temp.path + "/Public", withDestinationPath: temp.path + "/Content")
        #expect(refusal("Public", in: temp) != nil)
    }

    @Test func aForeignNonEmptyDirectoryIsRefusedButGlossOutputIsNot() throws {
        let temp = try TemporaryDirectory()
        try temp.write("my notes", to: "Public/notes.txt")
        #expect(refusal("Public", in: temp)?.contains("not written by Gloss") == true)
        try temp.write("", to: "Public/.gloss-output")
        #expect(refusal("Public", in: temp) == nil)
    }

    @Test func anEmptyExistingDirectoryIsAccepted() throws {
        let temp = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: temp.path + "/Public", withIntermediateDirectories: true)
        #expect(refusal("Public", in: temp) == nil)
    }
}

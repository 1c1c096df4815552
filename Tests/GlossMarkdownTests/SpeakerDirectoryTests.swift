import Testing
@testable import GlossMarkdown

/// Labels are normalized on their bytes when they are ASCII; the result must
/// be what the general rule (lowercased, split at whitespace, one trailing
/// period per word dropped, empty words dropped) gives.
@Suite struct SpeakerDirectoryTests {
    static func reference(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0.isWhitespace }).map { word in
            word.hasSuffix(".") ? String(word.dropLast()) : String(word)
        }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test(arguments: [
        "MR. NIXON", "Mr.  Nixon.", "  Pete   Hegseth ", "HEGSETH", "Q", ". .", "A..", "Dr.\tJ.\nDoe.",
        "", " ", "Sen. O'Brien", "JACKSON-LEE", "x.y.", "\u{0B}Ms.\u{0C}Smith\r\n", "...", "a . b",
        "Björn Åkesson", "SECRETARY\u{00A0}HEGSETH", "Ms.\u{2003}Ruiz.",
    ])
    func normalizedMatchesTheGeneralRule(label: String) {
        #expect(SpeakerDirectory.normalized(label) == Self.reference(label))
    }

    @Test func aLabelFindsItsSpeakerByHonorificAndSurname() {
        let directory = SpeakerDirectory([
            DeclaredSpeaker(id: "nixon", name: "Richard Nixon", aliases: ["THE PRESIDENT"], role: nil),
        ])
        #expect(directory.speaker(for: "MR. NIXON") == 0)
        #expect(directory.speaker(for: "The  President.") == 0)
        #expect(directory.speaker(for: "NIXON") == 0)
        #expect(directory.speaker(for: "MR. FORD") == nil)
    }
}

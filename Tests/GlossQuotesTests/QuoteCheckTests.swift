import GlossModel
import GlossQuotes
import Testing

/// Passages from the Secretary's remarks to the contact group, and one from
/// another speaker, as the site would hold them.
let speech = QuoteSource(
    id: "2025/hegseth-ukraine-defense-contact-group",
    date: CalendarDate(year: 2025, month: 2, day: 12),
    speakerIDs: ["hegseth"],
    passages: [
        SourcePassage(id: "p-1", speakerID: "hegseth", text: "We are at, as you said, Mr. Secretary, a critical moment. As the war approaches its third anniversary, our message is clear. The bloodshed must stop and this war must end."),
        SourcePassage(id: "p-2", speakerID: "hegseth", text: "We will only end this devastating war and establish a durable peace by coupling allied strength with a realistic assessment of the battlefield. We want, like you, a sovereign and prosperous Ukraine. But we must start by recognizing that returning to Ukraine’s pre-2014 borders is an unrealistic objective."),
        SourcePassage(id: "p-3", speakerID: "hegseth", text: "Chasing this illusionary goal will only prolong the war and cause more suffering. A durable peace for Ukraine must include robust security guarantees to ensure that the war will not begin again."),
        SourcePassage(id: "p-4", speakerID: "hegseth", text: "And now you’re seeing the power of allied unity when it is matched by resolve."),
    ]
)
let briefing = QuoteSource(
    id: "2026/briefing",
    date: CalendarDate(year: 2026, month: 1, day: 15),
    speakerIDs: ["spokesperson"],
    passages: [
        SourcePassage(id: "p-a", speakerID: "spokesperson", text: "Chasing this illusionary goal will only prolong the war, and nobody here wants that outcome for the region."),
    ]
)

@Suite struct QuoteCheckTests {
    let checker = QuoteChecker(library: QuoteLibrary(sources: [speech, briefing]))

    @Test func verbatimLinksTheSmallestPassageRange() {
        let result = checker.check("We want, like you, a sovereign and prosperous Ukraine. But we must start by recognizing that returning to Ukraine's pre‑2014 borders is an unrealistic objective", speaker: "hegseth")
        #expect(result.verdict == .verbatim)
        #expect(result.match?.passageIDs == ["p-2"])
        #expect(result.match?.text.hasPrefix("We want, like you") == true)
        // Across two paragraphs: both, and only both.
        let across = checker.check("an unrealistic objective. Chasing this illusionary goal will only prolong the war", speaker: "hegseth")
        #expect(across.verdict == .verbatim)
        #expect(across.match?.passageIDs == ["p-2", "p-3"])
    }

    @Test func normalizationIgnoresCaseMarksDashesAndLineBreaks() {
        let result = checker.check("THE BLOODSHED MUST STOP\nand this war\u{00A0}must end.")
        #expect(result.verdict == .verbatim)
        #expect(result.match?.passageIDs == ["p-1"])
    }

    @Test func ellipsisMatchesAnyOmittedSpan() {
        for ellipsis in ["…", "...", ". . ."] {
            let result = checker.check("We will only end this devastating war \(ellipsis) returning to Ukraine’s pre-2014 borders is an unrealistic objective", speaker: "hegseth")
            #expect(result.verdict == .verbatim, "\(ellipsis)")
        }
    }

    @Test func bracketedInsertionMatchesAShortReplacedSpan() {
        let result = checker.check("[The Secretary] must start by recognizing that returning to Ukraine’s pre-2014 borders is an unrealistic objective")
        #expect(result.verdict == .verbatim)
        let sic = checker.check("Chasing this illusionary [sic] goal will only prolong the war")
        #expect(sic.verdict == .verbatim)
    }

    @Test func trimmedShowsWhatWasLeftOut() {
        let result = checker.check("A durable peace for Ukraine must include robust security guarantees", speaker: "hegseth")
        #expect(result.verdict == .verbatim)
        let inside = checker.check("We will only end this devastating war by coupling allied strength with a realistic assessment of the battlefield", speaker: "hegseth")
        #expect(inside.verdict == .trimmed(omitted: ["and establish a durable peace"]))
        // A capital that claims a sentence start the speech does not have.
        let start = checker.check("You’re seeing the power of allied unity when it is matched by resolve.", speaker: "hegseth")
        #expect(start.verdict == .trimmed(omitted: ["And now"]))
    }

    @Test func alteredSetsTheTranscriptsWordsBesideTheQuote() {
        let result = checker.check("Chasing this illusory goal will only prolong the war and cause more suffering", speaker: "hegseth")
        #expect(result.verdict == .altered(changes: [WordChange(said: "illusionary", quoted: "illusory")]))
        #expect(result.match?.passageIDs == ["p-3"])
        let added = checker.check("The bloodshed must stop right now and this war must end", speaker: "hegseth")
        #expect(added.verdict == .altered(changes: [WordChange(said: "", quoted: "right now")]))
    }

    @Test func inventedQuotesAreNotFoundAndNothingIsGuessed() {
        let result = checker.check("Europe will never again depend on American soldiers for its defence and prosperity", speaker: "hegseth")
        #expect(result.verdict == .notFound)
        #expect(result.match == nil)
        #expect(result.similarity < QuoteChecker.minimumSimilarity)
        // Half the words right is still not found.
        let half = checker.check("We want, like you, a strong Europe that pays for its own armies and navies")
        #expect(half.verdict == .notFound)
        // The near miss is measured, to say how near.
        #expect(half.coverage > 0 && half.coverage < QuoteChecker.minimumCoverage)
    }

    @Test func onlyTheCreditedSpeakersPassagesCount() {
        // The spokesperson said these words too, but only the Secretary is credited.
        let quote = "Chasing this illusionary goal will only prolong the war, and nobody here wants that outcome"
        #expect(checker.check(quote, speaker: "spokesperson").verdict == .verbatim)
        let credited = checker.check(quote, speaker: "hegseth")
        #expect(credited.verdict != .verbatim)
        #expect(credited.match?.sourceID != "2026/briefing")
        // Unknown speakers see no passages at all.
        #expect(checker.check(quote, speaker: "nobody").verdict == .notFound)
    }

    @Test func earlierTranscriptsArePreferredOnATie() {
        let early = QuoteSource(id: "early", date: CalendarDate(year: 2020, month: 1, day: 1), passages: [SourcePassage(id: "p-e", text: "Peace through strength is the only policy that has ever worked for us.")])
        let late = QuoteSource(id: "late", date: CalendarDate(year: 2024, month: 1, day: 1), passages: [SourcePassage(id: "p-l", text: "Peace through strength is the only policy that has ever worked for us.")])
        let checker = QuoteChecker(library: QuoteLibrary(sources: [late, early]))
        let quote = "Peace through strength is the only policy that has ever worked"
        #expect(checker.check(quote, date: CalendarDate(year: 2021, month: 6, day: 1)).match?.sourceID == "early")
        #expect(checker.check(quote, date: CalendarDate(year: 2025, month: 6, day: 1)).match != nil)
        // The quoting page itself is never its own source.
        #expect(checker.check(quote, excluding: "early").match?.sourceID == "late")
    }

    @Test func candidatesAreFoundByWordOrderWhenEveryTranscriptHasEveryWord() {
        // Forty transcripts of the same twelve words, each in another order;
        // only one holds them in the order quoted.
        let words = ["peace", "through", "strength", "allies", "must", "carry", "the", "burden", "of", "their", "own", "defence"]
        var generator = QuoteEvaluationTests.Generator(state: 7)
        var sources: [QuoteSource] = []
        for index in 0 ..< 40 {
            var shuffled = words
            shuffled.shuffle(using: &generator)
            sources.append(QuoteSource(id: "s\(index)", passages: [SourcePassage(id: "p", text: (shuffled + shuffled.reversed()).joined(separator: " "))]))
        }
        sources.insert(QuoteSource(id: "said", passages: [SourcePassage(id: "p-said", text: "So allies must carry the burden of their own defence, and peace through strength.")]), at: 23)
        let checker = QuoteChecker(library: QuoteLibrary(sources: sources))
        let result = checker.check("allies must carry the burden of their own defence")
        #expect(result.verdict == .verbatim)
        #expect(result.match?.sourceID == "said")
    }

    @Test("a check against the best candidate, then the others, merges into the check against all of them")
    func mergedChecksEqualOneCheck() {
        let other = QuoteSource(id: "2025/later", date: CalendarDate(year: 2025, month: 3, day: 1), speakerIDs: ["hegseth"], passages: [
            SourcePassage(id: "p-x", speakerID: "hegseth", text: "The bloodshed must stop and this terrible war must end, I said then."),
            SourcePassage(id: "p-y", speakerID: "hegseth", text: "Chasing this illusory goal will only prolong the war and cause more suffering."),
        ])
        let checker = QuoteChecker(library: QuoteLibrary(sources: [speech, briefing, other], filters: false))
        let quotations = [
            "The bloodshed must stop and this war must end.",
            "the bloodshed must stop and this terrible war must end",
            "Chasing this illusory goal will only prolong the war",
            "We want, like you, a sovereign Ukraine.",
            "Nothing of this sentence was ever said by anyone here at all.",
        ]
        let orders = [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1]]
        let date = CalendarDate(year: 2025, month: 2, day: 20)
        for text in quotations {
            for order in orders {
                let whole = checker.check(text, speakers: nil, date: date, candidates: order)
                let first = checker.check(text, speakers: nil, date: date, candidates: Array(order.prefix(1)))
                let rest = checker.check(text, speakers: nil, date: date, candidates: Array(order.dropFirst()))
                let merged = QuoteChecker.merged(first, rest, date: date) { checker.library.sources[$0].date }
                #expect(merged == whole, "\(text) \(order)")
            }
        }
        // Not every case is the first candidate's: the merge has work to do.
        let picked = quotations.map { checker.check($0, speakers: nil, date: date, candidates: [2, 0, 1]).match?.sourceIndex }
        #expect(picked.contains(0) && picked.contains(2))
    }
}

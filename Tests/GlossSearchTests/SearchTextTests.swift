import GlossSearch
import Testing

@Suite struct SearchTextTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(SearchText.words("Björn BJORN Zoë café") == ["bjorn", "bjorn", "zoe", "cafe"])
        #expect(SearchText.words("Ångström") == ["angstrom"])
        // Decomposed input folds the same as composed.
        #expect(SearchText.words("Bjo\u{308}rn") == ["bjorn"])
    }

    @Test func cutsWordsAtPunctuationAndKeepsNumbers() {
        #expect(SearchText.words("pre-2014, it's $100 billion.") == ["pre", "2014", "it", "s", "100", "billion"])
        #expect(SearchText.words("1,000,000 and 3.5% in 2019.") == ["1000000", "and", "35", "in", "2019"])
        #expect(SearchText.words("end. 5 a.m.") == ["end", "5", "a", "m"])
        #expect(SearchText.words("") == [])
        #expect(SearchText.words("— … !!") == [])
    }

    @Test func stemsPluralsAndInflections() {
        #expect(SearchText.stem("taxes") == "tax")
        #expect(SearchText.stem("studies") == SearchText.stem("study"))
        #expect(SearchText.stem("churches") == "church")
        #expect(SearchText.stem("cats") == "cat")
        #expect(SearchText.stem("running") == SearchText.stem("run"))
        #expect(SearchText.stem("stopped") == "stop")
        #expect(SearchText.stem("making") == SearchText.stem("make"))
        #expect(SearchText.stem("makes") == SearchText.stem("make"))
        #expect(SearchText.stem("governments") == SearchText.stem("government"))
        #expect(SearchText.stem("voted") == SearchText.stem("vote"))
        // Left alone: short words, "-ss", "-us", "-is", numbers, non-ASCII.
        #expect(SearchText.stem("bus") == "bus")
        #expect(SearchText.stem("class") == "class")
        #expect(SearchText.stem("status") == "status")
        #expect(SearchText.stem("analysis") == "analysis")
        #expect(SearchText.stem("2014s") == "2014s")
        #expect(SearchText.stem("straße") == "straße")
    }

    @Test func termsLeaveOutStopWords() {
        #expect(SearchText.terms("The taxes of the people") == ["tax", "people"].map(SearchText.stem))
    }

    @Test func fieldTermsJoinFoldedWords() {
        #expect(SearchText.fieldTerm("t", "Foreign Policy") == "t:foreign-policy")
        #expect(SearchText.fieldTerm("s", "Müller") == "s:muller")
        #expect(SearchText.fieldTerm("y", "2014") == "y:2014")
    }

    @Test func shardNamesUseThreeSafeBytes() {
        #expect(SearchText.shardName("government") == "gov")
        #expect(SearchText.shardName("us") == "us_")
        #expect(SearchText.shardName("s:obama") == "s_o")
        #expect(SearchText.shardName("straße") == "str")
        #expect(SearchText.shardName("ßa") == "__a")
    }
}

@Suite struct SearchIndexTests {
    let passages = [
        SearchPassage(id: "p-1", speakerID: "obama", seconds: 12.7, text: "Taxes and more taxes."),
        SearchPassage(id: "p-2", speakerID: "romney", seconds: nil, text: "We cut taxes; \"growth\" followed."),
    ]

    func lines(_ summary: [UInt8]) -> [String] {
        String(decoding: summary, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func summaryCountsTermsPerPassageAndTitle() {
        let summary = SearchIndex.summary(passages: passages, title: "Tax Debate", fields: ["k:debate", "y:2012"])
        let all = lines(summary)
        #expect(all.contains("tax\t0,1.2,2"))
        #expect(all.contains("s:obama\t1"))
        #expect(all.contains("s:romney\t2"))
        #expect(all.contains("k:debate\t0"))
        #expect(all.contains("debat\t0"))
        #expect(!all.contains { $0.hasPrefix("and\t") })
        // Sorted by shard, then term.
        let keys = all.map { line -> String in
            let term = String(line.split(separator: "\t")[0])
            return SearchText.shardName(term) + " " + term
        }
        #expect(keys == keys.sorted())
    }

    @Test func changedShardsAreThoseWhoseLinesDiffer() {
        let before = SearchIndex.summary(passages: passages, title: "Tax Debate", fields: ["k:debate"])
        var edited = passages
        edited[1].text += " Quokkas grow."
        let after = SearchIndex.summary(passages: edited, title: "Tax Debate", fields: ["k:debate"])
        let changed = SearchIndex.changedShards(from: before, to: after)
        // The new words' shards, present now; no shard whose lines are the same.
        #expect(changed.map(\.name).sorted() == ["gro", "quo"])
        #expect(changed.allSatisfy { $0.present })
        let back = SearchIndex.changedShards(from: after, to: before)
        #expect(back.map(\.name).sorted() == ["gro", "quo"])
        // `growth` keeps the shard `gro` in the summary without the new words.
        #expect(back.first { $0.name == "quo" }?.present == false)
        #expect(back.first { $0.name == "gro" }?.present == true)
        #expect(SearchIndex.changedShards(from: before, to: before).isEmpty)
        // The chunks of one pass are the binary search's chunks.
        for (name, lines) in SearchIndex.chunks(of: after) {
            #expect(lines == SearchIndex.chunk(of: after, shard: name))
        }
        #expect(SearchIndex.chunks(of: after).map(\.name) == SearchIndex.shardNames(of: after))
    }

    @Test func chunksAreTheLinesOfOneShard() {
        let summary = SearchIndex.summary(passages: passages, title: "Tax taxation taxi", fields: ["k:debate"])
        let names = SearchIndex.shardNames(of: summary)
        #expect(names == names.sorted())
        #expect(Set(names) == Set(lines(summary).map { SearchText.shardName(String($0.split(separator: "\t")[0])) }))
        var rebuilt: [UInt8] = []
        for name in names {
            let chunk = SearchIndex.chunk(of: summary, shard: name)
            #expect(!chunk.isEmpty)
            for line in lines(Array(chunk)) {
                #expect(SearchText.shardName(String(line.split(separator: "\t")[0])) == name)
            }
            rebuilt += chunk
        }
        #expect(rebuilt == summary)
        #expect(SearchIndex.chunk(of: summary, shard: "zzz").isEmpty)
        #expect(SearchIndex.chunk(of: [], shard: "tax").isEmpty)
    }

    @Test func shardFileIsAScriptCallWithEscapedStrings() {
        let body = SearchIndex.shardBody([(3, ArraySlice(Array("tax\t1\n".utf8))), (7, []), (9, ArraySlice(Array("taxi\t0\n".utf8)))])
        #expect(String(decoding: body, as: UTF8.self) == "@3\ntax\t1\n@9\ntaxi\t0\n")
        let file = String(decoding: SearchIndex.shardFile(name: "tax", body: body), as: UTF8.self)
        #expect(file == "GlossSearch.shard(\"tax\",\"@3\\ntax\\t1\\n@9\\ntaxi\\t0\\n\");\n")
    }

    @Test func jsonStringsCannotCloseAScript() {
        let escaped = String(decoding: SearchIndex.jsonString("a\"b\\c</script>\u{2028}\u{1}"), as: UTF8.self)
        #expect(escaped == "\"a\\\"b\\\\c\\u003c/script>\\u2028\\u0001\"")
    }

    @Test func transcriptFileHoldsPassagesAndSpeakers() {
        let info = SearchIndex.TranscriptInfo(
            url: "../debate/", title: "Debate", date: "2012-10-03", kind: nil,
            speakers: [(id: "obama", name: "Barack Obama", role: "President")]
        )
        let file = String(decoding: SearchIndex.transcriptFile(position: 4, info: info, passagesJSON: SearchIndex.passagesJSON(passages)), as: UTF8.self)
        #expect(file == """
        GlossSearch.doc(4,{"u":"../debate/","t":"Debate","d":"2012-10-03","k":null,"s":{"obama":["Barack Obama","President"]},\
        "p":[["p-1","obama",12,"Taxes and more taxes."],["p-2","romney",null,"We cut taxes; \\"growth\\" followed."]]});

        """)
    }

    /// What the quote check reads back of what the build keeps for search.
    @Test func passagesReadBackAsWritten() {
        let written = [
            SearchPassage(id: "p-1", speakerID: "obama", seconds: 12, text: "Taxes and more taxes."),
            SearchPassage(id: "p-2", speakerID: nil, seconds: nil, text: "A \"quote\", a line\nbreak, </script>, \u{2028}, é and 𝄞."),
        ]
        #expect(SearchIndex.passages(fromJSON: SearchIndex.passagesJSON(written)) == written)
        #expect(SearchIndex.passages(fromJSON: SearchIndex.passagesJSON([])) == [])
        #expect(SearchIndex.passages(fromJSON: Array("[[\"p-1\",null,x,\"text\"]]".utf8)) == nil)
        #expect(SearchIndex.passages(fromJSON: Array("[[\"p-1\",null,3,\"unclosed".utf8)) == nil)
    }

    @Test func metaNamesTheShards() {
        #expect(String(decoding: SearchIndex.metaFile(transcripts: 2, shards: ["gov", "tax"]), as: UTF8.self)
            == "GlossSearch.meta({\"n\":2,\"shards\":\"gov tax\"});\n")
    }
}

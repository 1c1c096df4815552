import CZlib
import Foundation
@testable import GlossSearch
import Testing

/// The text of a packed string (`"BASE64"` of raw deflate), read with
/// Foundation's base64 and zlib's inflate, not with the build's own code.
func unpacked(_ literal: some StringProtocol) throws -> String {
    #expect(literal.hasPrefix("\"") && literal.hasSuffix("\""))
    let base64 = String(literal.dropFirst().dropLast())
    let data = try #require(Data(base64Encoded: base64))
    var stream = z_stream()
    try #require(inflateInit2_(&stream, -15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK)
    defer { inflateEnd(&stream) }
    var input = [UInt8](data), output: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    var status: Int32 = Z_OK
    input.withUnsafeMutableBufferPointer { inBuffer in
        stream.next_in = inBuffer.baseAddress
        stream.avail_in = uInt(inBuffer.count)
        while status == Z_OK {
            buffer.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                status = inflate(&stream, Z_NO_FLUSH)
                output += outBuffer[0 ..< outBuffer.count - Int(stream.avail_out)]
            }
        }
    }
    try #require(status == Z_STREAM_END && stream.avail_in == 0)
    return String(decoding: output, as: UTF8.self)
}

/// A file `PREFIX"PACKED");` split into its prefix and its packed string's text.
func unpackedFile(_ file: [UInt8]) throws -> (prefix: String, text: String) {
    let text = String(decoding: file, as: UTF8.self)
    try #require(text.hasSuffix(");\n"))
    let quote = try #require(text.dropLast(3).lastIndex(of: ",")).utf16Offset(in: text) + 1
    let prefix = String(text.prefix(quote))
    return (prefix, try unpacked(text.dropFirst(quote).dropLast(3)))
}

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

    @Test func shardFileIsAScriptCallWithAPackedString() throws {
        let body = SearchIndex.shardBody([(3, ArraySlice(Array("tax\t1\n".utf8))), (7, []), (9, ArraySlice(Array("taxi\t0\n".utf8)))])
        #expect(String(decoding: body, as: UTF8.self) == "@3\ntax\t1\n@9\ntaxi\t0\n")
        let file = try unpackedFile(SearchIndex.shardFile(name: "tax", body: body))
        #expect(file.prefix == "GlossSearch.shard(\"tax\",")
        #expect(file.text == "@3\ntax\t1\n@9\ntaxi\t0\n")
    }

    /// Packed strings inflate back to their bytes, whatever the length and
    /// bytes, and the same bytes pack the same way (the build is reproducible).
    @Test func packedStringsInflateBackAndAreStable() throws {
        var inputs: [[UInt8]] = [[], [0x41], [0x41, 0x42], [0x41, 0x42, 0x43], Array("é \"𝄞\"\n".utf8)]
        var state: UInt32 = 12345
        for length in [100, 511, 512, 513, 4096, 40000, 70000] {
            // Text-like bytes (a small alphabet), then every byte value.
            inputs.append((0 ..< length).map { _ in
                state = state &* 1_103_515_245 &+ 12345
                return Array("abc de\n".utf8)[Int(state >> 16) % 7]
            })
            inputs.append((0 ..< length).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        }
        for input in inputs {
            let packed = SearchIndex.packedString(input)
            let literal = String(decoding: packed, as: UTF8.self)
            #expect(try unpacked(literal) == String(decoding: input, as: UTF8.self))
            #expect(SearchIndex.packedString(input) == packed)
            // base64 only: nothing to escape in a script.
            #expect(literal.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) })
        }
    }

    /// What the index falls back to when zlib cannot start: stored blocks,
    /// which zlib's inflate reads back, across the 65,535-byte block limit.
    @Test(arguments: [0, 1, 65_535, 65_536, 140_000])
    func storedDeflateInflatesBack(length: Int) throws {
        let input = (0 ..< length).map { UInt8(ascii: "a") + UInt8($0 % 26) }
        let literal = "\"" + Data(SearchIndex.storedDeflate(input)).base64EncodedString() + "\""
        #expect(try unpacked(literal) == String(decoding: input, as: UTF8.self))
    }

    @Test func jsonStringsCannotCloseAScript() {
        let escaped = String(decoding: SearchIndex.jsonString("a\"b\\c</script>\u{2028}\u{1}"), as: UTF8.self)
        #expect(escaped == "\"a\\\"b\\\\c\\u003c/script>\\u2028\\u0001\"")
    }

    @Test func transcriptFileHoldsSpeakersAndChunksPassages() throws {
        let info = SearchIndex.TranscriptInfo(
            url: "../debate/", title: "Debate", date: "2012-10-03", kind: nil,
            speakers: [(id: "obama", name: "Barack Obama", role: "President")]
        )
        let files = SearchIndex.transcriptFiles(position: 4, info: info, passagesJSON: SearchIndex.passagesJSON(passages))
        #expect(files.count == 2)
        #expect(String(decoding: files[0], as: UTF8.self) == """
            GlossSearch.doc(4,{"u":"../debate/","t":"Debate","d":"2012-10-03","k":null,"s":{"obama":["Barack Obama","President"]},"c":[1]});

            """)
        let chunk = try unpackedFile(files[1])
        #expect(chunk.prefix == "GlossSearch.text(4,0,")
        #expect(chunk.text == """
            [["p-1","obama",12,"Taxes and more taxes."],["p-2","romney",null,"We cut taxes; \\"growth\\" followed."]]
            """)
    }

    /// Many passages, one of them long: as many chunks as the length says,
    /// each passage once, in order, where the head says its chunk starts.
    @Test func chunksFollowTheLengthOfThePassages() throws {
        var many: [SearchPassage] = []
        for index in 1 ... 30 {
            let text = index == 12 ? String(repeating: "A long passage. ", count: 800) : "Passage \(index) says a few words about the budget."
            many.append(SearchPassage(id: "p-\(index)", speakerID: "hale", seconds: Double(index), text: text))
        }
        let json = SearchIndex.passagesJSON(many)
        let info = SearchIndex.TranscriptInfo(url: "../t/", title: "T", date: nil, kind: nil, speakers: [])
        let files = SearchIndex.transcriptFiles(position: 0, info: info, passagesJSON: json)
        let count = SearchIndex.chunkCount(passagesBytes: json.count)
        #expect(count == (json.count + SearchIndex.chunkBytes - 1) / SearchIndex.chunkBytes && count >= 4)
        #expect(files.count == count + 1)
        let head = String(decoding: files[0], as: UTF8.self)
        let starts = try #require(head.split(separator: "\"c\":[").last?.split(separator: "]").first)
            .split(separator: ",").compactMap { Int($0) }
        #expect(starts.count == count && starts.first == 1 && starts == starts.sorted())
        var read: [SearchPassage] = []
        var empty = 0
        for (chunk, file) in files.dropFirst().enumerated() {
            let unpacked = try unpackedFile(file)
            #expect(unpacked.prefix == "GlossSearch.text(0,\(chunk),")
            let array = Array(unpacked.text.utf8)
            let passages = try #require(SearchIndex.passages(fromJSON: array))
            if passages.isEmpty { empty += 1 } else { #expect(starts[chunk] == read.count + 1) }
            read += passages
        }
        #expect(read == many)
        // The long passage spans chunks it leaves empty.
        #expect(empty > 0)
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

    /// A shard with a term of many postings: the term's postings leave the
    /// shard's file for parts, best transcripts first, and its head line
    /// says how many transcripts and passages it has and where each part starts.
    @Test func bigTermsGoToPartsBestFirst() throws {
        var chunks: [(position: Int, lines: ArraySlice<UInt8>)] = []
        for position in 0 ..< 900 {
            // The best count varies with the place; every fifth has the word in its title.
            let count = 1 + position % 4
            var lines = "tax\t" + (position % 5 == 0 ? "0," : "") + "3,\(10 + position % 7)" + (count > 1 ? ".\(count)" : "") + "\n"
            if position % 300 == 0 { lines += "taxi\t2\n" }
            chunks.append((position, ArraySlice(Array(lines.utf8))))
        }
        let body = SearchIndex.shardBody(chunks)
        let layout = SearchIndex.layout(ofShardBody: body)
        #expect(layout.count == 1 && layout[0] > 1)
        let files = SearchIndex.shardFiles(name: "tax", body: body)
        #expect(files.map(\.name) == SearchIndex.shardFileNames(name: "tax", layout: layout))
        func argument(_ file: [UInt8]) throws -> String { try unpackedFile(file).text }
        let main = try argument(files[0].bytes)
        let head = try #require(main.split(separator: "\n").first)
        let fields = head.split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields[0] == "!tax" && fields[1] == "0" && fields[2] == "900" && fields[3] == "1800")
        // The small term stays, under its transcripts.
        #expect(main.hasSuffix("@0\ntaxi\t2\n@300\ntaxi\t2\n@600\ntaxi\t2\n"))
        #expect(!main.contains("\ntax\t"))
        var order: [(impact: Double, position: Int)] = []
        for (index, file) in files.dropFirst().enumerated() {
            #expect(file.bytes.starts(with: Array("GlossSearch.part(\"tax-0-\(index)\",".utf8)))
            let part = try argument(file.bytes)
            let lines = part.split(separator: "\n")
            // The head line gives each part's first entry: its best count, and t for the title.
            let first = lines[0].split(separator: "\t")
            let position = try #require(Int(first[0]))
            #expect(String(fields[4].split(separator: ",")[index]) == "\(1 + position % 4)" + (position % 5 == 0 ? "t" : ""))
            for line in lines {
                let position = try #require(Int(line.split(separator: "\t")[0]))
                order.append((SearchIndex.impact(maxCount: 1 + position % 4, title: position % 5 == 0), position))
            }
            // Parts grow: none but the last is under the first part's size.
            if index < files.count - 2 { #expect(part.utf8.count >= SearchIndex.firstPartBytes) }
        }
        #expect(order.count == 900)
        #expect(Set(order.map(\.position)).count == 900)
        for (a, b) in zip(order, order.dropFirst()) {
            #expect(a.impact > b.impact || (a.impact == b.impact && a.position < b.position))
        }
        // A shard of small terms is one file, as it was.
        let small = SearchIndex.shardBody(Array(chunks.prefix(3)))
        #expect(SearchIndex.layout(ofShardBody: small).isEmpty)
        #expect(SearchIndex.shardFiles(name: "tax", body: small).map(\.bytes) == [SearchIndex.shardFile(name: "tax", body: small)])
    }

    @Test func metaNamesTheShards() {
        #expect(String(decoding: SearchIndex.metaFile(transcripts: 2, shards: ["gov", "tax"]), as: UTF8.self)
            == "GlossSearch.meta({\"n\":2,\"shards\":\"gov tax\"});\n")
    }
}

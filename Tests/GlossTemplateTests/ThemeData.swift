import GlossTemplate

/// Hand-made data for every field Gloss's theme reads, with text that needs
/// escaping, declared-but-empty fields and empty lists.
enum ThemeData {
    static let date: TemplateValue = ["iso": "2025-03-14", "long": "14 March 2025"]

    static func listed(_ index: Int, place: Bool = true) -> TemplateValue {
        [
            "title": .text("Briefing \(index): \"Q&A\" <live> — ça va"),
            "url": .text("../../2025/briefing-\(index)/"),
            "date": index.isMultiple(of: 2) ? date : nil,
            "kindLabel": index.isMultiple(of: 3) ? nil : "Press conference",
            "isDraft": .bool(index == 1),
            "event": index.isMultiple(of: 4) ? nil : "Weekly 'briefing'",
            "place": place ? "Room <A>" : nil,
            "summary": index.isMultiple(of: 5) ? nil : "Questions & answers",
        ]
    }

    static let pagination: TemplateValue = [
        "hasPages": true, "number": 2, "total": 3, "previous": "../../", "next": "../3/",
    ]

    static let noPagination: TemplateValue = ["hasPages": false, "number": 1, "total": 1, "previous": nil, "next": nil]

    static let full: TemplateValue = [
        "site": ["title": "Gloss & Co <test>", "language": "en", "description": "Transcripts \"verbatim\"", "author": "O'Brien"],
        "links": [
            "home": "../../", "stylesheet": "../../assets/gloss.css", "script": "../../assets/gloss.js",
            "feed": "../../feed.xml", "speakers": "../../speakers/", "topics": "../../topics/",
        ],
        "canonicalURL": "https://example.org/2025/a?x=1&y=2",
        "transcript": [
            "title": "Hearing on <budget> & \"cuts\"", "url": "./",
            "summary": "A long 'summary' with <tags>",
            "kind": "press-conference", "kindLabel": "Press conference", "isDraft": true,
            "date": date, "event": "Senate & House", "place": "Washington, D.C.",
            "hasSpeakers": true,
            // One speaker: swift-mustache drops the partial's indentation from the
            // second iteration on (see DifferentialTests.knownDifference…).
            "speakers": [["name": "Ann <Chair>", "role": "Chair & host", "url": "../../speakers/ann/"]],
            "source": ["text": "Publisher & Sons", "publisher": nil, "url": nil, "retrieved": date],
            "hasTopics": true,
            "topics": [["name": "Air <Defense>", "url": "../../topics/air-defense/"], ["name": "Budget", "url": "../../topics/budget/"]],
            "media": ["kind": "video", "isVideo": true, "isAudio": false, "url": "https://v.example/a.mp4?t=1&u=2", "offset": 12],
            "body": .html("<p>Body with <em>markup</em> &amp; entities</p>\n<p>Second</p>"),
            "params": ["producer": "Zed"],
            "hasCitedBy": true,
            "citedBy": [
                [
                    "title": "Later <talk>", "url": "../later/", "date": date,
                    "citations": [
                        ["url": "../later/#p-3", "inAnnotation": false, "number": 3, "target": "#p-1"],
                        ["url": "../later/#n-1", "inAnnotation": true, "number": 1, "target": nil],
                    ],
                ],
            ],
            "hasRelated": true,
            "related": [["title": "Related & near", "url": "../near/", "date": nil]],
        ],
        "home": [
            "hasTranscripts": true, "transcripts": .list((0..<6).map { listed($0) }),
            "pagination": pagination, "hasArchive": true,
            "archive": [["url": "../../archive/2025/", "year": 2025, "count": 4], ["url": "../../archive/2024/", "year": 2024, "count": 1]],
        ],
        "archive": [
            "year": 2025, "hasTranscripts": true, "transcripts": .list((0..<3).map { listed($0, place: false) }),
            "years": [
                ["isCurrent": true, "url": "./", "year": 2025, "count": 3],
                ["isCurrent": false, "url": "../2024/", "year": 2024, "count": 1],
            ],
        ],
        "speaker": [
            "name": "Ann <Chair>", "role": "Chair & host",
            "turnCountLabel": "3 turns", "wordCountLabel": "1,024 words", "transcriptCountLabel": "2 transcripts",
            "hasWebLinks": true, "webLinks": [["url": "https://ann.example/?a=1&b=2", "text": "Ann's site"]],
            "hasTranscripts": true,
            "transcripts": [
                ["url": "../../2025/a/", "title": "A & B", "date": date, "kind": "press-conference", "kindLabel": "Press conference",
                 "isDraft": true, "turnCount": 3, "turnCountLabel": "3 turns", "wordCount": 1024, "wordCountLabel": "1,024 words",
                 "hasTurns": true,
                 "firstTurn": ["url": "../../2025/a/#p-1", "excerpt": "We said \"no\" <firmly>", "time": "00:01:02", "wordCount": 40]],
                ["url": "../../2024/b/", "title": "B", "date": nil, "kind": nil, "kindLabel": nil,
                 "isDraft": false, "turnCount": 1, "turnCountLabel": "1 turn", "wordCount": 2, "wordCountLabel": "2 words",
                 "hasTurns": true,
                 "firstTurn": ["url": "../../2024/b/#p-9", "excerpt": "Fine.", "time": nil, "wordCount": 2]],
                ["url": "../../2024/c/", "title": "C <named>", "date": date, "kind": nil, "kindLabel": nil,
                 "isDraft": false, "turnCount": 0, "turnCountLabel": "0 turns", "wordCount": 0, "wordCountLabel": "0 words",
                 "hasTurns": false, "firstTurn": nil],
            ],
            "pagination": pagination,
        ],
        "speakersIndex": [
            "hasSpeakers": true,
            "speakers": [
                ["url": "ann/", "name": "Ann <Chair>", "role": "Chair", "turnCountLabel": "3 turns", "transcriptCountLabel": "2 transcripts"],
                ["url": "bob/", "name": "Bob", "role": nil, "turnCountLabel": "1 turn", "transcriptCountLabel": "1 transcript"],
            ],
        ],
        "topicsIndex": [
            "hasTopics": true,
            "topics": [["url": "air-defense/", "name": "Air <Defense>", "countLabel": "2 transcripts"]],
        ],
        "topic": [
            "name": "Air <Defense>", "countLabel": "2 transcripts", "hasTranscripts": true,
            "transcripts": .list((0..<2).map { listed($0) }),
        ],
        "feed": [
            "language": "en", "id": "https://example.org/", "title": "Gloss & Co", "subtitle": "Sub <title>",
            "updated": "2025-03-14T00:00:00Z", "selfURL": "https://example.org/feed.xml", "url": "https://example.org/",
            "author": "O'Brien",
            "entries": [["url": "https://example.org/2025/a/", "title": "A & B", "updated": "2025-03-14T00:00:00Z", "summary": "S <s>"]],
        ],
        "sitemap": ["urls": [["loc": "https://example.org/"], ["loc": "https://example.org/2025/a/?x=1&y=2"]]],
        "robots": ["sitemapURL": "https://example.org/sitemap.xml?a=1&b=<2>"],
    ]

    static let sparse: TemplateValue = [
        "site": ["title": "Gloss", "language": "en", "description": nil, "author": nil],
        "links": [
            "home": "./", "stylesheet": "assets/gloss.css", "script": "assets/gloss.js",
            "feed": nil, "speakers": "speakers/", "topics": "topics/",
        ],
        "canonicalURL": nil,
        "transcript": [
            "title": "Untitled", "url": "./", "summary": nil, "kind": nil, "kindLabel": nil, "isDraft": false,
            "date": nil, "event": nil, "place": "Somewhere", "hasSpeakers": false, "speakers": [],
            "source": nil, "hasTopics": false, "topics": [], "media": ["kind": "audio", "isVideo": false, "isAudio": true, "url": "a.mp3", "offset": 0],
            "body": .html(""), "params": [:], "hasCitedBy": false, "citedBy": [], "hasRelated": false, "related": [],
        ],
        "home": ["hasTranscripts": false, "transcripts": [], "pagination": noPagination, "hasArchive": false, "archive": []],
        "archive": ["year": 2024, "hasTranscripts": false, "transcripts": [], "years": []],
        "speaker": [
            "name": "Bob", "role": nil, "turnCountLabel": "0 turns", "wordCountLabel": "0 words", "transcriptCountLabel": "0 transcripts",
            "hasWebLinks": false, "webLinks": [], "hasTranscripts": false, "transcripts": [],
            "pagination": noPagination,
        ],
        "speakersIndex": ["hasSpeakers": false, "speakers": []],
        "topicsIndex": ["hasTopics": false, "topics": []],
        "topic": ["name": "Budget", "countLabel": "0 transcripts", "hasTranscripts": false, "transcripts": []],
        "feed": [
            "language": "en", "id": "https://example.org/", "title": "Gloss", "subtitle": nil, "updated": "2025-01-01T00:00:00Z",
            "selfURL": "https://example.org/feed.xml", "url": "https://example.org/", "author": "Gloss", "entries": [],
        ],
        "sitemap": ["urls": []],
        "robots": ["sitemapURL": nil],
    ]
}

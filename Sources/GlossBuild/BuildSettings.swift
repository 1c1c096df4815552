import GlossModel

/// What a build reads and where it writes, as given on the command line.
public struct BuildSettings: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// True when the user named the templates directory, so its absence is an
    /// error rather than "use the built-in theme".
    public var templatesDirectoryRequired: Bool
    public var outputDirectory: String
    /// Overrides `base_url` from site.yaml.
    public var baseURL: String?
    /// Include drafts and transcripts dated after `today`.
    public var includeDrafts: Bool
    /// The build's notion of today, passed in so tests can fix it; nil
    /// publishes every date.
    public var today: CalendarDate?
    /// Told what the build is doing as it goes (a step's name, and for the
    /// rendering step how many files of how many): the command line draws a
    /// progress line from it. Called from several threads.
    public var progress: (@Sendable (BuildProgress) -> Void)?
    /// False for a process that ends once the build is done (the command
    /// line): what the build held is left for the exit to reclaim, instead of
    /// being freed object by object, which at 10,000 transcripts takes about
    /// a tenth of a second.
    public var freesMemory = true

    public init(
        contentDirectory: String = "Content",
        templatesDirectory: String = "Templates",
        templatesDirectoryRequired: Bool = false,
        outputDirectory: String = "Public",
        baseURL: String? = nil,
        includeDrafts: Bool = false,
        today: CalendarDate? = nil
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.templatesDirectoryRequired = templatesDirectoryRequired
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.today = today
    }
}

/// Where a build is: the step, and how far through it (0 of 0 when the
/// step is not counted).
public struct BuildProgress: Sendable {
    public var step: String
    public var done: Int
    public var total: Int
}

/// What a build or check found and did.
public struct BuildOutcome: Sendable {
    public var diagnostics: [Diagnostic]
    /// HTML pages in the site.
    public var pageCount: Int
    /// Files rendered and written because they changed (pages, feed,
    /// sitemap, assets); 0 when the output was already up to date.
    public var pagesWritten: Int
    /// Transcript bodies rendered from Markdown; the others were the last
    /// build's, from memory or from the body store.
    public var bodiesRendered = 0
    /// Transcript pages planned (links resolved, page keyed): all of them,
    /// unless the build followed one whose plan it kept and only words
    /// changed since, when it is those the change reaches.
    public var transcriptPagesPlanned = 0
    /// Search shards keyed from their transcripts' summaries: all of them
    /// unless the plan came from the last build's (in memory, or in the
    /// build cache), when it is those whose lines an edit changed.
    public var searchShardsKeyed = 0
    /// Every quotation found, with its verdict, in file order (docs/quotes.md).
    public var quotes: [QuoteListing] = []
    /// Every output file's path, in the order planned, for the output's manifest.
    var paths = OutputGenerations.PathList([])
    /// The key of each file of ``paths``, in the same order.
    var fileKeys: [UInt64] = []
    public var timings: BuildTimings

    /// Public so that other builders (the preview server's rebuilders) can report in the same terms.
    public init(diagnostics: [Diagnostic], pageCount: Int, pagesWritten: Int = 0, timings: BuildTimings = BuildTimings()) {
        self.diagnostics = diagnostics
        self.pageCount = pageCount
        self.pagesWritten = pagesWritten
        self.timings = timings
    }

    /// The key of every output file, by path.
    var keys: [String: UInt64] {
        Dictionary(zip(paths.paths, fileKeys), uniquingKeysWith: { first, _ in first })
    }
}

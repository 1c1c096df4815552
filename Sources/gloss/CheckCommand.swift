import ArgumentParser
import GlossBuild
import GlossModel

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check that build makes, writing nothing.",
        discussion: """
            Loads the content, renders every page through the templates and \
            reports every problem, exactly as `gloss build` would, but writes no \
            file. Exits with status 1 if there was an error. Useful in an editor \
            or a pre-commit hook.

            Quotations in articles, and quotations credited to a speaker of \
            the site, are checked against the transcripts: one found in none \
            is a warning. `--quotes` lists every quotation with its verdict \
            (verbatim, trimmed, altered, not found) and source passage; \
            `--strict` also fails on an altered or missing one (docs/quotes.md).

            Examples:
              gloss check --content Content
              gloss check --quotes --strict
            """
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "List every quotation with its verdict and the passage it came from.")
    var quotes = false

    @Flag(help: "Exit with status 1 if a quotation is altered or not found.")
    var strict = false

    func run() throws {
        var settings = site.settings(output: "Public")
        settings.freesMemory = false
        let outcome = SiteBuilder(settings: settings).check()
        let console = Console()
        console.report(outcome.diagnostics)
        if quotes { console.status(Self.listing(outcome.quotes)) }
        guard !outcome.diagnostics.hasErrors else {
            console.status("Check failed: \(console.tally(outcome.diagnostics)).")
            throw ExitCode.failure
        }
        let failing = outcome.quotes.filter(\.fails).count
        if strict, failing > 0 {
            console.status("Check failed: \(failing == 1 ? "1 quotation" : "\(failing) quotations") altered or not found.")
            throw ExitCode.failure
        }
        console.status("Checked \(outcome.pageCount) pages: no errors\(outcome.diagnostics.isEmpty ? "" : ", " + console.tally(outcome.diagnostics)).")
    }

    /// A block quote whose paragraph is itself in quote marks, without
    /// them: the listing puts its own marks around every quotation, and
    /// `““Words…”` reads as a typo.
    static func withoutOuterMarks(_ text: String) -> String {
        let opening: Set<Character> = ["\u{201C}", "\u{201E}", "\u{00AB}", "\u{2018}", "\"", "'"]
        let closing: Set<Character> = ["\u{201D}", "\u{00BB}", "\u{2019}", "\"", "'"]
        guard let first = text.first, opening.contains(first) else { return text }
        var inner = Substring(text).drop { opening.contains($0) }
        while let last = inner.last, closing.contains(last) { inner = inner.dropLast() }
        return String(inner)
    }

    /// `file:line:col: verdict: “words…” (credit) → source`, then a line for
    /// each detail.
    static func listing(_ quotes: [QuoteListing]) -> String {
        guard !quotes.isEmpty else { return "No quotations to check." }
        var lines: [String] = []
        for quote in quotes {
            let words = Self.withoutOuterMarks(quote.text).split(whereSeparator: \.isWhitespace)
            let shown = words.prefix(12).joined(separator: " ") + (words.count > 12 ? " …" : "")
            var line = "\(quote.location): \(quote.verdict): “\(shown)”"
            if let credit = quote.credit { line += " (\(credit))" }
            if let source = quote.source { line += " → \(source)" }
            lines.append(line)
            lines += quote.details.map { "    " + $0 }
            if let override = quote.override { lines.append("    " + override) }
        }
        let counts = ["verbatim", "trimmed", "altered", "not found", QuoteListing.unpublished, "not checked"].compactMap { verdict -> String? in
            let count = quotes.count { $0.verdict == verdict }
            return count == 0 ? nil : "\(count) \(verdict)"
        }
        lines.append("\(quotes.count == 1 ? "1 quotation" : "\(quotes.count) quotations"): " + counts.joined(separator: ", ") + ".")
        return lines.joined(separator: "\n")
    }
}

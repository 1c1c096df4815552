import GlossModel

/// Cross-reference resolution: what a link destination written in a
/// transcript points at, and the relative URL to write for it.
extension SiteIndex {
    /// Resolves the link `destination` written in the transcript at `path`
    /// (relative to `Content/`), giving the URL to write in that transcript's
    /// page (`SiteURL.pageFile(forSlug:)` of its slug).
    ///
    /// - `other.md`, `dir/other.md`, `../dir/other.md`: relative to the citing
    ///   transcript's folder; must name a transcript. `#id` after it must be one
    ///   of that transcript's anchors.
    /// - `#id`: one of the citing transcript's own anchors.
    /// - `speaker:ID`: a speaker in the registry → `speakers/ID/`.
    /// - `topic:NAME`: a topic some transcript lists, compared by `topicSlug` → `topics/SLUG/`.
    /// - `/…`: a page or file Gloss writes (`/`, `/SLUG/`, `/speakers/ID/`,
    ///   `/topics/SLUG/`, `/feed.xml`, `/sitemap.xml`, `/404.html`,
    ///   `/archive/YEAR/`, `/page/N/`, `/assets/…`), with or without a trailing
    ///   `/` or `index.html`; query and fragment kept.
    /// - anything else (`https:`, `mailto:`, `//host`, `media/a.mp3`) is external.
    ///
    /// Paths and anchors are compared percent-decoded; the URL keeps the query
    /// and fragment as written.
    public func resolve(_ destination: String, from path: String) -> ReferenceResolution {
        if let scheme = LinkDestination.scheme(of: destination) {
            let rest = String(destination.dropFirst(scheme.count + 1))
            switch scheme {
            case "speaker": return citing(path) { resolveSpeaker(rest, from: $0) }
            case "topic": return citing(path) { resolveTopic(rest, from: $0) }
            default: return .external
            }
        }
        if destination.hasPrefix("//") { return .external }
        let link = LinkDestination(destination)
        if destination.hasPrefix("/") {
            return citing(path) { resolveSitePath(link, from: $0) }
        }
        if link.path.isEmpty {
            guard let fragment = link.decodedFragment, !fragment.isEmpty else { return .external }
            return citing(path) { citing in
                guard citing.anchors.contains(fragment) else { return missingAnchor(fragment, in: citing) }
                return .page(url: link.suffix, slug: citing.slug, anchor: fragment)
            }
        }
        guard LinkDestination.namesMarkdownFile(LinkDestination.decoded(link.path)) else { return .external }
        return citing(path) { resolveDocumentLink(link, from: $0) }
    }

    // MARK: - Kinds of reference

    private func citing(_ path: String, _ body: (IndexedDocument) -> ReferenceResolution) -> ReferenceResolution {
        guard let document = documentsByPath[path] else {
            return .broken(message: "the citing transcript \"\(path)\" is not in the site index", suggestion: nil)
        }
        return body(document)
    }

    private func resolveDocumentLink(_ link: LinkDestination, from citing: IndexedDocument) -> ReferenceResolution {
        let folder = citing.path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        let written = LinkDestination.decoded(link.path).split(separator: "/", omittingEmptySubsequences: false)
        guard let segments = LinkDestination.normalizedSegments(Array(folder) + written) else {
            return .broken(message: "\"\(link.path)\" climbs above Content/ from \"\(citing.path)\"", suggestion: nil)
        }
        let target = segments.joined(separator: "/")
        guard let document = documentsByPath[target] else {
            let suggestion = closestDocumentPath(to: target)
                .map { ClosestMatch.note(SiteIndex.sourceLink(from: citing.path, to: $0)) }
            return .broken(message: "no transcript \"\(target)\"", suggestion: suggestion)
        }
        return pageLink(to: document, from: citing, link)
    }

    private func resolveSpeaker(_ written: String, from citing: IndexedDocument) -> ReferenceResolution {
        let id = LinkDestination.decoded(written)
        guard !id.isEmpty else {
            return .broken(message: "no speaker id after \"speaker:\"", suggestion: nil)
        }
        guard speakersByID[id] != nil else {
            let known = speakerIDsByLabel[id.lowercased()] ?? speakerIDsByLabel[SiteIndex.topicSlug(id)]
                ?? ClosestMatch.closest(to: id, among: speakersByID.keys)
            return .broken(
                message: "no speaker \"\(id)\" in the speaker registry",
                suggestion: known.map { ClosestMatch.note("speaker:" + $0) }
            )
        }
        let url = SiteURL.relative(from: SiteURL.pageFile(forSlug: citing.slug), to: SiteURL.speakerDirectory(forID: id))
        return .page(url: url, slug: nil, anchor: nil)
    }

    private func resolveTopic(_ written: String, from citing: IndexedDocument) -> ReferenceResolution {
        let name = LinkDestination.decoded(written)
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else {
            return .broken(message: "no topic name after \"topic:\"", suggestion: nil)
        }
        let slug = SiteIndex.topicSlug(name)
        guard topicsBySlug[slug] != nil else {
            return .broken(
                message: "no transcript lists the topic \"\(name)\"",
                suggestion: ClosestMatch.closest(to: slug, among: topicsBySlug.keys).map { ClosestMatch.note("topic:" + $0) }
            )
        }
        let url = SiteURL.relative(from: SiteURL.pageFile(forSlug: citing.slug), to: SiteURL.topicDirectory(forSlug: slug))
        return .page(url: url, slug: nil, anchor: nil)
    }

    private func resolveSitePath(_ link: LinkDestination, from citing: IndexedDocument) -> ReferenceResolution {
        let rawSegments = link.path.split(separator: "/", omittingEmptySubsequences: false)
        guard var raw = LinkDestination.normalizedSegments(rawSegments) else {
            return .broken(message: "\"\(link.path)\" climbs above the site root", suggestion: nil)
        }
        let page = SiteURL.pageFile(forSlug: citing.slug)
        func found(_ target: String) -> ReferenceResolution {
            .page(url: SiteURL.relative(from: page, to: target) + link.suffix, slug: nil, anchor: nil)
        }
        // Assets are files Gloss copies, not pages it knows: written as given.
        if raw.count >= 2, LinkDestination.decoded(String(raw[0])) == "assets" {
            return found(raw.joined(separator: "/"))
        }
        var isIndexFile = false
        if raw.last == "index.html" {
            raw.removeLast()
            isIndexFile = true
        }
        let segments = raw.map { LinkDestination.decoded(String($0)) }

        switch segments.first {
        case nil:
            return found("")
        case let file? where segments.count == 1 && !isIndexFile && SiteIndex.siteFiles.contains(file):
            return found(file)
        case "speakers" where segments.count == 1:
            return found(SiteURL.speakersDirectory)
        case "speakers" where segments.count == 2 && speakersByID[segments[1]] != nil:
            return found(SiteURL.speakerDirectory(forID: segments[1]))
        case "topics" where segments.count == 1:
            return found(SiteURL.topicsDirectory)
        case "topics" where segments.count == 2 && topicsBySlug[segments[1]] != nil:
            return found(SiteURL.topicDirectory(forSlug: segments[1]))
        case "archive" where segments.count == 2 && isYear(segments[1]):
            return found(Int(segments[1]).map { SiteURL.archiveDirectory(year: $0) } ?? "")
        case "page" where segments.count == 2 && isPageNumber(segments[1]):
            return found(Int(segments[1]).map(SiteURL.homeDirectory(page:)) ?? "")
        default:
            break
        }
        if let document = documentsBySlug[segments.joined(separator: "/")] {
            return pageLink(to: document, from: citing, link)
        }
        let wanted = "/" + segments.joined(separator: "/") + (link.path.hasSuffix("/") && !segments.isEmpty ? "/" : "")
        return .broken(message: "no page \"\(wanted)\" on the site", suggestion: closestSitePath(to: segments, wanted: wanted).map(ClosestMatch.note))
    }

    // MARK: - Helpers

    /// Files Gloss writes at the top of the site.
    static let siteFiles: Set<String> = ["feed.xml", "sitemap.xml", "404.html"]

    /// The URL of `document`'s page from `citing`'s, checking the fragment
    /// against its anchors.
    private func pageLink(to document: IndexedDocument, from citing: IndexedDocument, _ link: LinkDestination) -> ReferenceResolution {
        var anchor: String?
        if let fragment = link.decodedFragment, !fragment.isEmpty {
            guard document.anchors.contains(fragment) else { return missingAnchor(fragment, in: document) }
            anchor = fragment
        }
        let url = SiteURL.relative(from: SiteURL.pageFile(forSlug: citing.slug), to: SiteURL.pageDirectory(forSlug: document.slug))
        return .page(url: url + link.suffix, slug: document.slug, anchor: anchor)
    }

    private func missingAnchor(_ anchor: String, in document: IndexedDocument) -> ReferenceResolution {
        .broken(
            message: "no anchor \"#\(anchor)\" in \"\(document.path)\"",
            suggestion: ClosestMatch.closest(to: anchor, among: document.anchors).map { ClosestMatch.note("#" + $0) }
        )
    }

    private func isYear(_ text: String) -> Bool {
        text.count == 4 && text.allSatisfy(\.isASCII) && Int(text).map(years.contains) == true
    }

    /// `/page/N/` exists only for N from 2 up: page 1 is `/`. With at least one
    /// transcript on a page there can be no more pages than transcripts.
    private func isPageNumber(_ text: String) -> Bool {
        guard text.allSatisfy(\.isASCII), !text.hasPrefix("0"), let number = Int(text) else { return false }
        return number >= 2 && number <= documentsBySlug.count
    }

    /// The transcript path most likely meant by `target`: one with the same
    /// file name in another folder, else one a few edits away.
    private func closestDocumentPath(to target: String) -> String? {
        let fileName = target.split(separator: "/").last.map(String.init) ?? target
        if let sameName = pathsByFileName[fileName], !sameName.isEmpty {
            return sameName.min { (EditDistance.between(target, $0), $0) < (EditDistance.between(target, $1), $1) }
        }
        return ClosestMatch.closest(to: target, among: documentsByPath.keys)
    }

    /// The site path most likely meant by `wanted`: a transcript path written
    /// as a site path (`/2025/x.md`) gives that transcript's page; otherwise the
    /// closest page Gloss writes.
    private func closestSitePath(to segments: [String], wanted: String) -> String? {
        if let document = documentsByPath[segments.joined(separator: "/")] {
            return "/" + SiteURL.pageDirectory(forSlug: document.slug)
        }
        var candidates = ["/", "/speakers/", "/topics/", "/feed.xml", "/sitemap.xml", "/404.html"]
        candidates += documentsBySlug.keys.map { "/" + SiteURL.pageDirectory(forSlug: $0) }
        candidates += speakersByID.keys.map { "/" + SiteURL.speakerDirectory(forID: $0) }
        candidates += topicsBySlug.keys.map { "/" + SiteURL.topicDirectory(forSlug: $0) }
        candidates += years.map { "/archive/\($0)/" }
        let slashed = wanted.hasSuffix("/") || wanted.contains(".") ? wanted : wanted + "/"
        return ClosestMatch.closest(to: slashed, among: candidates)
    }

    /// How to write a link from the transcript at `from` to the one at `to`,
    /// both relative to `Content/`: `2024/a.md` → `2025/b.md` is `../2025/b.md`.
    static func sourceLink(from: String, to: String) -> String {
        let folder = from.split(separator: "/").dropLast()
        let target = to.split(separator: "/")
        var common = 0
        while common < folder.count, common < target.count - 1,
              folder[folder.startIndex + common] == target[common] {
            common += 1
        }
        return String(repeating: "../", count: folder.count - common) + target.dropFirst(common).joined(separator: "/")
    }
}

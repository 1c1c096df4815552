/// What Gloss accepts as a link to the web: an absolute `http` or `https`
/// URL with a host and no whitespace. The content loader holds `source.url`
/// to it and the importers write only URLs that pass it, so an imported
/// file always loads.
public enum WebURL {
    public static func isAbsolute(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else { return false }
        let host = lowered.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return !host.isEmpty && !text.contains { $0.isWhitespace }
    }
}

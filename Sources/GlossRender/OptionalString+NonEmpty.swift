extension Optional where Wrapped == String {
    /// The string, or nil when it is missing or only whitespace: front matter
    /// `place: ""` should not print an empty "Place" row.
    var nonEmpty: String? {
        guard let self else { return nil }
        // Nearly every value starts with printable ASCII, which is no
        // whitespace; only the rest are read as characters.
        if let first = self.utf8.first, first > 0x20, first < 0x7F { return self }
        return self.contains(where: { !$0.isWhitespace }) ? self : nil
    }
}

extension String {
    /// The string, or nil when it is only whitespace.
    var nonEmpty: String? { Optional(self).nonEmpty }
}

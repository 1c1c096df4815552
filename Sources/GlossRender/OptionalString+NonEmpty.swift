extension Optional where Wrapped == String {
    /// The string, or nil when it is missing or only whitespace: front matter
    /// `place: ""` should not print an empty "Place" row.
    var nonEmpty: String? {
        guard let self, self.contains(where: { !$0.isWhitespace }) else { return nil }
        return self
    }
}

extension String {
    /// The string, or nil when it is only whitespace.
    var nonEmpty: String? { Optional(self).nonEmpty }
}

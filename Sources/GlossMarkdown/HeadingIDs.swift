/// Hands out heading ids that are unique within one document.
struct HeadingIDs {
    private var ids: UniqueIDs

    /// - Parameter reserved: ids already taken on the page around the document.
    init(reserved: Set<String> = []) {
        ids = UniqueIDs(reserved: reserved, firstSuffix: 1)
    }

    /// The slug of `text`, or the slug with `-1`, `-2`… when it is taken,
    /// whether by an earlier duplicate or by a heading whose slug ends in `-1`.
    mutating func id(for text: String) -> String {
        ids.claim(Self.slug(text))
    }

    /// Lowercased letters and digits (any script, with their combining marks),
    /// with every run of anything else turned into one `-`, none at either
    /// end; `section` when nothing is left.
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            let lowered: Unicode.Scalar?
            switch scalar.value {
            case 0x41...0x5A: lowered = Unicode.Scalar(UInt8(scalar.value) | 0x20)
            case 0x30...0x39, 0x61...0x7A: lowered = scalar
            case 0...0x7F: lowered = nil
            default: lowered = isWordPart(scalar) ? scalar : nil
            }
            guard let lowered else {
                pendingSeparator = true
                continue
            }
            if pendingSeparator && !slug.isEmpty { slug.append("-") }
            pendingSeparator = false
            if lowered.isASCII {
                slug.append(lowered)
            } else {
                slug.append(contentsOf: lowered.properties.lowercaseMapping.unicodeScalars)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    private static func isWordPart(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber: return true
        default: return properties.isAlphabetic
        }
    }
}

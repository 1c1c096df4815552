import GlossModel
import Yams

/// What a YAML scalar means, by the YAML 1.2 core schema.
///
/// Yams is asked for bare nodes (`Resolver.basic`) and the few types Gloss
/// needs are resolved here: it skips a regular-expression pass per scalar,
/// and YAML 1.2 keeps `no` (Norway's country code) a string instead of false.
enum YAMLScalar {
    /// `~`, `null` or nothing at all, written without quotes.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, isPlain(scalar) else { return false }
        return nullWords.contains(scalar.string)
    }

    /// `true` or `false` (any of the three capitalisations), or nil.
    static func bool(_ scalar: Node.Scalar) -> Bool? {
        guard isPlain(scalar) else { return nil }
        switch scalar.string {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// A plain decimal, hexadecimal (`0x`) or octal (`0o`) integer, or nil.
    static func int(_ scalar: Node.Scalar) -> Int? {
        guard isPlain(scalar) else { return nil }
        let text = scalar.string
        if text.hasPrefix("0x") { return Int(text.dropFirst(2), radix: 16) }
        if text.hasPrefix("0o") { return Int(text.dropFirst(2), radix: 8) }
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        return Int(text)
    }

    /// A plain number (`1.5`, `-2e3`, `.inf`, `.nan`) or nil.
    static func double(_ scalar: Node.Scalar) -> Double? {
        guard isPlain(scalar) else { return nil }
        let text = scalar.string
        switch text {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        // Swift's parser also accepts `inf`, `nan` and hexadecimal floats,
        // which YAML reads as strings; only digits, point, sign and exponent pass.
        let allowed = text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
        }
        guard allowed, text.utf8.contains(where: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        return Double(text)
    }

    /// The most values one file's parameters may hold. YAML aliases let a few
    /// lines name millions of values (each level a list of the one before),
    /// which must not stall a build.
    static let parameterValueLimit = 100_000

    /// The node as a template value: numbers, booleans and null resolved,
    /// mappings with non-text keys keyed by the key's text. Nil once more
    /// than `budget` values have been made.
    static func value(of node: Node, budget: inout Int) -> Value? {
        budget -= 1
        guard budget >= 0 else { return nil }
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return .null }
            if let bool = bool(scalar) { return .bool(bool) }
            if let int = int(scalar) { return .int(int) }
            if let double = double(scalar) { return .double(double) }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [Value] = []
            items.reserveCapacity(sequence.count)
            for element in sequence {
                guard let item = value(of: element, budget: &budget) else { return nil }
                items.append(item)
            }
            return .array(items)
        case .mapping(let mapping):
            var dictionary: [String: Value] = [:]
            for (key, element) in mapping {
                guard let item = value(of: element, budget: &budget) else { return nil }
                dictionary[text(of: key)] = item
            }
            return .dictionary(dictionary)
        case .alias(let alias):
            return .string(alias.anchor.rawValue)
        }
    }

    /// A short rendering of a node for "found …" in a message.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if isNull(node) { return "nothing" }
            let text = scalar.string
            let firstLine = text.prefix { $0 != "\n" }
            let shown = firstLine.prefix(60)
            return "\"\(shown)\(shown.count < text.count ? "…" : "")\""
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// A key's text; a list or mapping used as a key is named by its kind.
    static func text(of node: Node) -> String {
        if case .scalar(let scalar) = node { return scalar.string }
        return describe(node)
    }

    /// Quoted, block and explicitly `!!str`-tagged scalars are always strings.
    private static func isPlain(_ scalar: Node.Scalar) -> Bool {
        (scalar.style == .plain || scalar.style == .any)
            && scalar.tag.rawValue != Tag.Name.str.rawValue && scalar.tag.rawValue != "!"
    }

    private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
}

/// A YAML value kept as it was written, for front matter keys Gloss does not
/// know: they reach templates as `params`, so a site can add its own fields.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    case dictionary([String: Value])
}

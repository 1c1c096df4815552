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

    /// The plain Swift value (String, Int, Double, Bool, Array, Dictionary or
    /// nil) that a template engine can walk.
    public var templateValue: Any? {
        switch self {
        case .null: nil
        case .bool(let value): value
        case .int(let value): value
        case .double(let value): value
        case .string(let value): value
        case .array(let values): values.map { $0.templateValue as Any }
        case .dictionary(let values): values.mapValues { $0.templateValue as Any }
        }
    }
}

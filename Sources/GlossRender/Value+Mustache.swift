import GlossModel

extension Value {
    /// The value as templates see it: `templateValue`, except that `null`
    /// (at any depth) is ``Absent``, so `{{#params.key}}` is false for `key: ~`
    /// instead of opening a section on an empty value.
    var mustacheValue: Any {
        switch self {
        case .null: Absent()
        case .array(let values): values.map(\.mustacheValue)
        case .dictionary(let values): values.mapValues(\.mustacheValue)
        case .bool, .int, .double, .string: templateValue ?? Absent()
        }
    }
}

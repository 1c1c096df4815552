import Mustache

/// A struct a template reads, field by field.
///
/// Mustache looks a name up the context stack when the innermost object does
/// not have it, and swift-mustache treats a field holding `nil` as "not here":
/// `{{#source}}{{title}}{{/source}}` with no source title would print the
/// *transcript's* title. Declaring a field on a view model is a promise that
/// the name belongs to it: a `nil` field answers ``Absent`` (empty text, false
/// in a section) instead of falling through to an outer object.
protocol ViewModel: MustacheParent {}

extension ViewModel {
    func child(named name: String) -> Any? {
        guard let field = Mirror(reflecting: self).children.first(where: { $0.label == name }) else {
            return nil
        }
        if let optional = field.value as? OptionalField {
            return optional.wrappedField ?? Absent()
        }
        return field.value
    }
}

/// A declared but empty field: renders as nothing, counts as false in a section.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// Lets ``ViewModel`` see through an `Optional` held as `Any`.
private protocol OptionalField {
    var wrappedField: Any? { get }
}

extension Optional: OptionalField {
    fileprivate var wrappedField: Any? { self.map { $0 as Any } }
}

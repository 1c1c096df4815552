import Mustache

/// A struct a template reads, field by field.
///
/// Mustache looks a name up the context stack when the innermost object does
/// not have it, and swift-mustache treats a field holding `nil` as "not here":
/// `{{#source}}{{title}}{{/source}}` with no source title would print the
/// *transcript's* title. Declaring a field on a view model is a promise that
/// the name belongs to it: a `nil` field answers ``Absent`` (empty text, false
/// in a section) instead of falling through to an outer object.
///
/// Fields are looked up by an explicit `switch` rather than by reflection:
/// `Mirror` made template rendering the most expensive step of a build.
protocol ViewModel: MustacheParent {
    /// The field called `name`: `nil` when the view model has no such field,
    /// `.some(nil)` when it has one that is empty.
    func field(named name: String) -> Any??
}

extension ViewModel {
    func child(named name: String) -> Any? {
        switch field(named: name) {
        case .none: nil
        case .some(.none): Absent()
        case .some(.some(let value)): value
        }
    }
}

/// A declared but empty field: renders as nothing, counts as false in a section.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

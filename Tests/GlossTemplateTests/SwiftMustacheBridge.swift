import GlossTemplate
import Mustache

/// The same data as swift-mustache sees it, so one context drives both
/// engines in the differential test. Mirrors how Gloss feeds swift-mustache
/// today: objects answer `child(named:)`, declared-but-empty fields are a
/// null renderable that stops the lookup.
enum SwiftMustacheBridge {
    static func value(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text), .html(let text): text
        case .bool(let bool): bool
        case .number(let number): number
        case .list(let values): values.map(Self.value)
        case .object(let object): Object(object: object)
        case .absent: Absent()
        }
    }

    struct Object: MustacheParent, MustacheCustomRenderable {
        var object: any TemplateObject
        func child(named name: String) -> Any? { object.value(named: name).map(SwiftMustacheBridge.value) }
        var renderText: String { object.renderedText ?? "" }
        var isNull: Bool { false }
    }

    struct Absent: MustacheCustomRenderable {
        var renderText: String { "" }
        var isNull: Bool { true }
    }
}

// Renders a list page of 100 items × 8 fields with GlossTemplate and with
// swift-mustache and prints how long each took. Run in release:
//     swift run -c release template-bench [renders]
import GlossTemplate
import Foundation
import Mustache

let renders = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 10_000
/// `gloss` or `mustache` to time one engine only, e.g. under a profiler.
let only = CommandLine.arguments.dropFirst(2).first

let template = """
    <ol class="transcript-list">
      {{#items}}
      <li class="transcript-item">
        <p class="item-meta">{{#date}}<time datetime="{{date}}">{{date}}</time>{{/date}}<span>{{kind}}</span></p>
        <h2 class="item-title"><a href="{{url}}">{{title}}</a></h2>
        {{#event}}<p class="item-where">{{event}}{{#place}}<span>{{place}}</span>{{/place}}</p>{{/event}}
        {{#summary}}<p class="item-summary">{{summary}}</p>{{/summary}}
        <ul>{{#tags}}<li>{{.}}</li>{{/tags}}</ul>
      </li>
      {{/items}}
    </ol>

    """

/// One list entry, read field by field the way Gloss's view models are.
struct Item: TemplateObject, MustacheParent {
    var title: String
    var url: String
    var date: String
    var kind: String
    var event: String
    var place: String?
    var summary: String
    var tags: [String]

    func value(named name: String) -> TemplateValue? {
        switch name {
        case "title": title.templateValue
        case "url": url.templateValue
        case "date": date.templateValue
        case "kind": kind.templateValue
        case "event": event.templateValue
        case "place": place.templateValue
        case "summary": summary.templateValue
        case "tags": tags.templateValue
        default: nil
        }
    }

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        case "date": date
        case "kind": kind
        case "event": event
        case "place": place
        case "summary": summary
        case "tags": tags
        default: nil
        }
    }
}

struct Page: TemplateObject, MustacheParent {
    var items: [Item]
    func value(named name: String) -> TemplateValue? { name == "items" ? items.templateValue : nil }
    func child(named name: String) -> Any? { name == "items" ? items : nil }
}

let page = Page(items: (0..<100).map { index in
    Item(
        title: "Press conference on \"Operation \(index)\" & its aftermath",
        url: "../\(2000 + index % 25)/press-conference-\(index)/",
        date: "2025-03-\(10 + index % 18)",
        kind: "Press conference",
        event: "Weekly briefing",
        place: index.isMultiple(of: 3) ? nil : "Briefing room <West Wing>",
        summary: "The secretary answered questions about the budget, the deployment and the schedule of talks.",
        tags: ["defense", "budget", "europe", "nato", "press"]
    )
})

func measure(_ label: String, _ body: () -> Int) -> Duration {
    let clock = ContinuousClock()
    var bytes = 0
    let elapsed = clock.measure { bytes = body() }
    let perPage = elapsed / renders
    print("\(label): \(elapsed) for \(renders) pages, \(perPage) per page, \(bytes / renders) bytes per page")
    return elapsed
}

let glossSet = try TemplateSet(templates: ["list": template])
let mustacheLibrary: MustacheLibrary = {
    var library = MustacheLibrary()
    if let compiled = try? MustacheTemplate(string: template) { library.register(compiled, named: "list") }
    return library
}()

let ours = glossSet.render("list", page) ?? ""
let theirs = mustacheLibrary.render(page, withTemplate: "list") ?? ""
print(ours == theirs ? "Both engines write the same \(ours.utf8.count) bytes." : "The engines' outputs DIFFER.")

let glossTime = only == "mustache" ? .zero : measure("GlossTemplate ") {
    var total = 0
    for _ in 0..<renders { total += glossSet.render("list", page)?.utf8.count ?? 0 }
    return total
}
let mustacheTime = only == "gloss" ? .zero : measure("swift-mustache") {
    var total = 0
    for _ in 0..<renders { total += mustacheLibrary.render(page, withTemplate: "list")?.utf8.count ?? 0 }
    return total
}
if only == nil { print("GlossTemplate is \(String(format: "%.1f", mustacheTime / glossTime))× as fast.") }

@testable import GlossRender
import Testing

@Suite struct PartialReferenceTests {
    @Test func findsPartialsAndParentsWithPositions() {
        let text = "{{<base}}\n{{$content}}\n  {{> partials/meta }}\n{{/content}}\n{{/base}}\n"
        #expect(PartialReference.scan(text) == [
            PartialReference(name: "base", isParent: true, line: 1, column: 1),
            PartialReference(name: "partials/meta", isParent: false, line: 3, column: 3),
        ])
    }

    @Test func skipsCommentsAndDynamicNames() {
        let text = "{{! {{> retired}} }}{{>*layoutName}}{{{body}}}"
        #expect(PartialReference.scan(text).isEmpty)
    }
}

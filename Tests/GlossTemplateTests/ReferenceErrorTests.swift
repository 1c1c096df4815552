import Testing
import GlossTemplate

/// Partials and parents that are missing, that include themselves or that
/// nest too deep: compile errors at the tag, naming the path.
@Suite struct ReferenceErrorTests {
    @Test func missingPartialAtItsTag() throws {
        // The spec's "Failed Lookup" renders nothing; Gloss reports the typo instead.
        let errors = compileErrors(["test": "\"\n  {{>text}}\""])
        let error = try #require(errors.first)
        #expect((error.line, error.column) == (2, 3))
        #expect(error.message == "partial \"text\" not found")
    }

    @Test func missingParentAtItsTag() throws {
        let error = try #require(compileErrors(["test": "{{<base}}{{/base}}"]).first)
        #expect(error.message == "parent template \"base\" not found")
    }

    @Test func selfRecursivePartialIsACycle() throws {
        // The spec's partial "Recursion" case.
        let errors = compileErrors(["test": "{{>node}}", "node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"])
        let error = try #require(errors.first)
        #expect(error.template == "node")
        #expect((error.line, error.column) == (1, 23))
        #expect(error.message == "partial cycle: node → node")
    }

    @Test func inheritanceRecursionIsACycle() throws {
        // The spec's inheritance "Recursion" case.
        let errors = compileErrors([
            "test": "{{<parent}}{{$foo}}override{{/foo}}{{/parent}}",
            "parent": "{{$foo}}default content{{/foo}} {{$bar}}{{<parent2}}{{/parent2}}{{/bar}}",
            "parent2": "{{$foo}}parent2 default content{{/foo}} {{<parent}}{{$bar}}don't recurse{{/bar}}{{/parent}}",
        ])
        #expect(errors.map(\.message) == ["parent template cycle: parent → parent2 → parent"])
    }

    @Test func cycleIsNamedFromTheRoot() throws {
        let templates = ["page": "{{>a}}", "a": "{{>b}}", "b": "x\n{{#s}}{{>a}}{{/s}}"]
        do {
            _ = try TemplateSet(templates: templates, roots: ["page"])
            Issue.record("expected a cycle")
        } catch {
            #expect(error.errors.count == 1)
            let cycle = try #require(error.errors.first)
            #expect(cycle.template == "b")
            #expect((cycle.line, cycle.column) == (2, 7))
            #expect(cycle.message == "partial cycle: page → a → b → a")
        }
    }

    @Test func everyCycleIsReported() {
        let errors = compileErrors(["a": "{{>a}}", "b": "{{>c}}", "c": "{{>b}}"])
        #expect(errors.map(\.message).sorted() == ["partial cycle: a → a", "partial cycle: b → c → b"])
    }

    @Test func nestingTooDeepThroughPartials() throws {
        var templates: [String: String] = [:]
        for index in 0...TemplateSet.depthLimit {
            templates["t\(index)"] = "{{#x}}{{>t\(index + 1)}}{{/x}}"
        }
        templates["t\(TemplateSet.depthLimit + 1)"] = "end"
        do {
            _ = try TemplateSet(templates: templates, roots: ["t0"])
            Issue.record("expected an error")
        } catch {
            let message = try #require(error.errors.first?.message)
            #expect(message.hasPrefix("templates nest more than \(TemplateSet.depthLimit) levels deep through partials: t0 → t1"))
        }
    }
}

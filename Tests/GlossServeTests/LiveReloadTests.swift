import Foundation
import Testing
@testable import GlossServe

/// Point 4 and live reload over real HTTP: edits on disk, events on the stream.
@Suite struct LiveReloadTests {
    static let brokenFrontMatter = """
        ---
        title: The Gettysburg Address
        date: November 19th
        ---

        **Abraham Lincoln**: Four score and seven years ago.

        """

    @Test func anEditRebuildsTheSiteAndSendsReloadOnceItIsInPlace() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let events = try await site.client.openEventStream()
        #expect(try await events.next().name == "ok")

        var page = try site.read("Content/1863/gettysburg-address.md")
        page = page.replacingOccurrences(of: "Four score and seven years ago", with: "Eighty-seven years ago")
        try site.write(page, to: "Content/1863/gettysburg-address.md")

        _ = try await events.next(named: "reload")
        // The reload is only sent once the new site is complete and in place.
        let served = try await site.client.send("GET", "/1863/gettysburg-address/")
        #expect(served.text.contains("Eighty-seven years ago"))
        let reports = await site.log.reports
        #expect(reports.last?.changedPaths == [site.root + "/Content/1863/gettysburg-address.md"])
    }

    @Test func aBrokenEditShowsEveryDiagnosticAndKeepsTheLastGoodSite() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let events = try await site.client.openEventStream()
        #expect(try await events.next().name == "ok")
        let good = try await site.client.send("GET", "/1863/gettysburg-address/")

        try site.write(Self.brokenFrontMatter, to: "Content/1863/gettysburg-address.md")
        try site.write("lincoln:\n  name: [unclosed\n", to: "Content/speakers.yaml")
        let failed = try await events.next(named: "errors")
        let payload = try JSONDecoder().decode(ServerEvent.Payload.self, from: Data(failed.data.utf8))
        let diagnostics = try #require(payload.diagnostics)
        let locations = diagnostics.compactMap(\.location)
        #expect(locations.contains { $0.hasSuffix("Content/1863/gettysburg-address.md:3:7") }, "\(locations)")
        #expect(locations.contains { $0.contains("Content/speakers.yaml:") }, "\(locations)")
        #expect(diagnostics.allSatisfy { !$0.message.isEmpty && $0.severity == "error" })

        // The last good site is still the one served.
        let during = try await site.client.send("GET", "/1863/gettysburg-address/")
        #expect(during.status == 200)
        #expect(during.body == good.body)

        // A page opened now learns of the errors as soon as it connects.
        let late = try await site.client.openEventStream()
        #expect(try await late.next().name == "errors")
    }

    @Test func fixingTheFileClearsTheOverlayAndReloads() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let original = try site.read("Content/1863/gettysburg-address.md")
        let events = try await site.client.openEventStream()
        #expect(try await events.next().name == "ok")

        try site.write(Self.brokenFrontMatter, to: "Content/1863/gettysburg-address.md")
        _ = try await events.next(named: "errors")
        try site.write(original.replacingOccurrences(of: "Liberty", with: "liberty"), to: "Content/1863/gettysburg-address.md")
        #expect(try await events.next() == .init(name: "ok", data: "{}"))
        #expect(try await events.next().name == "reload")
        let page = try await site.client.send("GET", "/1863/gettysburg-address/")
        #expect(page.text.contains("conceived in liberty"))
        let fresh = try await site.client.openEventStream()
        #expect(try await fresh.next().name == "ok")
    }

    @Test func aTemplateErrorIsReportedTheSameWay() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        let events = try await site.client.openEventStream()
        #expect(try await events.next().name == "ok")
        let template = try site.read("Templates/404.mustache")
        try site.write(template.replacingOccurrences(of: "{{/content}}", with: "{{/contents}}"), to: "Templates/404.mustache")
        let failed = try await events.next(named: "errors")
        let payload = try JSONDecoder().decode(ServerEvent.Payload.self, from: Data(failed.data.utf8))
        #expect(payload.diagnostics?.contains { $0.location?.contains("Templates/404.mustache:") == true } == true, "\(failed.data)")

        try site.write(template, to: "Templates/404.mustache")
        _ = try await events.next(named: "reload")
    }

    @Test func pollingAlsoRebuildsAndReloads() async throws {
        let site = try await ServedSite.start(polling: true)
        defer { Task { await site.stop() } }
        let events = try await site.client.openEventStream()
        #expect(try await events.next().name == "ok")
        try site.write("title: A Renamed Archive\n", to: "Content/site.yaml")
        _ = try await events.next(named: "reload")
        #expect(try await site.client.send("GET", "/").text.contains("A Renamed Archive"))
    }

    @Test func aPageServedBeforeAnySiteExistsCarriesTheScript() async throws {
        let site = try await ServedSite.start()
        defer { Task { await site.stop() } }
        try FileManager.default.removeItem(atPath: site.previewDirectory)
        let response = try await site.client.send("GET", "/")
        #expect(response.status == 503)
        #expect(response.text.contains("<script src=\"/__gloss/live.js\" defer></script>"))
    }
}

// Times what the preview server does after a save: one in-process rebuild
// that reuses the previous build's memory. Run in release from a site folder:
//     swift build -c release --product rebuild-bench
//     cd SITE && PATH/rebuild-bench [Content/some.md] [rounds]
// It builds once into .build-rebuild-bench/ (a full build), then appends a
// sentence to the file and rebuilds, `rounds` times, printing each time and
// the median. The file is restored at the end.
// The allocator gloss itself runs with, so the figures are the preview server's.
import CJemalloc
import Foundation
import GlossBuild

let arguments = Array(CommandLine.arguments.dropFirst())
let rounds = arguments.dropFirst().first.flatMap { Int($0) } ?? 10
let settings = BuildSettings(outputDirectory: ".build-rebuild-bench")
let builder = SiteBuilder(settings: settings)
var memory = BuildMemory()
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

var start = clock.now
var outcome = builder.build(memory: &memory, changed: [])
print("full build: \(String(format: "%.0f", milliseconds(start.duration(to: clock.now)))) ms, \(outcome.pageCount) pages, \(outcome.diagnostics.count) diagnostics")

guard let file = arguments.first ?? (try? FileManager.default.subpathsOfDirectory(atPath: "Content"))?.sorted().first(where: { $0.hasSuffix(".md") }).map({ "Content/" + $0 }),
      let original = FileManager.default.contents(atPath: file) else {
    print("no transcript to edit")
    exit(1)
}
defer { FileManager.default.createFile(atPath: file, contents: original) }
let relative = file.hasPrefix("Content/") ? String(file.dropFirst("Content/".count)) : file

var times: [Double] = []
for round in 1...rounds {
    var edited = original
    edited.append(contentsOf: Array("\nAn added sentence, number \(round).\n".utf8))
    FileManager.default.createFile(atPath: file, contents: edited)
    start = clock.now
    outcome = builder.build(memory: &memory, changed: [relative])
    let elapsed = milliseconds(start.duration(to: clock.now))
    times.append(elapsed)
    let phases = outcome.timings.phases.map { "\($0.name) \(String(format: "%.1f", milliseconds($0.duration)))" }
    print("rebuild \(round): \(String(format: "%.1f", elapsed)) ms, \(outcome.pagesWritten) files written (\(phases.joined(separator: ", ")))")
}
times.sort()
print("median rebuild after one edit: \(String(format: "%.1f", times[times.count / 2])) ms over \(rounds) rounds")
FileManager.default.createFile(atPath: file, contents: original)

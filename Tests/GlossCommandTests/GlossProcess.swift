import Foundation

/// The `gloss` binary built beside the test bundle, run as a user would run it.
struct GlossProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    static var executable: URL? {
        let candidates = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])]
            .compactMap { $0?.deletingLastPathComponent() }
        for directory in candidates {
            for folder in [directory, directory.deletingLastPathComponent()] {
                let binary = folder.appendingPathComponent("gloss")
                if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
            }
        }
        return nil
    }

    /// `gloss` with `arguments`, to run in `directory` without colour.
    static func process(_ arguments: [String], in directory: String) throws -> Process {
        guard let executable else { throw MissingBinary() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        return process
    }

    /// Starts `gloss` with its output discarded, for a test that stops it itself.
    static func start(_ arguments: [String], in directory: String) throws -> Process {
        let process = try process(arguments, in: directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    static func run(_ arguments: [String], in directory: String) throws -> Result {
        let process = try process(arguments, in: directory)
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting so a chatty process cannot fill the pipe and stall.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outData, as: UTF8.self),
            standardError: String(decoding: errData, as: UTF8.self)
        )
    }

    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "the gloss binary was not found beside the test bundle; run the tests with `swift test`" }
    }
}

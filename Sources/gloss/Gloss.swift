import ArgumentParser
// Links jemalloc ahead of libc, so that it serves every allocation of the
// process (Package.swift says why); nothing of it is called by name.
import CJemalloc

@main
struct Gloss: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A static site generator for annotated transcripts.",
        discussion: """
            Gloss reads Markdown transcripts with YAML front matter from Content/, \
            renders them through the Mustache templates of Templates/ (or the \
            built-in theme) and writes a static site to Public/.

            Start a new site with `gloss init my-site`, then run `gloss serve` in it to
            preview it as you write, and `gloss build` to publish it.
            """,
        version: "0.1.0",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, InitCommand.self, ImportCommand.self]
    )
}

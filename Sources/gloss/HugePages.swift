#if canImport(Glibc)
import Glibc
#endif

/// Gloss allocates a few hundred megabytes in small pieces on every core, and
/// with 4 KB pages a good part of a build went to the kernel faulting them
/// in (about a fifth of a one-edit rebuild at 10,000 transcripts). glibc's
/// allocator backs its heaps with transparent huge pages, and grows them in
/// larger steps, when `GLIBC_TUNABLES` asks it to, which it reads only when
/// the process starts: so the process starts itself again once with them
/// set. A user's own tunables are kept, and one that already names
/// `glibc.malloc.hugetlb` is left alone (which also ends the loop). If the
/// exec fails, gloss goes on as it is. See docs/benchmarks.md for the figures.
enum HugePages {
    static let tunables = "glibc.malloc.hugetlb=1:glibc.malloc.top_pad=67108864"

    static func restartWithHugePages() {
        #if os(Linux)
        let name = "GLIBC_TUNABLES"
        let current = getenv(name).map { String(cString: $0) }
        guard !(current?.contains("glibc.malloc.hugetlb") ?? false) else { return }
        guard setenv(name, (current.map { $0 + ":" } ?? "") + tunables, 1) == 0 else { return }
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        if let current { setenv(name, current, 1) } else { unsetenv(name) }
        #endif
    }
}

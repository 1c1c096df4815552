import Foundation
import GlossBuild

/// Where `gloss serve` builds: never the published output, since a preview
/// may include drafts and is built for the local server's address.
///
/// `.gloss/preview` in the site's root (the folder that holds the content
/// folder), hidden and ignored by git. When the content folder has no such
/// parent of its own (it is the folder gloss runs in, or above it), or that
/// place is not an acceptable output directory, a folder under the system's
/// temporary directory: never somewhere outside the site.
public enum PreviewDirectory {
    public static let hiddenFolder = ".gloss"

    public static func path(contentDirectory: String, templatesDirectory: String, policy: OutputDirectoryPolicy = OutputDirectoryPolicy()) -> String {
        let fallback = NSTemporaryDirectory() + "gloss-preview-\(getuid())-\(getpid())"
        let content = URL(fileURLWithPath: contentDirectory).standardizedFileURL
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        if here == content.path || here.hasPrefix(content.path + "/") { return fallback }
        let siteRoot = content.deletingLastPathComponent().path
        let candidate = (siteRoot as NSString).appendingPathComponent(hiddenFolder + "/preview")
        let protected = [(contentDirectory, contentDirectory), (templatesDirectory, templatesDirectory)]
        return policy.refusal(output: candidate, displayPath: candidate, protected: protected) == nil ? candidate : fallback
    }
}

import Foundation
import GlossBuild

/// Where `gloss serve` builds: never the published output, since a preview
/// may include drafts and is built for the local server's address.
///
/// `.gloss/preview` in the site's root (the folder that holds the content
/// folder), hidden and ignored by git; when that is not an acceptable output
/// directory (say the content folder is the site root itself), a folder under
/// the system's temporary directory.
public enum PreviewDirectory {
    public static let hiddenFolder = ".gloss"

    public static func path(contentDirectory: String, templatesDirectory: String, policy: OutputDirectoryPolicy = OutputDirectoryPolicy()) -> String {
        let content = URL(fileURLWithPath: contentDirectory).standardizedFileURL
        let siteRoot = content.deletingLastPathComponent().path
        let candidate = (siteRoot as NSString).appendingPathComponent(hiddenFolder + "/preview")
        let protected = [(contentDirectory, contentDirectory), (templatesDirectory, templatesDirectory)]
        if policy.refusal(output: candidate, displayPath: candidate, protected: protected) == nil {
            return candidate
        }
        return NSTemporaryDirectory() + "gloss-preview-\(getuid())-\(getpid())"
    }
}

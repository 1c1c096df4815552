import GlossTemplate
import GlossModel

/// `{{#transcript.media}}`: the recording the transcript's timestamps point into.
///
/// Present only when the front matter's `media:` URL is safe to load
/// (http, https or relative; see ``LinkPolicy``): a `javascript:` or `data:`
/// URL gives no player at all.
struct MediaViewModel: TemplateObject {
    /// The recording's URL, for `src`.
    var url: String
    /// `audio` or `video`.
    var kind: String
    var isAudio: Bool
    var isVideo: Bool
    /// Seconds into the recording at which the transcript's `00:00` falls,
    /// as a number for an attribute (`0`, `12.5`).
    var offset: String

    init?(_ media: Media) {
        guard let url = media.url.nonEmpty.flatMap(LinkPolicy.href) else { return nil }
        self.url = url
        kind = media.kind.rawValue
        isAudio = media.kind == .audio
        isVideo = media.kind == .video
        offset = Self.format(seconds: media.offset)
    }

    /// `12.0` → `12`, `12.5` → `12.5`; not a finite, non-negative number → `0`.
    static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0" }
        if seconds == seconds.rounded(), seconds < 1e15 { return String(Int64(seconds)) }
        return String(seconds)
    }
}

extension MediaViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "url": url.templateValue
        case "kind": kind.templateValue
        case "isAudio": isAudio.templateValue
        case "isVideo": isVideo.templateValue
        case "offset": offset.templateValue
        default: nil
        }
    }
}

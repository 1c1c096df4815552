import GlossModel

/// One entry of `{{#speakers}}`: a speaker of the transcript, resolved from the registry.
struct SpeakerViewModel: ViewModel {
    /// The registry id (`hegseth`).
    var id: String
    /// The registry name, or the id when the registry does not know it.
    var name: String
    /// The role at this event if the transcript gives one, else the registry's.
    var role: String?

    init(_ appearance: SpeakerAppearance, registry: [String: Speaker]) {
        let speaker = registry[appearance.id]
        id = appearance.id
        name = speaker?.name.nonEmpty ?? appearance.id
        role = appearance.role.nonEmpty ?? speaker?.role.nonEmpty
    }
}

extension SpeakerViewModel {
    func field(named key: String) -> Any?? {
        switch key {
        case "id": id
        case "name": name
        case "role": .some(role)
        default: nil
        }
    }
}

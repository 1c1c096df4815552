import GlossTemplate
import GlossModel

/// A date in both forms a page needs: `{{long}}` to read, `{{iso}}` for `<time datetime>`.
struct DateViewModel: TemplateObject {
    /// `2025-02-12`
    var iso: String
    /// `12 February 2025`
    var long: String

    init(_ date: CalendarDate) {
        iso = date.iso
        long = date.long
    }
}

extension DateViewModel {
    func value(named key: String) -> TemplateValue? {
        switch key {
        case "iso": iso.templateValue
        case "long": long.templateValue
        default: nil
        }
    }
}

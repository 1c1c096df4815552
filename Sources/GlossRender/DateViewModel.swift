import GlossModel

/// A date in both forms a page needs: `{{long}}` to read, `{{iso}}` for `<time datetime>`.
struct DateViewModel: ViewModel {
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
    func field(named key: String) -> Any?? {
        switch key {
        case "iso": iso
        case "long": long
        default: nil
        }
    }
}

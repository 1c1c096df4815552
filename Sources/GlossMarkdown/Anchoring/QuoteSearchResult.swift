import GlossModel

/// The outcome of looking for one annotation's quote: the bytes it covers, or
/// why it cannot be anchored.
enum QuoteSearchResult: Hashable, Sendable {
    case anchored(Range<Int>)
    case rejected(Diagnostic)
}

import Foundation
@testable import GlossImport

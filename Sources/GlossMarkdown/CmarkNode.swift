import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A borrowed view of one node of a cmark tree.
///
/// The tree owns the node and every string read from it, so a `CmarkNode` and
/// the buffers it hands out are only valid until the tree is freed.
struct CmarkNode {
    let pointer: OpaquePointer

    var type: cmark_node_type { cmark_node_get_type(pointer) }

    var isInline: Bool {
        (CMARK_NODE_FIRST_INLINE.rawValue...CMARK_NODE_LAST_INLINE.rawValue).contains(type.rawValue)
    }

    var parent: CmarkNode? { cmark_node_parent(pointer).map(CmarkNode.init) }

    /// Text of a text, code, code block or raw HTML node.
    var literal: UnsafeBufferPointer<UInt8> { Self.bytes(cmark_node_get_literal(pointer)) }

    var url: UnsafeBufferPointer<UInt8> { Self.bytes(cmark_node_get_url(pointer)) }

    var title: UnsafeBufferPointer<UInt8> { Self.bytes(cmark_node_get_title(pointer)) }

    /// Info string of a fenced code block; empty for indented ones.
    var fenceInfo: UnsafeBufferPointer<UInt8> { Self.bytes(cmark_node_get_fence_info(pointer)) }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    var isBulletList: Bool { cmark_node_get_list_type(pointer) == CMARK_BULLET_LIST }

    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }

    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }

    /// 1-based line in the parsed text, or 0 where cmark records none (soft breaks).
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

    /// 1-based byte column in the parsed text, or 0 where cmark records none.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    /// Calls `body` with the text a reader would see, depth first: text and
    /// code literals, a space for each line break, and raw HTML only if asked.
    /// Iterates instead of recursing, so nesting depth cannot exhaust the stack.
    func forEachPlainText(includingHTML: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let node = CmarkNode(pointer: child)
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                body(node.literal)
            case CMARK_NODE_HTML_INLINE where includingHTML:
                body(node.literal)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                var space = UInt8(ascii: " ")
                withUnsafePointer(to: &space) { body(UnsafeBufferPointer(start: $0, count: 1)) }
            default:
                break
            }
        }
    }

    private static func bytes(_ string: UnsafePointer<CChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let string else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(
            start: UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self),
            count: strlen(string)
        )
    }
}

/// The node-kind dump used to compare GoSyntax with `go/parser` (see `Tests/GoOracle`).
///
/// One line per node in `go/ast.Inspect` order: the `go/ast` type name, a space, and the node's start
/// position as `line:column` (columns in UTF-8 bytes; `-` for an absent position). Comments are not
/// part of the walk; they follow as `Comment line:column` lines, one per comment in source order.
public enum ASTDump {
    /// The dump of `file`, each line ended by `\n`.
    public static func dump(_ file: File) -> String {
        var out = ""
        out.reserveCapacity(4096)
        let lines = file.lines
        func put(_ kind: NodeKind, _ pos: Pos) {
            out += kind.rawValue
            if pos.isValid {
                let p = lines.position(of: pos)
                out += " \(p.line):\(p.column)\n"
            } else {
                out += " -\n"
            }
        }
        file.inspect { node in
            put(node.kind, node.pos)
            return true
        }
        for c in file.comments { put(.comment, c.pos) }
        return out
    }
}

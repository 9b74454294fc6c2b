import ConcModel
import ConcRules

extension TextFormatter {
    /// Each fix of `finding` as a small diff: `fix (safe): message`, then the changed lines
    /// with `-` and `+` and their line numbers. Empty when the source is unknown.
    func fixes(of finding: Finding, in source: SourceFile?) -> String {
        guard let source else { return "" }
        var output = ""
        for fix in finding.fixes {
            guard let hunk = FixHunk(fix.edits, in: source) else { continue }
            let label = "fix (\(fix.applicability.rawValue)):"
            output += "  " + style.paint(label, fix.applicability == .safe ? .green : .yellow) + " " + fix.message + "\n"
            let width = String(hunk.changes.map(\.number).max() ?? 0).count
            for line in hunk.changes {
                let number = String(line.number)
                let padded = String(repeating: " ", count: width - number.count) + number
                output += "    " + padded + " "
                    + (line.kind == .removed ? style.paint("- " + line.text, .red) : style.paint("+ " + line.text, .green)) + "\n"
            }
        }
        return output
    }
}

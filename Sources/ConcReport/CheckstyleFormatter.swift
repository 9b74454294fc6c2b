import ConcModel
import ConcRules

/// Writes the Checkstyle XML report that Jenkins (Warnings NG), GitLab code-quality converters,
/// reviewdog and most CI systems ingest:
///
/// ```xml
/// <?xml version="1.0" encoding="UTF-8"?>
/// <checkstyle version="4.3">
///   <file name="Sources/App/main.swift">
///     <error line="4" column="19" severity="error" message="…" source="conclint.shared-mutable-capture"/>
///   </file>
/// </checkstyle>
/// ```
///
/// One `<file>` per path with findings or problems, sorted by path; severities `error`, `warning`
/// and `info` (for notes); columns 1-based in UTF-16 code units; `source` is `conclint.<rule-id>`
/// (`conclint.<problem-kind>` for file problems). Attribute values are XML-escaped and characters
/// XML 1.0 forbids are dropped. Suppressed findings are left out.
public struct CheckstyleFormatter: Sendable {
    /// A formatter; it has no settings.
    public init() {}

    /// The XML text of `run`, ending with a newline.
    public func format(_ run: LintRun) -> String {
        var entries: [String: [String]] = [:]
        for finding in run.findings {
            let source = run.sources[finding.path]
            let column = source?.utf16Column(of: finding.range.start) ?? finding.range.start.column
            var message = finding.message
            if !finding.suggestion.isEmpty { message += " (suggestion: \(finding.suggestion))" }
            entries[finding.path, default: []].append(
                element(line: finding.range.start.line, column: column, severity: Self.severity(finding.severity),
                        message: message, source: "conclint." + finding.ruleID))
        }
        for problem in run.problems {
            let failing = problem.kind == .unreadable || problem.kind == .unsupported
            entries[problem.path, default: []].append(
                element(line: problem.position?.line ?? 1, column: problem.position?.column, severity: failing ? "error" : "warning",
                        message: problem.message, source: "conclint." + problem.kind.rawValue))
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for path in entries.keys.sorted() {
            xml += "  <file name=\"\(Self.escape(path))\">\n"
            for entry in entries[path] ?? [] { xml += "    " + entry + "\n" }
            xml += "  </file>\n"
        }
        return xml + "</checkstyle>\n"
    }

    private func element(line: Int, column: Int?, severity: String, message: String, source: String) -> String {
        let columnAttribute = column.map { " column=\"\($0)\"" } ?? ""
        return "<error line=\"\(line)\"\(columnAttribute) severity=\"\(severity)\" message=\"\(Self.escape(message))\" source=\"\(Self.escape(source))\"/>"
    }

    /// `error`, `warning` or `info`.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "info"
        }
    }

    /// `text` escaped for a double-quoted attribute; newlines and tabs as character references,
    /// other characters XML 1.0 forbids dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\t": result += "&#9;"
            default:
                let value = scalar.value
                let allowed = (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
                if allowed { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}

import Foundation
import ConcModel
import ConcRules

/// Writes GitHub Actions workflow commands, one line per finding, which the runner turns into
/// annotations on the pull request:
/// `::error file=path,line=3,endLine=3,col=5,endColumn=9,title=rule-id::message`.
///
/// `error` and `warning` findings become `::error` and `::warning`; notes become `::notice`.
/// Columns are 1-based UTF-16 code units. Values are escaped as the runner expects
/// (`actions/toolkit`, `command.ts`): in the message `%`, `\r`, `\n` become `%25`, `%0D`, `%0A`;
/// in properties `:` and `,` also become `%3A` and `%2C`. File problems become a line each
/// (`::error` for unreadable and unsupported paths, `::warning` otherwise). Suppressed findings
/// are left out.
public struct GitHubFormatter: Sendable {
    /// A formatter; it has no settings.
    public init() {}

    /// The workflow-command text of `run`, one line each, ending with a newline (empty when there
    /// is nothing to report).
    public func format(_ run: LintRun) -> String {
        var lines: [String] = []
        for finding in run.findings {
            let source = run.sources[finding.path]
            let start = finding.range.start, end = finding.range.end
            let properties = [
                ("file", finding.path), ("line", "\(start.line)"), ("endLine", "\(max(start.line, end.line))"),
                ("col", "\(source?.utf16Column(of: start) ?? start.column)"),
                ("endColumn", "\(source?.utf16Column(of: end) ?? end.column)"), ("title", "conclint " + finding.ruleID),
            ]
            var message = finding.message
            if !finding.suggestion.isEmpty { message += "\nsuggestion: " + finding.suggestion }
            lines.append(Self.command(Self.level(finding.severity), properties, message))
        }
        for problem in run.problems {
            var properties = [("file", problem.path)]
            if let position = problem.position {
                properties += [("line", "\(position.line)"), ("col", "\(position.column)")]
            }
            properties.append(("title", "conclint " + problem.kind.rawValue))
            let failing = problem.kind == .unreadable || problem.kind == .unsupported
            lines.append(Self.command(failing ? "error" : "warning", properties, problem.message))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    /// `error`, `warning` or `notice`.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// One `::level key=value,…::message` line.
    static func command(_ level: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(level) \(list)::\(escapeData(message))"
    }

    /// Escapes a message: `%`, `\r`, `\n`.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Escapes a property value: as ``escapeData(_:)`` plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}

import ConcModel
import ConcRules

/// Writes a run as SARIF 2.1.0 that GitHub code scanning accepts.
///
/// One run; `tool.driver.rules[]` from the rule metadata, sorted by id; one result per finding
/// with `ruleId`, `ruleIndex`, `level`, `message`, a physical location whose region always has
/// start and end line and column (columns in UTF-16 code units, declared by the run's
/// `columnKind`), related locations numbered from 1, `partialFingerprints.primaryLocationLineHash`
/// (``LineHashFingerprint``) and `fixes` when the finding carries text edits. File problems are
/// `invocations[0].toolExecutionNotifications`. URIs are relative to `%SRCROOT%` (the
/// ``sourceRoot``) when the file lies inside it. Output is deterministic: keys sorted, arrays in
/// report order. Suppressed findings are results too, with `suppressions` of kind `inSource`
/// (a `conclint:ignore` comment, its reason as the justification) or `external` (a baseline).
public struct SARIFFormatter: Sendable {
    /// The schema URI written as `$schema`.
    public static let schemaURI =
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The absolute directory `%SRCROOT%` stands for; relative paths in the run are relative to it.
    public var sourceRoot: String

    /// - Parameter sourceRoot: an absolute directory, normally the working directory the paths
    ///   in the run are relative to.
    public init(sourceRoot: String) {
        self.sourceRoot = sourceRoot
    }

    /// The SARIF text of `run`, ending with a newline.
    ///
    /// - Throws: `EncodingError` from `JSONEncoder` (not expected for these types).
    public func format(_ run: LintRun) throws -> String {
        try JSONFormatter.encode(log(for: run))
    }

    /// The SARIF object model of `run`.
    public func log(for run: LintRun) -> SARIFLog {
        let rules = run.rules.sorted { $0.id < $1.id }
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let uris = SARIFArtifactURIs(sourceRoot: sourceRoot)
        var fingerprints: [String: LineHashFingerprint] = [:]
        var results: [SARIFResult] = []
        let entries: [(Finding, SuppressedFinding?)] = (run.findings.map { ($0, nil) } + run.suppressed.map { ($0.finding, $0) })
            .sorted { Finding.reportOrder($0.0, $1.0) }
        for (finding, suppression) in entries {
            let source = run.sources[finding.path]
            var lineHash: String?
            if let source {
                let hasher = fingerprints[finding.path] ?? LineHashFingerprint(bytes: source.bytes)
                fingerprints[finding.path] = hasher
                lineHash = hasher.hash(ofLine: finding.range.start.line)
            }
            var result = result(
                for: finding, ruleIndex: ruleIndex[finding.ruleID], source: source, uris: uris, lineHash: lineHash,
                sources: run.sources)
            if let suppression {
                result.suppressions = [
                    SARIFSuppression(kind: suppression.kind.rawValue, justification: suppression.justification)
                ]
            }
            results.append(result)
        }
        let run = SARIFRun(
            tool: SARIFTool(
                driver: SARIFToolComponent(
                    name: ToolInfo.name, version: ToolInfo.versionDescription, semanticVersion: ToolInfo.version,
                    informationUri: ToolInfo.informationURI, rules: rules.map(Self.descriptor))),
            originalUriBaseIds: [SARIFArtifactURIs.baseID: uris.rootLocation],
            columnKind: "utf16CodeUnits",
            invocations: [
                SARIFInvocation(
                    executionSuccessful: true,
                    toolExecutionNotifications: run.problems.map { notification(for: $0, uris: uris) })
            ],
            results: results)
        return SARIFLog(schema: Self.schemaURI, version: "2.1.0", runs: [run])
    }

    private func result(
        for finding: Finding, ruleIndex: Int?, source: SourceFile?, uris: SARIFArtifactURIs, lineHash: String?,
        sources: [String: SourceFile] = [:]
    ) -> SARIFResult {
        let artifact = uris.location(of: finding.path)
        func physical(_ range: SourceRange) -> SARIFPhysicalLocation {
            SARIFPhysicalLocation(artifactLocation: artifact, region: Self.region(range, in: source))
        }
        let related = finding.related.enumerated().map { index, location in
            // A witness in another file of the package is located in that file.
            let physicalLocation = location.path.map { path in
                SARIFPhysicalLocation(artifactLocation: uris.location(of: path), region: Self.region(location.range, in: sources[path]))
            } ?? physical(location.range)
            return SARIFLocation(
                id: index + 1, physicalLocation: physicalLocation,
                message: SARIFMessage(text: location.message))
        }
        let fixes = finding.fixes.isEmpty ? nil : finding.fixes.map { fix in
            SARIFFix(
                description: SARIFMessage(text: "\(fix.message) (\(fix.applicability.rawValue))"),
                artifactChanges: [
                    SARIFArtifactChange(
                        artifactLocation: artifact,
                        replacements: fix.edits.map {
                            SARIFReplacement(
                                deletedRegion: Self.region($0.range, in: source),
                                insertedContent: SARIFArtifactContent(text: $0.replacement))
                        })
                ],
                properties: SARIFFixProperties(applicability: fix.applicability.rawValue))
        }
        return SARIFResult(
            ruleId: finding.ruleID, ruleIndex: ruleIndex, level: finding.severity.rawValue,
            message: SARIFMessage(text: finding.message),
            locations: [SARIFLocation(id: nil, physicalLocation: physical(finding.range), message: nil)],
            relatedLocations: related.isEmpty ? nil : related,
            partialFingerprints: lineHash.map { ["primaryLocationLineHash": $0] },
            fixes: fixes)
    }

    private func notification(for problem: FileProblem, uris: SARIFArtifactURIs) -> SARIFNotification {
        let region = problem.position.map { Self.region(SourceRange(start: $0, end: $0), in: nil) }
        return SARIFNotification(
            descriptor: SARIFDescriptorReference(id: problem.kind.rawValue),
            level: problem.kind == .unreadable ? "error" : "warning",
            message: SARIFMessage(text: problem.message),
            locations: [
                SARIFLocation(
                    id: nil,
                    physicalLocation: SARIFPhysicalLocation(
                        artifactLocation: uris.location(of: problem.path), region: region),
                    message: nil)
            ])
    }

    /// `range` as a SARIF region with UTF-16 columns (byte columns when `source` is unknown);
    /// the end never precedes the start.
    static func region(_ range: SourceRange, in source: SourceFile?) -> SARIFRegion {
        let startLine = max(1, range.start.line)
        let startColumn = max(1, source?.utf16Column(of: range.start) ?? range.start.column)
        var endLine = max(startLine, range.end.line)
        var endColumn = max(1, source?.utf16Column(of: range.end) ?? range.end.column)
        if range.end.line < startLine || (endLine == startLine && endColumn < startColumn) {
            endLine = startLine
            endColumn = startColumn
        }
        return SARIFRegion(startLine: startLine, startColumn: startColumn, endLine: endLine, endColumn: endColumn)
    }

    /// The `tool.driver.rules[]` entry of a rule.
    static func descriptor(_ rule: RuleDescription) -> SARIFReportingDescriptor {
        let languages = rule.languages.sorted { $0.rawValue < $1.rawValue }
        var text = "\(rule.title)\n\n\(rule.summary)\n\nWhy: \(rule.rationale)\n\nLimits: \(rule.limits)"
        var markdown = "**\(rule.title)**\n\n\(rule.summary)\n\n**Why.** \(rule.rationale)\n\n**Limits.** \(rule.limits)"
        for language in languages {
            let suggestion = rule.suggestion(for: language)
            text += "\n\nInstead (\(language.rawValue)): \(suggestion)"
            markdown += "\n\n**Instead (\(language.rawValue)).** \(suggestion)"
        }
        return SARIFReportingDescriptor(
            id: rule.id, name: pascalCase(rule.id), shortDescription: SARIFMessage(text: rule.title),
            fullDescription: SARIFMessage(text: rule.summary),
            help: SARIFMessage(text: text, markdown: markdown), helpUri: nil,
            defaultConfiguration: SARIFConfiguration(level: rule.defaultSeverity.rawValue, enabled: rule.tier == .default),
            properties: SARIFProperties(tags: ["concurrency"] + languages.map(\.rawValue), precision: "high"))
    }

    /// `shared-mutable-capture` → `SharedMutableCapture`.
    static func pascalCase(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }
}

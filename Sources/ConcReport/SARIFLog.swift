/// The subset of the SARIF 2.1.0 object model conclint writes (OASIS SARIF 2.1.0 Errata 01).
/// Section numbers refer to that standard. Optional properties that are `nil` are omitted.
public struct SARIFLog: Codable, Hashable, Sendable {
    /// The schema URI (§3.13.3).
    public var schema: String
    /// Always `"2.1.0"` (§3.13.2).
    public var version: String
    /// Exactly one run (§3.13.4).
    public var runs: [SARIFRun]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version
        case runs
    }
}

/// A run of one tool (§3.14).
public struct SARIFRun: Codable, Hashable, Sendable {
    /// The tool that produced the run (§3.14.6).
    public var tool: SARIFTool
    /// Where `%SRCROOT%` points (§3.14.14).
    public var originalUriBaseIds: [String: SARIFArtifactLocation]?
    /// `"utf16CodeUnits"` (§3.14.20).
    public var columnKind: String
    /// One invocation, carrying file problems (§3.14.11).
    public var invocations: [SARIFInvocation]
    /// One result per finding, in report order (§3.14.23).
    public var results: [SARIFResult]
}

/// The tool (§3.18) and its driver component (§3.19).
public struct SARIFTool: Codable, Hashable, Sendable {
    /// The analysis tool itself (§3.18.2).
    public var driver: SARIFToolComponent
}

/// `tool.driver` (§3.19).
public struct SARIFToolComponent: Codable, Hashable, Sendable {
    /// `conclint` (§3.19.8).
    public var name: String
    /// The tool version with the commit it was built from, `0.1.0 (commit 1a2b3c4)` (§3.19.12).
    public var version: String
    /// The version as a semantic version (§3.19.13).
    public var semanticVersion: String
    /// Where to read about the tool (§3.19.17).
    public var informationUri: String
    /// Rule metadata; a result's `ruleIndex` indexes this array (§3.19.23).
    public var rules: [SARIFReportingDescriptor]
}

/// A rule's metadata (reportingDescriptor, §3.49).
public struct SARIFReportingDescriptor: Codable, Hashable, Sendable {
    /// The rule id, such as `shared-mutable-capture` (§3.49.3).
    public var id: String
    /// The rule id in PascalCase (§3.49.7).
    public var name: String
    /// The rule title (§3.49.9).
    public var shortDescription: SARIFMessage
    /// The rule summary (§3.49.10).
    public var fullDescription: SARIFMessage
    /// Plain text and Markdown help (multiformatMessageString, §3.12).
    public var help: SARIFMessage
    /// A page about the rule, when there is one (§3.49.12).
    public var helpUri: String?
    /// The default severity (§3.49.14).
    public var defaultConfiguration: SARIFConfiguration
    /// Tags: `concurrency` and the languages (§3.49.15, §3.8).
    public var properties: SARIFProperties
}

/// `defaultConfiguration` (reportingConfiguration, §3.50).
public struct SARIFConfiguration: Codable, Hashable, Sendable {
    /// `error`, `warning` or `note` (§3.50.3).
    public var level: String
    /// Whether the rule runs unless asked for: `false` for opt-in rules (§3.50.2).
    public var enabled: Bool = true
}

/// A property bag with tags (§3.8).
public struct SARIFProperties: Codable, Hashable, Sendable {
    /// Free-form tags; GitHub shows them as filters (§3.8.2).
    public var tags: [String]
    /// GitHub code scanning's precision hint.
    public var precision: String?
}

/// A message: plain text and optional Markdown (§3.11, §3.12).
public struct SARIFMessage: Codable, Hashable, Sendable {
    /// Plain text (§3.11.8).
    public var text: String
    /// The same in GitHub-flavoured Markdown (§3.12.4).
    public var markdown: String?
    /// A message id; unused by conclint (§3.11.10).
    public var id: String?

    /// A message with `text`, optional `markdown` and message `id`.
    public init(text: String, markdown: String? = nil, id: String? = nil) {
        self.text = text
        self.markdown = markdown
        self.id = id
    }
}

/// One invocation of the tool (§3.20).
public struct SARIFInvocation: Codable, Hashable, Sendable {
    /// `true` when the run went to the end, even with file problems (§3.20.14).
    public var executionSuccessful: Bool
    /// File problems: unreadable files, syntax errors (§3.20.21).
    public var toolExecutionNotifications: [SARIFNotification]
}

/// A notification (§3.58).
public struct SARIFNotification: Codable, Hashable, Sendable {
    /// Which kind of problem: the ``FileProblem/Kind`` raw value (§3.58.3).
    public var descriptor: SARIFDescriptorReference
    /// `error` for unreadable paths, `warning` otherwise (§3.58.6).
    public var level: String
    /// What went wrong (§3.58.5).
    public var message: SARIFMessage
    /// The file, and the position when known (§3.58.4).
    public var locations: [SARIFLocation]
}

/// A reference to a notification descriptor by id (§3.52).
public struct SARIFDescriptorReference: Codable, Hashable, Sendable {
    /// The descriptor id (§3.52.4).
    public var id: String
}

/// A result: one finding (§3.27).
public struct SARIFResult: Codable, Hashable, Sendable {
    /// The rule id (§3.27.5).
    public var ruleId: String
    /// Index of the rule in `tool.driver.rules` (§3.27.6); absent when the rule is not listed.
    public var ruleIndex: Int?
    /// `error`, `warning` or `note` (§3.27.10).
    public var level: String
    /// The finding's one-sentence message (§3.27.11).
    public var message: SARIFMessage
    /// The primary location, exactly one (§3.27.12).
    public var locations: [SARIFLocation]
    /// The declaration, spawn site, lock…; absent when none (§3.27.22).
    public var relatedLocations: [SARIFLocation]?
    /// `primaryLocationLineHash` (§3.27.17; ``LineHashFingerprint``).
    public var partialFingerprints: [String: String]?
    /// Edits that apply the suggestion; absent when none (§3.27.30).
    public var fixes: [SARIFFix]?
    /// Why the result is suppressed (a `conclint:ignore` comment or a baseline); absent for
    /// results that count (§3.27.23).
    public var suppressions: [SARIFSuppression]? = nil
}

/// A suppression of a result (§3.35).
public struct SARIFSuppression: Codable, Hashable, Sendable {
    /// `inSource` for a `conclint:ignore` comment, `external` for a baseline (§3.35.2).
    public var kind: String
    /// The reason given (§3.35.6).
    public var justification: String
}

/// A location (§3.28).
public struct SARIFLocation: Codable, Hashable, Sendable {
    /// Unique within the result; related locations are numbered from 1 (§3.28.2).
    public var id: Int?
    /// The file and region (§3.28.3).
    public var physicalLocation: SARIFPhysicalLocation
    /// What the location is, for related locations (§3.28.5).
    public var message: SARIFMessage?
}

/// A file and a region in it (§3.29).
public struct SARIFPhysicalLocation: Codable, Hashable, Sendable {
    /// The file (§3.29.3).
    public var artifactLocation: SARIFArtifactLocation
    /// The text range; absent when the whole file is meant (§3.29.4).
    public var region: SARIFRegion?
}

/// A file's URI, relative to `uriBaseId` when given (§3.4).
public struct SARIFArtifactLocation: Codable, Hashable, Sendable {
    /// A relative reference or an absolute `file://` URI (§3.4.3).
    public var uri: String
    /// `%SRCROOT%` for relative URIs (§3.4.4).
    public var uriBaseId: String?
}

/// A text region: 1-based lines, 1-based columns in the run's `columnKind` (§3.30), end column
/// exclusive.
public struct SARIFRegion: Codable, Hashable, Sendable {
    /// 1-based first line (§3.30.5).
    public var startLine: Int
    /// 1-based first column, in UTF-16 code units (§3.30.6).
    public var startColumn: Int
    /// 1-based last line (§3.30.7).
    public var endLine: Int
    /// 1-based column just past the end, in UTF-16 code units (§3.30.8).
    public var endColumn: Int
}

/// A proposed fix (§3.55).
public struct SARIFFix: Codable, Hashable, Sendable {
    /// What the fix does, with its applicability in parentheses (§3.55.2).
    public var description: SARIFMessage
    /// The changes, one file each (§3.55.3).
    public var artifactChanges: [SARIFArtifactChange]
    /// conclint's applicability of the fix (property bag, §3.8).
    public var properties: SARIFFixProperties?
}

/// A fix's property bag (§3.8): whether `conclint --fix` applies it.
public struct SARIFFixProperties: Codable, Hashable, Sendable {
    /// `safe` (applied by `--fix`) or `review` (shown only).
    public var applicability: String
}

/// Changes to one file (§3.56).
public struct SARIFArtifactChange: Codable, Hashable, Sendable {
    /// The file (§3.29.3).
    public var artifactLocation: SARIFArtifactLocation
    /// Non-overlapping replacements (§3.56.3).
    public var replacements: [SARIFReplacement]
}

/// Replace a region by new text (§3.57).
public struct SARIFReplacement: Codable, Hashable, Sendable {
    /// The text to remove (§3.57.3).
    public var deletedRegion: SARIFRegion
    /// The text to put in its place (§3.57.4).
    public var insertedContent: SARIFArtifactContent
}

/// Text content (§3.3).
public struct SARIFArtifactContent: Codable, Hashable, Sendable {
    /// The text (§3.3.2).
    public var text: String
}

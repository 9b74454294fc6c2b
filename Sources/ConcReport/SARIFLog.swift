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
    public var tool: SARIFTool
    /// Where `%SRCROOT%` points (§3.14.14).
    public var originalUriBaseIds: [String: SARIFArtifactLocation]?
    /// `"utf16CodeUnits"` (§3.14.20).
    public var columnKind: String
    public var invocations: [SARIFInvocation]
    public var results: [SARIFResult]
}

/// The tool (§3.18) and its driver component (§3.19).
public struct SARIFTool: Codable, Hashable, Sendable {
    public var driver: SARIFToolComponent
}

/// `tool.driver` (§3.19).
public struct SARIFToolComponent: Codable, Hashable, Sendable {
    public var name: String
    public var version: String
    public var semanticVersion: String
    public var informationUri: String
    /// Rule metadata; a result's `ruleIndex` indexes this array (§3.19.23).
    public var rules: [SARIFReportingDescriptor]
}

/// A rule's metadata (reportingDescriptor, §3.49).
public struct SARIFReportingDescriptor: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var shortDescription: SARIFMessage
    public var fullDescription: SARIFMessage
    /// Plain text and Markdown help (multiformatMessageString, §3.12).
    public var help: SARIFMessage
    public var helpUri: String?
    public var defaultConfiguration: SARIFConfiguration
    public var properties: SARIFProperties
}

/// `defaultConfiguration` (reportingConfiguration, §3.50).
public struct SARIFConfiguration: Codable, Hashable, Sendable {
    /// `error`, `warning` or `note` (§3.50.3).
    public var level: String
}

/// A property bag with tags (§3.8).
public struct SARIFProperties: Codable, Hashable, Sendable {
    public var tags: [String]
    /// GitHub code scanning's precision hint.
    public var precision: String?
}

/// A message: plain text and optional Markdown (§3.11, §3.12).
public struct SARIFMessage: Codable, Hashable, Sendable {
    public var text: String
    public var markdown: String?
    public var id: String?

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
    public var descriptor: SARIFDescriptorReference
    public var level: String
    public var message: SARIFMessage
    public var locations: [SARIFLocation]
}

/// A reference to a notification descriptor by id (§3.52).
public struct SARIFDescriptorReference: Codable, Hashable, Sendable {
    public var id: String
}

/// A result: one finding (§3.27).
public struct SARIFResult: Codable, Hashable, Sendable {
    public var ruleId: String
    /// Index of the rule in `tool.driver.rules` (§3.27.6); absent when the rule is not listed.
    public var ruleIndex: Int?
    /// `error`, `warning` or `note` (§3.27.10).
    public var level: String
    public var message: SARIFMessage
    public var locations: [SARIFLocation]
    public var relatedLocations: [SARIFLocation]?
    /// `primaryLocationLineHash` (§3.27.17; ``LineHashFingerprint``).
    public var partialFingerprints: [String: String]?
    public var fixes: [SARIFFix]?
}

/// A location (§3.28).
public struct SARIFLocation: Codable, Hashable, Sendable {
    /// Unique within the result; related locations are numbered from 1 (§3.28.2).
    public var id: Int?
    public var physicalLocation: SARIFPhysicalLocation
    public var message: SARIFMessage?
}

/// A file and a region in it (§3.29).
public struct SARIFPhysicalLocation: Codable, Hashable, Sendable {
    public var artifactLocation: SARIFArtifactLocation
    public var region: SARIFRegion?
}

/// A file's URI, relative to `uriBaseId` when given (§3.4).
public struct SARIFArtifactLocation: Codable, Hashable, Sendable {
    public var uri: String
    public var uriBaseId: String?
}

/// A text region: 1-based lines, 1-based columns in the run's `columnKind` (§3.30), end column
/// exclusive.
public struct SARIFRegion: Codable, Hashable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
}

/// A proposed fix (§3.55).
public struct SARIFFix: Codable, Hashable, Sendable {
    public var description: SARIFMessage
    public var artifactChanges: [SARIFArtifactChange]
}

/// Changes to one file (§3.56).
public struct SARIFArtifactChange: Codable, Hashable, Sendable {
    public var artifactLocation: SARIFArtifactLocation
    public var replacements: [SARIFReplacement]
}

/// Replace a region by new text (§3.57).
public struct SARIFReplacement: Codable, Hashable, Sendable {
    public var deletedRegion: SARIFRegion
    public var insertedContent: SARIFArtifactContent
}

/// Text content (§3.3).
public struct SARIFArtifactContent: Codable, Hashable, Sendable {
    public var text: String
}

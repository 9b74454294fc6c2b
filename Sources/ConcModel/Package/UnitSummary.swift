/// What a package needs from one lowered file: its declared types and the summaries of its
/// functions. Built right after the file is lowered, so the file's full model can be dropped
/// before the package is analysed.
public struct UnitSummary: Sendable {
    public var path: String
    public var language: Language
    /// Go: the package clause's name.
    public var packageName: String?
    public var types: [TypeDeclaration]
    public var functions: [FunctionSummary]
    /// Channel fields made with a buffer (``Unit/bufferedChannelFields``).
    public var bufferedChannelFields: Set<String> = []
    /// Go: the operating systems the file is built for (``Unit/buildPlatforms``); `nil` for all.
    public var buildPlatforms: Set<String>?

    /// The file holds a program's entry (Go `func main`, Swift top-level code or `@main`). Two
    /// such files in one directory are separate programs (a folder of examples or fixtures,
    /// `//go:build ignore` generators), never one package.
    public var isProgramEntry: Bool { functions.contains { $0.entry == .main } }

    /// Splits the files of one directory-level group into packages: each program entry apart
    /// when there are several, the other files together.
    public static func packages(of group: [UnitSummary]) -> [[UnitSummary]] {
        let entries = group.filter(\.isProgramEntry)
        guard entries.count > 1 else { return [group] }
        let rest = group.filter { !$0.isProgramEntry }
        return entries.map { [$0] } + (rest.isEmpty ? [] : [rest])
    }

    public init(path: String, language: Language, packageName: String?, types: [TypeDeclaration], functions: [FunctionSummary]) {
        self.path = path
        self.language = language
        self.packageName = packageName
        self.types = types
        self.functions = functions
    }

    /// The summary of `unit`: its types and every function's summary.
    public init(_ unit: Unit) {
        var builder = SummaryBuilder(unit: unit)
        self.init(
            path: unit.file.path, language: unit.language, packageName: unit.packageName, types: unit.types,
            functions: unit.functions.isEmpty ? [] : builder.summaries())
        bufferedChannelFields = unit.bufferedChannelFields
        buildPlatforms = unit.buildPlatforms
    }
}

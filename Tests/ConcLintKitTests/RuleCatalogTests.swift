import ConcLintKit
import ConcModel
import ConcRules
import Foundation
import Testing

/// Guards the invariants that keep rule metadata, detectors and fixtures in step. Passes
/// vacuously while `Rules/` is empty.
@Suite("Rule catalog")
struct RuleCatalogTests {
    private let fileManager = FileManager.default

    /// Ids from the `Rules/*.yml` file names (the generator checks each file's `id` matches).
    private var yamlIDs: [String] {
        ((try? fileManager.contentsOfDirectory(atPath: packageRoot + "/Rules")) ?? [])
            .filter { $0.hasSuffix(".yml") }.map { String($0.dropLast(4)) }.sorted()
    }

    @Test("every Rules/*.yml has a detector or is an engine rule, and every detector has a Rules/*.yml")
    func yamlAndDetectorsAgree() {
        let detectorIDs = RuleEngine.detectorIDs.sorted()
        #expect(detectorIDs == yamlIDs.filter { !EngineRules.ids.contains($0) })
        #expect(EngineRules.ids.isSubset(of: yamlIDs), "an engine rule has no Rules/<id>.yml")
        #expect(EngineRules.ids.isDisjoint(with: detectorIDs), "an engine rule also has a detector")
        #expect(RuleCatalog.all.map(\.id).sorted() == yamlIDs, "the generated catalog is stale")
    }

    @Test("rule ids are unique, kebab-case, and each detector's file is named after its id")
    func idsAreUniqueAndNamed() {
        let ids = RuleEngine.detectorIDs
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" }, "\(id) is not kebab-case")
            let fileName = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(
                fileManager.fileExists(atPath: "\(packageRoot)/Sources/ConcRules/\(fileName).swift"),
                "no Sources/ConcRules/\(fileName).swift for \(id)")
        }
    }

    @Test("every documentation field of every rule is filled")
    func documentationIsComplete() {
        for rule in RuleCatalog.all {
            for (field, value) in [
                ("title", rule.title), ("summary", rule.summary), ("rationale", rule.rationale),
                ("limits", rule.limits), ("since", rule.since),
            ] {
                #expect(!value.isEmpty, "\(rule.id): empty \(field)")
            }
            #expect(!rule.title.hasSuffix("."), "\(rule.id): the title ends with a full stop")
            let yaml = (try? String(contentsOfFile: "\(packageRoot)/Rules/\(rule.id).yml", encoding: .utf8)) ?? ""
            #expect(
                yaml.split(separator: "\n").contains("tier: \(rule.tier.rawValue)"),
                "\(rule.id): Rules/\(rule.id).yml does not state `tier: \(rule.tier.rawValue)`")
            for language in rule.languages {
                #expect(rule.suggestions[language]?.isEmpty == false, "\(rule.id): no \(language) suggestion")
                #expect(rule.examples.contains { $0.language == language }, "\(rule.id): no \(language) example")
            }
        }
    }

    @Test("every language a rule claims has triggering and clean fixtures under Fixtures/<lang>/<id>/")
    func fixturesExistPerLanguage() {
        for rule in RuleCatalog.all {
            for language in rule.languages {
                let folder = "\(packageRoot)/Fixtures/\(language.rawValue)/\(rule.id)"
                let texts = fixtureTexts(in: folder, extension: language == .go ? "go" : "swift")
                let marker = "// want \"\(rule.id)\""
                #expect(texts.contains { $0.contains(marker) }, "\(folder): no triggering fixture")
                #expect(texts.contains { !$0.contains("// want ") }, "\(folder): no clean fixture")
            }
        }
    }

    @Test("every Fixtures/<lang>/<folder> is the id of a rule that claims that language")
    func noOrphanFixtureFolders() {
        for language in Language.allCases {
            let folder = "\(packageRoot)/Fixtures/\(language.rawValue)"
            let names = ((try? fileManager.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }
            for name in names {
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: "\(folder)/\(name)", isDirectory: &isDirectory),
                    isDirectory.boolValue
                else { continue }
                let claims = RuleCatalog.description(for: name)?.languages.contains(language) ?? false
                #expect(claims, "Fixtures/\(language.rawValue)/\(name) has no rule claiming \(language.rawValue)")
            }
        }
    }

    /// The texts of every fixture file with `extension` under `folder` (recursively).
    private func fixtureTexts(in folder: String, extension: String) -> [String] {
        guard let walker = fileManager.enumerator(atPath: folder) else { return [] }
        return walker.compactMap { $0 as? String }.filter { $0.hasSuffix("." + `extension`) }.compactMap {
            try? String(contentsOfFile: folder + "/" + $0, encoding: .utf8)
        }
    }
}

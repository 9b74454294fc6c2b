import ConcModel
@testable import ConcReport
import ConcRules
import Foundation
import Testing

@Suite("SARIF formatter")
struct SARIFFormatterTests {
    let sample = SampleRun()
    let formatter = SARIFFormatter(sourceRoot: "/work/project")

    private var log: SARIFLog { formatter.log(for: sample.run) }

    @Test("regions count columns in UTF-16 code units on a line with multi-byte characters")
    func regionsUseUTF16Columns() throws {
        let run = try #require(log.runs.first)
        #expect(run.columnKind == "utf16CodeUnits")
        let region = try #require(run.results[0].locations[0].physicalLocation.region)
        // `let 名前 = "é"; counter += 1`: 19 bytes but 14 UTF-16 code units precede `counter`.
        #expect(region == SARIFRegion(startLine: 4, startColumn: 15, endLine: 4, endColumn: 27))
    }

    @Test("every result and related location has an end line and end column")
    func everyRegionHasAnEnd() throws {
        let text = try formatter.format(sample.run)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let runs = try #require(object["runs"] as? [[String: Any]])
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for result in results {
            let locations = (result["locations"] as? [[String: Any]] ?? [])
                + (result["relatedLocations"] as? [[String: Any]] ?? [])
            for location in locations {
                let region = (location["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
                #expect(region?["endLine"] is Int)
                #expect(region?["endColumn"] is Int)
            }
        }
    }

    @Test("ruleIndex points at the rule with the result's ruleId in tool.driver.rules")
    func ruleIndexMatchesRules() throws {
        let run = try #require(log.runs.first)
        #expect(run.tool.driver.rules.map(\.id) == ["shared-mutable-capture", "thread-per-item"])
        for result in run.results {
            let index = try #require(result.ruleIndex)
            #expect(run.tool.driver.rules[index].id == result.ruleId)
        }
    }

    @Test("rules carry name, descriptions, help text and markdown, default level and tags")
    func rulesCarryMetadata() throws {
        let rule = try #require(log.runs.first?.tool.driver.rules.first)
        #expect(rule.name == "SharedMutableCapture")
        #expect(rule.shortDescription.text == "Title of shared-mutable-capture")
        #expect(rule.fullDescription.text == "Finds shared-mutable-capture.")
        #expect(rule.help.markdown?.contains("**Why.**") == true)
        #expect(rule.defaultConfiguration.level == "error")
        #expect(rule.properties.tags == ["concurrency", "swift"])
    }

    @Test("artifact URIs are relative to %SRCROOT%, absolute outside it, and percent-encoded")
    func artifactURIs() throws {
        let run = try #require(log.runs.first)
        let location = run.results[0].locations[0].physicalLocation.artifactLocation
        #expect(location == SARIFArtifactLocation(uri: "Sources/App/main.swift", uriBaseId: "%SRCROOT%"))
        #expect(run.originalUriBaseIds?["%SRCROOT%"]?.uri == "file:///work/project/")
        var outside = sample.run
        outside.findings[0].path = "/elsewhere/my file.swift"
        let result = formatter.log(for: outside).runs[0].results[0]
        #expect(result.locations[0].physicalLocation.artifactLocation.uri == "file:///elsewhere/my%20file.swift")
        #expect(result.locations[0].physicalLocation.artifactLocation.uriBaseId == nil)
    }

    @Test("related locations are numbered from 1 and keep their messages")
    func relatedLocationsHaveIDs() throws {
        let related = try #require(log.runs.first?.results[0].relatedLocations)
        #expect(related.map(\.id) == [1])
        #expect(related[0].message?.text == "declared here")
    }

    @Test("a finding with text edits becomes a SARIF fix with a replacement")
    func editsBecomeFixes() throws {
        let results = try #require(log.runs.first?.results)
        #expect(results[0].fixes == nil)
        let replacement = try #require(results[1].fixes?.first?.artifactChanges.first?.replacements.first)
        #expect(replacement.insertedContent.text == "Worker")
        #expect(replacement.deletedRegion == SARIFRegion(startLine: 5, startColumn: 1, endLine: 5, endColumn: 7))
    }

    @Test("file problems become tool execution notifications of a successful invocation")
    func problemsBecomeNotifications() throws {
        let invocation = try #require(log.runs.first?.invocations.first)
        #expect(invocation.executionSuccessful)
        #expect(invocation.toolExecutionNotifications.map(\.descriptor.id) == ["syntaxError", "unreadable"])
        #expect(invocation.toolExecutionNotifications.map(\.level) == ["warning", "error"])
    }

    @Test("fingerprints do not change when unrelated lines are inserted above the finding")
    func fingerprintsSurviveInsertionsAbove() throws {
        let before = try #require(log.runs.first?.results.compactMap { $0.partialFingerprints?["primaryLocationLineHash"] })
        #expect(before.count == 2)
        let shifted = SourceFile(path: sample.source.path, text: "// a new header\nimport Dispatch\n\n" + SampleRun.text)
        var run = sample.run
        run.sources = [shifted.path: shifted]
        for index in run.findings.indices {
            run.findings[index].range.start.line += 3
            run.findings[index].range.end.line += 3
        }
        let after = formatter.log(for: run).runs[0].results.compactMap { $0.partialFingerprints?["primaryLocationLineHash"] }
        #expect(after == before)
    }

    @Test("the SARIF output is byte-for-byte deterministic")
    func outputIsDeterministic() throws {
        #expect(try formatter.format(sample.run) == formatter.format(sample.run))
    }

    @Test("the SARIF output validates against the official SARIF 2.1.0 schema")
    func validatesAgainstSchema() throws {
        let schema = packageRoot + "/../shared/schemas/sarif-schema-2.1.0.json"
        guard FileManager.default.fileExists(atPath: schema) else {
            print("skipped: SARIF schema not found at \(schema)")
            return
        }
        let document = FileManager.default.temporaryDirectory.appending(path: "conclint-\(UUID().uuidString).sarif").path
        try formatter.format(sample.run).write(toFile: document, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: document) }
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("jsonschema missing"); sys.exit(3)
            schema = json.load(open(sys.argv[1])); document = json.load(open(sys.argv[2]))
            validator = jsonschema.validators.validator_for(schema)(schema)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
            for error in errors: print(list(error.absolute_path), error.message)
            sys.exit(1 if errors else 0)
            """
        guard let outcome = runPython(["-c", script, schema, document]), outcome.status != 3,
            outcome.status != 127
        else {
            print("skipped: python3 with jsonschema is not available")
            return
        }
        #expect(outcome.status == 0, "schema violations:\n\(outcome.output)")
    }
}

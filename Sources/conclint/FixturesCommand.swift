import ArgumentParser

/// `conclint fixtures`: commands on the bundled fixture programs.
struct FixturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixtures",
        abstract: "Work with the fixture programs (Fixtures/<language>/<rule-id>/).",
        subcommands: [FixturesRunCommand.self])
}

/// Catches a file name starting with `-` given as a path.
///
/// ArgumentParser reads `-hello.go` as the bundled short options `-h -e -l …`; `-h` among them
/// asks for help, so the run would print help and exit 0 without linting. No conclint option is
/// spelled with one dash and more than one letter, so such an argument is reported instead.
enum DashArgument {
    /// The usage error for the first argument before `--` that starts with a single `-` followed
    /// by two or more characters and is not a number (`--jobs -3` reaches the count check), or
    /// `nil` when there is none.
    static func usageError(in arguments: [String]) -> String? {
        for argument in arguments {
            if argument == "--" { return nil }
            guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count > 2, Double(argument) == nil
            else { continue }
            return """
                error: unknown option '\(argument)'
                  hint: to lint a file whose name starts with '-', write './\(argument)', or put it after '--': conclint -- \(argument)
                """
        }
        return nil
    }
}

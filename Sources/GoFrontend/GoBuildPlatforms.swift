import ConcModel
import GoSyntax

/// The operating systems (`GOOS`) a Go file is built for, from its name (`fd_windows.go`,
/// `netpoll_aix_ppc64.go`) and its `//go:build` or `// +build` lines, as go/build reads them.
///
/// Files for different systems are never compiled together, so a package's rules must not join
/// `fd_windows.go`'s `FD` with `fd_unix.go`'s. Architecture, cgo, version and custom tags do not
/// tell systems apart: they count as possibly set.
enum GoBuildPlatforms {
    /// Every `GOOS` go/build knows.
    static let systems: [String] = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl",
        "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows", "zos",
    ]

    /// The systems the `unix` tag stands for (go/build's `unixOS`).
    static let unixSystems: Set<String> = [
        "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux", "netbsd",
        "openbsd", "solaris",
    ]

    /// Architectures, which may follow the system in a file name (`_linux_amd64.go`).
    static let architectures: Set<String> = [
        "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be", "loong64", "mips", "mipsle", "mips64",
        "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64", "s390", "s390x",
        "sparc", "sparc64", "wasm",
    ]

    /// The systems the file builds for; `nil` when it builds for every one.
    static func platforms(path: String, file: GoSyntax.File) -> Set<String>? {
        var allowed = Set(systems)
        if let named = systemInName(path) { allowed = allowed.filter { satisfies($0, tag: named) == true } }
        for comment in file.comments where comment.slash < file.package {
            let text = comment.text
            let expression: Expression?
            if text.hasPrefix("//go:build") {
                var parser = Parser(text.dropFirst("//go:build".count))
                expression = parser.parseOr()
            } else if text.hasPrefix("// +build") {
                expression = plusBuild(text.dropFirst("// +build".count))
            } else {
                continue
            }
            guard let expression else { continue }
            allowed = allowed.filter { expression.evaluate(system: $0) != false }
        }
        return allowed.count == systems.count ? nil : allowed
    }

    /// `fd_windows.go`, `zsys_linux_arm64.go`, `x_aix_test.go` → the system; else `nil`.
    static func systemInName(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard name.hasSuffix(".go") else { return nil }
        var parts = name.dropLast(3).split(separator: "_").map(String.init)
        if parts.last == "test" { parts.removeLast() }
        // The first part is the name proper: `windows.go` is not constrained.
        guard parts.count >= 2 else { return nil }
        if let last = parts.last, architectures.contains(last) {
            let previous = parts[parts.count - 2]
            return parts.count >= 3 && systems.contains(previous) ? previous : nil
        }
        return parts.last.flatMap { systems.contains($0) ? $0 : nil }
    }

    /// Whether `tag` is set when building for `system`.
    static func satisfies(_ system: String, tag: String) -> Bool? {
        if tag == system { return true }
        if tag == "unix" { return unixSystems.contains(system) }
        // go/build: android implies linux, illumos implies solaris, ios implies darwin.
        if (system, tag) == ("android", "linux") || (system, tag) == ("illumos", "solaris") || (system, tag) == ("ios", "darwin") {
            return true
        }
        if systems.contains(tag) { return false }
        return nil
    }

    /// A constraint over tags, evaluated with unknown tags as possibly set (Kleene logic).
    indirect enum Expression {
        case tag(String)
        case not(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)

        func evaluate(system: String) -> Bool? {
            switch self {
            case .tag(let name): return GoBuildPlatforms.satisfies(system, tag: name)
            case .not(let inner): return inner.evaluate(system: system).map { !$0 }
            case .and(let left, let right):
                let (a, b) = (left.evaluate(system: system), right.evaluate(system: system))
                if a == false || b == false { return false }
                return a == true && b == true ? true : nil
            case .or(let left, let right):
                let (a, b) = (left.evaluate(system: system), right.evaluate(system: system))
                if a == true || b == true { return true }
                return a == false && b == false ? false : nil
            }
        }
    }

    /// `// +build linux,amd64 darwin`: space-separated alternatives of comma-joined terms.
    static func plusBuild(_ text: Substring) -> Expression? {
        var result: Expression?
        for option in text.split(separator: " ") where !option.isEmpty {
            var term: Expression?
            for part in option.split(separator: ",") where !part.isEmpty {
                let negated = part.hasPrefix("!")
                let name = String(part.drop { $0 == "!" })
                let tag: Expression = negated ? .not(.tag(name)) : .tag(name)
                term = term.map { .and($0, tag) } ?? tag
            }
            if let term { result = result.map { .or($0, term) } ?? term }
        }
        return result
    }

    /// A `//go:build` expression: `||`, `&&`, `!`, parentheses and tags.
    struct Parser {
        private var tokens: [String]
        private var index = 0

        init(_ text: Substring) {
            var tokens: [String] = []
            var current = ""
            let characters = Array(text) + [" "]
            var position = 0
            while position < characters.count {
                let character = characters[position]
                if character.isLetter || character.isNumber || character == "_" || character == "." {
                    current.append(character)
                } else {
                    if !current.isEmpty { tokens.append(current); current = "" }
                    if character == "!" || character == "(" || character == ")" {
                        tokens.append(String(character))
                    } else if (character == "&" || character == "|"), position + 1 < characters.count, characters[position + 1] == character {
                        tokens.append(String([character, character]))
                        position += 1
                    }
                }
                position += 1
            }
            self.tokens = tokens
        }

        mutating func parseOr() -> Expression? {
            guard var left = parseAnd() else { return nil }
            while index < tokens.count, tokens[index] == "||" {
                index += 1
                guard let right = parseAnd() else { return nil }
                left = .or(left, right)
            }
            return left
        }

        private mutating func parseAnd() -> Expression? {
            guard var left = parseUnary() else { return nil }
            while index < tokens.count, tokens[index] == "&&" {
                index += 1
                guard let right = parseUnary() else { return nil }
                left = .and(left, right)
            }
            return left
        }

        private mutating func parseUnary() -> Expression? {
            guard index < tokens.count else { return nil }
            let token = tokens[index]
            index += 1
            switch token {
            case "!": return parseUnary().map { .not($0) }
            case "(":
                let inner = parseOr()
                guard index < tokens.count, tokens[index] == ")" else { return nil }
                index += 1
                return inner
            case ")", "&&", "||": return nil
            default: return .tag(token)
            }
        }
    }
}

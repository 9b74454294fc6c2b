// run: clean
import Foundation

final class Session: @unchecked Sendable {
    var token: String?

    func refreshToken() async -> String {
        try? await Task.sleep(nanoseconds: 1_000_000)
        return "token-1"
    }
}

func authorize(_ session: Session) async -> String {
    let refresh = Task { await session.refreshToken() }
    session.token = await refresh.value
    return session.token ?? ""
}

func pauseBriefly() async {
    try? await Task.sleep(nanoseconds: 10_000_000)
}

func collect(_ names: [String]) async -> Int {
    await withTaskGroup(of: Int.self) { group in
        for name in names {
            group.addTask { name.count }
        }
        var count = 0
        for await size in group { count += size }
        return count
    }
}

print(await authorize(Session()))
await pauseBriefly()
print(await collect(["a", "bb"]))

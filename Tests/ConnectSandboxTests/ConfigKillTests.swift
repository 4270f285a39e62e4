import ConnectCore
import ConnectTestSupport
import Foundation
import Testing

/// config.toml survives SIGKILL in the middle of writes: it is always the old file or the
/// new one, never a part of either.
@Suite struct ConfigKillTests {
    @Test func killingWritersAtRandomNeverLeavesABrokenConfig() async throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("connect-tui-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let paths = AppPaths(environment: ["HOME": home.path])
        let key = "ApiKey SU-111-222-333:0123456789abcdef0123456789abcdef01234567"
        let padding = String(repeating: "# a long comment so a write takes more than one block\n", count: 200)
        try SecureFile.write(Data((padding + """
            [[accounts]]
            name = "a"
            api_key = "\(key)"

            [[accounts]]
            name = "b"
            api_key = "\(key)"
            """).utf8), to: paths.configFile)
        let binary = BuiltBinary.url.path
        let loop = "while :; do '\(binary)' accounts use a >/dev/null; '\(binary)' accounts use b >/dev/null; done"
        for round in 0..<4 {
            // The loop and the writer it is running form one process group, killed together.
            let group = try Self.spawnGroup(["/bin/sh", "-c", loop], environment: ["HOME=\(home.path)", "PATH=/usr/bin:/bin"])
            try await Task.sleep(for: .milliseconds(400 + round * 150))
            kill(-group, SIGKILL)
            var status: Int32 = 0
            while waitpid(group, &status, 0) < 0, errno == EINTR {}
            let text = try String(contentsOf: paths.configFile, encoding: .utf8)
            let (config, problems) = try AppConfig.parse(text, file: "config.toml")
            #expect(problems.isEmpty, "round \(round): \(problems)")
            #expect(config.accounts.map(\.name) == ["a", "b"], "round \(round)")
            #expect(config.active == nil || ["a", "b"].contains(config.active!), "round \(round)")
            #expect(text.hasPrefix(padding), "round \(round): the comments are whole")
            #expect(SecureFile.mode(of: paths.configFile) == 0o600)
        }
    }

    /// Starts a program as the leader of a new process group; returns its pid.
    static func spawnGroup(_ arguments: [String], environment: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], nil, &attributes, &argv, &envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return pid
    }
}

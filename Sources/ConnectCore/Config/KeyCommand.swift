import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs an account's `api_key_cmd` (`/bin/sh -c …`) and takes its standard output as the key.
/// A command that fails, hangs past the timeout or prints something else is reported by what
/// happened, never by what it printed: the output may be a secret.
public enum KeyCommand {
    public static let defaultTimeout: Duration = .seconds(15)

    public static func run(_ command: String, account: String, timeout: Duration = defaultTimeout) throws(ConfigurationMessage) -> APIKey {
        let output: String
        switch execute(["/bin/sh", "-c", command], timeout: timeout) {
        case .success(let text): output = text
        case .failure(let why): throw ConfigurationMessage("api_key_cmd of \(account) \(why.description)")
        }
        do {
            return try APIKey(parsing: output.trimmingCharacters(in: .whitespacesAndNewlines))
        } catch {
            throw ConfigurationMessage("api_key_cmd of \(account) printed something that is not an API key (ApiKey SU-…:…); it is not shown")
        }
    }

    /// The full path of the program `name` in a `PATH` (`/usr/local/bin:/usr/bin:/bin` when
    /// there is none), if it is there.
    public static func locate(_ name: String, path: String?) -> String? {
        (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A program's standard output (it gets `input` on standard input, or nothing), or why
    /// there is none. `arguments[0]` is the program's path. Stopped with its process group
    /// after `timeout`.
    static func execute(
        _ arguments: [String], input: String? = nil, environment overrides: [String: String]? = nil, timeout: Duration
    ) -> Result<String, ConfigurationMessage> {
        var fds: [Int32] = [0, 0]
        guard privatePipe(&fds) else { return .failure(ConfigurationMessage("could not start (no pipe)")) }
        defer { close(fds[0]) }
        let pid: pid_t
        switch spawn(arguments, input: input, output: fds[1], environment: overrides) {
        case .success(let started): pid = started
        case .failure(let why): return .failure(why)
        }
        var output = Data()
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        var timedOut = false
        while true {
            let left = deadline - ContinuousClock.now
            if left <= .zero {
                timedOut = true
                break
            }
            var poller = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(1000, max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000))))
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            let count = read(fds[0], &buffer, buffer.count)
            if count <= 0 { break }  // end of output
            output.append(contentsOf: buffer[0..<count])
            if output.count > 64 * 1024 { break }  // no key is this long
        }
        if timedOut { kill(-pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        if timedOut { return .failure(ConfigurationMessage("did not finish within \(timeout.components.seconds) s and was stopped")) }
        let exited = (status & 0x7f) == 0
        let code = (status >> 8) & 0xff
        guard exited else { return .failure(ConfigurationMessage("was killed by signal \(status & 0x7f)")) }
        guard code == 0 else { return .failure(ConfigurationMessage("failed (exit status \(code))")) }
        return .success(String(decoding: output, as: UTF8.self))
    }

    /// What a program prints (a paste tool, `tmux show-buffer`), nil when it fails or takes
    /// longer than `timeout`.
    public static func output(of arguments: [String], timeout: Duration) -> String? {
        try? execute(arguments, timeout: timeout).get()
    }

    /// Hands `input` to a program that may stay behind (a clipboard tool serving what was
    /// copied): true when it took it (it exited 0, or is still running after two seconds,
    /// when it is left alone). Its output goes nowhere.
    public static func hand(_ input: String, to arguments: [String]) -> Bool {
        guard case .success(let pid) = spawn(arguments, input: input, output: nil, environment: nil) else { return false }
        let deadline = ContinuousClock.now + .seconds(2)
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return (status & 0x7f) == 0 && (status >> 8) & 0xff == 0 }
            if done < 0, errno != EINTR { return false }
            usleep(10_000)
        }
        // Left running: reaped when it ends, so it never lingers as a zombie.
        Thread.detachNewThread {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        }
        return true
    }

    /// A pipe whose ends no other child inherits (one started at the same time by another
    /// thread, say a clipboard tool that stays behind, would keep it open); the child it is
    /// meant for gets its end through `dup2`, which clears the flag.
    static func privatePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Starts a program in a process group of its own with no signal blocked, whatever the
    /// calling thread blocks (a child inherits that mask, and the threads async code runs on
    /// block signals). `input` goes to its standard input (nothing when nil), its standard
    /// output to `output` (nowhere when nil), its errors nowhere; the environment given
    /// (the keyring's D-Bus address may be the caller's, not ours), or this process's.
    static func spawn(_ arguments: [String], input: String?, output: Int32?, environment overrides: [String: String]?)
        -> Result<pid_t, ConfigurationMessage>
    {
        var inputFDs: [Int32] = [-1, -1]
        if input != nil, !privatePipe(&inputFDs) {
            if let output { close(output) }
            return .failure(ConfigurationMessage("could not start (no pipe)"))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let output {
            posix_spawn_file_actions_adddup2(&actions, output, 1)
            posix_spawn_file_actions_addclose(&actions, output)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        if input != nil {
            posix_spawn_file_actions_adddup2(&actions, inputFDs[0], 0)
            posix_spawn_file_actions_addclose(&actions, inputFDs[0])
            posix_spawn_file_actions_addclose(&actions, inputFDs[1])
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var pid: pid_t = 0
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        #if canImport(Darwin)
            let inherited = _NSGetEnviron().pointee
        #else
            let inherited = environ
        #endif
        var given: [UnsafeMutablePointer<CChar>?] = (overrides ?? [:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in given { free(pointer) } }
        let spawned = overrides == nil
            ? posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, inherited)
            : posix_spawn(&pid, arguments[0], &actions, &attributes, &argv, &given)
        if let output { close(output) }
        if let input {
            close(inputFDs[0])
            if spawned == 0 {
                // Small (a key, a copied text): it fits in the pipe, so this never waits on the child.
                var bytes = Array(input.utf8)
                _ = write(inputFDs[1], &bytes, bytes.count)
            }
            close(inputFDs[1])
        }
        guard spawned == 0 else { return .failure(ConfigurationMessage("could not start (\(String(cString: strerror(spawned))))")) }
        return .success(pid)
    }
}

extension KeySource {
    /// The key itself: parsed, read from its file, or printed by its command.
    public func load(account: String, timeout: Duration = KeyCommand.defaultTimeout) throws(ConfigurationMessage) -> APIKey {
        switch self {
        case .literal(let secret):
            do { return try APIKey(parsing: secret.unmaskedValue) } catch {
                throw ConfigurationMessage("the API key of \(account) is not an API key (ApiKey SU-…:…)")
            }
        case .file(let path):
            // Read as a stream, so a pipe works too: `/dev/stdin`, or `<(pass show …)`.
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw ConfigurationMessage("cannot read the API key file \(path)")
            }
            defer { try? handle.close() }
            // An empty file (or pipe) reads as no data: it then holds no key, said below.
            let data = (try? handle.read(upToCount: 64 * 1024)) ?? Data()
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationMessage("cannot read the API key file \(path)")
            }
            do { return try APIKey(parsing: text.trimmingCharacters(in: .whitespacesAndNewlines)) } catch {
                throw ConfigurationMessage("the API key file \(path) does not hold an API key (ApiKey SU-…:…)")
            }
        case .command(let command):
            return try KeyCommand.run(command, account: account, timeout: timeout)
        case .keyring:
            return try Keyring(environment: ProcessInfo.processInfo.environment).lookup(account: account)
        }
    }
}

import Foundation

/// The `connect-tui` executable built beside the tests (`swift test` builds it too).
public enum BuiltBinary {
    public static var url: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = here.deletingLastPathComponent()
        // The test bundle may sit inside a `.xctest` folder on some platforms.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS" || folder.lastPathComponent == "Contents" {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("connect-tui")
    }
}

/// A child process whose output is collected as it arrives.
public final class RunningProcess: @unchecked Sendable {
    public let process = Process()
    private let lock = NSLock()
    private var collected = Data()
    private let pipe = Pipe()

    public init(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil, standardInput: String? = nil) throws {
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let chunk = handle.availableData
            guard let self, !chunk.isEmpty else { return }
            self.lock.withLock { self.collected.append(chunk) }
        }
        let input = Pipe()
        if standardInput != nil { process.standardInput = input }
        try process.run()
        if let standardInput {
            input.fileHandleForWriting.write(Data(standardInput.utf8))
            try input.fileHandleForWriting.close()
        }
    }

    /// Everything the process printed so far.
    public var output: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// Waits until the output contains `text`, or fails after `timeout`.
    public func waitForOutput(containing text: String, timeout: Duration = .seconds(30)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let now = output
            if now.contains(text) { return now }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        struct Timeout: Error, CustomStringConvertible {
            let description: String
        }
        throw Timeout(description: "no \"\(text)\" in the output within \(timeout); it was:\n\(output)")
    }

    /// Waits for the process to end, or fails after `timeout`; returns its exit status.
    public func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.terminate()
                struct StillRunning: Error {}
                throw StillRunning()
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        // The handler may not have seen the last bytes yet: read what is left.
        pipe.fileHandleForReading.readabilityHandler = nil
        let rest = pipe.fileHandleForReading.readDataToEndOfFile()
        lock.withLock { collected.append(rest) }
        return process.terminationStatus
    }

    public func signal(_ number: Int32) { kill(process.processIdentifier, number) }
}

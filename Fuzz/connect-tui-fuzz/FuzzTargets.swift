import ConnectCore
import Foundation

/// Fuzz targets for the parsers that read untrusted text: RQL, `Content-Range`, API keys and
/// config.toml. Each checks more than "no crash": what it reads must read the same again.
///
/// Built for libFuzzer by `scripts/fuzz` (`-D FUZZING -sanitize=fuzzer`), the target chosen
/// with `FUZZ_TARGET`. Built normally, it replays files: `connect-tui-fuzz TARGET FILE…`.
enum FuzzTarget: String, CaseIterable {
    case rql, contentRange = "content-range", apiKey = "api-key", config

    func run(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        switch self {
        case .rql:
            guard let parsed = try? RQLParser.parseExpression(text) else { return }
            // What was read, written back, reads back to what writes the same text. (Not always
            // the same value: a string with both quote kinds is written as the nearest `like`.)
            guard let again = try? RQLParser.parseExpression(parsed.encoded) else {
                fatalError("RQL \(parsed.encoded) does not read back")
            }
            precondition(again.encoded == parsed.encoded, "RQL round trip changed \(parsed.encoded) into \(again.encoded)")
        case .contentRange:
            guard let range = try? ContentRange.parse(text) else { return }
            precondition(range.count >= 0, "a negative count from \(text)")
            if let total = range.total { precondition(total >= 0, "a negative total from \(text)") }
            precondition((try? ContentRange.parse(range.description)) == range, "\(range) does not read back")
        case .apiKey:
            guard let key = try? APIKey(parsing: text) else { return }
            // Shown, a key is the prefix, its token id and the mask: nothing after the colon.
            let shown = "ApiKey " + (key.tokenID.map { "\($0):" } ?? "") + "••••••••"
            precondition(key.masked == shown && key.description == shown, "a key shows more than its id: \(key.masked)")
        case .config:
            guard let (config, problems) = try? AppConfig.parse(text, file: "fuzz.toml") else { return }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for problem in problems { precondition(problem.line >= 0 && problem.line <= lines, "a problem on line \(problem.line) of \(lines)") }
            for account in config.accounts { precondition(!account.name.isEmpty, "an account without a name") }
        }
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
        let target = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["FUZZ_TARGET"] ?? "") ?? .rql
        target.run(Data(bytes: bytes, count: count))
        return 0
    }

    /// libFuzzer's entry for programs that have their own `main`.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runDriver(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
    ) -> CInt

    /// SwiftPM links an executable's entry point under this name; here it hands over to
    /// libFuzzer's driver.
    @_cdecl("connect_tui_fuzz_main")
    public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
        var count = argc
        var vector = argv
        return runDriver(&count, &vector) { bytes, size in fuzzOne(bytes, size) }
    }
#else
    /// Without libFuzzer: replays files through the checks (`swift test` does).
    @main struct Replay {
        static func main() {
            let arguments = CommandLine.arguments.dropFirst()
            guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else {
                FileHandle.standardError.write(Data("usage: connect-tui-fuzz rql|content-range|api-key|config FILE…\n".utf8))
                exit(2)
            }
            for path in arguments.dropFirst() {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                target.run(data)
            }
            print("replayed \(arguments.count - 1) inputs for \(name)")
        }
    }
#endif

import Foundation
import Testing

/// The sources build on macOS too: Linux's C library is only reached inside
/// `#if canImport(Glibc)`, with a Darwin branch beside it.
@Suite struct PortabilityTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources")

    /// Lines naming Glibc outside a `#if canImport(Glibc)` branch, as "file:line: text".
    static func unguardedGlibc(in text: String, file: String) -> [String] {
        var found: [String] = []
        var branches: [Bool] = []  // for each open #if: whether the current branch is Glibc's
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#if") {
                branches.append(line.contains("canImport(Glibc)"))
            } else if line.hasPrefix("#elseif") || line.hasPrefix("#else") {
                if !branches.isEmpty { branches[branches.count - 1] = line.contains("canImport(Glibc)") }
            } else if line.hasPrefix("#endif") {
                _ = branches.popLast()
            } else if line.contains("Glibc"), !line.hasPrefix("//"), !line.hasPrefix("///"), !branches.contains(true) {
                found.append("\(file):\(number + 1): \(line)")
            }
        }
        return found
    }

    @Test func noUnguardedGlibcInSources() throws {
        let files = try #require(FileManager.default.enumerator(atPath: Self.sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        #expect(files.count > 50, "the sources were found")
        let found = try files.flatMap { file in
            Self.unguardedGlibc(in: try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8), file: file)
        }
        #expect(found.isEmpty, "unguarded Glibc:\n\(found.joined(separator: "\n"))")
    }

    @Test func theCheckCatchesWhatItMust() {
        #expect(Self.unguardedGlibc(in: "import Glibc\n", file: "a").count == 1)
        #expect(Self.unguardedGlibc(in: "x = Glibc.close(1)\n", file: "a").count == 1)
        #expect(Self.unguardedGlibc(in: "#if canImport(Glibc)\n import Glibc\n#elseif canImport(Darwin)\n import Darwin\n#endif\n", file: "a").isEmpty)
        #expect(Self.unguardedGlibc(in: "#if canImport(Glibc)\n#else\n Glibc.close(1)\n#endif\n", file: "a").count == 1)
    }
}

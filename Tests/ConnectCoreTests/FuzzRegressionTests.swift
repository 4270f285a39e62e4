import ConnectTestSupport
import Foundation
import Testing

/// Every seed and every kept regression input of the fuzz targets, replayed through their
/// checks by the normally built `connect-tui-fuzz`.
@Suite struct FuzzRegressionTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    @Test(arguments: ["rql", "content-range", "api-key", "config"])
    func seedsAndRegressionsPassTheirChecks(target: String) async throws {
        let files = ["corpus", "regressions"].flatMap { folder -> [String] in
            let directory = Self.fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).map { directory.appendingPathComponent($0).path }
        }
        #expect(!files.isEmpty, "the \(target) seeds are there")
        let binary = BuiltBinary.url.deletingLastPathComponent().appendingPathComponent("connect-tui-fuzz")
        let run = try RunningProcess(binary, [target] + files)
        #expect(try await run.waitForExit() == 0, "\(run.output)")
        #expect(run.output.contains("replayed \(files.count) inputs for \(target)"))
    }
}

import Foundation
import IntegrationsUI
import TerminalKit
import Testing

/// Golden screens: a screen's whole text at a fixed size, committed under `Goldens/` and
/// compared whole. `CONNECT_TUI_RECORD_GOLDENS=1 swift test --filter GoldenScreenTests`
/// writes them afresh (then read the diff before committing).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static let recording = ProcessInfo.processInfo.environment["CONNECT_TUI_RECORD_GOLDENS"] == "1"
    /// The two sizes every screen is kept at.
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40)]

    /// The screen's text, with the right edge of each line trimmed so the files diff cleanly.
    static func text(_ state: AppState) -> String {
        AppView.render(state).text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }.joined(separator: "\n") + "\n"
    }

    /// Compares `state`'s screen with the golden `name`; a difference fails with the lines
    /// that differ.
    static func check(_ name: String, _ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = folder.appendingPathComponent("\(name).\(state.size.columns)x\(state.size.rows).txt")
        let actual = text(state)
        if recording {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden \(file.lastPathComponent): record it with CONNECT_TUI_RECORD_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        Issue.record("\(file.lastPathComponent) differs:\n\(diff(expected, actual))", sourceLocation: sourceLocation)
    }

    /// "-" golden lines and "+" actual lines where they differ, by row.
    static func diff(_ expected: String, _ actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for row in 0..<max(old.count, new.count) {
            let was = row < old.count ? String(old[row]) : nil
            let now = row < new.count ? String(new[row]) : nil
            guard was != now else { continue }
            if let was { out.append(String(format: "%3d - ", row) + was) }
            if let now { out.append(String(format: "%3d + ", row) + now) }
        }
        return out.joined(separator: "\n")
    }
}

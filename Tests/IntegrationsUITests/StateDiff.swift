import Foundation
import Testing

/// Whole-value comparison with a readable difference: both values dumped line by line, and
/// the lines that differ shown with a little context.
enum StateDiff {
    static func expectEqual<Value: Equatable>(_ actual: Value, _ expected: Value, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        var was = ""
        var now = ""
        dump(expected, to: &was)
        dump(actual, to: &now)
        Issue.record("the whole state differs (- expected, + actual):\n\(diff(was, now))", sourceLocation: sourceLocation)
    }

    /// A line diff by longest common subsequence: removed lines "-", added "+".
    static func diff(_ old: String, _ new: String) -> String {
        let a = old.split(separator: "\n").map(String.init)
        let b = new.split(separator: "\n").map(String.init)
        var common = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var out: [String] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                i += 1
                j += 1
            } else if j < b.count, i == a.count || common[i][j + 1] >= common[i + 1][j] {
                out.append("+ " + b[j])
                j += 1
            } else {
                out.append("- " + a[i])
                i += 1
            }
        }
        return out.joined(separator: "\n")
    }
}

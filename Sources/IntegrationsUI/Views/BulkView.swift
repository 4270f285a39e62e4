import TerminalKit

/// A bulk action's panel: how far it got, then each item with what happened to it (failures
/// first once it is over, so the ones to look at are in view, their reasons wrapped whole),
/// and the keys.
enum BulkView {
    /// The panel's width on a screen whose content is `width` wide.
    static func width(in width: Int) -> Int { min(84, width) }

    static func render(_ run: BulkRun, _ state: AppState, _ frame: Rect, _ screen: inout Screen) {
        let inner = Overlays.panel(frame, title: run.title, &screen)
        let keymap = state.keymaps.bulk
        let answered = run.succeeded.count + run.failed.count
        let headline = run.isFinished
            ? "Done: \(run.summary)."
            : "\(Spinner.frame(state.tick)) \(answered) of \(run.marks.count) answered\(run.stopped ? "; stopping after this one" : "")…"
        screen.put(headline, x: inner.x + 1, y: inner.y, style: Style(run.failed.isEmpty ? .text : .warning, bold: true), maxWidth: inner.width - 2)
        let rows = max(0, inner.height - 3)
        let lines = lines(run, tick: state.tick, width: inner.width - 2)
        // Scrolled within what there is; the last row says how many more lie below.
        let first = min(run.scroll, max(0, lines.count - rows))
        for (index, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = inner.y + 2 + index
            if index == rows - 1, lines.count - first > rows {
                screen.put("… \(lines.count - first - rows + 1) more (\(keymap.label(.down)) scrolls)", x: inner.x + 1, y: y, style: Style(.muted))
                break
            }
            screen.put(line.text, x: inner.x + 1, y: y, style: line.style, maxWidth: inner.width - 2)
        }
        let hint = run.isFinished ? "\(keymap.label(.choose)) closes" : "\(keymap.label(.close)) stops the rest"
        screen.put(hint, x: inner.x + 1, y: inner.maxY - 1, style: Style(.keyHint), maxWidth: inner.width - 2)
    }

    /// Each item's line, and under a failure that does not fit beside it, its reason.
    static func lines(_ run: BulkRun, tick: Int, width: Int) -> [(text: String, style: Style)] {
        let ordered = run.isFinished ? run.marks.filter { !run.succeeded.contains($0) } + run.succeeded : run.marks
        return ordered.flatMap { mark -> [(text: String, style: Style)] in
            let (sign, style, reason) = look(run.outcome(of: mark), tick: tick)
            let head = "\(sign) \(SafeText.visible(mark.label)) (\(mark.id))"
            guard let reason else { return [(head, style)] }
            if head.displayWidth + 1 + reason.displayWidth <= width { return [("\(head) \(reason)", style)] }
            return [(head, style)] + Screen.wrap(SafeText.visible(reason), width: max(1, width - 2), maxLines: 4).map { ("  \($0)", Style(.muted)) }
        }
    }

    private static func look(_ outcome: BulkRun.Outcome, tick: Int) -> (String, Style, String?) {
        switch outcome {
        case .waiting: ("·", Style(.muted), nil)
        case .sending: (Spinner.frame(tick), Style(.text, bold: true), nil)
        case .succeeded: ("✓", Style(.success), nil)
        case .failed(let reason): ("✗", Style(.error), reason)
        case .notSent: ("–", Style(.muted), "not sent")
        }
    }
}

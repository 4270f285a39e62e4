import ConnectTestSupport
import Testing

@testable import TerminalKit

/// Text takes the columns a terminal gives it, and untrusted text cannot reach it raw.
@Suite struct TextTests {
    @Test(arguments: [
        // As tmux and curses count them (measured): joined emoji are drawn side by side.
        ("abc", 3), ("東京", 4), ("👩‍💻", 4), ("🇩🇪", 2), ("e\u{301}", 1), ("한국어", 6), ("ｆｕｌｌ", 8),
        ("❤️", 1), ("☺️", 1), ("👍🏽", 4), ("🏳️‍🌈", 3), ("🏳", 1), ("", 0), ("a\u{200B}b", 2),
    ])
    func displayWidth(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func truncationEndsInAnEllipsisAndNeverSplitsAWideCharacter() {
        #expect("Tutorial API Token".truncated(toWidth: 10) == "Tutorial …")
        #expect("東京東京東京".truncated(toWidth: 5) == "東京…")
        #expect("東京東京東京".truncated(toWidth: 5).displayWidth <= 5)
        #expect("short".truncated(toWidth: 10) == "short")
        #expect("東京".fitted(toWidth: 6) == "東京  ")
        #expect("anything".truncated(toWidth: 0) == "")
    }

    @Test func controlsAndBidiBecomeVisibleEscapes() {
        #expect(SafeText.visible("evil\u{1b}]0;title\u{07}") == #"evil\u{1b}]0;title\u{7}"#)
        #expect(SafeText.visible("\u{9b}2J") == #"\u{9b}2J"#)
        #expect(SafeText.visible("abc\u{202e}cba") == #"abc\u{202e}cba"#)
        #expect(SafeText.visible("line\nbreak\ttab") == #"line\u{a}break\u{9}tab"#)
        #expect(SafeText.visible("👩‍💻 東京 e\u{301}") == "👩‍💻 東京 e\u{301}", "real text is untouched, ZWJ included")
    }

    /// Whatever string comes in, nothing that needs escaping comes out, and safe strings are
    /// left exactly as they were.
    @Test(arguments: 0..<20)
    func sanitizerProperty(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let length = Int.random(in: 0..<40, using: &generator)
            let scalars = (0..<length).map { _ -> Unicode.Scalar in
                let pools: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x9F, 0xA0...0x2FF, 0x2000...0x206F, 0x3040...0x30FF, 0x1F300...0x1F64F, 0xFEFF...0xFEFF]
                let pool = pools.randomElement(using: &generator)!
                return Unicode.Scalar(UInt32.random(in: pool, using: &generator)) ?? "?"
            }
            let text = String(String.UnicodeScalarView(scalars))
            let safe = SafeText.visible(text)
            #expect(!safe.unicodeScalars.contains(where: SafeText.needsEscape), "\(safe.debugDescription)")
            if !text.unicodeScalars.contains(where: SafeText.needsEscape) { #expect(safe == text) }
        }
    }
}


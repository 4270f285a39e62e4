import Testing

@testable import TerminalKit

/// The screen holds cells as a terminal shows them.
@Suite struct ScreenTests {
    @Test func wideCharactersTakeTwoCellsAndCombiningMarksJoinTheirBase() {
        var screen = Screen(size: TerminalSize(columns: 10, rows: 1))
        let used = screen.put("東e\u{301}x", x: 0, y: 0)
        #expect(used == 4)
        #expect(screen[0, 0].text == "東")
        #expect(screen[1, 0].text == "")
        #expect(screen[2, 0].text == "e\u{301}")
        #expect(screen.lines == ["東e\u{301}x      "])
    }

    @Test func textIsCutAtTheEdgeAndAtMaxWidth() {
        var screen = Screen(size: TerminalSize(columns: 5, rows: 2))
        screen.put("abcdefgh", x: 2, y: 0)
        screen.put("東京東", x: 0, y: 1, maxWidth: 3)
        #expect(screen.text == "  abc\n東")
    }

    @Test func noCellEverHoldsAControlCharacter() {
        var screen = Screen(size: TerminalSize(columns: 40, rows: 1))
        screen.put("\u{1b}[2J\u{1b}]52;c;SGFjaw==\u{07}\u{9b}H", x: 0, y: 0)
        let scalars = screen.cells.flatMap { $0.text.unicodeScalars }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        #expect(screen.text.hasPrefix(#"\u{1b}[2J\u{1b}]52;c;SGFj"#))
    }

    @Test func changesListOnlyWhatDiffers() {
        var before = Screen(size: TerminalSize(columns: 4, rows: 2))
        before.put("ab", x: 0, y: 0)
        var after = before
        after.put("X", x: 1, y: 1)
        #expect(after.changes(from: before).map { "\($0.x),\($0.y)" } == ["1,1"])
        #expect(after.changes(from: nil).count == 8)
    }

    @Test func tableColumnsShareSpareWidthAndShowTheEmptyMessage() {
        let table = Table(
            columns: [Table.Column("NAME", minWidth: 4, weight: 1), Table.Column("STATUS", minWidth: 8, weight: 0)],
            rows: [], selected: nil)
        #expect(table.widths(for: 30) == [21, 8])
        var screen = Screen(size: TerminalSize(columns: 30, rows: 4))
        table.render(into: &screen, screen.bounds)
        #expect(screen.text.contains("No data available"))
        #expect(screen.lines[0].hasPrefix("NAME"))
    }

    @Test func wrappingBreaksAtSpaces() {
        #expect(Screen.wrap("Delete Tutorial API Token? This cannot be undone.", width: 20) == ["Delete Tutorial API", "Token? This cannot", "be undone."])
        #expect(Screen.wrap("東京東京東京", width: 4) == ["東京", "東京", "東京"])
        #expect(Screen.wrap("a  b", width: 10) == ["a  b"], "runs of spaces are kept")
        #expect(Screen.wrap("one\ntwo three", width: 5) == ["one", "two", "three"])
    }

    @Test func aWordWiderThanTheLineIsCutAndOnlyTheLinesAskedForAreMade() {
        #expect(Screen.wrap("go abcdefghij", width: 4) == ["go", "abcd", "efgh", "ij"])
        let huge = String(repeating: "x", count: 1 << 20)
        let lines = Screen.wrap("start " + huge, width: 70, maxLines: 3)
        #expect(lines == ["start", String(repeating: "x", count: 70), String(repeating: "x", count: 70)])
        var screen = Screen(size: TerminalSize(columns: 20, rows: 3))
        #expect(screen.putWrapped(huge, in: Rect(x: 0, y: 0, width: 20, height: 2)) == 2)
        #expect(screen.lines[2] == String(repeating: " ", count: 20), "nothing below the rect")
    }

    @Test func aLongFieldScrollsToItsCursor() {
        var field = TextField(String(repeating: "a", count: 50_000) + "END")
        var screen = Screen(size: TerminalSize(columns: 20, rows: 1))
        screen.drawTextField(field, x: 0, y: 0, width: 20, focused: true)
        #expect(screen.lines[0].hasSuffix("END "), "the end of the text and the cursor cell show")
        _ = field.handle(.home)
        screen.drawTextField(field, x: 0, y: 0, width: 20, focused: true)
        #expect(screen.lines[0] == String(repeating: "a", count: 20))
        #expect(screen[0, 0].style.reverse, "the cursor is on the first cell")
    }

    @Test func anEmptyFieldShowsWhereToTypeAndAClickOnAButtonIsAKey() {
        var screen = Screen(size: TerminalSize(columns: 30, rows: 3))
        screen.drawTextField(TextField(), x: 2, y: 1, width: 10, focused: false)
        #expect((2..<12).allSatisfy { screen[$0, 1].style.role == .field }, "the field's whole width is marked")
        #expect(screen[1, 1].style.role != .field && screen[12, 1].style.role != .field, "and no more")
        screen.addTarget(Rect(x: 20, y: 0, width: 8, height: 1), press: .enter)
        #expect(screen.target(x: 20, y: 0) == .enter)
        #expect(screen.target(x: 28, y: 0) == nil)
        screen.fill(Rect(x: 18, y: 0, width: 5, height: 2))
        #expect(screen.target(x: 25, y: 0) == nil, "what is drawn over a button takes its target away")
    }

    @Test func textFieldsEdit() {
        var field = TextField("tok")
        for key in [Key.character("e"), .left, .backspace] {
            let edited = field.handle(key)
            #expect(edited)
        }
        #expect(field.text == "toe")
        _ = field.handle(.control("u"))
        #expect(field.text == "e")
        let enterEdits = field.handle(.enter)
        #expect(!enterEdits)
    }

    @Test func colourDowngrades() {
        #expect(ColorDepth.indexed(r: 255, g: 0, b: 0) == 196)
        #expect(ColorDepth.indexed(r: 128, g: 128, b: 128) == 244)
        #expect(ColorDepth.basic(fromIndexed: 196) == 9)
        #expect(ColorDepth.basic(fromIndexed: 4) == 4)
    }

    @Test func checklistsScrollToTheCursor() {
        var screen = Screen(size: TerminalSize(columns: 14, rows: 2))
        Checklist(items: [("All", false), ("Account", true), ("Helpdesk", false)], cursor: 2).render(into: &screen, screen.bounds)
        #expect(screen.text == "[x] Account\n[ ] Helpdesk")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(size: TerminalSize(columns: 6, rows: 2))
        screen.put("東京東", x: 0, y: 0)
        screen.put("|", x: 1, y: 0)
        screen.put("東京東", x: 0, y: 1)
        screen.fill(Rect(x: 2, y: 1, width: 1, height: 1))
        #expect(screen.lines[0] == " |京東")
        #expect(screen.lines[1] == "東  東")
        for line in screen.lines { #expect(line.displayWidth == 6) }
    }
}

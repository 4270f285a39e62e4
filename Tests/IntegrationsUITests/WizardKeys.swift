import ConnectTestSupport

extension TmuxSession {
    /// From the Tokens list: opens the wizard, types the name and description, chooses Custom
    /// on step 2 and waits for the module checklist of step 3.
    func walkWizardToModules(name: String, description: String) async throws {
        try press("c")
        try await waitFor("Create token – Step 1")
        try type(name)
        try press("Tab", "Tab")
        try type(description)
        try press("Enter")
        try await waitFor("Custom Integration")
        try press("Down", "Space", "Enter")
        try await waitFor("All modules")
    }
}

extension EndToEndTests.World {
    /// The app started from an interactive bash (prompt `prompt$`) in tmux, on its Tokens list.
    func appInShell(extraEnvironment: String = "") async throws -> TmuxSession {
        let tui = try TmuxSession(command: "bash --norc --noprofile")
        let app = "env \(extraEnvironment) HOME='\(home.path)' CONNECT_API_KEY='\(key.unmaskedValue)' CONNECT_ENDPOINT='\(endpoint)' '\(BuiltBinary.url.path)'"
        try tui.type("PS1='prompt$ '; clear; " + app)
        try tui.press("Enter")
        try await tui.waitFor("Tutorial API Token")
        return tui
    }
}

extension TmuxSession {
    /// Ctrl-Z, then `fg` at the shell's prompt: back on the app's list. `whileStopped` looks
    /// at the shell's screen in between.
    func suspendAndResume(whileStopped: (String) -> Void = { _ in }) async throws {
        try press("C-z")
        whileStopped(try await waitFor("Stopped"))
        try type("fg")
        try press("Enter")
        try await waitFor("LABEL")
    }
}

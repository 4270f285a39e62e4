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

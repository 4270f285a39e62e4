/// Who the key belongs to, and the lists a token is made from: modules and extensions.
extension ConnectClient {
    /// The account and user the key acts as (`GET /auth/context`).
    public func authContext() async throws(ConnectError) -> AuthContext {
        try await object(AuthContext.self, Call(.authContext, .get, ["auth", "context"]))
    }

    /// The key's own account with its type and role (`GET /accounts?limit=1&offset=0`, as
    /// connect-cli checks a key).
    public func myAccount() async throws(ConnectError) -> Account {
        let call = Call(.myAccount, .get, ["accounts"])
        let page = try await self.page(Account.self, call, query: ListQuery(), page: PageRequest(limit: 1))
        guard let account = page.items.first else {
            throw call.error(.undecodable(reason: "no account in the response", excerpt: ""))
        }
        return account
    }

    /// One page of the modules a token can be allowed (`GET /modules`).
    public func listModules(_ query: ListQuery = ListQuery(), page: PageRequest) async throws(ConnectError)
        -> Page<Module>
    {
        try await self.page(Module.self, Call(.listModules, .get, ["modules"]), query: query, page: page)
    }

    /// One page of extensions (`GET /extensions`).
    public func listExtensions(_ query: ListQuery = ListQuery(), page: PageRequest)
        async throws(ConnectError) -> Page<Extension>
    {
        try await self.page(Extension.self, Call(.listExtensions, .get, ["extensions"]), query: query, page: page)
    }

    /// One extension in full (`GET /extensions/{id}`).
    public func extensionDetails(id: String) async throws(ConnectError) -> Extension {
        try await object(Extension.self, Call(.getExtension, .get, ["extensions", id]))
    }
}

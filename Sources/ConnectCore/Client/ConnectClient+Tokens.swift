/// Tokens: `/auth/tokens` and its actions and permissions.
extension ConnectClient {
    /// One page of tokens (`GET /auth/tokens`), filtered and ordered by `query`.
    public func listTokens(_ query: ListQuery = ListQuery(), page: PageRequest) async throws(ConnectError)
        -> Page<Token>
    {
        try await self.page(Token.self, Call(.listTokens, .get, ["auth", "tokens"]), query: query, page: page)
    }

    /// One token, with its secret and permissions (`GET /auth/tokens/{id}`).
    public func token(id: String) async throws(ConnectError) -> Token {
        try await object(Token.self, Call(.getToken, .get, ["auth", "tokens", id]))
    }

    /// Creates a token (`POST /auth/tokens`). Never retried: a lost answer may mean it exists.
    public func createToken(_ body: TokenCreate) async throws(ConnectError) -> Token {
        var call = Call(.createToken, .post, ["auth", "tokens"])
        call.body = try Self.encodeBody(body, for: call)
        return try await object(Token.self, call)
    }

    /// Changes a token's name, description or external id (`PUT /auth/tokens/{id}`). The spec
    /// answers with the three fields only; re-read the token for the rest.
    public func updateToken(id: String, _ body: TokenUpdate) async throws(ConnectError) -> TokenUpdate {
        var call = Call(.updateToken, .put, ["auth", "tokens", id])
        call.body = try Self.encodeBody(body, for: call)
        return try await object(TokenUpdate.self, call)
    }

    /// Deletes a token (`DELETE /auth/tokens/{id}`).
    public func deleteToken(id: String) async throws(ConnectError) {
        try await perform(Call(.deleteToken, .delete, ["auth", "tokens", id]))
    }

    /// Enables a token (`POST /auth/tokens/{id}/activate`).
    public func activateToken(id: String) async throws(ConnectError) -> Token {
        try await object(Token.self, Call(.activateToken, .post, ["auth", "tokens", id, "activate"]))
    }

    /// Disables a token (`POST /auth/tokens/{id}/deactivate`).
    public func deactivateToken(id: String) async throws(ConnectError) -> Token {
        try await object(Token.self, Call(.deactivateToken, .post, ["auth", "tokens", id, "deactivate"]))
    }

    /// Replaces the secret at once; the old one stops working (`POST …/rotate`).
    public func rotateToken(id: String, expirationDate: Timestamp? = nil) async throws(ConnectError) -> Token {
        var call = Call(.rotateToken, .post, ["auth", "tokens", id, "rotate"])
        call.body = try Self.encodeBody(TokenRenewRotate(expirationDate: expirationDate), for: call)
        return try await object(Token.self, call)
    }

    /// Issues a new secret; the old one stays valid until it expires (`POST …/renew`).
    public func renewToken(id: String, expirationDate: Timestamp? = nil) async throws(ConnectError) -> Token {
        var call = Call(.renewToken, .post, ["auth", "tokens", id, "renew"])
        call.body = try Self.encodeBody(TokenRenewRotate(expirationDate: expirationDate), for: call)
        return try await object(Token.self, call)
    }

    /// One page of a token's permissions (`GET /auth/tokens/{id}/permissions`).
    public func listTokenPermissions(
        tokenID: String, _ query: ListQuery = ListQuery(), page: PageRequest
    ) async throws(ConnectError) -> Page<TokenPermission> {
        try await self.page(
            TokenPermission.self, Call(.listTokenPermissions, .get, ["auth", "tokens", tokenID, "permissions"]),
            query: query, page: page)
    }

    /// Lets a token use a module (`POST /auth/tokens/{id}/permissions`).
    public func addTokenPermission(tokenID: String, moduleID: String) async throws(ConnectError)
        -> PermissionMerge
    {
        var call = Call(.addTokenPermission, .post, ["auth", "tokens", tokenID, "permissions"])
        call.body = try Self.encodeBody(PermissionMerge(moduleID: moduleID), for: call)
        return try await object(PermissionMerge.self, call)
    }

    /// Takes a module away from a token (`DELETE /auth/tokens/{id}/permissions`). The spec gives
    /// this DELETE no body; it is sent the same `PermissionMerge` as the POST, which is how the
    /// module to remove can be named at all (see DECISIONS.md).
    public func removeTokenPermission(tokenID: String, moduleID: String) async throws(ConnectError) {
        var call = Call(.removeTokenPermission, .delete, ["auth", "tokens", tokenID, "permissions"])
        call.body = try Self.encodeBody(PermissionMerge(moduleID: moduleID), for: call)
        try await perform(call)
    }
}

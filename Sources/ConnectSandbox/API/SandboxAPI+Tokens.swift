import ConnectCore
import Foundation

/// `/auth/tokens…`
extension SandboxAPI {
    func tokens(_ method: String, _ rest: [String], _ request: SandboxRequest) async throws -> HTTPResponse {
        switch (method, rest.count) {
        case ("GET", 0):
            let select = (try? RQLParser.parseQueryString(request.query))?.query.select ?? []
            return try await listPage(request, .tokens) { query, limit, offset in
                try await store.listTokens(query, limit: limit, offset: offset, withPermissions: !select.contains("-permissions"))
            }
        case ("POST", 0):
            let create = try body(TokenCreate.self, request)
            let problems = [
                Self.check(create.name, "name", limit: 128, required: true),
                Self.check(create.description, "description", limit: 255),
                Self.check(create.externalID, "external_id", limit: 128),
                create.extension.id.isEmpty ? "extension.id: This field is required." : nil,
            ].compactMap { $0 }
            guard problems.isEmpty else { throw APIError.validation(problems) }
            return .json(201, try await store.createToken(create))
        case ("GET", 1):
            return .json(200, try await found(store.token(id: rest[0]), rest[0]))
        case ("PUT", 1):
            let update = try body(TokenUpdate.self, request)
            let problems = [
                update.name.flatMap { Self.check($0, "name", limit: 128, required: true) },
                Self.check(update.description, "description", limit: 255),
                Self.check(update.externalID, "external_id", limit: 128),
            ].compactMap { $0 }
            guard problems.isEmpty else { throw APIError.validation(problems) }
            let token = try await found(store.updateToken(id: rest[0], update), rest[0])
            return .json(200, TokenUpdate(name: token.name, description: token.description, externalID: token.externalID))
        case ("DELETE", 1):
            guard try await store.deleteToken(id: rest[0]) else { throw APIError.notFound("Token", rest[0]) }
            return HTTPResponse(status: 204)
        case ("POST", 2) where rest[1] == "activate" || rest[1] == "deactivate":
            let token = try await found(store.setTokenStatus(id: rest[0], active: rest[1] == "activate"), rest[0])
            return .json(200, token)
        case ("POST", 2) where rest[1] == "rotate" || rest[1] == "renew":
            let options = request.body.isEmpty ? TokenRenewRotate() : try body(TokenRenewRotate.self, request)
            if let date = options.expirationDate, date.date == nil {
                throw APIError.validation("expiration_date: Datetime has wrong format.")
            }
            let token = try await found(
                store.newSecret(id: rest[0], rotate: rest[1] == "rotate", expiration: options.expirationDate), rest[0])
            return .json(200, token)
        case (_, 2) where rest[1] == "permissions":
            return try await permissions(method, tokenID: rest[0], request)
        default:
            throw unmatched(["auth", "tokens"] + rest)
        }
    }

    private func permissions(_ method: String, tokenID: String, _ request: SandboxRequest) async throws -> HTTPResponse {
        switch method {
        case "GET":
            return try await listPage(request, .permissions) { query, limit, offset in
                try found(await store.listPermissions(tokenID: tokenID, query, limit: limit, offset: offset), tokenID)
            }
        case "POST":
            let grant = try body(PermissionMerge.self, request)
            guard !grant.object.id.isEmpty else { throw APIError.validation("object.id: This field is required.") }
            return .json(201, try await store.grant(tokenID: tokenID, moduleID: grant.object.id))
        case "DELETE":
            struct Removal: Decodable {
                let id: String?
                let object: IDReference?
            }
            // The spec's DELETE has no body: without one, every permission goes; with one
            // naming a module or a permission id, only that one.
            let removal = request.body.isEmpty ? Removal(id: nil, object: nil) : try body(Removal.self, request)
            guard try await store.revoke(tokenID: tokenID, moduleID: removal.object?.id, permissionID: removal.id) else {
                throw APIError.notFound("Token", tokenID)
            }
            return HTTPResponse(status: 204)
        default:
            throw unmatched(["auth", "tokens", tokenID, "permissions"])
        }
    }

    func found<T>(_ value: T?, _ id: String, _ what: String = "Token") throws -> T {
        guard let value else { throw APIError.notFound(what, id) }
        return value
    }
}

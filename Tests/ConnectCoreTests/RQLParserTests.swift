import ConnectCore
import ConnectTestSupport
import Testing

/// What the client writes, the parser reads back; what it cannot read is a clear error.
@Suite struct RQLParserTests {
    @Test func readsAListRequestLikeTheOfficialClientSendsIt() throws {
        let parsed = try RQLParser.parseQueryString(
            "and(eq(status,active),ilike(name,*foo*))&ordering(-events.created.at,name)&select(-permissions)&limit=25&offset=50")
        #expect(parsed.query.filter == .and([.eq("status", "active"), .ilike("name", "*foo*")]))
        #expect(parsed.query.ordering == [.descending("events.created.at"), SortKey("name")])
        #expect(parsed.query.select == ["-permissions"])
        #expect(parsed.limit == 25)
        #expect(parsed.offset == 50)
    }

    @Test func shortFormsAndSeveralTopLevelTermsAreAnded() throws {
        let parsed = try RQLParser.parseQueryString("status=active&extension.id=eq=EXT-000&search=erp+sync%21")
        #expect(parsed.query.filter == .and([.eq("status", "active"), .eq("extension.id", "EXT-000")]))
        #expect(parsed.query.search == "erp sync!")
    }

    @Test func quotedValuesAndKeywords() throws {
        #expect(try RQLParser.parseExpression(#"eq(name,"a, (b)")"#) == .eq("name", "a, (b)"))
        #expect(try RQLParser.parseExpression(#"eq(name,'say "hi"')"#) == .eq("name", #"say "hi""#))
        #expect(try RQLParser.parseExpression("eq(external_id,null())") == .eq("external_id", .null))
        #expect(try RQLParser.parseExpression("ne(description,empty())") == .ne("description", .empty))
        #expect(try RQLParser.parseExpression("in(status,(active,inactive))") == .in("status", ["active", "inactive"]))
        #expect(try RQLParser.parseExpression("not(or(eq(a,1),eq(b,2)))") == .not(.or([.eq("a", "1"), .eq("b", "2")])))
    }

    @Test(arguments: [
        "eq(name", "eq(name,)", "foo(name,1)", "eq(,1)", "eq(name,\"open", "and()", "in(status,active)",
        "(((", "eq(name,1))", "=5", "ordering(-)", "like(name,null())",
        String(repeating: "not(", count: 100) + "eq(a,1)" + String(repeating: ")", count: 100),
    ])
    func rejectsBrokenRQLWithAMessage(text: String) {
        #expect(throws: RQLParser.ParseError.self) { _ = try RQLParser.parseQueryString(text) }
    }

    @Test func rejectsNonNumericPaging() {
        #expect(throws: RQLParser.ParseError(message: "limit: A valid integer is required.")) {
            _ = try RQLParser.parseQueryString("limit=ten")
        }
        #expect(throws: RQLParser.ParseError.self) { _ = try RQLParser.parseQueryString("offset=-1") }
    }

    @Test func aBrokenPercentEscapeIsKeptAsWritten() throws {
        #expect(try RQLParser.parseQueryString("eq(name,100%25)&eq(b,%zz)").query.filter == .and([.eq("name", "100%"), .eq("b", "%zz")]))
    }

    /// Trees built from awkward values, written by the client and read back by the parser.
    @Test(arguments: 0..<200)
    func generatedQueriesRoundTrip(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let query = ListQuery(
            filter: Self.term(&generator, depth: 0), ordering: [.descending("events.created.at")],
            search: seed.isMultiple(of: 3) ? Self.values.randomElement(using: &generator) : nil)
        let text = query.queryString(page: PageRequest(limit: 25, offset: seed))
        let parsed = try RQLParser.parseQueryString(text)
        #expect(parsed.query.filter?.encoded == query.filter?.encoded, "\(text)")
        #expect(parsed.query.ordering == query.ordering)
        #expect(parsed.query.search == query.search.flatMap { $0.isEmpty ? nil : $0 })
        #expect(parsed.limit == 25)
        #expect(parsed.offset == seed)
    }

    static let values = [
        "active", "Tutorial API Token", "a,b", "f(x)", "Mick's", #"say "hi""#, "100%", "a&b=c", "a+b",
        "東京", "👩‍💻", "-lead", "*wild*", "x y z", "tab\there", "null()", "ends with space ",
    ]
    static let fields = ["name", "status", "extension.id", "events.created.at", "permissions.object.id"]

    static func term(_ g: inout SeededGenerator, depth: Int) -> RQL {
        let field = fields.randomElement(using: &g)!
        let value = RQLValue.string(values.randomElement(using: &g)!)
        switch Int.random(in: 0..<(depth > 2 ? 6 : 9), using: &g) {
        case 0: return .eq(field, value)
        case 1: return .ne(field, value)
        case 2: return .ge(field, value)
        case 3: return .ilike(field, "*" + values.randomElement(using: &g)! + "*")
        case 4: return .in(field, [value, .string(values.randomElement(using: &g)!)])
        case 5: return .eq(field, .null)
        case 6: return .and([term(&g, depth: depth + 1), term(&g, depth: depth + 1)])
        case 7: return .or([term(&g, depth: depth + 1), term(&g, depth: depth + 1)])
        default: return .not(term(&g, depth: depth + 1))
        }
    }
}


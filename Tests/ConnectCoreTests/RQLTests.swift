import ConnectCore
import Foundation
import Testing

/// RQL text is what lib-rql's grammar reads back as the values given.
@Suite struct RQLTests {
    @Test(arguments: [
        (RQL.eq("status", "active"), "eq(status,active)"),
        (.ne("status", "deleted"), "ne(status,deleted)"),
        (.lt("events.created.at", .date(Date(timeIntervalSince1970: 1_621_312_080))),
         "lt(events.created.at,2021-05-18T04:28:00+00:00)"),
        (.le("priority", 5), "le(priority,5)"),
        (.gt("priority", -1), "gt(priority,-1)"),
        (.ge("constraints.account.tokens", 0), "ge(constraints.account.tokens,0)"),
        (.eq("active", true), "eq(active,true)"),
        (.eq("external_id", .null), "eq(external_id,null())"),
        (.eq("description", .empty), "eq(description,empty())"),
        (.like("name", "Tut*"), "like(name,Tut*)"),
        (.ilike("name", "*foo*"), "ilike(name,*foo*)"),
        (.in("status", ["active", "inactive"]), "in(status,(active,inactive))"),
        (.out("extension.id", ["EXT-000"]), "out(extension.id,(EXT-000))"),
        (.not(.eq("status", "active")), "not(eq(status,active))"),
        (.or([.eq("a", 1), .eq("b", 2)]), "or(eq(a,1),eq(b,2))"),
        (.and([.eq("a", 1)]), "eq(a,1)"),
        (.eq("owner.email", "a.b@example.com"), "eq(owner.email,a.b@example.com)"),
    ])
    func encodes(rql: RQL, text: String) {
        #expect(rql.encoded == text)
    }

    @Test(arguments: [
        ("Tutorial API Token", #"eq(name,"Tutorial API Token")"#),
        ("a,b", #"eq(name,"a,b")"#),
        ("f(x)", #"eq(name,"f(x)")"#),
        ("Mick's", #"eq(name,"Mick's")"#),
        (#"say "hi""#, #"eq(name,'say "hi"')"#),
        (" padded", #"eq(name," padded")"#),
        ("", #"eq(name,"")"#),
        ("null()", #"eq(name,"null()")"#),
        ("東京", "eq(name,東京)"),
        ("a&b=c", #"eq(name,"a&b=c")"#),
    ])
    func quotesValuesThatCannotStandBare(value: String, text: String) {
        #expect(RQL.eq("name", .string(value)).encoded == text)
    }

    @Test func aValueWithBothQuotesBecomesTheClosestLikeMatch() {
        let value = #"it's "quoted""#
        #expect(RQL.eq("name", .string(value)).encoded == #"like(name,"it's *quoted*")"#)
        #expect(RQL.ne("name", .string(value)).encoded == #"not(like(name,"it's *quoted*"))"#)
        #expect(RQL.ilike("name", "*\(value)*").encoded == #"ilike(name,"*it's *quoted**")"#)
    }

    @Test func allDropsEmptyAndSingleGroups() {
        #expect(RQL.all([]) == nil)
        #expect(RQL.all([.eq("a", 1)]) == .eq("a", 1))
        #expect(RQL.all([.eq("a", 1), .eq("b", 2)])?.encoded == "and(eq(a,1),eq(b,2))")
    }

    @Test func theQueryStringIsPercentEncodedButKeepsRQLReadable() {
        let query = ListQuery(
            filter: .and([.ilike("name", "*Mick's token*"), .eq("status", "active")]),
            ordering: [.descending("events.created.at"), SortKey("name")],
            select: ["-permissions"], search: "a+b & c")
        #expect(
            query.queryString(page: PageRequest(limit: 25, offset: 50))
                == "and(ilike(name,%22*Mick%27s%20token*%22),eq(status,active))&ordering(-events.created.at,name)&select(-permissions)&search=a%2Bb%20%26%20c&limit=25&offset=50")
    }

    @Test func plusAndDatesSurviveTheQueryString() {
        let query = ListQuery(filter: .ge("events.created.at", .date(Date(timeIntervalSince1970: 0))))
        #expect(
            query.queryString(page: PageRequest())
                == "ge(events.created.at,1970-01-01T00:00:00%2B00:00)&limit=10&offset=0")
    }
}

import Testing
@testable import VigieRules

/// The keys identities are joined by. ASCII texts take byte paths (thousands of identities on a large
/// history); these cases pin their answers and those of the `Character` paths other texts take.
@Suite("Activity: the keys that join identities, ASCII and not")
struct PeopleKeysTests {
    let people = PeopleConventions(minNameLength: 3, genericNames: ["root"], noreplyDomains: ["users.noreply.github.com", "users.noreply.gitlab.com"],
                                   addressNameMinWords: 2, initialSurnameMinLength: 5)

    @Test("a no-reply address gives its login, lowercased, without the numeric id")
    func noreplyLogin() {
        #expect(people.noreplyLogin("12345+Alice@Users.Noreply.GitHub.com") == "alice")
        #expect(people.noreplyLogin("678-witold@users.noreply.gitlab.com") == "witold")
        #expect(people.noreplyLogin("witold@users.noreply.github.com") == "witold")
        // Not an id before the separator: the whole local part is the login.
        #expect(people.noreplyLogin("a1+bob@users.noreply.github.com") == "a1+bob")
        #expect(people.noreplyLogin("+bob@users.noreply.github.com") == "+bob")
        #expect(people.noreplyLogin("123+@users.noreply.github.com") == nil)
        #expect(people.noreplyLogin("bob@example.org") == nil)
        #expect(people.noreplyLogin("no-at-sign") == nil)
        // Not ASCII: the same answers through `Character`s.
        #expect(people.noreplyLogin("12345+Zoë@users.noreply.github.com") == "zoë")
        #expect(people.noreplyLogin("zoë@example.org") == nil)
        // A carriage return is not read as a byte of a name.
        #expect(people.noreplyLogin("12+bob\r\n@users.noreply.github.com") == "bob\r\n")
    }

    @Test("an address of two words or more spells a name; digits or one word do not")
    func addressName() {
        #expect(people.addressName("Pierlou.Ramade@data.gouv.fr") == "pierlou ramade")
        #expect(people.addressName("jean-marc_dupont@x.fr") == "jean marc dupont")
        #expect(people.addressName("a..b@x.fr") == "a b") // empty words are no words
        #expect(people.addressName("marie.2@a.fr") == nil)
        #expect(people.addressName("dev@a.fr") == nil)
        #expect(people.addressName("no-at-sign") == nil)
        #expect(people.addressName("élise.dupont@x.fr") == "elise dupont")
        #expect(people.addressName("élise.2@x.fr") == nil)
    }

    @Test("a name's initial and surname make a handle; a login of letters is one")
    func handles() {
        #expect(people.initialSurnameHandle(ofNameKey: "alice ainsa") == "aainsa")
        #expect(people.initialSurnameHandle(ofNameKey: "alice marie ainsa") == "aainsa")
        #expect(people.initialSurnameHandle(ofNameKey: "jo li") == nil) // "jli": too short
        #expect(people.initialSurnameHandle(ofNameKey: "alice") == nil)
        #expect(people.initialSurnameHandle(ofNameKey: "alice ainsa2") == nil)
        #expect(people.initialSurnameHandle(ofNameKey: "élise ainsà") == "éainsà")
        #expect(people.initialSurnameHandle(ofNameKey: "李 小龙龙龙龙") == "李小龙龙龙龙")
        #expect(people.loginHandle("aainsa") == "aainsa")
        #expect(people.loginHandle("aains") == "aains")
        #expect(people.loginHandle("aain") == nil)
        #expect(people.loginHandle("a-ainsa") == nil)
        #expect(people.loginHandle("zoëainsa") == "zoëainsa")
        #expect(people.loginHandle("zoë") == nil)
    }
}

import Foundation
import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// People, not e-mail addresses: without a `.mailmap`, identities that are obviously one person are
/// merged (rules/data/people.yml); the raw count stays in `identities`.
@Suite("Activity: people, not e-mail addresses")
struct ActivityPeopleTests {
    let context = AuditContext(asOf: RuleExample.asOf, language: .en)

    func commit(_ name: String, _ email: String, _ day: String = "2026-10-01") -> HistoryCommit {
        HistoryCommit(authorName: name, authorEmail: email, authorTime: seconds(day), committerTime: seconds(day), parentCount: 1)
    }

    func analysis(_ commits: [HistoryCommit], files: [String: String] = ["README.md": "# Demo\n"]) throws -> ActivityAnalysis {
        let snapshot = RepositorySnapshot(files: files, commits: commits)
        return try ActivityAnalysis.of(snapshot, context: context, data: ruleData)
    }

    @Test("same name once normalised (case, accents, spacing, symbols) is one person")
    func sameName() throws {
        let found = try analysis([
            commit("Witold", "witold@perso.fr"), commit("witold", "w.kowalski@work.gouv.fr"), commit("witold", "w.kowalski@work.gouv.fr"),
            commit("Élise  Dupont", "elise@a.fr"), commit("elise dupont", "edupont@b.fr"),
            commit("☿ Kenneth Reitz", "me@kennethreitz.org"), commit("Kenneth Reitz", "kenneth@reitz.dev"),
            commit("Alice Martin", "alice@x.fr"),
        ])
        #expect(found.identities == 7)
        #expect(found.people.count == 4)
        #expect(found.authorsInYear == 4)
        // The shown name is the one used in most commits.
        #expect(found.people.first?.name == "witold")
        #expect(found.people.first?.commits == 3 && found.people.first?.commitsInYear == 3)
        #expect(Set(found.people.map(\.commits)) == [3, 2, 1])
    }

    @Test("one forge login on GitHub and GitLab no-reply addresses is one person")
    func noreplyLogins() throws {
        let found = try analysis([
            commit("W. K.", "12345+witold@users.noreply.github.com"), commit("Witold K", "witold@users.noreply.github.com"),
            commit("wk", "678-witold@users.noreply.gitlab.com"), commit("Alice Martin", "alice@x.fr"),
            // The same local part on an ordinary domain is not a login: kept apart.
            commit("Another", "witold@example.org"),
        ])
        #expect(found.identities == 4)
        #expect(found.people.count == 3)
        #expect(found.people.first?.commits == 3)
    }

    @Test("an address spelling a name joins that name: 'Pierlou <pierlou.ramade@…>' is 'Pierlou Ramade' (datagouv/hydra)")
    func addressSpellsName() throws {
        let found = try analysis([
            commit("Pierlou", "pierlou.ramade@data.gouv.fr"), commit("Pierlou Ramade", "48205215+Pierlou@users.noreply.github.com"),
            // One word is no name: "dev@" and "contact@" never join a "Dev" or a "Contact".
            commit("Dev", "dev@a.fr"), commit("Someone Else", "dev@b.fr"),
            // Digits are no name either.
            commit("Marie 2", "marie.2@a.fr"), commit("Marie", "marie@b.fr"),
        ])
        #expect(found.identities == 6)
        #expect(found.people.count == 5)
        #expect(found.people.first { $0.name == "Pierlou Ramade" || $0.name == "Pierlou" }?.commits == 2)
    }

    @Test("a no-reply login that is a name's initial and surname joins it: 'aainsa' is 'Alice <alice.ainsa@…>' (BaseAdresseNationale/ban-plateforme)")
    func initialAndSurname() throws {
        let found = try analysis([
            commit("aainsa", "83408853+aainsa@users.noreply.github.com"), commit("Alice", "alice.ainsa@ign.fr"),
            commit("Bob Martin", "bob@x.fr"), commit("bm", "1+bmartn@users.noreply.github.com"),
            // Too short to tell anyone apart, and an ordinary address is no login.
            commit("Jo Li", "jo@x.fr"), commit("jli", "2+jli@users.noreply.github.com"), commit("bmartin", "bmartin@other.fr"),
        ])
        #expect(found.identities == 7)
        #expect(found.people.count == 6)
    }

    @Test("generic and very short names never merge different people")
    func genericNames() throws {
        let found = try analysis([
            commit("root", "root@server-a.fr"), commit("root", "root@server-b.fr"), commit("Ubuntu", "ubuntu@vm1"), commit("ubuntu", "ubuntu@vm2"),
            commit("jd", "jd@a.fr"), commit("JD", "jd@b.fr"), commit("", "nobody@a.fr"), commit("李", "li@a.cn"), commit("李", "li@b.cn"),
        ])
        #expect(found.identities == 9)
        #expect(found.people.count == 9)
    }

    @Test("with a .mailmap the project says who is who: no merge by name")
    func mailmapWins() throws {
        let commits = [commit("Witold", "witold@perso.fr"), commit("witold", "witold@work.gouv.fr")]
        #expect(try analysis(commits).people.count == 1)
        let mapped = try analysis(commits, files: ["README.md": "# Demo\n", ".mailmap": "Witold <witold@perso.fr>\n"])
        #expect(mapped.people.count == 2)
        #expect(mapped.identities == 2)
    }

    @Test("facts keep the raw identities next to the people; the contributor list and the absence factor use people")
    func facts() throws {
        let commits = [
            commit("Witold", "witold@perso.fr"), commit("Witold", "witold@perso.fr"), commit("witold", "witold@work.gouv.fr"),
            commit("witold", "witold@work.gouv.fr"), commit("Alice Martin", "alice@x.fr"),
        ]
        let snapshot = RepositorySnapshot(files: ["README.md": "# Demo\n"], commits: commits)
        let provider = ActivityFacts(data: ruleData)
        let facts = try provider.facts(snapshot, context: context)
        #expect(facts["authors"]?.intValue == 2)
        #expect(facts["authors_365d"]?.intValue == 2)
        #expect(facts["identities"]?.intValue == 3)
        #expect(facts["identities_365d"]?.intValue == 3)
        #expect(facts["absence_factor"]?.intValue == 1)
        let text = try jsonText(facts["contributors"] ?? .null)
        #expect(text == #"[{"commits":4,"name":"Witold"},{"commits":1,"name":"Alice Martin"}]"#)
        let outcome = try evaluateHealthRule("activity.contributors", ["README.md": "# Demo\n"], commits: commits)
        #expect(outcome.status == .warn)
        #expect(outcome.message.en.contains("2 people (3 git identities) committed this year"))
        #expect(outcome.message.fr.contains("2 personne(s) (3 identités git)"))
    }
}

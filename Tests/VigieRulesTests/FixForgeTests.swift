import Testing
import VigieRules

/// Where a repository is published, from its `origin` URL: credentials never survive, and the forge
/// decides between GitHub and GitLab files.
@Suite("Fix: forge addresses")
struct FixForgeTests {
    @Test("remote URLs in every usual form give the web address, without credentials", arguments: [
        ("https://github.com/example-gouv/calcul.git", "https://github.com/example-gouv/calcul", Forge.github),
        ("https://oauth2:glpat-SECRET@gitlab.com/groupe/sous-groupe/outil.git/", "https://gitlab.com/groupe/sous-groupe/outil", .gitlab),
        ("git@gitlab.example.gouv.fr:equipe/calcul.git", "https://gitlab.example.gouv.fr/equipe/calcul", .gitlab),
        ("ssh://git@github.com:22/org/repo", "https://github.com/org/repo", .github),
        ("https://forge.example.fr/org/repo", "https://forge.example.fr/org/repo", .github),
    ])
    func parsed(url: String, web: String, forge: Forge) {
        let address = ForgeAddress(url)
        #expect(address?.web == web)
        #expect(!(address?.web.contains("SECRET") ?? true))
        #expect(Forge(remote: address) == forge)
    }

    @Test("what is not a remote URL gives none", arguments: ["", "/srv/git/repo.git", "../other", "https://", "https://host/a b\"c"])
    func rejected(url: String) {
        #expect(ForgeAddress(url) == nil)
    }

    @Test("the issue page of each forge")
    func issues() {
        #expect(ForgeAddress("git@gitlab.com:g/p.git")?.issues(.gitlab) == "https://gitlab.com/g/p/-/issues")
        #expect(ForgeAddress("https://github.com/o/r")?.issues(.github) == "https://github.com/o/r/issues")
    }
}

import Yams

/// Values from the repository or the user go into generated YAML as double-quoted scalars: any
/// string reads back as itself, and none can add a key.
@Suite("Fix: YAML values")
struct FixYAMLValueTests {
    @Test("hostile strings read back unchanged", arguments: [
        "plain", "a \"quoted\" word", "back\\slash", "two\nlines", "tab\there", "bell\u{07}", "key: value\nother: 1",
        "# not a comment", "- not a list", "é ☃ \u{2028} \u{85}", "{{placeholder}}", "",
    ])
    func roundTrip(text: String) throws {
        let yaml = "value: \(yamlQuoted(text))\n"
        let loaded = try Yams.load(yaml: yaml) as? [String: Any]
        #expect(loaded?.count == 1)
        #expect(loaded?["value"] as? String == text, "\(yaml)")
    }
}

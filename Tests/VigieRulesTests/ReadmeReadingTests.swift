import Testing
import VigieCore
import VigieRules
import VigieTestSupport

/// READMEs read by their format's reader, and the README sections the accuracy corpus saw missed or
/// wrongly credited (corpus finding 10), each as a minimal README.
@Suite("README reading: formats and sections")
struct ReadmeReadingTests {
    func structure(_ files: [String: String]) throws -> ReadmeStructure {
        try ReadmeStructure.of(scanSnapshot(files.mapValues { Array($0.utf8) }).0, data: ruleData)
    }

    func sections(_ readme: String, name: String = "README.md") throws -> [String: Int] {
        Dictionary(try structure([name: readme]).sections.map { ($0.key, $0.line) }, uniquingKeysWith: { first, _ in first })
    }

    // MARK: reStructuredText

    @Test("reStructuredText: over- and underlined titles by style order, links, targets, images with alt, literal blocks skipped")
    func restructuredText() throws {
        let readme = """
            =======
            Requêtes
            =======

            A library for `humans <https://example.org/humans>`_ and the `guide`_.

            .. image:: docs/logo.png
               :alt: Logo

            .. |build| image:: https://img.shields.io/build.svg
               :target: https://ci.example.org

            Installation
            ============

            Run this::

                pip install requests
                http://not-a-link.example

            Usage
            -----

            See https://docs.example.org/usage.

            .. _guide: docs/guide.rst
            """
        let result = try structure(["README.rst": readme, "docs/logo.png": "png", "docs/guide.rst": "Guide\n=====\n"])
        #expect(result.format == "rst")
        let document = try #require(result.document)
        #expect(document.headings.map(\.text) == ["Requêtes", "Installation", "Usage"])
        #expect(document.headings.map(\.level) == [1, 2, 3])
        #expect(document.headings.map(\.line) == [2, 13, 21])
        #expect(document.links.map(\.target) == [
            "https://example.org/humans", "docs/guide.rst", "docs/logo.png", "https://img.shields.io/build.svg", "https://ci.example.org",
            "https://docs.example.org/usage",
        ])
        #expect(document.links.map(\.line) == [5, 5, 7, 10, 11, 24])
        #expect(document.links.filter(\.isImage).map(\.alt) == ["Logo", ""])
        #expect(document.links.filter(\.isImage).map(\.isBadge) == [false, true])
        #expect(!document.prose.contains { $0.text.contains("pip install") })
        #expect(result.brokenLinks.isEmpty)
        #expect(Set(result.sections.map(\.key)) == ["installation", "usage"])
    }

    @Test("reStructuredText: a relative link to a missing file is broken, on its line")
    func restructuredTextBrokenLink() throws {
        let result = try structure(["README.rst": "Outil\n=====\n\nVoir `le guide <docs/absent.rst>`_.\n"])
        #expect(result.brokenLinks.map(\.target) == ["docs/absent.rst"])
        #expect(result.brokenLinks.map(\.line) == [4])
    }

    // MARK: AsciiDoc

    @Test("AsciiDoc: titles by level, link/xref/URL/image macros, listing and comment blocks skipped")
    func asciiDoc() throws {
        let readme = """
            = Outil de démonstration
            :toc:

            Voir link:docs/guide.adoc[le guide], xref:installation[] et https://example.org[le site].

            image::docs/capture.png[Capture d'écran, 600]
            image:https://img.shields.io/x.svg[]

            == Installation

            [source,sh]
            ----
            == not a title
            link:absent.adoc[no]
            ----

            ////
            image::absent.png[]
            ////

            Pré-requis
            ~~~~~~~~~~

            // a comment with link:absent.adoc[x]
            == Contribuer
            """
        let result = try structure(["README.adoc": readme, "docs/guide.adoc": "= Guide\n", "docs/capture.png": "png"])
        #expect(result.format == "asciidoc")
        let document = try #require(result.document)
        #expect(document.headings.map(\.text) == ["Outil de démonstration", "Installation", "Pré-requis", "Contribuer"])
        #expect(document.headings.map(\.level) == [1, 2, 3, 2])
        #expect(document.headings.map(\.line) == [1, 9, 21, 25])
        #expect(document.links.map(\.target) == ["docs/guide.adoc", "#installation", "https://example.org", "docs/capture.png", "https://img.shields.io/x.svg"])
        #expect(document.links.map(\.line) == [4, 4, 4, 6, 7])
        #expect(document.links.filter(\.isImage).map(\.alt) == ["Capture d'écran", ""])
        #expect(result.brokenLinks.isEmpty)
        // Line 4 opens with fifteen words before the first section: an introduction.
        #expect(Set(result.sections.map(\.key)) == ["purpose", "installation", "contributing"])
    }

    // MARK: Markdown through cmark-gfm

    @Test("Markdown: reference links, HTML images without alt, links in tables; code never counts")
    func markdown() throws {
        let readme = """
            # Outil

            <p align="center"><img src="docs/logo.png"></p>

            | Page | Lien |
            |------|------|
            | Guide | [guide][g] |

            ```md
            [absent](absent.md)
            ```

            [g]: docs/guide.md
            """
        let result = try structure(["README.md": readme, "docs/logo.png": "png", "docs/guide.md": "# Guide"])
        #expect(result.brokenLinks.isEmpty)
        #expect(result.imagesWithoutAlt == [3])
        #expect(result.document?.links.map(\.line) == [3, 7])
    }

    @Test("Markdown: duplicate headings get GitHub's -1 anchors, which a table of contents may use")
    func duplicateAnchors() throws {
        let readme = "# Outil\n\n- [Usage](#usage)\n- [Usage encore](#usage-1)\n- [Absent](#usage-2)\n\n## Usage\n\n## Usage\n"
        let result = try structure(["README.md": readme])
        #expect(result.brokenLinks.map(\.target) == ["#usage-2"])
        #expect(result.brokenLinks.map(\.line) == [5])
    }

    @Test("an emoji heading's anchor keeps its variation selector, and the link naming it is found (datagouv/udata-front)")
    func emojiAnchor() throws {
        let readme = "# Front\n\n- [🖼️ Style](#\u{FE0F}-style)\n- [📖 Read more](#-read-more)\n\n## 🖼️ Style\n\nDSFR.\n"
        let result = try structure(["README.md": readme])
        #expect(result.document?.headings.last?.anchor == "\u{FE0F}-style")
        #expect(result.brokenLinks.map(\.target) == ["#-read-more"])
        #expect(result.brokenLinks.map(\.line) == [4])
    }

    // MARK: Corpus finding 10: missed sections

    @Test("inflected, plural and hyphenated section names are found (corpus finding 10)")
    func inflectedSections() throws {
        let found = try sections("# Demo\n\n## Purpose of the software\nIt converts coordinates.\n\n## Installing Demo\nRun make.\n\n## Running\nRun demo.\n\n## Governance and contributions\nOpen an issue.\n\n## Licence\nMIT\n\n## Contact\nWrite.\n")
        // "Running" alone is not usage: "Running unit tests" (LINCnil/pia) is not, for the corpus's careful reader.
        #expect(found == ["purpose": 3, "installation": 6, "contributing": 12, "licence": 15, "contact": 18])
    }

    @Test("'## Installing Requests and Supported Versions' is installation (psf/requests)")
    func installing() throws {
        #expect(try sections("# Requests\n\n## Installing Requests and Supported Versions\n\npip install requests\n")["installation"] == 3)
    }

    @Test("'### Building' is installation (etalab/transpo-rt, likle/cwalk)")
    func building() throws {
        #expect(try sections("# cwalk\n\n## Usage\n\n### Building\n\ncmake .\n")["installation"] == 5)
    }

    @Test("'## Governance and contributions' is contributing (codegouvfr/sill)")
    func contributions() throws {
        #expect(try sections("# SILL\n\n## Governance and contributions\n\nOpen an issue.\n")["contributing"] == 3)
    }

    @Test("'### Pré-requis' is installation (SocialGouv/recherche-entreprises); 'Installation et lancement' is not usage (DISIC/checklist-pidila)")
    func prerequis() throws {
        let found = try sections("# API\n\n### Pré-requis\n\nNode 18.\n\n## Installation et lancement\n\nnpm start\n")
        #expect(found["installation"] == 3)
        #expect(found["usage"] == nil)
    }

    @Test("'## PURPOSE OF THE SOFTWARE' is what it is (IGNF/circe)")
    func purpose() throws {
        #expect(try sections("# Circe\n\n## PURPOSE OF THE SOFTWARE\n\nShort.\n")["purpose"] == 3)
    }

    // MARK: Corpus finding 10: wrong credits

    @Test("the level-1 title is not a section: '# Team example' is neither usage nor contact")
    func titleNotASection() throws {
        let found = try sections("# Team example\n\n## Licence\nMIT\n")
        #expect(found["usage"] == nil)
        #expect(found["contact"] == nil)
        #expect(found["licence"] == 3)
    }

    @Test("a title after badges is still the title: '# Guide RGPD de l'équipe de développement' is neither contributing nor contact")
    func titleAfterBadges() throws {
        let found = try sections("[![CI](https://ci/badge.svg)](https://ci)\n\n\n# Guide RGPD de l'équipe de développement\n\n## Introduction\n\nTexte.\n")
        #expect(found["contributing"] == nil)
        #expect(found["contact"] == nil)
        #expect(found["purpose"] == 6)
    }

    @Test("an e-mail address under another heading is a contact (SocialGouv/code-du-travail-numerique); code is not")
    func contactAddress() throws {
        #expect(try sections("# Outil\n\n## Contributions\n\nÉcrivez à equipe@example.gouv.fr.\n")["contact"] == 5)
        #expect(try sections("# Tool\n\n## About\n\n[Write to us](mailto:team@example.org)\n")["contact"] == 5)
        #expect(try sections("# Tool\n\n## Setup\n\n```\ngit config user.email me@example.org\n```\n")["contact"] == nil)
    }

    @Test("a developer-setup section is not a contributing section; 'Contribuer' is (suitenumerique/django-lasuite, DISIC/Ara)")
    func developmentIsNotContributing() throws {
        #expect(try sections("# Outil\n\n## Développement\n\n`make test`\n")["contributing"] == nil)
        #expect(try sections("# Tool\n\n## Development\n\n`make test`\n")["contributing"] == nil)
        #expect(try sections("# Outil\n\n## Contribuer\n\nOuvrez une issue.\n")["contributing"] == 3)
    }

    @Test("a heading quoting a YAML field in code is not 'what it is' (betagouv/api.gouv.fr)")
    func codeInHeading() throws {
        let found = try sections("# API\n\n## Champs\n\n##### Options du champ `description: |` :\n\nTexte.\n")
        #expect(found["purpose"] == nil)
    }

    @Test("a first heading below level 1 is a section, not a title")
    func noLevelOneTitle() throws {
        #expect(try sections("## Installation\n\nmake\n\n### Linux\n\napt\n")["installation"] == 1)
    }

    @Test("sections written as HTML headings are found (anct-cartographie-nationale/cartographie)")
    func htmlSections() throws {
        let found = try sections("<h1 align=\"center\">Cartographie</h1>\n\n<h2 id=\"installation\">Installation</h2>\n\nnpm i\n\n<h2 id=\"contacts\">📧 Contacts</h2>\n\nÉcrire.\n")
        #expect(found["installation"] == 3)
        #expect(found["contact"] == 7)
        #expect(found["usage"] == nil)
    }

    @Test("several level-1 headings are sections, not a title")
    func severalTopHeadings() throws {
        let found = try sections("# Installation\n\nmake\n\n# Usage\n\nrun\n")
        #expect(found["installation"] == 1)
        #expect(found["usage"] == 5)
    }

    // MARK: Corpus finding 12: sections without their own heading, and headings that are no section

    @Test("a banner heading above the title: the opening is what follows the title (etalab/apicarto)")
    func bannerAboveTitle() throws {
        let found = try sections("## ⚠️ Ce service est abandonné ⚠️\n\nL'IGN a repris les développements à son compte. Plus d'information sur leur site dédié.\n\n# APICarto\n\n## Prérequis\n\nNode.\n")
        #expect(found["purpose"] == nil)
        #expect(found["installation"] == 7)
    }

    @Test("a list of links is no introduction; a sentence is, addresses of links not counted (SocialGouv/code-du-travail-numerique)")
    func introductionNeedsASentence() throws {
        let links = "# Code\n\n- Consulter le [site internet code.travail.gouv.fr](https://code.travail.gouv.fr)\n- À propos du code du travail numérique : [https://code.travail.gouv.fr/a-propos](https://code.travail.gouv.fr/a-propos)\n\n## Contributions\n\nOuvrez un ticket.\n"
        #expect(try sections(links)["purpose"] == nil)
        let sentence = "# Outil\n\nCet outil vérifie chaque mois les dépôts publiés par une administration.\n\n## Installation\n\nmake\n"
        #expect(try sections(sentence)["purpose"] == 0)
        let shortWithLink = "# Outil\n\nUn outil pour [les humains](https://example.org/very/long/path/with/many/words/in/it).\n\n## Installation\n"
        #expect(try sections(shortWithLink)["purpose"] == nil)
    }

    @Test("the first section after the title, when it is no known section, is the introduction (codegouvfr/sill, LINCnil/Guide-RGPD-du-developpeur)")
    func firstSectionAsIntroduction() throws {
        let sill = "# Catalogi\n\n## A Software Catalog application\n\nThis repository contains Catalogi, a web application to manage software catalogs.\n\n## License\n\nMIT\n"
        #expect(try sections(sill)["purpose"] == 3)
        // A known section right after the title is not the introduction.
        #expect(try sections("# Outil\n\n## Installation\n\nInstallez Python 3.12 puis lancez la commande make install dans le dossier.\n")["purpose"] == nil)
    }

    @Test("contact: 'Contacter le service', 'Discuss with us', and prose inviting to write (betagouv/api.gouv.fr, codegouvfr/sill, etalab/sirene_as_api)")
    func contactWithoutContactHeading() throws {
        #expect(try sections("# API\n\n## Fournisseur d'API ?\n\n### 1- Contacter le service\n\nRemplissez le formulaire.\n")["contact"] == 5)
        #expect(try sections("# Catalogi\n\n## Discuss with us\n\nJoin the channel.\n")["contact"] == 3)
        #expect(try sections("# API\n\n## Changements\n\nVous pouvez également nous contacter au travers des issues de ce dépôt.\n")["contact"] == 5)
    }

    @Test("'Auteur' or 'Team' is a contact only when its text gives a way to reach someone (codegouvfr/floss-criteria, gip-inclusion/data-inclusion)")
    func authorsNeedAWayToReach() throws {
        #expect(try sections("# Critères\n\n## Auteur\n\nDINUM 2025.\n")["contact"] == nil)
        #expect(try sections("# Data\n\n## [Auteurs](CODEOWNERS)\n\n## [Licence](LICENSE)\n")["contact"] == nil)
        #expect(try sections("# Critères\n\n## Auteurs\n\n[Marie Curie](https://github.com/mcurie)\n")["contact"] == 3)
        #expect(try sections("# Tool\n\n## Team\n\nWrite to team@example.org.\n")["contact"] == 3)
    }

    @Test("a parenthesised aside names no section: '2- Créer la page de son API ([exemple](…))' is no usage (betagouv/api.gouv.fr)")
    func asideInHeading() throws {
        #expect(try sections("# API\n\n### 2- Créer la page de son API ([exemple](https://api.gouv.fr/les-api/x))\n\nTexte.\n")["usage"] == nil)
        #expect(try sections("# Outil\n\n## Installation (optionnelle)\n\nmake\n")["installation"] == 3)
    }

    @Test("terms of use, and what developers run, are no usage (numerique-gouv/sites-faciles, gip-inclusion/les-emplois)")
    func notUnder() throws {
        let dsfr = "# Sites\n\n## Droit d’utilisation du DSFR\n\nTexte.\n\n### ⚠️ Utilisation interdite en dehors des sites Internet de l’État\n\nTexte.\n"
        #expect(try sections(dsfr)["usage"] == nil)
        let development = "# Itou\n\n# Environnement de développement\n\n## Installation\n\nmake\n\n## Utiliser les commandes `make` sans connexion\n\n## Lancer les tests\n"
        let found = try sections(development)
        #expect(found["usage"] == nil)
        #expect(found["installation"] == 5)
        // The title is above every section: a title speaking of development puts nothing out.
        #expect(try sections("# Guide RGPD de l'équipe de développement\n\n## Usage\n\nLisez les fiches.\n")["usage"] == 3)
        // A framework's "Further help" under "Development information" helps with the tools (LINCnil/pia).
        #expect(try sections("# PIA\n\n## Présentation\n\nTexte.\n\n# Development information\n\n## Further help\n\nSee the [CLI README](https://x).\n")["contact"] == nil)
    }

    @Test("'LANGUAGE AND COMPILATION', 'EXECUTION', 'Intégrer la Cartographie' and 'please install' (IGNF/circe, anct-cartographie-nationale/cartographie, IGNF/ContinuousGeneralisation)")
    func moreNames() throws {
        let circe = try sections("# Circe\n\n## LANGUAGE AND COMPILATION\n\nC++.\n\n## EXECUTION\n\nRun it.\n")
        #expect(circe["installation"] == 3)
        #expect(circe["usage"] == 7)
        #expect(try sections("<h1>Carto</h1>\n\n<h2 id=\"integration\">📦 Intégrer la Cartographie</h2>\n\nTexte.\n")["usage"] == 3)
        let prose = "# ContinuousGeneralisation\nThis is a project for continuous map generalization.\n\nIn order to run this prototype, please install Microsoft Visual Studio 2017.\n"
        #expect(try sections(prose)["installation"] == 4)
    }

    @Test("a sentence stating the licence is a licence section, and its licences are declared (BurntSushi/ripgrep, LINCnil/Phrase2passe)")
    func licenceSentence() throws {
        #expect(try sections("# ripgrep\n\nripgrep is a line-oriented search tool that recursively searches the current directory.\n\nDual-licensed under MIT or the [UNLICENSE](https://unlicense.org).\n")["licence"] == 5)
        #expect(try sections("# Phrase2passe\n\n## Contribuer\n\n**Phrase2passe est disponible sous license GPLv3 et peut être enrichi.**\n")["licence"] == 5)
        #expect(try sections("# Outil\n\nVoir le [fichier de licence](LICENSE.md).\n")["licence"] == 3)
        // A badge linking to LICENSE shows a picture, not a sentence (codegouvfr/react-dsfr).
        #expect(try sections("# Kit\n\n[![License](https://img.shields.io/npm/l/kit)](LICENSE)\n\n<a href=\"https://github.com/x/kit/blob/main/LICENSE\">\n  <img src=\"https://img.shields.io/npm/l/kit\">\n</a>\n")["licence"] == nil)
        let readme = "# Guide\n\nIntroduction du guide, écrite pour les équipes de développement.\n\nCe guide est publié sous licence GPLv3 et sous licence ouverte 2.0.\n"
        let declared = try DeclaredLicences.of(scanSnapshot(["README.md": Array(readme.utf8)]).0, data: ruleData).filter { $0.source == "readme" }
        #expect(declared.map(\.line) == [5])
        #expect(declared.first?.ids.contains("etalab-2.0") == true)
    }

    @Test("an invitation to contribute in prose, or a link to CONTRIBUTING.md, is a contributing section (IGNF/circe)")
    func contributingInProse() throws {
        let circe = "# Circé\n\n## PURPOSE OF THE GIT PROJECT\n\nContributions are also appreciated; [please read here how to contribute or\nsend questions to Circé team.](https://github.com/IGNF/circe/blob/main/CONTRIBUTING.md)\n"
        let found = try sections(circe)
        #expect(found["contributing"] == 5)
        #expect(found["contact"] == 5)
        #expect(try sections("# Tool\n\nSee [the guide](docs/CONTRIBUTING.md).\n")["contributing"] == 3)
        #expect(try sections("# Tool\n\nRead [how we work](CONTRIBUTING.md#setup).\n")["contributing"] == 3)
    }

    @Test("a fenced code example opening the README is its usage; an indented log in a text README is not (psf/requests, cavallaric/test_LFS_arbres)")
    func openingCodeExample() throws {
        let requests = "# Requests\n\n**Requests** is a simple, yet elegant, HTTP library.\n\n```python\n>>> import requests\n>>> r = requests.get('https://x')\n```\n\n## Installing Requests\n\npip install requests\n"
        #expect(try sections(requests)["usage"] == 5)
        let log = "# readme git LFS example\n\nin my folder I have the large csv file\n\n\tnew file:   .gitignore\n\tnew file:   data/arbres.csv\n"
        #expect(try sections(log, name: "readme.txt")["usage"] == nil)
        // A code block further down, under a section that is not usage, is not the opening's example.
        #expect(try sections("# Tool\n\nTool checks repositories of an administration every month.\n\n## Tests\n\n```\nmake test\n```\n")["usage"] == nil)
    }

    // MARK: Held-out corpus (bench/corpus.txt, "Held out"): what the blind reading showed

    @Test("a notice that the project moved is no introduction (MTES-MCT/camino)")
    func movedNotice() throws {
        #expect(try sections("# Camino\n\nLe projet a migré sur [le gitlab du ministère du développement durable](https://gitlab.example/camino)\n")["purpose"] == nil)
        #expect(try sections("# Tool\n\nThis project has moved to https://codeberg.org/tool and is no longer maintained here.\n")["purpose"] == nil)
    }

    @Test("'Credits' thank others: no contact (etalab/csvapi)")
    func creditsAreNoContact() throws {
        #expect(try sections("# csvapi\n\n## Credits\n\nInspired by the excellent [Datasette](https://github.com/simonw/datasette).\n")["contact"] == nil)
    }

    @Test("install commands or a pointer to install instructions in prose are installation (DISIC/accessibilite.numerique.gouv.fr, betagouv/ma-cantine)")
    func installInProse() throws {
        #expect(try sections("# Site\n\n## Infos\n\nClone le dépot, `npm install`, `npm start`.\n")["installation"] == 5)
        #expect(try sections("# ma cantine\n\n## Aspects techniques\n\nSi vous voulez installer l'environnement en local : [ONBOARDING.md](./docs/ONBOARDING.md)\n")["installation"] == 5)
        // Installing a tool to build the documents is not installing the project (LINCnil/Guide-RGPD-du-developpeur).
        #expect(try sections("# Guide\n\n## Usage\n\nVous pouvez retrouver les instructions pour installer cet outil [ici](https://pandoc.org/installing.html)\n")["installation"] == nil)
    }

    @Test("a link to a chat room, even a badge's, is a contact; 'open an issue' about another project is not (publicodes/publicodes, BurntSushi/ripgrep)")
    func chatRoomContact() throws {
        #expect(try sections("## Publicodes\n\n[![Matrix](https://img.shields.io/matrix/publicodes%3Amatrix.org)](https://app.element.io/#/room/#publicodes:matrix.org)\n")["contact"] == 3)
        #expect(try sections("# rg\n\nIf you have any questions about these, please open an issue in the [tutorial repo](https://github.com/x/y).\n")["contact"] == nil)
    }
}

import Testing
import VigieCore
import VigieReport

/// The count line of text, Markdown and HTML reports agrees in number with each count, by each
/// language's rule (French: 0 and 1 singular; English: 1 singular).
@Suite("Summary line: singular and plural")
struct SummaryWordingTests {
    @Test("one of each is singular in both languages")
    func ones() {
        let counts = StatusCounts([.pass, .warn, .fail, .skip, .error, .exempt])
        let summary = ReportStrings.summary(counts)
        #expect(summary.en == "1 passed, 1 warning, 1 failed, 1 skipped, 1 error, 1 exempt")
        #expect(summary.fr == "1 réussie, 1 avertissement, 1 échec, 1 non applicable, 1 erreur, 1 exemptée")
    }

    @Test("zero is plural in English and singular in French; two is plural in both")
    func zerosAndTwos() {
        let counts = StatusCounts([.pass, .pass, .warn, .warn, .exempt, .exempt])
        let summary = ReportStrings.summary(counts)
        #expect(summary.en == "2 passed, 2 warnings, 0 failed, 0 skipped, 0 errors, 2 exempt")
        #expect(summary.fr == "2 réussies, 2 avertissements, 0 échec, 0 non applicable, 0 erreur, 2 exemptées")
    }

    @Test("no exemption leaves the exemption count out")
    func noExemption() {
        #expect(ReportStrings.summary(StatusCounts([.fail, .fail, .fail])).en == "0 passed, 0 warnings, 3 failed, 0 skipped, 0 errors")
    }
}

import Testing
import VigieCore

@Suite("Scoring: earned weight / applicable weight")
struct ScoringTests {
    @Test("pass earns the whole weight, warn half, fail nothing; skip and error leave both sides")
    func formula() {
        #expect(Scoring.score([(.pass, 3), (.fail, 3)]) == 50)
        #expect(Scoring.score([(.pass, 2), (.warn, 2)]) == 75)
        #expect(Scoring.score([(.pass, 3), (.skip, 10), (.error, 10)]) == 100)
        #expect(Scoring.score([(.fail, 1), (.skip, 1)]) == 0)
        #expect(Scoring.score([(.warn, 1), (.fail, 2)]) == 17) // 0.5 / 3 = 16.7 → 17
    }

    @Test("no applicable weight gives no score")
    func noVerdict() {
        #expect(Scoring.score([(.skip, 3), (.error, 2)]) == nil)
        #expect(Scoring.score([(CheckStatus, Int)]()) == nil)
        #expect(Scoring.score([(.pass, 0)]) == nil)
    }

    @Test("rounds half up")
    func rounding() {
        // 1 of 8 = 12.5 → 13; 7 of 8 = 87.5 → 88
        #expect(Scoring.score([(.pass, 1), (.fail, 7)]) == 13)
        #expect(Scoring.score([(.pass, 7), (.fail, 1)]) == 88)
    }

    @Test("grades: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below", arguments: [
        (100, Grade.A), (90, .A), (89, .B), (75, .B), (74, .C), (60, .C), (59, .D), (40, .D), (39, .E), (0, .E),
    ])
    func grades(score: Int, grade: Grade) {
        #expect(Grade(score: score) == grade)
    }
}

@Suite("Day: calendar arithmetic without the machine's time zone")
struct DayTests {
    @Test("parses and prints ISO days, rejecting impossible dates")
    func parsing() {
        #expect(Day(iso: "2026-11-29")?.iso == "2026-11-29")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "29/11/2026") == nil)
        #expect(Day(iso: "2026-1-5") == nil)
        #expect(Day(iso: "1970-01-01")?.daysSinceEpoch == 0)
    }

    @Test("round-trips every day over four centuries")
    func roundTrip() {
        for days in stride(from: Int64(-146_097), through: 146_097, by: 1) {
            let day = Day(daysSinceEpoch: days)
            let (y, m, d) = day.components
            #expect(Day(year: y, month: m, day: d) == day)
        }
    }

    @Test("formats commit times with their own offset")
    func timestamps() {
        #expect(isoTimestamp(seconds: 1_705_309_200, offsetMinutes: 60) == "2024-01-15T10:00:00+01:00")
        #expect(isoTimestamp(seconds: 0, offsetMinutes: -330) == "1969-12-31T18:30:00-05:30")
        #expect(isoTimestamp(seconds: 0, offsetMinutes: 99 * 60 + 99) == "1970-01-01T00:00:00+00:00")
        #expect(Day(secondsSinceEpoch: -1).iso == "1969-12-31")
    }
}

import Foundation
import Testing
import VigieTestSupport

/// A fleet audits each repository in a worker process: a repository that hangs or crashes its worker
/// (as a hostile repository can make libgit2 do) becomes that repository's error, within its timeout,
/// and every other repository is audited. The faults are injected into the worker
/// (`VIGIE_FLEET_WORKER_FAULT`), so the test does not depend on a libgit2 bug staying unfixed.
@Suite("vigie fleet: one repository's hang or crash stays in its worker")
struct FleetIsolationTests {
    @Test("a hang, a crash and a CPU hog among four: two scorecards, three errors within their timeouts, no stray process")
    func hangAndCrash() throws {
        let scratch = try TemporaryDirectory("vigie-isolation")
        let complete = try FixtureBuilder.build("eig-complete", in: scratch)
        let titleOnly = try FixtureBuilder.build("title-only", in: scratch)
        let manifest = scratch.appending("isolation.yml")
        try """
        name: isolation
        timeout: 30
        repositories:
          - {name: first, path: \(complete.lastPathComponent)}
          - {name: hangs, path: \(titleOnly.lastPathComponent), timeout: 3}
          - {name: crashes, path: \(titleOnly.lastPathComponent)}
          - {name: spins, path: \(titleOnly.lastPathComponent), timeout: 2}
          - {name: last, path: \(titleOnly.lastPathComponent)}
        """.write(to: manifest, atomically: true, encoding: .utf8)
        let output = scratch.appending("out")
        let started = Date()
        let result = try runVigie(["fleet", manifest.path, "--output", output.path, "--as-of", "2026-11-29", "--lang", "en", "--quiet", "--jobs", "2"],
                                  environment: ["VIGIE_FLEET_WORKER_FAULT": "hang:hangs,crash:crashes,spin:spins"])
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 2, "\(result.stderr)")
        // The hang is killed at its 3 s timeout; the CPU hog at its 2 s of CPU; nothing waits for the 30 s default.
        #expect(elapsed < 25, "took \(elapsed) s")
        let data = try Data(contentsOf: output.appendingPathComponent("index.json"))
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let list = try #require(index["repositories"] as? [[String: Any]])
        let entries = Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as! String, $0) })
        #expect(entries["first"]?["status"] as? String == "audited")
        #expect(entries["last"]?["status"] as? String == "audited")
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("last.json").path))
        #expect(entries["hangs"]?["status"] as? String == "error")
        #expect((entries["hangs"]?["error"] as? String)?.contains("gave up after 3 s") == true, "\(entries["hangs"] ?? [:])")
        #expect((entries["crashes"]?["error"] as? String)?.contains("the audit crashed (signal 11") == true, "\(entries["crashes"] ?? [:])")
        let spins = entries["spins"]?["error"] as? String ?? ""
        #expect(spins.contains("CPU-time limit") || spins.contains("gave up after 2 s"), "\(spins)")
        // No worker outlives the fleet: none still names this manifest on its command line.
        let workers = try runProcess(URL(fileURLWithPath: "/usr/bin/pgrep"), ["-f", manifest.path])
        #expect(workers.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "stray workers: \(workers.stdout)")
    }

    @Test("--in-process gives the same scorecards as worker processes")
    func inProcessSameScorecards() throws {
        let scratch = try TemporaryDirectory("vigie-isolation-same")
        let complete = try FixtureBuilder.build("eig-complete", in: scratch)
        let manifest = scratch.appending("same.yml")
        try "name: same\nrepositories:\n  - {name: signaux, path: \(complete.lastPathComponent)}\n".write(to: manifest, atomically: true, encoding: .utf8)
        let workers = scratch.appending("workers"), inProcess = scratch.appending("in-process")
        #expect(try runVigie(["fleet", manifest.path, "--output", workers.path, "--as-of", "2026-11-29", "--quiet"]).status == 0)
        #expect(try runVigie(["fleet", manifest.path, "--output", inProcess.path, "--as-of", "2026-11-29", "--quiet", "--in-process"]).status == 0)
        let a = try Data(contentsOf: workers.appendingPathComponent("signaux.json"))
        let b = try Data(contentsOf: inProcess.appendingPathComponent("signaux.json"))
        #expect(a == b)
    }
}

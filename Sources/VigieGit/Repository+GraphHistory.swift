import Dispatch
import Foundation

extension Repository {
    /// Histories shorter than this are read by the sequential walk: below it, opening two more
    /// handles and starting threads costs more than half the reading saves.
    public static let graphWalkMinimum = 2_000

    /// `countHistory` with the commit-graph file: the commits are enumerated from the graph without
    /// reading any (the same depth-first order as the sequential walk, which depends only on parents),
    /// then read on two threads, each with its own handle, and counted in that order. Commits newer
    /// than the graph are read on the way. Nil, and the caller walks sequentially, when there is no
    /// usable graph, one processor, a short history, or anything the graph cannot vouch for: a commit
    /// that cannot be read, or whose parents differ from the graph's. So the counts, the order of
    /// first appearance of identities and the cuts are always those of the sequential walk.
    func countHistoryWithGraph(from start: ObjectID, window: ActivityWindow, minimum: Int) -> HistoryCounts? {
        guard ProcessInfo.processInfo.activeProcessorCount >= 2,
              let graph = CommitGraphFile(objectsFolder: loose.folders[0]), graph.count >= minimum,
              let plan = GraphWalkPlan(graph: graph, start: start, boundary: shallowBoundaryCommits(), repository: self),
              plan.reads.count >= minimum
        else { return nil }
        let results = GraphReadResults(count: plan.reads.count)
        // Two workers, each with its own handle on the repository, each reading every other commit
        // of the plan. concurrentPerform returns when both are done: nothing outlives this call.
        let handles = (0..<2).map { _ in try? Repository(reopening: self) }
        guard handles.allSatisfy({ $0 != nil }) else { return nil }
        let shared = UnsafeSendable((plan: plan, handles: handles, results: results))
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let (plan, handles, results) = shared.value
            results.workers[worker].output = GraphReader.read(plan: plan, worker: worker, of: 2, repository: handles[worker]!, into: results.slots)
        }
        guard results.workers.allSatisfy({ $0.output?.failed == false }) else { return nil }
        return plan.fold(results: results, window: window)
    }
}

/// Wraps values handed to `concurrentPerform`'s workers, which each touch only their own part of
/// them (their handle, their slots, their result): the compiler cannot see that partition.
struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// What one commit read by a worker adds to the counts.
struct GraphReadSlot {
    var identity: Int32 = -1
    var parentCount: Int32 = 0
    var committerTime: Int64 = 0
}

/// The workers' output: one slot per planned read, and each worker's identities and malformed commits.
final class GraphReadResults {
    /// Where one worker leaves its output: each worker writes only its own box.
    final class Box { var output: GraphReader.Output? }

    let slots: UnsafeMutableBufferPointer<GraphReadSlot>
    let workers = [Box(), Box()]

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: GraphReadSlot())
    }

    deinit { slots.deallocate() }
}

/// One worker's reading.
enum GraphReader {
    struct Output {
        var table = IdentityTable()
        var malformed: [(commit: ObjectID, reason: String)] = []
        var failed = false
    }

    /// Reads the plan's commits `worker`, `worker + step`, …: scans each header, interns its author,
    /// and checks that its parents are the graph's. Stops at the first disagreement or read error.
    static func read(plan: GraphWalkPlan, worker: Int, of step: Int, repository: Repository,
                     into slots: UnsafeMutableBufferPointer<GraphReadSlot>) -> Output {
        var output = Output()
        var parents: [ObjectID] = []
        var graphParents: [Int] = []
        parents.reserveCapacity(8)
        graphParents.reserveCapacity(8)
        var index = worker
        while index < plan.reads.count {
            let position = plan.reads[index]
            let id = plan.graph.id(at: position)
            do {
                slots[index] = try repository.readScanned(id, parents: &parents) { scan, bytes in
                    if let problems = scan.problems { output.malformed.append((id, problems)) }
                    return GraphReadSlot(identity: Int32(Repository.intern(scan, bytes, into: &output.table)),
                                         parentCount: Int32(scan.parentCount), committerTime: scan.committerTime)
                }
            } catch {
                output.failed = true
                return output
            }
            graphParents.removeAll(keepingCapacity: true)
            guard plan.graph.parents(of: position, into: &graphParents), graphParents.count == parents.count,
                  zip(graphParents, parents).allSatisfy({ plan.graph.id(at: $0) == $1 }) else {
                output.failed = true
                return output
            }
            index += step
        }
        return output
    }
}

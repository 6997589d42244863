/// The order in which the sequential walk (`Repository.walkCommits`) would visit a history, computed
/// from the commit-graph file without reading the commits it holds: a depth-first walk from the
/// audited commit, the last pushed parent first, each commit once, stopping at a shallow boundary.
/// Commits the graph does not hold (newer than the file) are read on the way, as the walk would.
struct GraphWalkPlan {
    /// A visited commit: a position in the graph (read later by the workers), or one read on the way.
    enum Visit {
        case graph(read: Int)
        case inline(Int)
    }

    let graph: CommitGraphFile
    /// Graph positions to read, in visit order.
    private(set) var reads: [Int] = []
    private(set) var visits: [Visit] = []
    /// Commits read on the way: their slot, their table, their malformed headers.
    private var inlineSlots: [GraphReadSlot] = []
    private var inlineTable = IdentityTable()
    private var inlineMalformed: [(commit: ObjectID, reason: String)] = []

    private enum Node {
        case graph(Int)
        case other(ObjectID)
    }

    /// Nil when the graph is inconsistent or a commit outside it cannot be read: the sequential walk
    /// then decides what happens (a cut, or the error of an unreadable audited commit).
    init?(graph: CommitGraphFile, start: ObjectID, boundary: Set<ObjectID>, repository: Repository) {
        self.graph = graph
        var seenGraph = [Bool](repeating: false, count: graph.count)
        var seenOther: Set<ObjectID> = []
        var pending: [Node] = []
        if let position = graph.position(of: start) {
            seenGraph[position] = true
            pending.append(.graph(position))
        } else {
            seenOther.insert(start)
            pending.append(.other(start))
        }
        var graphParents: [Int] = []
        var parents: [ObjectID] = []
        while let node = pending.popLast() {
            switch node {
            case .graph(let position):
                visits.append(.graph(read: reads.count))
                reads.append(position)
                if !boundary.isEmpty, boundary.contains(graph.id(at: position)) { continue }
                graphParents.removeAll(keepingCapacity: true)
                guard graph.parents(of: position, into: &graphParents) else { return nil }
                for parent in graphParents where !seenGraph[parent] {
                    seenGraph[parent] = true
                    pending.append(.graph(parent))
                }
            case .other(let id):
                do {
                    let slot = try repository.readScanned(id, parents: &parents) { scan, bytes in
                        if let problems = scan.problems { inlineMalformed.append((id, problems)) }
                        return GraphReadSlot(identity: Int32(Repository.intern(scan, bytes, into: &inlineTable)),
                                             parentCount: Int32(scan.parentCount), committerTime: scan.committerTime)
                    }
                    visits.append(.inline(inlineSlots.count))
                    inlineSlots.append(slot)
                } catch {
                    return nil
                }
                if boundary.contains(id) { continue }
                for parent in parents {
                    if let position = graph.position(of: parent) {
                        if !seenGraph[position] {
                            seenGraph[position] = true
                            pending.append(.graph(position))
                        }
                    } else if seenOther.insert(parent).inserted {
                        pending.append(.other(parent))
                    }
                }
            }
        }
    }

    /// Counts the visits in order, as the sequential walk counts its commits: identities get their
    /// indexes in order of first appearance, whichever thread read them.
    func fold(results: GraphReadResults, window: ActivityWindow) -> HistoryCounts {
        var table = IdentityTable()
        var counter = HistoryCounter(window: window)
        let outputs = results.workers.map { $0.output ?? GraphReader.Output() }
        var maps = outputs.map { [Int32](repeating: -1, count: $0.table.count) }
        var inlineMap = [Int32](repeating: -1, count: inlineTable.count)
        func global(_ local: Int32, _ source: IdentityTable, _ map: inout [Int32]) -> Int {
            if map[Int(local)] >= 0 { return Int(map[Int(local)]) }
            let index = source.key(Int(local)).withUnsafeBytes { key in
                table.index(of: key) { (source.names[Int(local)], source.emails[Int(local)]) }
            }
            map[Int(local)] = Int32(index)
            return index
        }
        for visit in visits {
            let slot: GraphReadSlot
            let identity: Int
            switch visit {
            case .graph(let read):
                slot = results.slots[read]
                let worker = read % outputs.count
                identity = global(slot.identity, outputs[worker].table, &maps[worker])
            case .inline(let index):
                slot = inlineSlots[index]
                identity = global(slot.identity, inlineTable, &inlineMap)
            }
            counter.add(identity: identity, committerTime: slot.committerTime, parentCount: Int(slot.parentCount))
        }
        var counts = counter.finish(names: table, malformed: inlineMalformed + outputs.flatMap(\.malformed), cuts: [])
        counts.usedCommitGraph = true
        return counts
    }
}

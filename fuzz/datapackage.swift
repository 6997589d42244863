// Fuzz target: a Frictionless `datapackage.json` (and the same bytes as a Table Schema), checked
// as the open-data rules check them: LocatedJSON's parser and positions, resources, paths,
// licences, schemas.
import VigieCore
@testable import VigieRules

/// A small CSV that resources may point at, so the path checks find a real file.
let companionCSV = Array("code,nom\n01001,L'Abergement-Clémentciat\n".utf8)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataPackage(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = fuzzInput(start, count)
    let conventions = ruleData.openData
    var files: [String: [UInt8]] = ["data/communes.csv": companionCSV]
    for name in conventions.datapackageNames { files[name] = bytes }
    for name in conventions.tableSchemaNames { files["data/" + name] = bytes }
    let snapshot = byteSnapshot(files)
    let check = try? DataPackageCheck.of(snapshot, data: ruleData, maxFileBytes: 1 << 20)
    _ = check?.packages.map { "\($0)" }
    // The parser on its own as well: positions of every pointer it reports must be computable.
    let json = LocatedJSON(bytes)
    _ = json.position("")
    _ = json.position("/resources/0/path")
    return 0
}

import Foundation
import Yams

/// A test repository described in `fixtures/<name>.yml`: commits with files, authors and dates,
/// branches, tags and where HEAD points (docs/fixtures.md). Built at test time, never committed.
public struct FixtureSpec: Decodable, Sendable {
    public var description: String?
    public var bare: Bool?
    public var branch: String?
    public var commits: [CommitSpec]?
    public var branches: [BranchSpec]?
    public var tags: [TagSpec]?
    public var head: HeadSpec?

    public struct Person: Decodable, Sendable {
        public var name: String
        public var email: String
    }

    public struct CommitSpec: Decodable, Sendable {
        public var id: String?
        public var message: String
        public var author: Person?
        public var date: String
        /// Path → content: a string, or `{fixture: licences/MIT.txt}`, `{repeat: "text", times: N}`, `{mode: executable, text: …}`.
        public var files: [String: FileSpec]?
        /// Files whose path is given in hexadecimal (git paths are bytes: for names that are not UTF-8).
        public var raw_files: [RawFileSpec]?
        /// Submodules: path → the commit of the other repository (a gitlink, never an object here).
        public var submodules: [String: String]?
        public var remove: [String]?
        /// The branch the commit goes on (default: the initial branch).
        public var branch: String?
        /// Explicit parents by commit id (a merge); default: the branch's tip.
        public var parents: [String]?
    }

    public struct RawFileSpec: Decodable, Sendable {
        public var path_hex: String
        public var text: String
    }

    public enum FileSpec: Decodable, Sendable {
        case text(String)
        case fixture(String)
        case repeated(String, Int)
        case executable(String)
        /// A file kept in Git LFS: git stores a pointer to it (`FixtureBuilder` can store the content instead).
        case lfs(String)

        struct Object: Decodable {
            var lfs: String?
            var fixture: String?
            var `repeat`: String?
            var times: Int?
            var text: String?
            var mode: String?
        }

        public init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                self = .text(text)
                return
            }
            let object = try Object(from: decoder)
            if let lfs = object.lfs { self = .lfs(lfs) }
            else if let fixture = object.fixture { self = .fixture(fixture) }
            else if let text = object.repeat { self = .repeated(text, object.times ?? 1) }
            else if object.mode == "executable", let text = object.text { self = .executable(text) }
            else { self = .text(object.text ?? "") }
        }
    }

    public struct BranchSpec: Decodable, Sendable {
        public var name: String
        public var at: String
    }

    public struct TagSpec: Decodable, Sendable {
        public var name: String
        public var at: String
        public var message: String?
        public var date: String?
    }

    public struct HeadSpec: Decodable, Sendable {
        public var branch: String?
        public var detached: String?
    }

    public static func load(named name: String) throws -> FixtureSpec {
        let url = PackagePaths.fixtures.appendingPathComponent(name + ".yml")
        return try YAMLDecoder().decode(FixtureSpec.self, from: String(contentsOf: url, encoding: .utf8))
    }
}

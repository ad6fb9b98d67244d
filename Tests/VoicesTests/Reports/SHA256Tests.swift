import Foundation
import Testing
@testable import Voices

@Suite("SHA-256") struct SHA256Tests {
  // Expected digests are the FIPS 180-4 / NIST CSRC "Example Algorithms" values for SHA-256.
  @Test("NIST examples", arguments: [
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
     "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
  ])
  func nist(_ message: String, _ expected: String) {
    #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == expected)
  }

  @Test("one million 'a' (NIST), fed in uneven pieces")
  func millionA() {
    var hasher = SHA256()
    let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 997)
    var left = 1_000_000
    while left > 0 {
      let n = min(left, piece.count)
      hasher.update(Array(piece[0..<n]))
      left -= n
    }
    #expect(SHA256.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test("padding edges: 55, 56, 63, 64 and 65 bytes match one-shot hashing in any split")
  func paddingEdges() {
    // Expected values from Python: hashlib.sha256(b"a" * n).hexdigest()
    let expected = [
      55: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318",
      56: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a",
      64: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb",
    ]
    for n in [55, 56, 63, 64, 65] {
      let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: n)
      let whole = SHA256.hash(bytes)
      for split in [1, 7, 32, n - 1] where split < n {
        var hasher = SHA256()
        hasher.update(Array(bytes[0..<split]))
        hasher.update(Array(bytes[split...]))
        #expect(hasher.finalize() == whole)
      }
      if let hex = expected[n] { #expect(SHA256.hex(whole) == hex) }
    }
  }

  @Test("a fixture file streamed in chunks matches Python's hashlib", arguments: [7, 64, 1000, 1 << 16])
  func file(chunkSize: Int) throws {
    // Computed with: python3 -c 'import hashlib;print(hashlib.sha256(open(
    //   "Tests/VoicesTests/Fixtures/reports/sha256-input.csv","rb").read()).hexdigest())'
    let expected = "f274abba1e075115439f929b23c8c6bcf875cc299f016342f4f4b2337ab4dfb0"
    let digest = try SHA256.hash(fileAt: TestPaths.fixture("reports/sha256-input.csv"), chunkSize: chunkSize)
    #expect(SHA256.hex(digest) == expected)
  }

  @Test("a missing file is an error naming the path")
  func missing() {
    #expect(throws: SHA256Error.self) { try SHA256.hash(fileAt: URL(fileURLWithPath: "/nonexistent/x.csv")) }
  }
}

import Testing
@testable import Voices

/// Expected values computed with Python's hashlib.sha1 and uuid.uuid5 (independent oracles).
@Suite("SHA-1 and theme GUIDs") struct SHA1Tests {
  @Test("digests match Python's hashlib", arguments: [
    ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
    ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
    (String(repeating: "a", count: 1000), "291e9a6c66994949b57ba5e650361e98fc36b1ba"),
  ])
  func digests(_ message: String, _ hex: String) {
    #expect(SHA1.hex(SHA1.digest(Array(message.utf8))) == hex)
  }

  @Test("theme GUIDs are uuid5 of the fixed namespace and the id, as Python computes them", arguments: [
    ("travel-positive", "4d6f47d7-17a2-5282-b31c-893f24131da9"),
    ("waiting-for-assessment-and-therapy", "9212039c-a23e-5a88-9d66-bbd096fb7e9d"),
    ("school", "02883f78-a94d-5e56-9c99-c5c13a7717ff"),
    ("set:parent carers", "fa5f1e8e-7312-549a-9763-181ef5622b34"),
  ])
  func guids(_ id: String, _ guid: String) {
    #expect(ThemeGUID.guid(for: id) == guid)
  }

  @Test("the namespace is uuid5(NAMESPACE_URL, urn:voices:codebook:theme)")
  func namespace() {
    let url: [UInt8] = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8]
    #expect(ThemeGUID.uuid5(namespace: url, name: "urn:voices:codebook:theme") == "16064413-2cf3-55c9-a0a4-8ed03df5acc5")
  }
}

/// SHA-1 (FIPS 180-4), for name-based UUIDs and codebook fingerprints only.
///
/// SHA-1 is broken for collision resistance; nothing here relies on that. It is used because
/// RFC 9562 version-5 UUIDs are defined with it, so any tool (Python's `uuid.uuid5`) computes
/// the same theme GUIDs.
enum SHA1 {
  /// The 20-byte digest of `message`.
  static func digest(_ message: [UInt8]) -> [UInt8] {
    var h: (UInt32, UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0)
    var data = message
    let bitLength = UInt64(message.count) &* 8
    data.append(0x80)
    while data.count % 64 != 56 { data.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
    var w = [UInt32](repeating: 0, count: 80)
    for chunk in stride(from: 0, to: data.count, by: 64) {
      for i in 0..<16 {
        let j = chunk + i * 4
        w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
      }
      for i in 16..<80 {
        let x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]
        w[i] = x << 1 | x >> 31
      }
      var (a, b, c, d, e) = h
      for i in 0..<80 {
        let f: UInt32, k: UInt32
        switch i {
        case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
        case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
        case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
        default: f = b ^ c ^ d; k = 0xCA62C1D6
        }
        let t = (a << 5 | a >> 27) &+ f &+ e &+ k &+ w[i]
        e = d; d = c; c = b << 30 | b >> 2; b = a; a = t
      }
      h = (h.0 &+ a, h.1 &+ b, h.2 &+ c, h.3 &+ d, h.4 &+ e)
    }
    var out: [UInt8] = []
    out.reserveCapacity(20)
    for word in [h.0, h.1, h.2, h.3, h.4] {
      for shift in stride(from: 24, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
    }
    return out
  }

  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
    return String(decoding: out, as: UTF8.self)
  }
}

/// Stable GUIDs for themes: RFC 9562 version-5 (SHA-1, name-based) UUIDs.
///
/// The namespace is itself `uuid5(NAMESPACE_URL, "urn:voices:codebook:theme")` =
/// `16064413-2cf3-55c9-a0a4-8ed03df5acc5`; the name is the theme id in UTF-8. So
/// `python3 -c "import uuid; print(uuid.uuid5(uuid.UUID('16064413-2cf3-55c9-a0a4-8ed03df5acc5'), 'travel-positive'))"`
/// gives the GUID a REFI-QDA export writes for `travel-positive`, today and in every version.
enum ThemeGUID {
  static let namespace: [UInt8] = [0x16, 0x06, 0x44, 0x13, 0x2c, 0xf3, 0x55, 0xc9, 0xa0, 0xa4, 0x8e, 0xd0, 0x3d, 0xf5, 0xac, 0xc5]

  /// The GUID of theme `id` (lower-case hex, 8-4-4-4-12).
  static func guid(for id: String) -> String { uuid5(namespace: namespace, name: id) }

  static func uuid5(namespace: [UInt8], name: String) -> String {
    var bytes = Array(SHA1.digest(namespace + Array(name.utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let hex = Array(SHA1.hex(bytes))
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
  }
}

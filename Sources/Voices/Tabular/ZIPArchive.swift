/// A ZIP archive held in memory: its central directory, and entries extracted on demand.
///
/// Every offset and size read from the file is bounds-checked before use, so a hostile or
/// truncated archive ends in a `ZIPError` naming the file and entry, never a trap. Only what
/// `.xlsx` files need is supported: stored (0) and deflate (8) entries, with ZIP64 sizes and
/// offsets; encrypted entries and spanned archives are refused.
struct ZIPArchive: Sendable {
  /// One central-directory record.
  struct Entry: Equatable, Sendable {
    var name: String
    var method: Int
    var flags: UInt16
    var crc32: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int

    var isEncrypted: Bool { flags & 0x0001 != 0 }
  }

  /// The archive's name in diagnostics.
  let file: String
  let bytes: [UInt8]
  /// Entries in central-directory order.
  let entries: [Entry]
  let limits: ReadLimits
  /// Uncompressed bytes extracted so far, checked against `limits.maximumArchiveBytes`.
  private(set) var extractedBytes = 0

  /// The end-of-central-directory record is 22 bytes plus a comment of at most 64 KiB.
  static let maximumEOCDSearch = 22 + 0xFFFF

  /// Reads the central directory of `bytes`.
  ///
  /// - Parameters:
  ///   - bytes: The whole archive.
  ///   - file: The archive's name in diagnostics.
  ///   - limits: Bounds on archive and entry sizes.
  /// - Throws: `ZIPError` when the bytes are not a readable ZIP archive.
  /// - Complexity: O(n) in the size of the central directory.
  init(bytes: [UInt8], file: String, limits: ReadLimits = .standard) throws(ZIPError) {
    self.file = file
    self.bytes = bytes
    self.limits = limits
    guard bytes.count <= limits.maximumArchiveBytes else {
      throw .archiveTooLarge(file: file, limit: limits.maximumArchiveBytes)
    }
    self.entries = try Self.readDirectory(bytes, file: file)
  }

  /// The entry named exactly `name`, or failing that the only one whose name matches ignoring
  /// case and `\` versus `/` (some writers differ on both).
  func entry(named name: String) -> Entry? {
    if let exact = entries.first(where: { $0.name == name }) { return exact }
    let wanted = name.lowercased()
    let loose = entries.filter { $0.name.replacingBackslashes().lowercased() == wanted }
    return loose.count == 1 ? loose[0] : nil
  }

  /// Extracts the entry named `name`.
  ///
  /// - Throws: `ZIPError.entryNotFound`, or any error of `extract(_:)`.
  mutating func extract(named name: String) throws(ZIPError) -> [UInt8] {
    guard let entry = entry(named: name) else { throw .entryNotFound(file: file, entry: name) }
    return try extract(entry)
  }

  /// Extracts and checks one entry.
  ///
  /// Declared sizes are checked against the limits before any work; deflate output is then
  /// checked after every 64 KiB chunk, so a bomb is stopped at
  /// `max(ratio x compressed size, 1 MiB)` bytes (the 1 MiB floor spares tiny, highly
  /// compressible parts such as an empty sheet). Output never grows past the declared size.
  ///
  /// - Throws: `ZIPError` for encryption, unsupported methods, damaged or truncated data,
  ///   size or CRC mismatches, and passed limits.
  mutating func extract(_ entry: Entry) throws(ZIPError) -> [UInt8] {
    let name = entry.name
    if entry.isEncrypted { throw .encryptedEntry(file: file, entry: name) }
    guard entry.method == 0 || entry.method == 8 else {
      throw .unsupportedMethod(file: file, entry: name, method: entry.method)
    }
    let ratioCap = Self.ratioCap(compressed: entry.compressedSize, ratio: limits.maximumCompressionRatio)
    if entry.uncompressedSize > limits.maximumEntryBytes {
      throw .entryTooLarge(file: file, entry: name, limit: limits.maximumEntryBytes)
    }
    if entry.method == 8, entry.uncompressedSize > ratioCap {
      throw .compressionRatioExceeded(file: file, entry: name, ratio: limits.maximumCompressionRatio)
    }
    if extractedBytes + entry.uncompressedSize > limits.maximumArchiveBytes {
      throw .archiveTooLarge(file: file, limit: limits.maximumArchiveBytes)
    }
    let data = try dataRange(of: entry)

    var output: [UInt8]
    if entry.method == 0 {
      guard entry.compressedSize == entry.uncompressedSize else {
        throw .sizeMismatch(file: file, entry: name, declared: entry.uncompressedSize, actual: entry.compressedSize)
      }
      output = Array(bytes[data])
    } else {
      output = try inflate(entry, data: data, ratioCap: ratioCap)
    }
    guard output.count == entry.uncompressedSize else {
      throw .sizeMismatch(file: file, entry: name, declared: entry.uncompressedSize, actual: output.count)
    }
    let actual = Inflate.crc32(output)
    guard actual == entry.crc32 else {
      throw .checksumMismatch(file: file, entry: name, expected: entry.crc32, actual: actual)
    }
    extractedBytes += output.count
    return output
  }

  private static func ratioCap(compressed: Int, ratio: Int) -> Int {
    let (product, overflow) = max(compressed, 1).multipliedReportingOverflow(by: max(ratio, 1))
    return max(overflow ? Int.max : product, 1 << 20)
  }

  private func inflate(_ entry: Entry, data: Range<Int>, ratioCap: Int) throws(ZIPError) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(min(entry.uncompressedSize, ratioCap, limits.maximumEntryBytes, 64 << 20))
    enum Passed { case none, entryLimit, ratio, declared }
    var passed = Passed.none
    var stoppedAt = 0
    let entryLimit = limits.maximumEntryBytes
    let declared = entry.uncompressedSize
    do {
      try bytes.withUnsafeBufferPointer { (all) throws(Inflate.Failure) in
        let input = UnsafeBufferPointer(rebasing: all[data])
        try Inflate.raw(input) { chunk in
          let total = output.count + chunk.count
          if total > entryLimit { passed = .entryLimit; return false }
          if total > ratioCap { passed = .ratio; return false }
          if total > declared { passed = .declared; stoppedAt = total; return false }
          output.append(contentsOf: chunk)
          return true
        }
      }
    } catch {
      switch error {
      case .stopped:
        switch passed {
        case .entryLimit, .none: throw .entryTooLarge(file: file, entry: entry.name, limit: entryLimit)
        case .ratio:
          throw .compressionRatioExceeded(file: file, entry: entry.name, ratio: limits.maximumCompressionRatio)
        case .declared:
          throw .sizeMismatch(file: file, entry: entry.name, declared: declared, actual: stoppedAt)
        }
      case .truncated: throw .truncatedEntry(file: file, entry: entry.name)
      case .corrupt(let detail): throw .corruptData(file: file, entry: entry.name, detail: detail)
      }
    }
    return output
  }

  /// The byte range of an entry's compressed data, found through its local header.
  private func dataRange(of entry: Entry) throws(ZIPError) -> Range<Int> {
    let header = entry.localHeaderOffset
    guard header >= 0, header <= bytes.count - 30 else {
      throw .truncatedEntry(file: file, entry: entry.name)
    }
    guard bytes.uint32(at: header) == 0x0403_4B50 else {
      throw .corruptDirectory(file: file, detail: "entry \(entry.name) has no local header at offset \(header)")
    }
    let nameLength = Int(bytes.uint16(at: header + 26))
    let extraLength = Int(bytes.uint16(at: header + 28))
    let start = header + 30 + nameLength + extraLength
    let (end, overflow) = start.addingReportingOverflow(entry.compressedSize)
    guard !overflow, end <= bytes.count else { throw .truncatedEntry(file: file, entry: entry.name) }
    return start..<end
  }
}

extension ZIPArchive {
  /// Finds the end-of-central-directory record (and any ZIP64 record) and reads every entry.
  fileprivate static func readDirectory(_ bytes: [UInt8], file: String) throws(ZIPError) -> [Entry] {
    guard let eocd = findEOCD(bytes) else {
      if bytes.count >= 4, bytes.uint32(at: 0) == 0x0403_4B50 {
        throw .truncated(file: file, detail: "the end of central directory record is missing")
      }
      throw .notAZIPArchive(file: file)
    }
    let disk = Int(bytes.uint16(at: eocd + 4))
    let directoryDisk = Int(bytes.uint16(at: eocd + 6))
    var count = Int(bytes.uint16(at: eocd + 10))
    var size = Int(bytes.uint32(at: eocd + 12))
    var offset = Int(bytes.uint32(at: eocd + 16))

    // ZIP64: the locator sits just before the classic record.
    let locator = eocd - 20
    if locator >= 0, bytes.uint32(at: locator) == 0x0706_4B50 {
      let recordOffset64 = bytes.uint64(at: locator + 8)
      guard bytes.count >= 56, recordOffset64 <= UInt64(bytes.count - 56) else {
        throw .truncated(file: file, detail: "ZIP64 end of central directory record lies outside the file")
      }
      let record = Int(recordOffset64)
      guard bytes.uint32(at: record) == 0x0606_4B50 else {
        throw .corruptDirectory(file: file, detail: "ZIP64 end of central directory record not found")
      }
      guard let c = Int(exactly: bytes.uint64(at: record + 32)),
        let s = Int(exactly: bytes.uint64(at: record + 40)),
        let o = Int(exactly: bytes.uint64(at: record + 48))
      else { throw .corruptDirectory(file: file, detail: "ZIP64 sizes out of range") }
      count = c
      size = s
      offset = o
    } else if disk != 0 || directoryDisk != 0 {
      throw .corruptDirectory(file: file, detail: "spanned (multi-disk) archives are not supported")
    }

    guard offset >= 0, size >= 0, offset <= bytes.count, size <= bytes.count - offset else {
      throw .truncated(file: file, detail: "the central directory lies outside the file")
    }
    // Each record is at least 46 bytes, so the count cannot exceed size / 46.
    guard count <= size / 46 else {
      throw .truncated(file: file, detail: "the central directory declares \(count) entries but is only \(size) bytes")
    }
    var entries: [Entry] = []
    entries.reserveCapacity(count)
    var at = offset
    let end = offset + size
    for index in 0..<count {
      guard at <= end - 46, bytes.uint32(at: at) == 0x0201_4B50 else {
        throw .corruptDirectory(file: file, detail: "record \(index + 1) of \(count) is damaged")
      }
      let flags = bytes.uint16(at: at + 8)
      let method = Int(bytes.uint16(at: at + 10))
      let crc = bytes.uint32(at: at + 16)
      var compressed = Int(bytes.uint32(at: at + 20))
      var uncompressed = Int(bytes.uint32(at: at + 24))
      let nameLength = Int(bytes.uint16(at: at + 28))
      let extraLength = Int(bytes.uint16(at: at + 30))
      let commentLength = Int(bytes.uint16(at: at + 32))
      var localOffset = Int(bytes.uint32(at: at + 42))
      let nameStart = at + 46
      let extraStart = nameStart + nameLength
      let next = extraStart + extraLength + commentLength
      guard next <= end else {
        throw .corruptDirectory(file: file, detail: "record \(index + 1) of \(count) runs past the directory")
      }
      // Names are UTF-8 when flag bit 11 is set, and in practice in every .xlsx writer.
      let name = String(decoding: bytes[nameStart..<extraStart], as: UTF8.self)

      // ZIP64 extra field: present values replace the 0xFFFFFFFF placeholders, in order.
      var extra = extraStart
      let extraEnd = extraStart + extraLength
      while extra + 4 <= extraEnd {
        let tag = bytes.uint16(at: extra)
        let length = Int(bytes.uint16(at: extra + 2))
        let body = extra + 4
        guard body + length <= extraEnd else { break }
        if tag == 0x0001 {
          var field = body
          func take() -> Int? {
            guard field + 8 <= body + length else { return nil }
            defer { field += 8 }
            return Int(exactly: bytes.uint64(at: field))
          }
          if uncompressed == 0xFFFF_FFFF { uncompressed = take() ?? -1 }
          if compressed == 0xFFFF_FFFF { compressed = take() ?? -1 }
          if localOffset == 0xFFFF_FFFF { localOffset = take() ?? -1 }
          guard uncompressed >= 0, compressed >= 0, localOffset >= 0 else {
            throw .corruptDirectory(file: file, detail: "entry \(name) has a damaged ZIP64 field")
          }
        }
        extra = body + length
      }
      entries.append(
        Entry(
          name: name, method: method, flags: flags, crc32: crc, compressedSize: compressed,
          uncompressedSize: uncompressed, localHeaderOffset: localOffset))
      at = next
    }
    return entries
  }

  /// Offset of the last end-of-central-directory signature whose comment fits the file.
  fileprivate static func findEOCD(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 22 else { return nil }
    let lowest = max(0, bytes.count - maximumEOCDSearch)
    var at = bytes.count - 22
    while at >= lowest {
      if bytes[at] == 0x50, bytes.uint32(at: at) == 0x0605_4B50 {
        let commentLength = Int(bytes.uint16(at: at + 20))
        if at + 22 + commentLength <= bytes.count { return at }
      }
      at -= 1
    }
    return nil
  }
}

extension [UInt8] {
  /// Little-endian integers at a byte offset; callers check `offset + width <= count` first.
  @inline(__always) fileprivate func uint16(at offset: Int) -> UInt16 {
    UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
  }

  @inline(__always) fileprivate func uint32(at offset: Int) -> UInt32 {
    UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16
      | UInt32(self[offset + 3]) << 24
  }

  @inline(__always) fileprivate func uint64(at offset: Int) -> UInt64 {
    UInt64(uint32(at: offset)) | UInt64(uint32(at: offset + 4)) << 32
  }
}

extension String {
  fileprivate func replacingBackslashes() -> String {
    String(self.map { $0 == "\\" ? "/" : $0 })
  }
}

@testable import Voices

/// Builds small ZIP archives byte by byte, so tests can make damaged and hostile ones.
struct ZIPBuilderForTests {
  struct Item {
    var name: String
    var data: [UInt8]
    var method: UInt16 = 8
    var flags: UInt16 = 0
    /// Overrides for lying headers.
    var declaredSize: Int? = nil
    var crc: UInt32? = nil
  }

  var items: [Item] = []
  /// Writes ZIP64 records: sizes and offsets in extra fields, a ZIP64 end record and locator.
  var zip64 = false

  mutating func add(_ name: String, _ text: String, method: UInt16 = 8) {
    items.append(Item(name: name, data: Array(text.utf8), method: method))
  }

  func bytes() -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for item in items {
      let payload = item.method == 8 ? Inflate.deflateRaw(item.data) : item.data
      let crc = item.crc ?? Inflate.crc32(item.data)
      let size = item.declaredSize ?? item.data.count
      let name = Array(item.name.utf8)
      let offset = out.count
      out += le32(0x0403_4B50) + le16(20) + le16(item.flags) + le16(item.method) + le16(0) + le16(0x21)
      out += le32(crc) + le32(UInt32(payload.count)) + le32(UInt32(size)) + le16(UInt16(name.count)) + le16(0)
      out += name + payload
      central += le32(0x0201_4B50) + le16(20) + le16(20) + le16(item.flags) + le16(item.method) + le16(0) + le16(0x21)
      if zip64 {
        let extra = le16(1) + le16(24) + le64(UInt64(size)) + le64(UInt64(payload.count)) + le64(UInt64(offset))
        central += le32(crc) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(UInt16(name.count))
        central += le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0xFFFF_FFFF) + name + extra
      } else {
        central += le32(crc) + le32(UInt32(payload.count)) + le32(UInt32(size)) + le16(UInt16(name.count))
        central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(UInt32(offset)) + name
      }
    }
    let directoryOffset = out.count
    out += central
    if zip64 {
      let record = out.count
      out += le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0)
      out += le64(UInt64(items.count)) + le64(UInt64(items.count)) + le64(UInt64(central.count)) + le64(UInt64(directoryOffset))
      out += le32(0x0706_4B50) + le32(0) + le64(UInt64(record)) + le32(1)
      out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(0xFFFF) + le16(0xFFFF) + le32(0xFFFF_FFFF) + le32(0xFFFF_FFFF) + le16(0)
      return out
    }
    out += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(items.count)) + le16(UInt16(items.count))
    out += le32(UInt32(central.count)) + le32(UInt32(directoryOffset)) + le16(0)
    return out
  }

  private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
  private func le64(_ v: UInt64) -> [UInt8] { (0..<8).map { UInt8((v >> (8 * $0)) & 0xFF) } }
  private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

/// A minimal workbook around hand-written sheet XML.
enum XLSXBuilderForTests {
  static func workbook(
    sheets: [(name: String, xml: String)], sharedStrings: String? = nil, styles: String? = nil,
    workbookPr: String = "<workbookPr/>"
  ) -> [UInt8] {
    var zip = ZIPBuilderForTests()
    let sheetElements = sheets.indices.map { "<sheet name=\"\(sheets[$0].name)\" sheetId=\"\($0 + 1)\" r:id=\"rId\($0 + 1)\"/>" }
    zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
    zip.add("_rels/.rels", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
      """)
    zip.add("xl/workbook.xml", """
      <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
      <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\(workbookPr)<sheets>\(sheetElements.joined())</sheets></workbook>
      """)
    var rels = sheets.indices.map {
      "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
    }
    if sharedStrings != nil {
      rels.append("<Relationship Id=\"rIdS\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
    }
    if styles != nil {
      rels.append("<Relationship Id=\"rIdT\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"/xl/styles.xml\"/>")
    }
    zip.add("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels.joined())</Relationships>")
    for (i, sheet) in sheets.enumerated() { zip.add("xl/worksheets/sheet\(i + 1).xml", sheet.xml) }
    if let sharedStrings { zip.add("xl/sharedStrings.xml", sharedStrings) }
    if let styles { zip.add("xl/styles.xml", styles) }
    return zip.bytes()
  }

  /// A worksheet whose `<sheetData>` holds `rows`.
  static func sheet(_ rows: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\(rows)</sheetData></worksheet>"
  }
}

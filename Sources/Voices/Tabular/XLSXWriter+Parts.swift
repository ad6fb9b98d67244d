/// The small fixed parts of the package: content types, relationships, document properties,
/// the workbook part and the styles.
extension XLSXWriter {
  static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
  static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
  /// The fixed creation time written to `core.xml`: the same instant as the ZIP timestamps,
  /// so output does not depend on the clock.
  static let fixedTimestamp = "1980-01-01T00:00:00Z"

  static func contentTypesXML(sheetCount: Int) -> [UInt8] {
    let officeDocument = "application/vnd.openxmlformats-officedocument"
    var xml = xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(officeDocument).spreadsheetml.sheet.main+xml\"/>"
    for index in 1...sheetCount {
      xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"\(officeDocument).spreadsheetml.worksheet+xml\"/>"
    }
    xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(officeDocument).spreadsheetml.styles+xml\"/>"
    xml += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(officeDocument).spreadsheetml.sharedStrings+xml\"/>"
    xml += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    xml += "<Override PartName=\"/docProps/app.xml\" ContentType=\"\(officeDocument).extended-properties+xml\"/>"
    xml += "</Types>"
    return Array(xml.utf8)
  }

  static func rootRelationshipsXML() -> [UInt8] {
    var xml = xmlDeclaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
    xml += "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
    xml += "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
    xml += "<Relationship Id=\"rId3\" Type=\"\(relationshipNamespace)/extended-properties\" Target=\"docProps/app.xml\"/>"
    xml += "</Relationships>"
    return Array(xml.utf8)
  }

  static func appXML() -> [UInt8] {
    var xml = xmlDeclaration
    xml += "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" "
    xml += "xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
    xml += "<Application>Voices</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    xml += "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    xml += "</Properties>"
    return Array(xml.utf8)
  }

  static func coreXML() -> [UInt8] {
    var xml = xmlDeclaration
    xml += "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
    xml += "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
    xml += "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
    xml += "<dc:creator>Voices</dc:creator>"
    xml += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(fixedTimestamp)</dcterms:created>"
    xml += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">\(fixedTimestamp)</dcterms:modified>"
    xml += "</cp:coreProperties>"
    return Array(xml.utf8)
  }

  /// The workbook part: sheets in tab order (hidden ones marked), the tab shown on opening,
  /// and the `_xlnm._FilterDatabase` name Excel keeps for each sheet's auto-filter.
  static func workbookXML(_ sheets: [XLSXSheet]) -> [UInt8] {
    var out = Array(xmlDeclaration.utf8)
    func put(_ text: String) { out.append(contentsOf: text.utf8) }
    put("<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">")
    put("<workbookPr/>")
    let active = sheets.firstIndex { !$0.hidden } ?? 0
    put("<bookViews><workbookView activeTab=\"\(active)\"/></bookViews>")
    put("<sheets>")
    for (index, sheet) in sheets.enumerated() {
      put("<sheet name=\"")
      appendEscapedAttribute(sheet.name, to: &out)
      put("\" sheetId=\"\(index + 1)\"\(sheet.hidden ? " state=\"hidden\"" : "") r:id=\"rId\(index + 1)\"/>")
    }
    put("</sheets>")
    let filtered = sheets.indices.filter { sheets[$0].autoFilter && !sheets[$0].columns.isEmpty }
    if !filtered.isEmpty {
      put("<definedNames>")
      for index in filtered {
        let sheet = sheets[index]
        let last = "$" + columnLetters(sheet.columns.count - 1) + "$" + String(sheet.rows.count + 1)
        put("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">")
        appendEscapedMarkup(formulaSheetName(sheet.name) + "!$A$1:" + last, to: &out)
        put("</definedName>")
      }
      put("</definedNames>")
    }
    put("</workbook>")
    return out
  }

  static func workbookRelationshipsXML(sheetCount: Int) -> [UInt8] {
    var xml = xmlDeclaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
    for index in 1...sheetCount {
      xml += "<Relationship Id=\"rId\(index)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index).xml\"/>"
    }
    xml += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
    xml += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    xml += "</Relationships>"
    return Array(xml.utf8)
  }

  /// Four cell formats, indexed by `Style`: Excel's default; the header (bold on a pale blue
  /// fill, wrapped, top-aligned); wrapped text, top-aligned; and top-aligned text, so short
  /// cells line up with the top of a tall wrapped row. Every format uses number format 0
  /// (General), so the reader reads numbers back as written.
  static func stylesXML() -> [UInt8] {
    var xml = xmlDeclaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
    xml += "<fonts count=\"2\">"
    xml += "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    xml += "</fonts>"
    xml += "<fills count=\"3\">"
    xml += "<fill><patternFill patternType=\"none\"/></fill>"
    xml += "<fill><patternFill patternType=\"gray125\"/></fill>"
    xml += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFDDEBF7\"/><bgColor indexed=\"64\"/></patternFill></fill>"
    xml += "</fills>"
    xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    xml += "<cellXfs count=\"4\">"
    xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyAlignment=\"1\">"
    xml += "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
    xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
    xml += "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
    xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">"
    xml += "<alignment vertical=\"top\"/></xf>"
    xml += "</cellXfs>"
    xml += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    xml += "<dxfs count=\"0\"/><tableStyles count=\"0\" defaultTableStyle=\"TableStyleMedium2\" defaultPivotStyle=\"PivotStyleLight16\"/>"
    xml += "</styleSheet>"
    return Array(xml.utf8)
  }
}

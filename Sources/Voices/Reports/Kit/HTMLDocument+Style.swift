extension HTMLDocument {
  /// The inline stylesheet, in the manner of GOV.UK pages: plain, system fonts, 19px body text
  /// on screen, lines no longer than about 70 characters, the GOV.UK yellow-and-black focus
  /// style, and colours from `ReportPalette` (all text at least 4.5:1 on its background).
  /// The print part lays the page out for A4: no contents list or skip link, black text, link
  /// addresses written out, and tables and figures kept whole on a page where they fit.
  static let stylesheet: String = """
    *, *::before, *::after { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: \(ReportPalette.background); color: \(ReportPalette.text);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
      font-size: 19px; line-height: 1.47; }
    .wrap { max-width: 1020px; margin: 0 auto; padding: 0 30px; }
    .skip-link { position: absolute; left: -10000px; top: auto; padding: 10px 15px; }
    .skip-link:focus { position: static; display: block; left: auto; }
    a { color: \(ReportPalette.link); text-decoration: underline; text-underline-offset: 0.15em; }
    a:visited { color: \(ReportPalette.visitedLink); }
    a:hover { color: #003078; text-decoration-thickness: 3px; }
    a:focus, a:focus-visible { outline: 3px solid transparent; color: \(ReportPalette.text); background-color: \(ReportPalette.focus);
      box-shadow: 0 -2px \(ReportPalette.focus), 0 4px \(ReportPalette.text); text-decoration: none; }
    [tabindex]:focus-visible { outline: 3px solid \(ReportPalette.focus); box-shadow: 0 0 0 6px \(ReportPalette.text); }
    main:focus { outline: none; box-shadow: none; }
    header .band { background: \(ReportPalette.text); color: \(ReportPalette.white); border-bottom: 10px solid \(ReportPalette.link); }
    header .publisher { margin: 0; padding: 12px 0; font-weight: 700; max-width: none; }
    .title-block { padding-top: 30px; }
    h1, h2, h3, h4 { font-weight: 700; line-height: 1.2; margin: 0 0 20px; max-width: 30em; }
    h1 { font-size: 48px; line-height: 1.05; margin-bottom: 30px; }
    h2 { font-size: 36px; margin-top: 45px; }
    h3 { font-size: 27px; margin-top: 35px; }
    h4 { font-size: 19px; margin-top: 25px; }
    p, li, blockquote, figcaption, dd { max-width: 35em; }
    p { margin: 0 0 20px; }
    .lede { font-size: 24px; line-height: 1.25; }
    .note, .attribution, figcaption .figure-number { color: \(ReportPalette.secondaryText); }
    .note { font-size: 16px; }
    .list { padding-left: 20px; margin: 0 0 20px; }
    .list li { margin-bottom: 5px; }
    nav.contents { margin: 10px 0 30px; padding-bottom: 10px; border-bottom: 1px solid \(ReportPalette.border); }
    nav.contents h2 { font-size: 24px; margin-top: 0; }
    nav.contents ol { margin: 0 0 10px; padding-left: 20px; }
    blockquote { margin: 0 0 20px; padding: 10px 0 10px 15px; border-left: 10px solid \(ReportPalette.border); }
    mark { background: \(ReportPalette.focus); color: \(ReportPalette.text); padding: 0 2px; }
    .warning-banner { font-weight: 700; padding: 15px 20px; border: 5px solid \(ReportPalette.text); max-width: none; }
    blockquote p:last-child { margin-bottom: 0; }
    .key-figures { list-style: none; padding: 0; margin: 0 0 30px; display: flex; flex-wrap: wrap; gap: 20px; }
    .key-figures li { flex: 1 1 200px; padding: 15px 20px; background: \(ReportPalette.lightFill); border-left: 5px solid \(ReportPalette.blue); }
    .key-value { display: block; font-size: 48px; font-weight: 700; line-height: 1.1; }
    .key-label { display: block; }
    .table-wrap { overflow-x: auto; margin: 0 0 10px; }
    table { border-collapse: collapse; border-spacing: 0; width: 100%; margin: 0 0 10px; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 700; font-size: 19px; padding-bottom: 10px; }
    th, td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid \(ReportPalette.border); }
    th:last-child, td:last-child { padding-right: 0; }
    thead th { font-weight: 700; }
    tbody th { font-weight: 400; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    figure { margin: 30px 0 20px; }
    figcaption { font-weight: 700; margin-bottom: 15px; }
    figcaption .figure-number { font-weight: 400; }
    .chart-svg { display: block; max-width: 100%; height: auto; }
    details.chart-data { margin: 0 0 30px; }
    details.chart-data summary { color: \(ReportPalette.link); text-decoration: underline; cursor: pointer; margin-bottom: 10px; }
    details.chart-data summary:focus-visible { outline: 3px solid transparent; background-color: \(ReportPalette.focus); color: \(ReportPalette.text); }
    .visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important;
      overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
    .print-only, .print-only-inline { display: none; }
    .chart-svg text { font-family: inherit; }
    footer { margin-top: 60px; padding: 30px 0 40px; background: \(ReportPalette.lightFill); border-top: 1px solid \(ReportPalette.border); font-size: 16px; }
    footer h2 { font-size: 24px; margin-top: 0; }
    footer dl { margin: 0 0 20px; }
    footer dt { font-weight: 700; }
    footer dd { margin: 0 0 10px; }
    .digest { font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
    @media (max-width: 640px) {
      body { font-size: 16px; }
      .wrap { padding: 0 15px; }
      h1 { font-size: 32px; } h2 { font-size: 24px; } h3 { font-size: 19px; }
      .lede { font-size: 19px; } .key-value { font-size: 32px; } caption { font-size: 16px; }
    }
    @media print {
      @page { size: A4; margin: 18mm 16mm 20mm; }
      body { font-size: 10.5pt; line-height: 1.3; color: #000; background: #fff; }
      .wrap { max-width: none; padding: 0; }
      .skip-link, nav.contents, details.chart-data { display: none; }
      .print-only { display: block; break-before: page; }
      .print-page { break-after: page; }
      .print-only table { margin-bottom: 6pt; }
      p { margin: 0 0 7pt; }
      h1, h2, h3, h4 { margin-bottom: 6pt; }
      h3 { margin-top: 12pt; } h4 { margin-top: 8pt; }
      .list { margin-bottom: 7pt; } .list li { margin-bottom: 2pt; }
      blockquote { margin: 0 0 7pt; padding: 2pt 0 2pt 8pt; border-left-width: 4pt; }
      figure { margin: 10pt 0 6pt; } figcaption { margin-bottom: 6pt; }
      .note { font-size: 8.5pt; }
      .key-figures { gap: 6pt; margin-bottom: 10pt; flex-wrap: nowrap; }
      .key-figures li { padding: 4pt 6pt; flex: 1 1 0; font-size: 9pt; }
      .print-page table { font-size: 8.5pt; }
      .print-page th, .print-page td { padding: 2pt 5pt 2pt 0; }
      h1 { font-size: 20pt; margin-bottom: 6pt; } .lede { font-size: 11pt; }
      .print-only { columns: 2; column-gap: 8mm; }
      .print-only h2 { column-span: all; }
      .print-only table, footer table { font-size: 7.5pt; }
      .print-only th, .print-only td, footer th, footer td { padding: 1pt 4pt 1pt 0; }
      .print-only .note { font-size: 7.5pt; margin-bottom: 3pt; }
      footer .digest { font-size: 7pt; }
      .digest-rest { display: none; } .print-only-inline { display: inline; }
      .print-only .table-wrap.wide { column-span: all; }
      footer dd { margin-bottom: 3pt; }
      header .band { background: none; color: #000; border-bottom: 2pt solid #000; }
      header .publisher { padding: 0 0 4pt; }
      .title-block { padding-top: 12pt; }
      h1 { font-size: 24pt; } h2 { font-size: 17pt; margin-top: 18pt; } h3 { font-size: 13pt; } h4 { font-size: 11pt; }
      h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; color: #000; }
      p, li, blockquote, figcaption, dd { max-width: none; orphans: 3; widows: 3; }
      .lede { font-size: 13pt; }
      .note, .attribution, figcaption .figure-number { color: #000; }
      a, a:visited { color: #000; }
      a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; font-size: 90%; overflow-wrap: anywhere; }
      figure, blockquote, .key-figures li, tr, caption { break-inside: avoid; page-break-inside: avoid; }
      caption { break-after: avoid; }
      .print-only table { break-inside: avoid; }
      .table-wrap { overflow: visible; }
      caption { font-size: 11pt; }
      thead { display: table-header-group; }
      table { font-size: 9pt; }
      th, td { padding: 3pt 6pt 3pt 0; }
      td.num { white-space: normal; }
      .key-figures li { background: none; border: 1pt solid #000; }
      mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      .warning-banner { border: 2pt solid #000; padding: 6pt 8pt; }
      .key-value { font-size: 20pt; }
      .chart-svg { width: 100%; max-width: 110mm; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      footer { background: none; border-top: 1pt solid #000; margin-top: 18pt; padding: 8pt 0 0; font-size: 9pt; }
    }

    """
}

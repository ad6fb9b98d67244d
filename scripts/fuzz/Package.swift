// swift-tools-version:6.0
// libFuzzer targets for Voices' readers. A separate package so that `swift test` at the root
// never builds them; `scripts/fuzz/run` builds them with -sanitize=fuzzer,address.
import PackageDescription

let targets = ["FuzzCSV", "FuzzXLSX", "FuzzXML", "FuzzManifest", "FuzzSurvey", "FuzzCodebook", "FuzzReviewImport", "FuzzXLSXGrow"]

let package = Package(
  name: "VoicesFuzz",
  dependencies: [.package(name: "Voices", path: "../..")],
  targets: [.target(name: "FuzzDriver")] + targets.map { name in
    .executableTarget(name: name, dependencies: [.product(name: "Voices", package: "Voices"), "FuzzDriver"])
  }
)

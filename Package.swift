// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Voices",
  products: [
    .library(name: "Voices", targets: ["Voices"]),
    .executable(name: "voices", targets: ["voices"]),
  ],
  targets: [
    // zlib ships with every Swift-on-Linux install (Foundation links it); we reach it directly
    // for deflate/inflate in the ZIP reader and writer.
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(
      name: "Voices",
      dependencies: ["CZlib"],
      exclude: ["Privacy/README.md"]  // notes for readers of the code, not a resource
    ),
    .executableTarget(
      name: "voices",
      dependencies: ["Voices"]
    ),
    .testTarget(
      name: "VoicesTests",
      dependencies: ["Voices"],
      resources: [.copy("Fixtures")]
    ),
  ]
)

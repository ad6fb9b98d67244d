/// Word lists the engine falls back on when a codebook does not define `@negator`,
/// `@negative` or `@relief` itself.
enum CodingDefaults {
  static let lists: [String: [String]] = [
    "negator": ["no", "not", "never", "n't", "without", "nothing", "none", "nobody", "hardly", "lack of", "cannot"],
    "negative": ["nightmare", "awful", "terrible", "too long", "jargon", "waste", "rubbish", "useless", "poor", "struggl*", "fight*"],
    "relief": ["no longer", "thankfully"],
  ]
}

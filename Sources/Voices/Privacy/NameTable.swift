/// The word sets the name and school rules look up, as token hashes (see `Scan.Token.hash`).
///
/// Built once per process from `BuiltInNames` and the hand-written lists below. A 64-bit FNV
/// hash stands for each lowercased word; with a few thousand entries a collision with an
/// ordinary word is vanishingly unlikely (about 1 in 10^15 per look-up).
struct NameTable: Sendable {
  let firstNames: Set<UInt64>
  let allNames: Set<UInt64>
  /// Names that are also common English words: redacted only in a name-like position.
  let ambiguous: Set<UInt64>
  /// Capitalised words never taken as names outside a cue: places, organisations, services,
  /// SEND terms.
  let notNames: Set<UInt64>
  /// Months, days, seasons: never names by themselves, but names after "my daughter".
  let calendar: Set<UInt64>
  /// Words that make a capitalised run an organisation or place ("Jenny Lind Hospital").
  let organisationWords: Set<UInt64>
  let titles: Set<UInt64>
  /// Ambiguous names that are also verbs or modals, read as names before these words.
  let verbNames: Set<UInt64>
  let nameFollowers: Set<UInt64>
  let saints: Set<UInt64>
  /// Words that follow a title without being a name ("Mr and Mrs", "Miss is").
  let afterTitleStop: Set<UInt64>
  /// Lower-case small words in the first-name lists: never names in lower case.
  let functionWords: Set<UInt64>
  /// Lower-case everyday words in the first-name lists: names only after a strong cue.
  let everydayWords: Set<UInt64>
  static let hashMiss = Scan.hash("miss")

  static let shared = NameTable()

  static func hashes(_ text: String) -> Set<UInt64> {
    Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { Scan.hash(String($0)) })
  }

  init() {
    firstNames = NameTable.hashes(BuiltInNames.firstNames)
    allNames = firstNames.union(NameTable.hashes(BuiltInNames.surnames))
    calendar = NameTable.hashes(NameTable.calendarWords)
    notNames = NameTable.hashes(NameTable.placeWords + " " + NameTable.domainWords).union(calendar)
    ambiguous = NameTable.hashes(BuiltInNames.ambiguous)
    organisationWords = NameTable.hashes(NameTable.organisationText)
    titles = NameTable.hashes("mr mrs ms miss dr mx")
    verbNames = NameTable.hashes("will bill mark rob sue pat drew grant chase guy frank")
    nameFollowers = NameTable.hashes("""
      has is was does loves likes goes needs attends gets struggles finds hates started said told
      can't won't isn't doesn't didn't wasn't hasn't and who had went came wants
      """)
    saints = NameTable.hashes("st saint")
    afterTitleStop = NameTable.hashes("""
      and or & the a an to of in at on is was has had who said says from for with or nor but so
      mr mrs ms miss dr mx sir madam
      """)
    functionWords = NameTable.hashes(NameTable.functionWordsText)
    everydayWords = NameTable.hashes(NameTable.everydayWordsText)
  }

  /// Small words that appear in the first-name lists (census lists hold many): never a name
  /// in lower case.
  static let functionWordsText = """
    an in is it so to we me my he she his her him they them our us as at be by do go no of on or up
    am are was were has had can did not but and all any one two ten who why how what when where
    """

  /// Everyday words that are also first names: a name in lower case only after a strong cue
  /// ("my son jack"), else the word.
  static let everydayWordsText = """
    sky star rain river storm sunny summer winter spring autumn dawn eve ever even rose lily iris
    jack jade ruby pearl amber mark bill will may june april august sue rob pat bob dick art
    guy max young king prince rich rusty sandy stormy brook brooke dale glen heath forest wood
    reed reid moss rush shade skye sol lee ray van
    happy lucky sonny precious faith hope joy grace charity patience honor honour
    gay kind lord major minor noble page pip roma royal sage scout sterling true trinity unity
    """

  static let calendarWords = """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday spring summer autumn winter easter christmas
    """

  /// Places in and around Dorset and large UK places whose names are also surnames or first
  /// names in the Census lists; nations and counties.
  static let placeWords = """
    poole dorset weymouth bournemouth christchurch dorchester bridport sherborne wareham swanage
    blandford ferndown wimborne verwood gillingham shaftesbury lyme portland purbeck broadstone
    parkstone hamworthy canford creekmoor oakdale bearwood kinson boscombe southbourne highcliffe
    mudeford ringwood wareham crossways beaminster sturminster stalbridge corfe chickerell
    littlemoor preston wyke upton lytchett hampshire wiltshire somerset devon cornwall kent essex
    sussex surrey london york bath bristol exeter salisbury southampton portsmouth winchester yeovil
    taunton oxford cambridge durham lancaster carlisle derby leicester nottingham manchester
    birmingham leeds sheffield newcastle reading brighton hastings kingston richmond hamilton
    chester lincoln bradford norwich wells ely ripon truro plymouth swindon gloucester hereford
    worcester stafford warwick coventry bedford luton watford harrow croydon bromley barnet ealing
    camden hackney lambeth bolton bury wigan oldham rochdale stockport burnley blackburn blackpool
    preston kendal penrith whitby scarborough harrogate halifax huddersfield wakefield doncaster
    rotherham barnsley chesterfield mansfield grantham boston stamford peterborough ipswich
    colchester chelmsford basildon southend canterbury dover folkestone ashford maidstone
    guildford woking reading newbury andover basingstoke winchester fareham gosport havant
    chichester worthing crawley horsham lewes eastbourne hove england scotland wales ireland
    britain english scottish welsh irish british europe america
    """

  /// SEND and public-service words that are capitalised in comments and also appear in the
  /// name lists, plus organisation words that end a capitalised run.
  static let domainWords = """
    send sen senco sendco ehcp ehc camhs salt nhs gp ofsted portage makaton dfe council
    school academy college primary secondary nursery reception year key stage mainstream special
    autism autistic adhd asd asc dyslexia dyspraxia down downs syndrome mencap barnardo barnardos
    local offer early help young carers carer parent parents forum social services service team
    children's childrens families family education health care plan support advice information
    tribunal panel annual review hospital clinic centre center trust board unit ward surgery
    practice police ambulance paediatrician paediatrics mum mummy dad daddy nan nanny grandma
    grandad granny grandpa auntie uncle sir madam miss teacher head headteacher deputy
    occupational therapy therapist speech language psychologist educational psychology nurse
    doctor consultant god jesus lord mr mrs ms dr mx
    """

  static let organisationText = """
    hospital centre center clinic services service team trust council forum group network
    partnership unit surgery practice office board panel offer help carers charity foundation
    society association club project hub alliance campus library station church chapel road
    street lane avenue close drive way crescent gardens park house court farm hall school academy
    college primary nursery university institute department authority line helpline tribunal
    """
}

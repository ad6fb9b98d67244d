/// The word lists behind ``SpellingVariants``. Pairs are written `british/american`.
extension SpellingVariants {
  /// Endings added to both sides of every plain root pair.
  static let plainEndings = ["", "s", "ed", "ing", "er", "ers", "al", "ally", "ful", "fully",
                             "less", "able", "ably", "ist", "ists", "ite", "ites", "ism", "ly",
                             "ic", "ics", "ical", "ically", "ity", "ian", "ians", "ness"]

  static let plainRoots = [
    // -our / -or
    "colour/color", "behaviour/behavior", "favour/favor", "favourite/favorite",
    "honour/honor", "labour/labor", "neighbour/neighbor", "neighbourhood/neighborhood",
    "harbour/harbor", "humour/humor", "rumour/rumor", "odour/odor", "vigour/vigor",
    "flavour/flavor", "savour/savor", "tumour/tumor", "armour/armor", "endeavour/endeavor",
    "parlour/parlor", "splendour/splendor", "valour/valor", "vapour/vapor",
    "clamour/clamor", "demeanour/demeanor", "candour/candor", "ardour/ardor",
    "saviour/savior", "rigour/rigor", "glamour/glamor", "fervour/fervor",
    "misbehaviour/misbehavior", "unfavourable/unfavorable",
    // -ae- / -oe-
    "paediatric/pediatric", "paediatrician/pediatrician", "paediatrics/pediatrics",
    "orthopaedic/orthopedic", "anaemia/anemia", "anaemic/anemic", "anaesthetic/anesthetic",
    "anaesthesia/anesthesia", "anaesthetist/anesthetist", "haemorrhage/hemorrhage",
    "haemophilia/hemophilia", "haematology/hematology", "haemoglobin/hemoglobin",
    "oesophagus/esophagus", "oestrogen/estrogen", "diarrhoea/diarrhea",
    "leukaemia/leukemia", "foetus/fetus", "foetal/fetal", "gynaecology/gynecology",
    "gynaecologist/gynecologist", "encyclopaedia/encyclopedia", "archaeology/archeology",
    "orthopaedics/orthopedics", "dyspnoea/dyspnea", "oedema/edema", "coeliac/celiac",
    "caesarean/cesarean", "mediaeval/medieval",
    // single/double consonant and -ence/-ense
    "enrol/enroll", "enrolment/enrollment", "enrolments/enrollments", "fulfil/fulfill",
    "fulfilment/fulfillment", "instalment/installment", "instal/install", "distil/distill",
    "instil/instill", "skilful/skillful", "skilfully/skillfully", "wilful/willful",
    "wilfully/willfully", "appal/appall", "enthral/enthrall", "defence/defense",
    "offence/offense", "pretence/pretense", "licence/license", "practise/practice",
    "practised/practiced", "practising/practicing", "practises/practices",
    "woollen/woolen", "jewellery/jewelry", "programme/program", "programmes/programs",
    "judgement/judgment", "judgements/judgments", "acknowledgement/acknowledgment",
    "acknowledgements/acknowledgments", "ageing/aging", "catalogue/catalog",
    "analogue/analog", "grey/gray", "mould/mold", "mouldy/moldy", "smoulder/smolder",
    "moult/molt", "sceptic/skeptic", "sceptical/skeptical", "scepticism/skepticism",
    "pyjamas/pajamas", "plough/plow", "cosy/cozy", "artefact/artifact",
    "aeroplane/airplane", "sulphur/sulfur", "moustache/mustache", "manoeuvre/maneuver",
    "manoeuvred/maneuvered", "manoeuvring/maneuvering", "manoeuvres/maneuvers",
    "cheque/check", "tonne/ton", "kerb/curb", "storey/story", "aluminium/aluminum",
    "mum/mom", "mums/moms",
    // -yse / -yze
    "analyse/analyze", "analysed/analyzed", "analysing/analyzing", "analyser/analyzer",
    "paralyse/paralyze", "paralysed/paralyzed", "paralysing/paralyzing",
    "catalyse/catalyze", "catalysed/catalyzed", "dialyse/dialyze", "dialysed/dialyzed",
    // irregular past forms and old-fashioned forms met in survey text
    "learnt/learned", "spelt/spelled", "dreamt/dreamed", "burnt/burned", "spoilt/spoiled",
    "smelt/smelled", "leant/leaned", "leapt/leaped",
  ]

  /// Roots of `-re` words (`cent` of `centre`/`center`): `re res red ring` ↔
  /// `er ers ered ering`.
  static let reRoots = [
    "cent", "theat", "met", "lit", "fib", "calib", "spect", "meag", "somb", "lust", "sab",
    "scept", "lacklust", "saltpet", "goit", "kilomet", "centimet", "millimet", "sepulch",
    "mit",
  ]

  /// Words whose British forms double a final `l` before a suffix (`travelling`).
  static let doubledL = [
    "travel", "cancel", "label", "model", "signal", "counsel", "fuel", "level", "marvel",
    "total", "channel", "dial", "equal", "jewel", "pedal", "quarrel", "rival", "shovel",
    "tunnel", "panel", "funnel", "libel", "refuel", "unravel", "ravel", "grovel", "duel",
    "barrel", "enamel", "spiral", "initial", "label", "yodel", "snorkel", "parcel", "pencil",
    "stencil", "tassel", "towel", "swivel", "chisel", "gravel", "bevel", "cudgel", "dishevel",
    "fuel", "victual", "hostel", "revel", "shrivel", "snivel", "tinsel", "trammel", "model",
    "remodel", "mislabel", "relabel", "distil", "annul",
  ]

  /// Whole-word pairs that fit no pattern above.
  static let wholeWords = [
    "whilst/while", "amongst/among", "towards/toward", "afterwards/afterward",
    "upwards/upward", "downwards/downward", "forwards/forward", "backwards/backward",
    "travellers/travelers", "counsellor/counselor", "counsellors/counselors",
    "marvellous/marvelous", "programmed/programmed", "programming/programming",
    "fulfilled/fulfilled", "fulfilling/fulfilling", "fulfils/fulfills",
    "enrolled/enrolled", "enrolling/enrolling", "enrols/enrolls",
    "recognise/recognize", "organise/organize", "apologise/apologize",
    "specialise/specialize", "prioritise/prioritize", "realise/realize",
  ]

  /// Common misspellings of words the codebooks' patterns use, `misspelt/word` (the word in
  /// its American form, which is what the fold gives): survey boxes are typed in a hurry, and
  /// a rule for `review` should read `reveiw` too. None is an English word (a test checks
  /// them against the Snowball project's English vocabulary).
  static let misspellings = [
    "reveiw/review", "reveiws/reviews", "reveiwed/reviewed", "reveiwing/reviewing",
    "assesment/assessment", "assesments/assessments", "asessment/assessment",
    "asessments/assessments", "assessmant/assessment", "assesed/assessed", "asessed/assessed",
    "assesing/assessing", "asess/assess", "apointment/appointment", "apointments/appointments",
    "appointmnet/appointment", "appoitment/appointment", "appointement/appointment",
    "freind/friend", "freinds/friends", "freindship/friendship", "freindships/friendships",
    "freindly/friendly", "frend/friend", "frends/friends", "recieve/receive", "recieved/received",
    "recieving/receiving", "comunication/communication", "comunicate/communicate",
    "comunicated/communicated", "comunicating/communicating", "communcation/communication",
    "tribunel/tribunal", "tribunial/tribunal", "theraphy/therapy", "theraphist/therapist",
    "therapyst/therapist", "theropy/therapy", "therapie/therapy", "speach/speech",
    "pyschologist/psychologist", "phsycologist/psychologist", "psycologist/psychologist",
    "physcologist/psychologist", "psycholgist/psychologist", "pyschology/psychology",
    "psycology/psychology", "paedatrician/pediatrician", "peadiatrician/pediatrician",
    "pediatrition/pediatrician", "paeditrician/pediatrician", "peadiatritian/pediatrician",
    "diagnosys/diagnosis", "diagnossed/diagnosed", "diagonsed/diagnosed", "anxeity/anxiety",
    "anxitey/anxiety", "aniexty/anxiety", "anxity/anxiety", "anxous/anxious", "anxios/anxious",
    "autisim/autism", "autisum/autism", "disabilty/disability", "dissability/disability",
    "disabilites/disabilities", "transistion/transition", "transision/transition",
    "independant/independent", "untill/until", "becuase/because", "beacuse/because",
    "becasue/because", "recomend/recommend", "recomended/recommended",
    "recomendations/recommendations", "echp/ehcp", "ehpc/ehcp", "wating/waiting",
    "waitting/waiting", "waitng/waiting", "transprot/transport", "tranport/transport",
    "trasnport/transport", "provison/provision", "provsion/provision", "privision/provision",
    "specalist/specialist", "specilist/specialist", "specialst/specialist", "suport/support",
    "supprt/support", "suppport/support", "suported/supported", "mainsteam/mainstream",
    "mainstrem/mainstream", "councel/council", "counsil/council", "fustrated/frustrated",
    "frustated/frustrated", "fustrating/frustrating", "bullyed/bullied", "usefull/useful",
    "helpfull/helpful", "gratefull/grateful", "greatfull/grateful", "thankfull/thankful",
    "succesful/successful", "scool/school", "skool/school", "shool/school", "techer/teacher",
    "teecher/teacher", "scard/scared", "skared/scared", "wurryd/worried", "wurried/worried",
    "worryed/worried", "peple/people",
  ]

  /// Roots ending in `is` that are always `-ise` in American English too (`advise`).
  static let alwaysIse: Set<[UInt8]> = Set(
    [
      "advertis", "advis", "chastis", "circumcis", "compromis", "compris", "concis", "demis",
      "despis", "devis", "enfranchis", "enterpris", "excis", "exercis", "expertis",
      "franchis", "improvis", "incis", "merchandis", "mortis", "paradis", "precis", "premis",
      "promis", "revis", "supervis", "surmis", "surpris", "televis", "treatis", "upris",
      "repris", "imprecis", "chemis", "valis", "sunris", "cerise", "denis", "exorcis",
      "reprecis", "overexercis", "unadvis", "ill-advis", "disenfranchis", "misadvis",
      "unsupervis", "unrevis", "unpromis", "uncompromis", "unsurpris", "unexercis",
    ].map { Array($0.utf8) })
}

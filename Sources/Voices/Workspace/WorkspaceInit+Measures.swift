extension MeasureRegistry {
  /// The measures every Voices workspace starts with (WORKSPACE-SPEC.md): the outcomes
  /// scorecard's trust, satisfaction and "enjoy life" measures, the Annual Conversation's two
  /// questions and the Takeover Challenge's. `voices init` writes them to `measures.json`;
  /// `voices add` matches question wordings against them when a workspace has none.
  public static let standard = MeasureRegistry(measures: [
    MeasureDefinition(
      id: "trust-confidence", title: "Trust and confidence in support and advice", scale: "agreement-5", audience: "parent carers",
      wording: ["2021": "I have confidence in the support and advice I receive",
                "2023": "I have confidence in the support and advice I receive",
                "2025": "I trust and have confidence in the support and advice I receive"],
      notes: "Outcomes scorecard: % of parents and carers who trust and have confidence in the support and advice they receive. Wording changed in 2025."),
    MeasureDefinition(
      id: "listened-to", title: "Listened to and respected", scale: "agreement-5", audience: "parent carers",
      wording: ["2021": "I feel listened to and respected by the professionals who work with my child"]),
    MeasureDefinition(
      id: "satisfaction-support", title: "Satisfaction with support", scale: "satisfaction-5", audience: "parent carers",
      wording: ["2021": "How satisfied are you with the support your child receives?"]),
    MeasureDefinition(
      id: "satisfaction-process", title: "Satisfaction with the EHC needs assessment process", scale: "satisfaction-5", audience: "parent carers",
      wording: ["2021": "How satisfied are you with the EHC needs assessment process?"],
      notes: "Only those who went through the process; others answer \"Not applicable\"."),
    MeasureDefinition(
      id: "services-work-together", title: "Services working together", scale: "satisfaction-5", audience: "parent carers",
      wording: ["2021": "How satisfied are you with how well services work together?"]),
    MeasureDefinition(
      id: "voice-heard", title: "Voice heard", scale: "yes-partly-no", audience: "families and young people",
      wording: ["2025": "Do you feel your voice was heard?"], notes: "Annual Conversation survey."),
    MeasureDefinition(
      id: "made-a-difference", title: "Made a difference", scale: "yes-partly-no", audience: "families and young people",
      wording: ["2025": "Do you feel you made a difference?"], notes: "Annual Conversation survey."),
    MeasureDefinition(
      id: "enjoy-life", title: "Enjoy life and feel part of the community", scale: "agreement-5", audience: "young people",
      wording: ["2025": "I enjoy life and feel part of my school, college or work and my community"],
      notes: "Outcomes scorecard: % of children and young people who enjoy life and feel part of their school, college or work and community."),
    MeasureDefinition(
      id: "takeover-confidence", title: "Confidence speaking up (Takeover Challenge)", scale: "1-5", audience: "young people",
      wording: ["2025": "How confident did you feel speaking up before the Takeover Challenge?"],
      notes: "Asked before and after (timepoint before/after): \"How confident did you feel speaking up before the Takeover Challenge?\" and \"How confident do you feel speaking up now, after it?\"."),
    MeasureDefinition(
      id: "decision-maker-value", title: "Value of the day to decision makers", scale: "0-10", audience: "decision makers",
      wording: ["2025": "How useful was the day for you as a decision maker?"], notes: "Takeover Challenge."),
  ])
}

extension WorkspaceInit {
  /// The README a new workspace starts with, for the participation officers who will use it.
  static func readme(name: String) -> String {
    """
    # \(name)

    This folder is a Voices workspace: the survey exports of your SEND participation work, a
    short description of each (a "manifest"), and the settings every report follows. It holds
    personal data. Keep it on council storage, never in a personal cloud folder, and do not
    email it. Voices never sends anything over the network.

    ## What goes where

    | file or folder | what it holds | who edits it |
    |---|---|---|
    | `exports/` | the files exactly as the survey tool gave them (CSV or XLSX). Never edit them: if a row is wrong, say so in its manifest or fix it in the tool and export again | `voices add` copies them here |
    | `manifests/` | one `.json` file per export: which wave and route it is, which column is which question | `voices add` drafts it; you check it |
    | `measures.json` | the questions tracked over the years (trust and confidence, satisfaction, voice heard ...), their wording in each wave and their answer scale | the strategy lead, when a question is added or reworded |
    | `actions.csv` | "You said, we did": one row per action (`action_id,what_we_did,themes,status,date,evidence`) | the participation officer with the Parent Carer Council |
    | `codebooks/` | the "you said" themes and the word patterns that find them in comments, one spreadsheet row per theme (`codebooks/README.md` explains the rules); check changes with `voices codebook check` | the participation officer with the Parent Carer Council |
    | `workspace.json` | the workspace's name and the small-numbers rule: counts under `minimumCount` (5) and bases under `minimumBase` (10) are never published | rarely |

    ## What to do next

    Open a terminal in the folder that holds this workspace (one level up from this file) and run:

    1. `voices add path/to/your-export.csv` (add `--wave 2025` and `--source parent-carer-survey`
       if the file name does not say them). Voices copies the export into `exports/`, writes a
       manifest in `manifests/`, and prints what it decided for every column and why.
    2. Read the printed decisions. Open the new manifest in a text editor and correct anything
       marked as needing attention (the wave, the source, a measure id).
    3. `voices validate` checks every manifest and export and counts every row:
       read = accepted + rejected + duplicates. Fix the errors it lists (each names a file, a row
       and a column).
    4. `voices report` reads every wave and summarises it.

    The sources a manifest can name are: `parent-carer-survey`, `takeover-challenge`,
    `annual-conversation`, `focus-group`, `participation-event`, `other`.

    `voices help COMMAND` explains each command. The step-by-step guide for people new to the
    command line is `docs/guide.md` in the Voices folder.
    """ + "\n"
  }
}

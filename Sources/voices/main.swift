import Voices

// Placeholder entry point while the command set is built; replaced by the dispatcher.
print("voices")

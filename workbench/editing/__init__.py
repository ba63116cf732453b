"""Qt-free editing operations the window, the command line and tests share: each builds invertible model edits."""

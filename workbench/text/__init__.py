"""Words the program shows in any shipped language: language packs and check sentences, below the report and the window."""

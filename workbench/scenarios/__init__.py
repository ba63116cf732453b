"""Options side by side: scenario actions as edits, and the comparison of scenarios over the years."""

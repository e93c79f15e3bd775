"""The Learn panel: a guided course beside the pages (issue 17)."""

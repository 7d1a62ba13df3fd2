"""Page layout: how many pages the memo fills, and where the body ends."""

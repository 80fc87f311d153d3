"""What only the desktop client uses: its own tables, the outbox, applying pulled pages and the catch-up,
rebasing on the server's history, the sync cursor and the offline-unlock credentials. Nothing in
`store.central` or the shared store imports this package; neither does the server (`server/`)."""

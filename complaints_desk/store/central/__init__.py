"""What only the central server uses: its own tables, the push pipeline and the sequence counter, the pull
feed, accounts and tokens, workstations, administration, LISTEN/NOTIFY and the event-log audit. Nothing in
`store.local` or the shared store imports this package; neither does the desktop (`sync/`, `gui/`)."""

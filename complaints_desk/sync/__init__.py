"""Sync: the wire protocol (shared by client and server) and the client's sync engine."""

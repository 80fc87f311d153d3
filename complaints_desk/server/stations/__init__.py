"""stations endpoints."""

"""cases endpoints."""

"""admin endpoints."""

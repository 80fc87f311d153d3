"""auth endpoints."""

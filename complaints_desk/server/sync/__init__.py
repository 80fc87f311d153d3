"""sync endpoints."""

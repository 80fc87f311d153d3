"""The Open311 GeoReport v2 endpoint (/open311/v2/, views.py) and its API keys (/api/v1/admin/open311-keys,
admin.py)."""

"""SQLAlchemy tables and the repository API over them, shared by the desktop client and the server.
Nothing outside this package writes SQL. Service functions take a Session and never commit."""

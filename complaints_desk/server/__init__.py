"""The central server: a FastAPI app over the shared store (see app.create_app / app.serve)."""

"""민원데스크 (Complaints Desk): intake, receipts, routing and deadline tracking of civil complaints."""

__version__ = "0.1.0"

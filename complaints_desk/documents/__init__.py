"""Printed and exported documents: receipts, notices to the petitioner, the supervisor's summary and the
case-list export. Every PDF is built as bytes by one function; saving and printing use those same bytes.

Layout only: the figures come from complaints_desk.store.reports as plain dataclasses
(complaints_desk.domain.report_data); nothing here touches SQL or SQLAlchemy."""

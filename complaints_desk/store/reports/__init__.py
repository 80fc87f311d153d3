"""The queries that feed documents: a receipt, the notices to the petitioner, the case-list export and the
supervisor's summary. Each returns the plain dataclasses of domain.report_data; documents/ lays them out.
The names below are the API the commands and documents call; each lives in the module named for its
document."""

from .backlog import backlog_at
from .export import ExportFilter, count_export_rows, iter_export_rows
from .notices import extension_notice, progress_notice, proposal_decision_notice, result_notice
from .office import office_info
from .receipts import (
    ReceiptContext,
    receipt_context,
    receipt_facts,
    receipt_facts_from_state,
    receipt_printer,
    record_receipt_printed,
)
from .summary import period_bounds, summary_figures

__all__ = [
    "ExportFilter",
    "ReceiptContext",
    "backlog_at",
    "count_export_rows",
    "extension_notice",
    "iter_export_rows",
    "office_info",
    "period_bounds",
    "progress_notice",
    "proposal_decision_notice",
    "receipt_context",
    "receipt_facts",
    "receipt_facts_from_state",
    "receipt_printer",
    "record_receipt_printed",
    "result_notice",
    "summary_figures",
]

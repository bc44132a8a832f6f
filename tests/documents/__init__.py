"""Tests of the PDF documents (receipts, credit notes, session summaries, statements)."""

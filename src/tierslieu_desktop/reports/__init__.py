"""Renderers: the invoice, receipt, reminder and Factur-X PDFs, the annual report, the
funder report and the attendance sheet, and the spreadsheet writers. They take plain data
(``domain`` types) and return bytes or write a file; they never query the database nor
import a use case (``services``)."""

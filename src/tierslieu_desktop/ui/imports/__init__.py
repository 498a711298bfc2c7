"""The import wizard (issue 18): bring members, machines or a class list in from a
CSV/XLSX file with a preview before anything is written.

``wizard.ImportWizard(ctx, importer)`` works with any importer of the
``services.imports.base.Importer`` shape: choose the file and its source, map its
columns to the importer's fields (remembered per source), preview every line with its
action, errors and duplicates (the first 100 lines at once, the whole file checked off
the window's thread), simulate, then import in one transaction — cancel writes nothing.
``words`` names the fields, actions and error codes; ``preview_model`` is the table of
planned lines; ``jobs`` runs the long steps in the thread pool; ``entry`` opens it for the
members from Membres and Paramètres.
"""

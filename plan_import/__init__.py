"""A plan brought in from its document: the officer's pages that read it, preview its outline and
save it once corrected (`views.py`, `forms.py`), the same read from a file on disk for the
commands (`files.py`), and `manage.py import_plan`. intake and revisions (a revised plan is read
the same way) stand on it; it stands on plans and marginalia alone."""

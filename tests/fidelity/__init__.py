"""The fidelity corpus: cases written in the forms real respondents and departments use, each
with what a careful officer would make of it, and the figures of how near Marginalia comes.

    corpus.py     the comments (misquotes, common phrases, proposed wording), with the sections,
                  quotes and stance an officer would give them
    letters.py    letters and emails from organisations and individuals, with who sent them
    revisions.py  revisions that renumber, expand, split, merge and move, with the quotes in them
    documents.py  plans as .txt, .docx, .odt and .pdf with tables, running headers, title pages
                  and uneven numbering, with the sections they have
    scoring.py    runs Marginalia on every case and counts: precision and recall, wrong places
    __main__.py   `make fidelity`: prints the figures beside the targets

test_fidelity.py holds the figures to the targets issue 19 sets.
"""

"""Word drafts: reading .docx, the GB/T 9704 layout rules, and ``--annotate``.

Nothing here is imported when a text draft is linted, except the light
``sniff`` (magic bytes), which the engine asks of every file.  The layout rules
(``layout``) declare that they need a Word layout, so a text draft never
imports them; python-docx and lxml are imported only when a Word file is
actually read.
"""

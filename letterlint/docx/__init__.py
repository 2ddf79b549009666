"""Word drafts: reading .docx, the GB/T 9704 layout rules, and ``--annotate``.

Nothing here is imported when a text draft is linted, except the two light
modules the engine always needs: ``sniff`` (magic bytes) and ``layout`` (the
layout rules, which stay silent on a letter that has no Word formatting).
python-docx and lxml are imported only when a Word file is actually read.
"""

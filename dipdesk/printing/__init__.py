"""Printing: Thai certificates and lab forms as PDF, with reportlab only (no Qt here).

- :mod:`dipdesk.printing.fonts` registers the bundled Laksaman family (TH Sarabun's free derivative) as
  shapable TrueType fonts, embedded as subsets.
- :mod:`dipdesk.printing.thaitext` is the Thai typography layer every document uses: HarfBuzz shaping
  (``ThaiParagraph``/``shaped_paragraph``), line breaks at Thai word boundaries (PyThaiNLP ``newmm``),
  shrink-then-wrap fitting of names and titles into boxes (``fit_text``/``draw_text``), and text that
  ``pdftotext`` and PDF viewers read back as typed (ActualText).

Rules for renderers built on it: draw Thai only through ``thaitext`` (``canvas.drawString`` does not
shape), call ``fonts.register_fonts()`` before creating a canvas, and give reportlab Tables
``("FONTNAME", (0, 0), (-1, -1), fonts.FONT)`` so no non-embedded Helvetica sneaks into the PDF.
"""

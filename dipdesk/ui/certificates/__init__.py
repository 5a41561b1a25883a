"""The certificates area (วุฒิบัตร / เกียรติบัตร): issuing and printing, verification, template editing.

`dipdesk.ui.pages.certificates.CertificatesPage` puts the three tabs together; each tab is a plain widget
that gets the page's environment and runs its database and PDF work in workers
(`dipdesk.ui.workers`), with the service calls of `dipdesk.services.certificates`.
"""

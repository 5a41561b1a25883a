"""The testing lab's screens: worklist, result entry, reception, verification, reports, catalog.

`dipdesk.ui.pages.lab.LabPage` puts them together; every read and write goes through
`dipdesk.services.lab` in a worker (`ops.LabOps`), never on the GUI thread.
"""

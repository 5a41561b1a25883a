"""The record screens: lists, detail forms and their controllers (people, enterprises, programs…).

`controller.RecordController` is the shape of each area; `list_view`, `form`, `fields` and `dialogs` are
its parts; `people`, `enterprises`, `programs` are the areas. Reads and writes run in workers
(`ops`), through `dipdesk.services`.
"""

from dipdesk.ui.models.refcounts import guard_singletons

guard_singletons()  # see dipdesk/ui/models/refcounts.py

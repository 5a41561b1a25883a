<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActivitiesController</name>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="+257"/>
        <source>%1 activities</source>
        <translation>%1 activities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity name, code or venue (Ctrl+F)</source>
        <translation>Activity name, code or venue (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No activities yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New activity…&lt;/b&gt; (Ctrl+N) to add a course, then its training days, the people enrolled and their attendance.</source>
        <translation>&lt;b&gt;No activities yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New activity…&lt;/b&gt; (Ctrl+N) to add a course, then its training days, the people enrolled and their attendance.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;No activity matches “%1”.&lt;/b&gt;&lt;br&gt;Choose another fiscal year or press Esc to clear the search.</source>
        <translation>&lt;b&gt;No activity matches “%1”.&lt;/b&gt;&lt;br&gt;Choose another fiscal year or press Esc to clear the search.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New activity…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New activity</source>
        <translation>New activity</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Enroll people…</source>
        <translation>Enroll people…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attendance…</source>
        <translation>Attendance…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 training days</source>
        <translation>%1 training days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No training days yet. Click &lt;b&gt;New training day…&lt;/b&gt; for each day (or meeting) of the activity; attendance is taken per day.</source>
        <translation>No training days yet. Click &lt;b&gt;New training day…&lt;/b&gt; for each day (or meeting) of the activity; attendance is taken per day.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New training day…</source>
        <translation>New training day…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Training days</source>
        <translation>Training days</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Save the activity first; then its training days can be added here.</source>
        <translation>Save the activity first; then its training days can be added here.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the activity first.</source>
        <translation>Save the activity first.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New training day</source>
        <translation>New training day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training day</source>
        <translation>Training day</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Every day of this activity (%1 – %2) already has a training day. For one more day, first change the activity's end date.</source>
        <translation>Every day of this activity (%1 – %2) already has a training day. For one more day, first change the activity's end date.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Not available yet</source>
        <translation>Not available yet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enrolling people and taking attendance are not available in this version of dipdesk yet. The activity and its training days are saved; enrollment and attendance can be added once the update that brings them is installed.</source>
        <translation>Enrolling people and taking attendance are not available in this version of dipdesk yet. The activity and its training days are saved; enrollment and attendance can be added once the update that brings them is installed.</translation>
    </message>
</context>
<context>
    <name>AddDayDialog</name>
    <message>
        <location filename="../dipdesk/ui/attendance/add_day.py" line="+35"/>
        <source>Add a training day</source>
        <translation>Add a training day</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the day is about (optional)</source>
        <translation>What the day is about (optional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/users.py" line="+113"/>
        <source>Add a user</source>
        <translation>Add a user</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First password</source>
        <translation>First password</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the first password to the user in person: they must choose their own at the first log-in.</source>
        <translation>Give the first password to the user in person: they must choose their own at the first log-in.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../dipdesk/ui/first_run.py" line="+158"/>
        <source>The first administrator</source>
        <translation>The first administrator</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account manages dipdesk on this computer and adds the other users. Keep the password safe: there is no way to recover it without another administrator.</source>
        <translation>This account manages dipdesk on this computer and adds the other users. Keep the password safe: there is no way to recover it without another administrator.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>letters and digits, e.g. somchai.k</source>
        <translation>letters and digits, e.g. somchai.k</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. นายสมชาย ใจดี</source>
        <translation>e.g. นายสมชาย ใจดี</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least %1 characters</source>
        <translation>at least %1 characters</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Creating the administrator…</source>
        <translation>Creating the administrator…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Please enter a username.</source>
        <translation>Please enter a username.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter the administrator's full name.</source>
        <translation>Please enter the administrator's full name.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords are not the same.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The administrator could not be created: %1</source>
        <translation>The administrator could not be created: %1</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="+360"/>
        <source>Amend report %1</source>
        <translation>Amend report %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An amendment is a new report with a new number that names report %1 and says what changed and why. Report %1 stays on file, marked as replaced. To correct a result, retract it first and verify the retest.</source>
        <translation>An amendment is a new report with a new number that names report %1 and says what changed and why. Report %1 stays on file, marked as replaced. To correct a result, retract it first and verify the retest.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What changed and why</source>
        <translation>What changed and why</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say what changed and why.</source>
        <translation>Say what changed and why.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../dipdesk/ui/app.py" line="+118"/>
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The database could not be opened</source>
        <translation>The database could not be opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dipdesk could not open its database file:
%1

Check that the folder exists and can be written to, that there is free disk space, and that no other program has the file open.</source>
        <translation>dipdesk could not open its database file:
%1

Check that the folder exists and can be written to, that there is free disk space, and that no other program has the file open.</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/base.py" line="+88"/>
        <location line="+72"/>
        <source>Loading figures from the database…</source>
        <translation>Loading figures from the database…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The figures could not be loaded from the database: %1</source>
        <translation>The figures could not be loaded from the database: %1</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../dipdesk/ui/pages/__init__.py" line="+40"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programs &amp; activities</source>
        <translation>Programs &amp; activities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring</source>
        <translation>Mentoring</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>Certificates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing lab</source>
        <translation>Testing lab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <location filename="../dipdesk/ui/attendance/grid.py" line="+478"/>
        <location line="+294"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="-276"/>
        <source>Add people…</source>
        <translation>Add people…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a class list…</source>
        <translation>Import a class list…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a training day…</source>
        <translation>Add a training day…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone present this day</source>
        <translation>Everyone present this day</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save attendance</source>
        <translation>Save attendance</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Arrows move · Space ticks or clears · Enter goes down · Ctrl+S saves</source>
        <translation>Arrows move · Space ticks or clears · Enter goes down · Ctrl+S saves</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Completes with at least %1% of the %2 hours (%3 hours), the rule set for this activity.</source>
        <translation>Completes with at least %1% of the %2 hours (%3 hours), the rule set for this activity.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The attendance could not be loaded: %1</source>
        <translation>The attendance could not be loaded: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This activity has no training days yet: press &lt;b&gt;Add a training day…&lt;/b&gt; for each day.</source>
        <translation>This activity has no training days yet: press &lt;b&gt;Add a training day…&lt;/b&gt; for each day.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody is enrolled yet: press &lt;b&gt;Add people…&lt;/b&gt; to find or add them one by one, or &lt;b&gt;Import a class list…&lt;/b&gt; to read them from an Excel or CSV file.</source>
        <translation>Nobody is enrolled yet: press &lt;b&gt;Add people…&lt;/b&gt; to find or add them one by one, or &lt;b&gt;Import a class list…&lt;/b&gt; to read them from an Excel or CSV file.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 people complete</source>
        <translation>%1 of %2 people complete</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 dropped</source>
        <translation>%1 dropped</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unsaved changes</source>
        <translation>%1 unsaved changes</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A day that has not come yet</source>
        <translation>A day that has not come yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is after today: nobody can have attended it yet. Save attendance for it anyway?</source>
        <translation>%1 is after today: nobody can have attended it yet. Save attendance for it anyway?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save anyway</source>
        <translation>Save anyway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: the changes are still here to correct.</source>
        <translation>Not saved: the changes are still here to correct.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1 marks.</source>
        <translation>Saved %1 marks.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 now complete.</source>
        <translation>%1 now complete.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 no longer complete.</source>
        <translation>%1 no longer complete.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was saved: %1</source>
        <translation>Nothing was saved: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Every day of this activity (%1 – %2) already has a training day. For one more day, first change the activity's end date.</source>
        <translation>Every day of this activity (%1 – %2) already has a training day. For one more day, first change the activity's end date.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export attendance</source>
        <translation>Export attendance</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day %1 (%2)</source>
        <translation>Day %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent of hours</source>
        <translation>Percent of hours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location line="-538"/>
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not taken yet</source>
        <translation>Not taken yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Present for %1 of %2 hours</source>
        <translation>Present for %1 of %2 hours</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Present</source>
        <translation>Present</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Absent</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Completes</source>
        <translation>Completes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet complete (%1 h short)</source>
        <translation>Not yet complete (%1 h short)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day %1 · %3 h
%2</source>
        <translation>Day %1 · %3 h
%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent</source>
        <translation>Percent</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../dipdesk/ui/pages/audit.py" line="+148"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of record</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before → after</source>
        <translation>Before → after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location line="+29"/>
        <source>Who changed what and when, with the values before and after. Filter by record, user, kind of change and dates (BE, e.g. 15/03/2569); export what the filter shows to Excel.</source>
        <translation>Who changed what and when, with the values before and after. Filter by record, user, kind of change and dates (BE, e.g. 15/03/2569); export what the filter shows to Excel.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All users</source>
        <translation>All users</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All kinds of record</source>
        <translation>All kinds of record</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All changes</source>
        <translation>All changes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dd/mm/yyyy (BE)</source>
        <translation>dd/mm/yyyy (BE)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of record</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show all records</source>
        <translation>Show all records</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Counting…</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History of %1</source>
        <translation>History of %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 change(s)</source>
        <translation>%1 change(s)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the audit trail</source>
        <translation>Export the audit trail</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 change(s) exported to %2</source>
        <translation>%1 change(s) exported to %2</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../dipdesk/ui/backup.py" line="+133"/>
        <source>Backup and restore</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A backup is a checked copy of this computer's database, taken while dipdesk runs. Automatic backups are kept for 7 days and 4 weeks; a second folder (a USB disk or a network share) keeps a copy away from this computer.</source>
        <translation>A backup is a checked copy of this computer's database, taken while dipdesk runs. Automatic backups are kept for 7 days and 4 weeks; a second folder (a USB disk or a network share) keeps a copy away from this computer.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup folder</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (for example a USB disk)</source>
        <translation>none (for example a USB disk)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second folder</source>
        <translation>Second folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up automatically every day</source>
        <translation>Back up automatically every day</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save backup settings</source>
        <translation>Save backup settings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>Restore…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from a file…</source>
        <translation>Restore from a file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only an administrator may restore a backup.</source>
        <translation>Only an administrator may restore a backup.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a folder</source>
        <translation>Choose a folder</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on demand</source>
        <translation>on demand</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The settings could not be saved: %1</source>
        <translation>The settings could not be saved: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup settings saved.</source>
        <translation>Backup settings saved.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backed up and checked: %1</source>
        <translation>Backed up and checked: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy in the second folder: %1</source>
        <translation>Copy in the second folder: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The second folder was not written: %1</source>
        <translation>The second folder was not written: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The backup is sound: site %1, %2 people, schema %3.</source>
        <translation>The backup is sound: site %1, %2 people, schema %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backup cannot be restored:</source>
        <translation>This backup cannot be restored:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a backup</source>
        <translation>Choose a backup</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dipdesk backups (*.sqlite3)</source>
        <translation>dipdesk backups (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace this computer's database by the backup %1?

The current database is kept beside it first. Work made after the backup that was already synced comes back from the server at the next sync; work made after the backup that was never synced is not in the backup (it stays in the kept copy). dipdesk closes after the restore; start it again.</source>
        <translation>Replace this computer's database by the backup %1?

The current database is kept beside it first. Work made after the backup that was already synced comes back from the server at the next sync; work made after the backup that was never synced is not in the backup (it stays in the kept copy). dipdesk closes after the restore; start it again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+29"/>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restoring…</source>
        <translation>Restoring…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This backup was made on another computer. Restore it here only if that computer is no longer used (it broke, or this one replaces it): two computers restored from one backup would sync as one and mix up their changes.</source>
        <translation>This backup was made on another computer. Restore it here only if that computer is no longer used (it broke, or this one replaces it): two computers restored from one backup would sync as one and mix up their changes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore: that computer is no longer used</source>
        <translation>Restore: that computer is no longer used</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restored from %1.</source>
        <translation>Restored from %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The replaced database is kept as %1.</source>
        <translation>The replaced database is kept as %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 changes made after the backup were never synced: they are not in the restored database.</source>
        <translation>%1 changes made after the backup were never synced: they are not in the restored database.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 changes made after the backup were synced: the next sync brings them back.</source>
        <translation>%1 changes made after the backup were synced: the next sync brings them back.</translation>
    </message>
</context>
<context>
    <name>BeCalendar</name>
    <message>
        <location filename="../dipdesk/ui/calendar.py" line="+94"/>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year (Buddhist era)</source>
        <translation>Year (Buddhist era)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>BeYearBox</name>
    <message>
        <location line="-42"/>
        <source>%1 BE</source>
        <translation>%1 BE</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location line="+163"/>
        <source>Choose the date on a calendar (Alt+↓)</source>
        <translation>Choose the date on a calendar (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>CardReaderBar</name>
    <message>
        <location filename="../dipdesk/ui/attendance/card_reader.py" line="+50"/>
        <source>Looking for an ID card reader…</source>
        <translation>Looking for an ID card reader…</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>ID card reader ready: put a Thai ID card in to read it (%1)</source>
        <translation>ID card reader ready: put a Thai ID card in to read it (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the card…</source>
        <translation>Reading the card…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card could not be read: %1</source>
        <translation>The card could not be read: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card read: %1</source>
        <translation>Card read: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 was already checked in today.</source>
        <translation>%1 was already checked in today.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 enrolled and checked in for today.</source>
        <translation>%1 enrolled and checked in for today.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 checked in for today.</source>
        <translation>%1 checked in for today.</translation>
    </message>
</context>
<context>
    <name>CatalogPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/catalog.py" line="+275"/>
        <source>Add a test…</source>
        <translation>Add a test…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a specification…</source>
        <translation>Add a specification…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove specification</source>
        <translation>Remove specification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tests</source>
        <translation>Tests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specifications</source>
        <translation>Specifications</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Double-click a cell to change it; each change is checked and recorded.</source>
        <translation>Double-click a cell to change it; each change is checked and recorded.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The catalog is maintained by the lab's head; you can read it here.</source>
        <translation>The catalog is maintained by the lab's head; you can read it here.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved</source>
        <translation>Saved</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Added %1: fill in its method, unit and limits</source>
        <translation>Added %1: fill in its method, unit and limits</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Specification added</source>
        <translation>Specification added</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select the specification to remove.</source>
        <translation>Select the specification to remove.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Specification removed</source>
        <translation>Specification removed</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/certificates.py" line="+58"/>
        <source>Certificates of completion and of participation for the people of an activity. Who receives one follows the rule (completed, and attendance at the activity's threshold); each has its own serial number and a signed QR code, and a reprint is an exact copy of what was first printed.</source>
        <translation>Certificates of completion and of participation for the people of an activity. Who receives one follows the rule (completed, and attendance at the activity's threshold); each has its own serial number and a signed QR code, and a reprint is an exact copy of what was first printed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificates issued</source>
        <translation>Certificates issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked certificates</source>
        <translation>Revoked certificates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies printed</source>
        <translation>Copies printed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate templates</source>
        <translation>Certificate templates</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Issue and print</source>
        <translation>Issue and print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify a certificate</source>
        <translation>Verify a certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates</source>
        <translation>Templates</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>There is no certificate template yet: they come from headquarters with the first sync.</source>
        <translation>There is no certificate template yet: they come from headquarters with the first sync.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of them by override</source>
        <translation>%1 of them by override</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../dipdesk/ui/account.py" line="+42"/>
        <location line="+40"/>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>An administrator has set a password for you. Please choose your own password now.</source>
        <translation>An administrator has set a password for you. Please choose your own password now.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password for %1.</source>
        <translation>Choose a new password for %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A password has at least 8 characters, with both letters and digits, and is not your user name.</source>
        <translation>A password has at least 8 characters, with both letters and digits, and is not your user name.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Current password</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The two new passwords are not the same.</source>
        <translation>The two new passwords are not the same.</translation>
    </message>
</context>
<context>
    <name>ClassList</name>
    <message>
        <location filename="../dipdesk/ui/certificates/class_list.py" line="+26"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enrollment</source>
        <translation>Enrollment</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Hours attended</source>
        <translation>Hours attended</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>By the rule</source>
        <translation>By the rule</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Due: not issued yet</source>
        <translation>Due: not issued yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued %1</source>
        <translation>Issued %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued %1 (override)</source>
        <translation>Issued %1 (override)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked %1</source>
        <translation>Revoked %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible</source>
        <translation>Eligible</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../dipdesk/ui/models/columns.py" line="+80"/>
        <source>Consulting and advice</source>
        <translation>Consulting and advice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business incubation</source>
        <translation>Business incubation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business matching</source>
        <translation>Business matching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw-material and product testing</source>
        <translation>Raw-material and product testing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production-system development</source>
        <translation>Production-system development</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product and packaging design</source>
        <translation>Product and packaging design</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitions and showrooms</source>
        <translation>Exhibitions and showrooms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build: agro-industry</source>
        <translation>Build: agro-industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build: creative</source>
        <translation>Build: creative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build: smart</source>
        <translation>Build: smart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improve the ecosystem</source>
        <translation>Improve the ecosystem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change how we work</source>
        <translation>Change how we work</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Juristic person</source>
        <translation>Juristic person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community enterprise</source>
        <translation>Community enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual business</source>
        <translation>Individual business</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community-enterprise network</source>
        <translation>Community-enterprise network</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Micro</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small</source>
        <translation>Small</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processed food</source>
        <translation>Processed food</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Herbal products</source>
        <translation>Herbal products</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosmetics</source>
        <translation>Cosmetics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packaging</source>
        <translation>Packaging</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Textiles and clothing</source>
        <translation>Textiles and clothing</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>Female</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location line="-97"/>
        <location line="+1"/>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card no.</source>
        <translation>ID card no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration ID</source>
        <translation>Registration ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSIC</source>
        <translation>TSIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy track</source>
        <translation>Policy track</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (baht)</source>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session no.</source>
        <translation>Session no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Developed on</source>
        <translation>Developed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member enterprises</source>
        <translation>Member enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period from</source>
        <translation>Period from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period to</source>
        <translation>Period to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue before</source>
        <translation>Revenue before</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue after</source>
        <translation>Revenue after</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs saved</source>
        <translation>Costs saved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment</source>
        <translation>Investment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>Jobs created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New products</source>
        <translation>New products</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economic value</source>
        <translation>Economic value</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise name</source>
        <translation>Enterprise name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program name</source>
        <translation>Program name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product name</source>
        <translation>Product name</translation>
    </message>
</context>
<context>
    <name>ConditionDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="-70"/>
        <source>Receive sample %1</source>
        <translation>Receive sample %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal, sealed</source>
        <translation>Normal, sealed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room temperature</source>
        <translation>Room temperature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition on receipt</source>
        <translation>Condition on receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Describe the condition of the sample on receipt.</source>
        <translation>Describe the condition of the sample on receipt.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../dipdesk/ui/pages/kpi_figures.py" line="+25"/>
        <source>Entrepreneurs developed (people)</source>
        <translation>Entrepreneurs developed (people)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises developed</source>
        <translation>Enterprises developed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products developed</source>
        <translation>Products developed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups and clusters</source>
        <translation>Groups and clusters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economic value created (million baht)</source>
        <translation>Economic value created (million baht)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entrepreneurs</source>
        <translation>Entrepreneurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value (million baht)</source>
        <translation>Value (million baht)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consulting and advice</source>
        <translation>Consulting and advice</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business incubation</source>
        <translation>Business incubation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business matching</source>
        <translation>Business matching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw-material and product testing</source>
        <translation>Raw-material and product testing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production-system development</source>
        <translation>Production-system development</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product and packaging design</source>
        <translation>Product and packaging design</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitions and showrooms</source>
        <translation>Exhibitions and showrooms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/dashboard.py" line="+72"/>
        <source>This site's work in the fiscal year and its progress toward the year's targets. Each person, enterprise, product and group counts once, however many activities it joined.</source>
        <translation>This site's work in the fiscal year and its progress toward the year's targets. Each person, enterprise, product and group counts once, however many activities it joined.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This site</source>
        <translation>This site</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+329"/>
        <source>All sites in this database</source>
        <translation>All sites in this database</translation>
    </message>
    <message>
        <location line="-328"/>
        <source>Whole department (as of the last sync)</source>
        <translation>Whole department (as of the last sync)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+162"/>
        <source>Edit targets…</source>
        <translation>Edit targets…</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Programs</source>
        <translation>Programs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities and courses</source>
        <translation>Activities and courses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrollments</source>
        <translation>Enrollments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates issued</source>
        <translation>Certificates issued</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Progress toward the targets</source>
        <translation>Progress toward the targets</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+207"/>
        <source>Program or service</source>
        <translation>Program or service</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Edit targets of each site…</source>
        <translation>Edit targets of each site…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>department-%1.xlsx</source>
        <translation>department-%1.xlsx</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>targets-%1.xlsx</source>
        <translation>targets-%1.xlsx</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>Export the targets table</source>
        <translation>Export the targets table</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reached</source>
        <translation>%1 reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 target</source>
        <translation>%1 target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of target</source>
        <translation>%1 % of target</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Progress toward the targets, fiscal year %1 (%2 – %3)</source>
        <translation>Progress toward the targets, fiscal year %1 (%2 – %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Targets %1</source>
        <translation>Targets %1</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+58"/>
        <source>Exported %1 lines to %2</source>
        <translation>Exported %1 lines to %2</translation>
    </message>
    <message>
        <location line="-297"/>
        <source>Reached: enrolled in or completed an activity of one of the year's programs. Enterprises also count when they received a service during the year. Economic value is computed from the outcomes recorded for the year.</source>
        <translation>Reached: enrolled in or completed an activity of one of the year's programs. Enterprises also count when they received a service during the year. Economic value is computed from the outcomes recorded for the year.</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>All fiscal years, in this computer's database: %1 people, %2 enterprises, %3 products and %4 groups.</source>
        <translation>All fiscal years, in this computer's database: %1 people, %2 enterprises, %3 products and %4 groups.</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Targets set for this site for the fiscal year.</source>
        <translation>Targets set for this site for the fiscal year.</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>By service and by program</source>
        <translation>By service and by program</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts show</source>
        <translation>Charts show</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By service</source>
        <translation>By service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By program</source>
        <translation>By program</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By service (reached / target)</source>
        <translation>By service (reached / target)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By program (reached / target)</source>
        <translation>By program (reached / target)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A person in programs of two kinds counts once in each, so the lines need not add up to the site's total. A service's target is the sum of its programs' targets.</source>
        <translation>A person in programs of two kinds counts once in each, so the lines need not add up to the site's total. A service's target is the sum of its programs' targets.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>No targets are set for this site this year: shown against the national targets, which are for all sites together.</source>
        <translation>No targets are set for this site this year: shown against the national targets, which are for all sites together.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All sites in this database, against the national targets.</source>
        <translation>All sites in this database, against the national targets.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No targets have been set for this fiscal year yet.</source>
        <translation>No targets have been set for this fiscal year yet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no target</source>
        <translation>no target</translation>
    </message>
</context>
<context>
    <name>DeliveryPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/delivery_panel.py" line="+33"/>
        <source>Waiting to be sent</source>
        <translation>Waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused by the mail server</source>
        <translation>Refused by the mail server</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Send a published report</source>
        <translation>Send a published report</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report no.</source>
        <translation>Report no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer's e-mail address</source>
        <translation>Customer's e-mail address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save signed PDF</source>
        <translation>Save signed PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue e-mail</source>
        <translation>Queue e-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send queued e-mails now</source>
        <translation>Send queued e-mails now</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E-mail queue</source>
        <translation>E-mail queue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Samples due for disposal (retention period over)</source>
        <translation>Samples due for disposal (retention period over)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lab no.</source>
        <translation>Lab no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep until</source>
        <translation>Keep until</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How it was disposed of</source>
        <translation>How it was disposed of</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Witness</source>
        <translation>Witness</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record disposal</source>
        <translation>Record disposal</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Signed report saved: %1</source>
        <translation>Signed report saved: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report %1 queued for %2.</source>
        <translation>Report %1 queued for %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No mail server is set up (smtp_host in the settings).</source>
        <translation>No mail server is set up (smtp_host in the settings).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 e-mail(s) sent, %2 still waiting.</source>
        <translation>%1 e-mail(s) sent, %2 still waiting.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a sample in the list first.</source>
        <translation>Choose a sample in the list first.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disposal of %1 recorded.</source>
        <translation>Disposal of %1 recorded.</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+764"/>
        <source>4. Dry run</source>
        <translation>4. Dry run</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything is checked against the database, and nothing is saved yet.</source>
        <translation>Everything is checked against the database, and nothing is saved yet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &gt;</source>
        <translation>Import &gt;</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../dipdesk/ui/records/dialogs.py" line="+44"/>
        <source>Possible duplicates</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This may already be recorded. Open the existing record instead of creating a second one, or create the new record if it is really someone (or something) else.</source>
        <translation>This may already be recorded. Open the existing record instead of creating a second one, or create the new record if it is really someone (or something) else.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open the existing record</source>
        <translation>Open the existing record</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a new record anyway</source>
        <translation>Create a new record anyway</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the form</source>
        <translation>Go back to the form</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/duplicates.py" line="+111"/>
        <source>Records of this site that may be one person or one enterprise typed twice, best match first (names compared the Thai way, with the birth date, phone and province). Choose a pair and the record to keep: the other one's details fill what the kept one lacks, everything recorded for it follows the kept record, and the merge is synced and audited. People of other sites with the same national ID are merged on the server by themselves.</source>
        <translation>Records of this site that may be one person or one enterprise typed twice, best match first (names compared the Thai way, with the birth date, phone and province). Choose a pair and the record to keep: the other one's details fill what the kept one lacks, everything recorded for it follows the kept record, and the merge is synced and audited. People of other sites with the same national ID are merged on the server by themselves.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record 1</source>
        <translation>Record 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record 2</source>
        <translation>Record 2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same national ID</source>
        <translation>same national ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same registration ID</source>
        <translation>same registration ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name</source>
        <translation>same name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nearly the same name</source>
        <translation>nearly the same name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same birth date</source>
        <translation>same birth date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone</source>
        <translation>same phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same province</source>
        <translation>same province</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Merge, keeping record 1</source>
        <translation>Merge, keeping record 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge, keeping record 2</source>
        <translation>Merge, keeping record 2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Possible duplicate pairs: %1</source>
        <translation>Possible duplicate pairs: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merged: %1 is kept.</source>
        <translation>Merged: %1 is kept.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Values not kept (the kept record's stay): %1</source>
        <translation>Values not kept (the kept record's stay): %1</translation>
    </message>
</context>
<context>
    <name>EnrolledList</name>
    <message>
        <location filename="../dipdesk/ui/records/enrolled.py" line="+57"/>
        <source>Save the activity first; then people can be enrolled.</source>
        <translation>Save the activity first; then people can be enrolled.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 people enrolled</source>
        <translation>%1 people enrolled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is enrolled yet: click Enroll people… to add them.</source>
        <translation>Nobody is enrolled yet: click Enroll people… to add them.</translation>
    </message>
</context>
<context>
    <name>EnrollmentDialog</name>
    <message>
        <location filename="../dipdesk/ui/attendance/enroll_dialog.py" line="+149"/>
        <source>Add people to the activity</source>
        <translation>Add people to the activity</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Someone already in the database</source>
        <translation>Someone already in the database</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a name, surname, national ID or phone number…</source>
        <translation>Type a name, surname, national ID or phone number…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+91"/>
        <source>Type at least two letters, or digits of an ID or phone number.</source>
        <translation>Type at least two letters, or digits of an ID or phone number.</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Enroll the selected people</source>
        <translation>Enroll the selected people</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone new</source>
        <translation>Someone new</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Optional: the enterprise they work in</source>
        <translation>Optional: the enterprise they work in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name prefix</source>
        <translation>Name prefix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name *</source>
        <translation>First name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add and enroll</source>
        <translation>Add and enroll</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enroll in: %1</source>
        <translation>Enroll in: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nobody found. Add them as someone new below.</source>
        <translation>Nobody found. Add them as someone new below.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first %1 found: type more to narrow the search.</source>
        <translation>The first %1 found: type more to narrow the search.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 found. Select them and press Enter.</source>
        <translation>%1 found. Select them and press Enter.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The search failed: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enrolled: %1 (%2 in all since this window opened)</source>
        <translation>Enrolled: %1 (%2 in all since this window opened)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the card:</source>
        <translation>From the card:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>born %1</source>
        <translation>born %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kept: ID, names, birth date, gender and address. The card's photo is not read or stored.</source>
        <translation>Kept: ID, names, birth date, gender and address. The card's photo is not read or stored.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>registered at %1 (from the server)</source>
        <translation>registered at %1 (from the server)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 was added and enrolled.</source>
        <translation>%1 was added and enrolled.</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+12"/>
        <source>This may be someone already in the database:</source>
        <translation>This may be someone already in the database:</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Enroll %1</source>
        <translation>Enroll %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A national ID belongs to one person only: enroll them, or correct the ID typed in.</source>
        <translation>A national ID belongs to one person only: enroll them, or correct the ID typed in.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone else: add as new</source>
        <translation>Someone else: add as new</translation>
    </message>
</context>
<context>
    <name>EnterprisesController</name>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="+146"/>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 enterprises</source>
        <translation>%1 enterprises</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, code or registration ID (Ctrl+F)</source>
        <translation>Name, code or registration ID (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No enterprises are recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New enterprise…&lt;/b&gt; (Ctrl+N) to add one.</source>
        <translation>&lt;b&gt;No enterprises are recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New enterprise…&lt;/b&gt; (Ctrl+N) to add one.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;No enterprise matches “%1”.&lt;/b&gt;&lt;br&gt;Check the spelling, type a shorter part of the name, choose another type, or press Esc to clear the search.</source>
        <translation>&lt;b&gt;No enterprise matches “%1”.&lt;/b&gt;&lt;br&gt;Check the spelling, type a shorter part of the name, choose another type, or press Esc to clear the search.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New enterprise…</source>
        <translation>New enterprise…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New enterprise</source>
        <translation>New enterprise</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 products</source>
        <translation>%1 products</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No products yet. Click &lt;b&gt;New product…&lt;/b&gt; to add one.</source>
        <translation>No products yet. Click &lt;b&gt;New product…&lt;/b&gt; to add one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New product…</source>
        <translation>New product…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save the enterprise first; then its products can be added here.</source>
        <translation>Save the enterprise first; then its products can be added here.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 service records</source>
        <translation>%1 service records</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No services recorded yet. Click &lt;b&gt;New service record…&lt;/b&gt; to add a visit.</source>
        <translation>No services recorded yet. Click &lt;b&gt;New service record…&lt;/b&gt; to add a visit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New service record…</source>
        <translation>New service record…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Service records</source>
        <translation>Service records</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save the enterprise first; then its service records can be added here.</source>
        <translation>Save the enterprise first; then its service records can be added here.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 outcome periods</source>
        <translation>%1 outcome periods</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No outcomes recorded for this enterprise yet. Click &lt;b&gt;New outcome period…&lt;/b&gt; to record its revenue, costs saved, jobs and new products for a period; the economic value is computed from them.</source>
        <translation>No outcomes recorded for this enterprise yet. Click &lt;b&gt;New outcome period…&lt;/b&gt; to record its revenue, costs saved, jobs and new products for a period; the economic value is computed from them.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New outcome period…</source>
        <translation>New outcome period…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the enterprise first; then its outcomes can be recorded here.</source>
        <translation>Save the enterprise first; then its outcomes can be recorded here.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>New outcome period</source>
        <translation>New outcome period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome period</source>
        <translation>Outcome period</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+8"/>
        <source>Outcomes</source>
        <translation>Outcomes</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>New product</source>
        <translation>New product</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New service record</source>
        <translation>New service record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service record</source>
        <translation>Service record</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/enterprises.py" line="+17"/>
        <source>Businesses the department serves (juristic persons, community enterprises, individual businesses) with their products and outcomes, the groups they belong to, and every service delivered to them.</source>
        <translation>Businesses the department serves (juristic persons, community enterprises, individual businesses) with their products and outcomes, the groups they belong to, and every service delivered to them.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service records</source>
        <translation>Service records</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Groups and clusters</source>
        <translation>Groups and clusters</translation>
    </message>
</context>
<context>
    <name>EvidenceShareCard</name>
    <message>
        <location filename="../dipdesk/ui/pages/evidence_share.py" line="+33"/>
        <source>Economic value backed by evidence</source>
        <translation>Economic value backed by evidence</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 of %2 baht of economic value has receipts, statements or photos behind it.</source>
        <translation>%1 of %2 baht of economic value has receipts, statements or photos behind it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No economic value recorded for this fiscal year yet.</source>
        <translation>No economic value recorded for this fiscal year yet.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../dipdesk/ui/attendance/fields.py" line="+29"/>
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid e-mail address</source>
        <translation>Not a valid e-mail address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a number</source>
        <translation>Must be a number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between 0 and 24 hours</source>
        <translation>Between 0 and 24 hours</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/fields.py" line="+69"/>
        <source>Please fill in this field.</source>
        <translation>Please fill in this field.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a number, for example 12 or 3.5.</source>
        <translation>Please type a number, for example 12 or 3.5.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a whole number.</source>
        <translation>Please type a whole number.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a Buddhist-era year such as 2569.</source>
        <translation>Please type a Buddhist-era year such as 2569.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a percentage from 0 to 100.</source>
        <translation>Please type a percentage from 0 to 100.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type part of the name and choose from the list.</source>
        <translation>Please type part of the name and choose from the list.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not an e-mail address (for example name@example.com).</source>
        <translation>This is not an e-mail address (for example name@example.com).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A postcode has 5 digits.</source>
        <translation>A postcode has 5 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TSIC code has up to 5 digits.</source>
        <translation>A TSIC code has up to 5 digits.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of 13 digits</source>
        <translation>%1 of 13 digits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 digits so far</source>
        <translation>%1 digits so far</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day/month/BE year, for example 15/03/2563</source>
        <translation>Day/month/BE year, for example 15/03/2563</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must not be negative.</source>
        <translation>Must not be negative.</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+21"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name (Thai)</source>
        <translation>First name (Thai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name (Thai)</source>
        <translation>Last name (Thai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name (English)</source>
        <translation>First name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name (English)</source>
        <translation>Last name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="-266"/>
        <location filename="../dipdesk/ui/records/people.py" line="+3"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+2"/>
        <source>e.g. 081-234-5678</source>
        <translation>e.g. 081-234-5678</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="-12"/>
        <location line="+69"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-417"/>
        <location line="+26"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+69"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Juristic registration ID</source>
        <translation>Juristic registration ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TSIC industry code</source>
        <translation>TSIC industry code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up to 5 digits</source>
        <translation>up to 5 digits</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+59"/>
        <location filename="../dipdesk/ui/records/people.py" line="+1"/>
        <location filename="../dipdesk/ui/records/programs.py" line="+13"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group or cluster</source>
        <translation>Group or cluster</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../dipdesk/ui/records/people.py" line="+1"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Product name</source>
        <translation>Product name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Developed in program</source>
        <translation>Developed in program</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Developed on</source>
        <translation>Developed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-20"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-7"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../dipdesk/ui/records/programs.py" line="+40"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-28"/>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="-8"/>
        <location filename="../dipdesk/ui/records/programs.py" line="+29"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period starts</source>
        <translation>Period starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period ends</source>
        <translation>Period ends</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue before (baht)</source>
        <translation>Revenue before (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue after (baht)</source>
        <translation>Revenue after (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs saved (baht)</source>
        <translation>Costs saved (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment induced (baht)</source>
        <translation>Investment induced (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>Jobs created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New products</source>
        <translation>New products</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+238"/>
        <source>Economic value created: %1 baht (revenue gained + costs saved + investment)</source>
        <translation>Economic value created: %1 baht (revenue gained + costs saved + investment)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The economic value is computed once the figures are numbers.</source>
        <translation>The economic value is computed once the figures are numbers.</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+3"/>
        <source>Gave consent (PDPA) to keep these personal data</source>
        <translation>Gave consent (PDPA) to keep these personal data</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="-52"/>
        <source>Fiscal year (BE)</source>
        <translation>Fiscal year (BE)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Program name (Thai)</source>
        <translation>Program name (Thai)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Program name (English)</source>
        <translation>Program name (English)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Policy track</source>
        <translation>Policy track</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (baht)</source>
        <translation>Budget (baht)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cohort (no.)</source>
        <translation>Cohort (no.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activity name (Thai)</source>
        <translation>Activity name (Thai)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Activity name (English)</source>
        <translation>Activity name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hours in all</source>
        <translation>Hours in all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hours needed to complete (%)</source>
        <translation>Hours needed to complete (%)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usually 80</source>
        <translation>usually 80</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Session no.</source>
        <translation>Session no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="-485"/>
        <source>1. Choose the file</source>
        <translation>1. Choose the file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An Excel file (.xlsx) or a CSV file: class lists, Google Forms answers, lists from other offices.</source>
        <translation>An Excel file (.xlsx) or a CSV file: class lists, Google Forms answers, lists from other offices.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the file lists:</source>
        <translation>What the file lists:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People (with their enterprises)</source>
        <translation>People (with their enterprises)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>Enterprises</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file to import</source>
        <translation>The file to import</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Also enroll everyone in:</source>
        <translation>Also enroll everyone in:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no activity: only add the people)</source>
        <translation>(no activity: only add the people)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any of these work: Excel .xlsx; CSV saved by Excel in Thai Windows or as UTF-8; Google Forms answers downloaded as CSV. A title above the header row and empty rows are fine. Dates may be Buddhist-era (15/03/2569) or Christian-era, with Thai or Arabic digits. Nothing is saved until the last step.</source>
        <translation>Any of these work: Excel .xlsx; CSV saved by Excel in Thai Windows or as UTF-8; Google Forms answers downloaded as CSV. A title above the header row and empty rows are fine. Dates may be Buddhist-era (15/03/2569) or Christian-era, with Thai or Arabic digits. Nothing is saved until the last step.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose the file to import</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Sheets (*.xlsx *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the file…</source>
        <translation>Reading the file…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sheet “%1”</source>
        <translation>sheet “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text encoding %1</source>
        <translation>text encoding %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read %1 rows and %2 columns (%3); the header is on row %4.</source>
        <translation>Read %1 rows and %2 columns (%3); the header is on row %4.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This file cannot be read: %1</source>
        <translation>This file cannot be read: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../dipdesk/ui/first_run.py" line="+23"/>
        <source>Setting up dipdesk</source>
        <translation>Setting up dipdesk</translation>
    </message>
</context>
<context>
    <name>FiscalYearFilter</name>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="+26"/>
        <source>All fiscal years</source>
        <translation>All fiscal years</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fiscal year %1</source>
        <translation>Fiscal year %1</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/followups_due.py" line="+77"/>
        <source>Follow-ups 3, 6 and 12 months after an activity: call or visit the enterprise, record what changed, and attach the receipts or statements that prove it.</source>
        <translation>Follow-ups 3, 6 and 12 months after an activity: call or visit the enterprise, record what changed, and attach the receipts or statements that prove it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Due within 30 days</source>
        <translation>Due within 30 days</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activity code, e.g. A-001</source>
        <translation>Activity code, e.g. A-001</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule follow-ups (3, 6, 12 months)</source>
        <translation>Schedule follow-ups (3, 6, 12 months)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the outcome…</source>
        <translation>Record the outcome…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it cannot be followed up</source>
        <translation>Why it cannot be followed up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>Skip</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>After</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due on</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No follow-up is due within 30 days. Schedule them from an activity's code.</source>
        <translation>No follow-up is due within 30 days. Schedule them from an activity's code.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcomes without evidence</source>
        <translation>Outcomes without evidence</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach evidence…</source>
        <translation>Attach evidence…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Economic value (baht)</source>
        <translation>Economic value (baht)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every outcome with a value has evidence.</source>
        <translation>Every outcome with a value has evidence.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 days overdue</source>
        <translation>%1 days overdue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>due today</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due in %1 days</source>
        <translation>due in %1 days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 months</source>
        <translation>%1 months</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No activity with the code %1</source>
        <translation>No activity with the code %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 follow-ups scheduled.</source>
        <translation>%1 follow-ups scheduled.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow-up closed without an outcome.</source>
        <translation>Follow-up closed without an outcome.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outcome recorded.</source>
        <translation>Outcome recorded.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach evidence</source>
        <translation>Attach evidence</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 file(s) attached as evidence.</source>
        <translation>%1 file(s) attached as evidence.</translation>
    </message>
</context>
<context>
    <name>GroupsController</name>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="+40"/>
        <source>%1 groups</source>
        <translation>%1 groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name or code (Ctrl+F)</source>
        <translation>Group name or code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No groups or clusters yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New group…&lt;/b&gt; (Ctrl+N) to add one.</source>
        <translation>&lt;b&gt;No groups or clusters yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New group…&lt;/b&gt; (Ctrl+N) to add one.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No group matches “%1”.&lt;/b&gt;&lt;br&gt;Press Esc to clear the search.</source>
        <translation>&lt;b&gt;No group matches “%1”.&lt;/b&gt;&lt;br&gt;Press Esc to clear the search.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New group…</source>
        <translation>New group…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New group or cluster</source>
        <translation>New group or cluster</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 member enterprises</source>
        <translation>%1 member enterprises</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No member enterprises yet. Open an enterprise and choose this group in its form.</source>
        <translation>No member enterprises yet. Open an enterprise and choose this group in its form.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the group first.</source>
        <translation>Save the group first.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Member enterprises</source>
        <translation>Member enterprises</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+358"/>
        <source>5. Import</source>
        <translation>5. Import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accepted rows are saved together, or not at all: stopping or a failure leaves nothing half done.</source>
        <translation>The accepted rows are saved together, or not at all: stopping or a failure leaves nothing half done.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location line="-557"/>
        <source>Import from Excel or CSV</source>
        <translation>Import from Excel or CSV</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>to-fix</source>
        <translation>to-fix</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the rows to fix</source>
        <translation>Save the rows to fix</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save: %1</source>
        <translation>Could not save: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows saved to %2. Fix them there, save, and import that file again.</source>
        <translation>%1 rows saved to %2. Fix them there, save, and import that file again.</translation>
    </message>
</context>
<context>
    <name>InstrumentsPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/quality.py" line="+50"/>
        <source>Calibrated</source>
        <translation>Calibrated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibration due soon</source>
        <translation>Calibration due soon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibration overdue: blocked</source>
        <translation>Calibration overdue: blocked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No calibration programme</source>
        <translation>No calibration programme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for a result</source>
        <translation>Waiting for a result</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for verification</source>
        <translation>Waiting for verification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified, report to publish</source>
        <translation>Verified, report to publish</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>Instruments</source>
        <translation>Instruments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calibration due</source>
        <translation>Calibration due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance due</source>
        <translation>Maintenance due</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turnaround: open analyses against the catalog's target</source>
        <translation>Turnaround: open analyses against the catalog's target</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab no.</source>
        <translation>Lab no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>Days left</translation>
    </message>
</context>
<context>
    <name>IssueTab</name>
    <message>
        <location filename="../dipdesk/ui/certificates/issue_tab.py" line="+143"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by code or title…</source>
        <translation>Search by code or title…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thai digits</source>
        <translation>Thai digits</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newly issued certificates print ๑๒๓ instead of 123; reprints keep what they had</source>
        <translation>Newly issued certificates print ๑๒๓ instead of 123; reprints keep what they had</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Issue and print</source>
        <translation>Issue and print</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue a certificate to everyone due, then print all of the activity's certificates</source>
        <translation>Issue a certificate to everyone due, then print all of the activity's certificates</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reprint selected</source>
        <translation>Reprint selected</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue anyway…</source>
        <translation>Issue anyway…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue to someone the rule does not allow: a reason is recorded</source>
        <translation>Issue to someone the rule does not allow: a reason is recorded</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-issue…</source>
        <translation>Re-issue…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue again with today's name and template (a new revision)</source>
        <translation>Issue again with today's name and template (a new revision)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke…</source>
        <translation>Revoke…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder…</source>
        <translation>Folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder the printed PDF files go to</source>
        <translation>Choose the folder the printed PDF files go to</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>By the activity's service</source>
        <translation>By the activity's service</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No activity has enrolled people yet.</source>
        <translation>No activity has enrolled people yet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 enrolled · %2 eligible by the rule · %3 issued (%4 by override) · %5 due · %6 revoked</source>
        <translation>%1 enrolled · %2 eligible by the rule · %3 issued (%4 by override) · %5 due · %6 revoked</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Preview of the first certificates, nothing issued yet.</source>
        <translation>Preview of the first certificates, nothing issued yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody in this class is due a certificate.</source>
        <translation>Nobody in this class is due a certificate.</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Cancelled: nothing was issued or printed.</source>
        <translation>Cancelled: nothing was issued or printed.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Printing %1 of %2</source>
        <translation>Printing %1 of %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PDF files go to %1</source>
        <translation>PDF files go to %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder for printed PDF files</source>
        <translation>Folder for printed PDF files</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The PDF is at %1</source>
        <translation>The PDF is at %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The activity is not over yet</source>
        <translation>The activity is not over yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The activity's last day is %1, which has not come yet: certificates issued now would certify training that has not happened. Issue them anyway?</source>
        <translation>The activity's last day is %1, which has not come yet: certificates issued now would certify training that has not happened. Issue them anyway?</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Issuing…</source>
        <translation>Issuing…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issued %1, reprinted %2: %3 page(s).</source>
        <translation>Issued %1, reprinted %2: %3 page(s).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reprint(s) keep the digits they were first printed with.</source>
        <translation>%1 reprint(s) keep the digits they were first printed with.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reprinted %1 certificate(s) as first printed.</source>
        <translation>Reprinted %1 certificate(s) as first printed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+86"/>
        <source>Issue anyway</source>
        <translation>Issue anyway</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue a certificate to %1 although the rule does not allow it. Why?</source>
        <translation>Issue a certificate to %1 although the rule does not allow it. Why?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Re-issue</source>
        <translation>Re-issue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-issue the certificate of %1 with today's name and template. Why?</source>
        <translation>Re-issue the certificate of %1 with today's name and template. Why?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revoke</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the certificate of %1? Its QR code will then verify as revoked. Why?</source>
        <translation>Revoke the certificate of %1? Its QR code will then verify as revoked. Why?</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Issued %1 certificate(s) by override.</source>
        <translation>Issued %1 certificate(s) by override.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Re-issued: print it to hand out the new copy.</source>
        <translation>Re-issued: print it to hand out the new copy.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Revoked %1 certificate(s).</source>
        <translation>Revoked %1 certificate(s).</translation>
    </message>
</context>
<context>
    <name>LabCatalog</name>
    <message>
        <location filename="../dipdesk/ui/lab/catalog.py" line="-384"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result type</source>
        <translation>Result type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choices</source>
        <translation>Choices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimals</source>
        <translation>Decimals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LOD</source>
        <translation>LOD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limit</source>
        <translation>Upper limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertainty</source>
        <translation>Uncertainty</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U in %</source>
        <translation>U in %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accredited</source>
        <translation>Accredited</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee (baht)</source>
        <translation>Fee (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formula</source>
        <translation>Formula</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readings (key:name:unit; …)</source>
        <translation>Readings (key:name:unit; …)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn below</source>
        <translation>Warn below</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn above</source>
        <translation>Warn above</translation>
    </message>
</context>
<context>
    <name>LabGrid</name>
    <message>
        <location filename="../dipdesk/ui/lab/grid_model.py" line="+30"/>
        <source>Pass</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass – near the limit</source>
        <translation>Pass – near the limit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inconclusive</source>
        <translation>Inconclusive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No specification</source>
        <translation>No specification</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Lab no.</source>
        <translation>Lab no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result (as typed)</source>
        <translation>Result (as typed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown as</source>
        <translation>Shown as</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification</source>
        <translation>Specification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered / verified by</source>
        <translation>Entered / verified by</translation>
    </message>
    <message>
        <location line="+275"/>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
</context>
<context>
    <name>LabLabels</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="-283"/>
        <source>Physical</source>
        <translation>Physical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chemical</source>
        <translation>Chemical</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microbiological</source>
        <translation>Microbiological</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>Choice</translation>
    </message>
    <message>
        <location line="+302"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample description</source>
        <translation>Sample description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition on receipt</source>
        <translation>Condition on receipt</translation>
    </message>
</context>
<context>
    <name>LabPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/lab.py" line="+44"/>
        <location line="+164"/>
        <source>In the lab</source>
        <translation>In the lab</translation>
    </message>
    <message>
        <location line="-163"/>
        <location line="+164"/>
        <source>To receive</source>
        <translation>To receive</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Received, not started</source>
        <translation>Received, not started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+162"/>
        <source>Results to verify</source>
        <translation>Results to verify</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Verified, report to publish</source>
        <translation>Verified, report to publish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All samples</source>
        <translation>All samples</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Receive samples, enter results, have them verified by a second person, and publish, print and amend test reports.</source>
        <translation>Receive samples, enter results, have them verified by a second person, and publish, print and amend test reports.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Search lab no., request no., customer or sample</source>
        <translation>Search lab no., request no., customer or sample</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive a new sample…</source>
        <translation>Receive a new sample…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Worklist</source>
        <translation>Worklist</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Results by test</source>
        <translation>Results by test</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalog</source>
        <translation>Catalog</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quality control</source>
        <translation>Quality control</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instruments and turnaround</source>
        <translation>Instruments and turnaround</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery and disposal</source>
        <translation>Delivery and disposal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Samples</source>
        <comment>short tab label</comment>
        <translation>Samples</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <comment>short tab label</comment>
        <translation>Results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog</source>
        <comment>short tab label</comment>
        <translation>Catalog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QC</source>
        <comment>short tab label</comment>
        <translation>QC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruments</source>
        <comment>short tab label</comment>
        <translation>Instruments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <comment>short tab label</comment>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Reports to publish</source>
        <translation>Reports to publish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports published</source>
        <translation>Reports published</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Sample %1 registered. Print its receipt and label with “Sample receipt”.</source>
        <translation>Sample %1 registered. Print its receipt and label with “Sample receipt”.</translation>
    </message>
</context>
<context>
    <name>LabWorklist</name>
    <message>
        <location filename="../dipdesk/ui/lab/worklist.py" line="+62"/>
        <source>Lab no.</source>
        <translation>Lab no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>Customer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+43"/>
        <source> (%1 to verify)</source>
        <translation> (%1 to verify)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../dipdesk/ui/labels.py" line="+11"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program staff</source>
        <translation>Program staff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab technician</source>
        <translation>Lab technician</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab verifier</source>
        <translation>Lab verifier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab head</source>
        <translation>Lab head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viewer</source>
        <translation>Viewer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Headquarters</source>
        <translation>Headquarters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headquarters division</source>
        <translation>Headquarters division</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regional center</source>
        <translation>Regional center</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applied</source>
        <translation>Applied</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued</source>
        <translation>Issued</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduated</source>
        <translation>Graduated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered</source>
        <translation>Registered</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Testing</source>
        <translation>Testing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be verified</source>
        <translation>To be verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>Published</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retracted</source>
        <translation>Retracted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Juristic person</source>
        <translation>Juristic person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community enterprise</source>
        <translation>Community enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual business</source>
        <translation>Individual business</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Micro</source>
        <translation>Micro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small</source>
        <translation>Small</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large</source>
        <translation>Large</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consulting</source>
        <translation>Consulting</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incubation</source>
        <translation>Incubation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business matching</source>
        <translation>Business matching</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production development</source>
        <translation>Production development</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product and packaging design</source>
        <translation>Product and packaging design</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibition</source>
        <translation>Exhibition</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+25"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>Seats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>First name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>Last name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration ID</source>
        <translation>Registration ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSIC</source>
        <translation>TSIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentee</source>
        <translation>Mentee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial no.</source>
        <translation>Serial no.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab no.</source>
        <translation>Lab no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request no.</source>
        <translation>Request no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (baht)</source>
        <translation>Budget (baht)</translation>
    </message>
</context>
<context>
    <name>LeveyJenningsChart</name>
    <message>
        <location filename="../dipdesk/ui/lab/qc_chart.py" line="+78"/>
        <source>No control results yet</source>
        <translation>No control results yet</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Rejected (Westgard rule)</source>
        <translation>Rejected (Westgard rule)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning (1-2s)</source>
        <translation>Warning (1-2s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In control</source>
        <translation>In control</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../dipdesk/ui/login.py" line="+136"/>
        <source>Log in to dipdesk</source>
        <translation>Log in to dipdesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department of Industrial Promotion, Ministry of Industry</source>
        <translation>Department of Industrial Promotion, Ministry of Industry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Waiting for the update…</source>
        <translation>Waiting for the update…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Please enter your username and password.</source>
        <translation>Please enter your username and password.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The username or password is not correct.</source>
        <translation>The username or password is not correct.</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>Could not check the password: %1</source>
        <translation>Could not check the password: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../dipdesk/ui/main_window.py" line="+83"/>
        <source>dipdesk – %1</source>
        <translation>dipdesk – %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Department of Industrial Promotion</source>
        <translation>Department of Industrial Promotion</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change my &amp;password…</source>
        <translation>Change my &amp;password…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh figures</source>
        <translation>&amp;Refresh figures</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Light</source>
        <translation>&amp;Light</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dark</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About dipdesk</source>
        <translation>&amp;About dipdesk</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Site: %1</source>
        <translation>Site: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not chosen</source>
        <translation>not chosen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync: checking…</source>
        <translation>Sync: checking…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Backed up automatically: %1</source>
        <translation>Backed up automatically: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The automatic backup failed: %1</source>
        <translation>The automatic backup failed: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backup and &amp;restore…</source>
        <translation>Backup and &amp;restore…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dipdesk closes now; start it again.</source>
        <translation>dipdesk closes now; start it again.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+29"/>
        <source>Synchronising…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Not enrolled: %1 record(s) will be sent at the first sync</source>
        <translation>Not enrolled: %1 record(s) will be sent at the first sync</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Synced %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never synchronised</source>
        <translation>Never synchronised</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to send</source>
        <translation>%1 to send</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all sent</source>
        <translation>all sent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 conflict(s)</source>
        <translation>%1 conflict(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refused</source>
        <translation>%1 refused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last attempt failed</source>
        <translation>last attempt failed</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The last attempt failed: %1</source>
        <translation>The last attempt failed: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the sync page</source>
        <translation>Open the sync page</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Closing: finishing the current sync step…</source>
        <translation>Closing: finishing the current sync step…</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Not synchronised yet: all data is on this computer only</source>
        <translation>Not synchronised yet: all data is on this computer only</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Sync status unknown</source>
        <translation>Sync status unknown</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Records, certificates, lab forms and offline sync for the Department of Industrial Promotion.</source>
        <translation>Records, certificates, lab forms and offline sync for the Department of Industrial Promotion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fonts Loma and Laksaman are from the Thai Linux Working Group (TLWG); their font exception lets documents made with them be shared under any terms.</source>
        <translation>The fonts Loma and Laksaman are from the Thai Linux Working Group (TLWG); their font exception lets documents made with them be shared under any terms.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About dipdesk</source>
        <translation>About dipdesk</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+164"/>
        <source>2. Which column is which</source>
        <translation>2. Which column is which</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Guessed from the headers. Change any choice; columns marked “not imported” are left out.</source>
        <translation>Guessed from the headers. Change any choice; columns marked “not imported” are left out.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column in the file</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>Examples</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import as</source>
        <translation>Import as</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remember these choices for files with the same headers</source>
        <translation>Remember these choices for files with the same headers</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>— not imported —</source>
        <translation>— not imported —</translation>
    </message>
</context>
<context>
    <name>MarkDelegate</name>
    <message>
        <location filename="../dipdesk/ui/attendance/grid.py" line="+54"/>
        <source>absent</source>
        <translation>absent</translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentor_match.py" line="+38"/>
        <source>Choose the mentee to see the mentors the Big Brother rule proposes.</source>
        <translation>Choose the mentee to see the mentors the Big Brother rule proposes.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use this mentor</source>
        <translation>Use this mentor</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Proposed mentors (graduates of cohort %1), best first:</source>
        <translation>Proposed mentors (graduates of cohort %1), best first:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No graduate of cohort %1 is free to mentor: another mentor needs a reason.</source>
        <translation>No graduate of cohort %1 is free to mentor: another mentor needs a reason.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+707"/>
        <source>Record a mentoring meeting</source>
        <translation>Record a mentoring meeting</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic *</source>
        <translation>Topic *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting notes</source>
        <translation>Meeting notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up actions</source>
        <translation>Follow-up actions</translation>
    </message>
</context>
<context>
    <name>MentoringPage</name>
    <message>
        <location line="-524"/>
        <source>Big Brother mentoring: experienced entrepreneurs or established companies mentor the enterprises of the next cohort; a mentee that graduates can mentor the cohort after it.</source>
        <translation>Big Brother mentoring: experienced entrepreneurs or established companies mentor the enterprises of the next cohort; a mentee that graduates can mentor the cohort after it.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+323"/>
        <location line="+1"/>
        <source>Mentoring pairs</source>
        <translation>Mentoring pairs</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Active pairs</source>
        <translation>Active pairs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohorts</source>
        <translation>Cohorts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring sessions</source>
        <translation>Mentoring sessions</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New pair…</source>
        <translation>New pair…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a meeting…</source>
        <translation>Record a meeting…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark graduated</source>
        <translation>Mark graduated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No mentoring pairs yet. Press &lt;b&gt;New pair…&lt;/b&gt; to pair a mentor (a company or a person) with a mentee enterprise of a cohort; then record their meetings with &lt;b&gt;Record a meeting…&lt;/b&gt;.</source>
        <translation>No mentoring pairs yet. Press &lt;b&gt;New pair…&lt;/b&gt; to pair a mentor (a company or a person) with a mentee enterprise of a cohort; then record their meetings with &lt;b&gt;Record a meeting…&lt;/b&gt;.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+183"/>
        <source>Select a pair to see its meetings.</source>
        <translation>Select a pair to see its meetings.</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>Pairs by cohort</source>
        <translation>Pairs by cohort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Who mentored whom, cohort after cohort: outside mentors at the top, their mentees below, and below each mentee the enterprises it went on to mentor. Highlighted: mentees who became mentors.</source>
        <translation>Who mentored whom, cohort after cohort: outside mentors at the top, their mentees below, and below each mentee the enterprises it went on to mentor. Highlighted: mentees who became mentors.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mentor → mentee</source>
        <translation>Mentor → mentee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mentee in cohort</source>
        <translation>Mentee in cohort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mentored</source>
        <translation>Mentored</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economic value of the line (baht)</source>
        <translation>Economic value of the line (baht)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lineage between cohorts</source>
        <translation>Lineage between cohorts</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>All cohorts</source>
        <translation>All cohorts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohort %1</source>
        <translation>Cohort %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cohort %1: %2 pairs, %3 graduated, %4 went on to mentor</source>
        <translation>Cohort %1: %2 pairs, %3 graduated, %4 went on to mentor</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>economic value created by the mentees: %1 baht</source>
        <translation>economic value created by the mentees: %1 baht</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>outside mentor</source>
        <translation>outside mentor</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Meetings of %1 with %2</source>
        <translation>Meetings of %1 with %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no meetings recorded yet: press Record a meeting…</source>
        <translation>no meetings recorded yet: press Record a meeting…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Export the pairs</source>
        <translation>Export the pairs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mentoring.xlsx</source>
        <translation>mentoring.xlsx</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported %1 pairs to %2</source>
        <translation>Exported %1 pairs to %2</translation>
    </message>
</context>
<context>
    <name>NationalPanel</name>
    <message>
        <location filename="../dipdesk/ui/pages/national_panel.py" line="+100"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached</source>
        <translation>Reached</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sites, ranked</source>
        <translation>Sites, ranked</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+126"/>
        <source>Rank</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+125"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>% of target (people)</source>
        <translation>% of target (people)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>By site</source>
        <translation>By site</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counted by the server over every site's records: a person trained at two centers counts once for the department and once at each center (one national ID, one person), so the sites need not add up to the total. No personal data comes with these figures.</source>
        <translation>Counted by the server over every site's records: a person trained at two centers counts once for the department and once at each center (one national ID, one person), so the sites need not add up to the total. No personal data comes with these figures.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No whole-department figures for fiscal year %1 on this computer yet: they arrive with the next sync with the server.</source>
        <translation>No whole-department figures for fiscal year %1 on this computer yet: they arrive with the next sync with the server.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no figures</source>
        <translation>no figures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole department, as computed by the server at %1 (received with the sync of %2).</source>
        <translation>Whole department, as computed by the server at %1 (received with the sync of %2).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no target</source>
        <translation>no target</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reached</source>
        <translation>%1 reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 target</source>
        <translation>%1 target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of target</source>
        <translation>%1 % of target</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole department</source>
        <translation>Whole department</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Whole department, fiscal year %1, computed at %2</source>
        <translation>Whole department, fiscal year %1, computed at %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department %1</source>
        <translation>Department %1</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+63"/>
        <source>New mentoring pair</source>
        <translation>New mentoring pair</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A company or enterprise</source>
        <translation>A company or enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person</source>
        <translation>A person</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The mentor is</source>
        <translation>The mentor is</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentee enterprise</source>
        <translation>Mentee enterprise</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started on</source>
        <translation>Started on</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only to pair a mentor the Big Brother rule does not allow</source>
        <translation>Only to pair a mentor the Big Brother rule does not allow</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to override</source>
        <translation>Reason to override</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a mentor and a mentee (type part of a name, then pick from the list).</source>
        <translation>Choose a mentor and a mentee (type part of a name, then pick from the list).</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <location line="-575"/>
        <source>Cohort</source>
        <translation>Cohort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was mentee in cohort</source>
        <translation>Was mentee in cohort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentee</source>
        <translation>Mentee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last met</source>
        <translation>Last met</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../dipdesk/ui/certificates/preview.py" line="+62"/>
        <location line="+138"/>
        <source>Nothing to show yet.</source>
        <translation>Nothing to show yet.</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in PDF viewer</source>
        <translation>Open in PDF viewer</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rendering the pages…</source>
        <translation>Rendering the pages…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 page(s)</source>
        <translation>%1 page(s)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first %1 are shown; open the PDF for all of them</source>
        <translation>the first %1 are shown; open the PDF for all of them</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The pages could not be shown: %1</source>
        <translation>The pages could not be shown: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>Sent %1 page(s) to the printer.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Printing page %1 of %2…</source>
        <translation>Printing page %1 of %2…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printed %1 page(s) to the PDF file %2</source>
        <translation>Printed %1 page(s) to the PDF file %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+32"/>
        <source>All provinces</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 people</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, phone, e-mail or 13-digit ID (Ctrl+F)</source>
        <translation>Name, phone, e-mail or 13-digit ID (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No people are recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New person…&lt;/b&gt; (Ctrl+N) to add the first one, or import a class list from Excel.</source>
        <translation>&lt;b&gt;No people are recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New person…&lt;/b&gt; (Ctrl+N) to add the first one, or import a class list from Excel.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Nobody matches “%1”.&lt;/b&gt;&lt;br&gt;Check the spelling or type a shorter part of the name (three letters are enough), choose another province, or press Esc to clear the search.</source>
        <translation>&lt;b&gt;Nobody matches “%1”.&lt;/b&gt;&lt;br&gt;Check the spelling or type a shorter part of the name (three letters are enough), choose another province, or press Esc to clear the search.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New person…</source>
        <translation>New person…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>People</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New person</source>
        <translation>New person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../dipdesk/ui/attendance/enroll_dialog.py" line="-463"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this activity</source>
        <translation>In this activity</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>enrolled</source>
        <translation>enrolled</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../dipdesk/ui/pages/people.py" line="+15"/>
        <source>Entrepreneurs and participants. National ID numbers are personal data (PDPA): kept only with consent and shown masked in lists.</source>
        <translation>Entrepreneurs and participants. National ID numbers are personal data (PDPA): kept only with consent and shown masked in lists.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People</source>
        <translation>People</translation>
    </message>
</context>
<context>
    <name>PickerInput</name>
    <message>
        <location filename="../dipdesk/ui/records/picker.py" line="+46"/>
        <source>Type part of the name or code, then choose</source>
        <translation>Type part of the name or code, then choose</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/preview.py" line="+67"/>
        <location line="+50"/>
        <source>%1 page(s)</source>
        <translation>%1 page(s)</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Rendering the pages…</source>
        <translation>Rendering the pages…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This computer cannot show PDF pages here: open the PDF in its viewer.</source>
        <translation>This computer cannot show PDF pages here: open the PDF in its viewer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in PDF viewer</source>
        <translation>Open in PDF viewer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The pages could not be shown: %1</source>
        <translation>The pages could not be shown: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preparing the pages for the printer…</source>
        <translation>Preparing the pages for the printer…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing page %1 of %2…</source>
        <translation>Printing page %1 of %2…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Printed %1 page(s) to the PDF file %2</source>
        <translation>Printed %1 page(s) to the PDF file %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>Sent %1 page(s) to the printer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1</source>
        <translation>Saved %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+37"/>
        <source>3. Preview</source>
        <translation>3. Preview</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rows as they were read. Rows in red will not be imported; the reason is given.</source>
        <translation>The rows as they were read. Rows in red will not be imported; the reason is given.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Next, a dry run checks the rows against the database (people already there, duplicates) without saving.</source>
        <translation>Next, a dry run checks the rows against the database (people already there, duplicates) without saving.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the rows…</source>
        <translation>Checking the rows…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check result</source>
        <translation>Check result</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 rows read: %2 look right, %3 will not be imported.</source>
        <translation>%1 rows read: %2 look right, %3 will not be imported.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first %1 are shown.</source>
        <translation>The first %1 are shown.</translation>
    </message>
</context>
<context>
    <name>ProgramsController</name>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="+34"/>
        <source>%1 programs</source>
        <translation>%1 programs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program name or code (Ctrl+F)</source>
        <translation>Program name or code (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No programs yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New program…&lt;/b&gt; (Ctrl+N) to add this year's first program; its activities (courses, cohorts) are added from the program.</source>
        <translation>&lt;b&gt;No programs yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New program…&lt;/b&gt; (Ctrl+N) to add this year's first program; its activities (courses, cohorts) are added from the program.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;No program matches “%1”.&lt;/b&gt;&lt;br&gt;Choose another fiscal year or press Esc to clear the search.</source>
        <translation>&lt;b&gt;No program matches “%1”.&lt;/b&gt;&lt;br&gt;Choose another fiscal year or press Esc to clear the search.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New program…</source>
        <translation>New program…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programs</source>
        <translation>Programs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New program</source>
        <translation>New program</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 activities</source>
        <translation>%1 activities</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No activities in this program yet. Click &lt;b&gt;New activity…&lt;/b&gt; to add a course.</source>
        <translation>No activities in this program yet. Click &lt;b&gt;New activity…&lt;/b&gt; to add a course.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New activity…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Save the program first; then its activities can be added here.</source>
        <translation>Save the program first; then its activities can be added here.</translation>
    </message>
</context>
<context>
    <name>ProgramsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/programs.py" line="+17"/>
        <source>Programs of each fiscal year and their activities: courses and cohorts with their training days, who enrolled and who attended.</source>
        <translation>Programs of each fiscal year and their activities: courses and cohorts with their training days, who enrolled and who attended.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Programs</source>
        <translation>Programs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activities</source>
        <translation>Activities</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../dipdesk/ui/qt_strings.py" line="+99"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-64"/>
        <source>Look in:</source>
        <translation>Look in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>File &amp;name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>Files of type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose</source>
        <translation>&amp;Choose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Forward</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>Parent Directory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>Create New Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>List View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>Detail View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Folder</source>
        <translation>New Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>&amp;New Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Rename</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>Show &amp;hidden files</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory:</source>
        <translation>Directory:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Directory</source>
        <translation>Find Directory</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>All Files (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Places</source>
        <translation>Recent Places</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>My Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 already exists.
Do you want to replace it?</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Look in:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Files of &amp;type:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="-35"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>Date Modified</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>My Computer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-74"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Select All</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-21"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <location line="-29"/>
        <source>Print</source>
        <translation>Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print</source>
        <translation>&amp;Print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Options &gt;&gt;</source>
        <translation>&amp;Options &gt;&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Options &lt;&lt;</source>
        <translation>&amp;Options &lt;&lt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print to File (PDF)</source>
        <translation>Print to File (PDF)</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location line="+7"/>
        <source>Copies</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies:</source>
        <translation>Copies:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print range</source>
        <translation>Print range</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print all</source>
        <translation>Print all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages from</source>
        <translation>Pages from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current Page</source>
        <translation>Current Page</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection</source>
        <translation>Selection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collate</source>
        <translation>Collate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color Mode</source>
        <translation>Color Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color</source>
        <translation>Color</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grayscale</source>
        <translation>Grayscale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplex Printing</source>
        <translation>Duplex Printing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>None</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long side</source>
        <translation>Long side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short side</source>
        <translation>Short side</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <location line="-23"/>
        <source>Printer</source>
        <translation>Printer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;roperties</source>
        <translation>P&amp;roperties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location:</source>
        <translation>Location:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output &amp;file:</source>
        <translation>Output &amp;file:</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="-53"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/quality.py" line="-238"/>
        <source>No QC yet</source>
        <translation>No QC yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QC passed</source>
        <translation>QC passed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold: QC failed</source>
        <translation>On hold: QC failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released by the lab head</source>
        <translation>Released by the lab head</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected, to be retested</source>
        <translation>Rejected, to be retested</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Control material</source>
        <translation>Control material</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Worksheets</source>
        <translation>Worksheets</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worksheet</source>
        <translation>Worksheet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Analyses</source>
        <translation>Analyses</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QC</source>
        <translation>QC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QC failure</source>
        <translation>QC failure</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason for the decision (investigation, corrective action)</source>
        <translation>Reason for the decision (investigation, corrective action)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release results</source>
        <translation>Release results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject and retest</source>
        <translation>Reject and retest</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No control material yet</source>
        <translation>No control material yet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — target %2 %3, SD %4</source>
        <translation>%1 — target %2 %3, SD %4</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Worksheet %1 released: its results may be verified.</source>
        <translation>Worksheet %1 released: its results may be verified.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worksheet %1 rejected: %2 results retracted for retesting.</source>
        <translation>Worksheet %1 rejected: %2 results retracted for retesting.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="-19"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A reason is required.</source>
        <translation>A reason is required.</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location line="-175"/>
        <source>Receive a sample</source>
        <translation>Receive a sample</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Normal, sealed</source>
        <translation>Normal, sealed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room temperature</source>
        <translation>Room temperature</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sampling date known</source>
        <translation>Sampling date known</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sample is here now: record its reception</source>
        <translation>The sample is here now: record its reception</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer (enterprise or person)</source>
        <translation>Customer (enterprise or person)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample description</source>
        <translation>Sample description</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampling date</source>
        <translation>Sampling date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition on receipt</source>
        <translation>Condition on receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tests requested (those with a specification for the product type are ticked)</source>
        <translation>Tests requested (those with a specification for the product type are ticked)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The lab's test catalog is empty, so there is nothing to request yet. Close this window, open the Catalog tab of the Testing lab page and add the tests the lab offers (Add a test…), then receive the sample.</source>
        <translation>The lab's test catalog is empty, so there is nothing to request yet. Close this window, open the Catalog tab of the Testing lab page and add the tests the lab offers (Add a test…), then receive the sample.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 tests, fee %2 baht</source>
        <translation>%1 tests, fee %2 baht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the customer's name.</source>
        <translation>Type the customer's name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Describe the sample.</source>
        <translation>Describe the sample.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test catalog is empty: add the lab's tests on the Catalog tab first.</source>
        <translation>The test catalog is empty: add the lab's tests on the Catalog tab first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the sampling date as day/month/Buddhist year, e.g. 15/03/2569.</source>
        <translation>Type the sampling date as day/month/Buddhist year, e.g. 15/03/2569.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick at least one test.</source>
        <translation>Tick at least one test.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Describe the condition of the sample on receipt.</source>
        <translation>Describe the condition of the sample on receipt.</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <location filename="../dipdesk/ui/records/controller.py" line="+421"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+90"/>
        <source>Please correct the fields marked in red.</source>
        <translation>Please correct the fields marked in red.</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Looking for possible duplicates…</source>
        <translation>Looking for possible duplicates…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unsaved changes</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave without saving? What you typed in this form will be lost.</source>
        <translation>Leave without saving? What you typed in this form will be lost.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave without saving</source>
        <translation>Leave without saving</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Delete %1? It disappears from the lists; the audit trail keeps a record of it.</source>
        <translation>Delete %1? It disappears from the lists; the audit trail keeps a record of it.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location line="-523"/>
        <source>← Back to the list</source>
        <translation>← Back to the list</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+48"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit history</source>
        <translation>Edit history</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../dipdesk/ui/records/list_view.py" line="+294"/>
        <source>Export to Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the list as it is filtered now to an .xlsx file</source>
        <translation>Save the list as it is filtered now to an .xlsx file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>about %1, counting…</source>
        <translation>about %1, counting…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1+, counting…</source>
        <translation>%1+, counting…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The list could not be read from the database: %1</source>
        <translation>The list could not be read from the database: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export to Excel</source>
        <translation>Export to Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 rows are more than one Excel sheet holds: search or filter the list first.</source>
        <translation>%1 rows are more than one Excel sheet holds: search or filter the list first.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 rows saved to %2</source>
        <translation>%1 rows saved to %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The export failed: %1</source>
        <translation>The export failed: %1</translation>
    </message>
</context>
<context>
    <name>RecordOutcomeDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/followups_due.py" line="+15"/>
        <source>Record the outcome of %1</source>
        <translation>Record the outcome of %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revenue before (baht)</source>
        <translation>Revenue before (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue after (baht)</source>
        <translation>Revenue after (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs saved (baht)</source>
        <translation>Costs saved (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment induced (baht)</source>
        <translation>Investment induced (baht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>Jobs created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New products</source>
        <translation>New products</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <source>No file attached</source>
        <translation>No file attached</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Attach receipts or statements…</source>
        <translation>Attach receipts or statements…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence</source>
        <translation>Evidence</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attach evidence</source>
        <translation>Attach evidence</translation>
    </message>
</context>
<context>
    <name>RecordsAreaPage</name>
    <message>
        <location filename="../dipdesk/ui/records/page.py" line="+46"/>
        <source>Loading the list…</source>
        <translation>Loading the list…</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/records_page.py" line="+53"/>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>There are no records yet.</source>
        <translation>There are no records yet.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All %1 records, read-only.</source>
        <translation>All %1 records, read-only.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first %1 of %2 records, read-only.</source>
        <translation>The first %1 of %2 records, read-only.</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="-449"/>
        <source>Row</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was not imported</source>
        <translation>Why it was not imported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the row holds</source>
        <translation>What the row holds</translation>
    </message>
</context>
<context>
    <name>ResultEntry</name>
    <message>
        <location filename="../dipdesk/ui/lab/entry.py" line="+55"/>
        <source>Submit results</source>
        <translation>Submit results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send every entered result for verification</source>
        <translation>Send every entered result for verification</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify selected…</source>
        <translation>Verify selected…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>Verify the results you selected and reviewed (another person's)</source>
        <translation>Verify the results you selected and reviewed (another person's)</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Retract…</source>
        <translation>Retract…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw a result; a retest takes its place</source>
        <translation>Withdraw a result; a retest takes its place</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject test…</source>
        <translation>Reject test…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop a test that will not be done on this sample</source>
        <translation>Drop a test that will not be done on this sample</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a result and press Enter to go to the next one: &lt;0.05, ND and Thai digits are understood.</source>
        <translation>Type a result and press Enter to go to the next one: &lt;0.05, ND and Thai digits are understood.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>You submitted these results: another person must verify them (four-eyes rule)</source>
        <translation>You submitted these results: another person must verify them (four-eyes rule)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Correct the results shown in red first: they cannot be read.</source>
        <translation>Correct the results shown in red first: they cannot be read.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 result(s) submitted for verification</source>
        <translation>%1 result(s) submitted for verification</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Verify results</source>
        <translation>Verify results</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify these %1 result(s)? You confirm that you have reviewed each one.</source>
        <translation>Verify these %1 result(s)? You confirm that you have reviewed each one.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 result(s) verified</source>
        <translation>%1 result(s) verified</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Retracted: %1. A retest was added for each.</source>
        <translation>Retracted: %1. A retest was added for each.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retract results</source>
        <translation>Retract results</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw the result of: %1. A retest analysis will be added for each.</source>
        <translation>Withdraw the result of: %1. A retest analysis will be added for each.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject tests</source>
        <translation>Reject tests</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>These tests will not be done: %1.</source>
        <translation>These tests will not be done: %1.</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/users.py" line="+13"/>
        <source>Change the role of %1</source>
        <translation>Change the role of %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/worklist.py" line="+91"/>
        <source>Select a sample in the worklist.</source>
        <translation>Select a sample in the worklist.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receive…</source>
        <translation>Receive…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish report</source>
        <translation>Publish report</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>Preview / print report</source>
        <translation>Preview / print report</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Amend report…</source>
        <translation>Amend report…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample receipt</source>
        <translation>Sample receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request form</source>
        <translation>Request form</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit history</source>
        <translation>Edit history</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>not received yet</source>
        <translation>not received yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>replaces %1</source>
        <translation>replaces %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No report yet.</source>
        <translation>No report yet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preview draft report</source>
        <translation>Preview draft report</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Received %1</source>
        <translation>Received %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Published report %1</source>
        <translation>Published report %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Published amended report %1; report %2 is kept, marked replaced</source>
        <translation>Published amended report %1; report %2 is kept, marked replaced</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preparing %1…</source>
        <translation>Preparing %1…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Test report %1</source>
        <translation>Test report %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft report %1</source>
        <translation>Draft report %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sample receipt %1</source>
        <translation>Sample receipt %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request form %1</source>
        <translation>Request form %1</translation>
    </message>
</context>
<context>
    <name>ServiceRecordsController</name>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="+27"/>
        <source>All services</source>
        <translation>All services</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 service records</source>
        <translation>%1 service records</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff, service or what was done (Ctrl+F)</source>
        <translation>Staff, service or what was done (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No services recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New service record…&lt;/b&gt; (Ctrl+N) to record a consulting visit, a design job or a matching event.</source>
        <translation>&lt;b&gt;No services recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New service record…&lt;/b&gt; (Ctrl+N) to record a consulting visit, a design job or a matching event.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;No service record matches “%1”.&lt;/b&gt;&lt;br&gt;Press Esc to clear the search.</source>
        <translation>&lt;b&gt;No service record matches “%1”.&lt;/b&gt;&lt;br&gt;Press Esc to clear the search.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New service record…</source>
        <translation>New service record…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service records</source>
        <translation>Service records</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New service record</source>
        <translation>New service record</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+54"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting notes</source>
        <translation>Meeting notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/settings.py" line="+27"/>
        <source>Preferences of this computer: language, appearance and the address of the department's central server. The data folder and the database file are shown for backups.</source>
        <translation>Preferences of this computer: language, appearance and the address of the department's central server. The data folder and the database file are shown for backups.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A new language applies the next time dipdesk starts.</source>
        <translation>A new language applies the next time dipdesk starts.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Applies at once.</source>
        <translation>Applies at once.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Central server address</source>
        <translation>Central server address</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>minutes</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synchronise every</source>
        <translation>Synchronise every</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use Thai digits (๐๑๒…) on printed forms and certificates</source>
        <translation>Use Thai digits (๐๑๒…) on printed forms and certificates</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data folder</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database file</source>
        <translation>Database file</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The address must start with https:// (or http://).</source>
        <translation>The address must start with https:// (or http://).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The settings could not be saved: %1</source>
        <translation>The settings could not be saved: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved. Restart dipdesk to see the new language.</source>
        <translation>Saved. Restart dipdesk to see the new language.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>SignInBox</name>
    <message>
        <location filename="../dipdesk/ui/attendance/signin_box.py" line="+50"/>
        <source>Scan a sign-in barcode or type a national ID, then Enter</source>
        <translation>Scan a sign-in barcode or type a national ID, then Enter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print the sign-in sheet…</source>
        <translation>Print the sign-in sheet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attendance from a sheet…</source>
        <translation>Attendance from a sheet…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 was already checked in today.</source>
        <translation>%1 was already checked in today.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 checked in.</source>
        <translation>%1 checked in.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not enrolled in this activity.</source>
        <translation>%1 is not enrolled in this activity.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enroll %1 and check in</source>
        <translation>Enroll %1 and check in</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save the sign-in sheet</source>
        <translation>Save the sign-in sheet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign-in sheet saved (%1 pages): %2</source>
        <translation>Sign-in sheet saved (%1 pages): %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attendance from a sheet</source>
        <translation>Attendance from a sheet</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From the sheet: %1 present, %2 absent, %3 already ticked.</source>
        <translation>From the sheet: %1 present, %2 absent, %3 already ticked.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>row %1: %2</source>
        <translation>row %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows not taken: %2</source>
        <translation>%1 rows not taken: %2</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../dipdesk/ui/first_run.py" line="-226"/>
        <source>Welcome to dipdesk</source>
        <translation>Welcome to dipdesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the site this computer belongs to. Records made here belong to that site, and its code is part of every certificate and report number.</source>
        <translation>Choose the site this computer belongs to. Records made here belong to that site, and its code is part of every certificate and report number.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the list of sites…</source>
        <translation>Loading the list of sites…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Regional Industry Promotion Centers</source>
        <translation>Regional Industry Promotion Centers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headquarters bureaus and divisions</source>
        <translation>Headquarters bureaus and divisions</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The list of sites could not be loaded: %1</source>
        <translation>The list of sites could not be loaded: %1</translation>
    </message>
</context>
<context>
    <name>SiteTargetsDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/national_panel.py" line="+27"/>
        <source>Targets of each site, fiscal year %1</source>
        <translation>Targets of each site, fiscal year %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Targets must be numbers.</source>
        <translation>Targets must be numbers.</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../dipdesk/ui/sync_review.py" line="+40"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise member</source>
        <translation>Enterprise member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>Program</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity session</source>
        <translation>Activity session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrollment</source>
        <translation>Enrollment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring pair</source>
        <translation>Mentoring pair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring session</source>
        <translation>Mentoring session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service record</source>
        <translation>Service record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate template</source>
        <translation>Certificate template</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate print</source>
        <translation>Certificate print</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab request</source>
        <translation>Lab request</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab sample</source>
        <translation>Lab sample</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab analysis</source>
        <translation>Lab analysis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab report</source>
        <translation>Lab report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+82"/>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LINE ID</source>
        <translation>LINE ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name (English)</source>
        <translation>First name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name (English)</source>
        <translation>Last name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>Name (English)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(no field values)</source>
        <translation>(no field values)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>computer %1</source>
        <translation>computer %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edited: %1</source>
        <translation>Edited: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>record %1</source>
        <translation>record %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>By %1, %2</source>
        <translation>By %1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By %1</source>
        <translation>By %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shown now on every computer</source>
        <translation>Shown now on every computer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept in this conflict record</source>
        <translation>Kept in this conflict record</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Review a sync conflict</source>
        <translation>Review a sync conflict</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>One computer deleted this record while another one was editing it. The record stays deleted unless you keep the edit, which brings the record back with the edited values.</source>
        <translation>One computer deleted this record while another one was editing it. The record stays deleted unless you keep the edit, which brings the record back with the edited values.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two computers changed %1 while they were offline. Every computer now shows the value on the left (the later change). Keep it, or use the other value instead.</source>
        <translation>Two computers changed %1 while they were offline. Every computer now shows the value on the left (the later change). Keep it, or use the other value instead.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Current value</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Decide later</source>
        <translation>Decide later</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep it deleted</source>
        <translation>Keep it deleted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the edit (restore the record)</source>
        <translation>Keep the edit (restore the record)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the current value</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the other value</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The decision could not be saved: %1</source>
        <translation>The decision could not be saved: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/sync.py" line="+101"/>
        <source>Exchanging data with the department's central server. This computer works offline: everything recorded here is kept on this computer and sent by itself whenever the server can be reached.</source>
        <translation>Exchanging data with the department's central server. This computer works offline: everything recorded here is kept on this computer and sent by itself whenever the server can be reached.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last synchronised</source>
        <translation>Last synchronised</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes waiting to be sent</source>
        <translation>Changes waiting to be sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>Changes the server refused</source>
        <translation>Changes the server refused</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+49"/>
        <source>Conflicts to review</source>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check with the server</source>
        <translation>Check with the server</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compares the data on this computer with the server's, table by table</source>
        <translation>Compares the data on this computer with the server's, table by table</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The one-time code from headquarters</source>
        <translation>The one-time code from headquarters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol this computer</source>
        <translation>Enrol this computer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrol this computer with the central server</source>
        <translation>Enrol this computer with the central server</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment code</source>
        <translation>Enrolment code</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Two computers changed the same thing while offline. Every computer shows the same value; the other one is kept here until someone decides. Double-click a row to review it.</source>
        <translation>Two computers changed the same thing while offline. Every computer shows the same value; the other one is kept here until someone decides. Double-click a row to review it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current value</source>
        <translation>Current value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other value by</source>
        <translation>Other value by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed at</source>
        <translation>Changed at</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Review the selected conflict…</source>
        <translation>Review the selected conflict…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No conflicts to review.</source>
        <translation>No conflicts to review.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not accept these changes; the rest were sent. Correct the record (for example a code already used elsewhere) and the corrected record is sent again.</source>
        <translation>The server did not accept these changes; the rest were sent. Correct the record (for example a code already used elsewhere) and the corrected record is sent again.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded</source>
        <translation>Recorded</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server has accepted every change.</source>
        <translation>The server has accepted every change.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync history</source>
        <translation>Sync history</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes sent</source>
        <translation>Changes sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes received</source>
        <translation>Changes received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has not synchronised yet.</source>
        <translation>This computer has not synchronised yet.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not enrolled</source>
        <translation>Not enrolled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything is uploaded</source>
        <translation>Everything is uploaded</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent by itself</source>
        <translation>Sent by itself</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent at the first sync, once enrolled</source>
        <translation>Sent at the first sync, once enrolled</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listed below with the reason</source>
        <translation>Listed below with the reason</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone should decide</source>
        <translation>Someone should decide</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing to decide</source>
        <translation>Nothing to decide</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This computer is not enrolled with the central server yet, so its data stays here only. Ask headquarters for a one-time enrolment code and enter it below.</source>
        <translation>This computer is not enrolled with the central server yet, so its data stays here only. Ask headquarters for a one-time enrolment code and enter it below.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 record(s) will be sent at the first sync.</source>
        <translation>%1 record(s) will be sent at the first sync.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Everything recorded on this computer has been sent to the server (last sync %1).</source>
        <translation>Everything recorded on this computer has been sent to the server (last sync %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 change(s) are waiting to be sent. dipdesk sends them by itself as soon as the server can be reached; there is no need to press anything.</source>
        <translation>%1 change(s) are waiting to be sent. dipdesk sends them by itself as soon as the server can be reached; there is no need to press anything.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last attempt did not finish: %1. dipdesk will try again by itself.</source>
        <translation>The last attempt did not finish: %1. dipdesk will try again by itself.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted or edited</source>
        <translation>Deleted or edited</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+1"/>
        <source>New record</source>
        <translation>New record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Running or interrupted</source>
        <translation>Running or interrupted</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped when dipdesk was closed; continues at the next sync</source>
        <translation>Stopped when dipdesk was closed; continues at the next sync</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not finished: %1</source>
        <translation>Not finished: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Synchronising…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Comparing with the server…</source>
        <translation>Comparing with the server…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Identical: all %1 tables match the server, and everything is uploaded.</source>
        <translation>Identical: all %1 tables match the server, and everything is uploaded.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 table(s) differ</source>
        <translation>%1 table(s) differ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 change(s) not sent yet</source>
        <translation>%1 change(s) not sent yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 change(s) refused</source>
        <translation>%1 change(s) refused</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not identical yet: %1. Sync again, or see below.</source>
        <translation>Not identical yet: %1. Sync again, or see below.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not reach the server: %1</source>
        <translation>Could not reach the server: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the server address (https://…) and the enrolment code.</source>
        <translation>Enter the server address (https://…) and the enrolment code.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enrolment failed: %1</source>
        <translation>Enrolment failed: %1</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Never</source>
        <translation>Never</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/dashboard.py" line="+177"/>
        <source>Targets for fiscal year %1</source>
        <translation>Targets for fiscal year %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the year's targets. People, enterprises, products and groups are counted once each; economic value is in baht. Rows in grey are set by headquarters.</source>
        <translation>Type the year's targets. People, enterprises, products and groups are counted once each; economic value is in baht. Rows in grey are set by headquarters.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Target for</source>
        <translation>Target for</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value (baht)</source>
        <translation>Value (baht)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>National (all sites)</source>
        <translation>National (all sites)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This site: %1</source>
        <translation>This site: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Whole numbers of 0 or more (the value may have decimals): %1</source>
        <translation>Whole numbers of 0 or more (the value may have decimals): %1</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../dipdesk/ui/certificates/templates_tab.py" line="+102"/>
        <source>Template</source>
        <translation>Template</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thai digits</source>
        <translation>Thai digits</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as a new version</source>
        <translation>Save as a new version</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>Centre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Right</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bold</source>
        <translation>Bold</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+44"/>
        <location line="+196"/>
        <location line="+51"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="-322"/>
        <source>Paper</source>
        <translation>Paper</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Landscape</source>
        <translation>Landscape</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add element</source>
        <translation>Add element</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Picture…</source>
        <translation>Picture…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove element</source>
        <translation>Remove element</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Position (second line)</source>
        <translation>Position (second line)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Across (mm)</source>
        <translation>Across (mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down (mm)</source>
        <translation>Down (mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width (mm)</source>
        <translation>Width (mm)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines at most</source>
        <translation>Lines at most</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>Alignment</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signature image…</source>
        <translation>Signature image…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scanned signature (PNG with a transparent background is best)</source>
        <translation>A scanned signature (PNG with a transparent background is best)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picture file…</source>
        <translation>Picture file…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Background image…</source>
        <translation>Background image…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The border and emblem printed under everything, for the whole page</source>
        <translation>The border and emblem printed under everything, for the whole page</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placeholders: %1</source>
        <translation>Placeholders: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>There is no certificate template yet (they come from headquarters).</source>
        <translation>There is no certificate template yet (they come from headquarters).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This site's own template: saving makes its next version.</source>
        <translation>This site's own template: saving makes its next version.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A template of another site (headquarters): saving makes this site's own copy.</source>
        <translation>A template of another site (headquarters): saving makes this site's own copy.</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+240"/>
        <source>Signatory</source>
        <translation>Signatory</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+240"/>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+240"/>
        <source>QR code</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>New text</source>
        <translation>New text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Name line</source>
        <translation>Name line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caption</source>
        <translation>Caption</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose an image</source>
        <translation>Choose an image</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Sample data.</source>
        <translation>Sample data.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Saved %1 version %2.</source>
        <translation>Saved %1 version %2.</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <location filename="../dipdesk/ui/upgrade_notice.py" line="+131"/>
        <source>Updating the database to the new version</source>
        <translation>Updating the database to the new version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database has been updated to the new version</source>
        <translation>The database has been updated to the new version</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This may take minutes: do not switch off or close dipdesk until it is done.</source>
        <translation>This may take minutes: do not switch off or close dipdesk until it is done.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy of the database as it was: %1</source>
        <translation>Copy of the database as it was: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dipdesk will close as soon as the update is done.</source>
        <translation>dipdesk will close as soon as the update is done.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your log-in is accepted: it goes on as soon as the update is done.</source>
        <translation>Your log-in is accepted: it goes on as soon as the update is done.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving a copy of the database as it is, first…</source>
        <translation>Saving a copy of the database as it is, first…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 steps are done.</source>
        <translation>All %1 steps are done.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time so far %1</source>
        <translation>time so far %1</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../dipdesk/ui/pages/users.py" line="-105"/>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last log-in here</source>
        <translation>Last log-in here</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deactivated</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked for %1 min</source>
        <translation>locked for %1 min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must change password</source>
        <translation>must change password</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location line="+103"/>
        <source>The users of this site and their roles. Users are never deleted, since the history names them: deactivate someone who has left. Changes reach the site's other computers at their next sync.</source>
        <translation>The users of this site and their roles. Users are never deleted, since the history names them: deactivate someone who has left. Changes reach the site's other computers at their next sync.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add user…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role…</source>
        <translation>Change role…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A password has at least 8 characters, with both letters and digits, and is not the user name. After 3 wrong passwords the log-in slows down; after 5 the user is locked for 15 minutes on that computer (a password reset lifts the lock here).</source>
        <translation>A password has at least 8 characters, with both letters and digits, and is not the user name. After 3 wrong passwords the log-in slows down; after 5 the user is locked for 15 minutes on that computer (a password reset lifts the lock here).</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>%1 was added. First password: %2 (they must change it at the first log-in).</source>
        <translation>%1 was added. First password: %2 (they must change it at the first log-in).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The role of %1 was changed.</source>
        <translation>The role of %1 was changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password of %1 was reset. First password: %2 (they must change it at the next log-in).</source>
        <translation>The password of %1 was reset. First password: %2 (they must change it at the next log-in).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was deactivated and can no longer log in.</source>
        <translation>%1 was deactivated and can no longer log in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 can log in again.</source>
        <translation>%1 can log in again.</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <location filename="../dipdesk/ui/certificates/verify_tab.py" line="+30"/>
        <source>Scan the QR code on a certificate with a barcode scanner into the box below, or paste its text. dipdesk checks the signature of the issuing site without a network.</source>
        <translation>Scan the QR code on a certificate with a barcode scanner into the box below, or paste its text. dipdesk checks the signature of the issuing site without a network.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>DC1:… or https://…/verify/…</source>
        <translation>DC1:… or https://…/verify/…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verify</source>
        <translation>Verify</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Genuine</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not genuine</source>
        <translation>Not genuine</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the code claims (unverified)</source>
        <translation>What the code claims (unverified)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not confirmed by a valid signature: do not rely on it.</source>
        <translation>This is not confirmed by a valid signature: do not rely on it.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <source>Serial</source>
        <translation>Serial</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+17"/>
        <source>Holder</source>
        <translation>Holder</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Activity</source>
        <translation>Activity</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Issued on</source>
        <translation>Issued on</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Site code</source>
        <translation>Site code</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As issued (no longer valid)</source>
        <translation>As issued (no longer valid)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Issued by</source>
        <translation>Issued by</translation>
    </message>
</context>
<context>
    <name>_AddSpecDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/catalog.py" line="+142"/>
        <source>Add a specification</source>
        <translation>Add a specification</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Product type</source>
        <translation>Product type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn below</source>
        <translation>Warn below</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn above</source>
        <translation>Warn above</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a product type.</source>
        <translation>Choose a product type.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a minimum or a maximum.</source>
        <translation>Give a minimum or a maximum.</translation>
    </message>
</context>
<context>
    <name>_AddTestDialog</name>
    <message>
        <location line="-47"/>
        <source>Add a test</source>
        <translation>Add a test</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Thai)</source>
        <translation>Name (Thai)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type a code and a name.</source>
        <translation>Type a code and a name.</translation>
    </message>
</context>
<context>
    <name>_Picker</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+398"/>
        <source>Type part of the name, code or ID…</source>
        <translation>Type part of the name, code or ID…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of the name, ID or phone…</source>
        <translation>Type part of the name, ID or phone…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(type to search)</source>
        <translation>(type to search)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(nothing found)</source>
        <translation>(nothing found)</translation>
    </message>
</context>
<context>
    <name>_RunPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+490"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows not imported</source>
        <translation>Rows not imported</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save these rows to fix in Excel…</source>
        <translation>Save these rows to fix in Excel…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking against the database…</source>
        <translation>Checking against the database…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Stopping… nothing will be kept.</source>
        <translation>Stopping… nothing will be kept.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Dry run, nothing saved. Importing would add %1 new, update %2, leave %3 as they are, and reject %4 of %5 rows.</source>
        <translation>Dry run, nothing saved. Importing would add %1 new, update %2, leave %3 as they are, and reject %4 of %5 rows.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done. Added %1 new, updated %2, %3 already up to date; %4 of %5 rows were not imported.</source>
        <translation>Done. Added %1 new, updated %2, %3 already up to date; %4 of %5 rows were not imported.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Newly enrolled in the activity: %1.</source>
        <translation>Newly enrolled in the activity: %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>Cancelled: nothing was imported.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: %1</source>
        <translation>Nothing was imported: %1</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="th_TH">
<context>
    <name>ActivitiesController</name>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="+257"/>
        <source>%1 activities</source>
        <translation>%1 กิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity name, code or venue (Ctrl+F)</source>
        <translation>ชื่อกิจกรรม รหัส หรือสถานที่ (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No activities yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New activity…&lt;/b&gt; (Ctrl+N) to add a course, then its training days, the people enrolled and their attendance.</source>
        <translation>&lt;b&gt;ยังไม่มีกิจกรรม&lt;/b&gt;&lt;br&gt;กด &lt;b&gt;เพิ่มกิจกรรม…&lt;/b&gt; (Ctrl+N) เพื่อเพิ่มหลักสูตร แล้วจึงเพิ่มวันอบรม ผู้ลงทะเบียน และการเข้าร่วม</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;No activity matches “%1”.&lt;/b&gt;&lt;br&gt;Choose another fiscal year or press Esc to clear the search.</source>
        <translation>&lt;b&gt;ไม่พบกิจกรรมที่ตรงกับ “%1”&lt;/b&gt;&lt;br&gt;ลองเลือกปีงบประมาณอื่น หรือกด Esc เพื่อล้างคำค้น</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New activity…</source>
        <translation>เพิ่มกิจกรรม…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New activity</source>
        <translation>กิจกรรมใหม่</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Enroll people…</source>
        <translation>ลงทะเบียนผู้เข้าร่วม…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attendance…</source>
        <translation>บันทึกการเข้าร่วม…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 training days</source>
        <translation>%1 วันอบรม</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No training days yet. Click &lt;b&gt;New training day…&lt;/b&gt; for each day (or meeting) of the activity; attendance is taken per day.</source>
        <translation>ยังไม่มีวันอบรม กด &lt;b&gt;เพิ่มวันอบรม…&lt;/b&gt; สำหรับแต่ละวัน (หรือแต่ละครั้ง) ของกิจกรรม การเข้าร่วมบันทึกเป็นรายวัน</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New training day…</source>
        <translation>เพิ่มวันอบรม…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Training days</source>
        <translation>วันอบรม</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Save the activity first; then its training days can be added here.</source>
        <translation>บันทึกกิจกรรมก่อน แล้วจึงเพิ่มวันอบรมได้ที่นี่</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enrolled</source>
        <translation>ลงทะเบียนแล้ว</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save the activity first.</source>
        <translation>บันทึกกิจกรรมก่อน</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New training day</source>
        <translation>วันอบรมใหม่</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Training day</source>
        <translation>วันอบรม</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Every day of this activity (%1 – %2) already has a training day. For one more day, first change the activity's end date.</source>
        <translation>ทุกวันของกิจกรรมนี้ (%1 – %2) มีวันอบรมแล้ว หากต้องการเพิ่มอีกวัน ให้แก้วันสิ้นสุดของกิจกรรมก่อน</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Not available yet</source>
        <translation>ยังใช้งานไม่ได้</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enrolling people and taking attendance are not available in this version of dipdesk yet. The activity and its training days are saved; enrollment and attendance can be added once the update that brings them is installed.</source>
        <translation>dipdesk รุ่นนี้ยังไม่มีหน้าจอลงทะเบียนผู้เข้าร่วมและบันทึกการเข้าร่วม กิจกรรมและวันอบรมที่บันทึกไว้ยังอยู่ครบ เมื่อติดตั้งรุ่นปรับปรุงที่มีหน้าจอนี้แล้วจึงลงทะเบียนและบันทึกการเข้าร่วมได้</translation>
    </message>
</context>
<context>
    <name>AddDayDialog</name>
    <message>
        <location filename="../dipdesk/ui/attendance/add_day.py" line="+35"/>
        <source>Add a training day</source>
        <translation>เพิ่มวันอบรม</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What the day is about (optional)</source>
        <translation>หัวข้อของวันนี้ (ไม่บังคับ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date *</source>
        <translation>วันที่ *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>หัวข้อ</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/users.py" line="+113"/>
        <source>Add a user</source>
        <translation>เพิ่มผู้ใช้</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Username</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First password</source>
        <translation>รหัสผ่านครั้งแรก</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the first password to the user in person: they must choose their own at the first log-in.</source>
        <translation>มอบรหัสผ่านครั้งแรกให้ผู้ใช้โดยตรง ผู้ใช้ต้องตั้งรหัสผ่านของตนเองเมื่อเข้าสู่ระบบครั้งแรก</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add user</source>
        <translation>เพิ่มผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../dipdesk/ui/first_run.py" line="+158"/>
        <source>The first administrator</source>
        <translation>ผู้ดูแลระบบคนแรก</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This account manages dipdesk on this computer and adds the other users. Keep the password safe: there is no way to recover it without another administrator.</source>
        <translation>บัญชีนี้ใช้ดูแลโปรแกรม dipdesk ในเครื่องนี้และเพิ่มผู้ใช้คนอื่น ๆ โปรดเก็บรหัสผ่านไว้ให้ดี หากลืมรหัสผ่าน จะกู้คืนได้โดยผู้ดูแลระบบคนอื่นเท่านั้น</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>letters and digits, e.g. somchai.k</source>
        <translation>ตัวอักษรอังกฤษหรือตัวเลข เช่น somchai.k</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. นายสมชาย ใจดี</source>
        <translation>เช่น นายสมชาย ใจดี</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>at least %1 characters</source>
        <translation>อย่างน้อย %1 ตัวอักษร</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Username</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password again</source>
        <translation>ยืนยันรหัสผ่าน</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Creating the administrator…</source>
        <translation>กำลังสร้างบัญชีผู้ดูแลระบบ…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Please enter a username.</source>
        <translation>กรุณากรอกชื่อผู้ใช้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please enter the administrator's full name.</source>
        <translation>กรุณากรอกชื่อ-นามสกุลของผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The two passwords are not the same.</source>
        <translation>รหัสผ่านทั้งสองช่องไม่ตรงกัน</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The administrator could not be created: %1</source>
        <translation>สร้างบัญชีผู้ดูแลระบบไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="+360"/>
        <source>Amend report %1</source>
        <translation>แก้ไขรายงาน %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An amendment is a new report with a new number that names report %1 and says what changed and why. Report %1 stays on file, marked as replaced. To correct a result, retract it first and verify the retest.</source>
        <translation>รายงานฉบับแก้ไขจะออกเป็นเลขที่ใหม่ ระบุว่าแทนรายงานเลขที่ %1 พร้อมสิ่งที่แก้ไขและเหตุผล รายงานเลขที่ %1 ยังเก็บไว้ในระบบโดยระบุว่าถูกแทนที่ หากต้องแก้ผลการทดสอบ ให้ถอนผลก่อนแล้วตรวจสอบผลที่ทดสอบซ้ำ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What changed and why</source>
        <translation>สิ่งที่แก้ไขและเหตุผล</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Say what changed and why.</source>
        <translation>โปรดระบุสิ่งที่แก้ไขและเหตุผล</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../dipdesk/ui/app.py" line="+118"/>
        <source>Opening the database…</source>
        <translation>กำลังเปิดฐานข้อมูล…</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>The database could not be opened</source>
        <translation>เปิดฐานข้อมูลไม่ได้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dipdesk could not open its database file:
%1

Check that the folder exists and can be written to, that there is free disk space, and that no other program has the file open.</source>
        <translation>ไม่สามารถเปิดไฟล์ฐานข้อมูลของ dipdesk ได้:
%1

โปรดตรวจสอบว่ามีโฟลเดอร์นี้อยู่จริงและมีสิทธิ์บันทึกไฟล์ พื้นที่ดิสก์ยังเหลือเพียงพอ และไม่มีโปรแกรมอื่นเปิดไฟล์นี้อยู่</translation>
    </message>
</context>
<context>
    <name>AreaPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/base.py" line="+88"/>
        <location line="+72"/>
        <source>Loading figures from the database…</source>
        <translation>กำลังโหลดข้อมูลจากฐานข้อมูล…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The figures could not be loaded from the database: %1</source>
        <translation>โหลดข้อมูลจากฐานข้อมูลไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>Areas</name>
    <message>
        <location filename="../dipdesk/ui/pages/__init__.py" line="+40"/>
        <source>Dashboard</source>
        <translation>ภาพรวม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programs &amp; activities</source>
        <translation>โครงการ/กิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Possible duplicates</source>
        <translation>อาจเป็นข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring</source>
        <translation>พี่ช่วยน้อง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-ups</source>
        <translation>ติดตามผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates</source>
        <translation>วุฒิบัตร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing lab</source>
        <translation>ห้องปฏิบัติการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync</source>
        <translation>ซิงค์ข้อมูล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Users</source>
        <translation>ผู้ใช้งาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audit trail</source>
        <translation>ประวัติการแก้ไข</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings</source>
        <translation>ตั้งค่า</translation>
    </message>
</context>
<context>
    <name>AttendanceGrid</name>
    <message>
        <location filename="../dipdesk/ui/attendance/grid.py" line="+478"/>
        <location line="+294"/>
        <source>Attendance</source>
        <translation>ลงเวลาเข้าร่วม</translation>
    </message>
    <message>
        <location line="-276"/>
        <source>Add people…</source>
        <translation>เพิ่มผู้เข้าร่วม…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a class list…</source>
        <translation>นำเข้ารายชื่อจาก Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a training day…</source>
        <translation>เพิ่มวันอบรม…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone present this day</source>
        <translation>มาครบทุกคนในวันนี้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save attendance</source>
        <translation>บันทึกการลงเวลา</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Arrows move · Space ticks or clears · Enter goes down · Ctrl+S saves</source>
        <translation>ลูกศร เลื่อน · เว้นวรรค ติ๊ก/เอาออก · Enter ลงบรรทัดถัดไป · Ctrl+S บันทึก</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Completes with at least %1% of the %2 hours (%3 hours), the rule set for this activity.</source>
        <translation>ผ่านเกณฑ์เมื่อเข้าร่วมอย่างน้อยร้อยละ %1 ของ %2 ชั่วโมง (%3 ชั่วโมง) ตามเกณฑ์ที่กำหนดไว้สำหรับกิจกรรมนี้</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The attendance could not be loaded: %1</source>
        <translation>โหลดข้อมูลการลงเวลาไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This activity has no training days yet: press &lt;b&gt;Add a training day…&lt;/b&gt; for each day.</source>
        <translation>กิจกรรมนี้ยังไม่มีวันอบรม: กด &lt;b&gt;เพิ่มวันอบรม…&lt;/b&gt; ทีละวัน</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody is enrolled yet: press &lt;b&gt;Add people…&lt;/b&gt; to find or add them one by one, or &lt;b&gt;Import a class list…&lt;/b&gt; to read them from an Excel or CSV file.</source>
        <translation>ยังไม่มีผู้ลงทะเบียน: กด &lt;b&gt;เพิ่มผู้เข้าร่วม…&lt;/b&gt; เพื่อค้นหาหรือเพิ่มทีละคน หรือกด &lt;b&gt;นำเข้ารายชื่อจาก Excel…&lt;/b&gt; เพื่ออ่านรายชื่อจากไฟล์ Excel หรือ CSV</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 people complete</source>
        <translation>ผ่านเกณฑ์ %1 จาก %2 คน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 dropped</source>
        <translation>ยกเลิก/ไม่ผ่าน %1 คน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 unsaved changes</source>
        <translation>ยังไม่บันทึก %1 ช่อง</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>A day that has not come yet</source>
        <translation>วันที่ยังไม่ถึง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is after today: nobody can have attended it yet. Save attendance for it anyway?</source>
        <translation>%1 ยังไม่ถึง (อยู่หลังวันนี้) จึงยังไม่มีใครเข้าร่วมได้ ต้องการบันทึกการเข้าร่วมของวันนั้นต่อไปหรือไม่</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save anyway</source>
        <translation>บันทึกต่อไป</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved: the changes are still here to correct.</source>
        <translation>ยังไม่ได้บันทึก: รายการที่แก้ไขยังอยู่ แก้ไขให้ถูกต้องได้</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved %1 marks.</source>
        <translation>บันทึกแล้ว %1 ช่อง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 now complete.</source>
        <translation>ผ่านเกณฑ์เพิ่ม %1 คน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 no longer complete.</source>
        <translation>ไม่ผ่านเกณฑ์แล้ว %1 คน</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing was saved: %1</source>
        <translation>ไม่ได้บันทึกข้อมูลใดเลย: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Every day of this activity (%1 – %2) already has a training day. For one more day, first change the activity's end date.</source>
        <translation>ทุกวันของกิจกรรมนี้ (%1 – %2) มีวันอบรมแล้ว หากต้องการเพิ่มอีกวัน ให้แก้วันสิ้นสุดของกิจกรรมก่อน</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Export attendance</source>
        <translation>ส่งออกการลงเวลา</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Day %1 (%2)</source>
        <translation>วันที่ %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent of hours</source>
        <translation>ร้อยละของชั่วโมง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <location line="-538"/>
        <source>Not saved yet</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not taken yet</source>
        <translation>ยังไม่ได้ลงเวลา</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Present for %1 of %2 hours</source>
        <translation>เข้าร่วม %1 จาก %2 ชั่วโมง</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Present</source>
        <translation>มา</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Absent</source>
        <translation>ขาด</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Completes</source>
        <translation>ผ่านเกณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet complete (%1 h short)</source>
        <translation>ยังไม่ผ่าน (ขาดอีก %1 ชม.)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Day %1 · %3 h
%2</source>
        <translation>วันที่ %1 · %3 ชม.
%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Percent</source>
        <translation>ร้อยละ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../dipdesk/ui/pages/audit.py" line="+148"/>
        <source>When</source>
        <translation>วันเวลา</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>ผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of record</source>
        <translation>ประเภทข้อมูล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Before → after</source>
        <translation>ก่อน → หลัง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location line="+29"/>
        <source>Who changed what and when, with the values before and after. Filter by record, user, kind of change and dates (BE, e.g. 15/03/2569); export what the filter shows to Excel.</source>
        <translation>ใครแก้ไขอะไร เมื่อใด พร้อมค่าก่อนและหลังแก้ไข กรองตามระเบียน ผู้ใช้ ประเภทการเปลี่ยนแปลง และช่วงวันที่ (พ.ศ. เช่น 15/03/2569) และส่งออกรายการที่กรองไว้เป็นไฟล์ Excel ได้</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All users</source>
        <translation>ผู้ใช้ทั้งหมด</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All kinds of record</source>
        <translation>ข้อมูลทุกประเภท</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All changes</source>
        <translation>การเปลี่ยนแปลงทุกแบบ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>dd/mm/yyyy (BE)</source>
        <translation>วว/ดด/ปปปป (พ.ศ.)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>To</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User</source>
        <translation>ผู้ใช้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind of record</source>
        <translation>ประเภทข้อมูล</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show all records</source>
        <translation>แสดงทุกระเบียน</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Counting…</source>
        <translation>กำลังนับ…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History of %1</source>
        <translation>ประวัติการแก้ไขของ %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 change(s)</source>
        <translation>%1 รายการ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Export the audit trail</source>
        <translation>ส่งออกประวัติการแก้ไข</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 change(s) exported to %2</source>
        <translation>ส่งออก %1 รายการไปที่ %2 แล้ว</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../dipdesk/ui/backup.py" line="+133"/>
        <source>Backup and restore</source>
        <translation>สำรองและกู้คืนข้อมูล</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A backup is a checked copy of this computer's database, taken while dipdesk runs. Automatic backups are kept for 7 days and 4 weeks; a second folder (a USB disk or a network share) keeps a copy away from this computer.</source>
        <translation>สำเนาสำรองคือสำเนาฐานข้อมูลของเครื่องนี้ที่ตรวจสอบแล้ว ทำได้ระหว่างที่ dipdesk ทำงานอยู่ สำเนาอัตโนมัติเก็บไว้ 7 วันและ 4 สัปดาห์ล่าสุด โฟลเดอร์ที่สอง (แฟลชไดรฟ์ USB หรือโฟลเดอร์ในเครือข่าย) เก็บสำเนาอีกชุดไว้นอกเครื่องนี้</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backup folder</source>
        <translation>โฟลเดอร์เก็บสำเนา</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none (for example a USB disk)</source>
        <translation>ไม่มี (เช่น แฟลชไดรฟ์ USB)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second folder</source>
        <translation>โฟลเดอร์ที่สอง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up automatically every day</source>
        <translation>สำรองข้อมูลอัตโนมัติทุกวัน</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save backup settings</source>
        <translation>บันทึกการตั้งค่าการสำรองข้อมูล</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Taken</source>
        <translation>เวลาที่สำรอง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore…</source>
        <translation>กู้คืน…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore from a file…</source>
        <translation>กู้คืนจากไฟล์…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only an administrator may restore a backup.</source>
        <translation>เฉพาะผู้ดูแลระบบเท่านั้นที่กู้คืนข้อมูลได้</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Choose…</source>
        <translation>เลือก…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a folder</source>
        <translation>เลือกโฟลเดอร์</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>automatic</source>
        <translation>อัตโนมัติ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>on demand</source>
        <translation>สั่งเอง</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The settings could not be saved: %1</source>
        <translation>บันทึกการตั้งค่าไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup settings saved.</source>
        <translation>บันทึกการตั้งค่าการสำรองข้อมูลแล้ว</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backing up…</source>
        <translation>กำลังสำรองข้อมูล…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Backed up and checked: %1</source>
        <translation>สำรองและตรวจสอบแล้ว: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy in the second folder: %1</source>
        <translation>สำเนาในโฟลเดอร์ที่สอง: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The second folder was not written: %1</source>
        <translation>เขียนลงโฟลเดอร์ที่สองไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking…</source>
        <translation>กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The backup is sound: site %1, %2 people, schema %3.</source>
        <translation>สำเนาสมบูรณ์: หน่วยงาน %1 บุคคล %2 คน โครงสร้างรุ่น %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This backup cannot be restored:</source>
        <translation>กู้คืนจากสำเนานี้ไม่ได้:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a backup</source>
        <translation>เลือกไฟล์สำเนา</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>dipdesk backups (*.sqlite3)</source>
        <translation>สำเนาของ dipdesk (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Replace this computer's database by the backup %1?

The current database is kept beside it first. Work made after the backup that was already synced comes back from the server at the next sync; work made after the backup that was never synced is not in the backup (it stays in the kept copy). dipdesk closes after the restore; start it again.</source>
        <translation>แทนที่ฐานข้อมูลของเครื่องนี้ด้วยสำเนา %1 หรือไม่?

ฐานข้อมูลปัจจุบันจะถูกเก็บสำรองไว้ข้างกันก่อน งานที่ทำหลังวันที่สำรองและซิงค์ไปแล้ว จะกลับมาจากเซิร์ฟเวอร์ในการซิงค์ครั้งถัดไป ส่วนงานที่ทำหลังวันที่สำรองแต่ยังไม่เคยซิงค์ จะไม่อยู่ในสำเนานี้ (ยังอยู่ในฐานข้อมูลที่เก็บไว้) dipdesk จะปิดหลังกู้คืน กรุณาเปิดโปรแกรมอีกครั้ง</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+29"/>
        <source>Restore a backup</source>
        <translation>กู้คืนข้อมูลจากสำเนา</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Restore</source>
        <translation>กู้คืน</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restoring…</source>
        <translation>กำลังกู้คืน…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>This backup was made on another computer. Restore it here only if that computer is no longer used (it broke, or this one replaces it): two computers restored from one backup would sync as one and mix up their changes.</source>
        <translation>สำเนานี้ทำจากคอมพิวเตอร์เครื่องอื่น กู้คืนที่นี่เฉพาะเมื่อเครื่องนั้นเลิกใช้แล้ว (เสีย หรือเครื่องนี้ใช้แทน) ถ้าสองเครื่องกู้คืนจากสำเนาเดียวกัน จะซิงค์ในนามเดียวกันและการแก้ไขจะปะปนกัน</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore: that computer is no longer used</source>
        <translation>กู้คืน: เครื่องนั้นเลิกใช้แล้ว</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restored from %1.</source>
        <translation>กู้คืนจาก %1 แล้ว</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The replaced database is kept as %1.</source>
        <translation>ฐานข้อมูลเดิมเก็บไว้ที่ %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 changes made after the backup were never synced: they are not in the restored database.</source>
        <translation>มีการแก้ไข %1 รายการหลังวันที่สำรองที่ยังไม่เคยซิงค์ จึงไม่อยู่ในฐานข้อมูลที่กู้คืน</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 changes made after the backup were synced: the next sync brings them back.</source>
        <translation>มีการแก้ไข %1 รายการหลังวันที่สำรองที่ซิงค์ไปแล้ว การซิงค์ครั้งถัดไปจะนำกลับมา</translation>
    </message>
</context>
<context>
    <name>BeCalendar</name>
    <message>
        <location filename="../dipdesk/ui/calendar.py" line="+94"/>
        <source>Previous month</source>
        <translation>เดือนก่อน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next month</source>
        <translation>เดือนถัดไป</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Month</source>
        <translation>เดือน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Year (Buddhist era)</source>
        <translation>ปี (พุทธศักราช)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Today</source>
        <translation>วันนี้</translation>
    </message>
</context>
<context>
    <name>BeYearBox</name>
    <message>
        <location line="-42"/>
        <source>%1 BE</source>
        <translation>พ.ศ. %1</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location line="+163"/>
        <source>Choose the date on a calendar (Alt+↓)</source>
        <translation>เลือกวันที่จากปฏิทิน (Alt+↓)</translation>
    </message>
</context>
<context>
    <name>CardReaderBar</name>
    <message>
        <location filename="../dipdesk/ui/attendance/card_reader.py" line="+50"/>
        <source>Looking for an ID card reader…</source>
        <translation>กำลังค้นหาเครื่องอ่านบัตรประชาชน…</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>ID card reader ready: put a Thai ID card in to read it (%1)</source>
        <translation>เครื่องอ่านบัตรพร้อม: เสียบบัตรประชาชนเพื่ออ่านข้อมูล (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the card…</source>
        <translation>กำลังอ่านบัตร…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The card could not be read: %1</source>
        <translation>อ่านบัตรไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Card read: %1</source>
        <translation>อ่านบัตรแล้ว: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 was already checked in today.</source>
        <translation>%1 ลงเวลาวันนี้ไปแล้ว</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 enrolled and checked in for today.</source>
        <translation>%1 ลงทะเบียนและลงเวลาเข้าอบรมวันนี้แล้ว</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 checked in for today.</source>
        <translation>%1 ลงเวลาเข้าอบรมวันนี้แล้ว</translation>
    </message>
</context>
<context>
    <name>CatalogPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/catalog.py" line="+275"/>
        <source>Add a test…</source>
        <translation>เพิ่มรายการทดสอบ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a specification…</source>
        <translation>เพิ่มเกณฑ์กำหนด…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove specification</source>
        <translation>ลบเกณฑ์กำหนด</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tests</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specifications</source>
        <translation>เกณฑ์กำหนด</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Double-click a cell to change it; each change is checked and recorded.</source>
        <translation>ดับเบิลคลิกที่ช่องเพื่อแก้ไข ทุกการแก้ไขจะถูกตรวจสอบความถูกต้องและบันทึกประวัติ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The catalog is maintained by the lab's head; you can read it here.</source>
        <translation>รายการทดสอบดูแลโดยหัวหน้าห้องปฏิบัติการ คุณดูได้อย่างเดียว</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Saved %1</source>
        <translation>บันทึกแล้ว: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Saved</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Added %1: fill in its method, unit and limits</source>
        <translation>เพิ่ม %1 แล้ว: โปรดกรอกวิธีทดสอบ หน่วย และขีดจำกัด</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Specification added</source>
        <translation>เพิ่มเกณฑ์กำหนดแล้ว</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Select the specification to remove.</source>
        <translation>เลือกเกณฑ์กำหนดที่จะลบก่อน</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Specification removed</source>
        <translation>ลบเกณฑ์กำหนดแล้ว</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/certificates.py" line="+58"/>
        <source>Certificates of completion and of participation for the people of an activity. Who receives one follows the rule (completed, and attendance at the activity's threshold); each has its own serial number and a signed QR code, and a reprint is an exact copy of what was first printed.</source>
        <translation>วุฒิบัตรและเกียรติบัตรสำหรับผู้เข้าร่วมกิจกรรม ผู้ได้รับเป็นไปตามเกณฑ์ (ผ่านการอบรมและมีเวลาเข้าร่วมถึงเกณฑ์ของกิจกรรม) แต่ละฉบับมีเลขที่ของตนเองและคิวอาร์โค้ดที่ลงนามดิจิทัล และการพิมพ์ซ้ำจะได้สำเนาตรงกับที่พิมพ์ครั้งแรกทุกประการ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificates issued</source>
        <translation>วุฒิบัตรที่ออกแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked certificates</source>
        <translation>วุฒิบัตรที่เพิกถอน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies printed</source>
        <translation>จำนวนครั้งที่พิมพ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate templates</source>
        <translation>แบบวุฒิบัตร</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Issue and print</source>
        <translation>ออกและพิมพ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify a certificate</source>
        <translation>ตรวจสอบวุฒิบัตร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates</source>
        <translation>แบบวุฒิบัตร</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>There is no certificate template yet: they come from headquarters with the first sync.</source>
        <translation>ยังไม่มีแบบวุฒิบัตร แบบจะมาจากส่วนกลางเมื่อซิงก์ข้อมูลครั้งแรก</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 of them by override</source>
        <translation>ในจำนวนนี้ออกเป็นกรณีพิเศษ %1 ฉบับ</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../dipdesk/ui/account.py" line="+42"/>
        <location line="+40"/>
        <source>Change password</source>
        <translation>เปลี่ยนรหัสผ่าน</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>An administrator has set a password for you. Please choose your own password now.</source>
        <translation>ผู้ดูแลระบบตั้งรหัสผ่านชั่วคราวให้คุณ กรุณาตั้งรหัสผ่านของคุณเองตอนนี้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a new password for %1.</source>
        <translation>ตั้งรหัสผ่านใหม่ของ %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A password has at least 8 characters, with both letters and digits, and is not your user name.</source>
        <translation>รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร มีทั้งตัวอักษรและตัวเลข และต้องไม่ใช่ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Current password</source>
        <translation>รหัสผ่านปัจจุบัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password</source>
        <translation>รหัสผ่านใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New password again</source>
        <translation>ยืนยันรหัสผ่านใหม่</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The two new passwords are not the same.</source>
        <translation>รหัสผ่านใหม่ทั้งสองช่องไม่ตรงกัน</translation>
    </message>
</context>
<context>
    <name>ClassList</name>
    <message>
        <location filename="../dipdesk/ui/certificates/class_list.py" line="+26"/>
        <source>No.</source>
        <translation>ลำดับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enrollment</source>
        <translation>สถานะการลงทะเบียน</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Hours attended</source>
        <translation>ชั่วโมงที่เข้าร่วม</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>By the rule</source>
        <translation>ตามเกณฑ์</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Certificate</source>
        <translation>วุฒิบัตร</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Due: not issued yet</source>
        <translation>มีสิทธิ์ รอออก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued %1</source>
        <translation>ออกแล้ว %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued %1 (override)</source>
        <translation>ออกแล้ว %1 (กรณีพิเศษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked %1</source>
        <translation>เพิกถอน %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not eligible</source>
        <translation>ไม่มีสิทธิ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Eligible</source>
        <translation>มีสิทธิ์</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../dipdesk/ui/models/columns.py" line="+80"/>
        <source>Consulting and advice</source>
        <translation>การให้คำปรึกษาแนะนำ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business incubation</source>
        <translation>การบ่มเพาะธุรกิจ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business matching</source>
        <translation>การเชื่อมโยงธุรกิจ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw-material and product testing</source>
        <translation>การวิเคราะห์ทดสอบวัตถุดิบและผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production-system development</source>
        <translation>การพัฒนาระบบการผลิต</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product and packaging design</source>
        <translation>การพัฒนารูปแบบผลิตภัณฑ์และบรรจุภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitions and showrooms</source>
        <translation>การจัดแสดงนิทรรศการและร้านแสดงสินค้า</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Build: agro-industry</source>
        <translation>ปั้น: เกษตรอุตสาหกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build: creative</source>
        <translation>ปั้น: สร้างสรรค์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build: smart</source>
        <translation>ปั้น: อัจฉริยะ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Improve the ecosystem</source>
        <translation>ปรุง: ระบบนิเวศการส่งเสริม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change how we work</source>
        <translation>เปลี่ยน: วิธีการทำงาน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Juristic person</source>
        <translation>นิติบุคคล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community enterprise</source>
        <translation>วิสาหกิจชุมชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual business</source>
        <translation>บุคคลธรรมดา</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cluster</source>
        <translation>คลัสเตอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community-enterprise network</source>
        <translation>เครือข่ายวิสาหกิจชุมชน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Micro</source>
        <translation>รายย่อย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small</source>
        <translation>ขนาดย่อม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>ขนาดกลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large</source>
        <translation>ขนาดใหญ่</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processed food</source>
        <translation>อาหารแปรรูป</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Herbal products</source>
        <translation>สมุนไพร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cosmetics</source>
        <translation>เครื่องสำอาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packaging</source>
        <translation>บรรจุภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Textiles and clothing</source>
        <translation>ผ้าและเครื่องแต่งกาย</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Male</source>
        <translation>ชาย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Female</source>
        <translation>หญิง</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location line="-97"/>
        <location line="+1"/>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ID card no.</source>
        <translation>เลขบัตรประชาชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration ID</source>
        <translation>เลขทะเบียนนิติบุคคล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSIC</source>
        <translation>TSIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>ประเภทบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Policy track</source>
        <translation>แนวนโยบาย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohort</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>วันเริ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>วันสิ้นสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>ที่นั่ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>ลงทะเบียนแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session no.</source>
        <translation>ครั้งที่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>หัวข้อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Developed on</source>
        <translation>วันที่พัฒนา</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Member enterprises</source>
        <translation>กิจการสมาชิก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period from</source>
        <translation>ตั้งแต่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue before</source>
        <translation>รายได้ก่อน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue after</source>
        <translation>รายได้หลัง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs saved</source>
        <translation>ต้นทุนที่ลดได้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment</source>
        <translation>การลงทุน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>การจ้างงานใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New products</source>
        <translation>ผลิตภัณฑ์ใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economic value</source>
        <translation>มูลค่าทางเศรษฐกิจ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enterprise name</source>
        <translation>ชื่อกิจการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program name</source>
        <translation>ชื่อโครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name</source>
        <translation>ชื่อกลุ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product name</source>
        <translation>ชื่อผลิตภัณฑ์</translation>
    </message>
</context>
<context>
    <name>ConditionDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="-70"/>
        <source>Receive sample %1</source>
        <translation>รับตัวอย่าง %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normal, sealed</source>
        <translation>ปกติ บรรจุภัณฑ์ปิดสนิท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room temperature</source>
        <translation>อุณหภูมิห้อง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition on receipt</source>
        <translation>สภาพตัวอย่างเมื่อรับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>การเก็บรักษา</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Describe the condition of the sample on receipt.</source>
        <translation>โปรดระบุสภาพตัวอย่างเมื่อรับ</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../dipdesk/ui/pages/kpi_figures.py" line="+25"/>
        <source>Entrepreneurs developed (people)</source>
        <translation>ผู้ประกอบการที่ได้รับการพัฒนา (คน)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises developed</source>
        <translation>สถานประกอบการที่ได้รับการพัฒนา (กิจการ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products developed</source>
        <translation>ผลิตภัณฑ์ที่ได้รับการพัฒนา (รายการ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups and clusters</source>
        <translation>กลุ่ม/คลัสเตอร์ (กลุ่ม)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economic value created (million baht)</source>
        <translation>มูลค่าทางเศรษฐกิจที่เกิดขึ้น (ล้านบาท)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Entrepreneurs</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Products</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value (million baht)</source>
        <translation>มูลค่า (ล้านบาท)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Consulting and advice</source>
        <translation>การให้คำปรึกษาแนะนำ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business incubation</source>
        <translation>การบ่มเพาะธุรกิจ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business matching</source>
        <translation>การเชื่อมโยงธุรกิจ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw-material and product testing</source>
        <translation>การวิเคราะห์ทดสอบวัตถุดิบและผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production-system development</source>
        <translation>การพัฒนาระบบการผลิต</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product and packaging design</source>
        <translation>การพัฒนารูปแบบผลิตภัณฑ์และบรรจุภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibitions and showrooms</source>
        <translation>การจัดแสดงนิทรรศการและร้านแสดงสินค้า</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reached</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/dashboard.py" line="+72"/>
        <source>This site's work in the fiscal year and its progress toward the year's targets. Each person, enterprise, product and group counts once, however many activities it joined.</source>
        <translation>ผลการดำเนินงานของหน่วยงานในปีงบประมาณ และความก้าวหน้าเทียบกับเป้าหมายของปี ผู้ประกอบการ สถานประกอบการ ผลิตภัณฑ์ และกลุ่ม นับเพียงครั้งเดียว แม้จะเข้าร่วมหลายกิจกรรม</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This site</source>
        <translation>หน่วยงานนี้</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+329"/>
        <source>All sites in this database</source>
        <translation>ทุกหน่วยงานในเครื่องนี้</translation>
    </message>
    <message>
        <location line="-328"/>
        <source>Whole department (as of the last sync)</source>
        <translation>ทั้งกรม (ณ การซิงค์ครั้งล่าสุด)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+162"/>
        <source>Edit targets…</source>
        <translation>แก้ไขเป้าหมาย…</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Programs</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activities and courses</source>
        <translation>กิจกรรม/หลักสูตร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrollments</source>
        <translation>การลงทะเบียน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates issued</source>
        <translation>วุฒิบัตรที่ออก</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Progress toward the targets</source>
        <translation>ผลการดำเนินงานเทียบกับเป้าหมาย</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>ความก้าวหน้า</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+207"/>
        <source>Program or service</source>
        <translation>โครงการ/ประเภทบริการ</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Edit targets of each site…</source>
        <translation>แก้ไขเป้าหมายของแต่ละหน่วยงาน…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>department-%1.xlsx</source>
        <translation>ทั้งกรม-%1.xlsx</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>targets-%1.xlsx</source>
        <translation>ผลเทียบเป้าหมาย-%1.xlsx</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+12"/>
        <source>Export the targets table</source>
        <translation>ส่งออกตารางผลเทียบเป้าหมาย</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Level</source>
        <translation>ระดับ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reached</source>
        <translation>%1 ผลงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 target</source>
        <translation>%1 เป้าหมาย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of target</source>
        <translation>%1 ร้อยละของเป้าหมาย</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Service</source>
        <translation>ประเภทบริการ</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Program</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Progress toward the targets, fiscal year %1 (%2 – %3)</source>
        <translation>ผลการดำเนินงานเทียบกับเป้าหมาย ปีงบประมาณ %1 (%2 – %3)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Targets %1</source>
        <translation>เป้าหมายปี %1</translation>
    </message>
    <message>
        <location line="-56"/>
        <location line="+58"/>
        <source>Exported %1 lines to %2</source>
        <translation>ส่งออก %1 รายการไปที่ %2 แล้ว</translation>
    </message>
    <message>
        <location line="-297"/>
        <source>Reached: enrolled in or completed an activity of one of the year's programs. Enterprises also count when they received a service during the year. Economic value is computed from the outcomes recorded for the year.</source>
        <translation>ผลงาน: นับผู้ที่ลงทะเบียนเข้าร่วมหรือผ่านกิจกรรมของโครงการในปีงบประมาณนี้ สถานประกอบการนับรวมกิจการที่ได้รับบริการในปีนี้ด้วย ส่วนมูลค่าทางเศรษฐกิจคำนวณจากผลลัพธ์ที่บันทึกไว้ของปีนี้</translation>
    </message>
    <message>
        <location line="+162"/>
        <source>All fiscal years, in this computer's database: %1 people, %2 enterprises, %3 products and %4 groups.</source>
        <translation>ข้อมูลทุกปีงบประมาณในเครื่องนี้: ผู้ประกอบการ %1 คน สถานประกอบการ %2 แห่ง ผลิตภัณฑ์ %3 รายการ และกลุ่ม %4 กลุ่ม</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Targets set for this site for the fiscal year.</source>
        <translation>เป้าหมายของหน่วยงานนี้ในปีงบประมาณ</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>By service and by program</source>
        <translation>แยกตามประเภทบริการและโครงการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Charts show</source>
        <translation>กราฟแสดง</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By service</source>
        <translation>ตามประเภทบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By program</source>
        <translation>ตามโครงการ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>By service (reached / target)</source>
        <translation>ตามประเภทบริการ (ผลงาน / เป้าหมาย)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By program (reached / target)</source>
        <translation>ตามโครงการ (ผลงาน / เป้าหมาย)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A person in programs of two kinds counts once in each, so the lines need not add up to the site's total. A service's target is the sum of its programs' targets.</source>
        <translation>ผู้ที่เข้าร่วมโครงการสองประเภทนับหนึ่งครั้งในแต่ละประเภท ผลรวมของแต่ละบรรทัดจึงไม่จำเป็นต้องเท่ากับผลรวมของหน่วยงาน เป้าหมายของแต่ละประเภทบริการคือผลรวมเป้าหมายของโครงการในประเภทนั้น</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>No targets are set for this site this year: shown against the national targets, which are for all sites together.</source>
        <translation>ยังไม่ได้กำหนดเป้าหมายของหน่วยงานนี้ในปีนี้ จึงแสดงเทียบกับเป้าหมายระดับประเทศ (รวมทุกหน่วยงาน)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All sites in this database, against the national targets.</source>
        <translation>ทุกหน่วยงานในเครื่องนี้ เทียบกับเป้าหมายระดับประเทศ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No targets have been set for this fiscal year yet.</source>
        <translation>ยังไม่ได้กำหนดเป้าหมายของปีงบประมาณนี้</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not set</source>
        <translation>ยังไม่กำหนด</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no target</source>
        <translation>ไม่มีเป้าหมาย</translation>
    </message>
</context>
<context>
    <name>DeliveryPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/delivery_panel.py" line="+33"/>
        <source>Waiting to be sent</source>
        <translation>รอส่ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>ส่งแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused by the mail server</source>
        <translation>เซิร์ฟเวอร์อีเมลปฏิเสธ</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Send a published report</source>
        <translation>ส่งรายงานที่ออกแล้ว</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report no.</source>
        <translation>เลขที่รายงาน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Customer's e-mail address</source>
        <translation>อีเมลของผู้ขอรับบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save signed PDF</source>
        <translation>บันทึก PDF ที่ลงนามแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue e-mail</source>
        <translation>เข้าคิวส่งอีเมล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send queued e-mails now</source>
        <translation>ส่งอีเมลที่รอในคิวตอนนี้</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E-mail queue</source>
        <translation>คิวอีเมล</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report</source>
        <translation>รายงาน</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Queued</source>
        <translation>เข้าคิวเมื่อ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Error</source>
        <translation>ข้อผิดพลาด</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Samples due for disposal (retention period over)</source>
        <translation>ตัวอย่างที่ครบกำหนดทำลาย (พ้นระยะเวลาเก็บรักษา)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lab no.</source>
        <translation>เลขที่ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>ออกรายงานแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep until</source>
        <translation>เก็บถึง</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How it was disposed of</source>
        <translation>วิธีทำลาย</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Witness</source>
        <translation>พยาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record disposal</source>
        <translation>บันทึกการทำลาย</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Signed report saved: %1</source>
        <translation>บันทึกรายงานที่ลงนามแล้ว: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Report %1 queued for %2.</source>
        <translation>รายงาน %1 เข้าคิวส่งถึง %2 แล้ว</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No mail server is set up (smtp_host in the settings).</source>
        <translation>ยังไม่ได้ตั้งค่าเซิร์ฟเวอร์อีเมล (smtp_host ในการตั้งค่า)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 e-mail(s) sent, %2 still waiting.</source>
        <translation>ส่งอีเมลแล้ว %1 ฉบับ ยังรอส่ง %2 ฉบับ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose a sample in the list first.</source>
        <translation>เลือกตัวอย่างในรายการก่อน</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disposal of %1 recorded.</source>
        <translation>บันทึกการทำลายตัวอย่าง %1 แล้ว</translation>
    </message>
</context>
<context>
    <name>DryRunPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+764"/>
        <source>4. Dry run</source>
        <translation>4. ทดลองนำเข้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything is checked against the database, and nothing is saved yet.</source>
        <translation>ตรวจทุกแถวกับฐานข้อมูล โดยยังไม่บันทึกข้อมูลใด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &gt;</source>
        <translation>นำเข้า &gt;</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../dipdesk/ui/records/dialogs.py" line="+44"/>
        <source>Possible duplicates</source>
        <translation>อาจเป็นข้อมูลซ้ำ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This may already be recorded. Open the existing record instead of creating a second one, or create the new record if it is really someone (or something) else.</source>
        <translation>ข้อมูลนี้อาจบันทึกไว้แล้ว เปิดรายการเดิมแทนการสร้างซ้ำ หรือสร้างรายการใหม่หากเป็นคนละคน (คนละกิจการ) จริง</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open the existing record</source>
        <translation>เปิดรายการเดิม</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a new record anyway</source>
        <translation>สร้างรายการใหม่</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go back to the form</source>
        <translation>กลับไปที่แบบฟอร์ม</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/duplicates.py" line="+111"/>
        <source>Records of this site that may be one person or one enterprise typed twice, best match first (names compared the Thai way, with the birth date, phone and province). Choose a pair and the record to keep: the other one's details fill what the kept one lacks, everything recorded for it follows the kept record, and the merge is synced and audited. People of other sites with the same national ID are merged on the server by themselves.</source>
        <translation>ระเบียนของหน่วยงานนี้ที่อาจเป็นบุคคลหรือกิจการเดียวกันที่บันทึกซ้ำ เรียงจากที่ตรงกันมากที่สุด (เทียบชื่อแบบภาษาไทย ร่วมกับวันเกิด เบอร์โทรศัพท์ และจังหวัด) เลือกคู่และระเบียนที่จะเก็บไว้ ข้อมูลของอีกระเบียนจะเติมช่องที่ระเบียนที่เก็บไว้ยังว่าง ทุกอย่างที่บันทึกไว้กับระเบียนนั้นจะย้ายมาที่ระเบียนที่เก็บไว้ และการรวมจะถูกซิงค์และบันทึกในประวัติการแก้ไข ส่วนบุคคลของหน่วยงานอื่นที่มีเลขประจำตัวประชาชนเดียวกัน เซิร์ฟเวอร์จะรวมให้เอง</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Record 1</source>
        <translation>ระเบียนที่ 1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record 2</source>
        <translation>ระเบียนที่ 2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Match</source>
        <translation>ความตรงกัน</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same national ID</source>
        <translation>เลขประจำตัวประชาชนเดียวกัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same registration ID</source>
        <translation>เลขทะเบียนนิติบุคคลเดียวกัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same name</source>
        <translation>ชื่อเดียวกัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nearly the same name</source>
        <translation>ชื่อคล้ายกันมาก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same birth date</source>
        <translation>วันเกิดเดียวกัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same phone</source>
        <translation>เบอร์โทรศัพท์เดียวกัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>same province</source>
        <translation>จังหวัดเดียวกัน</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show:</source>
        <translation>แสดง:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Merge, keeping record 1</source>
        <translation>รวม โดยเก็บระเบียนที่ 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge, keeping record 2</source>
        <translation>รวม โดยเก็บระเบียนที่ 2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Possible duplicate pairs: %1</source>
        <translation>คู่ที่อาจซ้ำ: %1 คู่</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Merged: %1 is kept.</source>
        <translation>รวมแล้ว: เก็บ %1 ไว้</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Values not kept (the kept record's stay): %1</source>
        <translation>ค่าที่ไม่ได้เก็บ (ใช้ค่าของระเบียนที่เก็บไว้): %1</translation>
    </message>
</context>
<context>
    <name>EnrolledList</name>
    <message>
        <location filename="../dipdesk/ui/records/enrolled.py" line="+57"/>
        <source>Save the activity first; then people can be enrolled.</source>
        <translation>บันทึกกิจกรรมก่อน จึงจะลงทะเบียนผู้เข้าร่วมได้</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 people enrolled</source>
        <translation>ลงทะเบียนแล้ว %1 คน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nobody is enrolled yet: click Enroll people… to add them.</source>
        <translation>ยังไม่มีผู้ลงทะเบียน: คลิก “ลงทะเบียนผู้เข้าร่วม…” เพื่อเพิ่ม</translation>
    </message>
</context>
<context>
    <name>EnrollmentDialog</name>
    <message>
        <location filename="../dipdesk/ui/attendance/enroll_dialog.py" line="+149"/>
        <source>Add people to the activity</source>
        <translation>เพิ่มผู้เข้าร่วมกิจกรรม</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Someone already in the database</source>
        <translation>ค้นหาคนที่มีในฐานข้อมูลแล้ว</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a name, surname, national ID or phone number…</source>
        <translation>พิมพ์ชื่อ นามสกุล เลขประจำตัวประชาชน หรือเบอร์โทรศัพท์…</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+91"/>
        <source>Type at least two letters, or digits of an ID or phone number.</source>
        <translation>พิมพ์อย่างน้อย 2 ตัวอักษร หรือตัวเลขของเลขประจำตัวหรือเบอร์โทรศัพท์</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Enroll the selected people</source>
        <translation>ลงทะเบียนคนที่เลือก</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone new</source>
        <translation>เพิ่มคนใหม่</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Optional: the enterprise they work in</source>
        <translation>ไม่บังคับ: สถานประกอบการที่ทำงานอยู่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name prefix</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name *</source>
        <translation>ชื่อ *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add and enroll</source>
        <translation>เพิ่มและลงทะเบียน</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Enroll in: %1</source>
        <translation>ลงทะเบียนใน: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Searching…</source>
        <translation>กำลังค้นหา…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Nobody found. Add them as someone new below.</source>
        <translation>ไม่พบ เพิ่มเป็นคนใหม่ได้ที่ด้านล่าง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The first %1 found: type more to narrow the search.</source>
        <translation>แสดง %1 รายการแรก พิมพ์เพิ่มเพื่อค้นหาให้แคบลง</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 found. Select them and press Enter.</source>
        <translation>พบ %1 รายการ เลือกแล้วกด Enter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The search failed: %1</source>
        <translation>ค้นหาไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Enrolled: %1 (%2 in all since this window opened)</source>
        <translation>ลงทะเบียนแล้ว %1 คน (รวม %2 คนตั้งแต่เปิดหน้าต่างนี้)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>male</source>
        <translation>ชาย</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>female</source>
        <translation>หญิง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the card:</source>
        <translation>จากบัตร:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>born %1</source>
        <translation>เกิด %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kept: ID, names, birth date, gender and address. The card's photo is not read or stored.</source>
        <translation>เก็บเฉพาะเลขประจำตัว ชื่อ วันเกิด เพศ และที่อยู่ ไม่อ่านและไม่เก็บรูปถ่ายจากบัตร</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>registered at %1 (from the server)</source>
        <translation>ลงทะเบียนไว้ที่ %1 (จากเซิร์ฟเวอร์)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 was added and enrolled.</source>
        <translation>เพิ่มและลงทะเบียน %1 แล้ว</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+12"/>
        <source>This may be someone already in the database:</source>
        <translation>อาจเป็นคนที่มีในฐานข้อมูลแล้ว:</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Enroll %1</source>
        <translation>ลงทะเบียน %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A national ID belongs to one person only: enroll them, or correct the ID typed in.</source>
        <translation>เลขประจำตัวประชาชนหนึ่งเลขเป็นของคนคนเดียว: ลงทะเบียนคนนี้ หรือแก้ไขเลขที่พิมพ์</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Someone else: add as new</source>
        <translation>เป็นคนละคน: เพิ่มเป็นคนใหม่</translation>
    </message>
</context>
<context>
    <name>EnterprisesController</name>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="+146"/>
        <source>All types</source>
        <translation>ทุกประเภท</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 enterprises</source>
        <translation>%1 กิจการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, code or registration ID (Ctrl+F)</source>
        <translation>ชื่อกิจการ รหัส หรือเลขทะเบียน (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No enterprises are recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New enterprise…&lt;/b&gt; (Ctrl+N) to add one.</source>
        <translation>&lt;b&gt;ยังไม่มีข้อมูลกิจการ&lt;/b&gt;&lt;br&gt;กด &lt;b&gt;เพิ่มกิจการ…&lt;/b&gt; (Ctrl+N) เพื่อเพิ่มกิจการแรก</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;No enterprise matches “%1”.&lt;/b&gt;&lt;br&gt;Check the spelling, type a shorter part of the name, choose another type, or press Esc to clear the search.</source>
        <translation>&lt;b&gt;ไม่พบกิจการที่ตรงกับ “%1”&lt;/b&gt;&lt;br&gt;ตรวจตัวสะกด พิมพ์ชื่อให้สั้นลง เลือกประเภทอื่น หรือกด Esc เพื่อล้างคำค้น</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New enterprise…</source>
        <translation>เพิ่มกิจการ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New enterprise</source>
        <translation>กิจการใหม่</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 products</source>
        <translation>%1 ผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No products yet. Click &lt;b&gt;New product…&lt;/b&gt; to add one.</source>
        <translation>ยังไม่มีผลิตภัณฑ์ กด &lt;b&gt;เพิ่มผลิตภัณฑ์…&lt;/b&gt; เพื่อเพิ่ม</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New product…</source>
        <translation>เพิ่มผลิตภัณฑ์…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Products</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save the enterprise first; then its products can be added here.</source>
        <translation>บันทึกกิจการก่อน แล้วจึงเพิ่มผลิตภัณฑ์ได้ที่นี่</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 service records</source>
        <translation>%1 รายการให้บริการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No services recorded yet. Click &lt;b&gt;New service record…&lt;/b&gt; to add a visit.</source>
        <translation>ยังไม่มีการให้บริการ กด &lt;b&gt;บันทึกการให้บริการ…&lt;/b&gt; เพื่อบันทึกการเข้าให้คำปรึกษา</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New service record…</source>
        <translation>บันทึกการให้บริการ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>Service records</source>
        <translation>การให้บริการ</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Save the enterprise first; then its service records can be added here.</source>
        <translation>บันทึกกิจการก่อน แล้วจึงบันทึกการให้บริการได้ที่นี่</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 outcome periods</source>
        <translation>%1 งวด</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No outcomes recorded for this enterprise yet. Click &lt;b&gt;New outcome period…&lt;/b&gt; to record its revenue, costs saved, jobs and new products for a period; the economic value is computed from them.</source>
        <translation>ยังไม่มีผลลัพธ์ของกิจการนี้ กด &lt;b&gt;เพิ่มผลลัพธ์รายงวด…&lt;/b&gt; เพื่อบันทึกรายได้ ต้นทุนที่ลดได้ การจ้างงาน และผลิตภัณฑ์ใหม่ของแต่ละงวด ระบบคำนวณมูลค่าทางเศรษฐกิจจากตัวเลขเหล่านี้</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New outcome period…</source>
        <translation>เพิ่มผลลัพธ์รายงวด…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the enterprise first; then its outcomes can be recorded here.</source>
        <translation>บันทึกกิจการก่อน แล้วจึงบันทึกผลลัพธ์ได้ที่นี่</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>New outcome period</source>
        <translation>ผลลัพธ์งวดใหม่</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome period</source>
        <translation>ผลลัพธ์รายงวด</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+8"/>
        <source>Outcomes</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>New product</source>
        <translation>ผลิตภัณฑ์ใหม่</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Product</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New service record</source>
        <translation>การให้บริการใหม่</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service record</source>
        <translation>การให้บริการ</translation>
    </message>
</context>
<context>
    <name>EnterprisesPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/enterprises.py" line="+17"/>
        <source>Businesses the department serves (juristic persons, community enterprises, individual businesses) with their products and outcomes, the groups they belong to, and every service delivered to them.</source>
        <translation>สถานประกอบการที่กรมให้บริการ (นิติบุคคล วิสาหกิจชุมชน บุคคลธรรมดา) พร้อมผลิตภัณฑ์และผลลัพธ์ กลุ่มที่สังกัด และการให้บริการทุกครั้ง</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Enterprises</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service records</source>
        <translation>การให้บริการ</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Groups and clusters</source>
        <translation>กลุ่ม/คลัสเตอร์</translation>
    </message>
</context>
<context>
    <name>EvidenceShareCard</name>
    <message>
        <location filename="../dipdesk/ui/pages/evidence_share.py" line="+33"/>
        <source>Economic value backed by evidence</source>
        <translation>มูลค่าทางเศรษฐกิจที่มีหลักฐานยืนยัน</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 of %2 baht of economic value has receipts, statements or photos behind it.</source>
        <translation>มูลค่าทางเศรษฐกิจ %1 จาก %2 บาท มีใบเสร็จ รายการเดินบัญชี หรือภาพถ่ายเป็นหลักฐาน</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No economic value recorded for this fiscal year yet.</source>
        <translation>ยังไม่มีมูลค่าทางเศรษฐกิจที่บันทึกไว้ในปีงบประมาณนี้</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <location filename="../dipdesk/ui/attendance/fields.py" line="+29"/>
        <source>Required</source>
        <translation>ต้องกรอก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid e-mail address</source>
        <translation>รูปแบบอีเมลไม่ถูกต้อง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be a number</source>
        <translation>ต้องเป็นตัวเลข</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Between 0 and 24 hours</source>
        <translation>ต้องอยู่ระหว่าง 0 ถึง 24 ชั่วโมง</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/fields.py" line="+69"/>
        <source>Please fill in this field.</source>
        <translation>กรุณากรอกช่องนี้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a number, for example 12 or 3.5.</source>
        <translation>กรุณากรอกตัวเลข เช่น 12 หรือ 3.5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a whole number.</source>
        <translation>กรุณากรอกจำนวนเต็ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a Buddhist-era year such as 2569.</source>
        <translation>กรุณากรอกปี พ.ศ. เช่น 2569</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type a percentage from 0 to 100.</source>
        <translation>กรุณากรอกร้อยละ 0 ถึง 100</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please type part of the name and choose from the list.</source>
        <translation>พิมพ์ชื่อบางส่วนแล้วเลือกจากรายการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not an e-mail address (for example name@example.com).</source>
        <translation>รูปแบบอีเมลไม่ถูกต้อง (ตัวอย่าง name@example.com)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A postcode has 5 digits.</source>
        <translation>รหัสไปรษณีย์ต้องมี 5 หลัก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A TSIC code has up to 5 digits.</source>
        <translation>รหัส TSIC เป็นตัวเลขไม่เกิน 5 หลัก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of 13 digits</source>
        <translation>ใส่แล้ว %1 จาก 13 หลัก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 digits so far</source>
        <translation>ใส่แล้ว %1 หลัก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day/month/BE year, for example 15/03/2563</source>
        <translation>วัน/เดือน/ปี พ.ศ. เช่น 15/03/2563</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must not be negative.</source>
        <translation>ต้องไม่ติดลบ</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+21"/>
        <source>Title</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name (Thai)</source>
        <translation>ชื่อ (ภาษาไทย)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name (Thai)</source>
        <translation>นามสกุล (ภาษาไทย)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name (English)</source>
        <translation>นามสกุล (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="-266"/>
        <location filename="../dipdesk/ui/records/people.py" line="+3"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+2"/>
        <source>e.g. 081-234-5678</source>
        <translation>เช่น 081-234-5678</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="-12"/>
        <location line="+69"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-417"/>
        <location line="+26"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+69"/>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ไทย)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>ชื่อ (อังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Juristic registration ID</source>
        <translation>เลขทะเบียนนิติบุคคล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TSIC industry code</source>
        <translation>รหัสประเภทอุตสาหกรรม (TSIC)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>up to 5 digits</source>
        <translation>ไม่เกิน 5 หลัก</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+59"/>
        <location filename="../dipdesk/ui/records/people.py" line="+1"/>
        <location filename="../dipdesk/ui/records/programs.py" line="+13"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Postcode</source>
        <translation>รหัสไปรษณีย์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group or cluster</source>
        <translation>กลุ่ม/คลัสเตอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../dipdesk/ui/records/people.py" line="+1"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Product name</source>
        <translation>ชื่อผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Developed in program</source>
        <translation>พัฒนาในโครงการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Developed on</source>
        <translation>วันที่พัฒนา</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-20"/>
        <source>Description</source>
        <translation>รายละเอียด</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-7"/>
        <source>Service</source>
        <translation>ประเภทบริการ</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../dipdesk/ui/records/programs.py" line="+40"/>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <location filename="../dipdesk/ui/records/programs.py" line="-28"/>
        <source>Program</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="-8"/>
        <location filename="../dipdesk/ui/records/programs.py" line="+29"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff</source>
        <translation>เจ้าหน้าที่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done</source>
        <translation>สิ่งที่ดำเนินการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Period starts</source>
        <translation>วันเริ่มงวด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period ends</source>
        <translation>วันสิ้นสุดงวด</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revenue before (baht)</source>
        <translation>รายได้ก่อนเข้าร่วม (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue after (baht)</source>
        <translation>รายได้หลังเข้าร่วม (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs saved (baht)</source>
        <translation>ต้นทุนที่ลดได้ (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment induced (baht)</source>
        <translation>การลงทุนที่เกิดขึ้น (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>การจ้างงานใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New products</source>
        <translation>ผลิตภัณฑ์ใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location line="+238"/>
        <source>Economic value created: %1 baht (revenue gained + costs saved + investment)</source>
        <translation>มูลค่าทางเศรษฐกิจที่เกิดขึ้น: %1 บาท (รายได้ที่เพิ่มขึ้น + ต้นทุนที่ลดได้ + การลงทุน)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The economic value is computed once the figures are numbers.</source>
        <translation>ระบบจะคำนวณมูลค่าทางเศรษฐกิจเมื่อตัวเลขทุกช่องถูกต้อง</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+3"/>
        <source>Gave consent (PDPA) to keep these personal data</source>
        <translation>ให้ความยินยอมเก็บข้อมูลส่วนบุคคล (PDPA) แล้ว</translation>
    </message>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="-52"/>
        <source>Fiscal year (BE)</source>
        <translation>ปีงบประมาณ (พ.ศ.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Program name (Thai)</source>
        <translation>ชื่อโครงการ (ภาษาไทย)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Program name (English)</source>
        <translation>ชื่อโครงการ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Policy track</source>
        <translation>แนวนโยบาย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cohort (no.)</source>
        <translation>รุ่นที่</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activity name (Thai)</source>
        <translation>ชื่อกิจกรรม (ภาษาไทย)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Activity name (English)</source>
        <translation>ชื่อกิจกรรม (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>วันเริ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>วันสิ้นสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue</source>
        <translation>สถานที่</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hours in all</source>
        <translation>จำนวนชั่วโมงทั้งหมด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>ที่นั่ง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hours needed to complete (%)</source>
        <translation>เกณฑ์ผ่าน (ร้อยละของชั่วโมง)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>usually 80</source>
        <translation>ปกติ 80</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Session no.</source>
        <translation>ครั้งที่</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topic</source>
        <translation>หัวข้อ</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="-485"/>
        <source>1. Choose the file</source>
        <translation>1. เลือกไฟล์</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An Excel file (.xlsx) or a CSV file: class lists, Google Forms answers, lists from other offices.</source>
        <translation>ไฟล์ Excel (.xlsx) หรือ CSV เช่น รายชื่อผู้เข้าอบรม คำตอบจาก Google Forms หรือรายชื่อจากหน่วยงานอื่น</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the file lists:</source>
        <translation>ไฟล์นี้เป็นรายชื่อของ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People (with their enterprises)</source>
        <translation>บุคคล (พร้อมสถานประกอบการ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprises</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The file to import</source>
        <translation>ไฟล์ที่จะนำเข้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a file…</source>
        <translation>เลือกไฟล์…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Also enroll everyone in:</source>
        <translation>ลงทะเบียนทุกคนในกิจกรรม:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no activity: only add the people)</source>
        <translation>(ไม่ลงทะเบียน: เพิ่มเฉพาะรายชื่อบุคคล)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Any of these work: Excel .xlsx; CSV saved by Excel in Thai Windows or as UTF-8; Google Forms answers downloaded as CSV. A title above the header row and empty rows are fine. Dates may be Buddhist-era (15/03/2569) or Christian-era, with Thai or Arabic digits. Nothing is saved until the last step.</source>
        <translation>ใช้ได้ทั้งไฟล์ Excel .xlsx, ไฟล์ CSV ที่บันทึกจาก Excel บน Windows ภาษาไทยหรือแบบ UTF-8 และคำตอบจาก Google Forms ที่ดาวน์โหลดเป็น CSV มีชื่อเรื่องอยู่เหนือหัวตารางหรือมีแถวว่างก็ได้ วันที่เป็น พ.ศ. (15/03/2569) หรือ ค.ศ. ก็ได้ ใช้เลขไทยหรือเลขอารบิกก็ได้ ระบบจะยังไม่บันทึกข้อมูลจนถึงขั้นตอนสุดท้าย</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose the file to import</source>
        <translation>เลือกไฟล์ที่จะนำเข้า</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sheets (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>ตาราง (*.xlsx *.csv *.txt);;ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Reading the file…</source>
        <translation>กำลังอ่านไฟล์…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>sheet “%1”</source>
        <translation>แผ่นงาน “%1”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text encoding %1</source>
        <translation>รหัสอักษร %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read %1 rows and %2 columns (%3); the header is on row %4.</source>
        <translation>อ่านได้ %1 แถว %2 คอลัมน์ (%3) หัวตารางอยู่แถวที่ %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This file cannot be read: %1</source>
        <translation>อ่านไฟล์นี้ไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../dipdesk/ui/first_run.py" line="+23"/>
        <source>Setting up dipdesk</source>
        <translation>ตั้งค่าเริ่มต้นโปรแกรม dipdesk</translation>
    </message>
</context>
<context>
    <name>FiscalYearFilter</name>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="+26"/>
        <source>All fiscal years</source>
        <translation>ทุกปีงบประมาณ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fiscal year %1</source>
        <translation>ปีงบประมาณ %1</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/followups_due.py" line="+77"/>
        <source>Follow-ups 3, 6 and 12 months after an activity: call or visit the enterprise, record what changed, and attach the receipts or statements that prove it.</source>
        <translation>ติดตามผล 3, 6 และ 12 เดือนหลังกิจกรรม: โทรหรือเยี่ยมสถานประกอบการ บันทึกสิ่งที่เปลี่ยนไป และแนบใบเสร็จหรือรายการเดินบัญชีเป็นหลักฐาน</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Due within 30 days</source>
        <translation>ถึงกำหนดภายใน 30 วัน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activity code, e.g. A-001</source>
        <translation>รหัสกิจกรรม เช่น A-001</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule follow-ups (3, 6, 12 months)</source>
        <translation>ตั้งกำหนดติดตามผล (3, 6, 12 เดือน)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record the outcome…</source>
        <translation>บันทึกผลลัพธ์…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why it cannot be followed up</source>
        <translation>เหตุผลที่ติดตามผลไม่ได้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skip</source>
        <translation>ข้าม</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+19"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After</source>
        <translation>หลังกิจกรรม</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due on</source>
        <translation>ครบกำหนด</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No follow-up is due within 30 days. Schedule them from an activity's code.</source>
        <translation>ไม่มีการติดตามผลที่ถึงกำหนดภายใน 30 วัน ตั้งกำหนดได้จากรหัสกิจกรรม</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcomes without evidence</source>
        <translation>ผลลัพธ์ที่ยังไม่มีหลักฐาน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receipt</source>
        <translation>ใบเสร็จ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Statement</source>
        <translation>รายการเดินบัญชี</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photo</source>
        <translation>ภาพถ่าย</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation>อื่น ๆ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attach evidence…</source>
        <translation>แนบหลักฐาน…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Period</source>
        <translation>ช่วงเวลา</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Economic value (baht)</source>
        <translation>มูลค่าทางเศรษฐกิจ (บาท)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every outcome with a value has evidence.</source>
        <translation>ผลลัพธ์ที่มีมูลค่าทุกรายการมีหลักฐานแล้ว</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 days overdue</source>
        <translation>เลยกำหนด %1 วัน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due today</source>
        <translation>ครบกำหนดวันนี้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>due in %1 days</source>
        <translation>อีก %1 วัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 months</source>
        <translation>%1 เดือน</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>No activity with the code %1</source>
        <translation>ไม่พบกิจกรรมรหัส %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 follow-ups scheduled.</source>
        <translation>ตั้งกำหนดติดตามผลแล้ว %1 รายการ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Follow-up closed without an outcome.</source>
        <translation>ปิดรายการติดตามผลโดยไม่มีผลลัพธ์แล้ว</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outcome recorded.</source>
        <translation>บันทึกผลลัพธ์แล้ว</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Attach evidence</source>
        <translation>แนบหลักฐาน</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 file(s) attached as evidence.</source>
        <translation>แนบไฟล์หลักฐานแล้ว %1 ไฟล์</translation>
    </message>
</context>
<context>
    <name>GroupsController</name>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="+40"/>
        <source>%1 groups</source>
        <translation>%1 กลุ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group name or code (Ctrl+F)</source>
        <translation>ชื่อกลุ่มหรือรหัส (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No groups or clusters yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New group…&lt;/b&gt; (Ctrl+N) to add one.</source>
        <translation>&lt;b&gt;ยังไม่มีกลุ่มหรือคลัสเตอร์&lt;/b&gt;&lt;br&gt;กด &lt;b&gt;เพิ่มกลุ่ม…&lt;/b&gt; (Ctrl+N) เพื่อเพิ่ม</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No group matches “%1”.&lt;/b&gt;&lt;br&gt;Press Esc to clear the search.</source>
        <translation>&lt;b&gt;ไม่พบกลุ่มที่ตรงกับ “%1”&lt;/b&gt;&lt;br&gt;กด Esc เพื่อล้างคำค้น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New group…</source>
        <translation>เพิ่มกลุ่ม…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New group or cluster</source>
        <translation>กลุ่ม/คลัสเตอร์ใหม่</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 member enterprises</source>
        <translation>กิจการสมาชิก %1 แห่ง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No member enterprises yet. Open an enterprise and choose this group in its form.</source>
        <translation>ยังไม่มีกิจการสมาชิก เปิดข้อมูลกิจการแล้วเลือกกลุ่มนี้ในแบบฟอร์ม</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members</source>
        <translation>สมาชิก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the group first.</source>
        <translation>บันทึกกลุ่มก่อน</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Member enterprises</source>
        <translation>กิจการสมาชิก</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+358"/>
        <source>5. Import</source>
        <translation>5. นำเข้า</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The accepted rows are saved together, or not at all: stopping or a failure leaves nothing half done.</source>
        <translation>แถวที่ผ่านจะถูกบันทึกพร้อมกันทั้งหมด หรือไม่บันทึกเลย หากกดหยุดหรือเกิดข้อผิดพลาด จะไม่มีข้อมูลค้างครึ่งทาง</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location line="-557"/>
        <source>Import from Excel or CSV</source>
        <translation>นำเข้าข้อมูลจาก Excel หรือ CSV</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>to-fix</source>
        <translation>ต้องแก้ไข</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the rows to fix</source>
        <translation>บันทึกแถวที่ต้องแก้ไข</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save: %1</source>
        <translation>บันทึกไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 rows saved to %2. Fix them there, save, and import that file again.</source>
        <translation>บันทึก %1 แถวไว้ที่ %2 แล้ว แก้ไขในไฟล์นั้น บันทึก แล้วนำเข้าไฟล์นั้นอีกครั้ง</translation>
    </message>
</context>
<context>
    <name>InstrumentsPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/quality.py" line="+50"/>
        <source>Calibrated</source>
        <translation>สอบเทียบแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibration due soon</source>
        <translation>ใกล้ครบกำหนดสอบเทียบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calibration overdue: blocked</source>
        <translation>เลยกำหนดสอบเทียบ: ระงับการใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No calibration programme</source>
        <translation>ไม่อยู่ในแผนสอบเทียบ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waiting for a result</source>
        <translation>รอบันทึกผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for verification</source>
        <translation>รอตรวจสอบผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified, report to publish</source>
        <translation>ตรวจสอบแล้ว รอออกรายงาน</translation>
    </message>
    <message>
        <location line="+213"/>
        <source>Instruments</source>
        <translation>เครื่องมือ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>เครื่องมือ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Calibration due</source>
        <translation>ครบกำหนดสอบเทียบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance due</source>
        <translation>ครบกำหนดบำรุงรักษา</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turnaround: open analyses against the catalog's target</source>
        <translation>ระยะเวลาทดสอบ: รายการที่ยังไม่เสร็จเทียบกับระยะเวลาที่กำหนด</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab no.</source>
        <translation>เลขที่ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>จำนวนวัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>เหลือ (วัน)</translation>
    </message>
</context>
<context>
    <name>IssueTab</name>
    <message>
        <location filename="../dipdesk/ui/certificates/issue_tab.py" line="+143"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by code or title…</source>
        <translation>ค้นหาด้วยรหัสหรือชื่อ…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Template</source>
        <translation>แบบ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Thai digits</source>
        <translation>ใช้เลขไทย</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newly issued certificates print ๑๒๓ instead of 123; reprints keep what they had</source>
        <translation>วุฒิบัตรที่ออกใหม่จะพิมพ์เป็น ๑๒๓ แทน 123 ส่วนการพิมพ์ซ้ำจะคงแบบเดิม</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Issue and print</source>
        <translation>ออกและพิมพ์</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue a certificate to everyone due, then print all of the activity's certificates</source>
        <translation>ออกวุฒิบัตรให้ทุกคนที่มีสิทธิ์และยังไม่ได้รับ แล้วพิมพ์วุฒิบัตรทั้งหมดของกิจกรรม</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reprint selected</source>
        <translation>พิมพ์ซ้ำรายการที่เลือก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue anyway…</source>
        <translation>ออกให้เป็นกรณีพิเศษ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issue to someone the rule does not allow: a reason is recorded</source>
        <translation>ออกให้ผู้ที่ไม่ผ่านเกณฑ์ โดยบันทึกเหตุผลไว้</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-issue…</source>
        <translation>ออกใหม่…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue again with today's name and template (a new revision)</source>
        <translation>ออกใหม่ด้วยชื่อและแบบปัจจุบัน (เป็นฉบับใหม่)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revoke…</source>
        <translation>เพิกถอน…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder…</source>
        <translation>เลือกโฟลเดอร์…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the folder the printed PDF files go to</source>
        <translation>เลือกโฟลเดอร์ที่จะเก็บไฟล์ PDF ที่พิมพ์</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>By the activity's service</source>
        <translation>ตามประเภทบริการของกิจกรรม</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No activity has enrolled people yet.</source>
        <translation>ยังไม่มีกิจกรรมที่มีผู้ลงทะเบียน</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 enrolled · %2 eligible by the rule · %3 issued (%4 by override) · %5 due · %6 revoked</source>
        <translation>ลงทะเบียน %1 คน · มีสิทธิ์ตามเกณฑ์ %2 คน · ออกแล้ว %3 ฉบับ (กรณีพิเศษ %4) · รอออก %5 · เพิกถอน %6</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Preview of the first certificates, nothing issued yet.</source>
        <translation>ตัวอย่างวุฒิบัตรฉบับแรก ๆ ยังไม่ได้ออกจริง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nobody in this class is due a certificate.</source>
        <translation>ไม่มีผู้ใดในรุ่นนี้ที่มีสิทธิ์ได้รับวุฒิบัตร</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Cancelled: nothing was issued or printed.</source>
        <translation>ยกเลิกแล้ว ไม่มีการออกหรือพิมพ์วุฒิบัตร</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Printing %1 of %2</source>
        <translation>กำลังพิมพ์ %1 จาก %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>PDF files go to %1</source>
        <translation>ไฟล์ PDF เก็บที่ %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder for printed PDF files</source>
        <translation>โฟลเดอร์เก็บไฟล์ PDF ที่พิมพ์</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The PDF is at %1</source>
        <translation>ไฟล์ PDF อยู่ที่ %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The activity is not over yet</source>
        <translation>กิจกรรมยังไม่สิ้นสุด</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The activity's last day is %1, which has not come yet: certificates issued now would certify training that has not happened. Issue them anyway?</source>
        <translation>วันสุดท้ายของกิจกรรมคือ %1 ซึ่งยังไม่ถึง วุฒิบัตรที่ออกตอนนี้จะรับรองการอบรมที่ยังไม่เกิดขึ้น ต้องการออกวุฒิบัตรต่อไปหรือไม่</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Issuing…</source>
        <translation>กำลังออกวุฒิบัตร…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issued %1, reprinted %2: %3 page(s).</source>
        <translation>ออกใหม่ %1 ฉบับ พิมพ์ซ้ำ %2 ฉบับ รวม %3 หน้า</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reprint(s) keep the digits they were first printed with.</source>
        <translation>ฉบับพิมพ์ซ้ำ %1 ฉบับคงรูปแบบตัวเลขตามที่พิมพ์ครั้งแรก</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Reprinted %1 certificate(s) as first printed.</source>
        <translation>พิมพ์ซ้ำตามฉบับที่พิมพ์ครั้งแรกแล้ว %1 ฉบับ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Printing…</source>
        <translation>กำลังพิมพ์…</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+86"/>
        <source>Issue anyway</source>
        <translation>ออกให้เป็นกรณีพิเศษ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue a certificate to %1 although the rule does not allow it. Why?</source>
        <translation>ออกวุฒิบัตรให้ %1 แม้ไม่ผ่านเกณฑ์ เพราะเหตุใด</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Re-issue</source>
        <translation>ออกใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-issue the certificate of %1 with today's name and template. Why?</source>
        <translation>ออกวุฒิบัตรของ %1 ใหม่ด้วยชื่อและแบบปัจจุบัน เพราะเหตุใด</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Revoke</source>
        <translation>เพิกถอน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoke the certificate of %1? Its QR code will then verify as revoked. Why?</source>
        <translation>เพิกถอนวุฒิบัตรของ %1 หรือไม่ เมื่อเพิกถอนแล้วการตรวจคิวอาร์โค้ดจะแจ้งว่าถูกเพิกถอน เพราะเหตุใด</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Issued %1 certificate(s) by override.</source>
        <translation>ออกวุฒิบัตรเป็นกรณีพิเศษแล้ว %1 ฉบับ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Re-issued: print it to hand out the new copy.</source>
        <translation>ออกใหม่แล้ว พิมพ์เพื่อมอบฉบับใหม่</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Revoked %1 certificate(s).</source>
        <translation>เพิกถอนแล้ว %1 ฉบับ</translation>
    </message>
</context>
<context>
    <name>LabCatalog</name>
    <message>
        <location filename="../dipdesk/ui/lab/catalog.py" line="-384"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ไทย)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>ชื่อ (อังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>วิธีทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Standard</source>
        <translation>มาตรฐานอ้างอิง</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Unit</source>
        <translation>หน่วย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result type</source>
        <translation>ชนิดผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choices</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decimals</source>
        <translation>ทศนิยม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LOD</source>
        <translation>LOD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upper limit</source>
        <translation>ขีดจำกัดบน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncertainty</source>
        <translation>ความไม่แน่นอน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>U in %</source>
        <translation>U เป็น %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accredited</source>
        <translation>ได้รับการรับรอง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fee (baht)</source>
        <translation>ค่าธรรมเนียม (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days</source>
        <translation>วัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Formula</source>
        <translation>สูตรคำนวณ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Readings (key:name:unit; …)</source>
        <translation>ค่าที่วัด (ชื่อย่อ:ชื่อ:หน่วย; …)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>ค่าต่ำสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum</source>
        <translation>ค่าสูงสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn below</source>
        <translation>เตือนเมื่อต่ำกว่า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn above</source>
        <translation>เตือนเมื่อสูงกว่า</translation>
    </message>
</context>
<context>
    <name>LabGrid</name>
    <message>
        <location filename="../dipdesk/ui/lab/grid_model.py" line="+30"/>
        <source>Pass</source>
        <translation>ผ่าน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass – near the limit</source>
        <translation>ผ่าน – ใกล้เกณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fail</source>
        <translation>ไม่ผ่าน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inconclusive</source>
        <translation>สรุปไม่ได้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No specification</source>
        <translation>ไม่มีเกณฑ์</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Lab no.</source>
        <translation>รหัสตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result (as typed)</source>
        <translation>ผล (ตามที่พิมพ์)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shown as</source>
        <translation>แสดงในรายงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specification</source>
        <translation>เกณฑ์กำหนด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verdict</source>
        <translation>ผลการตัดสิน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entered / verified by</source>
        <translation>ผู้บันทึก / ผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location line="+275"/>
        <source>Sample</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
</context>
<context>
    <name>LabLabels</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="-283"/>
        <source>Physical</source>
        <translation>กายภาพ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chemical</source>
        <translation>เคมี</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Microbiological</source>
        <translation>จุลชีววิทยา</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number</source>
        <translation>ตัวเลข</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choice</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <location line="+302"/>
        <source>Customer</source>
        <translation>ผู้ขอรับบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample description</source>
        <translation>รายละเอียดตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>ปริมาณ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition on receipt</source>
        <translation>สภาพตัวอย่างเมื่อรับ</translation>
    </message>
</context>
<context>
    <name>LabPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/lab.py" line="+44"/>
        <location line="+164"/>
        <source>In the lab</source>
        <translation>อยู่ในห้องปฏิบัติการ</translation>
    </message>
    <message>
        <location line="-163"/>
        <location line="+164"/>
        <source>To receive</source>
        <translation>รอรับตัวอย่าง</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Received, not started</source>
        <translation>รับแล้ว ยังไม่เริ่มทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Testing</source>
        <translation>กำลังทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+162"/>
        <source>Results to verify</source>
        <translation>ผลรอตรวจสอบ</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Verified, report to publish</source>
        <translation>ตรวจสอบแล้ว รอออกรายงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported</source>
        <translation>ออกรายงานแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All samples</source>
        <translation>ตัวอย่างทั้งหมด</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Receive samples, enter results, have them verified by a second person, and publish, print and amend test reports.</source>
        <translation>รับตัวอย่าง บันทึกผลการทดสอบ ให้ผู้ตรวจสอบอีกคนหนึ่งตรวจสอบผล แล้วออก พิมพ์ และแก้ไขรายงานผลการทดสอบ</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Search lab no., request no., customer or sample</source>
        <translation>ค้นหารหัสตัวอย่าง เลขที่คำขอ ผู้ขอรับบริการ หรือตัวอย่าง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive a new sample…</source>
        <translation>รับตัวอย่างใหม่…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Worklist</source>
        <translation>รายการตัวอย่าง</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Results by test</source>
        <translation>บันทึกผลรายการทดสอบ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalog</source>
        <translation>รายการทดสอบ/เกณฑ์</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quality control</source>
        <translation>ควบคุมคุณภาพ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Instruments and turnaround</source>
        <translation>เครื่องมือและระยะเวลา</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivery and disposal</source>
        <translation>ส่งรายงาน/ทำลายตัวอย่าง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Samples</source>
        <comment>short tab label</comment>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <comment>short tab label</comment>
        <translation>บันทึกผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalog</source>
        <comment>short tab label</comment>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QC</source>
        <comment>short tab label</comment>
        <translation>ควบคุมคุณภาพ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Instruments</source>
        <comment>short tab label</comment>
        <translation>เครื่องมือ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivery</source>
        <comment>short tab label</comment>
        <translation>ส่งรายงาน</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Reports to publish</source>
        <translation>รอออกรายงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Overdue</source>
        <translation>เกินกำหนด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reports published</source>
        <translation>รายงานผลที่ออกแล้ว</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Sample %1 registered. Print its receipt and label with “Sample receipt”.</source>
        <translation>ลงทะเบียนตัวอย่าง %1 แล้ว พิมพ์ใบรับตัวอย่างและป้ายได้ที่ปุ่ม “ใบรับตัวอย่าง”</translation>
    </message>
</context>
<context>
    <name>LabWorklist</name>
    <message>
        <location filename="../dipdesk/ui/lab/worklist.py" line="+62"/>
        <source>Lab no.</source>
        <translation>รหัสตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Customer</source>
        <translation>ผู้ขอรับบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Due</source>
        <translation>กำหนดเสร็จ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>ตรวจสอบแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+43"/>
        <source> (%1 to verify)</source>
        <translation> (รอตรวจสอบ %1)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Overdue</source>
        <translation>เกินกำหนด</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../dipdesk/ui/labels.py" line="+11"/>
        <source>Administrator</source>
        <translation>ผู้ดูแลระบบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program staff</source>
        <translation>เจ้าหน้าที่โครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab technician</source>
        <translation>เจ้าหน้าที่ห้องปฏิบัติการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab verifier</source>
        <translation>ผู้ตรวจสอบผลทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab head</source>
        <translation>หัวหน้าห้องปฏิบัติการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viewer</source>
        <translation>ผู้ดูข้อมูล</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Headquarters</source>
        <translation>ส่วนกลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headquarters division</source>
        <translation>หน่วยงานส่วนกลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regional center</source>
        <translation>ศูนย์ภาค</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Applied</source>
        <translation>สมัครแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolled</source>
        <translation>ลงทะเบียนแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Completed</source>
        <translation>สำเร็จ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropped</source>
        <translation>ออกกลางคัน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued</source>
        <translation>ออกแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revoked</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>ดำเนินการอยู่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Graduated</source>
        <translation>จบรุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>สิ้นสุด</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registered</source>
        <translation>ลงทะเบียนแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Received</source>
        <translation>รับตัวอย่างแล้ว</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Testing</source>
        <translation>กำลังทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To be verified</source>
        <translation>รอตรวจสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verified</source>
        <translation>ตรวจสอบแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published</source>
        <translation>ออกรายงานแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retracted</source>
        <translation>เพิกถอน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>ตีกลับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>ฉบับร่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>ยื่นแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>กำลังดำเนินการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced</source>
        <translation>มีฉบับแก้ไขแทน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Juristic person</source>
        <translation>นิติบุคคล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community enterprise</source>
        <translation>วิสาหกิจชุมชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Individual business</source>
        <translation>บุคคลธรรมดา</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Micro</source>
        <translation>รายย่อย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Small</source>
        <translation>ขนาดย่อม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medium</source>
        <translation>ขนาดกลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large</source>
        <translation>ขนาดใหญ่</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Consulting</source>
        <translation>การให้คำปรึกษาแนะนำ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>การฝึกอบรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incubation</source>
        <translation>การบ่มเพาะธุรกิจ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Business matching</source>
        <translation>การเชื่อมโยงธุรกิจ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production development</source>
        <translation>การพัฒนาระบบการผลิต</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product and packaging design</source>
        <translation>การพัฒนารูปแบบผลิตภัณฑ์และบรรจุภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exhibition</source>
        <translation>การจัดแสดงนิทรรศการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+25"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Program</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohort</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts</source>
        <translation>วันเริ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ends</source>
        <translation>วันสิ้นสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seats</source>
        <translation>ที่นั่ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Title</source>
        <translation>คำนำหน้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name</source>
        <translation>นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>อีเมล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration ID</source>
        <translation>เลขทะเบียนนิติบุคคล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TSIC</source>
        <translation>รหัส TSIC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentor</source>
        <translation>พี่เลี้ยง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentee</source>
        <translation>น้อง (กิจการ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>วันเริ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Serial no.</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued on</source>
        <translation>วันที่ออก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab no.</source>
        <translation>เลขที่ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request no.</source>
        <translation>เลขที่คำขอ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>ตัวอย่าง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>กำหนดเสร็จ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fiscal year</source>
        <translation>ปีงบประมาณ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>ประเภทบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Budget (baht)</source>
        <translation>งบประมาณ (บาท)</translation>
    </message>
</context>
<context>
    <name>LeveyJenningsChart</name>
    <message>
        <location filename="../dipdesk/ui/lab/qc_chart.py" line="+78"/>
        <source>No control results yet</source>
        <translation>ยังไม่มีผลวัสดุควบคุม</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Rejected (Westgard rule)</source>
        <translation>ไม่ผ่าน (กฎเวสต์การ์ด)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning (1-2s)</source>
        <translation>เตือน (1-2s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In control</source>
        <translation>อยู่ในเกณฑ์ควบคุม</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../dipdesk/ui/login.py" line="+136"/>
        <source>Log in to dipdesk</source>
        <translation>เข้าสู่ระบบ dipdesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Department of Industrial Promotion, Ministry of Industry</source>
        <translation>กรมส่งเสริมอุตสาหกรรม กระทรวงอุตสาหกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>รหัสผ่าน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit</source>
        <translation>ออก</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Waiting for the update…</source>
        <translation>รอปรับปรุงฐานข้อมูล…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checking…</source>
        <translation>กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Log in</source>
        <translation>เข้าสู่ระบบ</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Please enter your username and password.</source>
        <translation>กรุณากรอกชื่อผู้ใช้และรหัสผ่าน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The username or password is not correct.</source>
        <translation>ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง</translation>
    </message>
    <message>
        <location line="+216"/>
        <source>Could not check the password: %1</source>
        <translation>ตรวจสอบรหัสผ่านไม่สำเร็จ: %1</translation>
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
        <translation>กรมส่งเสริมอุตสาหกรรม</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;File</source>
        <translation>ไฟล์(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change my &amp;password…</source>
        <translation>เปลี่ยนรหัสผ่านของฉัน…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>ออกจากโปรแกรม(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>มุมมอง(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refresh figures</source>
        <translation>โหลดข้อมูลใหม่(&amp;R)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Theme</source>
        <translation>ธีม(&amp;T)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Light</source>
        <translation>สว่าง(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Dark</source>
        <translation>มืด(&amp;D)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About dipdesk</source>
        <translation>เกี่ยวกับ dipdesk(&amp;A)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Site: %1</source>
        <translation>หน่วยงาน: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not chosen</source>
        <translation>ยังไม่ได้เลือก</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User: %1 (%2)</source>
        <translation>ผู้ใช้: %1 (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database: %1</source>
        <translation>ฐานข้อมูล: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync: checking…</source>
        <translation>การซิงค์: กำลังตรวจสอบ…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Backed up automatically: %1</source>
        <translation>สำรองข้อมูลอัตโนมัติแล้ว: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The automatic backup failed: %1</source>
        <translation>สำรองข้อมูลอัตโนมัติไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Back up now</source>
        <translation>สำรองข้อมูลเดี๋ยวนี้</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Backup and &amp;restore…</source>
        <translation>สำรองและกู้คืนข้อมูล…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Restore a backup</source>
        <translation>กู้คืนข้อมูลจากสำเนา</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dipdesk closes now; start it again.</source>
        <translation>dipdesk จะปิดตอนนี้ กรุณาเปิดโปรแกรมอีกครั้ง</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+29"/>
        <source>Synchronising…</source>
        <translation>กำลังซิงค์ข้อมูล…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Not enrolled: %1 record(s) will be sent at the first sync</source>
        <translation>ยังไม่ได้ลงทะเบียน: จะส่งข้อมูล %1 รายการในการซิงค์ครั้งแรก</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Synced %1</source>
        <translation>ซิงค์ล่าสุด %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never synchronised</source>
        <translation>ยังไม่เคยซิงค์</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 to send</source>
        <translation>รอส่ง %1 รายการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all sent</source>
        <translation>ส่งครบแล้ว</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 conflict(s)</source>
        <translation>ข้อมูลขัดแย้ง %1 รายการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refused</source>
        <translation>ถูกปฏิเสธ %1 รายการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last attempt failed</source>
        <translation>ครั้งล่าสุดไม่สำเร็จ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The last attempt failed: %1</source>
        <translation>การซิงค์ครั้งล่าสุดไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the sync page</source>
        <translation>เปิดหน้าซิงค์ข้อมูล</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>Closing: finishing the current sync step…</source>
        <translation>กำลังปิดโปรแกรม: รอให้ซิงค์ช่วงนี้เสร็จก่อน…</translation>
    </message>
    <message>
        <location line="-195"/>
        <source>Not synchronised yet: all data is on this computer only</source>
        <translation>ยังไม่เคยซิงค์ข้อมูล: ข้อมูลทั้งหมดอยู่ในเครื่องนี้เท่านั้น</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Sync status unknown</source>
        <translation>ไม่ทราบสถานะการซิงค์</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Records, certificates, lab forms and offline sync for the Department of Industrial Promotion.</source>
        <translation>ระบบบันทึกข้อมูล ออกวุฒิบัตร แบบฟอร์มห้องปฏิบัติการ และซิงค์ข้อมูลแบบออฟไลน์ ของกรมส่งเสริมอุตสาหกรรม</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fonts Loma and Laksaman are from the Thai Linux Working Group (TLWG); their font exception lets documents made with them be shared under any terms.</source>
        <translation>ฟอนต์โลมา (Loma) และลักษมณ์ (Laksaman) เป็นผลงานของกลุ่มพัฒนาภาษาไทยบนลินุกซ์ (TLWG) ข้อยกเว้นด้านฟอนต์ในสัญญาอนุญาตทำให้เอกสารที่สร้างด้วยฟอนต์นี้เผยแพร่ภายใต้เงื่อนไขใดก็ได้</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Site</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database file</source>
        <translation>ไฟล์ฐานข้อมูล</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licences</source>
        <translation>สัญญาอนุญาต</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>About dipdesk</source>
        <translation>เกี่ยวกับ dipdesk</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+164"/>
        <source>2. Which column is which</source>
        <translation>2. จับคู่คอลัมน์</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Guessed from the headers. Change any choice; columns marked “not imported” are left out.</source>
        <translation>ระบบเดาจากหัวตารางให้แล้ว แก้ไขได้ทุกช่อง คอลัมน์ที่เลือก “ไม่นำเข้า” จะถูกข้ามไป</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Column in the file</source>
        <translation>คอลัมน์ในไฟล์</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examples</source>
        <translation>ตัวอย่างข้อมูล</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Import as</source>
        <translation>นำเข้าเป็น</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Remember these choices for files with the same headers</source>
        <translation>จำการเลือกนี้ไว้ใช้กับไฟล์ที่มีหัวตารางเหมือนกัน</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>— not imported —</source>
        <translation>— ไม่นำเข้า —</translation>
    </message>
</context>
<context>
    <name>MarkDelegate</name>
    <message>
        <location filename="../dipdesk/ui/attendance/grid.py" line="+54"/>
        <source>absent</source>
        <translation>ขาด</translation>
    </message>
</context>
<context>
    <name>MatchPanel</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentor_match.py" line="+38"/>
        <source>Choose the mentee to see the mentors the Big Brother rule proposes.</source>
        <translation>เลือกน้องก่อน แล้วจะเห็นพี่เลี้ยงที่แนะนำตามหลักพี่ช่วยน้อง</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use this mentor</source>
        <translation>ใช้พี่เลี้ยงนี้</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Proposed mentors (graduates of cohort %1), best first:</source>
        <translation>พี่เลี้ยงที่แนะนำ (ผู้จบจากรุ่นที่ %1) เรียงจากเหมาะที่สุด:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No graduate of cohort %1 is free to mentor: another mentor needs a reason.</source>
        <translation>ไม่มีผู้จบรุ่นที่ %1 ที่ว่างเป็นพี่เลี้ยง หากใช้พี่เลี้ยงอื่นต้องระบุเหตุผล</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+707"/>
        <source>Record a mentoring meeting</source>
        <translation>บันทึกการให้คำปรึกษา</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Date *</source>
        <translation>วันที่ *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic *</source>
        <translation>หัวข้อ *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting notes</source>
        <translation>บันทึกการพบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up actions</source>
        <translation>การติดตามผล</translation>
    </message>
</context>
<context>
    <name>MentoringPage</name>
    <message>
        <location line="-524"/>
        <source>Big Brother mentoring: experienced entrepreneurs or established companies mentor the enterprises of the next cohort; a mentee that graduates can mentor the cohort after it.</source>
        <translation>โครงการพี่ช่วยน้อง: ผู้ประกอบการที่มีประสบการณ์หรือบริษัทเอกชนที่มั่นคงเป็นพี่เลี้ยงให้กิจการในรุ่นถัดไป และน้องที่จบรุ่นแล้วเป็นพี่เลี้ยงให้รุ่นต่อไปได้</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+323"/>
        <location line="+1"/>
        <source>Mentoring pairs</source>
        <translation>คู่พี่เลี้ยง</translation>
    </message>
    <message>
        <location line="-323"/>
        <source>Active pairs</source>
        <translation>คู่ที่ยังดำเนินการอยู่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cohorts</source>
        <translation>จำนวนรุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring sessions</source>
        <translation>ครั้งที่ให้คำปรึกษา</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cohort</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New pair…</source>
        <translation>จับคู่ใหม่…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record a meeting…</source>
        <translation>บันทึกการให้คำปรึกษา…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark graduated</source>
        <translation>บันทึกว่าจบรุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No mentoring pairs yet. Press &lt;b&gt;New pair…&lt;/b&gt; to pair a mentor (a company or a person) with a mentee enterprise of a cohort; then record their meetings with &lt;b&gt;Record a meeting…&lt;/b&gt;.</source>
        <translation>ยังไม่มีคู่พี่เลี้ยง กด &lt;b&gt;จับคู่ใหม่…&lt;/b&gt; เพื่อจับคู่พี่เลี้ยง (บริษัทหรือบุคคล) กับกิจการน้องในรุ่น แล้วบันทึกการพบกันด้วย &lt;b&gt;บันทึกการให้คำปรึกษา…&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+183"/>
        <source>Select a pair to see its meetings.</source>
        <translation>เลือกคู่พี่เลี้ยงเพื่อดูการให้คำปรึกษา</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>Pairs by cohort</source>
        <translation>คู่พี่เลี้ยงตามรุ่น</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Who mentored whom, cohort after cohort: outside mentors at the top, their mentees below, and below each mentee the enterprises it went on to mentor. Highlighted: mentees who became mentors.</source>
        <translation>ใครเป็นพี่เลี้ยงให้ใคร รุ่นต่อรุ่น: พี่เลี้ยงจากภายนอกอยู่บนสุด น้องอยู่ถัดลงมา และใต้น้องแต่ละรายคือกิจการที่น้องรายนั้นได้เป็นพี่เลี้ยงให้ต่อ ตัวเน้นสี: น้องที่ได้เป็นพี่เลี้ยงรุ่นถัดไป</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mentor → mentee</source>
        <translation>พี่เลี้ยง → น้อง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mentee in cohort</source>
        <translation>เป็นน้องรุ่นที่</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mentored</source>
        <translation>เป็นพี่เลี้ยงให้ (ราย)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Economic value of the line (baht)</source>
        <translation>มูลค่าทางเศรษฐกิจของสาย (บาท)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lineage between cohorts</source>
        <translation>สายพี่น้องข้ามรุ่น</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>All cohorts</source>
        <translation>ทุกรุ่น</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohort %1</source>
        <translation>รุ่นที่ %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cohort %1: %2 pairs, %3 graduated, %4 went on to mentor</source>
        <translation>รุ่นที่ %1: %2 คู่ จบรุ่น %3 ราย เป็นพี่เลี้ยงต่อ %4 ราย</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>economic value created by the mentees: %1 baht</source>
        <translation>มูลค่าทางเศรษฐกิจที่น้องสร้างได้ %1 บาท</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>outside mentor</source>
        <translation>พี่เลี้ยงจากภายนอก</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Meetings of %1 with %2</source>
        <translation>การให้คำปรึกษาของ %1 โดย %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>no meetings recorded yet: press Record a meeting…</source>
        <translation>ยังไม่มีบันทึก กด บันทึกการให้คำปรึกษา…</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Export the pairs</source>
        <translation>ส่งออกคู่พี่เลี้ยง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>mentoring.xlsx</source>
        <translation>คู่พี่เลี้ยง.xlsx</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Started</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exported %1 pairs to %2</source>
        <translation>ส่งออก %1 คู่ไปที่ %2 แล้ว</translation>
    </message>
</context>
<context>
    <name>NationalPanel</name>
    <message>
        <location filename="../dipdesk/ui/pages/national_panel.py" line="+100"/>
        <source>Indicator</source>
        <translation>ตัวชี้วัด</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reached</source>
        <translation>ผลงาน</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Progress</source>
        <translation>ความก้าวหน้า</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sites, ranked</source>
        <translation>หน่วยงาน เรียงตามผลงาน</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+126"/>
        <source>Rank</source>
        <translation>อันดับ</translation>
    </message>
    <message>
        <location line="-125"/>
        <location line="+125"/>
        <source>Site</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location line="-123"/>
        <source>% of target (people)</source>
        <translation>% ของเป้าหมาย (คน)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>By site</source>
        <translation>รายหน่วยงาน</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Counted by the server over every site's records: a person trained at two centers counts once for the department and once at each center (one national ID, one person), so the sites need not add up to the total. No personal data comes with these figures.</source>
        <translation>นับโดยเซิร์ฟเวอร์จากข้อมูลของทุกหน่วยงาน: ผู้ที่อบรมกับสองศูนย์นับหนึ่งครั้งสำหรับทั้งกรม และหนึ่งครั้งในแต่ละศูนย์ (เลขประจำตัวประชาชนเดียวกัน คือคนเดียวกัน) ผลรวมของหน่วยงานจึงไม่จำเป็นต้องเท่ากับยอดรวม ตัวเลขเหล่านี้ไม่มีข้อมูลส่วนบุคคล</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No whole-department figures for fiscal year %1 on this computer yet: they arrive with the next sync with the server.</source>
        <translation>เครื่องนี้ยังไม่มีตัวเลขทั้งกรมของปีงบประมาณ %1: ตัวเลขจะมาพร้อมการซิงค์กับเซิร์ฟเวอร์ครั้งถัดไป</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no figures</source>
        <translation>ยังไม่มีตัวเลข</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whole department, as computed by the server at %1 (received with the sync of %2).</source>
        <translation>ทั้งกรม คำนวณโดยเซิร์ฟเวอร์เมื่อ %1 (ได้รับพร้อมการซิงค์เมื่อ %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>not set</source>
        <translation>ยังไม่กำหนด</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no target</source>
        <translation>ไม่มีเป้าหมาย</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 reached</source>
        <translation>%1 ผลงาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 target</source>
        <translation>%1 เป้าหมาย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 % of target</source>
        <translation>%1 ร้อยละของเป้าหมาย</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole department</source>
        <translation>ทั้งกรม</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Whole department, fiscal year %1, computed at %2</source>
        <translation>ทั้งกรม ปีงบประมาณ %1 คำนวณเมื่อ %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Department %1</source>
        <translation>ทั้งกรม %1</translation>
    </message>
</context>
<context>
    <name>PairDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+63"/>
        <source>New mentoring pair</source>
        <translation>จับคู่พี่เลี้ยงใหม่</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cohort</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A company or enterprise</source>
        <translation>บริษัทหรือสถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person</source>
        <translation>บุคคล</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The mentor is</source>
        <translation>พี่เลี้ยงเป็น</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mentor</source>
        <translation>พี่เลี้ยง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mentee enterprise</source>
        <translation>กิจการน้อง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proposed</source>
        <translation>พี่เลี้ยงที่แนะนำ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started on</source>
        <translation>วันที่เริ่ม</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only to pair a mentor the Big Brother rule does not allow</source>
        <translation>กรอกเฉพาะเมื่อจับคู่พี่เลี้ยงที่ไม่เป็นไปตามหลักพี่ช่วยน้อง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to override</source>
        <translation>เหตุผลที่ยกเว้น</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a mentor and a mentee (type part of a name, then pick from the list).</source>
        <translation>เลือกพี่เลี้ยงและน้อง (พิมพ์บางส่วนของชื่อ แล้วเลือกจากรายการ)</translation>
    </message>
</context>
<context>
    <name>PairsModel</name>
    <message>
        <location line="-575"/>
        <source>Cohort</source>
        <translation>รุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentor</source>
        <translation>พี่เลี้ยง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Was mentee in cohort</source>
        <translation>เคยเป็นน้องรุ่น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentee</source>
        <translation>น้อง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meetings</source>
        <translation>ครั้ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last met</source>
        <translation>พบล่าสุด</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../dipdesk/ui/certificates/preview.py" line="+62"/>
        <location line="+138"/>
        <source>Nothing to show yet.</source>
        <translation>ยังไม่มีเอกสารที่จะแสดง</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Print…</source>
        <translation>พิมพ์…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as PDF…</source>
        <translation>บันทึกเป็น PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in PDF viewer</source>
        <translation>เปิดด้วยโปรแกรมอ่าน PDF</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Rendering the pages…</source>
        <translation>กำลังเตรียมภาพหน้าเอกสาร…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 page(s)</source>
        <translation>%1 หน้า</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the first %1 are shown; open the PDF for all of them</source>
        <translation>แสดง %1 หน้าแรก เปิดไฟล์ PDF เพื่อดูทั้งหมด</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The pages could not be shown: %1</source>
        <translation>แสดงหน้าเอกสารไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>ส่งไปยังเครื่องพิมพ์แล้ว %1 หน้า</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Printing page %1 of %2…</source>
        <translation>กำลังพิมพ์หน้า %1 จาก %2…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printed %1 page(s) to the PDF file %2</source>
        <translation>พิมพ์ %1 หน้าลงไฟล์ PDF แล้ว: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save as PDF</source>
        <translation>บันทึกเป็น PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1</source>
        <translation>บันทึกแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>PeopleController</name>
    <message>
        <location filename="../dipdesk/ui/records/people.py" line="+32"/>
        <source>All provinces</source>
        <translation>ทุกจังหวัด</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 people</source>
        <translation>%1 คน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name, phone, e-mail or 13-digit ID (Ctrl+F)</source>
        <translation>ชื่อ เบอร์โทร อีเมล หรือเลขบัตร 13 หลัก (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No people are recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New person…&lt;/b&gt; (Ctrl+N) to add the first one, or import a class list from Excel.</source>
        <translation>&lt;b&gt;ยังไม่มีข้อมูลผู้ประกอบการ&lt;/b&gt;&lt;br&gt;กด &lt;b&gt;เพิ่มผู้ประกอบการ…&lt;/b&gt; (Ctrl+N) เพื่อเพิ่มคนแรก หรือนำเข้ารายชื่อจากไฟล์ Excel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Nobody matches “%1”.&lt;/b&gt;&lt;br&gt;Check the spelling or type a shorter part of the name (three letters are enough), choose another province, or press Esc to clear the search.</source>
        <translation>&lt;b&gt;ไม่พบผู้ที่ตรงกับ “%1”&lt;/b&gt;&lt;br&gt;ตรวจตัวสะกด หรือพิมพ์ชื่อให้สั้นลง (3 ตัวอักษรก็พอ) เลือกจังหวัดอื่น หรือกด Esc เพื่อล้างคำค้น</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New person…</source>
        <translation>เพิ่มผู้ประกอบการ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>People</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New person</source>
        <translation>ผู้ประกอบการใหม่</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Person</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../dipdesk/ui/attendance/enroll_dialog.py" line="-463"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>National ID</source>
        <translation>เลขประจำตัวประชาชน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In this activity</source>
        <translation>ในกิจกรรมนี้</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>enrolled</source>
        <translation>ลงทะเบียนแล้ว</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <location filename="../dipdesk/ui/pages/people.py" line="+15"/>
        <source>Entrepreneurs and participants. National ID numbers are personal data (PDPA): kept only with consent and shown masked in lists.</source>
        <translation>ผู้ประกอบการและผู้เข้าร่วมกิจกรรม เลขประจำตัวประชาชนเป็นข้อมูลส่วนบุคคล (PDPA) เก็บเมื่อได้รับความยินยอม และแสดงแบบปิดบางหลักในรายการ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>People</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
</context>
<context>
    <name>PickerInput</name>
    <message>
        <location filename="../dipdesk/ui/records/picker.py" line="+46"/>
        <source>Type part of the name or code, then choose</source>
        <translation>พิมพ์ชื่อบางส่วนหรือรหัส แล้วเลือก</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/preview.py" line="+67"/>
        <location line="+50"/>
        <source>%1 page(s)</source>
        <translation>%1 หน้า</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Rendering the pages…</source>
        <translation>กำลังเตรียมภาพหน้าเอกสาร…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This computer cannot show PDF pages here: open the PDF in its viewer.</source>
        <translation>เครื่องนี้แสดงหน้าเอกสาร PDF ในโปรแกรมไม่ได้ โปรดเปิดด้วยโปรแกรมอ่าน PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print…</source>
        <translation>พิมพ์…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as PDF…</source>
        <translation>บันทึกเป็น PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open in PDF viewer</source>
        <translation>เปิดด้วยโปรแกรมอ่าน PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The pages could not be shown: %1</source>
        <translation>แสดงหน้าเอกสารไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Preparing the pages for the printer…</source>
        <translation>กำลังเตรียมหน้าเอกสารสำหรับเครื่องพิมพ์…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Printing page %1 of %2…</source>
        <translation>กำลังพิมพ์หน้า %1 จาก %2…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Printed %1 page(s) to the PDF file %2</source>
        <translation>พิมพ์ %1 หน้าลงไฟล์ PDF แล้ว: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent %1 page(s) to the printer.</source>
        <translation>ส่งไปยังเครื่องพิมพ์แล้ว %1 หน้า</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as PDF</source>
        <translation>บันทึกเป็น PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF documents (*.pdf)</source>
        <translation>เอกสาร PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved %1</source>
        <translation>บันทึกแล้ว: %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+37"/>
        <source>3. Preview</source>
        <translation>3. ตรวจดูข้อมูล</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The rows as they were read. Rows in red will not be imported; the reason is given.</source>
        <translation>ข้อมูลตามที่อ่านได้ แถวสีแดงจะไม่ถูกนำเข้า พร้อมบอกเหตุผล</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Next, a dry run checks the rows against the database (people already there, duplicates) without saving.</source>
        <translation>ขั้นต่อไปจะทดลองนำเข้า เพื่อตรวจกับฐานข้อมูล (คนที่มีอยู่แล้ว ข้อมูลซ้ำ) โดยยังไม่บันทึก</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the rows…</source>
        <translation>กำลังตรวจข้อมูล…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check result</source>
        <translation>ผลตรวจ</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 rows read: %2 look right, %3 will not be imported.</source>
        <translation>อ่านได้ %1 แถว: ถูกต้อง %2 แถว ไม่นำเข้า %3 แถว</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The first %1 are shown.</source>
        <translation>แสดง %1 แถวแรก</translation>
    </message>
</context>
<context>
    <name>ProgramsController</name>
    <message>
        <location filename="../dipdesk/ui/records/programs.py" line="+34"/>
        <source>%1 programs</source>
        <translation>%1 โครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program name or code (Ctrl+F)</source>
        <translation>ชื่อโครงการหรือรหัส (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No programs yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New program…&lt;/b&gt; (Ctrl+N) to add this year's first program; its activities (courses, cohorts) are added from the program.</source>
        <translation>&lt;b&gt;ยังไม่มีโครงการ&lt;/b&gt;&lt;br&gt;กด &lt;b&gt;เพิ่มโครงการ…&lt;/b&gt; (Ctrl+N) เพื่อเพิ่มโครงการแรกของปี แล้วเพิ่มกิจกรรม (หลักสูตร รุ่น) จากหน้าโครงการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;No program matches “%1”.&lt;/b&gt;&lt;br&gt;Choose another fiscal year or press Esc to clear the search.</source>
        <translation>&lt;b&gt;ไม่พบโครงการที่ตรงกับ “%1”&lt;/b&gt;&lt;br&gt;ลองเลือกปีงบประมาณอื่น หรือกด Esc เพื่อล้างคำค้น</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New program…</source>
        <translation>เพิ่มโครงการ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Programs</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New program</source>
        <translation>โครงการใหม่</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 activities</source>
        <translation>%1 กิจกรรม</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No activities in this program yet. Click &lt;b&gt;New activity…&lt;/b&gt; to add a course.</source>
        <translation>โครงการนี้ยังไม่มีกิจกรรม กด &lt;b&gt;เพิ่มกิจกรรม…&lt;/b&gt; เพื่อเพิ่มหลักสูตร</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New activity…</source>
        <translation>เพิ่มกิจกรรม…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Save the program first; then its activities can be added here.</source>
        <translation>บันทึกโครงการก่อน แล้วจึงเพิ่มกิจกรรมได้ที่นี่</translation>
    </message>
</context>
<context>
    <name>ProgramsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/programs.py" line="+17"/>
        <source>Programs of each fiscal year and their activities: courses and cohorts with their training days, who enrolled and who attended.</source>
        <translation>โครงการของแต่ละปีงบประมาณและกิจกรรม ได้แก่ หลักสูตรและรุ่น พร้อมวันอบรม ผู้ลงทะเบียน และผู้เข้าร่วม</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Programs</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Activities</source>
        <translation>กิจกรรม</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../dipdesk/ui/qt_strings.py" line="+99"/>
        <source>Folder</source>
        <translation>โฟลเดอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>ไฟล์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>ไดรฟ์</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-64"/>
        <source>Look in:</source>
        <translation>ค้นหาใน:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>ชื่อไฟล์:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of type:</source>
        <translation>ชนิดไฟล์:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Choose</source>
        <translation>เลือก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>ย้อนกลับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>ไปข้างหน้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>โฟลเดอร์ระดับบน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>สร้างโฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>แสดงเป็นรายการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>แสดงรายละเอียด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Folder</source>
        <translation>โฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>โฟลเดอร์ใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>เปลี่ยนชื่อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>แสดงไฟล์ที่ซ่อน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory:</source>
        <translation>โฟลเดอร์:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save As</source>
        <translation>บันทึกเป็น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Directory</source>
        <translation>เลือกโฟลเดอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>ทุกไฟล์ (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Places</source>
        <translation>ที่ที่ใช้ล่าสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>คอมพิวเตอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>คอมพิวเตอร์ของฉัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>มีไฟล์ %1 อยู่แล้ว
ต้องการเขียนทับหรือไม่</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Look in:</source>
        <translation>ค้นหาใน:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>ชนิดไฟล์:</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="-35"/>
        <source>Name</source>
        <translation>ชื่อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>ประเภท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>วันที่แก้ไข</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Computer</source>
        <translation>คอมพิวเตอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>My Computer</source>
        <translation>คอมพิวเตอร์ของฉัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>ประเภท</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="-74"/>
        <source>&amp;Undo</source>
        <translation>เลิกทำ(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>ทำซ้ำ(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>ตัด(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>คัดลอก(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>วาง(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>เลือกทั้งหมด</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-21"/>
        <source>OK</source>
        <translation>ตกลง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>ปิด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>บันทึก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>นำไปใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>ใช่(&amp;Y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>ไม่ใช่(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>ลองอีกครั้ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>ช่วยเหลือ</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Open</source>
        <translation>เปิด</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <location line="-29"/>
        <source>Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Print</source>
        <translation>พิมพ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Options &gt;&gt;</source>
        <translation>ตัวเลือก &gt;&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Options &lt;&lt;</source>
        <translation>ตัวเลือก &lt;&lt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print to File (PDF)</source>
        <translation>พิมพ์ลงไฟล์ (PDF)</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location line="+7"/>
        <source>Copies</source>
        <translation>จำนวนชุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies:</source>
        <translation>จำนวนชุด:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print range</source>
        <translation>ช่วงที่พิมพ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print all</source>
        <translation>พิมพ์ทั้งหมด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pages from</source>
        <translation>หน้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>to</source>
        <translation>ถึง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current Page</source>
        <translation>หน้าปัจจุบัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selection</source>
        <translation>ส่วนที่เลือก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collate</source>
        <translation>เรียงชุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reverse</source>
        <translation>กลับลำดับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Options</source>
        <translation>ตัวเลือก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color Mode</source>
        <translation>โหมดสี</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Color</source>
        <translation>สี</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grayscale</source>
        <translation>ขาวดำ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duplex Printing</source>
        <translation>พิมพ์สองหน้า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>ไม่ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long side</source>
        <translation>ด้านยาว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short side</source>
        <translation>ด้านสั้น</translation>
    </message>
</context>
<context>
    <name>QPrintWidget</name>
    <message>
        <location line="-23"/>
        <source>Printer</source>
        <translation>เครื่องพิมพ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>ชื่อ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;roperties</source>
        <translation>คุณสมบัติ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Location:</source>
        <translation>ตำแหน่ง:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type:</source>
        <translation>ชนิด:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output &amp;file:</source>
        <translation>ไฟล์ผลลัพธ์:</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="-53"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; ย้อนกลับ(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>ถัดไป(&amp;N) &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>ถัดไป(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>เสร็จสิ้น(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>ช่วยเหลือ(&amp;H)</translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/quality.py" line="-238"/>
        <source>No QC yet</source>
        <translation>ยังไม่มีผลควบคุมคุณภาพ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QC passed</source>
        <translation>ผ่านการควบคุมคุณภาพ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On hold: QC failed</source>
        <translation>ระงับ: ผลควบคุมคุณภาพไม่ผ่าน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Released by the lab head</source>
        <translation>หัวหน้าห้องปฏิบัติการปล่อยผลแล้ว</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected, to be retested</source>
        <translation>ปฏิเสธผล รอทดสอบใหม่</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Control material</source>
        <translation>วัสดุควบคุม</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Worksheets</source>
        <translation>ใบงาน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worksheet</source>
        <translation>ใบงาน</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>เครื่องมือ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Analyses</source>
        <translation>จำนวนรายการ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QC</source>
        <translation>ผลควบคุมคุณภาพ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QC failure</source>
        <translation>สิ่งที่ไม่ผ่าน</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reason for the decision (investigation, corrective action)</source>
        <translation>เหตุผลของการตัดสิน (ผลการสอบสวน การแก้ไข)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release results</source>
        <translation>ปล่อยผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject and retest</source>
        <translation>ปฏิเสธผลและทดสอบใหม่</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No control material yet</source>
        <translation>ยังไม่มีวัสดุควบคุม</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — target %2 %3, SD %4</source>
        <translation>%1 — ค่าเป้าหมาย %2 %3, SD %4</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Worksheet %1 released: its results may be verified.</source>
        <translation>ปล่อยผลใบงาน %1 แล้ว ตรวจสอบผลได้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worksheet %1 rejected: %2 results retracted for retesting.</source>
        <translation>ปฏิเสธผลใบงาน %1 แล้ว ถอนผล %2 รายการเพื่อทดสอบใหม่</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/dialogs.py" line="-19"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A reason is required.</source>
        <translation>ต้องระบุเหตุผล</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location line="-175"/>
        <source>Receive a sample</source>
        <translation>รับตัวอย่าง</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Normal, sealed</source>
        <translation>ปกติ บรรจุภัณฑ์ปิดสนิท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room temperature</source>
        <translation>อุณหภูมิห้อง</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sampling date known</source>
        <translation>ทราบวันที่เก็บตัวอย่าง</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sample is here now: record its reception</source>
        <translation>ตัวอย่างมาถึงแล้ว: บันทึกการรับตัวอย่างทันที</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Customer (enterprise or person)</source>
        <translation>ผู้ขอรับบริการ (สถานประกอบการหรือบุคคล)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact person</source>
        <translation>ผู้ติดต่อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>โทรศัพท์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purpose</source>
        <translation>วัตถุประสงค์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample description</source>
        <translation>รายละเอียดตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quantity</source>
        <translation>ปริมาณ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampling date</source>
        <translation>วันที่เก็บตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition on receipt</source>
        <translation>สภาพตัวอย่างเมื่อรับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage</source>
        <translation>การเก็บรักษา</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tests requested (those with a specification for the product type are ticked)</source>
        <translation>รายการทดสอบที่ขอ (เลือกให้แล้วตามเกณฑ์ของประเภทผลิตภัณฑ์)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The lab's test catalog is empty, so there is nothing to request yet. Close this window, open the Catalog tab of the Testing lab page and add the tests the lab offers (Add a test…), then receive the sample.</source>
        <translation>ห้องปฏิบัติการยังไม่มีรายการทดสอบ จึงยังเลือกรายการทดสอบไม่ได้ ปิดหน้าต่างนี้ เปิดแท็บ “รายการทดสอบและเกณฑ์” ในหน้าห้องปฏิบัติการทดสอบ แล้วเพิ่มรายการทดสอบที่ห้องปฏิบัติการให้บริการ (เพิ่มรายการทดสอบ…) จากนั้นจึงรับตัวอย่าง</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 tests, fee %2 baht</source>
        <translation>%1 รายการ ค่าธรรมเนียม %2 บาท</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the customer's name.</source>
        <translation>โปรดกรอกชื่อผู้ขอรับบริการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Describe the sample.</source>
        <translation>โปรดกรอกรายละเอียดตัวอย่าง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The test catalog is empty: add the lab's tests on the Catalog tab first.</source>
        <translation>ยังไม่มีรายการทดสอบ: เพิ่มรายการทดสอบในแท็บ “รายการทดสอบและเกณฑ์” ก่อน</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type the sampling date as day/month/Buddhist year, e.g. 15/03/2569.</source>
        <translation>พิมพ์วันที่เก็บตัวอย่างเป็น วัน/เดือน/ปี พ.ศ. เช่น 15/03/2569</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick at least one test.</source>
        <translation>โปรดเลือกรายการทดสอบอย่างน้อย 1 รายการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Describe the condition of the sample on receipt.</source>
        <translation>โปรดระบุสภาพตัวอย่างเมื่อรับ</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <location filename="../dipdesk/ui/records/controller.py" line="+421"/>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+90"/>
        <source>Please correct the fields marked in red.</source>
        <translation>กรุณาแก้ไขช่องที่มีข้อความสีแดง</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>Looking for possible duplicates…</source>
        <translation>กำลังตรวจหาข้อมูลซ้ำ…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Saving…</source>
        <translation>กำลังบันทึก…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved.</source>
        <translation>บันทึกแล้ว</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Unsaved changes</source>
        <translation>ยังไม่ได้บันทึก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave without saving? What you typed in this form will be lost.</source>
        <translation>ออกโดยไม่บันทึกหรือไม่ สิ่งที่พิมพ์ในแบบฟอร์มนี้จะหายไป</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave without saving</source>
        <translation>ออกโดยไม่บันทึก</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Delete %1? It disappears from the lists; the audit trail keeps a record of it.</source>
        <translation>ลบ %1 หรือไม่ ข้อมูลจะหายจากรายการ แต่ประวัติการแก้ไขยังคงบันทึกไว้</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <location line="-523"/>
        <source>← Back to the list</source>
        <translation>← กลับไปที่รายการ</translation>
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
        <translation>บันทึก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete…</source>
        <translation>ลบ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit history</source>
        <translation>ประวัติการแก้ไข</translation>
    </message>
</context>
<context>
    <name>RecordList</name>
    <message>
        <location filename="../dipdesk/ui/records/list_view.py" line="+294"/>
        <source>Export to Excel…</source>
        <translation>ส่งออกเป็น Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the list as it is filtered now to an .xlsx file</source>
        <translation>บันทึกรายการตามที่กรองอยู่เป็นไฟล์ .xlsx</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Loading…</source>
        <translation>กำลังโหลด…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>about %1, counting…</source>
        <translation>ประมาณ %1 กำลังนับ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1+, counting…</source>
        <translation>%1+ กำลังนับ…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The list could not be read from the database: %1</source>
        <translation>อ่านรายการจากฐานข้อมูลไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Export to Excel</source>
        <translation>ส่งออกเป็น Excel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>ไฟล์ Excel (*.xlsx)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 rows are more than one Excel sheet holds: search or filter the list first.</source>
        <translation>%1 แถวเกินกว่าที่แผ่นงาน Excel เดียวรับได้ กรุณาค้นหาหรือกรองรายการก่อน</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Exporting…</source>
        <translation>กำลังส่งออก…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 rows saved to %2</source>
        <translation>บันทึก %1 แถวลงใน %2 แล้ว</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The export failed: %1</source>
        <translation>ส่งออกไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>RecordOutcomeDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/followups_due.py" line="+15"/>
        <source>Record the outcome of %1</source>
        <translation>บันทึกผลลัพธ์ของ %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revenue before (baht)</source>
        <translation>รายได้ก่อนเข้าร่วม (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revenue after (baht)</source>
        <translation>รายได้หลังเข้าร่วม (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Costs saved (baht)</source>
        <translation>ต้นทุนที่ลดได้ (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Investment induced (baht)</source>
        <translation>การลงทุนที่เกิดขึ้น (บาท)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jobs created</source>
        <translation>การจ้างงานใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New products</source>
        <translation>ผลิตภัณฑ์ใหม่</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <source>No file attached</source>
        <translation>ยังไม่ได้แนบไฟล์</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Attach receipts or statements…</source>
        <translation>แนบใบเสร็จหรือรายการเดินบัญชี…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence</source>
        <translation>หลักฐาน</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attach evidence</source>
        <translation>แนบหลักฐาน</translation>
    </message>
</context>
<context>
    <name>RecordsAreaPage</name>
    <message>
        <location filename="../dipdesk/ui/records/page.py" line="+46"/>
        <source>Loading the list…</source>
        <translation>กำลังโหลดรายการ…</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/records_page.py" line="+53"/>
        <source>Records</source>
        <translation>รายการข้อมูล</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>There are no records yet.</source>
        <translation>ยังไม่มีข้อมูล</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>All %1 records, read-only.</source>
        <translation>ทั้งหมด %1 รายการ (ดูได้อย่างเดียว)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The first %1 of %2 records, read-only.</source>
        <translation>แสดง %1 รายการแรกจากทั้งหมด %2 รายการ (ดูได้อย่างเดียว)</translation>
    </message>
</context>
<context>
    <name>RejectedModel</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="-449"/>
        <source>Row</source>
        <translation>แถว</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was not imported</source>
        <translation>เหตุผลที่ไม่นำเข้า</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the row holds</source>
        <translation>ข้อมูลในแถว</translation>
    </message>
</context>
<context>
    <name>ResultEntry</name>
    <message>
        <location filename="../dipdesk/ui/lab/entry.py" line="+55"/>
        <source>Submit results</source>
        <translation>ส่งผลให้ตรวจสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send every entered result for verification</source>
        <translation>ส่งผลทุกรายการที่บันทึกแล้วให้ผู้ตรวจสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verify selected…</source>
        <translation>ตรวจสอบรายการที่เลือก…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>Verify the results you selected and reviewed (another person's)</source>
        <translation>ยืนยันผลที่เลือกและทบทวนแล้ว (ผลที่ผู้อื่นบันทึก)</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Retract…</source>
        <translation>ถอนผล…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw a result; a retest takes its place</source>
        <translation>ถอนผลการทดสอบ และเพิ่มรายการทดสอบซ้ำแทน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject test…</source>
        <translation>ยกเลิกรายการ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop a test that will not be done on this sample</source>
        <translation>ยกเลิกรายการทดสอบที่จะไม่ทำกับตัวอย่างนี้</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Type a result and press Enter to go to the next one: &lt;0.05, ND and Thai digits are understood.</source>
        <translation>พิมพ์ผลแล้วกด Enter เพื่อไปรายการถัดไป พิมพ์ &lt;0.05, ND (ไม่พบ) หรือเลขไทยได้</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>You submitted these results: another person must verify them (four-eyes rule)</source>
        <translation>คุณเป็นผู้บันทึกผลเหล่านี้ ต้องให้ผู้อื่นเป็นผู้ตรวจสอบ (หลักสี่ตา)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Correct the results shown in red first: they cannot be read.</source>
        <translation>โปรดแก้ไขผลที่แสดงเป็นสีแดงก่อน เนื่องจากอ่านค่าไม่ได้</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 result(s) submitted for verification</source>
        <translation>ส่งผลให้ตรวจสอบแล้ว %1 รายการ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Verify results</source>
        <translation>ตรวจสอบผล</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verify these %1 result(s)? You confirm that you have reviewed each one.</source>
        <translation>ยืนยันการตรวจสอบผล %1 รายการนี้หรือไม่ ท่านยืนยันว่าได้ทบทวนผลทุกรายการแล้ว</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 result(s) verified</source>
        <translation>ตรวจสอบผลแล้ว %1 รายการ</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Retracted: %1. A retest was added for each.</source>
        <translation>ถอนผลแล้ว: %1 และเพิ่มรายการทดสอบซ้ำแล้ว</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retract results</source>
        <translation>ถอนผลการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Withdraw the result of: %1. A retest analysis will be added for each.</source>
        <translation>ถอนผลของ: %1 ระบบจะเพิ่มรายการทดสอบซ้ำแทนให้</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rejected: %1</source>
        <translation>ยกเลิกรายการแล้ว: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reject tests</source>
        <translation>ยกเลิกรายการทดสอบ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>These tests will not be done: %1.</source>
        <translation>รายการทดสอบต่อไปนี้จะไม่ทำ: %1</translation>
    </message>
</context>
<context>
    <name>RoleDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/users.py" line="+13"/>
        <source>Change the role of %1</source>
        <translation>เปลี่ยนบทบาทของ %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Change role</source>
        <translation>เปลี่ยนบทบาท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>ยกเลิก</translation>
    </message>
</context>
<context>
    <name>SamplePanel</name>
    <message>
        <location filename="../dipdesk/ui/lab/worklist.py" line="+91"/>
        <source>Select a sample in the worklist.</source>
        <translation>เลือกตัวอย่างจากรายการงานด้านบน</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receive…</source>
        <translation>รับตัวอย่าง…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish report</source>
        <translation>ออกรายงานผล</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>Preview / print report</source>
        <translation>ดู/พิมพ์รายงานผล</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>Amend report…</source>
        <translation>ออกรายงานฉบับแก้ไข…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample receipt</source>
        <translation>ใบรับตัวอย่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request form</source>
        <translation>คำขอรับบริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit history</source>
        <translation>ประวัติการแก้ไข</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>not received yet</source>
        <translation>ยังไม่ได้รับ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>วันที่รับ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>กำหนดเสร็จ</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>replaces %1</source>
        <translation>แทน %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reports</source>
        <translation>รายงานผล</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No report yet.</source>
        <translation>ยังไม่ได้ออกรายงาน</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Preview draft report</source>
        <translation>ดูรายงานฉบับร่าง</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Received %1</source>
        <translation>รับตัวอย่าง %1 แล้ว</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Published report %1</source>
        <translation>ออกรายงานเลขที่ %1 แล้ว</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Published amended report %1; report %2 is kept, marked replaced</source>
        <translation>ออกรายงานฉบับแก้ไขเลขที่ %1 แล้ว รายงานเลขที่ %2 ยังเก็บไว้โดยระบุว่าถูกแทนที่</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Preparing %1…</source>
        <translation>กำลังเตรียม %1…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Test report %1</source>
        <translation>รายงานผลการทดสอบ %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draft report %1</source>
        <translation>ร่างรายงานผล %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sample receipt %1</source>
        <translation>ใบรับตัวอย่าง %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Request form %1</source>
        <translation>คำขอรับบริการ %1</translation>
    </message>
</context>
<context>
    <name>ServiceRecordsController</name>
    <message>
        <location filename="../dipdesk/ui/records/enterprises.py" line="+27"/>
        <source>All services</source>
        <translation>ทุกประเภทบริการ</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 service records</source>
        <translation>%1 รายการให้บริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff, service or what was done (Ctrl+F)</source>
        <translation>เจ้าหน้าที่ บริการ หรือสิ่งที่ทำ (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;No services recorded yet.&lt;/b&gt;&lt;br&gt;Click &lt;b&gt;New service record…&lt;/b&gt; (Ctrl+N) to record a consulting visit, a design job or a matching event.</source>
        <translation>&lt;b&gt;ยังไม่มีการบันทึกการให้บริการ&lt;/b&gt;&lt;br&gt;กด &lt;b&gt;บันทึกการให้บริการ…&lt;/b&gt; (Ctrl+N) เพื่อบันทึกการให้คำปรึกษา งานออกแบบ หรือการจับคู่ธุรกิจ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;No service record matches “%1”.&lt;/b&gt;&lt;br&gt;Press Esc to clear the search.</source>
        <translation>&lt;b&gt;ไม่พบการให้บริการที่ตรงกับ “%1”&lt;/b&gt;&lt;br&gt;กด Esc เพื่อล้างคำค้น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New service record…</source>
        <translation>บันทึกการให้บริการ…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service records</source>
        <translation>การให้บริการ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New service record</source>
        <translation>การให้บริการใหม่</translation>
    </message>
</context>
<context>
    <name>SessionsModel</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+54"/>
        <source>Date</source>
        <translation>วันที่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>ชั่วโมง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic</source>
        <translation>หัวข้อ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting notes</source>
        <translation>บันทึกการพบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>การติดตามผล</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/settings.py" line="+27"/>
        <source>Preferences of this computer: language, appearance and the address of the department's central server. The data folder and the database file are shown for backups.</source>
        <translation>การตั้งค่าของเครื่องนี้: ภาษา รูปแบบการแสดงผล และที่อยู่เซิร์ฟเวอร์กลางของกรม พร้อมแสดงโฟลเดอร์ข้อมูลและไฟล์ฐานข้อมูลไว้สำหรับการสำรองข้อมูล</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A new language applies the next time dipdesk starts.</source>
        <translation>ภาษาที่เลือกจะมีผลเมื่อเปิดโปรแกรมครั้งถัดไป</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Language</source>
        <translation>ภาษา</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Light</source>
        <translation>สว่าง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>มืด</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Applies at once.</source>
        <translation>มีผลทันที</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theme</source>
        <translation>ธีม</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Central server address</source>
        <translation>ที่อยู่เซิร์ฟเวอร์กลาง</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>minutes</source>
        <translation>นาที</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synchronise every</source>
        <translation>ซิงค์ข้อมูลทุก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use Thai digits (๐๑๒…) on printed forms and certificates</source>
        <translation>ใช้เลขไทย (๐๑๒…) ในแบบฟอร์มและวุฒิบัตรที่พิมพ์</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data folder</source>
        <translation>โฟลเดอร์ข้อมูล</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database file</source>
        <translation>ไฟล์ฐานข้อมูล</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save settings</source>
        <translation>บันทึกการตั้งค่า</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The address must start with https:// (or http://).</source>
        <translation>ที่อยู่ต้องขึ้นต้นด้วย https:// (หรือ http://)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The settings could not be saved: %1</source>
        <translation>บันทึกการตั้งค่าไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved. Restart dipdesk to see the new language.</source>
        <translation>บันทึกแล้ว เริ่มโปรแกรมใหม่เพื่อใช้ภาษาที่เลือก</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved.</source>
        <translation>บันทึกแล้ว</translation>
    </message>
</context>
<context>
    <name>SignInBox</name>
    <message>
        <location filename="../dipdesk/ui/attendance/signin_box.py" line="+50"/>
        <source>Scan a sign-in barcode or type a national ID, then Enter</source>
        <translation>สแกนบาร์โค้ดใบลงชื่อ หรือพิมพ์เลขประจำตัว แล้วกด Enter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print the sign-in sheet…</source>
        <translation>พิมพ์ใบลงชื่อ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attendance from a sheet…</source>
        <translation>นำเข้าการลงเวลาจากไฟล์…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 was already checked in today.</source>
        <translation>%1 ลงเวลาวันนี้ไปแล้ว</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 checked in.</source>
        <translation>%1 ลงเวลาเข้าอบรมแล้ว</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not enrolled in this activity.</source>
        <translation>%1 ยังไม่ได้ลงทะเบียนในกิจกรรมนี้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enroll %1 and check in</source>
        <translation>ลงทะเบียน %1 และลงเวลา</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save the sign-in sheet</source>
        <translation>บันทึกใบลงชื่อ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sign-in sheet saved (%1 pages): %2</source>
        <translation>บันทึกใบลงชื่อแล้ว (%1 หน้า): %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Attendance from a sheet</source>
        <translation>นำเข้าการลงเวลาจากไฟล์</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From the sheet: %1 present, %2 absent, %3 already ticked.</source>
        <translation>จากไฟล์: มา %1 คน ไม่มา %2 คน ลงเวลาไว้แล้ว %3 คน</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>row %1: %2</source>
        <translation>แถว %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 rows not taken: %2</source>
        <translation>ไม่ได้นำเข้า %1 แถว: %2</translation>
    </message>
</context>
<context>
    <name>SitePage</name>
    <message>
        <location filename="../dipdesk/ui/first_run.py" line="-226"/>
        <source>Welcome to dipdesk</source>
        <translation>ยินดีต้อนรับสู่ dipdesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the site this computer belongs to. Records made here belong to that site, and its code is part of every certificate and report number.</source>
        <translation>เลือกหน่วยงานที่เครื่องนี้สังกัด ข้อมูลที่บันทึกในเครื่องนี้จะเป็นของหน่วยงานนั้น และรหัสหน่วยงานจะอยู่ในเลขที่วุฒิบัตรและเลขที่รายงานทุกฉบับ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loading the list of sites…</source>
        <translation>กำลังโหลดรายชื่อหน่วยงาน…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Regional Industry Promotion Centers</source>
        <translation>ศูนย์ส่งเสริมอุตสาหกรรมภาค</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headquarters bureaus and divisions</source>
        <translation>สำนักและกองในส่วนกลาง</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The list of sites could not be loaded: %1</source>
        <translation>โหลดรายชื่อหน่วยงานไม่สำเร็จ: %1</translation>
    </message>
</context>
<context>
    <name>SiteTargetsDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/national_panel.py" line="+27"/>
        <source>Targets of each site, fiscal year %1</source>
        <translation>เป้าหมายของแต่ละหน่วยงาน ปีงบประมาณ %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Site</source>
        <translation>หน่วยงาน</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Targets must be numbers.</source>
        <translation>เป้าหมายต้องเป็นตัวเลข</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../dipdesk/ui/sync_review.py" line="+40"/>
        <source>Person</source>
        <translation>ผู้ประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise</source>
        <translation>สถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enterprise member</source>
        <translation>สมาชิกสถานประกอบการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program</source>
        <translation>โครงการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activity session</source>
        <translation>รอบกิจกรรม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrollment</source>
        <translation>สถานะการลงทะเบียน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attendance</source>
        <translation>ลงเวลาเข้าร่วม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring pair</source>
        <translation>คู่พี่เลี้ยง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mentoring session</source>
        <translation>การพบพี่เลี้ยง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>ผลลัพธ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Product</source>
        <translation>ผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service record</source>
        <translation>การให้บริการ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>วุฒิบัตร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate template</source>
        <translation>แบบวุฒิบัตร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate print</source>
        <translation>การพิมพ์วุฒิบัตร</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab request</source>
        <translation>คำขอทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab sample</source>
        <translation>ตัวอย่างทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab analysis</source>
        <translation>รายการวิเคราะห์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab report</source>
        <translation>รายงานผลทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User</source>
        <translation>ผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group</source>
        <translation>กลุ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>เป้าหมาย</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>ที่อยู่</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+82"/>
        <source>Deleted</source>
        <translation>ลบแล้ว</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Date of birth</source>
        <translation>วันเกิด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender</source>
        <translation>เพศ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LINE ID</source>
        <translation>ไลน์ไอดี</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First name (English)</source>
        <translation>ชื่อ (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last name (English)</source>
        <translation>นามสกุล (ภาษาอังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (English)</source>
        <translation>ชื่อ (อังกฤษ)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Province</source>
        <translation>จังหวัด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>หมายเหตุ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>(empty)</source>
        <translation>(ว่าง)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>ใช่</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>ไม่ใช่</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(no field values)</source>
        <translation>(ไม่มีค่าข้อมูล)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>computer %1</source>
        <translation>เครื่อง %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>ไม่ทราบ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edited: %1</source>
        <translation>แก้ไข: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>record %1</source>
        <translation>รายการ %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>By %1, %2</source>
        <translation>โดย %1 เมื่อ %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By %1</source>
        <translation>โดย %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shown now on every computer</source>
        <translation>ค่าที่ทุกเครื่องแสดงอยู่ตอนนี้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept in this conflict record</source>
        <translation>เก็บไว้ในรายการข้อมูลขัดแย้งนี้</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Review a sync conflict</source>
        <translation>ตรวจสอบข้อมูลขัดแย้งจากการซิงค์</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>One computer deleted this record while another one was editing it. The record stays deleted unless you keep the edit, which brings the record back with the edited values.</source>
        <translation>เครื่องหนึ่งลบรายการนี้ ขณะที่อีกเครื่องหนึ่งกำลังแก้ไข รายการนี้จะยังคงถูกลบ เว้นแต่ท่านเลือกเก็บการแก้ไขไว้ ซึ่งจะนำรายการกลับมาพร้อมค่าที่แก้ไข</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Two computers changed %1 while they were offline. Every computer now shows the value on the left (the later change). Keep it, or use the other value instead.</source>
        <translation>มีสองเครื่องแก้ไข%1 ขณะไม่ได้เชื่อมต่อเครือข่าย ตอนนี้ทุกเครื่องแสดงค่าทางซ้าย (การแก้ไขที่หลังกว่า) เลือกเก็บค่านี้ไว้ หรือใช้อีกค่าหนึ่งแทน</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Current value</source>
        <translation>ค่าปัจจุบัน</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Other value</source>
        <translation>อีกค่าหนึ่ง</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Decide later</source>
        <translation>ตัดสินใจภายหลัง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep it deleted</source>
        <translation>ให้คงการลบไว้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the edit (restore the record)</source>
        <translation>เก็บการแก้ไขไว้ (นำรายการกลับมา)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the current value</source>
        <translation>เก็บค่าปัจจุบันไว้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the other value</source>
        <translation>ใช้อีกค่าหนึ่งแทน</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The decision could not be saved: %1</source>
        <translation>บันทึกการตัดสินใจไม่ได้: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../dipdesk/ui/pages/sync.py" line="+101"/>
        <source>Exchanging data with the department's central server. This computer works offline: everything recorded here is kept on this computer and sent by itself whenever the server can be reached.</source>
        <translation>การรับส่งข้อมูลกับเซิร์ฟเวอร์กลางของกรม เครื่องนี้ทำงานแบบออฟไลน์ได้ ข้อมูลที่บันทึกจะเก็บไว้ในเครื่องนี้ และส่งขึ้นเซิร์ฟเวอร์เองทุกครั้งที่ติดต่อเซิร์ฟเวอร์ได้</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last synchronised</source>
        <translation>ซิงค์ล่าสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes waiting to be sent</source>
        <translation>รายการที่รอส่ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+79"/>
        <source>Changes the server refused</source>
        <translation>รายการที่เซิร์ฟเวอร์ไม่รับ</translation>
    </message>
    <message>
        <location line="-78"/>
        <location line="+49"/>
        <source>Conflicts to review</source>
        <translation>ข้อมูลขัดแย้งที่รอตรวจสอบ</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Sync now</source>
        <translation>ซิงค์ตอนนี้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check with the server</source>
        <translation>ตรวจสอบกับเซิร์ฟเวอร์</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compares the data on this computer with the server's, table by table</source>
        <translation>เปรียบเทียบข้อมูลในเครื่องนี้กับเซิร์ฟเวอร์ทีละตาราง</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The one-time code from headquarters</source>
        <translation>รหัสใช้ครั้งเดียวที่ได้รับจากส่วนกลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrol this computer</source>
        <translation>ลงทะเบียนเครื่องนี้</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enrol this computer with the central server</source>
        <translation>ลงทะเบียนเครื่องนี้กับเซิร์ฟเวอร์กลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server address</source>
        <translation>ที่อยู่เซิร์ฟเวอร์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enrolment code</source>
        <translation>รหัสลงทะเบียน</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Two computers changed the same thing while offline. Every computer shows the same value; the other one is kept here until someone decides. Double-click a row to review it.</source>
        <translation>มีสองเครื่องแก้ไขข้อมูลเดียวกันขณะออฟไลน์ ทุกเครื่องแสดงค่าเดียวกัน ส่วนอีกค่าหนึ่งเก็บไว้ที่นี่จนกว่าจะมีผู้ตัดสินใจ ดับเบิลคลิกที่แถวเพื่อตรวจสอบ</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+28"/>
        <source>Record</source>
        <translation>รายการ</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Field</source>
        <translation>ช่องข้อมูล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current value</source>
        <translation>ค่าปัจจุบัน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other value</source>
        <translation>อีกค่าหนึ่ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other value by</source>
        <translation>อีกค่าหนึ่งแก้ไขโดย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed at</source>
        <translation>แก้ไขเมื่อ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Review the selected conflict…</source>
        <translation>ตรวจสอบรายการที่เลือก…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No conflicts to review.</source>
        <translation>ไม่มีข้อมูลขัดแย้งที่รอตรวจสอบ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server did not accept these changes; the rest were sent. Correct the record (for example a code already used elsewhere) and the corrected record is sent again.</source>
        <translation>เซิร์ฟเวอร์ไม่รับรายการเหล่านี้ ส่วนรายการอื่นส่งไปแล้ว โปรดแก้ไขข้อมูล (เช่น รหัสที่ซ้ำกับที่อื่น) แล้วข้อมูลที่แก้ไขจะถูกส่งใหม่เอง</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recorded</source>
        <translation>บันทึกเมื่อ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>การเปลี่ยนแปลง</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>เหตุผล</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server has accepted every change.</source>
        <translation>เซิร์ฟเวอร์รับทุกรายการแล้ว</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync history</source>
        <translation>ประวัติการซิงค์</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started</source>
        <translation>เริ่ม</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes sent</source>
        <translation>ส่งขึ้น</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changes received</source>
        <translation>รับลง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused</source>
        <translation>ไม่รับ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts</source>
        <translation>ขัดแย้ง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>ปริมาณข้อมูล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>ผล</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This computer has not synchronised yet.</source>
        <translation>เครื่องนี้ยังไม่เคยซิงค์ข้อมูล</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not enrolled</source>
        <translation>ยังไม่ได้ลงทะเบียน</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything is uploaded</source>
        <translation>ส่งข้อมูลครบแล้ว</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent by itself</source>
        <translation>ระบบจะส่งให้เอง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent at the first sync, once enrolled</source>
        <translation>จะส่งในการซิงค์ครั้งแรก หลังลงทะเบียนเครื่อง</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listed below with the reason</source>
        <translation>ดูรายการและเหตุผลด้านล่าง</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Someone should decide</source>
        <translation>รอผู้ตัดสินใจ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing to decide</source>
        <translation>ไม่มีรายการรอตัดสินใจ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This computer is not enrolled with the central server yet, so its data stays here only. Ask headquarters for a one-time enrolment code and enter it below.</source>
        <translation>เครื่องนี้ยังไม่ได้ลงทะเบียนกับเซิร์ฟเวอร์กลาง ข้อมูลจึงอยู่ในเครื่องนี้เท่านั้น โปรดขอรหัสลงทะเบียนแบบใช้ครั้งเดียวจากส่วนกลาง แล้วกรอกด้านล่าง</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 record(s) will be sent at the first sync.</source>
        <translation>จะส่งข้อมูล %1 รายการในการซิงค์ครั้งแรก</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Everything recorded on this computer has been sent to the server (last sync %1).</source>
        <translation>ข้อมูลทั้งหมดที่บันทึกในเครื่องนี้ส่งถึงเซิร์ฟเวอร์แล้ว (ซิงค์ล่าสุด %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>ยังไม่เคย</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 change(s) are waiting to be sent. dipdesk sends them by itself as soon as the server can be reached; there is no need to press anything.</source>
        <translation>มี %1 รายการรอส่ง dipdesk จะส่งให้เองทันทีที่ติดต่อเซิร์ฟเวอร์ได้ ไม่ต้องกดปุ่มใด ๆ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The last attempt did not finish: %1. dipdesk will try again by itself.</source>
        <translation>การซิงค์ครั้งล่าสุดไม่สำเร็จ: %1 dipdesk จะลองใหม่เอง</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Deleted or edited</source>
        <translation>ลบหรือแก้ไข</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+1"/>
        <source>New record</source>
        <translation>รายการใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>แก้ไข</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>ลบ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Running or interrupted</source>
        <translation>กำลังทำงานหรือถูกขัดจังหวะ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped when dipdesk was closed; continues at the next sync</source>
        <translation>หยุดเมื่อปิดโปรแกรม ซิงค์ครั้งถัดไปทำต่อจากจุดนี้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not finished: %1</source>
        <translation>ไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>สำเร็จ</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Synchronising…</source>
        <translation>กำลังซิงค์ข้อมูล…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Comparing with the server…</source>
        <translation>กำลังเปรียบเทียบกับเซิร์ฟเวอร์…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Identical: all %1 tables match the server, and everything is uploaded.</source>
        <translation>ตรงกัน: ข้อมูลทั้ง %1 ตารางตรงกับเซิร์ฟเวอร์ และส่งข้อมูลครบแล้ว</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 table(s) differ</source>
        <translation>ไม่ตรงกัน %1 ตาราง</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 change(s) not sent yet</source>
        <translation>ยังไม่ได้ส่ง %1 รายการ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 change(s) refused</source>
        <translation>ถูกปฏิเสธ %1 รายการ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not identical yet: %1. Sync again, or see below.</source>
        <translation>ยังไม่ตรงกัน: %1 โปรดซิงค์อีกครั้ง หรือดูรายละเอียดด้านล่าง</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Could not reach the server: %1</source>
        <translation>ติดต่อเซิร์ฟเวอร์ไม่ได้: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enter the server address (https://…) and the enrolment code.</source>
        <translation>โปรดกรอกที่อยู่เซิร์ฟเวอร์ (https://…) และรหัสลงทะเบียน</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Enrolment failed: %1</source>
        <translation>ลงทะเบียนไม่สำเร็จ: %1</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Never</source>
        <translation>ยังไม่เคย</translation>
    </message>
</context>
<context>
    <name>TargetsDialog</name>
    <message>
        <location filename="../dipdesk/ui/pages/dashboard.py" line="+177"/>
        <source>Targets for fiscal year %1</source>
        <translation>เป้าหมายปีงบประมาณ %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Type the year's targets. People, enterprises, products and groups are counted once each; economic value is in baht. Rows in grey are set by headquarters.</source>
        <translation>กรอกเป้าหมายของปี ผู้ประกอบการ สถานประกอบการ ผลิตภัณฑ์ และกลุ่ม นับหนึ่งครั้งต่อราย มูลค่าทางเศรษฐกิจเป็นบาท แถวสีเทากำหนดโดยส่วนกลาง</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Target for</source>
        <translation>เป้าหมายของ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value (baht)</source>
        <translation>มูลค่า (บาท)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>National (all sites)</source>
        <translation>ระดับประเทศ (ทุกหน่วยงาน)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This site: %1</source>
        <translation>หน่วยงานนี้: %1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Whole numbers of 0 or more (the value may have decimals): %1</source>
        <translation>ต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป (มูลค่ามีทศนิยมได้): %1</translation>
    </message>
</context>
<context>
    <name>TemplatesTab</name>
    <message>
        <location filename="../dipdesk/ui/certificates/templates_tab.py" line="+102"/>
        <source>Template</source>
        <translation>แบบ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thai digits</source>
        <translation>ใช้เลขไทย</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save as a new version</source>
        <translation>บันทึกเป็นฉบับใหม่</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Left</source>
        <translation>ชิดซ้าย</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre</source>
        <translation>กึ่งกลาง</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>ชิดขวา</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bold</source>
        <translation>ตัวหนา</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+44"/>
        <location line="+196"/>
        <location line="+51"/>
        <source>Text</source>
        <translation>ข้อความ</translation>
    </message>
    <message>
        <location line="-322"/>
        <source>Paper</source>
        <translation>กระดาษ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Orientation</source>
        <translation>แนวกระดาษ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Landscape</source>
        <translation>แนวนอน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Portrait</source>
        <translation>แนวตั้ง</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Add element</source>
        <translation>เพิ่มองค์ประกอบ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Picture…</source>
        <translation>รูปภาพ…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove element</source>
        <translation>ลบองค์ประกอบ</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Position (second line)</source>
        <translation>ตำแหน่ง (บรรทัดที่สอง)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Across (mm)</source>
        <translation>ระยะจากขอบซ้าย (มม.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down (mm)</source>
        <translation>ระยะจากขอบบน (มม.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>ขนาด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width (mm)</source>
        <translation>ความกว้าง (มม.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines at most</source>
        <translation>จำนวนบรรทัดสูงสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Alignment</source>
        <translation>การจัดวาง</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Signature image…</source>
        <translation>รูปลายมือชื่อ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scanned signature (PNG with a transparent background is best)</source>
        <translation>ลายมือชื่อที่สแกนไว้ (ไฟล์ PNG พื้นโปร่งใสจะดีที่สุด)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Picture file…</source>
        <translation>ไฟล์รูปภาพ…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Background image…</source>
        <translation>รูปพื้นหลัง…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The border and emblem printed under everything, for the whole page</source>
        <translation>กรอบและตราที่พิมพ์เป็นพื้นหลังเต็มหน้า</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Placeholders: %1</source>
        <translation>ช่องแทนค่า: %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>There is no certificate template yet (they come from headquarters).</source>
        <translation>ยังไม่มีแบบวุฒิบัตร (แบบมาจากส่วนกลาง)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>This site's own template: saving makes its next version.</source>
        <translation>แบบของหน่วยงานนี้เอง: การบันทึกจะได้แบบฉบับถัดไป</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A template of another site (headquarters): saving makes this site's own copy.</source>
        <translation>แบบของหน่วยงานอื่น (ส่วนกลาง): การบันทึกจะได้สำเนาแบบของหน่วยงานนี้เอง</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+240"/>
        <source>Signatory</source>
        <translation>ผู้ลงนาม</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+240"/>
        <source>Serial number</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <location line="-239"/>
        <location line="+240"/>
        <source>QR code</source>
        <translation>คิวอาร์โค้ด</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>New text</source>
        <translation>ข้อความใหม่</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Position</source>
        <translation>ตำแหน่ง</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Picture</source>
        <translation>รูปภาพ</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Name line</source>
        <translation>บรรทัดชื่อ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caption</source>
        <translation>คำอธิบายใต้ภาพ</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Choose an image</source>
        <translation>เลือกรูปภาพ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>รูปภาพ (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Sample data.</source>
        <translation>ข้อมูลตัวอย่าง</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Saved %1 version %2.</source>
        <translation>บันทึก %1 ฉบับที่ %2 แล้ว</translation>
    </message>
</context>
<context>
    <name>UpgradeNotice</name>
    <message>
        <location filename="../dipdesk/ui/upgrade_notice.py" line="+131"/>
        <source>Updating the database to the new version</source>
        <translation>กำลังปรับปรุงฐานข้อมูลเป็นรุ่นใหม่</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database has been updated to the new version</source>
        <translation>ปรับปรุงฐานข้อมูลเป็นรุ่นใหม่เรียบร้อยแล้ว</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This may take minutes: do not switch off or close dipdesk until it is done.</source>
        <translation>อาจใช้เวลาหลายนาที ห้ามปิดเครื่องหรือปิด dipdesk จนกว่าจะเสร็จ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy of the database as it was: %1</source>
        <translation>สำเนาฐานข้อมูลเดิม: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>dipdesk will close as soon as the update is done.</source>
        <translation>dipdesk จะปิดเองทันทีที่ปรับปรุงฐานข้อมูลเสร็จ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your log-in is accepted: it goes on as soon as the update is done.</source>
        <translation>รับคำขอเข้าสู่ระบบแล้ว จะเข้าสู่ระบบให้ทันทีที่ปรับปรุงฐานข้อมูลเสร็จ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saving a copy of the database as it is, first…</source>
        <translation>กำลังสำรองฐานข้อมูลเดิมไว้ก่อน…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step %1 of %2</source>
        <translation>ขั้นที่ %1 จาก %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 steps are done.</source>
        <translation>เสร็จครบทั้ง %1 ขั้นแล้ว</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>time so far %1</source>
        <translation>ใช้เวลาไปแล้ว %1</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../dipdesk/ui/pages/users.py" line="-105"/>
        <source>Username</source>
        <translation>ชื่อผู้ใช้</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name</source>
        <translation>ชื่อ-นามสกุล</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Role</source>
        <translation>บทบาท</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>สถานะ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last log-in here</source>
        <translation>เข้าสู่ระบบล่าสุดที่เครื่องนี้</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deactivated</source>
        <translation>ระงับการใช้งาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active</source>
        <translation>ใช้งานได้</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked for %1 min</source>
        <translation>ถูกล็อกอีก %1 นาที</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must change password</source>
        <translation>ต้องเปลี่ยนรหัสผ่าน</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location line="+103"/>
        <source>The users of this site and their roles. Users are never deleted, since the history names them: deactivate someone who has left. Changes reach the site's other computers at their next sync.</source>
        <translation>ผู้ใช้ของหน่วยงานนี้และบทบาท ผู้ใช้จะไม่ถูกลบเพราะประวัติการทำงานอ้างถึงชื่อ ให้ระงับการใช้งานเมื่อผู้ใช้ย้ายหรือลาออก การเปลี่ยนแปลงจะไปถึงเครื่องอื่นของหน่วยงานเมื่อซิงค์ครั้งถัดไป</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add user…</source>
        <translation>เพิ่มผู้ใช้…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change role…</source>
        <translation>เปลี่ยนบทบาท…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset password</source>
        <translation>ตั้งรหัสผ่านใหม่</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deactivate</source>
        <translation>ระงับการใช้งาน</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Activate</source>
        <translation>เปิดใช้งาน</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A password has at least 8 characters, with both letters and digits, and is not the user name. After 3 wrong passwords the log-in slows down; after 5 the user is locked for 15 minutes on that computer (a password reset lifts the lock here).</source>
        <translation>รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร มีทั้งตัวอักษรและตัวเลข และต้องไม่ใช่ชื่อผู้ใช้ เมื่อใส่รหัสผ่านผิด 3 ครั้ง ระบบจะให้รอก่อนลองใหม่ และเมื่อผิด 5 ครั้ง บัญชีจะถูกล็อก 15 นาทีที่เครื่องนั้น (การตั้งรหัสผ่านใหม่จะปลดล็อกที่เครื่องนี้)</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>%1 was added. First password: %2 (they must change it at the first log-in).</source>
        <translation>เพิ่ม %1 แล้ว รหัสผ่านครั้งแรก: %2 (ผู้ใช้ต้องเปลี่ยนเมื่อเข้าสู่ระบบครั้งแรก)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The role of %1 was changed.</source>
        <translation>เปลี่ยนบทบาทของ %1 แล้ว</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The password of %1 was reset. First password: %2 (they must change it at the next log-in).</source>
        <translation>ตั้งรหัสผ่านใหม่ให้ %1 แล้ว รหัสผ่านชั่วคราว: %2 (ผู้ใช้ต้องเปลี่ยนเมื่อเข้าสู่ระบบครั้งถัดไป)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 was deactivated and can no longer log in.</source>
        <translation>ระงับการใช้งานของ %1 แล้ว ไม่สามารถเข้าสู่ระบบได้อีก</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 can log in again.</source>
        <translation>%1 เข้าสู่ระบบได้อีกครั้ง</translation>
    </message>
</context>
<context>
    <name>VerifyTab</name>
    <message>
        <location filename="../dipdesk/ui/certificates/verify_tab.py" line="+30"/>
        <source>Scan the QR code on a certificate with a barcode scanner into the box below, or paste its text. dipdesk checks the signature of the issuing site without a network.</source>
        <translation>สแกนคิวอาร์โค้ดบนวุฒิบัตรด้วยเครื่องอ่านบาร์โค้ดลงในช่องด้านล่าง หรือวางข้อความของโค้ด dipdesk จะตรวจลายมือชื่อดิจิทัลของหน่วยงานผู้ออกได้โดยไม่ต้องใช้อินเทอร์เน็ต</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>DC1:… or https://…/verify/…</source>
        <translation>DC1:… หรือ https://…/verify/…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Verify</source>
        <translation>ตรวจสอบ</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Genuine</source>
        <translation>ของแท้</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not genuine</source>
        <translation>ไม่ผ่านการตรวจสอบ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What the code claims (unverified)</source>
        <translation>ข้อมูลตามที่รหัสอ้าง (ยังไม่ได้ยืนยัน)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not confirmed by a valid signature: do not rely on it.</source>
        <translation>ข้อมูลนี้ไม่มีลายมือชื่อดิจิทัลที่ถูกต้องรับรอง อย่าใช้อ้างอิง</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <source>Serial</source>
        <translation>เลขที่</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+17"/>
        <source>Holder</source>
        <translation>ผู้ได้รับ</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Activity</source>
        <translation>กิจกรรม</translation>
    </message>
    <message>
        <location line="-16"/>
        <location line="+17"/>
        <source>Issued on</source>
        <translation>วันที่ออก</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Site code</source>
        <translation>รหัสหน่วยงาน</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As issued (no longer valid)</source>
        <translation>ข้อมูลตามที่ออก (ใช้ไม่ได้แล้ว)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Issued by</source>
        <translation>ออกโดย</translation>
    </message>
</context>
<context>
    <name>_AddSpecDialog</name>
    <message>
        <location filename="../dipdesk/ui/lab/catalog.py" line="+142"/>
        <source>Add a specification</source>
        <translation>เพิ่มเกณฑ์กำหนด</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Product type</source>
        <translation>ประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test</source>
        <translation>รายการทดสอบ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum</source>
        <translation>ค่าต่ำสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum</source>
        <translation>ค่าสูงสุด</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn below</source>
        <translation>เตือนเมื่อต่ำกว่า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warn above</source>
        <translation>เตือนเมื่อสูงกว่า</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard</source>
        <translation>มาตรฐานอ้างอิง</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a product type.</source>
        <translation>โปรดเลือกประเภทผลิตภัณฑ์</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give a minimum or a maximum.</source>
        <translation>โปรดระบุค่าต่ำสุดหรือค่าสูงสุด</translation>
    </message>
</context>
<context>
    <name>_AddTestDialog</name>
    <message>
        <location line="-47"/>
        <source>Add a test</source>
        <translation>เพิ่มรายการทดสอบ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>รหัส</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name (Thai)</source>
        <translation>ชื่อ (ไทย)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type a code and a name.</source>
        <translation>โปรดกรอกรหัสและชื่อ</translation>
    </message>
</context>
<context>
    <name>_Picker</name>
    <message>
        <location filename="../dipdesk/ui/pages/mentoring.py" line="+398"/>
        <source>Type part of the name, code or ID…</source>
        <translation>พิมพ์บางส่วนของชื่อ รหัส หรือเลขทะเบียน…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type part of the name, ID or phone…</source>
        <translation>พิมพ์บางส่วนของชื่อ เลขประจำตัว หรือเบอร์โทร…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(type to search)</source>
        <translation>(พิมพ์เพื่อค้นหา)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(nothing found)</source>
        <translation>(ไม่พบ)</translation>
    </message>
</context>
<context>
    <name>_RunPage</name>
    <message>
        <location filename="../dipdesk/ui/importer/wizard.py" line="+490"/>
        <source>Stop</source>
        <translation>หยุด</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rows not imported</source>
        <translation>แถวที่ไม่นำเข้า</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save these rows to fix in Excel…</source>
        <translation>บันทึกแถวเหล่านี้ไปแก้ใน Excel…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Checking against the database…</source>
        <translation>กำลังตรวจกับฐานข้อมูล…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Importing…</source>
        <translation>กำลังนำเข้า…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Stopping… nothing will be kept.</source>
        <translation>กำลังหยุด… จะไม่มีข้อมูลใดถูกบันทึก</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Dry run, nothing saved. Importing would add %1 new, update %2, leave %3 as they are, and reject %4 of %5 rows.</source>
        <translation>ทดลองนำเข้า ยังไม่บันทึก: ถ้านำเข้าจริงจะเพิ่มใหม่ %1 ราย ปรับปรุง %2 ราย คงเดิม %3 ราย และไม่นำเข้า %4 จาก %5 แถว</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Done. Added %1 new, updated %2, %3 already up to date; %4 of %5 rows were not imported.</source>
        <translation>นำเข้าเสร็จแล้ว: เพิ่มใหม่ %1 ราย ปรับปรุง %2 ราย ข้อมูลเป็นปัจจุบันอยู่แล้ว %3 ราย ไม่นำเข้า %4 จาก %5 แถว</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Newly enrolled in the activity: %1.</source>
        <translation>ลงทะเบียนในกิจกรรมเพิ่ม %1 คน</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelled: nothing was imported.</source>
        <translation>ยกเลิกแล้ว: ไม่มีข้อมูลใดถูกนำเข้า</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: %1</source>
        <translation>ไม่มีข้อมูลใดถูกนำเข้า: %1</translation>
    </message>
</context>
</TS>

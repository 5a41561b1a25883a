; Thai messages for the dipdesk installer (Inno Setup 6). Loaded after compiler:Default.isl
; ("compiler:Default.isl,languages\Thai.isl"), so every message not translated here stays in English.
; Saved as UTF-8 with a byte-order mark, as Inno Setup 6 reads it.

[LangOptions]
LanguageName=ไทย
LanguageID=$041E
LanguageCodePage=874
DialogFontName=Tahoma
WelcomeFontName=Tahoma

[Messages]
SetupAppTitle=ติดตั้งโปรแกรม
SetupWindowTitle=ติดตั้ง %1
UninstallAppTitle=ถอนการติดตั้ง
UninstallAppFullTitle=ถอนการติดตั้ง %1
ExitSetupTitle=ออกจากการติดตั้ง
ExitSetupMessage=การติดตั้งยังไม่เสร็จ ถ้าออกตอนนี้ โปรแกรมจะไม่ถูกติดตั้ง%n%nเรียกโปรแกรมติดตั้งอีกครั้งภายหลังได้%n%nออกจากการติดตั้งหรือไม่?
ButtonBack=< ย้อนกลับ
ButtonNext=ถัดไป >
ButtonInstall=ติดตั้ง
ButtonOK=ตกลง
ButtonCancel=ยกเลิก
ButtonYes=ใช่
ButtonNo=ไม่
ButtonFinish=เสร็จสิ้น
ButtonBrowse=เลือก...
ButtonWizardBrowse=เลือก...
ButtonNewFolder=สร้างโฟลเดอร์ใหม่
SelectLanguageTitle=เลือกภาษาของโปรแกรมติดตั้ง
SelectLanguageLabel=เลือกภาษาที่ใช้ระหว่างการติดตั้ง
ClickNext=คลิก ถัดไป เพื่อดำเนินการต่อ หรือ ยกเลิก เพื่อออกจากการติดตั้ง
WelcomeLabel1=ยินดีต้อนรับสู่การติดตั้ง [name]
WelcomeLabel2=โปรแกรมนี้จะติดตั้ง [name/ver] ลงในคอมพิวเตอร์ของท่าน%n%nควรปิดโปรแกรมอื่นก่อนดำเนินการต่อ
WizardSelectDir=เลือกตำแหน่งที่ติดตั้ง
SelectDirDesc=จะติดตั้ง [name] ไว้ที่ใด?
SelectDirLabel3=โปรแกรมติดตั้งจะติดตั้ง [name] ลงในโฟลเดอร์ต่อไปนี้
SelectDirBrowseLabel=คลิก ถัดไป เพื่อดำเนินการต่อ ถ้าต้องการเลือกโฟลเดอร์อื่น คลิก เลือก
WizardSelectProgramGroup=เลือกโฟลเดอร์ในเมนูเริ่ม
SelectStartMenuFolderDesc=จะวางทางลัดของโปรแกรมไว้ที่ใด?
WizardSelectTasks=เลือกงานเพิ่มเติม
SelectTasksDesc=ต้องการให้ทำงานใดเพิ่มเติม?
SelectTasksLabel2=เลือกงานเพิ่มเติมที่ต้องการระหว่างติดตั้ง [name] แล้วคลิก ถัดไป
WizardReady=พร้อมติดตั้ง
ReadyLabel1=พร้อมเริ่มติดตั้ง [name] ลงในคอมพิวเตอร์ของท่านแล้ว
ReadyLabel2a=คลิก ติดตั้ง เพื่อเริ่ม หรือ ย้อนกลับ เพื่อตรวจดูหรือเปลี่ยนการตั้งค่า
WizardInstalling=กำลังติดตั้ง
InstallingLabel=กรุณารอสักครู่ ระหว่างติดตั้ง [name] ลงในคอมพิวเตอร์ของท่าน
FinishedHeadingLabel=ติดตั้ง [name] เสร็จแล้ว
FinishedLabelNoIcons=ติดตั้ง [name] ลงในคอมพิวเตอร์ของท่านเรียบร้อยแล้ว
FinishedLabel=ติดตั้ง [name] ลงในคอมพิวเตอร์ของท่านเรียบร้อยแล้ว เปิดโปรแกรมได้จากทางลัดที่ติดตั้งไว้
ClickFinish=คลิก เสร็จสิ้น เพื่อออกจากการติดตั้ง
ConfirmUninstall=ต้องการถอนการติดตั้ง %1 หรือไม่? (ข้อมูลของผู้ใช้และไฟล์สำรองข้อมูลจะยังอยู่)
UninstalledAll=ถอนการติดตั้ง %1 ออกจากคอมพิวเตอร์เรียบร้อยแล้ว
UninstallStatusLabel=กรุณารอสักครู่ ระหว่างถอนการติดตั้ง %1
WizardUninstalling=สถานะการถอนการติดตั้ง
StatusUninstalling=กำลังถอนการติดตั้ง %1...

[CustomMessages]
NameAndVersion=%1 รุ่น %2
AdditionalIcons=ทางลัดเพิ่มเติม:
CreateDesktopIcon=สร้างทางลัดบน&เดสก์ท็อป
UninstallProgram=ถอนการติดตั้ง %1
LaunchProgram=เปิด %1
